"""A Word submission's amendments as the reader finds them (`Draft`: no proponent, no id
yet), then attributed to delegations, checked against the revision's text and numbered
(`finish`): the last step of `drafting.readers.docx_submission`."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from drafting import brackets
from drafting.engine.amend import apply
from drafting.engine.applied import apply_accepted
from drafting.errors import AmendmentError, ReaderError
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Paragraph, Revision, Span
from drafting.readers.copy_answers import accepted, rejected
from drafting.readers.copy_moved_notes import unmarked
from drafting.readers.copy_text import check_characters, check_new_words, quoted, who
from drafting.readers.merged_brackets import overlapping
from drafting.readers.merged_copies import by_codes, not_proposed, settled_shown
from drafting.readers.proposal_edits import on_proposals, own_amended
from drafting.readers.proposal_words import Struck, unstruck
from drafting.readers.result import ReadWarning
from drafting.readers.shown_edits import Reading
from drafting.readers.typed_form import PLAIN, Form, marks_in


@dataclass(frozen=True, slots=True)
class Draft:
    """An amendment before its proponent and id are known. ``amends``: the pending
    proposal it amends (its span and old text then in that proposal's words)."""

    kind: AmendmentKind
    paragraph: Paragraph
    author: str | None
    date: datetime | None
    where: str
    span: Span | None = None
    anchor: Span | None = None
    old_text: str = ""
    new_text: str = ""
    reason: str = ""
    comments: tuple[tuple[str, str], ...] = ()
    """The comments ``reason`` is made of: (Word author, text)."""
    amends: Amendment | None = None
    typed: tuple[tuple[str | None, datetime | None, str], ...] = ()
    """A new paragraph typed by several authors: its words by the author typing each
    stretch (Word author, date, words); () for one author's."""
    struck: tuple[Struck, ...] = ()
    """Words of ``new_text`` another author struck out (a deletion inside this
    insertion): an amendment to the proposal it is, or else in neither text."""
    form: Form = PLAIN
    """The words typed and the formatting they were typed in (`drafting.readers.typed_form`):
    the amendment's marks where its ``new_text`` holds them."""


def finish(target: Revision, drafts: list[Draft], delegation: str | None,
           authors: Mapping[str, str] | None, submitted_at: datetime | None,
           ids: Iterator[str] | None, warnings: list[ReadWarning],
           proposed: Callable[[], Mapping[str, Sequence[Amendment]]] | None = None,
           symbol: str = "<document>", commented: Collection[str] = (),
           name: str = "", marked: bool = False) -> list[Amendment]:
    """Attribute every draft and check it against the text; then give each an id. A draft
    that is one of the ``proposed`` amendments (the pending ones, by paragraph id, asked
    for only where a change's Word author reads as delegation codes), by the delegations
    proposing it (as the merged draft writes it), is left out with a warning
    (`drafting.readers.merged_copies`); a "[" and a "]" inserted around words are one
    bracket proposal (`bracketed`), a "[" and its "]" deleted around words one lifting of
    the brackets (`lifted`), and a deletion and the insertion typed after it one
    replacement (`replacements`). Where the file tracks pending proposals, what it does to
    them is read first (`drafting.readers.proposal_edits.on_proposals`,
    `drafting.readers.merged_brackets.overlapping`): words typed in a proposal's words,
    or struck out of them (`Draft.struck`), amend it, a proposal changed in the copy
    refuses the file, one the copy accepted untracked (a bracket of alternatives or an
    alternative formulation too), or rejected, is named in a warning. Words struck that
    amend no pending proposal are in neither text (`unstruck`). ``symbol``: the
    document's, in the commands the messages show; ``commented``: the pending proposals
    whose comments the merged draft wrote the copy holds (`merged_comments`),
    ``name`` the file's, for the warnings when it changed nothing, and ``marked``
    whether the file says it is the merged draft of ``target`` (`MERGED_DRAFT`): a copy
    neither showing nor saying so is a copy of the text."""
    drafts = replacements(lifted(bracketed(_struck_early(drafts, delegation, authors, proposed,
                                                  warnings))))
    drafts = unmarked(drafts, target.paragraphs, warnings)  # a paragraph moved, its note
    tracked = any(by_codes(d, delegation, authors, own=True) for d in drafts)
    # changes made untracked may be the merged draft's, accepted in Word: maybe every
    # one (an edited copy), maybe beside the sender's own tracked changes
    if proposed is not None and (tracked or any(d.author is None for d in drafts) or
                                 commented):
        pending, shown = proposed(), set[str]()
        name = drafts[0].where.split(", paragraph", 1)[0].split(" (", 1)[0] if drafts \
            else name  # the file's
        if tracked:
            drafts = overlapping(drafts, target, pending, warnings, shown,
                                 Reading(delegation, authors, symbol))
            drafts = on_proposals(drafts, target, pending, warnings, delegation, authors,
                                  symbol, shown)
            drafts = not_proposed(drafts, target, pending, warnings, delegation, authors,
                                  shown)
            drafts = settled_shown(drafts, pending, warnings, delegation, authors, symbol)
        else:
            drafts = accepted(drafts, target, pending, warnings, delegation, authors, shown,
                              merged=bool(commented) or marked)
        rejected(shown, target, pending, warnings, name, delegation, authors, symbol,
                 commented, marked)
    drafts = unstruck(drafts, warnings)  # amending no pending proposal
    codes = [delegation if d.author is None or authors is None else
             authors.get(d.author, delegation) for d in drafts]  # unmapped: the file's
    unknown = sorted({d.author for d, c in zip(drafts, codes, strict=True)
                      if c is None and d.author})
    if unknown:
        names = ", ".join(f"'{a}'" for a in unknown)
        example = " ".join(f"--author '{a}=CODE'" for a in unknown[:2])
        raise ReaderError(f"no delegation is known for the Word author(s) {names}; map each "
                          f"author to a delegation code ({example}), or give one "
                          "delegation for the whole file")
    if any(c is None for c in codes):
        where = next(d.where for d, c in zip(drafts, codes, strict=True) if c is None)
        raise ReaderError(f"{where}: a change has no Word author (or is not tracked); give the "
                          "delegation it belongs to (delegation=..., or --delegation CODE)")
    own_amended(drafts, codes)
    _several_authors(drafts, delegation, authors, warnings)
    for draft in drafts:
        if draft.typed:
            warnings.append(ReadWarning(draft.where, "the new paragraph was typed by several "
                                        f"authors; it is read as {who(draft.author)}'s"))
    amendments = []
    balanced: dict[str, bool] = {}  # by paragraph id: many amendments share one
    unbalancing: list[tuple[Draft, Amendment]] = []
    for draft, code in zip(drafts, codes, strict=True):
        check_characters(f"{draft.where}, the Word author's name", draft.author or "")
        placed = draft.span if draft.amends is None and draft.kind in SPAN_KINDS else None
        check_new_words(draft.where, draft.new_text, draft.amends.new_text
                        if draft.amends is not None else draft.paragraph.text,
                        *((placed.start, placed.end) if placed is not None else ()),
                        cites="" if draft.kind is AmendmentKind.NEW_PARAGRAPH else None)
        amendment = Amendment(
            id="", kind=draft.kind, paragraph_id=draft.paragraph.id, revision=target.label,
            proponents=(str(code),),
            span=draft.span, anchor=draft.anchor, old_text=draft.old_text,
            new_text=draft.new_text, reason=draft.reason, submitted_by=draft.author or "",
            submitted_at=draft.date or submitted_at,
            amends=draft.amends.id if draft.amends is not None else "",
            marks=marks_in(draft.form, draft.new_text))
        if _unbalancing(draft, amendment, balanced):
            unbalancing.append((draft, amendment))
        amendments.append(amendment)
    for draft, amendment in unbalancing:
        if not _balanced_together(draft, amendment, amendments):
            warnings.append(ReadWarning(draft.where, f"the {amendment.kind} of "
                                        f"{quoted(amendment.old_text or amendment.new_text)} "
                                        "leaves the paragraph's square brackets unbalanced"))
    return [replace(a, id=next(ids) if ids is not None else f"{a.proponents[0]}-docx-{n}")
            for n, a in enumerate(amendments, 1)]


def bracketed(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with each "[" inserted and the "]" its author inserted next in the same
    paragraph, around words the file leaves as they were, made one bracket proposal
    (``[from all sources]``): what a delegation means by bracketing words in Word; or,
    where an alternative comes before the "]" (``[from all sources / from public
    sources]``, ``[from all sources][from public sources]``), one replacement of the words
    by the bracket. Two insertions of half a bracket each were proposed, each leaving the
    paragraph unbalanced."""
    return _folded(drafts, _bracket)


def _bracket(opening: Draft, draft: Draft) -> Draft | None:
    """The bracket proposal an inserted "[" and the "]" after it make (`bracketed`)."""
    if _inserts(opening) != "[" or not _inserts(draft).endswith("]") or \
            not _one_hand(opening, draft):
        return None
    start, end = opening.span.start, draft.span.start  # type: ignore[union-attr]
    words = draft.paragraph.text[start:end]
    new = f"[{words}{draft.new_text}"
    if not words.strip() or brackets.faults(words) or brackets.faults(new):
        return None
    kind = AmendmentKind.BRACKET if draft.new_text == "]" else AmendmentKind.REPLACE
    return _one(opening, draft, kind=kind, span=Span(start, end), anchor=None,
                old_text=words, new_text=new)


def lifted(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with each "[" deleted and the "]" closing it deleted next by the same
    author, around words the file leaves as they were, made one proposal to lift the
    brackets: a replacement of "[words]" by "words" (`drafting.brackets.lifted`), a
    paragraph bracketed whole agreed, or a phrase. A bracket deleted alone, or around
    words changed, stays as typed (and the paragraph unbalanced is warned of)."""
    return _folded(drafts, _lift)


def _lift(opening: Draft, draft: Draft) -> Draft | None:
    """The lifting a deleted "[" and the "]" after it make (`lifted`)."""
    if _deletes(opening) != "[" or _deletes(draft) != "]" or not _one_hand(opening, draft):
        return None
    start, end = opening.span.start, draft.span.end  # type: ignore[union-attr]
    old = draft.paragraph.text[start:end]
    if not brackets.lifted(old, old[1:-1]):
        return None
    return _one(opening, draft, kind=AmendmentKind.REPLACE, span=Span(start, end),
                anchor=None, old_text=old, new_text=old[1:-1])


def replacements(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with a deletion and the insertion its author made next, where only
    spaces stand between them, made one replacement ("all" struck through and "public and
    private" typed after it: all -> public and private), as Word makes one of words
    selected and typed over."""
    return _folded(drafts, _replacement)


def _replacement(gone: Draft, draft: Draft) -> Draft | None:
    """The replacement a deletion and the insertion typed after it make (`replacements`)."""
    if gone.kind is not AmendmentKind.DELETE or gone.span is None or not _inserts(draft) \
            or draft.paragraph is not gone.paragraph or draft.author != gone.author \
            or draft.struck:
        return None
    text, start, end = draft.paragraph.text, gone.span.start, gone.span.end
    point = draft.span.start  # type: ignore[union-attr]
    if point < end or text[end:point].strip():
        return None
    new = text[end:point] + draft.new_text
    if start > 0 and text[start - 1].isspace():
        new = new.lstrip()
    if point < len(text) and text[point].isspace():
        new = new.rstrip()
    if not new or new == text[start:point]:
        return None
    return _one(gone, draft, kind=AmendmentKind.REPLACE, span=Span(start, point),
                old_text=text[start:point], new_text=new)


def _folded(drafts: list[Draft], join: Callable[[Draft, Draft], Draft | None]) -> list[Draft]:
    """``drafts`` with each one that ``join`` makes one proposal with the draft kept
    before it (as joined so far) made that proposal, in its place."""
    out: list[Draft] = []
    for draft in drafts:
        made = join(out[-1], draft) if out else None
        if made is None:
            out.append(draft)
        else:
            out[-1] = made
    return out


def _one_hand(first: Draft, second: Draft) -> bool:
    """Whether ``first`` and ``second`` are by one author in one paragraph, neither struck
    by hand."""
    return second.paragraph is first.paragraph and second.author == first.author and \
        not first.struck and not second.struck


def _one(first: Draft, second: Draft, **made: object) -> Draft:
    """``first`` made the proposal ``made`` says, with the reason and comments of either."""
    return replace(first, reason=first.reason or second.reason,
                   comments=first.comments or second.comments, **made)  # type: ignore[arg-type]


def _struck_early(drafts: list[Draft], delegation: str | None,
                  authors: Mapping[str, str] | None,
                  proposed: Callable[[], Mapping[str, Sequence[Amendment]]] | None,
                  warnings: list[ReadWarning]) -> list[Draft]:
    """``drafts`` with the words struck in them read as words inserted and deleted
    again (`unstruck`), but those that may amend a pending proposal: struck in words
    tracked by delegation codes, not by another delegation's code (the merged draft
    strikes others' insertions so in a paragraph it deletes)."""
    if not any(d.struck for d in drafts):
        return drafts

    def gone(draft: Draft, struck: Struck) -> bool:
        return proposed is None or not by_codes(draft, delegation, authors, own=True) or \
            by_codes(replace(draft, author=struck.author), delegation, authors)

    return unstruck(drafts, warnings, gone)


def _deletes(draft: Draft) -> str:
    """What ``draft`` deletes, if it is a deletion ("" otherwise)."""
    return draft.old_text if draft.kind is AmendmentKind.DELETE and draft.span is not None \
        else ""


def _inserts(draft: Draft) -> str:
    """What ``draft`` inserts, if it is an insertion ("" otherwise)."""
    return draft.new_text if draft.kind is AmendmentKind.INSERT and draft.span is not None \
        else ""


def _several_authors(drafts: list[Draft], delegation: str | None,
                     authors: Mapping[str, str] | None, warnings: list[ReadWarning]) -> None:
    """A warning when the changes of several Word authors, not all of whom name the
    delegation, are all read as ``delegation``'s (none in the ``authors`` map): a copy
    passed on from another delegation still holds that delegation's tracked changes, which would be
    proposed in this one's name."""
    if delegation is None:
        return
    counts = Counter(d.author for d in drafts if d.author and d.author not in (authors or {}))
    named = re.compile(rf"(?<![\w-]){re.escape(delegation)}(?![\w-])", re.IGNORECASE)
    if len(counts) < 2 or all(named.search(author) for author in counts):
        return  # one author, or each names the delegation ("Anna Schmidt (EU)")
    names = ", ".join(f"{author} ({count})" for author, count in counts.most_common())
    warnings.append(ReadWarning(drafts[0].where.split(", paragraph", 1)[0], (
        f"the tracked changes are by {len(counts)} Word authors ({names}), all read as "
        f"{delegation}'s; if some are another delegation's, map each author to its "
        "delegation (--author 'Name=CODE')")))


def _unbalancing(draft: Draft, amendment: Amendment, balanced: dict[str, bool]) -> bool:
    """ReaderError if the amendment does not fit its paragraph; whether it leaves the
    paragraph's brackets unbalanced (``balanced``: whether each paragraph's are, by id,
    filled in as paragraphs are met)."""
    if draft.span is None or draft.kind not in SPAN_KINDS:
        return False
    words = draft.paragraph.text if draft.amends is None else draft.amends.new_text
    try:
        result = apply(words, amendment)
    except AmendmentError as error:
        raise ReaderError(f"{draft.where}: the change cannot be placed on "
                          f"{draft.paragraph.label}: {error.message}") from error
    paragraph = draft.paragraph
    if draft.amends is None and paragraph.id not in balanced:
        balanced[paragraph.id] = _balanced(paragraph.text)
    was = _balanced(words) if draft.amends is not None else balanced[paragraph.id]
    return was and not _balanced(result)


def _balanced_together(draft: Draft, amendment: Amendment,
                       amendments: Sequence[Amendment]) -> bool:
    """Whether the changes the file makes to ``amendment``'s paragraph in the name of its
    proponents, taken together, leave its brackets balanced: a "[" and a "]" deleted
    around words agreed (the brackets taken away) unbalance nothing."""
    if draft.amends is not None:
        return False
    together = [a for a in amendments if a.paragraph_id == amendment.paragraph_id
                and a.proponents == amendment.proponents and not a.amends
                and a.kind in SPAN_KINDS]
    try:
        return _balanced(apply_accepted(draft.paragraph, draft.paragraph.text, together))
    except AmendmentError:  # changes that overlap: no telling
        return False


def _balanced(text: str) -> bool:
    """Whether ``text``'s square brackets pair up (as `brackets.parse` reads them)."""
    return not brackets.faults(text)
