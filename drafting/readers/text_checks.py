"""Warnings about a draft's text once its paragraphs are known: stray brackets (one
opened in a paragraph and closed in a later one named as such) and footnote markers
with no footnote, or footnotes no marker cites. Never errors: the text is kept as
written."""

from __future__ import annotations

from collections.abc import Sequence

from drafting import brackets
from drafting.brackets import NOTE_MARKER
from drafting.model import Paragraph, ParagraphKind
from drafting.readers.result import ReadWarning


def bracket_warnings(paragraphs: Sequence[Paragraph],
                     wheres: Sequence[str]) -> list[ReadWarning]:
    """A warning for every stray bracket of ``paragraphs`` (``wheres[i]`` says where
    paragraph ``i`` stands in its file); an unclosed '[' that a later paragraph's stray
    ']' closes is named as one bracket across paragraphs."""
    warnings: list[ReadWarning] = []
    open_ones: list[tuple[Paragraph, int, str]] = []
    for paragraph, where in zip(paragraphs, wheres, strict=True):
        for fault in brackets.faults(paragraph.text):
            place = f"{where} ({paragraph.label}, character {fault.offset})"
            if fault.char == "]" and open_ones:
                opened, offset, first = open_ones.pop()
                warnings.append(ReadWarning(place, (
                    f"this ']' closes the '[' opened in {opened.label} at character "
                    f"{offset} ({first}): a bracket across paragraphs is read as "
                    "two unbalanced brackets; the paragraphs are kept as written")))
                continue
            if fault.char == "[":
                open_ones.append((paragraph, fault.offset, where))
                continue
            warnings.append(_stray(place, paragraph.text, fault.offset, fault.message))
    for paragraph, offset, where in open_ones:
        warnings.append(_stray(f"{where} ({paragraph.label}, character {offset})",
                               paragraph.text, offset, "'[' is never closed"))
    return warnings


def footnote_warnings(paragraphs: Sequence[Paragraph], wheres: Sequence[str],
                      name: str) -> list[ReadWarning]:
    """A warning for a marker ``[^N]`` with no footnote N, and for a footnote never
    cited (named in file ``name``)."""
    warnings: list[ReadWarning] = []
    notes = {p.label: p for p in paragraphs if p.kind is ParagraphKind.FOOTNOTE}
    cited: set[str] = set()
    for paragraph, where in zip(paragraphs, wheres, strict=True):
        for marker in NOTE_MARKER.finditer(paragraph.text):
            cited.add(f"FN{marker[1]}")
            if f"FN{marker[1]}" not in notes:
                warnings.append(ReadWarning(f"{where} ({paragraph.label})", (
                    f"the marker {marker[0]} cites footnote {marker[1]}, which the "
                    "text does not have")))
    for label in sorted(set(notes) - cited, key=lambda found: int(found[2:])):
        warnings.append(ReadWarning(name, f"footnote {label[2:]} is cited by no "
                                    "paragraph (no marker [^N] for it)"))
    return warnings


def _stray(place: str, text: str, offset: int, message: str) -> ReadWarning:
    around = text[max(0, offset - 30):offset + 30].replace("\n", " ")
    return ReadWarning(place, (
        f"unbalanced bracket: {message} (near '{around}'); the paragraph is kept as "
        "written and the bracket counted as unbalanced"))
