"""The untracked edits that make a revision's paragraph, whose lines are items each a
Word paragraph of its own (Word numbering them, or typed), from the paragraph before it,
line by line (`line_edits`; `drafting.writers.list_items` places new items)."""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from docx.oxml.ns import qn

from drafting.engine.anchoring import similarity
from drafting.engine.sublists import ITEM, follows
from drafting.lazy_re import lazy_compile
from drafting.model.labels import SUFFIXES
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.weave import Edit
from drafting.readers.source_places import SourcePlace
from drafting.writers.list_items import Line, whole_items, word_edits

_NOBODY = Stamp("", None)
"""The stamp of an untracked edit."""
_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_TYPED = lazy_compile(rf"\(?(?:[a-z]{{1,3}}|[ivxlc]{{1,7}}|\d{{1,3}})(?:[ -]?(?:{_SUFFIX}))?"
                    r"[).][\t ]+")
"""An item's label typed where its line opens: "(a bis)<tab>", "b)<tab>"."""
_NUM_PR = f"{qn('w:pPr')}/{qn('w:numPr')}"


def typed_over(text: str, lines: list[Line], place: SourcePlace) -> list[Line]:
    """``lines`` (of ``text``, a paragraph in ``place``), each line typing its label over
    the number Word shows its Word paragraph ("(a bis)<tab>" on an item of Word's list)
    with that label's length (`Line.over`): a revision lettering it as Word numbers it
    ("(b)") leaves its number to Word."""
    out = []
    for n, line in enumerate(lines):
        found = _TYPED.match(text, line.start) if n and not line.number and \
            line.paragraph is not None else None
        if found is not None and \
                place.paragraphs[line.paragraph].element.find(_NUM_PR) is not None:
            line = replace(line, over=found.end() - line.start)
        out.append(line)
    return out


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
        self.old = [was[line.start + len(line.number) + line.over:line.end].lstrip()
                    if line.number or line.over
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
                before, after = self.edited(i), self.into(i, j)
                if lines[i].over and (plain := ITEM.match(new_lines[j])):  # Word's now
                    self.edits.append(Edit(lines[i].start, lines[i].start + lines[i].over,
                                           _NOBODY, "", tracked=False))
                    before, after = self.old[i], new_lines[j][plain.end():].lstrip()
                if before != after:  # changed words, or a typed number
                    self.changed(lines[i].end - len(before), lines[i].end, before, after)
        elif tag == "insert" and i1 > 0:
            self.edits.append(Edit(lines[i1 - 1].end, lines[i1 - 1].end, _NOBODY,
                                   "".join(f"\n{line}" for line in new_lines[j1:j2]),
                                   tracked=False))
        elif tag == "delete" and (i1 > 0 or (i2 < len(lines) and lines[0].number)) and \
                whole_items(lines, i1, i2):  # the first line too, where Word numbers it
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
        if i1 == 0 or not whole_items(self.lines, i1, i2):
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


def _words(line: str, numbers: list[str]) -> str:
    """A line's words without its item number, where it has one written as the items'."""
    found = ITEM.match(line)
    token = found[0] if found else line.partition(" ")[0]
    alike = any(token == number or follows(number, token) or follows(token, number)
                for number in numbers)
    return line[len(token):].lstrip() if alike else line
