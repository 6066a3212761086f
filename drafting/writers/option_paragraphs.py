"""New options of an option block, as Word paragraphs of their own.

A paragraph typed as options ("2. Option 1: ...", "Option 2: ...", "Option 3: No text")
is one paragraph ``[first][second][]`` to the engine. A proposal that adds an option adds
whole brackets at its end; in the secretariat's document that is a new Word paragraph
after the last option's, in its form and with the next number ("Option 4: ...", or
"2.<tab>Alt 4: ..." where each option types the paragraph's number), tracked as
inserted in the merged draft and plain in the revision; each option's words in the
formatting the delegation typed them in (`NewOption`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from docx.oxml.ns import qn

from drafting.brackets import Bracket, parse, unparse
from drafting.lazy_re import lazy_compile
from drafting.model.marks import Mark, within
from drafting.ooxml.revisions import RevisionMarks
from drafting.ooxml.weave import Edit, new_run, new_runs
from drafting.readers.lines import OptionLead, option_lead, split_label
from drafting.readers.source_places import SourcePlace
from drafting.writers.list_items import blank
from drafting.writers.options import NO_TEXT, options

_WHOLE_BRACKETS = lazy_compile(r"(?:\[[^\[\]]*\])+")
_R = qn("w:r")

NewOption: TypeAlias = tuple[str, tuple[Mark, ...]]
"""A new option's words, and the formatting they were typed in (offsets in the words)."""


def added_options(place: SourcePlace, text: str, edits: Sequence[Edit],
                  ) -> dict[int, list[NewOption]]:
    """The ``edits`` of ``text`` (by index) that add options after an option block's last,
    when that block's options stand in Word paragraphs of their own opening "Option N:",
    with each option each adds (`NewOption`). Several proposed at that one point come as
    competing insertions ("[", each option, " / " before the second on, "]"): the
    brackets round them add none. Empty for any other edits."""
    at_end = [n for n, edit in enumerate(edits)
              if edit.start == edit.end == len(text) and edit.text]
    if not at_end or not place.alternatives or options(text) is None or \
            typed_option_lead(place.paragraphs[-1].text) is None:
        return {}
    shown = [edits[n].text for n in at_end]
    framed = len(at_end) > 2 and shown[0].strip() == "[" and shown[-1].strip() == "]"
    inner = at_end[1:-1] if framed else at_end
    found = {n: _typed_options(edits[n], " / " if framed else "") for n in inner}
    if any(added is None for added in found.values()):
        return {}
    frame: dict[int, list[NewOption]] = {at_end[0]: [], at_end[-1]: []} if framed else {}
    return {**frame, **{n: added for n, added in found.items() if added is not None}}


def _typed_options(edit: Edit, opening: str) -> list[NewOption] | None:
    """The options ``edit`` inserts (past ``opening``, where it opens so), each with the
    formatting it typed the option's words in; None where it is not whole options."""
    skip = len(opening) if edit.text.startswith(opening) else 0
    found = _whole_brackets(edit.text[skip:])
    if found is None:
        return None
    return [(words, within(edit.marks, skip + start, skip + start + len(words)))
            for start, words in found]


def new_options(text: str, inserted: str) -> list[str] | None:
    """The words of each option that ``inserted``, put at the end of the option block
    ``text``, adds; None when it is not whole options or ``text`` is no option block."""
    found = _whole_brackets(inserted) if options(text) is not None else None
    return None if found is None else [words for _, words in found]


def _whole_brackets(inserted: str) -> list[tuple[int, str]] | None:
    """Where the words inside each bracket of ``inserted`` start in it, and those words,
    when it is nothing but whole brackets ("[a][]"); else None."""
    if not _WHOLE_BRACKETS.fullmatch(inserted):
        return None
    nodes = parse(inserted, tolerant=True)
    if not all(isinstance(node, Bracket) for node in nodes):
        return None
    found, at = [], 0
    for node in nodes:
        shown = unparse([node])
        found.append((at + 1, shown[1:-1]))
        at += len(shown)
    return found


