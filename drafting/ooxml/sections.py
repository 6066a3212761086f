"""Section breaks held by paragraphs.

Word ends every section but the last with a paragraph whose properties hold the
section's settings (``w:pPr/w:sectPr``: page size and orientation, margins, headers,
footers); the last section's settings stand at the end of the body. A writer that adds
or removes paragraphs next to such a paragraph keeps the break where a Word user would:
pressing Enter at the end of the paragraph leaves the break on the new last paragraph
of the section (`hand_on`), and deleting the paragraph leaves it on the one before
(`keeper`).
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.ooxml.revisions import RevisionMarks, Stamp, element, iso_date
from drafting.ooxml.schema_order import place

_P, _PPR, _RPR = qn("w:p"), qn("w:pPr"), qn("w:rPr")
_SECTPR, _CHANGE = qn("w:sectPr"), qn("w:pPrChange")
_MARK_DELETED = f"{_PPR}/{_RPR}/{qn('w:del')}"
_NOT_COMPARED = (_RPR, _SECTPR, _CHANGE)


def section_break(paragraph: Any) -> Any | None:
    """The ``w:sectPr`` that ``paragraph`` ends its section with, or None."""
    return paragraph.find(f"{_PPR}/{_SECTPR}")


def first_section(body: Any) -> Any | None:
    """The settings (``w:sectPr``) of the first section of the document ``body``: the
    first paragraph's break among the body's paragraphs, else the body's own; None when
    it has neither."""
    for child in body:
        if child.tag == _P and (found := section_break(child)) is not None:
            return found
    return body.find(_SECTPR)


def hand_on(holder: Any, paragraph: Any) -> None:
    """Move ``holder``'s section break (if any) to ``paragraph``, which becomes the last
    of the section."""
    found = section_break(holder)
    if found is None:
        return
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = element("w:pPr")
        paragraph.insert(0, properties)
    place(properties, found)


def keeper(holder: Any) -> Any | None:
    """The paragraph that takes over ``holder``'s section break when ``holder`` goes: the
    ``w:p`` right before it (passing over paragraphs whose marks are deleted, which go
    too), unless that one ends a section of its own or no paragraph stands there (a
    table, the body's start); then None."""
    for before in holder.itersiblings(preceding=True):
        if before.tag != _P or section_break(before) is not None:
            return None
        if before.find(_MARK_DELETED) is None:
            return before
    return None


def properties_differ(first: Any, second: Any) -> bool:
    """Whether two paragraphs' properties differ beyond their marks' formatting, section
    breaks and tracked changes of properties."""
    return _compared(first) != _compared(second)


def _compared(paragraph: Any) -> list[bytes]:
    properties = paragraph.find(_PPR)
    return [] if properties is None else [
        etree.tostring(child, method="c14n") for child in properties
        if child.tag not in _NOT_COMPARED]


def properties_change(paragraph: Any, model: Any, marks: RevisionMarks, stamp: Stamp) -> None:
    """Give ``paragraph`` the properties of ``model`` (its own section break and mark
    formatting kept) as a change tracked by ``stamp`` (``w:pPrChange``): rejected, it
    has its own again."""
    attributes = {qn("w:id"): str(marks.next_id()), qn("w:author"): stamp.author}
    if stamp.date is not None:
        attributes[qn("w:date")] = iso_date(stamp.date)
    change = element("w:pPrChange", attributes)
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = element("w:pPr")
        paragraph.insert(0, properties)
    former = element("w:pPr")
    for child in list(properties):
        if child.tag not in _NOT_COMPARED:
            former.append(child)  # moved out of the paragraph's properties
    change.append(former)
    found = model.find(_PPR)
    for child in [] if found is None else found:
        if child.tag not in _NOT_COMPARED:
            place(properties, child.__copy__())
    place(properties, change)
