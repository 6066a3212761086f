"""Inline formatting: italic, bold, ... kept as marks over a paragraph's text.

A paragraph's ``text`` stays plain (amendments anchor on it); its ``marks`` say which
characters are in italics (a resolution's opening participle), bold, underlined, raised,
lowered or in small capitals. Marks are kept sorted and merged (`normalised`), move with
the text when it changes (`carried`), and writers ask which styles a stretch of text has
(`pieces`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise


class Style(StrEnum):
    """A kind of inline formatting."""

    ITALIC = "italic"
    BOLD = "bold"
    UNDERLINE = "underline"
    SUPERSCRIPT = "superscript"
    SUBSCRIPT = "subscript"
    SMALL_CAPS = "small caps"


@dataclass(frozen=True, slots=True, order=True)
class Mark:
    """Characters ``start`` to ``end`` (end excluded) of a paragraph's text in ``style``."""

    start: int
    end: int
    style: Style

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"a mark covers at least one character from 0: got "
                             f"{self.start}..{self.end}")


def normalised(marks: Iterable[Mark], length: int | None = None) -> tuple[Mark, ...]:
    """``marks`` sorted, with overlapping or touching marks of one style merged (and cut
    at ``length``, the text's, when given)."""
    merged: dict[Style, list[list[int]]] = {}
    for mark in sorted(marks, key=lambda m: (m.style, m.start)):
        end = mark.end if length is None else min(mark.end, length)
        if end <= mark.start:
            continue
        spans = merged.setdefault(mark.style, [])
        if spans and mark.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([mark.start, end])
    return tuple(sorted(Mark(start, end, style) for style, spans in merged.items()
                        for start, end in spans))


def pieces(text: str, marks: Sequence[Mark], offset: int = 0
           ) -> list[tuple[str, frozenset[Style]]]:
    """``text``, which stands at ``offset`` in its paragraph, cut where its styles
    change: (piece, its styles), in order."""
    end = offset + len(text)
    cuts = {offset, end}
    for mark in marks:
        cuts.update(c for c in (mark.start, mark.end) if offset < c < end)
    out: list[tuple[str, frozenset[Style]]] = []
    for a, b in pairwise(sorted(cuts)):
        styles = frozenset(m.style for m in marks if m.start <= a and b <= m.end)
        piece = text[a - offset:b - offset]
        if out and out[-1][1] == styles:
            out[-1] = (out[-1][0] + piece, styles)
        else:
            out.append((piece, styles))
    return out


def carried(marks: Sequence[Mark], diffs: Iterable[tuple[int, str]]) -> tuple[Mark, ...]:
    """``marks`` moved through a change of their text, given as diff-match-patch ``(op,
    text)`` pairs (0 kept, -1 deleted, 1 inserted): characters kept keep their marks,
    deleted ones take theirs away, and inserted words are marked where the characters on
    both sides of them are (a word inserted inside an italic opening is italic too)."""
    if not marks:
        return ()
    steps = list(diffs)
    length = sum(len(text) for op, text in steps if op <= 0)
    old_styles = [frozenset(m.style for m in marks if m.start <= i < m.end)
                  for i in range(length)]
    new_styles: list[frozenset[Style]] = []
    at = 0  # in the old text
    for op, text in steps:
        if op == 0:
            new_styles += old_styles[at:at + len(text)]
            at += len(text)
        elif op < 0:
            at += len(text)
        else:
            before = old_styles[at - 1] if at else frozenset()
            after = old_styles[at] if at < length else frozenset()
            new_styles += [before & after] * len(text)
    found = [Mark(i, i + 1, style) for i, styles in enumerate(new_styles) for style in styles]
    return normalised(found)


def within(marks: Sequence[Mark], start: int, end: int) -> tuple[Mark, ...]:
    """The marks over characters ``start:end`` of a text, as marks of that stretch alone
    (offsets from ``start``); () where none covers it."""
    return tuple(Mark(max(m.start, start) - start, min(m.end, end) - start, m.style)
                 for m in marks if m.start < end and start < m.end and start < end)


def shifted(marks: Sequence[Mark], offset: int) -> tuple[Mark, ...]:
    """``marks`` moved ``offset`` characters on (a stretch's marks put in its text)."""
    return tuple(Mark(m.start + offset, m.end + offset, m.style) for m in marks)


def by_character(marks: Sequence[Mark], length: int) -> list[frozenset[Style]]:
    """The styles of each of a text's ``length`` characters."""
    styles: list[set[Style]] = [set() for _ in range(length)]
    for mark in marks:
        for i in range(mark.start, min(mark.end, length)):
            styles[i].add(mark.style)
    return [frozenset(found) for found in styles]


def from_characters(styles: Sequence[frozenset[Style]]) -> tuple[Mark, ...]:
    """The marks of a text whose characters have ``styles`` (`by_character`'s inverse)."""
    return normalised(Mark(i, i + 1, style) for i, found in enumerate(styles)
                      for style in found)
