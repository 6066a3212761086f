"""The footnotes at a printed page's foot (`drafting.readers.printed_pages`): read as the
draft's footnotes, each one's number in the page's text written as its marker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafting.lazy_re import lazy_compile
from drafting.readers.lines import LONE_ITEM, SUBPARAGRAPH, split_label
from drafting.readers.printed_lines import LONE_NUMBER, PrintedLine, furniture

_NOTE = lazy_compile(r"(?P<number>\d{1,3})[ \t]+(?=\S)")
_MARKED = lazy_compile(r"\*{1,3}[ \t]+(?=\S)")
_FOOT = 80
"""The most lines of notes at a page's foot."""
_MOST_NOTES = 40
"""The most footnotes one page's foot is read as holding."""
_UNNUMBERED_LINES = 6
"""The most lines of a note whose number a PDF reader put after its words."""
_WIDER = 1.08
"""A line longer than the text's width by this much is a footnote's (smaller type)."""
_GLUED = (r"(?:(?<=[^\W\d_])|(?<=[,;:)\]\"\u201d\u2019*])|(?<=[a-z]\.)"
          r"|(?<=(?<!\d)(?:19|20)\d\d))")
"""Where a footnote's number printed as a superscript stands: right after a word, a
year, a comma, a closing bracket or quote, or a sentence's full stop, with no space (not
in a symbol: the "2" of ``A/C.2/81``)."""


@dataclass
class Notes:
    """The footnotes read from the pages' feet, in order, and the marked notes."""

    numbered: list[tuple[int, int, str]] = field(default_factory=list)
    """(line, number, text) of each footnote."""
    marked: list[tuple[int, str]] = field(default_factory=list)


def without_notes(page: list[PrintedLine], notes: Notes, width: int,
                  running: set[str]) -> tuple[list[PrintedLine], int]:
    """``page`` without the footnotes at its foot, which go to ``notes``, each one's number
    in the page's text written as its marker; and how many lines of furniture among them
    were left out. The foot opens at the first line that may open a note (a number, a
    mark, or a line longer than the text's, as a note's smaller type makes it, opening in
    no small letter) after which every line is read as notes, up to the page's furniture."""
    for start in range(max(1, len(page) // 3, len(page) - _FOOT), len(page)):
        text = page[start].text.strip()
        if not (_NOTE.match(text) or LONE_NUMBER.fullmatch(text) or _MARKED.match(text)
                or (len(text) > _WIDER * width and not text[:1].islower())):
            continue
        read = _read_notes(page[:start], page[start:], len(notes.numbered) + 1, running)
        if read is not None:
            numbered, marked, rest = read
            body = page[:start] + [line for line in rest
                                   if not furniture(line.text, running)]
            for _, number, _text in numbered:
                body = _marked(body, number)
            notes.numbered += numbered
            notes.marked += marked
            return body, sum(furniture(line.text, running) for line in rest)
    return page, 0


def _read_notes(body: list[PrintedLine], foot: list[PrintedLine], first: int, running: set[str],
                ) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]],
                           list[PrintedLine]] | None:
    """The footnotes ``foot`` holds, if it is a page's foot of notes (None if not): each
    line opens a note (the next numbers, each cited in ``body``: "1 See ...", or "1" alone
    and its words on the lines after it; or a mark of its own, "*", that ``body`` shows)
    or goes on with the note before it. A PDF reader may print a note's number after its
    words: words before any number are the note whose number is left over, alone on the
    last line. The page's own lines that a PDF reader put after its notes and
    job number are returned as the rest."""
    text = "\n".join(line.text for line in body[-_FOOT * 2:])  # the page's, not a book's
    notes: list[list] = []  # [line, number (None: not yet known, "*": marked), words]
    waiting: int | None = None  # a number alone on its line: its words come next
    numbers: list[int] = []
    rest: list[PrintedLine] = []
    for index, line in enumerate(foot):
        stripped = line.text.strip()
        alone, note = LONE_NUMBER.fullmatch(stripped), _NOTE.match(stripped)
        number = int(stripped if alone else note["number"]) if alone or note else 0
        cited = number not in numbers and first <= number < first + _MOST_NOTES and \
            _marker(number).search(text) is not None
        if notes and not cited and furniture(stripped, running):  # the job number: what
            rest = foot[index:]  # follows is the page's own, put after its notes
            break
        if not cited and (split_label(stripped)[0] is not None or
                          LONE_ITEM.fullmatch(stripped) or SUBPARAGRAPH.match(stripped)):
            return None  # a paragraph's number ("2.", "(a)"): the page's text goes on
        if alone or note:
            if not cited:
                return None
            numbers.append(number)
            if alone:
                waiting = number
            else:
                notes.append([line.number, number, stripped[note.end():]])
                waiting = None
        elif (mark := _MARKED.match(stripped)) and re.search(
                _GLUED + re.escape(stripped[:mark.end()].strip()) + r"(?!\*)", text):
            notes.append([line.number, "*", stripped])
        elif waiting is not None:
            notes.append([line.number, waiting, stripped])
            waiting = None
        elif notes:
            if notes[-1][1] is None and notes[-1][2].count("\n") >= _UNNUMBERED_LINES:
                return None
            notes[-1][2] = f"{notes[-1][2]}\n{stripped}"
        else:
            notes.append([line.number, None, stripped])
    unplaced = [note for note in notes if note[1] is None]
    if len(unplaced) > 1:
        return None
    for note in unplaced:  # its number printed after it
        if waiting is None:
            return None
        note[1] = waiting
    if waiting is not None and not unplaced:  # a number under the notes: the page's
        numbers.remove(waiting)
    if sorted(numbers) != list(range(first, first + len(numbers))):
        return None
    numbered = sorted(((line, number, " ".join(words.split("\n"))) for line, number, words
                       in notes if number != "*"), key=lambda note: note[1])
    marked = [(line, " ".join(words.split("\n"))) for line, number, words in notes
              if number == "*"]
    return (numbered, marked, rest) if numbered or marked else None


def _marker(number: int) -> re.Pattern[str]:
    return re.compile(rf"{_GLUED}{number}(?![\d/])")


def _marked(body: list[PrintedLine], number: int) -> list[PrintedLine]:
    """``body`` with the first ``number`` glued to a word written as its marker."""
    pattern = _marker(number)
    for index, line in enumerate(body):
        if pattern.search(line.text):
            changed = PrintedLine(line.number, pattern.sub(f"[^{number}]", line.text, count=1),
                            line.indent, line.page)
            return [*body[:index], changed, *body[index + 1:]]
    return body
