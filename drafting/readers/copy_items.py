"""The numbers Word shows before a copy's list items, read as the revision numbers them.

A paragraph's sub-paragraphs numbered by Word ("(a)", "(b)") hold their numbers in the
draft's text, as Word showed them at import. In an edited copy, an item inserted moves
the numbers Word shows after it ("(b)" is "(c)" now): that is Word's doing, no proposal.
`as_numbered` gives each item the copy still holds the number the revision gives it, so
that the inserted item alone differs; it keeps the number Word shows it, as a tracked
copy reads it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from drafting.ooxml.runs import NORMAL, RunPiece

NUMBER = "number"
"""The kind of the piece a copy reads for an item's automatic number ("\\n(c) ")."""
_WORD = re.compile(r"\w+")


def as_numbered(pieces: list[RunPiece], target: str) -> list[RunPiece]:
    """``pieces`` (a paragraph of a copy) with the automatic number of each item that
    ``target`` (the revision's text) holds too, found by its words, as ``target`` writes
    it; the pieces as they are where none changes."""
    numbers = [n for n, piece in enumerate(pieces) if piece.kind == NUMBER]
    if not numbers:
        return pieces
    words = []
    for position, n in enumerate(numbers):
        end = numbers[position + 1] if position + 1 < len(numbers) else len(pieces)
        text = "".join(p.text for p in pieces[n + 1:end] if p.in_proposed)
        words.append(text.split("\n", 1)[0].strip())
    lines = [line.partition(" ") for line in target.split("\n")[1:]]
    theirs = [rest.strip() for _, _, rest in lines]
    out = list(pieces)
    matcher = SequenceMatcher(None, words, theirs, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):  # changed words
            for mine, their in zip(range(i1, i2), range(j1, j2), strict=True):
                piece = pieces[numbers[mine]]
                shown = piece.text.strip()
                if _alike(shown, lines[their][0]):
                    out[numbers[mine]] = piece.with_text(
                        piece.text.replace(shown, lines[their][0], 1))
    return out


def _alike(shown: str, number: str) -> bool:
    """Whether two numbers are written alike ("(c)" and "(b)", not "(c)" and "To")."""
    return bool(number) and len(number) <= 12 and \
        _WORD.sub("0", shown) == _WORD.sub("0", number)


def number_piece(prefix: str) -> RunPiece:
    """The unchanged piece of an item's automatic number, ``prefix`` ("\\n(c) ")."""
    return RunPiece(prefix, NORMAL, kind=NUMBER)
