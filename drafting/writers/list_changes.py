"""In the merged draft, the Word lists that Accept All would leave numbered twice.

Where each operative paragraph is a Word list of its own started at its number, a new
paragraph continues the list before it and the next list still starts where it did:
accepted, two paragraphs would show "4.". `restart_accepted` restarts such a list at
the number Accept All gives it, as a tracked change: the paragraph (and the ones after
it its list numbers) takes a new list (``w:num``) of the same definition, started at
that number (``w:startOverride``), its former numbering kept in a ``w:pPrChange`` by
the author of the change before it that moved the numbers. Rejected, all is as it was
(the new ``w:num`` then numbers nothing). Only paragraphs whose number carried on the
one before in the source are restarted, and none in a text numbered within sections.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.model import Paragraph, parse_label
from drafting.ooxml.list_starts import COUNTED, numbering_part, start_override
from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.parts import word_parts
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.sections import properties_change
from drafting.readers.source_places import SourcePlace
from drafting.writers.source_edits import in_body
from drafting.writers.word_lists import list_number, listed

_P, _PPR, _RPR, _NUM = qn("w:p"), qn("w:pPr"), qn("w:rPr"), qn("w:num")
_NUM_ID = f"{_PPR}/{qn('w:numPr')}/{qn('w:numId')}"
_MARKS = (qn("w:ins"), qn("w:del"))


def source_steps(document: Any, paragraphs: Sequence[Paragraph],
                 places: Sequence[SourcePlace | None]) -> tuple[dict[Any, int], int]:
    """Before any change: for the first ``w:p`` of each operative paragraph a Word list
    numbers, how far its number stands from the one before's (1: it carries it on; 0 for
    the first), none where the labels are not Word's numbers or count within sections
    (an article's paragraphs: a list restarted per article is left to Word); and the
    first's number."""
    pairs = [(p, first if place is not None and place.paragraphs and
              in_body(first := place.paragraphs[0].element) else None)
             for p, place in zip(paragraphs, places, strict=True)]
    items = listed(document, pairs) or {}
    if any(parse_label(p.label).section for p in paragraphs if p.id in items):
        return {}, 1
    steps: dict[Any, int] = {}
    before = first = None
    for paragraph, element in pairs:
        if paragraph.id in items and (number := list_number(paragraph.label)) is not None:
            steps[element] = 0 if before is None else number - before
            before = number
            first = number if first is None else first
    return steps, first or 1


def restart_accepted(document: Any, steps: tuple[dict[Any, int], int],
                     marks: RevisionMarks) -> set[str]:
    """Restart, tracked, each list whose paragraph of ``steps`` (`source_steps`) would not
    carry on the number before it once every change is accepted (the first left, the
    source's first number); the name of the numbering part, if changed."""
    made = [paragraph for paragraph, wanted in _wrong(document, *steps)
            if _restart(document, paragraph, wanted, marks)]
    part = numbering_part(document) if made else None
    return {part} if part else set()


def _wrong(document: Any, steps: dict[Any, int], start: int) -> list[tuple[Any, int]]:
    """The paragraphs of ``steps`` that carried on the number before them and would not
    once all is accepted, each with the number it should show (counted as if the ones
    before were restarted)."""
    if not steps:
        return []
    parts = word_parts(document)
    counter = NumberingCounter(parts)
    lists = {place[0] for element in steps if (place := counter.place(element))}
    before = start - 1  # the first paragraph gone, the next one takes its number
    found = []
    for paragraph in parts.body.iter(_P):
        properties = paragraph.find(_PPR)
        mark = properties.find(_RPR) if properties is not None else None
        if mark is not None and mark.find(qn("w:del")) is not None:
            continue  # accepted, it is gone (joined to the next)
        place = counter.place(paragraph)
        number = counter.number(paragraph)
        if number is None or place is None or place[0] not in lists or number.level or \
                number.format not in COUNTED:
            continue
        value = number.value
        if steps.get(paragraph) == 1 and value != before + 1:
            value = before + 1
            found.append((paragraph, value))
            counter.set_count(paragraph, value)
        before = value
    return found


def _restart(document: Any, paragraph: Any, wanted: int, marks: RevisionMarks) -> bool:
    """Put ``paragraph`` and the ones after it in its list in a new list started at
    ``wanted``, tracked; False where its list is not set on it."""
    number = paragraph.find(_NUM_ID)
    root = word_parts(document).numbering
    if number is None or root is None:
        return False
    old = number.get(qn("w:val"))
    found = [n for n in root.iterchildren(_NUM) if n.get(qn("w:numId")) == old]
    if not found:
        return False
    made = copy.deepcopy(found[-1])
    new = str(max(int(n.get(qn("w:numId"), "0")) for n in root.iterchildren(_NUM)
                  if n.get(qn("w:numId"), "").isdigit()) + 1)
    made.set(qn("w:numId"), new)
    list(root.iterchildren(_NUM))[-1].addnext(made)
    start_override(made, 0, wanted)
    stamp = _stamp_before(paragraph)
    after = False
    for each in list(document.element.body.iter(_P)):
        after = after or each is paragraph
        own = each.find(_NUM_ID)
        if after and own is not None and own.get(qn("w:val")) == old:
            _renumbered(each, new, marks, stamp)
    return True


def _renumbered(paragraph: Any, num_id: str, marks: RevisionMarks, stamp: Stamp) -> None:
    """Give ``paragraph`` list ``num_id``, a tracked change of its properties (made
    untracked where they already hold one: rejected, they are the former)."""
    if paragraph.find(f"{_PPR}/{qn('w:pPrChange')}") is not None:
        paragraph.find(_NUM_ID).set(qn("w:val"), num_id)
        return
    model = etree.Element(_P)
    model.append(copy.deepcopy(paragraph.find(_PPR)))
    model.find(_NUM_ID).set(qn("w:val"), num_id)
    properties_change(paragraph, model, marks, stamp)


def _stamp_before(paragraph: Any) -> Stamp:
    """Who made the change before ``paragraph`` that moved its number: the author (and
    date) of the nearest paragraph inserted or deleted before it."""
    for each in paragraph.itersiblings(_P, preceding=True):
        mark = each.find(f"{_PPR}/{_RPR}")
        change = next((c for c in mark if c.tag in _MARKS), None) if mark is not None else None
        if change is not None:
            return Stamp(change.get(qn("w:author"), ""), _date(change.get(qn("w:date"))))
    return Stamp("")


def _date(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None
