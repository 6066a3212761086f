"""Copies of the merged draft: a delegation answers on the document the secretariat
circulated, every delegation's proposals still tracked in it as `drafting merge` wrote
them ("EU", "EU, G77" as Word authors). Read as the sending delegation's changes, they
would all be proposed again in its name; they are the pending proposals already, and
left out with one warning (`not_proposed`). Its answer may touch those proposals too:
`drafting.readers.proposal_edits`."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Paragraph, Revision, Span
from drafting.readers.result import ReadWarning

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

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
        warnings.append(ReadWarning(first, (
            f"{what} {', '.join(who)} {'is' if count == 1 else 'are'} pending already "
            f"({shown}), as the merged draft shows {'it' if count == 1 else 'them'}: not "
            "proposed again")))
    return kept


def overlapping(drafts: list[Draft], target: Revision,
                proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
                shown: set[str] | None = None) -> list[Draft]:
    """``drafts`` but the brackets of alternatives the merged draft writes where pending
    proposals overlap: a "[" by their delegations ("JPN, BIH"), the words they would
    change, " / " and each one's words by each ("JPN", "BIH"), and a "]" by them all, each
    alternative one of the ``proposed`` amendments' effect on those words; and the
    alternative formulations it shows (`_formulations`). Read change by change, no
    alternative is any one proposal, and the copy was refused as changing them; one
    warning names those left out, and ``shown`` takes their ids."""
    drafts, formulations, first = _formulations(drafts, target, proposed)
    found: dict[str, list[Amendment]] = {first: formulations} if formulations else {}
    kept: list[Draft] = []
    index = 0
    while index < len(drafts):
        end, same = _alternatives(drafts, index, target, proposed)
        if same:
            found.setdefault(drafts[index].where, []).extend(same)  # one warning a place
            index = end
        else:
            kept.append(drafts[index])
            index += 1
    for where, those in found.items():
        if shown is not None:
            shown.update(a.id for a in those)
        ids = list(dict.fromkeys(a.id for a in those))
        who = sorted({code for a in those for code in a.proponents})
        warnings.append(ReadWarning(where, (
            f"the alternatives of {', '.join(who)} ({', '.join(ids)}) are pending already, "
            "as the merged draft shows them: not proposed again")))
    return kept


def _alternatives(drafts: list[Draft], index: int, target: Revision,
                  proposed: Mapping[str, Sequence[Amendment]]) -> tuple[int, list[Amendment]]:
    """Where the bracket of alternatives opening at ``drafts[index]`` ends (the index
    after its "]") and the pending amendments it shows; (index, []) for none."""
    opening = drafts[index]
    if opening.span is not None and (opening.kind is _K.REPLACE or (  # one delegation's
            opening.kind is _K.INSERT and opening.new_text.lstrip().startswith("[ / "))):
        return _one_bracket(opening, index, target, proposed)
    if opening.kind is not _K.INSERT or opening.new_text.strip() != "[" or \
            opening.span is None:
        return index, []
    paragraph, start = opening.paragraph, opening.span.start
    alternatives: list[Draft] = []
    for end in range(index + 1, len(drafts)):
        draft = drafts[end]
        if draft.paragraph is not paragraph or draft.kind is not _K.INSERT or \
                draft.span is None:
            return index, []
        if draft.new_text.strip() == "]" and draft.author == opening.author and alternatives:
            break
        first = not alternatives and draft.span.start == start  # words where there were none
        if not (draft.new_text.startswith(" / ") or first) or (
                alternatives and draft.span != alternatives[0].span):
            return index, []
        alternatives.append(draft)
    else:
        return index, []
    stop = alternatives[0].span.start
    if drafts[end].span.start != stop or stop < start:
        return index, []
    shown = _shown(paragraph, start, stop, [(a.new_text.removeprefix(" / "), a.author)
                                            for a in alternatives], target, proposed)
    return (end + 1, shown) if shown else (index, [])


def _formulations(drafts: list[Draft], target: Revision,
                  proposed: Mapping[str, Sequence[Amendment]],
                  ) -> tuple[list[Draft], list[Amendment], str]:
    """``drafts`` without the alternative formulations of a paragraph the merged draft
    shows ("OP2 Alt", "OP2 Alt 1" paragraphs inserted by their delegations), read as the
    paragraph bracketed whole and "[words]" inserted after it by each; the pending
    alternatives they are; where the first is. The changes the merged draft tracks in
    the bracketed paragraph (others' pending proposals: a deletion of the whole of it
    is its deletion) stay, to be read as they are."""
    kept: list[Draft] = []
    found: list[Amendment] = []
    first, index = "", 0
    while index < len(drafts):
        shown = _formulation(drafts, index, target, proposed)
        if shown is None:
            kept.append(drafts[index])
            index += 1
            continue
        end, inner, same = shown
        kept += inner
        found += same
        first = first or drafts[index].where
        index = end
    return kept, found, first


def _formulation(drafts: list[Draft], index: int, target: Revision,
                 proposed: Mapping[str, Sequence[Amendment]],
                 ) -> tuple[int, list[Draft], list[Amendment]] | None:
    """Where the alternative formulations shown after the paragraph bracketed at
    ``drafts[index]`` end, the changes inside the brackets, and the pending alternatives
    they are; None for none. The brackets are the reader's, untracked: one bracket
    proposal, or a "[" and a "]" apart where changes stand between them."""
    opening = drafts[index]
    paragraph = opening.paragraph
    size = len(paragraph.text)
    if opening.kind is _K.BRACKET and opening.span == Span(0, size):
        inner, after = [], index + 1
    elif opening.author is None and _inserted(opening, "[", 0):
        after = next((k for k in range(index + 1, len(drafts))
                      if drafts[k].paragraph is not paragraph or
                      (drafts[k].author is None and _inserted(drafts[k], "]", size))), None)
        if after is None or drafts[after].paragraph is not paragraph:
            return None
        inner, after = _whole_deleted(drafts[index + 1:after]), after + 1
    else:
        return None
    pending = [a for a in proposed.get(paragraph.id, ()) if a.kind is _K.ALTERNATIVE
               and a.revision == target.label and not a.amends]
    shown: list[Amendment] = []
    end = after
    while end < len(drafts) and drafts[end].paragraph is paragraph and \
            _inserted(drafts[end], None, size):
        added = drafts[end]
        names = {name.strip() for name in (added.author or "").split(",")} - {""}
        for words in added.new_text[1:-1].split("]["):
            same = [a for a in pending if _unspaced(a.new_text) == _unspaced(words)]
            if not same or not names <= {code for a in same for code in a.proponents}:
                return None
            shown += same
        end += 1
    return (end, inner, shown) if shown else None


def _inserted(draft: Draft, words: str | None, at: int) -> bool:
    """Whether ``draft`` inserts ``words`` at ``at`` of its paragraph (with None, words
    in brackets: "[...]")."""
    new = draft.new_text
    return draft.kind is _K.INSERT and draft.span == Span(at, at) and (
        new == words if words is not None else new.startswith("[") and new.endswith("]"))


def _whole_deleted(drafts: list[Draft]) -> list[Draft]:
    """``drafts``, a deletion of their paragraph's whole text made its deletion, as the
    reader reads a paragraph all deleted."""
    text = drafts[0].paragraph.text if drafts else ""
    return [replace(d, kind=_K.DELETE_PARAGRAPH, span=None, anchor=None, old_text=text,
                    new_text="") if d.kind is _K.DELETE and d.span == Span(0, len(text))
            else d for d in drafts]


def _one_bracket(draft: Draft, index: int, target: Revision,
                 proposed: Mapping[str, Sequence[Amendment]]) -> tuple[int, list[Amendment]]:
    """`_alternatives` of a bracket the merged draft tracks by one delegation alone (its
    own proposals beside a retain, "[words / ]", or words to insert, " [ / annual]"): read
    as one replacement of the words by the bracket, or one insertion."""
    inserted = draft.kind is _K.INSERT
    head = "[ / " if inserted else f"[{draft.old_text} / "
    new = draft.new_text.lstrip() if inserted else draft.new_text
    if draft.span is None or not (new.startswith(head) and new.endswith("]")):
        return index, []
    words = new[len(head):-1].split(" / ")
    shown = _shown(draft.paragraph, draft.span.start,
                   draft.span.start if inserted else draft.span.end,
                   [(alternative, draft.author) for alternative in words], target, proposed)
    return (index + 1, shown) if shown else (index, [])


def _shown(paragraph: Paragraph, start: int, stop: int,
           alternatives: list[tuple[str, str | None]], target: Revision,
           proposed: Mapping[str, Sequence[Amendment]]) -> list[Amendment]:
    """The pending amendments the ``alternatives`` (words, Word author) to ``paragraph``'s
    words ``start:stop`` show, each alternative one of its author's; [] if one is not."""
    text = paragraph.text
    pending = [a for a in proposed.get(paragraph.id, ()) if a.revision == target.label
               and not a.amends and a.kind in SPAN_KINDS]
    effects = [(a, _unspaced(effect(a, text))) for a in pending]
    shown: list[Amendment] = []
    for words, author in alternatives:
        result = _unspaced(text[:start] + words + text[stop:])
        same = [a for a, made in effects if made == result]
        names = {name.strip() for name in (author or "").split(",")}
        if not same or not names <= {code for a in same for code in a.proponents}:
            return []
        shown += same
    return shown


def _unspaced(text: str) -> str:
    """``text`` without its spaces: the merged draft's alternative and the proposal it
    shows may differ by one ("fisheries ," for a deletion of " sector" shown as an empty
    alternative to "sector")."""
    return _SPACES.sub("", text)


_SPACES = re.compile(r"\s+")


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
    names = {name.strip() for name in (draft.author or "").split(",")} - {""}
    if not names:
        return []
    text = draft.paragraph.text
    same = [a for a in proposed.get(draft.paragraph.id, ()) if a.revision == target.label
            and not a.amends and a.kind is draft.kind
            and effect(a, text) == effect(draft, text)]
    return same if same and names <= {code for a in same for code in a.proponents} else []


def effect(change: Amendment | Draft, text: str) -> str:
    """What a change does to its paragraph (whose text is ``text``), however its span was
    drawn: the text it leaves, or for a whole-paragraph one, the text it proposes, its
    spaces collapsed (deleting "as appropriate, " or "as appropriate," is one change)."""
    span = change.span
    if change.kind in SPAN_KINDS and span is not None:
        return " ".join((text[:span.start] + change.new_text + text[span.end:]).split())
    return " ".join(change.new_text.split())
