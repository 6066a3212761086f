"""New lines of a paragraph whose lines are items of a list Word numbers ("2. Calls upon
States:" and its "(a)", "(b)", each a Word paragraph of its own, numbered by Word).

Such a paragraph is one paragraph of the draft and several Word paragraphs
(`drafting.readers.source_places`); each item's number is Word's, read into the text at
import ("\\n(c) ") and held by no character of the document. A change inserting a line
there ("\\n(d) To promote ...") is a new Word paragraph of the same list, at the level of
the item it stands among, with that item's paragraph properties (its numbering too), its
number left to Word (`new_items`, `add_items`). A change deleting an item's whole line
deletes its Word paragraph's mark too (`items_deleted`). A revision's relettering of the
items after either is Word's too (`line_edits`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml import etree

from drafting.engine.diff import word_segments
from drafting.engine.segments import Change, Text
from drafting.engine.sublists import follows
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.sections import section_break
from drafting.ooxml.weave import Edit, new_runs
from drafting.readers.source_places import Place, SourcePlace
from drafting.writers.source_edits import in_body

_NOBODY = Stamp("", None)
"""The stamp of an untracked edit."""

_PPR = qn("w:pPr")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paragraph's text: where it starts and ends, its automatic number
    (the characters before its words that no character of the document holds: "(c) "),
    and the Word paragraph holding its words (None for none)."""

    start: int
    end: int
    number: str
    paragraph: int | None


@dataclass(slots=True)
class NewItems:
    """Lines to add as Word paragraphs after Word paragraph ``after``: each the index of
    the item whose form it takes and its words."""

    after: int
    items: list[tuple[int, str]]
    edit: Edit


def lines_of(text: str, places: Sequence[Place]) -> list[Line]:
    """The lines of a paragraph's ``text`` (``places``: their characters' places)."""
    found, start = [], 0
    for part in text.split("\n"):
        end = start + len(part)
        opening = next((at for at in range(start, end) if places[at] is not None), end)
        held = {places[at][0] for at in range(opening, end)  # type: ignore[index]
                if places[at] is not None}
        found.append(Line(start, end, text[start:opening].strip(),
                          held.pop() if len(held) == 1 else None))
        start = end + 1
    return found


def new_items(place: SourcePlace, text: str, edit: Edit,
              places: Sequence[Place]) -> tuple[Edit | None, NewItems | None]:
    """``edit`` (on a paragraph's ``text``) split into what it changes in the Word
    paragraph it stands in (None for nothing) and the new list items its line breaks
    insert; ``(edit, None)`` where those are no items of a list Word numbers (or the
    Word paragraph they would follow ends a section)."""
    if "\n" not in edit.text or edit.deleter is not None:
        return edit, None
    start, inserted = _at_line_end(text, edit)
    lines = lines_of(text, places)
    at = next((n for n, line in enumerate(lines) if line.start <= start <= line.end), None)
    if at is None or start != lines[at].end or lines[at].paragraph is None:
        return edit, None
    anchor = lines[at].paragraph
    after = [line for line in lines[at + 1:] if line.paragraph is not None]
    if after and after[0].paragraph == anchor:  # a line break inside a Word paragraph
        return edit, None
    element = place.paragraphs[anchor].element
    if section_break(element) is not None or not in_body(element):
        return edit, None
    numbered = [line for line in [lines[at], *lines[at + 1:at + 2], *lines]
                if line.number and line.paragraph is not None]
    if not numbered:
        return edit, None
    head, *rest = inserted.split("\n")
    items = []
    for words in rest:
        token, _, body = words.partition(" ")
        form = next((line for line in numbered if token in (line.number,) or
                     follows(line.number, token)), numbered[0])
        shown = token == form.number or follows(form.number, token)
        items.append((form.paragraph, body.lstrip() if shown else words))
    kept = None
    if head or edit.end > edit.start:
        kept = Edit(edit.start, edit.end, edit.stamp, head if start == edit.end else "",
                    edit.deleter, edit.made, edit.tracked)
    return kept, NewItems(anchor, items, edit)  # type: ignore[arg-type]


def items_deleted(text: str, edit: Edit, places: Sequence[Place]) -> list[int]:
    """The Word paragraphs of the items whose whole line ``edit`` (on a paragraph's
    ``text``; ``places``: its characters' places) deletes with the line break before it
    ("\\n(b) To build capacities;") or after it: their paragraph marks go with them, so
    that accepted, no empty item is left for Word to number."""
    if edit.text or "\n" not in text[edit.start:edit.end]:
        return []
    lines = lines_of(text, places)
    return [line.paragraph for n, line in enumerate(lines)  # type: ignore[misc]
            if n and _whole_items(lines, n, n + 1) and (
                edit.start < line.start <= line.end <= edit.end or
                (edit.start <= line.start <= line.end < edit.end and n + 1 < len(lines)))]


def _at_line_end(text: str, edit: Edit) -> tuple[int, str]:
    """Where ``edit`` inserts its words, moved to a line's end where the same insertion
    can stand there ("(b) New;\\n(b) " after "(b) " is "\\n(b) New;" after the line
    before), and the words it inserts there."""
    start, words = edit.end, edit.text
    if edit.start < edit.end:
        return start, words
    while start > 0 and words[0] != "\n" and text[start - 1] == words[-1]:
        start, words = start - 1, text[start - 1] + words[:-1]
    if words[0] == "\n" and (start == len(text) or text[start] == "\n"):
        return start, words
    return edit.end, edit.text


