"""A paragraph read from options, written back as options.

The readers make of "3. Option 1: ..." / "Option 2: ..." / "Option 3: No text" (and of
"OP3 Alt ...") one paragraph whose whole text is adjacent brackets ``[first][second][]``
(`drafting.readers.structure`). Nothing else gives a paragraph that shape: brackets
within a sentence leave words around them, and one bracket round the whole paragraph is
no choice. So the writers show a paragraph of that shape as its options, one block each,
"No text" for an empty one, and the import reads them back as the same text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.brackets import Bracket, parse, unparse
from drafting.engine.segments import MergedParagraph
from drafting.model import Mark, Paragraph, ParagraphKind
from drafting.readers.lines import option_text
from drafting.writers.isolates import isolated
from drafting.writers.pieces import Piece, PieceKind, entry_pieces

NO_TEXT = "No text"
"""What an empty option says."""
_KINDS = (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE)


def options(text: str) -> tuple[tuple[int, str], ...] | None:
    """Each option of a paragraph whose whole ``text`` is two or more adjacent brackets
    (``[first][second][]``): where its words start in ``text``, and its words. None for
    any other text, and for one whose options would not read back as they stand (an
    option with spaces at either end, or saying "No text" in its own words)."""
    if not (text.startswith("[") and text.endswith("]")) or "][" not in text:
        return None
    nodes = parse(text, tolerant=True)
    if len(nodes) < 2 or not all(isinstance(node, Bracket) for node in nodes):
        return None
    found, at = [], 0
    for node in nodes:
        words = unparse([node])[1:-1]
        if words != option_text(words):  # " a " or "No text": read back otherwise
            return None
        found.append((at + 1, words))
        at += len(words) + 2
    return tuple(found)


def paragraph_options(paragraph: Paragraph) -> tuple[tuple[int, str], ...] | None:
    """`options` of a preambular or operative ``paragraph``; None for any other."""
    return options(paragraph.text) if paragraph.kind in _KINDS else None


def option_lead(number: int) -> str:
    """What opens option ``number`` (from 1): "Option 2: "."""
    return f"Option {number}: "


def option_marks(marks: Sequence[Mark], start: int, length: int) -> tuple[Mark, ...]:
    """The ``marks`` of the option at ``start`` (``length`` characters), from its start."""
    end = start + length
    return tuple(Mark(max(m.start, start) - start, min(m.end, end) - start, m.style)
                 for m in marks if max(m.start, start) < min(m.end, end))


def option_groups(paragraph: Paragraph, pieces: Sequence[Piece]) -> list[list[Piece]] | None:
    """The compilation's ``pieces`` of a paragraph read from options, one list an option
    and each option's brackets left out: the proposals within an option stay in it, and
    an insertion of a whole new option (``[third]``, as a copy's "Option 3: ..." is read)
    is an option of its own, its words inserted. None for any other paragraph, and where
    a proposal reaches across an option's brackets (the writer shows the brackets then)."""
    found = paragraph_options(paragraph)
    if found is None:
        return None
    opening = {start - 1 for start, _ in found}
    closing = {start + len(words) for start, words in found}
    groups: list[list[Piece]] = []
    between: list[Piece] = []  # what stands after an option's "]", before the next "["
    inside, depth = False, 0  # within an option; within a bracket the merge writes
    for piece in pieces:
        if piece.kind in (PieceKind.MARK, PieceKind.BRACKET) and piece.text in "[]":
            depth += 1 if piece.text == "[" else -1
        cuts = [] if piece.at is None else \
            sorted(at for at in opening | closing if piece.at <= at < piece.at + len(piece.text))
        if cuts and (depth or piece.kind is not PieceKind.TEXT):
            return None
        last = 0
        for at in cuts:
            before = piece.text[last:at - piece.at]
            if before:
                (groups[-1] if inside else between).append(
                    replace(piece, text=before, at=piece.at + last))
            if at in opening:
                if inside or not _new_options(between, groups):
                    return None
                groups.append([])
            elif not inside:
                return None
            inside, last = at in opening, at - piece.at + 1
        rest = piece.text[last:] if cuts else piece.text
        if rest:
            kept = replace(piece, text=rest, at=None if piece.at is None else piece.at + last)
            (groups[-1] if inside else between).append(kept)
    return groups if not inside and _new_options(between, groups) else None


def _new_options(between: list[Piece], groups: list[list[Piece]]) -> bool:
    """Add to ``groups`` the options a proposal inserts between two (or after the last):
    ``between`` holds nothing but space, or an insertion of ``[words]`` and its credit.
    False where it holds anything else. ``between`` is emptied."""
    while between and not between[0].text.strip():
        del between[0]
    kinds = [piece.kind for piece in between if piece.text.strip()]
    if not kinds:
        return True
    inserted = between[0]
    if kinds != [PieceKind.INSERTED, PieceKind.CREDIT][:len(kinds)]:
        return False
    new = options(inserted.text + "[]") if inserted.text.startswith("[") else None
    if new is None:
        return False
    words = [replace(inserted, text=text, marks=option_marks(inserted.marks, at, len(text)))
             for at, text in new[:-1]]
    for piece in words[:-1]:
        groups.append([piece] if piece.text else [])
    groups.append([words[-1], *between[1:]] if words[-1].text else between[1:])
    between.clear()
    return True


def entry_options(entry: MergedParagraph, rtl: bool = False,
                  ) -> list[tuple[str, Sequence[Piece]]]:
    """What a compilation writes of ``entry``'s text, a block each: ("", its pieces); for
    a paragraph read from options, ("Option N: ", the option's pieces) for each option,
    "No text" for an empty one (`option_groups`). In a right-to-left paragraph (``rtl``)
    these English words stand each in an isolate (`isolated`): "Option 2:" then reads as
    written at the line's start, and its Arabic words still set the line's direction."""
    pieces = entry_pieces(entry)
    groups = option_groups(entry.paragraph, pieces)
    if groups is None:
        return [("", pieces)]
    return [(isolated(option_lead(number).rstrip(), rtl) + " ",
             group if any(p.text.strip() for p in group)
             else [Piece(PieceKind.TEXT, isolated(NO_TEXT, rtl))])
            for number, group in enumerate(groups, start=1)]
