"""New lines of a paragraph whose lines are items of a list Word numbers ("2. Calls upon
States:" and its "(a)", "(b)", each a Word paragraph of its own, numbered by Word), or
items each a Word paragraph with its number typed ("(3)<tab>to cooperate ...").

Such a paragraph is one paragraph of the draft and several Word paragraphs
(`drafting.readers.source_places`); each item's number is Word's, read into the text at
import ("\\n(c) ") and held by no character of the document, or typed. A change inserting
a line there ("\\n(d) To promote ...") is a new Word paragraph of the same list, at the
level of the item it stands among, with that item's paragraph properties (its numbering
too), its number left to Word or typed as the line types it (`new_items`, `add_items`).
A change deleting an item's whole line deletes its Word paragraph's mark too; one
joining two items, the first one's (`items_deleted`). A revision's relettering of the
items after is Word's too, or typed numbers changed in their own paragraphs; items it
joins become one Word paragraph (`drafting.writers.line_edits`, `join_items`). Where
one list numbers an article's heading and its paragraphs, the first line is Word's item
too ("1. For the purposes ..."): its number is left to Word, and it goes whole like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml import etree

from drafting.engine.diff import word_segments
from drafting.engine.segments import Change, Text
from drafting.engine.sublists import ITEM, follows, written_alike
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.sections import hand_on, section_break
from drafting.ooxml.weave import Edit, new_runs
from drafting.readers.source_places import Place, SourcePlace
from drafting.writers.source_edits import in_body, unnumbered
from drafting.writers.word_lists import out_of_list

_NOBODY = Stamp("", None)
"""The stamp of an untracked edit."""

_PPR = qn("w:pPr")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a paragraph's text: where it starts and ends, its automatic number
    (the characters before its words that no character of the document holds: "(c) "),
    the Word paragraph holding its words (None for none), and the number typed where it
    opens ("(3)", held by the document's characters; "" for none)."""

    start: int
    end: int
    number: str
    paragraph: int | None
    typed: str = ""
    over: int = 0
    """The length of a label typed over Word's number ("(a bis)<tab>" on an item Word
    numbers, read as its number: `drafting.readers.typed_items`), 0 for none."""

    @property
    def item(self) -> str:
        """Its number as an item's, automatic or typed ("" for a line that is no item)."""
        return self.number or self.typed


@dataclass(slots=True)
class NewItems:
    """Lines to add as Word paragraphs after Word paragraph ``after``: each the index of
    the item whose form it takes and its words; ``typed``: those (by their place in
    ``items``) among items Word numbers that Word must not number ("(a bis)<tab>...",
    or a line with no number), their words as they are."""

    after: int
    items: list[tuple[int, str]]
    edit: Edit
    typed: frozenset[int] = frozenset()


def lines_of(text: str, places: Sequence[Place]) -> list[Line]:
    """The lines of a paragraph's ``text`` (``places``: their characters' places)."""
    found, start = [], 0
    for part in text.split("\n"):
        end = start + len(part)
        opening = next((at for at in range(start, end) if places[at] is not None), end)
        held = {places[at][0] for at in range(opening, end)  # type: ignore[index]
                if places[at] is not None}
        number = text[start:opening].strip()
        typed = None if number or not start else ITEM.match(part)  # the first: no item
        found.append(Line(start, end, number, held.pop() if len(held) == 1 else None,
                          typed[0] if typed else ""))
        start = end + 1
    return found


def new_items(place: SourcePlace, text: str, edit: Edit,
              places: Sequence[Place]) -> tuple[Edit | None, NewItems | None]:
    """``edit`` (on a paragraph's ``text``) split into what it changes in the Word
    paragraph it stands in (None for nothing) and the new list items its line breaks
    insert; ``(edit, None)`` where those are no items of a list Word numbers, nor new
    items typed as such ("(3)<tab>...") among items with typed numbers, each alone in its
    Word paragraph (or where the Word paragraph they would follow ends a section)."""
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
                if line.item and line.paragraph is not None]
    head, *rest = inserted.split("\n")
    if not numbered or (not any(line.number for line in numbered) and not (
            all(ITEM.match(words) for words in rest) and
            sum(line.paragraph == anchor for line in lines) == 1)):
        return edit, None
    items, typed = [], set()
    for words in rest:
        found = ITEM.match(words)
        token = found[0] if found else words.partition(" ")[0]
        form = next((line for line in numbered if token == line.item or
                     follows(line.item, token)), numbered[0])
        # Word's number, even where it follows none ("(d)" in a diff, after "(b)" made "(c)")
        shown = bool(form.number) and written_alike(form.number, token)
        if form.number and not shown:  # "(a bis)": no number of Word's list
            typed.add(len(items))
        items.append((form.paragraph, words[len(token):].lstrip() if shown else words))
    kept = None
    if head or edit.end > edit.start:
        kept = Edit(edit.start, edit.end, edit.stamp, head if start == edit.end else "",
                    edit.deleter, edit.made, edit.tracked, upright=edit.upright)
    return kept, NewItems(anchor, items, edit, frozenset(typed))  # type: ignore[arg-type]


