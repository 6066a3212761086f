"""The brackets of alternatives and the alternative formulations a copy of the merged
draft shows (`overlapping`): read change by change, no alternative is any one proposal;
read whole, each is a pending proposal already, and words the sender typed in one, or
struck out of it, amend that proposal (`drafting.readers.shown_edits`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Paragraph, Revision, Span
from drafting.readers.merged_copies import effect, unspaced
from drafting.readers.result import ReadWarning
from drafting.readers.shown_edits import Reading, Shown, formulation_edits, option_edits

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind


def overlapping(drafts: list[Draft], target: Revision,
                proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
                shown: set[str] | None = None, reading: Reading | None = None,
                ) -> list[Draft]:
    """``drafts`` but the brackets of alternatives the merged draft writes where pending
    proposals overlap: a "[" by their delegations ("JPN, BIH"), the words they would
    change, " / " and each one's words by each ("JPN", "BIH"), and a "]" by them all, each
    alternative one of the ``proposed`` amendments' effect on those words; and the
    alternative formulations it shows (`_formulations`). Read change by change, no
    alternative is any one proposal, and the copy was refused as changing them; one
    warning names those left out, and ``shown`` takes their ids. Words the sender
    (``reading``: for whom the file is read) typed in an alternative, or struck out of
    it, are amendments to its proposal, kept in its place."""
    reading = reading or Reading(None, None)
    drafts, formulations, first = _formulations(drafts, target, proposed, reading)
    found: dict[str, list[Amendment]] = {first: formulations} if formulations else {}
    kept: list[Draft] = []
    index = 0
    while index < len(drafts):
        end, same, edits = _alternatives(drafts, index, target, proposed, reading)
        if same:
            found.setdefault(drafts[index].where, []).extend(same)  # one warning a place
            kept += edits
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
                  proposed: Mapping[str, Sequence[Amendment]], reading: Reading,
                  ) -> tuple[int, list[Amendment], list[Draft]]:
    """Where the bracket of alternatives opening at ``drafts[index]`` ends (the index
    after its "]"), the pending amendments it shows, and the changes the sender made in
    it (amendments to them, or to the words of the text it brackets); (index, [], [])
    for none."""
    opening = drafts[index]
    if opening.span is not None and (opening.kind is _K.REPLACE or (  # one delegation's
            opening.kind is _K.INSERT and opening.new_text.lstrip().startswith("[ / "))):
        end, same = _one_bracket(opening, index, target, proposed)
        return end, same, []
    if opening.kind is not _K.INSERT or opening.new_text.strip() != "[" or \
            opening.span is None:
        return index, [], []
    paragraph, start = opening.paragraph, opening.span.start
    options: list[list[Draft]] = []  # each alternative's pieces, its words and the sender's
    on_text: list[Draft] = []  # the sender's changes to the words the bracket stands on
    for end in range(index + 1, len(drafts)):
        draft = drafts[end]
        if draft.paragraph is not paragraph or draft.span is None:
            return index, [], []
        if draft.kind is _K.INSERT and draft.new_text.strip() == "]" and \
                draft.author == opening.author and options:
            break
        mine = reading.mine(draft)
        if not options and mine and start <= draft.span.start and draft.kind in SPAN_KINDS:
            on_text.append(draft)  # typed in the words the alternatives replace
            continue
        if draft.kind is not _K.INSERT or (options and draft.span != options[0][0].span):
            return index, [], []
        closing = draft.author == opening.author and draft.new_text.endswith("]")
        piece = replace(draft, new_text=draft.new_text[:-1]) if closing else draft
        if piece.new_text.startswith(" / ") or (not options and piece.span.start == start):
            options.append([piece])  # a new alternative ("words where there were none")
        elif options and (mine or piece.author == options[-1][0].author):
            options[-1].append(piece)  # typed in it, or its words after those typed
        else:
            return index, [], []
        if closing:  # one delegation's bracket: its last words and the "]" as one
            break
    else:
        return index, [], []
    stop = options[0][0].span.start  # type: ignore[union-attr]
    if drafts[end].span.start != stop or stop < start or \
            any(d.span.end > stop for d in on_text):  # type: ignore[union-attr]
        return index, [], []
    read = [Shown.of(pieces, reading, pieces[0].new_text.startswith(" / "))
            for pieces in options]
    matched = _each_shown(paragraph, start, stop, [(s.words, s.author) for s in read],
                          target, proposed)
    if matched is None:
        return index, [], []
    edits = [edit for s, same in zip(read, matched, strict=True)
             for edit in option_edits(s, same, start, stop, reading)]
    return end + 1, [a for same in matched for a in same], on_text + edits


def _formulations(drafts: list[Draft], target: Revision,
                  proposed: Mapping[str, Sequence[Amendment]], reading: Reading,
                  ) -> tuple[list[Draft], list[Amendment], str]:
    """``drafts`` without the alternative formulations of a paragraph the merged draft
    shows ("OP2 Alt", "OP2 Alt 1" paragraphs inserted by their delegations), read as the
    paragraph bracketed whole and "[words]" inserted after it by each; the pending
    alternatives they are; where the first is. The changes the merged draft tracks in
    the bracketed paragraph (others' pending proposals: a deletion of the whole of it
    is its deletion) stay, to be read as they are, and so do the amendments the sender
    made in an alternative."""
    kept: list[Draft] = []
    found: list[Amendment] = []
    first, index = "", 0
    while index < len(drafts):
        shown = _formulation(drafts, index, target, proposed, reading)
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
                 proposed: Mapping[str, Sequence[Amendment]], reading: Reading,
                 ) -> tuple[int, list[Draft], list[Amendment]] | None:
    """Where the alternative formulations shown after the paragraph bracketed at
    ``drafts[index]`` end, the changes inside the brackets (and the sender's in the
    alternatives), and the pending alternatives they are; None for none. The brackets
    are the reader's, untracked: one bracket proposal, or a "[" and a "]" apart where
    changes stand between them."""
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
    end = after
    while end < len(drafts) and drafts[end].paragraph is paragraph and \
            drafts[end].kind is _K.INSERT and drafts[end].span == Span(size, size):
        end += 1
    pending = [a for a in proposed.get(paragraph.id, ()) if a.kind is _K.ALTERNATIVE
               and a.revision == target.label and not a.amends]
    found = formulation_edits(drafts[after:end], pending, reading)
    if found is None:
        return None
    same, edits = found
    return (end, inner + edits, same) if same else None


def _inserted(draft: Draft, words: str, at: int) -> bool:
    """Whether ``draft`` inserts ``words`` at ``at`` of its paragraph."""
    return draft.kind is _K.INSERT and draft.span == Span(at, at) and draft.new_text == words


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
    if draft.span is None or draft.struck or not (new.startswith(head) and new.endswith("]")):
        return index, []
    words = new[len(head):-1].split(" / ")
    matched = _each_shown(draft.paragraph, draft.span.start,
                          draft.span.start if inserted else draft.span.end,
                          [(alternative, draft.author) for alternative in words],
                          target, proposed)
    return (index + 1, [a for same in matched for a in same]) if matched else (index, [])


def _each_shown(paragraph: Paragraph, start: int, stop: int,
                alternatives: list[tuple[str, str | None]], target: Revision,
                proposed: Mapping[str, Sequence[Amendment]],
                ) -> list[list[Amendment]] | None:
    """The pending amendments each of the ``alternatives`` (words, Word author) to
    ``paragraph``'s words ``start:stop`` shows, each alternative one of its author's;
    None if one is not."""
    text = paragraph.text
    pending = [a for a in proposed.get(paragraph.id, ()) if a.revision == target.label
               and not a.amends and a.kind in SPAN_KINDS]
    effects = [(a, unspaced(effect(a, text))) for a in pending]
    shown: list[list[Amendment]] = []
    for words, author in alternatives:
        result = unspaced(text[:start] + words + text[stop:])
        same = [a for a, made in effects if made == result]
        names = {name.strip() for name in (author or "").split(",")}
        if not same or not names <= {code for a in same for code in a.proponents}:
            return None
        shown.append(same)
    return shown
