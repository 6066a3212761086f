"""Word lists restarted where a revision's paragraphs must show other numbers than
Word would count to.

A document whose operative paragraphs are each a Word list of their own, started at
the paragraph's number (``w:start``; as PDF converters and exports write lists), does
not renumber itself: a new paragraph continues the list of the one before it, and the
list after still starts where it did. `restart_lists` gives each paragraph that shows
a number other than the one it must show, and is the first its ``w:num`` numbers at
its level, a ``w:lvlOverride/w:startOverride`` of that number there (Word's "Set
Numbering Value"): the paragraphs its list numbers after it follow on. A paragraph
that continues a list numbered before it is left as Word counts it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.parts import word_parts

COUNTED = frozenset({"decimal", "decimalZero"})
"""The number formats whose value is the paragraph's number, as the readers read it."""
_P, _NUM, _VAL = qn("w:p"), qn("w:num"), qn("w:val")
_OVERRIDE, _START, _ILVL = qn("w:lvlOverride"), qn("w:startOverride"), qn("w:ilvl")


def shown_values(document: Any, wanted: Mapping[etree._Element, int]) -> dict[etree._Element, int]:
    """The number Word shows before each paragraph of ``wanted`` (a ``w:p`` of the python-
    docx ``document``'s body) that a list numbers at its top level in figures; the others
    are left out."""
    parts = word_parts(document)
    counter = NumberingCounter(parts)
    shown = {}
    for paragraph in parts.body.iter(_P):
        number = counter.number(paragraph)
        if paragraph in wanted and number is not None and number.level == 0 and \
                number.format in COUNTED:
            shown[paragraph] = number.value
    return shown


def restart_lists(document: Any, wanted: Mapping[etree._Element, int]) -> str | None:
    """Restart the list of each paragraph of ``wanted`` that Word numbers at its top level
    with another number than the one it wants, where a ``w:startOverride`` can (see the
    module docstring). The name of the numbering part when it changed, else None."""
    parts = word_parts(document)
    root = parts.numbering
    if root is None or not wanted:
        return None
    counter = NumberingCounter(parts)
    used: set[tuple[str, int]] = set()
    changed = False
    for paragraph in parts.body.iter(_P):
        place = counter.place(paragraph)
        first = place is not None and place not in used
        number = counter.number(paragraph)
        if place is not None:
            used.add(place)
        want = wanted.get(paragraph)
        if want is None or number is None or place is None or not first or \
                number.level != 0 or number.format not in COUNTED or number.value == want:
            continue
        num = [n for n in root.iterchildren(_NUM) if n.get(qn("w:numId")) == place[0]][-1]
        start_override(num, place[1], want)
        counter.set_count(paragraph, want)
        changed = True
    return numbering_part(document) if changed else None


def start_override(num: etree._Element, level: int, value: int) -> None:
    """Make the list ``num`` (a ``w:num``) start at ``value`` at ``level`` where it is
    first used."""
    override = next((o for o in num.iterchildren(_OVERRIDE)
                     if o.get(_ILVL, "0").strip() == str(level)), None)
    if override is None:
        override = OxmlElement("w:lvlOverride")
        override.set(_ILVL, str(level))
        num.append(override)
    start = override.find(_START)
    if start is None:
        start = OxmlElement("w:startOverride")
        override.insert(0, start)  # before a w:lvl, as the schema orders them
    start.set(_VAL, str(value))


def numbering_part(document: Any) -> str | None:
    """The part name of the python-docx ``document``'s numbering definitions."""
    for rel in document.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            return str(rel.target_part.partname)
    return None
