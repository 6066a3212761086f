"""The formatting accepted proposals typed their words in, kept in the revision.

A revised paragraph's marks move with its words (`drafting.model.marks.carried`): words
inserted take the styles of the words on both sides. Words a delegation typed in italics
or bold (`Amendment.marks`) keep those styles too: each accepted amendment's words, where
the revised text holds them (the occurrence nearest the place it proposed them), take its
marks beside those the text gives them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from drafting.model import SPAN_KINDS, Amendment, Paragraph
from drafting.model.marks import Mark, normalised, shifted, within


def with_proposed_marks(paragraph: Paragraph, accepted: Iterable[Amendment]) -> Paragraph:
    """``paragraph``, revised by the ``accepted`` amendments on its words, with the marks
    they typed their words in; unchanged where none has marks or its words are not in the
    text (settled otherwise, or amended in their turn)."""
    found: list[Mark] = []
    for amendment in accepted:
        if not amendment.marks or amendment.amends or amendment.kind not in SPAN_KINDS \
                or amendment.span is None:
            continue
        at = _nearest(paragraph.text, amendment.new_text, amendment.span.start)
        if at >= 0:
            found += shifted(amendment.marks, at)
    if not found:
        return paragraph
    return replace(paragraph, marks=normalised([*paragraph.marks, *found], len(paragraph.text)))


def born_marks(text: str, amendment: Amendment) -> tuple[Mark, ...]:
    """The marks of a new paragraph's ``text``, the words ``amendment`` proposes (trimmed of
    the spaces around them)."""
    lead = len(amendment.new_text) - len(amendment.new_text.lstrip())
    if not amendment.marks or amendment.new_text[lead:lead + len(text)] != text:
        return ()
    return within(amendment.marks, lead, lead + len(text))


def _nearest(text: str, words: str, place: int) -> int:
    """The start of the occurrence of ``words`` in ``text`` nearest ``place``; -1 for none."""
    if not words:
        return -1
    best, at = -1, text.find(words)
    while at >= 0:
        if best < 0 or abs(at - place) < abs(best - place):
            best = at
        at = text.find(words, at + 1)
    return best