def split_added(was: str, now: str, marks: Sequence[Mark] = ()) -> tuple[str, list[NewOption]]:
    """``now`` as the options of ``was`` (changed or not) and the options it adds after
    them, each with the formatting ``marks`` (over ``now``) give its words: ``now``
    itself and none when it adds none, or either is no option block."""
    before, after = options(was), options(now)
    if before is None or after is None or len(after) <= len(before):
        return now, []
    start, words = after[len(before) - 1]
    head = start + len(words) + 1  # past the "]" of the last option ``was`` had
    return now[:head], [(words, within(marks, start, start + len(words)))
                        for start, words in after[len(before):]]


def option_paragraphs(place: SourcePlace, added: Sequence[NewOption], number: int,
                      ) -> list[Any]:
    """Word paragraphs for new options ``added``, numbered from ``number``, each in the
    form of the block's last option paragraph (its paragraph properties, its lead's and
    its words' run formatting) and its words in the formatting typed; not yet placed."""
    last = place.paragraphs[-1].element
    lead_text = place.paragraphs[-1].text
    lead = typed_option_lead(lead_text)
    runs = [r for r in last.iter(_R) if r.find(qn("w:t")) is not None]
    made = []
    for n, (text, marks) in enumerate(added, number):
        paragraph = blank(last)
        shown = _renamed(lead_text, lead, n) if lead else f"Option {n}: "
        paragraph.append(new_run(shown, runs[0] if runs else None))
        paragraph.extend(new_runs(text, runs[-1] if runs else None, marks=marks) if text
                         else [new_run(NO_TEXT, runs[-1] if runs else None)])
        made.append(paragraph)
    return made


@dataclass(frozen=True, slots=True)
class TypedLead:
    """The words opening an option's Word paragraph ("Option 2: "), after the number it
    may type again ("2.<tab>Alt 2: "): they ``start`` there, the option's ``name`` ("2")
    among them, and ``end`` before its words."""

    start: int
    end: int
    name: str


def typed_option_lead(text: str) -> TypedLead | None:
    """`TypedLead` of an option's Word paragraph ``text`` ("Option 2: ...", "2.<tab>Alt
    2: ..."); None for any other."""
    label, rest, skip = split_label(text)
    found: OptionLead | None = option_lead(rest if label is not None else text)
    return TypedLead(skip, skip + found.end, found.name) if found else None


def tracked_options(place: SourcePlace, added: Sequence[tuple[Edit, list[NewOption]]],
                    marks: RevisionMarks) -> list[Any]:
    """Each proposal's new options (its edit, the options), as Word paragraphs tracked as
    inserted by its delegation after the block's last option, numbered on from it in the
    order proposed; the paragraphs made."""
    after, number = place.paragraphs[-1].element, len(place.alternatives) + 1
    made = []
    for edit, options_added in added:
        for paragraph in option_paragraphs(place, options_added, number):
            inserted = marks.inserted([c for c in list(paragraph) if c.tag == _R], edit.stamp)
            paragraph.append(inserted)
            edit.made.append(inserted)  # for the comments on the proposal
            after.addnext(paragraph)
            marks.mark_inserted(paragraph, edit.stamp)
            made.append(paragraph)
            after, number = paragraph, number + 1
    return made


def _renamed(text: str, lead: TypedLead, number: int) -> str:
    """The lead of ``text`` (its typed number too) naming option ``number``."""
    words = text[lead.start:lead.end].replace(lead.name, _numbered(lead.name, number), 1)
    return f"{text[:lead.start]}{words}"


def _numbered(was: str, number: int) -> str:
    """Option ``number`` as the block numbers its options: "4", or "D" after "C"."""
    if was.isdigit():
        return str(number)
    return chr(ord("A" if was.isupper() else "a") + number - 1) if number <= 26 else \
        str(number)