def add_items(place: SourcePlace, found: NewItems, marks: RevisionMarks,
              after: Any | None = None) -> list[Any]:
    """Add ``found``'s items after their Word paragraph (or ``after``, an item added
    there before), each in the form of its item and numbered by Word; tracked as
    inserted, words and mark, where the edit is tracked. The paragraphs made."""
    edit, made = found.edit, []
    at = after if after is not None else place.paragraphs[found.after].element
    for index, words in found.items:
        form = place.paragraphs[index].element
        paragraph = blank(form)
        runs = new_runs(words, last_run(form), form)
        if edit.tracked:
            inserted = marks.inserted(runs, edit.stamp)
            paragraph.append(inserted)
            edit.made.append(inserted)
        else:
            paragraph.extend(runs)
        at.addnext(paragraph)
        if edit.tracked:  # rejected, the emptied paragraph joins the next
            marks.mark_inserted(paragraph, edit.stamp)
        at = paragraph
        made.append(paragraph)
    return made


def word_edits(was: str, now: str, offset: int = 0) -> list[Edit]:
    """The untracked edits that make ``was`` (standing at ``offset``) ``now``, word by
    word."""
    edits = []
    for segment in word_segments(was, now):
        if isinstance(segment, Text):
            offset += len(segment.text)
        elif isinstance(segment, Change):
            edits.append(Edit(offset, offset + len(segment.deleted), _NOBODY, segment.inserted,
                              tracked=False))
            offset += len(segment.deleted)
    return edits


def line_edits(was: str, now: str, lines: list[Line]) -> tuple[list[Edit], list[int]]:
    """The untracked edits that make ``was`` (its ``lines``) ``now``, line by line, the
    items' numbers left to Word: lines inserted as whole lines after the line before
    them, whole items removed as the Word paragraphs to remove (their indexes), other
    changes word by word."""
    old = [was[line.start + len(line.number):line.end].lstrip() if line.number
           else was[line.start:line.end] for line in lines]
    numbers = [line.number for line in lines if line.number]
    new_lines = now.split("\n")
    new = [_words(line, numbers) if n else line for n, line in enumerate(new_lines)]
    edits: list[Edit] = []
    removed: list[int] = []

    def changed(start: int, end: int, before: str, after: str) -> None:
        edits.extend(word_edits(before, after, start))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                start = lines[i].end - len(old[i])
                changed(start, lines[i].end, old[i], new[j])
        elif tag == "insert" and i1 > 0:
            edits.append(Edit(lines[i1 - 1].end, lines[i1 - 1].end, _NOBODY,
                              "".join(f"\n{line}" for line in new_lines[j1:j2]),
                              tracked=False))
        elif tag == "delete" and i1 > 0 and _whole_items(lines, i1, i2):
            removed += [line.paragraph for line in lines[i1:i2]]  # type: ignore[misc]
        elif i1 == i2:  # lines before the first
            changed(0, 0, "", "\n".join(new_lines[j1:j2]) + "\n")
        elif j1 == j2:  # lines removed, with the line break before them (or after)
            start = lines[i1 - 1].end if i1 else 0
            end = lines[i2 - 1].end if i1 else lines[i2].start if i2 < len(lines) else len(was)
            changed(start, end, was[start:end], "")
        else:
            start, end = lines[i1].start, lines[i2 - 1].end
            changed(start, end, was[start:end], "\n".join(new_lines[j1:j2]))
    return edits, removed


def _words(line: str, numbers: list[str]) -> str:
    """A line's words without its item number, where it has one written as the items'."""
    token, _, rest = line.partition(" ")
    alike = any(token == number or follows(number, token) or follows(token, number)
                for number in numbers)
    return rest.lstrip() if alike else line


def _whole_items(lines: list[Line], first: int, end: int) -> bool:
    """Whether lines ``first:end`` are items each alone in its own Word paragraph."""
    held = [line.paragraph for line in lines]
    return all(line.number and line.paragraph is not None and held.count(line.paragraph) == 1
               for line in lines[first:end])


_RAW_TEXT = etree.ElementBase.text
"""lxml's own ``text`` of an element (before its first child)."""


def blank(form: Any) -> Any:
    """An empty paragraph with the properties of ``form`` (no section break, no tracked
    change of its own)."""
    # made beside ``form``, not copied whole: a paragraph may hold thousands of changes
    paragraph = form.makeelement(form.tag, form.attrib)
    _RAW_TEXT.__set__(paragraph, _RAW_TEXT.__get__(form))  # python-docx's w:p hides it
    paragraph.tail = form.tail
    kept = form[:1] if len(form) and form[0].tag == _PPR else form.findall(_PPR)
    for properties in kept:
        paragraph.append(properties.__copy__())  # lxml's deep copy
    properties = paragraph.find(_PPR)
    for path in _NOT_CARRIED if properties is not None else ():
        for found in properties.findall(path):
            found.getparent().remove(found)
    return paragraph


_NOT_CARRIED = tuple("/".join(map(qn, tag.split("/")))
                     for tag in ("w:sectPr", "w:pPrChange", "w:rPr/w:ins", "w:rPr/w:del"))
"""What a new paragraph does not take from the properties of the one it is made like."""


_TEXT_RUNS = etree.XPath("(.//w:r[w:t])[last()]", namespaces={"w": nsmap["w"]})


def last_run(paragraph: Any) -> Any | None:
    """The last run in ``paragraph`` that holds text (a ``w:t``), at any depth."""
    found = _TEXT_RUNS(paragraph)
    return found[0] if found else None


def past_items(last: Any, made: Sequence[Any]) -> Any:
    """The last of ``made`` (new items) that stand right after ``last``, else ``last``."""
    ours = {id(p) for p in made}
    while (following := last.getnext()) is not None and id(following) in ours:
        last = following
    return last
