"""Paragraph numbers a SEQ field makes ("{ SEQ OP \\* ARABIC }" then ".<tab>", as some
secretariats' templates number operative paragraphs): the number shown is the field's
result, which Word computes again whenever it updates fields (F9, printing). A revision
renumbering such a paragraph writes the new number as the field's result, not as typed
text beside it (Word would show the field's count and the typed figures side by side,
"34."), and a new paragraph gets a field of its own, so that Word's count agrees with
the numbers written."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from drafting.lazy_re import lazy_compile
from drafting.ooxml.revisions import RevisionMarks, Stamp, element, text_element
from drafting.ooxml.weave import new_run
from drafting.writers.typed_numbers import TYPED_NUMBER

_R, _T, _RPR = qn("w:r"), qn("w:t"), qn("w:rPr")
_FIELD_CHAR, _TYPE = qn("w:fldChar"), qn("w:fldCharType")
_INSTRUCTION, _SIMPLE, _INSTR = qn("w:instrText"), qn("w:fldSimple"), qn("w:instr")
_BESIDE = frozenset(qn(f"w:{name}") for name in (
    "pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "commentRangeStart",
    "commentRangeEnd"))
"""What may stand before a paragraph's first run and shows nothing."""
_RESET = lazy_compile(r"\\[rc](?:\s+\d+)?\s*", re.IGNORECASE)
"""A SEQ field's switch that sets its count (``\\r 1``, restart at 1) or repeats the
last (``\\c``): a new paragraph's field counts on instead."""
_RESTART = lazy_compile(r"\\r\s*\d+", re.IGNORECASE)
"""A SEQ field's switch that restarts its count at a number (``\\r 1``)."""


@dataclass(frozen=True, slots=True)
class NumberField:
    """A SEQ field a paragraph opens with: its elements (the runs from its begin mark to
    its end mark, or one ``w:fldSimple``) and the runs of its shown result."""

    elements: list[Any]
    result: list[Any]

    @property
    def shown(self) -> str:
        """The number the field shows (its result's text)."""
        return "".join(t.text or "" for run in self.result for t in run.iter(_T))


def number_field(paragraph: Any, number: str) -> NumberField | None:
    """The SEQ field ``paragraph`` (a ``w:p``) opens with, where its result shows
    ``number`` (the paragraph's typed number as read); None where no such field opens it."""
    children = [child for child in paragraph if child.tag not in _BESIDE]
    if not children:
        return None
    if children[0].tag == _SIMPLE:
        found = NumberField([children[0]], children[0].findall(_R))
        instruction = children[0].get(_INSTR) or ""
    else:
        found, instruction = _complex(children)
    if found is None or instruction.upper().split()[:1] != ["SEQ"] or \
            found.shown.strip() != number.strip():
        return None
    return found


def _complex(children: list[Any]) -> tuple[NumberField | None, str]:
    """The complex field (begin, instruction, separate, result, end) the runs
    ``children`` open with, and its instruction."""
    runs: list[Any] = []
    result: list[Any] = []
    instruction, depth, separated = "", 0, False
    for child in children:
        if child.tag != _R:
            return None, ""
        runs.append(child)
        kinds = [mark.get(_TYPE) for mark in child.iter(_FIELD_CHAR)]
        if not runs[1:] and "begin" not in kinds:
            return None, ""
        for kind in kinds:
            depth += {"begin": 1, "end": -1}.get(kind, 0)
            separated |= kind == "separate" and depth == 1
        if depth == 1 and not separated:
            instruction += "".join(t.text or "" for t in child.iter(_INSTRUCTION))
        elif depth == 1 and not kinds:
            result.append(child)
        if depth == 0:
            return NumberField(runs, result), instruction
    return None, ""


def show_number(field: NumberField, number: str) -> None:
    """Make ``field`` show ``number``: its result's first text holds it, the rest of the
    result goes (a result emptied gets a run of its own, before the end mark)."""
    _restarted_at(field.elements, number)
    texts = [t for run in field.result for t in run.iter(_T)]
    if not texts:
        run = element("w:r")
        run.append(text_element("w:t", number))
        (field.elements[-1].addprevious if field.elements[-1].tag == _R
         else field.elements[-1].append)(run)
        return
    texts[0].text = number
    for extra in texts[1:]:
        extra.getparent().remove(extra)


