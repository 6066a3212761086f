"""A new row of a table in the form of one of its rows, as a paragraph laid out in a
table (its number in one cell, its text in the next) is added after another."""

from __future__ import annotations

import copy
from typing import Any

from docx.oxml.ns import qn

_TC, _P, _PPR, _TR_PR = qn("w:tc"), qn("w:p"), qn("w:pPr"), qn("w:trPr")
_MARKS = frozenset({qn("w:ins"), qn("w:del"), qn("w:trPrChange")})


def new_row(row: Any) -> tuple[Any, list[Any]]:
    """An empty row in ``row``'s form (not yet placed, no tracked change of its own), and
    the paragraph of each of its cells (each cell's first, its runs taken out) to fill."""
    made = copy.deepcopy(row)
    properties = made.find(_TR_PR)
    for mark in [m for m in properties if m.tag in _MARKS] if properties is not None else ():
        properties.remove(mark)
    paragraphs = []
    for cell in made.iter(_TC):
        found = cell.findall(_P)
        for extra in found[1:]:
            cell.remove(extra)
        for child in list(found[0]):
            if child.tag != _PPR:
                found[0].remove(child)
        for mark in found[0].iterfind(f"{_PPR}/{qn('w:rPr')}"):
            for tracked in [m for m in mark if m.tag in _MARKS]:
                mark.remove(tracked)
        paragraphs.append(found[0])
    return made, paragraphs
