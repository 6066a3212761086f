"""A copy's footnotes, told apart from the revision's.

Word numbers footnotes in the order the text cites them, so a footnote a delegation
inserts renumbers every footnote after it: the copy's footnote 2 may be the revision's
FN1. Each of the copy's footnotes is matched to one of the revision's by its text (as
it was before the copy's tracked changes: the same, else the most like it), and the
markers in the copy's paragraphs are given the revision's numbers, so that renumbering
proposes nothing. A footnote that is none of the revision's (inserted, with Track
Changes or without) is not yet a proposal drafting records: it is named in a warning and
its marker taken out, never read as a paragraph of the draft. The warning says so where
it has the words of one of the revision's footnotes (`inserted_said`): Word gives a
paragraph moved with Track Changes a footnote of its own, and accepting the deletion
where the paragraph was deletes the revision's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from drafting.brackets import NOTE_MARKER
from drafting.engine.anchoring import similarity
from drafting.errors import ReaderError
from drafting.model import Paragraph, ParagraphKind, Revision
from drafting.model.labels import parse_label
from drafting.ooxml import runs
from drafting.ooxml.character_form import CharacterForms
from drafting.ooxml.notes import Footnotes, unread_notes
from drafting.ooxml.run_styles import RunStyles
from drafting.ooxml.runs import INSERTED, RunPiece
from drafting.ooxml.unpack import SAVE_AGAIN
from drafting.readers.copy_text import quoted
from drafting.readers.docx_changes import SIMILARITY
from drafting.readers.docx_draft import clean_lines
from drafting.readers.result import ReadWarning


def unread_said(name: str, word: Any, target: Revision) -> ReadWarning | None:
    """A warning when the copy ``word`` (the file ``name``) cites footnotes it does not
    hold (`unread_notes`: a damaged package): whatever they say is not read. ReaderError
    instead when ``target`` (the revision it is read against) has footnotes: read without
    them, the copy would propose deleting them in the delegation's name, though its text
    still cites them."""
    if (lost := unread_notes(word)) is None:
        return None
    count, why = lost
    said = f"the text cites {count} footnote{'s' if count > 1 else ''} that cannot be read ({why})"
    if any(p.kind is ParagraphKind.FOOTNOTE for p in target):
        raise ReaderError(f"{name}: {said}; read without them, the copy would propose "
                          "deleting the draft's footnotes: the file is damaged or was not "
                          f"written by Word: {SAVE_AGAIN}")
    return ReadWarning(name, f"{said}: whatever they say was not read")


def footnote(footnotes: Footnotes, number: int, *, styles: RunStyles | None = None,
             forms: CharacterForms | None = None) -> runs.ParagraphRead:
    """Footnote ``number``'s paragraphs read as one, joined by line breaks (words
    ``styles`` hide left out, as `runs.read_paragraphs` leaves them out), each break
    in the state of the paragraph mark it stands for: a paragraph deleted with its mark
    goes whole, no empty line left."""
    reads = runs.read_paragraphs(footnotes.paragraphs(number), styles=styles, forms=forms)
    pieces: list[RunPiece] = []
    for before, read in zip([None, *reads], reads, strict=False):
        if before is not None:
            pieces.append(before.mark.with_text("\n"))
        pieces += read.pieces
    return runs.ParagraphRead(tuple(pieces), reads[-1].mark if reads else RunPiece(""))


def cited(read: runs.ParagraphRead) -> list[int]:
    """The footnotes a paragraph cites, by number, in order."""
    text = "".join([piece.text for piece in read.pieces])
    if "[^" not in text:  # nearly always: no marker to look for
        return []
    return list(dict.fromkeys(int(number) for number in NOTE_MARKER.findall(text)))


def own_numbers(reads: list[runs.ParagraphRead], note: Callable[[int], runs.ParagraphRead],
                revision: Sequence[Paragraph],
                ) -> tuple[list[runs.ParagraphRead], dict[int, int], dict[int, int]]:
    """The copy's paragraphs (``reads``; ``note(n)`` reads its footnote ``n``) with their
    footnote markers numbered as the ``revision``'s and the new ones taken out; the
    copy's footnote numbers -> the revision's; and the new footnotes: the paragraph
    (index in ``reads``) citing each, by the copy's number."""
    order = list(dict.fromkeys(n for read in reads for n in cited(read)))
    if not order:
        return reads, {}, {}
    inserted = {int(n) for read in reads for piece in read.pieces if piece.state == INSERTED
                for n in NOTE_MARKER.findall(piece.text)}
    texts = {n: " ".join(clean_lines(note(n).original).split())
             for n in order if n not in inserted}
    free = {parse_label(p.label).number: " ".join(p.text.split())
            for p in revision if p.kind is ParagraphKind.FOOTNOTE}
    numbers: dict[int, int] = {}
    for n, text in texts.items():  # the same text: its own number first
        same = [m for m, theirs in free.items() if theirs == text]
        if same:
            numbers[n] = n if n in same else same[0]
            del free[numbers[n]]
    for n, text in texts.items():  # edited: the most like it, else its own number
        if n in numbers:
            continue
        alike = max(((similarity(theirs, text), m) for m, theirs in free.items()),
                    default=(0.0, 0))
        found = alike[1] if alike[0] >= SIMILARITY else n if n in free else None
        if found is not None:
            numbers[n] = found
            del free[found]
    if all(numbers.get(n) == n for n in order):
        return reads, numbers, {}  # nearly always: the revision's footnotes, as numbered
    new = {n: index for index, read in enumerate(reads) for n in cited(read)
           if n not in numbers}
    return [_renumbered(read, numbers) for read in reads], numbers, new


