"""Copies of the merged draft: a delegation answers on the document the secretariat
circulated, every delegation's proposals still tracked in it as `drafting merge` wrote
them ("EU", "EU, G77" as Word authors). Read as the sending delegation's changes, they
would all be proposed again in its name; they are the pending proposals already, and
left out with one warning (`not_proposed`). The brackets of alternatives and the
alternative formulations it shows are `drafting.readers.merged_brackets`'; its answer
may touch those proposals too: `drafting.readers.proposal_edits`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from drafting.engine.anchoring import similarity
from drafting.engine.sublists import relettered
from drafting.errors import InputError
from drafting.lazy_re import lazy_compile
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Revision, Span
from drafting.readers.copy_text import quoted, who
from drafting.readers.result import ReadWarning
from drafting.wording import describe

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_TOGETHER_MOST = 8
"""The most pending proposals of one paragraph whose combinations `made_together` tries,
the nearest to the copy's changes (2**8 combinations at most)."""
_CODE_LONGEST = 20
"""The longest Word author name read as a delegation's code ("AOSIS", "G77")."""
_K = AmendmentKind


def not_proposed(drafts: list[Draft], target: Revision,
                 proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
                 delegation: str | None, authors: Mapping[str, str] | None,
                 shown: set[str] | None = None) -> list[Draft]:
    """``drafts`` but those `already_proposed`, the sending delegation's own pending
    proposals too where the file shows others' (the merged draft); one warning names
    those left out. A file holding nothing but its own pending proposals is its copy
    sent again, and the store calls it so. The ids of the pending proposals the copy
    shows are added to ``shown``."""
    kept, found, own, first = [], [], [], ""
    for draft in drafts:
        same = by_codes(draft, delegation, authors, own=True) and \
            already_proposed(draft, target, proposed)
        if same and shown is not None:
            shown.update(a.id for a in same)
        if same:
            commented(draft, same, warnings)
        if same and by_codes(draft, delegation, authors):
            found += same
            first = first or draft.where
        elif same:
            own.append((draft, same))
        else:
            kept.append(draft)
    if own and not kept and not found:  # its own copy sent again: the store says so
        kept = [draft for draft, _ in own]
    else:  # the merged draft, its own proposals among the others': pending already
        found += [a for _, same in own for a in same]
        first = first or (own[0][0].where if own else "")
    if found:
        ids = list(dict.fromkeys(a.id for a in found))  # in the file's order
        who = sorted({code for a in found for code in a.proponents})
        shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
        count = len(drafts) - len(kept)
        what = "1 tracked change (here) by" if count == 1 else \
            f"{count} tracked changes (the first here) by"
        how = f"as the merged draft shows {'it' if count == 1 else 'them'}" if \
            any(by_codes(d, delegation, authors) for d in drafts) else \
            f"{'its' if count == 1 else 'their'} own proposal{'' if count == 1 else 's'}"
        warnings.append(ReadWarning(first, (
            f"{what} {', '.join(who)} {'is' if count == 1 else 'are'} pending already "
            f"({shown}), {how}: not proposed again")))
    return kept


def commented(draft: Draft, same: Sequence[Amendment], warnings: list[ReadWarning],
              status: str = "pending") -> None:
    """A warning for each comment on ``draft``, set aside as the proposals ``same``
    (``status`` already), that its Word author did not write (the merged draft's comment
    carrying the proposal's reason is by it): another's word on that proposal, not read."""
    ids = ", ".join(a.id for a in same)
    whose = ", ".join(dict.fromkeys(code for a in same for code in a.proponents))
    hint = f" (to oppose it, amend its paragraph with --retain; to change it, amend " \
        f"{same[0].id})" if status == "pending" else ""
    for author, text in draft.comments:
        if author == draft.author:
            continue
        warnings.append(ReadWarning(draft.where, (
            f"a comment by {who(author)} on {ids} ({whose}'s proposal: "
            f"{'; '.join(dict.fromkeys(describe(a) for a in same))}) is not read: the "
            f"proposal is {status} already, and a comment alone proposes nothing{hint}: "
            f"{quoted(text, 200)}")))


