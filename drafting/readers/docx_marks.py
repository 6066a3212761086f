"""Inline formatting read from a Word draft: italic, bold, ... as marks over the text.

The draft is read once with the place of each character of each paragraph in the
document (`drafting.readers.source_places`); the run a character stands in gives its
formatting: the run's own properties over those of its character style (and the styles
that one is based on). A paragraph style's formatting (a bold heading style) is the
paragraph's form, not a mark. Footnote markers and characters with no place in the
document (an automatic number) have none.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docx.oxml.ns import qn

from drafting.model.marks import Mark, Style, normalised
from drafting.ooxml.visible import Visible
from drafting.readers.result import ReadResult
from drafting.readers.source_places import SourcePlace, source_places

_OFF = {"0", "false", "off", "none"}
_TOGGLES = {qn("w:i"): Style.ITALIC, qn("w:b"): Style.BOLD, qn("w:smallCaps"): Style.SMALL_CAPS}
_RAISED = {"superscript": Style.SUPERSCRIPT, "subscript": Style.SUBSCRIPT}


def read_marked(document: Any, name: str) -> ReadResult:
    """The draft in the python-docx ``document``, each paragraph with its marks."""
    result, places = source_places(document, name)
    styles = _CharacterStyles(document)
    paragraphs = tuple(
        replace(paragraph, marks=_marks(place, styles)) if place is not None else paragraph
        for paragraph, place in zip(result.paragraphs, places, strict=True))
    return replace(result, paragraphs=paragraphs)


def _marks(place: SourcePlace, styles: _CharacterStyles) -> tuple[Mark, ...]:
    runs = [_RunFinder(visible) for visible in place.paragraphs]
    found: list[Mark] = []
    for offset, where in enumerate(place.places):
        if where is None:
            continue
        run = runs[where[0]].run_at(where[1])
        found += [Mark(offset, offset + 1, style) for style in styles.of(run)]
    return normalised(found)


class _RunFinder:
    """The run each character of a Word paragraph's visible text stands in."""

    def __init__(self, visible: Visible) -> None:
        self.runs: list[Any] = []
        for atom in visible.atoms:  # a footnote's marker stands in no formatted run
            run = None if atom.node.tag == qn("w:footnoteReference") else atom.run
            self.runs += [run] * len(atom.text)

    def run_at(self, offset: int) -> Any | None:
        return self.runs[offset] if 0 <= offset < len(self.runs) else None


class _CharacterStyles:
    """The formatting a run shows: its own properties over its character style's."""

    def __init__(self, document: Any) -> None:
        self.styles: dict[str, Any] = {}
        root = document.styles.element
        for style in root.iterchildren(qn("w:style")):
            if style.get(qn("w:type")) == "character":
                self.styles[style.get(qn("w:styleId"), "")] = style
        self.cache: dict[int, frozenset[Style]] = {}

    def of(self, run: Any | None) -> frozenset[Style]:
        if run is None:
            return frozenset()
        key = id(run)
        if key not in self.cache:
            self.cache[key] = self._resolve(run.find(qn("w:rPr")))
        return self.cache[key]

    def _resolve(self, properties: Any | None) -> frozenset[Style]:
        chain = [properties] if properties is not None else []
        style_id = properties.find(qn("w:rStyle")) if properties is not None else None
        seen: set[str] = set()
        name = style_id.get(qn("w:val"), "") if style_id is not None else ""
        while name and name not in seen and name in self.styles:
            seen.add(name)
            style = self.styles[name]
            if (own := style.find(qn("w:rPr"))) is not None:
                chain.append(own)
            based = style.find(qn("w:basedOn"))
            name = based.get(qn("w:val"), "") if based is not None else ""
        shown: dict[Style, bool] = {}
        for element in reversed(chain):  # the style first, the run's own last
            for child in element:
                for style, on in _styles_of(child):
                    shown[style] = on
        return frozenset(style for style, on in shown.items() if on)


def _styles_of(child: Any) -> list[tuple[Style, bool]]:
    """What one run property sets: (style, on or off)."""
    value = child.get(qn("w:val"))
    if child.tag in _TOGGLES:
        return [(_TOGGLES[child.tag], value is None or value.lower() not in _OFF)]
    if child.tag == qn("w:u"):
        return [(Style.UNDERLINE, value is None or value.lower() not in _OFF)]
    if child.tag == qn("w:vertAlign"):
        return [(style, value == name) for name, style in _RAISED.items()]
    return []
