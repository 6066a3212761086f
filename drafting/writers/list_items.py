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
joins become one Word paragraph (`line_edits`, `join_items`). Where one list numbers an
article's heading and its paragraphs, the first line is Word's item too ("1. For the
purposes ..."): its number is left to Word, and it goes whole like any other.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from docx.oxml.ns import nsmap, qn
from lxml import etree

from drafting.engine.anchoring import similarity
from drafting.engine.diff import word_segments
from drafting.engine.segments import Change, Text
from drafting.engine.sublists import ITEM, follows, written_alike
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.sections import hand_on, section_break
from drafting.ooxml.weave import Edit, new_runs
from drafting.readers.source_places import Place, SourcePlace
from drafting.writers.source_edits import in_body, unnumbered

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
                    edit.deleter, edit.made, edit.tracked)
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
        _whole_items(lines, n + 1, n + 2) and \
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
              after: Any | None = None) -> list[Any]:
    """Add ``found``'s items after their Word paragraph (or ``after``, an item added
    there before), each in the form of its item and numbered by Word; tracked as
    inserted, words and mark, where the edit is tracked. The paragraphs made."""
    edit, made = found.edit, []
    at = after if after is not None else place.paragraphs[found.after].element
    for position, (index, words) in enumerate(found.items):
        form = place.paragraphs[index].element
        paragraph = blank(form)
        if position in found.typed:
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


def line_edits(was: str, now: str, lines: list[Line],
               ) -> tuple[list[Edit], list[int], list[tuple[int, int]]]:
    """The untracked edits that make ``was`` (its ``lines``) ``now``, line by line, the
    items' automatic numbers left to Word: lines inserted as whole lines after the line
    before them, whole items removed as the Word paragraphs to remove (their indexes),
    items joined as pairs of Word paragraphs (the one joined to, the one joined: its
    words move to the end of the first, `join_items`), other changes word by word (a
    typed number too: "(3)" is "(4)" after an item inserted)."""
    found = _LineDiff(was, now, lines)
    found.block(0, len(lines), 0, len(found.new))
    return found.edits, found.removed, found.joined


class _LineDiff:
    """`line_edits` at work: the lines matched by their words, block by block."""

    def __init__(self, was: str, now: str, lines: list[Line]) -> None:
        self.was, self.lines = was, lines
        items = [line.item for line in lines if line.item]  # the first's only if Word's
        self.old = [was[line.start + len(line.number):line.end].lstrip() if line.number
                    else _words(was[line.start:line.end], items) if line.typed
                    else was[line.start:line.end] for line in lines]  # matched by these
        self.new_lines = now.split("\n")
        numbered = bool(lines[0].number)  # an article's "1. For the purposes ...": Word's
        self.new = [_words(line, items) if n or numbered else line
                    for n, line in enumerate(self.new_lines)]
        self.edits: list[Edit] = []
        self.removed: list[int] = []
        self.joined: list[tuple[int, int]] = []

    def edited(self, i: int) -> str:
        """What an edit changes of line ``i``: not Word's number."""
        line = self.lines[i]
        return self.old[i] if line.number else self.was[line.start:line.end]

    def into(self, i: int, j: int) -> str:
        """New line ``j`` as line ``i`` holds it (Word's number left out)."""
        return self.new[j] if self.lines[i].number else self.new_lines[j]

    def changed(self, start: int, end: int, before: str, after: str) -> None:
        self.edits.extend(word_edits(before, after, start))

    def block(self, i1: int, i2: int, j1: int, j2: int) -> None:
        """Old lines ``i1:i2`` made new lines ``j1:j2``."""
        matcher = SequenceMatcher(None, self.old[i1:i2], self.new[j1:j2], autojunk=False)
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            self.opcode(tag, i1 + a1, i1 + a2, j1 + b1, j1 + b2)

    def opcode(self, tag: str, i1: int, i2: int, j1: int, j2: int) -> None:
        lines, new_lines = self.lines, self.new_lines
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if self.edited(i) != self.into(i, j):  # changed words, or a typed number
                    self.changed(lines[i].end - len(self.edited(i)), lines[i].end,
                                 self.edited(i), self.into(i, j))
        elif tag == "insert" and i1 > 0:
            self.edits.append(Edit(lines[i1 - 1].end, lines[i1 - 1].end, _NOBODY,
                                   "".join(f"\n{line}" for line in new_lines[j1:j2]),
                                   tracked=False))
        elif tag == "delete" and (i1 > 0 or (i2 < len(lines) and lines[0].number)) and \
                _whole_items(lines, i1, i2):  # the first line too, where Word numbers it
            self.removed += [line.paragraph for line in lines[i1:i2]]  # type: ignore[misc]
        elif i1 == i2:  # lines before the first
            self.changed(0, 0, "", "\n".join(new_lines[j1:j2]) + "\n")
        elif j1 == j2:  # lines removed, with the line break before them (or after)
            start = lines[i1 - 1].end if i1 else 0
            end = lines[i2 - 1].end if i1 else lines[i2].start if i2 < len(lines) \
                else len(self.was)
            self.changed(start, end, self.was[start:end], "")
        elif not self.realign(i1, i2, j1, j2):
            start, end = lines[i1].start, lines[i2 - 1].end
            self.changed(start, end, self.was[start:end], "\n".join(new_lines[j1:j2]))

    def realign(self, i1: int, i2: int, j1: int, j2: int) -> bool:
        """Old lines ``i1:i2``, items each alone in a Word paragraph, made a different
        number of new lines ``j1:j2``, matched as alike as they can be: each old item
        changed into a new line, joined with the next ones into one (it opens as the
        first, ends as the last), or removed, and new lines inserted between. Whether
        they could be (not for the paragraph's first line, nor other lines than items)."""
        if i1 == 0 or not _whole_items(self.lines, i1, i2):
            return False
        steps, at_i, at_j = [], i1, j1
        for end, stop in self.steps(i1, i2, j1, j2):
            joined = None
            if end - at_i > 1:  # items joined
                joined = _joined(self.lines, [self.edited(i) for i in range(at_i, end)],
                                 self.into(at_i, at_j), at_i)
                if joined is None:
                    return False
            steps.append((at_i, end, at_j, stop, joined))
            at_i, at_j = end, stop
        for at_i, end, at_j, stop, joined in steps:
            if joined is not None:
                self.edits += joined[0]
                self.joined += joined[1]
            else:
                tag = "replace" if end > at_i and stop > at_j else \
                    "delete" if end > at_i else "insert"
                self.opcode(tag, at_i, end, at_j, stop)
        return True

    def steps(self, i1: int, i2: int, j1: int, j2: int) -> list[tuple[int, int]]:
        """The best match of old lines ``i1:i2`` with new lines ``j1:j2`` (`realign`),
        the most alike in all: where each step ends, in old and new lines."""
        best: dict[tuple[int, int], tuple[float, list[tuple[int, int]]]] = {
            (i2, j2): (0.0, [])}
        for i in range(i2, i1 - 1, -1):
            for j in range(j2, j1 - 1, -1):
                if (i, j) == (i2, j2):
                    continue
                options = []
                if i < i2:
                    options.append((best[i + 1, j][0], i + 1, j))  # removed
                if j < j2:
                    options.append((best[i, j + 1][0], i, j + 1))  # inserted
                for end in range(i + 1, i2 + 1) if j < j2 else ():  # changed, or joined
                    if end > i + 1 and not _joins(self.old[i:end], self.new[j]):
                        continue
                    alike = similarity(" ".join(self.old[i:end]), self.new[j])
                    if alike >= _ALIKE:
                        options.append((alike + best[end, j + 1][0], end, j + 1))
                score, end, stop = max(options)
                best[i, j] = (score, [(end, stop), *best[end, stop][1]])
        return _grouped(best[i1, j1][1], i1)


