"""Cross-reference fields Word is to compute again when it opens a file.

A cross-reference ("see paragraph 7", "on page 3") is a field: ``REF``, ``PAGEREF`` or
``NOTEREF`` with a bookmark, as a ``w:fldSimple`` (its code in ``w:instr``) or as runs
(a ``w:fldChar`` *begin*, the code in ``w:instrText``, *separate*, the result shown,
*end*). The file keeps the number last computed. When a revision renumbers paragraphs
that number is stale; marking the field dirty (``w:dirty="true"`` on the ``w:fldSimple``
or the *begin* ``w:fldChar``) makes Word compute it again on opening, field by field,
without the question ``w:updateFields`` in the settings asks about every field. A field
locked (``w:fldLock``) stays as it is, as Word keeps it.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_SIMPLE, _INSTR, _FIELD_CHAR = qn("w:fldSimple"), qn("w:instr"), qn("w:fldChar")
_INSTRUCTION, _TYPE = qn("w:instrText"), qn("w:fldCharType")
_DIRTY, _LOCK = qn("w:dirty"), qn("w:fldLock")
_OFF = ("0", "false", "off")
REFERENCES = frozenset({"REF", "PAGEREF", "NOTEREF"})
"""The field codes that show where a bookmark is: a number that moves with the text."""


def dirty_references(root: Any) -> int:
    """Mark every cross-reference field (`REFERENCES`) under ``root`` (a part's root, or a
    body) dirty; returns how many were marked. Fields nested in fields count too."""
    marked = 0
    for simple in root.iter(_SIMPLE):
        if _is_reference(simple.get(_INSTR) or "") and _mark(simple):
            marked += 1
    open_fields: list[tuple[Any, list[str]]] = []  # each begin mark, its code's pieces
    for node in root.iter(_FIELD_CHAR, _INSTRUCTION):
        if node.tag == _INSTRUCTION:
            if open_fields:
                open_fields[-1][1].append(node.text or "")
            continue
        kind = node.get(_TYPE)
        if kind == "begin":
            open_fields.append((node, []))
        elif kind == "separate" and open_fields:
            begin, code = open_fields[-1]
            if _is_reference("".join(code)) and _mark(begin):
                marked += 1
            open_fields[-1] = (begin, [])  # a result's own fields are theirs
        elif kind == "end" and open_fields:
            open_fields.pop()
    return marked


def _is_reference(code: str) -> bool:
    words = code.split()
    return bool(words) and words[0].upper() in REFERENCES


def _mark(field: Any) -> bool:
    """Mark ``field`` (a ``w:fldSimple`` or begin ``w:fldChar``) dirty unless locked."""
    if (field.get(_LOCK) or "0").lower() not in _OFF:
        return False
    field.set(_DIRTY, "true")
    return True