class Proposals(dict[str, list[Amendment]]):
    """The pending amendments to a document, by paragraph id, and in ``settled`` the others
    (accepted, rejected, withdrawn, stale) likewise."""

    def __init__(self) -> None:
        super().__init__()
        self.settled: dict[str, list[Amendment]] = {}


def settled_shown(drafts: list[Draft], proposed: Mapping[str, Sequence[Amendment]],
                  warnings: list[ReadWarning], delegation: str | None,
                  authors: Mapping[str, str] | None, symbol: str) -> list[Draft]:
    """``drafts`` but those tracked by other delegations' codes that are one of their
    proposals settled already (rejected, withdrawn, stale; in a copy of a merged draft
    circulated before the decision): each named in a warning, never proposed again in
    the sender's name."""
    settled = getattr(proposed, "settled", None)
    if not settled:
        return drafts
    kept = []
    for draft in drafts:
        names = _author_codes(draft)
        same = [a for a in settled.get(draft.paragraph.id, ()) if a.kind is draft.kind
                and names <= set(a.proponents) and _words(a) == _words(draft)] \
            if by_codes(draft, delegation, authors) else []
        if not same:
            kept.append(draft)
            continue
        found = same[-1]
        commented(draft, [found], warnings, str(found.status))
        sender = delegation or "the sender"
        warnings.append(ReadWarning(draft.where, (
            f"the change tracked by {draft.author} is {found.id} of "
            f"{', '.join(found.proponents)} ({describe(found)}), {found.status} already: the "
            f"file shows a merged draft circulated before that; not proposed again in "
            f"{sender}'s name (to propose it anew: drafting amend {symbol} ... -d "
            f"{delegation or 'CODE'})")))
    return kept


def _author_codes(draft: Draft) -> set[str]:
    """The delegation codes a Word author names ("EU, G77": EU and G77)."""
    return {name.strip() for name in (draft.author or "").split(",")} - {""}


def _words(change: Amendment | Draft) -> tuple[str, str]:
    """What a change takes out and puts in, its spaces collapsed."""
    return " ".join(change.old_text.split()), " ".join(change.new_text.split())


def unspaced(text: str) -> str:
    """``text`` without its spaces: the merged draft's alternative and the proposal it
    shows may differ by one ("fisheries ," for a deletion of " sector" shown as an empty
    alternative to "sector")."""
    return _SPACES.sub("", text)


_SPACES = lazy_compile(r"\s+")


def by_codes(draft: Draft, delegation: str | None, authors: Mapping[str, str] | None,
             *, own: bool = False) -> bool:
    """Whether ``draft``'s Word author reads as the codes of delegations ("EU", "EU, G77"),
    as the merged draft writes them: other than the one it would be read as, or with
    ``own``, that one too."""
    names = [name.strip() for name in (draft.author or "").split(",")]
    mine = (authors or {}).get(draft.author or "", delegation)
    return all(name and " " not in name and len(name) <= _CODE_LONGEST for name in names) \
        and (own or set(names) != {mine})


def already_proposed(draft: Draft, target: Revision,
                     proposed: Mapping[str, Sequence[Amendment]]) -> list[Amendment]:
    """The pending amendments among ``proposed`` (by paragraph id) that ``draft`` is:
    the same change to the same paragraph of ``target``, tracked by Word author "EU" or
    "EU, USA", the delegations that propose it, as the merged draft that `drafting
    merge` writes tracks it; [] for a change of the file's own. A copy of the merged
    draft carries every delegation's proposals: read as the changes of the delegation
    sending it, they would be proposed again in its name."""
    names = _author_codes(draft)
    if not names:
        return []
    text = draft.paragraph.text
    same = [a for a in proposed.get(draft.paragraph.id, ()) if a.revision == target.label
            and not a.amends and _both_words(a.kind, draft.kind)
            and effect(a, text) == effect(draft, text)]
    return same if same and names <= {code for a in same for code in a.proponents} else []


_WORDS = frozenset({_K.REPLACE, _K.INSERT, _K.DELETE})
"""Changes of words: the merged draft shows proposals that make the paragraph the same,
typed over different words, as one change on the fewest words that differ
(`drafting.engine.equivalent`), a replacement shown as the insertion it makes."""


