"""Word paragraphs taken out of a revision's body: a section break they hold is kept,
and no content control they leave empty stays."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from drafting.ooxml.sections import hand_on, keeper, section_break
from drafting.readers.paragraph_tables import paragraph_row


def remove_paragraph(paragraph: Any) -> None:
    """Remove ``paragraph`` from the body; a section break it holds goes to the paragraph
    before it (`keeper`), else the paragraph stays, emptied and unnumbered, to hold it.
    A table's row laid out as a paragraph goes whole (once)."""
    if (row := paragraph_row(paragraph)) is not None:
        if row.getparent() is not None:
            row.getparent().remove(row)
        return
    if section_break(paragraph) is None:
        take_out(paragraph)
        return
    before = keeper(paragraph)
    if before is not None:
        hand_on(paragraph, before)
        take_out(paragraph)
        return
    for child in list(paragraph):
        if child.tag != qn("w:pPr"):
            paragraph.remove(child)
    for number in paragraph.findall(f"{qn('w:pPr')}/{qn('w:numPr')}"):
        number.getparent().remove(number)


def take_out(element: Any) -> None:
    """Remove ``element`` from its parent, and the block content controls (``w:sdt``)
    and custom XML it leaves empty, in turn outwards: no empty control stays in the
    revision. A table cell so emptied keeps an empty paragraph, which a cell needs."""
    parent = element.getparent()
    parent.remove(element)
    while parent.tag in _CONTAINERS and not any(
            child.tag not in _CONTAINER_PROPERTIES for child in parent):
        holder = parent.getparent() if parent.tag == _SDT_CONTENT else parent
        parent = holder.getparent()
        if parent is None:
            return
        parent.remove(holder)
    if parent.tag == qn("w:tc") and parent.find(qn("w:p")) is None:
        parent.append(OxmlElement("w:p"))


_SDT_CONTENT = qn("w:sdtContent")
_CONTAINERS = frozenset({_SDT_CONTENT, qn("w:customXml")})
"""What holds a block content control's or custom XML's paragraphs."""
_CONTAINER_PROPERTIES = frozenset({qn("w:customXmlPr")})
"""What a custom XML element holds besides its content."""