def track_number(field: NumberField, number: str, marks: RevisionMarks, stamp: Stamp) -> None:
    """Make ``field`` show ``number`` as a tracked change by ``stamp``: the field deleted
    whole and a copy showing ``number`` inserted after it (Accept All shows the new
    number as a field's result, Reject All the old; LibreOffice, which reads a field's
    result as one piece, would show a change inside it as both numbers side by side). A
    ``w:fldSimple``, which no tracked change holds, has the change in its result."""
    if field.elements[0].tag == _SIMPLE:
        runs = [run for run in field.result if run.getparent() is not None]
        if runs:
            at = field.elements[0].index(runs[0])
            field.elements[0].insert(at, deleted := marks.deleted(runs, stamp))
            deleted.addnext(marks.inserted([new_run(number, runs[0])], stamp))
        else:
            field.elements[0].append(marks.inserted([new_run(number, None)], stamp))
        return
    made = field_copy(field, number, counting_on=False)
    parent = field.elements[0].getparent()
    at = parent.index(field.elements[0])
    parent.insert(at, deleted := marks.deleted(field.elements, stamp))
    deleted.addnext(marks.inserted(made, stamp))


def field_numbered(main: Any, typed: str, made: str, *,
                   simple: bool = True) -> tuple[list[Any], str]:
    """A new paragraph's number made in the form of ``main``'s (a ``w:p`` whose typed
    number reads ``typed``, "3.\\t"), where ``made`` ("4.\\t") is what would be typed:
    where a SEQ field shows ``main``'s number and the new one is figures alone, a copy of
    that field showing them, and the rest of ``made`` to type after it (".\\t"); else no
    field and ``made`` (a number with "bis" no field counts). ``simple``: whether a
    ``w:fldSimple`` may be copied (not inside a tracked insertion, which holds runs)."""
    old, new = TYPED_NUMBER.match(typed), TYPED_NUMBER.match(made)
    if old is None or new is None or old["bracket"] or old["before"] or new["before"] or \
            not new["number"].isdigit():
        return [], made
    field = number_field(main, old["number"])
    if field is None or (not simple and field.elements[0].tag == _SIMPLE):
        return [], made
    return field_copy(field, new["number"]), made[new.end("number"):]


def field_copy(field: NumberField, number: str, *, counting_on: bool = True) -> list[Any]:
    """``field``'s elements copied, showing ``number``; ``counting_on`` (for a new
    paragraph), with no switch that restarts or repeats the count."""
    made = [copy.deepcopy(each) for each in field.elements]
    _restarted_at(made, number)
    for each in made if counting_on else ():
        for instruction in each.iter(_INSTRUCTION):
            instruction.text = _RESET.sub("", instruction.text or "")
        if each.tag == _SIMPLE:
            each.set(_INSTR, _RESET.sub("", each.get(_INSTR) or ""))
    copied = number_field(_holder(made), field.shown)
    if copied is not None:
        show_number(copied, number)
    return made


def _restarted_at(elements: list[Any], number: str) -> None:
    """Where the field (its ``elements``) restarts its count (``\\r 1``), restart it at
    ``number``, the one it now shows: Word's count then gives it, and the next ones
    count on from it."""
    if not number.isdigit():
        return
    for each in elements:
        for instruction in each.iter(_INSTRUCTION):
            instruction.text = _RESTART.sub(rf"\\r {number}", instruction.text or "")
        if each.tag == _SIMPLE:
            each.set(_INSTR, _RESTART.sub(rf"\\r {number}", each.get(_INSTR) or ""))


def _holder(elements: list[Any]) -> Any:
    """A paragraph holding ``elements`` (to read them as one), which stay where they are
    once taken out of it by the caller appending them elsewhere."""
    paragraph = element("w:p")
    paragraph.extend(elements)
    return paragraph
