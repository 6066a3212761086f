"""A Word body at block level, and the properties of its paragraphs: what it holds
(`survey`: paragraphs, revision marks, embedded objects, in one walk), its paragraphs and
tables in order (`body_blocks`), and quick looks at a properties element's children
(`first_child`, `child_of`, `style_id`; every paragraph's style in one pass: `style_ids`).
Used by `drafting.ooxml.runs` and the readers.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

_P, _TBL = qn("w:p"), qn("w:tbl")
_MARKS = tuple(qn(t) for t in ("w:ins", "w:del", "w:moveTo", "w:moveFrom"))
_FORMAT_CHANGES = tuple(qn(t) for t in (
    "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange", "w:trPrChange",
    "w:tcPrChange", "w:tblGridChange", "w:numberingChange"))
_BLOCK_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})
_BOX = qn("w:txbxContent")
_WORDS = (qn("w:t"), qn("w:delText"))
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PPR, _STYLE, _VAL = qn("w:pPr"), qn("w:pStyle"), qn("w:val")


def body_blocks(body: Any) -> Iterator[Any]:
    """The body's paragraphs (``w:p``) and tables (``w:tbl``) in order; block-level
    content controls and custom XML are opened. Other elements are skipped."""
    for child in body:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _BLOCK_CONTAINERS:
            yield from body_blocks(child)


_EMBEDDED = {qn("w:altChunk"): "embedded document (altChunk)",
             qn("w:object"): "embedded object (OLE)",
             qn("w:endnoteReference"): "endnote (at the end of the document)"}


def embedded(element: Any) -> Counter[str]:
    """What ``element`` holds that no reader takes as text, by what it is (``embedded
    document (altChunk)``, ``embedded object (OLE)``, an endnote), counted."""
    return Counter(_EMBEDDED[item.tag] for item in element.iter(*_EMBEDDED))


@dataclass(frozen=True, slots=True)
class Survey:
    """What a body holds, found in one walk: its paragraphs (``w:p`` at any depth), whether
    it has revision marks (`has_revisions`) outside text boxes, tracked formatting changes
    (`has_format_changes`), what it embeds (`embedded`), and whether its text boxes (no
    part of the text) hold revision marks or stand in one (`boxes`: whether it has any)."""

    paragraphs: int
    revisions: bool
    format_changes: bool
    embedded: Counter[str]
    boxed: bool = False
    boxes: bool = False


def survey(element: Any) -> Survey:
    """`Survey` of ``element``: one walk where five would each go through it all."""
    paragraphs, marks, format_changes, embedded = 0, 0, False, Counter[str]()
    boxed: set[Any] = set()  # the marks inside text boxes
    boxes = False  # any text box
    for item in element.iter(_P, _BOX, *_MARKS, *_FORMAT_CHANGES, *_EMBEDDED):
        tag = item.tag
        if tag == _P:
            paragraphs += 1
        elif tag in _MARKS:
            marks += 1
        elif tag == _BOX:
            boxed.update(item.iter(*_MARKS))
            boxes = True
            if (mark := box_mark(item)) is not None and _only_boxes(mark):  # one inserted
                boxed.add(mark)  # (or deleted) whole is no change to the text either
        elif tag in _EMBEDDED:
            embedded[_EMBEDDED[tag]] += 1
        else:
            format_changes = True
    return Survey(paragraphs, marks > len(boxed), format_changes, embedded, bool(boxed),
                  boxes)


def _only_boxes(mark: Any) -> bool:
    """Whether a revision mark's words are all inside text boxes."""
    return all(next(t.iterancestors(_BOX), None) is not None for t in mark.iter(*_WORDS))


def text_boxes(element: Any) -> list[Any]:
    """The text boxes (``w:txbxContent``) in ``element``, each once: Word's VML copy of a
    text box (in ``mc:Fallback``) is left out."""
    return [box for box in element.iter(_BOX) if next(box.iterancestors(_FALLBACK), None) is None]


def box_mark(box: Any) -> Any | None:
    """The revision mark (``w:ins``, ``w:del``, a move) a text box stands in: inserted or
    deleted whole; None for none."""
    return next(box.iterancestors(*_MARKS), None)


def count_paragraphs(element: Any) -> int:
    """How many ``w:p`` ``element`` holds, at any depth (tables and text boxes included)."""
    return sum(1 for _ in element.iter(_P))


def is_table(element: Any) -> bool:
    """True for a ``w:tbl`` element."""
    return bool(element.tag == _TBL)


def table_paragraphs(table: Any) -> list[Any]:
    """Every ``w:p`` inside a table, nested tables included, in order."""
    return list(table.iter(_P))


def has_revisions(element: Any) -> bool:
    """True if ``element`` holds any insertion, deletion or move mark (run-level or on a
    paragraph mark)."""
    return any(True for _ in element.iter(*_MARKS))


def has_format_changes(element: Any) -> bool:
    """True if ``element`` holds a tracked formatting change (``w:rPrChange``,
    ``w:pPrChange`` and the like), which changes no text."""
    return any(True for _ in element.iter(*_FORMAT_CHANGES))


def first_child(element: Any, tag: str) -> Any | None:
    """``element``'s first child ``tag`` (or None): the first child is looked at first,
    where the schema puts properties (``w:pPr``, ``w:rPr``), before a search."""
    try:
        first = element[0]
    except IndexError:
        return None
    return first if first.tag == tag else next(element.iterchildren(tag), None)


def child_of(element: Any, tag: str) -> Any | None:
    """``element``'s first child ``tag``, or None: as ``element.find(tag)``, without the
    path machinery (lxml picks the children by tag, making no object for the others)."""
    return next(element.iterchildren(tag), None)


def style_id(p: Any) -> str | None:
    """The paragraph's style id (``w:pPr/w:pStyle/@w:val``), or None."""
    properties = first_child(p, _PPR)
    found = child_of(properties, _STYLE) if properties is not None else None
    return None if found is None else found.get(_VAL)


def style_ids(element: Any) -> dict[Any, str | None]:
    """`style_id` of every ``w:p`` in ``element`` that names a style, by paragraph: one
    pass over the styles named, not one search per paragraph (a paragraph absent has
    none)."""
    found: dict[Any, str | None] = {}
    for style in element.iter(_STYLE):
        properties = style.getparent()
        p = properties.getparent() if properties.tag == _PPR else None
        if p is None or p.tag != _P or p in found:
            continue
        found[p] = style.get(_VAL) if p[0] is properties else style_id(p)
    return found


_PPR_CHANGE = qn("w:pPrChange")


def as_before(p: Any) -> Any:
    """The ``w:p`` ``p`` with the paragraph properties a tracked change of them
    (``w:pPrChange``) says it had (its style, numbering, indents): a stand-in holding
    them alone; ``p`` itself where they were not changed."""
    properties = first_child(p, _PPR)
    change = None if properties is None else properties.find(_PPR_CHANGE)
    if change is None:
        return p
    stand_in = p.makeelement(_P, {})
    old = change.find(_PPR)
    stand_in.append(copy.deepcopy(old) if old is not None else p.makeelement(_PPR, {}))
    return stand_in
