"""New options of an option block, as Word paragraphs of their own.

A paragraph typed as options ("2. Option 1: ...", "Option 2: ...", "Option 3: No text")
is one paragraph ``[first][second][]`` to the engine. A proposal that adds an option adds
whole brackets at its end; in the secretariat's document that is a new Word paragraph
after the last option's, in its form and with the next number ("Option 4: ...", or
"2.<tab>Alt 4: ..." where each option types the paragraph's number), tracked as
inserted in the merged draft and plain in the revision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from drafting.brackets import Bracket, parse, unparse
from drafting.lazy_re import lazy_compile
from drafting.ooxml.revisions import RevisionMarks
from drafting.ooxml.weave import Edit, new_run
from drafting.readers.lines import OptionLead, option_lead, split_label
from drafting.readers.source_places import SourcePlace
from drafting.writers.list_items import blank
from drafting.writers.options import NO_TEXT, options

_WHOLE_BRACKETS = lazy_compile(r"(?:\[[^\[\]]*\])+")
_R = qn("w:r")


def added_options(place: SourcePlace, text: str, edits: Sequence[Edit],
                  ) -> dict[int, list[str]]:
    """The ``edits`` of ``text`` (by index) that add options after an option block's last,
    when that block's options stand in Word paragraphs of their own opening "Option N:",
    with the words of each option each adds. Several proposed at that one point come as
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
    found = {n: _whole_brackets(edits[n].text.removeprefix(" / ") if framed else edits[n].text)
             for n in inner}
    if any(words is None for words in found.values()):
        return {}
    frame: dict[int, list[str]] = {at_end[0]: [], at_end[-1]: []} if framed else {}
    return {**frame, **{n: words for n, words in found.items() if words is not None}}


def new_options(text: str, inserted: str) -> list[str] | None:
    """The words of each option that ``inserted``, put at the end of the option block
    ``text``, adds; None when it is not whole options or ``text`` is no option block."""
    return _whole_brackets(inserted) if options(text) is not None else None


def _whole_brackets(inserted: str) -> list[str] | None:
    """The words inside each bracket of ``inserted`` when it is nothing but whole
    brackets ("[a][]"); else None."""
    if not _WHOLE_BRACKETS.fullmatch(inserted):
        return None
    nodes = parse(inserted, tolerant=True)
    if not all(isinstance(node, Bracket) for node in nodes):
        return None
    return [unparse([node])[1:-1] for node in nodes]


def split_added(was: str, now: str) -> tuple[str, list[str]]:
    """``now`` as the options of ``was`` (changed or not) and the options it adds after
    them: ``now`` itself and none when it adds none, or either is no option block."""
    before, after = options(was), options(now)
    if before is None or after is None or len(after) <= len(before):
        return now, []
    start, words = after[len(before) - 1]
    head = start + len(words) + 1  # past the "]" of the last option ``was`` had
    return now[:head], [words for _, words in after[len(before):]]


def option_paragraphs(place: SourcePlace, words: list[str], number: int) -> list[Any]:
    """Word paragraphs for new options ``words``, numbered from ``number``, each in the
    form of the block's last option paragraph (its paragraph properties, its lead's and
    its words' run formatting); not yet placed."""
    last = place.paragraphs[-1].element
    lead_text = place.paragraphs[-1].text
    lead = typed_option_lead(lead_text)
    runs = [r for r in last.iter(_R) if r.find(qn("w:t")) is not None]
    made = []
    for n, text in enumerate(words, number):
        paragraph = blank(last)
        shown = _renamed(lead_text, lead, n) if lead else f"Option {n}: "
        paragraph.append(new_run(shown, runs[0] if runs else None))
        paragraph.append(new_run(text or NO_TEXT, runs[-1] if runs else None))
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


def tracked_options(place: SourcePlace, added: Sequence[tuple[Edit, list[str]]],
                    marks: RevisionMarks) -> list[Any]:
    """Each proposal's new options (its edit, their words), as Word paragraphs tracked as
    inserted by its delegation after the block's last option, numbered on from it in the
    order proposed; the paragraphs made."""
    after, number = place.paragraphs[-1].element, len(place.alternatives) + 1
    made = []
    for edit, words in added:
        for paragraph in option_paragraphs(place, words, number):
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
