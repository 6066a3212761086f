"""A copy's footnotes, told apart from the revision's.

Word numbers footnotes in the order the text cites them, so a footnote a delegation
inserts renumbers every footnote after it: the copy's footnote 2 may be the revision's
FN1. Each of the copy's footnotes is matched to one of the revision's by its text (as
it was before the copy's tracked changes: the same, else the most like it), and the
markers in the copy's paragraphs are given the revision's numbers, so that renumbering
proposes nothing. A footnote that is none of the revision's (inserted, with Track
Changes or without) is not yet a proposal drafting records: it is named in a warning and
its marker taken out, never read as a paragraph of the draft.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from drafting.brackets import NOTE_MARKER
from drafting.engine.anchoring import similarity
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import parse_label
from drafting.ooxml import runs
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.run_styles import RunStyles
from drafting.ooxml.runs import INSERTED, RunPiece
from drafting.readers.docx_changes import SIMILARITY
from drafting.readers.docx_draft import clean_lines


def footnote(footnotes: Footnotes, number: int, *, styles: RunStyles | None = None,
             ) -> runs.ParagraphRead:
    """Footnote ``number``'s paragraphs read as one, joined by line breaks (words
    ``styles`` hide left out, as `runs.read_paragraphs` leaves them out)."""
    reads = runs.read_paragraphs(footnotes.paragraphs(number), styles=styles)
    pieces: list[RunPiece] = []
    for read in reads:
        pieces += [RunPiece("\n")] * bool(pieces) + list(read.pieces)
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