def competing_items(place: SourcePlace, text: str, line: Any,
                    places: Sequence[Place]) -> list[int]:
    """Competing insertions at one point (`line.competing`: the edits of an
    `Alternatives` with no text of its own, its brackets' and its options', each option
    with its words) where every option inserts new items of a list (`new_items`): each
    option's edit made the insertion of its own words, new items by its delegation one
    after another, no brackets between them (the compilation says they compete). The
    indexes of the brackets' edits, to leave out."""
    left: list[int] = []
    for brackets, options in line.competing if text else ():
        made = []
        for at, words in options:
            edit = line.edits[at]
            alone = Edit(edit.start, edit.start, edit.stamp, words, edit.deleter)
            kept, found = new_items(place, text, alone, places)
            if not words.startswith("\n") or kept is not None or found is None:
                break
            made.append((at, alone))
        else:
            for at, alone in made:
                line.edits[at] = alone
            left += brackets
    return left


def items_deleted(text: str, edit: Edit, places: Sequence[Place]) -> list[int]:
    """The Word paragraphs whose marks go with the line breaks ``edit`` (on a
    paragraph's ``text``; ``places``: its characters' places) deletes before items, each
    item and the line before it alone in a Word paragraph, so that accepted, no empty
    item is left for Word to number and two items joined are one: an item's whole line
    deleted with the break before it ("\\n(b) To build capacities;"), its own mark;
    else the mark of the line before each break (the end of "(b)", the break and the
    start of "(c)" deleted: "(b)"'s mark, the two joined). None for a break inside a
    Word paragraph, or before a line that is no item."""
    if "\n" not in text[edit.start:edit.end]:
        return []
    lines = lines_of(text, places)
    breaks = [n for n in range(len(lines) - 1) if edit.start <= lines[n].end < edit.end]
    if not all(_apart(lines, n) for n in breaks):
        return []
    whole = not edit.text and edit.start == lines[breaks[0]].end and \
        edit.end == lines[breaks[-1] + 1].end  # "\n(b) ..." deleted: (b)'s own mark
    return [lines[n + 1 if whole else n].paragraph for n in breaks]  # type: ignore[misc]


def _apart(lines: list[Line], n: int) -> bool:
    """Whether line ``n`` and the item after it each stand alone in a Word paragraph."""
    return bool(lines[n + 1].item) and lines[n].paragraph is not None and \
        whole_items(lines, n + 1, n + 2) and \
        sum(line.paragraph == lines[n].paragraph for line in lines) == 1


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
              after: Any | None = None, document: Any | None = None) -> list[Any]:
    """Add ``found``'s items after their Word paragraph (or ``after``, an item added
    there before), each in the form of its item and numbered by Word; tracked as
    inserted, words and mark, where the edit is tracked. An item typing its own number
    ("(c bis)<tab>") stands out of Word's list, at its items' indents (those its list
    level in ``document``'s numbering gives them). The paragraphs made."""
    edit, made = found.edit, []
    at = after if after is not None else place.paragraphs[found.after].element
    for position, (index, words) in enumerate(found.items):
        form = place.paragraphs[index].element
        paragraph = blank(form)
        if position in found.typed:
            if document is not None:  # its list's indents, not the left margin
                out_of_list(document, paragraph)
            unnumbered(paragraph)
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


def join_items(place: SourcePlace, joined: Sequence[tuple[int, int]]) -> None:
    """Join each pair of ``joined`` (Word paragraph indexes): the second's runs moved to
    the end of the first (or of the one it was joined to), the second removed; a section
    break it ends goes to the first."""
    host: dict[int, int] = {}
    for first, second in joined:
        target = place.paragraphs[host.get(first, first)].element
        element = place.paragraphs[second].element
        target.extend(child for child in list(element) if child.tag != _PPR)
        if section_break(element) is not None:
            hand_on(element, target)
        element.getparent().remove(element)
        host[second] = host.get(first, first)


def whole_items(lines: list[Line], first: int, end: int) -> bool:
    """Whether lines ``first:end`` are items each alone in its own Word paragraph."""
    held = [line.paragraph for line in lines]
    return all(line.item and line.paragraph is not None and held.count(line.paragraph) == 1
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