def _renumbered(read: runs.ParagraphRead, numbers: dict[int, int]) -> runs.ParagraphRead:
    """``read`` with each marker ``[^n]`` written ``[^numbers[n]]``, and taken out where
    ``n`` is none of the revision's."""
    if "[^" not in read.proposed and "[^" not in read.original:
        return read

    def marker(found: re.Match[str]) -> str:
        number = numbers.get(int(found[1]))
        return "" if number is None else f"[^{number}]"

    pieces = [piece.with_text(NOTE_MARKER.sub(marker, piece.text)) if "[^" in piece.text
              else piece for piece in read.pieces]
    return runs.ParagraphRead(tuple(p for p in pieces if p.text), read.mark)


def revision_note(paragraphs: Sequence[Paragraph], number: int) -> Paragraph | None:
    """The revision's footnote ``number`` (FN<number>) among ``paragraphs``, else None."""
    return next((p for p in paragraphs if p.kind is ParagraphKind.FOOTNOTE
                 and p.label == f"FN{number}"), None)


def citing(paragraphs: Sequence[Paragraph], number: int) -> Paragraph | None:
    """The first of ``paragraphs`` (of the body) citing footnote ``number``, else None."""
    marker = f"[^{number}]"
    return next((p for p in paragraphs if p.kind is not ParagraphKind.FOOTNOTE
                 and marker in p.text), None)


def inserted_said(text: str, paragraphs: Sequence[Paragraph]) -> str:
    """The warning for a footnote reading ``text`` inserted in a copy of the revision
    whose ``paragraphs`` these are. One with the words of the revision's own footnote is
    most likely a paragraph moved with Track Changes (Word gives the moved paragraph a
    footnote of its own): accepted, the deletion where it was deletes that footnote."""
    said = (f"a footnote was inserted ({quoted(text)}): a new footnote cannot be proposed "
            "from a Word file yet, so it was not read")
    words = " ".join(text.split())
    same = next((p for p in paragraphs if p.kind is ParagraphKind.FOOTNOTE
                 and " ".join(p.text.split()) == words), None)
    host = None if same is None else citing(paragraphs, parse_label(same.label).number)
    if same is None or host is None:
        return f"{said}; propose its words in the paragraph, or ask the secretariat to add it"
    return (f"{said}; it has the words of {same.label}, which {host.label} cites (a "
            f"paragraph moved?): if {host.label} is deleted, {same.label} is deleted with "
            "it, so ask the secretariat to keep the footnote")
