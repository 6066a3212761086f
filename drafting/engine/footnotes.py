"""Footnotes in a revision: each goes with its marker (`notes_with_markers`), and
markers are renumbered as the footnotes are (`footnote_numbers`, `cited`)."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace

from drafting.brackets import NOTE_MARKER
from drafting.engine.anchoring import word_diff
from drafting.errors import LabelError
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import Label, parse_label
from drafting.model.marks import carried


def notes_with_markers(paragraphs: list[Paragraph], deleted: list[str],
                        ) -> tuple[list[Paragraph], list[str]]:
    """A footnote goes with its marker, as in Word: one that no paragraph cites any more
    (the words carrying its marker deleted) is deleted too, and the marker of a footnote
    deleted is taken out of the text citing it. Returns the paragraphs and the labels
    deleted."""
    numbers = {}
    for paragraph in paragraphs:
        if paragraph.kind is ParagraphKind.FOOTNOTE:
            with suppress(LabelError):
                numbers[str(parse_label(paragraph.label).number)] = paragraph.label
    gone = {str(label.number) for label in _labels(deleted) if label.prefix == "FN"}
    cited = {found[1] for p in paragraphs if p.kind is not ParagraphKind.FOOTNOTE
             and "[^" in p.text for found in NOTE_MARKER.finditer(p.text)}
    orphans = {number for number in numbers if number not in cited}
    if not gone - orphans and not orphans:
        return paragraphs, deleted
    kept = []
    for paragraph in paragraphs:
        if paragraph.kind is ParagraphKind.FOOTNOTE and paragraph.label in \
                {numbers[n] for n in orphans}:
            continue
        if gone and "[^" in paragraph.text:
            text = NOTE_MARKER.sub(lambda m: "" if m[1] in gone else m[0], paragraph.text)
            paragraph = retext(paragraph, text)
        kept.append(paragraph)
    return kept, [*deleted, *(numbers[n] for n in sorted(orphans, key=int))]


def _labels(labels: Iterable[str]) -> list[Label]:
    """The labels among ``labels`` that parse."""
    parsed = []
    for label in labels:
        with suppress(LabelError):
            parsed.append(parse_label(label))
    return parsed


def footnote_numbers(table: dict[str, str]) -> dict[str, str]:
    """Old -> new footnote numbers from a renumbering table (FN3 -> FN2: "3" -> "2")."""
    numbers = {}
    for old, new in table.items():
        with suppress(LabelError):
            was, now = parse_label(old), parse_label(new) if new else None
            if was.prefix == "FN" and not was.suffix and now is not None:
                numbers[str(was.number)] = str(now.number)
    return numbers


def cited(text: str, numbers: dict[str, str]) -> str:
    """``text`` with its footnote markers renumbered as the footnotes were."""
    if not numbers or "[^" not in text:
        return text
    return NOTE_MARKER.sub(lambda m: f"[^{numbers.get(m[1], m[1])}]", text)


def retext(paragraph: Paragraph, text: str) -> Paragraph:
    """``paragraph`` with ``text``, its formatting marks moved with the words."""
    if text == paragraph.text:
        return paragraph
    return replace(paragraph, text=text,
                   marks=carried(paragraph.marks, word_diff(paragraph.text, text)))
