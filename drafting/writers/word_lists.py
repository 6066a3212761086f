"""A revision's paragraphs numbered by Word as its labels number them.

Word numbers a list by itself, but not every document is one list: each operative
paragraph may be a list of its own started at its number (`drafting.ooxml.list_starts`
restarts the lists a renumbering leaves wrong), and a secretariat may have typed "2 bis."
before a paragraph among paragraphs Word numbers. Renumbered, that paragraph becomes an
item of the list (`into_list`): the typed number goes, the paragraph takes its
neighbour's list numbering, and Word numbers it and the ones after it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.errors import LabelError
from drafting.model import Paragraph
from drafting.model.labels import parse_label
from drafting.ooxml.list_starts import restart_lists, shown_values

_PPR, _NUM_PR, _STYLE, _IND = qn("w:pPr"), qn("w:numPr"), qn("w:pStyle"), qn("w:ind")


def list_number(label: str) -> int | None:
    """The number a Word list shows for the operative paragraph ``label`` (5 for OP5,
    1 for a treaty's 3.1); None for one Word cannot number so (OP5 bis) or no
    operative paragraph."""
    try:
        parsed = parse_label(label)
    except LabelError:
        return None
    return parsed.number if parsed.prefix == "OP" and not parsed.suffix else None


def suffixed(label: str) -> bool:
    """Whether ``label`` is a paragraph proposed between two (``OP5 bis``, ``3.1 ter``)."""
    try:
        return parse_label(label).suffix > 0
    except LabelError:
        return False


def wanted_numbers(pairs: Iterable[tuple[Paragraph, Any]]) -> dict[etree._Element, int]:
    """For each ``(paragraph, w:p)`` the number its label wants (see `list_number`)."""
    return {element: number for paragraph, element in pairs
            if element is not None and (number := list_number(paragraph.label)) is not None}


def listed(document: Any, pairs: Iterable[tuple[Paragraph, Any]]) -> dict[str, Any] | None:
    """The paragraphs of ``pairs`` (``(paragraph, its first w:p)``) that a Word list numbers
    at its top level, by id; None when one of them shows another number than its label's
    (the labels are not Word's numbers: its lists are left as they are)."""
    pairs = list(pairs)
    wanted = wanted_numbers(pairs)
    shown = shown_values(document, wanted)
    if any(shown[element] != wanted[element] for element in shown):
        return None
    return {paragraph.id: element for paragraph, element in pairs if element in shown}


def renumber_lists(document: Any, pairs: Iterable[tuple[Paragraph, Any]]) -> str | None:
    """Restart the Word lists that do not show each paragraph's number (``pairs``: the
    revision's paragraphs and their first ``w:p``); the numbering part's name if changed."""
    return restart_lists(document, wanted_numbers(pairs))


def neighbour(paragraphs: list[Paragraph], at: int, items: Mapping[str, Any]) -> Any:
    """The ``w:p`` of the paragraph of ``paragraphs[at]``'s kind nearest before it (else
    after it) that a Word list numbers (``items``: by id, see `listed`); None for none."""
    kind = paragraphs[at].kind
    before = reversed(paragraphs[:at])
    for paragraph in (*before, *paragraphs[at + 1:]):
        if paragraph.kind is kind and paragraph.id in items:
            return items[paragraph.id]
    return None


def into_list(paragraph: Any, item: Any) -> None:
    """Number the ``w:p`` ``paragraph`` (its typed number taken out) as Word numbers
    ``item``: its list numbering (set on it, else by its style) and its indents."""
    properties = paragraph.get_or_add_pPr()
    theirs = item.find(_PPR)
    numbering = theirs.find(_NUM_PR) if theirs is not None else None
    if numbering is not None:
        own = properties.get_or_add_numPr()
        own.getparent().replace(own, copy.deepcopy(numbering))
    else:  # numbered by its paragraph style
        properties._remove_numPr()
        style = theirs.find(_STYLE) if theirs is not None else None
        properties.style = style.get(qn("w:val")) if style is not None else None
    indents = theirs.find(_IND) if theirs is not None else None
    if indents is None:
        properties._remove_ind()
    else:
        own_ind = properties.get_or_add_ind()
        own_ind.getparent().replace(own_ind, copy.deepcopy(indents))



def out_of_list(document: Any, paragraph: Any) -> None:
    """Take the ``w:p`` ``paragraph`` (a new one, made in the form of an item Word numbers
    that types a label of its own, "(a bis)<tab>") out of Word's list: its typed label is
    its number, Word's would stand before it ("(c) (a ter)") and letter the items after it
    on. It keeps the indents its list level gave it; nothing changes where no list
    numbers it directly."""
    properties = paragraph.find(_PPR)
    numbering = properties.find(_NUM_PR) if properties is not None else None
    if numbering is None:
        return
    indents = None if properties.find(_IND) is not None else \
        _level_indents(document, numbering)
    properties.remove(numbering)
    if indents is not None:
        own = properties.get_or_add_ind()
        own.getparent().replace(own, copy.deepcopy(indents))


def _level_indents(document: Any, numbering: Any) -> Any:
    """The ``w:ind`` of the list level ``numbering`` (a ``w:numPr``) sets, None for none."""
    num_id = numbering.xpath("string(w:numId/@w:val)")
    level = numbering.xpath("string(w:ilvl/@w:val)") or "0"
    try:
        root = document.part.numbering_part.element
    except (AttributeError, NotImplementedError):  # no numbering part
        return None
    abstract = root.xpath(f'string(w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val)')
    found = root.xpath(f'w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl='
                       f'"{level}"]/w:pPr/w:ind') if abstract else []
    return found[0] if found else None
