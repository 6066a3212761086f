"""Inline formatting read from a Word draft: italic, bold, ... as marks over the text.

The draft is read once with the place of each character of each paragraph in the
document (`drafting.readers.source_places`); the run a character stands in gives its
formatting: the run's own properties over those of its character style (and the styles
that one is based on). A paragraph style's formatting (a bold heading style) is the
paragraph's form, not a mark. Footnote markers and characters with no place in the
document (an automatic number) have none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from docx.oxml.ns import qn

from drafting.model.marks import Mark, Style, normalised
from drafting.ooxml.character_form import CharacterForms
from drafting.ooxml.parts import word_parts
from drafting.ooxml.visible import Visible
from drafting.readers.result import ReadResult
from drafting.readers.source_places import SourcePlace, source_places

_FOOTNOTE_REFERENCE = qn("w:footnoteReference")


def read_marked(document: Any, name: str) -> ReadResult:
    """The draft in ``document`` (python-docx's, or its parts: `drafting.ooxml.parts`),
    each paragraph with its marks."""
    document = word_parts(document)
    result, places = source_places(document, name)
    styles = CharacterForms(document.styles)
    paragraphs = []
    for paragraph, place in zip(result.paragraphs, places, strict=True):
        marks = _marks(place, styles) if place is not None else ()
        paragraphs.append(replace(paragraph, marks=marks) if marks else paragraph)
    return replace(result, paragraphs=tuple(paragraphs))


def _marks(place: SourcePlace, styles: CharacterForms) -> tuple[Mark, ...]:
    """The marks of a paragraph's text: each stretch of it that stands in one run takes
    that run's formatting (stretches met in order, so a style's spans are joined as they
    come)."""
    runs = [_Runs(visible) for visible in place.paragraphs]
    spans: dict[Style, list[list[int]]] = {}
    position = 0
    for length, index, offset in place.places.stretches:
        if index is not None:
            for start, end, run in runs[index].between(offset, offset + length):
                start, end = position + start - offset, position + end - offset
                for style in styles.of(run):
                    found = spans.setdefault(style, [])
                    if found and found[-1][1] >= start:
                        found[-1][1] = max(found[-1][1], end)
                    else:
                        found.append([start, end])
        position += length
    return normalised(Mark(start, end, style) for style, found in spans.items()
                      for start, end in found)


class _Runs:
    """The run each stretch of a Word paragraph's visible text stands in."""

    def __init__(self, visible: Visible) -> None:
        self.starts: list[int] = []
        self.atoms: list[tuple[int, int, Any]] = []
        position = 0
        for atom in visible.atoms:  # a footnote's marker stands in no formatted run
            run = None if atom.node.tag == _FOOTNOTE_REFERENCE else atom.run
            self.starts.append(position)
            self.atoms.append((position, position + len(atom.text), run))
            position += len(atom.text)

    def between(self, start: int, end: int) -> Iterator[tuple[int, int, Any]]:
        """``(start, end, run)`` for each part of offsets ``start:end`` that stands in a
        run (offsets past the text, and a footnote's marker, stand in none)."""
        k = max(bisect_right(self.starts, start) - 1, 0)
        for low, high, run in self.atoms[k:]:
            if low >= end:
                break
            low, high = max(low, start), min(high, end)
            if low < high and run is not None:
                yield low, high, run