def _both_words(kind: AmendmentKind, other: AmendmentKind) -> bool:
    """Whether a change of kind ``other`` may be shown for one of ``kind``."""
    return kind is other or (kind in _WORDS and other in _WORDS)


def effect(change: Amendment | Draft, text: str) -> str:
    """What a change does to its paragraph (whose text is ``text``), however its span was
    drawn: the text it leaves, or for a whole-paragraph one, the text it proposes, its
    spaces collapsed (deleting "as appropriate, " or "as appropriate," is one change) and
    none before a closing mark (deleting " on its work" or "on its work" before ";" is one
    change: pandoc writes the space a tracked change begins with in a run of its own)."""
    span = change.span
    if change.kind in SPAN_KINDS and span is not None:
        left = text[:span.start] + change.new_text + text[span.end:]
    else:
        left = change.new_text
    return _BEFORE_CLOSING.sub("", " ".join(left.split()))


_BEFORE_CLOSING = lazy_compile(r" (?=[;,.:)\]])")


def made_together(drafts: Sequence[Draft], pending: Sequence[Amendment]) -> list[Amendment]:
    """The fewest of the ``pending`` proposals of a paragraph that, accepted together,
    make its text as the untracked ``drafts`` (changes of its words, apart) do, its items
    numbered again as Word numbers them: an item deleted by one delegation and the next
    two joined by another, all accepted, read as one change of the copy, or as words a
    diff draws apart. In the text's order; [] where none do (or a draft is no change of
    words)."""
    if not drafts or any(d.kind not in SPAN_KINDS or d.span is None for d in drafts):
        return []
    text = drafts[0].paragraph.text
    made = applied(text, sorted(drafts, key=lambda d: _span(d).start))
    if made is None:
        return []
    made = _renumbered(text, made)
    low, high = min(_span(d).start for d in drafts), max(_span(d).end for d in drafts)
    spans = [a for a in pending if a.kind in SPAN_KINDS and a.span is not None]
    spans.sort(key=lambda a: max(_span(a).start - high, low - _span(a).end, 0))
    near = sorted(spans[:_TOGETHER_MOST], key=lambda a: (_span(a).start, _span(a).end))
    for size in range(1, len(near) + 1):
        for chosen in combinations(near, size):
            together = applied(text, chosen)
            if together is not None and _renumbered(text, together) == made:
                return list(chosen)
    return []


def as_proposed(text: str, pending: Sequence[Amendment], copy: str) -> str:
    """``text`` (a paragraph's) as those of its ``pending`` proposals that bring it nearer
    ``copy`` (a copy's paragraph, its tracked changes rejected) make it, its items
    numbered again as Word numbers them: what a copy of the merged draft that accepted
    them reads, however much they change it. Each proposal of words is tried in the
    text's order, and kept where it brings the text nearer by `similarity`."""
    spans = sorted((a for a in pending if a.kind in SPAN_KINDS and a.span is not None),
                   key=lambda a: (_span(a).start, _span(a).end))
    chosen: list[Amendment] = []
    made, best = text, _alike(copy, text)
    for amendment in spans:
        together = applied(text, [*chosen, amendment])
        if together is None:
            continue
        ratio = _alike(copy, renumbered := relettered(text, together))
        if ratio > best:
            chosen.append(amendment)
            made, best = renumbered, ratio
    return made


def _alike(one: str, other: str) -> float:
    """`similarity` of two texts; 0 for texts too different to compare."""
    try:
        return similarity(one, other)
    except InputError:  # too many different words to compare: not alike
        return 0.0


def applied(text: str, chosen: Sequence[Amendment | Draft]) -> str | None:
    """``text`` with each of the ``chosen`` changes (in the text's order) made; None
    where two overlap."""
    out, last = "", 0
    for amendment in chosen:
        span = _span(amendment)
        if span.start < last:
            return None
        out += text[last:span.start] + amendment.new_text
        last = span.end
    return out + text[last:]


def _span(change: Amendment | Draft) -> Span:
    """The span of a change of words (one that has one)."""
    assert change.span is not None
    return change.span


def _renumbered(text: str, new: str) -> str:
    """``new`` (``text`` changed) with its items numbered as Word numbers them, its spaces
    collapsed."""
    return " ".join(relettered(text, new).split())