_ALIKE = 0.3
"""How alike (`similarity`) an old line and a new one must be to be read as one changed,
not one removed and one inserted."""


def _grouped(steps: list[tuple[int, int]], i: int) -> list[tuple[int, int]]:
    """``steps`` (from old line ``i``) with new lines inserted one after another made
    one step: one edit inserts them all."""
    out: list[tuple[int, int]] = []
    inserting = False  # whether the last step inserted lines
    for end, stop in steps:
        if end == i and inserting:
            out[-1] = (end, stop)
        else:
            out.append((end, stop))
        inserting, i = end == i, end
    return out


def _joins(was: list[str], now: str) -> bool:
    """Whether ``now`` opens with the first word of ``was``'s first line and ends with the
    last word of its last (items joined into it, say)."""
    head, tail = was[0].split(None, 1), was[-1].rsplit(None, 1)
    return bool(head and tail) and now.startswith(head[0]) and now.endswith(tail[-1])


def _joined(lines: list[Line], was: list[str], now: str, first: int,
            ) -> tuple[list[Edit], list[tuple[int, int]]] | None:
    """The edits that make lines ``first:`` (``was``: what edits change of each), items
    each alone in a Word paragraph, the one line ``now``, word by word (the breaks
    between them deleted), and the Word paragraphs joined (`line_edits`); None where
    some are numbered by Word and some typed."""
    if len({bool(line.number) for line in lines[first:first + len(was)]}) > 1:
        return None
    starts, at = [], 0  # where each line starts in the lines joined
    for words in was:
        starts.append(at)
        at += len(words) + 1

    def place(offset: int) -> int:  # an offset in the lines joined, in the paragraph's text
        k = max(n for n, start in enumerate(starts) if start <= offset)
        return lines[first + k].end - len(was[k]) + offset - starts[k]

    edits, joined = [], []
    for edit in word_edits("\n".join(was), now):
        edits.append(Edit(place(edit.start), place(edit.end), _NOBODY, edit.text,
                          tracked=False))
        joined += [(lines[first + k].paragraph, lines[first + k + 1].paragraph)
                   for k, start in enumerate(starts[1:]) if edit.start < start <= edit.end]
    return edits, joined  # type: ignore[return-value]


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


def _words(line: str, numbers: list[str]) -> str:
    """A line's words without its item number, where it has one written as the items'."""
    found = ITEM.match(line)
    token = found[0] if found else line.partition(" ")[0]
    alike = any(token == number or follows(number, token) or follows(token, number)
                for number in numbers)
    return line[len(token):].lstrip() if alike else line


def _whole_items(lines: list[Line], first: int, end: int) -> bool:
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
