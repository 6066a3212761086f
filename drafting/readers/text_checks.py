"""Warnings about a draft's text once its paragraphs are known: stray brackets (one
opened in a paragraph and closed in a later one named as such) and footnote markers
with no footnote, or footnotes no marker cites, and a paragraph read as preambular that
may be something else. Never errors: the text is kept as written."""

from __future__ import annotations

import re
from collections.abc import Sequence

from drafting import brackets
from drafting.brackets import NOTE_MARKER
from drafting.model import Paragraph, ParagraphKind
from drafting.model.headings import CLOSING, TITLE_WORDS
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


_ROMAN_NUMBER = re.compile(r"(?:[IVXLC]{1,7})\.\s")
"""A paragraph typed with a Roman numeral ("I. Takes note ..."): a number drafting does
not read as an operative paragraph's."""


def not_preambular(text: str) -> str:
    """Why a paragraph read as preambular may be something else, or "": one opening with
    a Roman numeral (operative paragraphs numbered so), or one holding several lines
    that each end as preambular paragraphs end (paragraphs joined by Shift+Enter)."""
    if _ROMAN_NUMBER.match(text) and (text.rstrip()[-1:] in CLOSING or
                                      len(text.split()) > TITLE_WORDS):  # no heading
        return (f"it opens with the number {text.split()[0]!r}: if the text numbers its "
                "operative paragraphs so, number them 1., 2., ... (or with Word's numbering)")
    lines = text.split("\n")
    if len(lines) > 1 and sum(line.rstrip().endswith(",") for line in lines[:-1]) > 1:
        return (f"its {len(lines)} lines each end with a comma, as preambular paragraphs "
                "do: if they are paragraphs of their own, separate them with Enter (a line "
                "break, Shift+Enter, keeps them one paragraph)")
    return ""
