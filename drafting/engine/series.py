"""Where a new paragraph may stand before a paragraph rather than after the one before.

A new paragraph normally follows a paragraph (``OP5 bis`` after OP5). Before a paragraph
it goes only where nothing before it could carry it: before the text's first paragraph,
or before the first paragraph of a *series* — the first paragraph with its prefix and
section (OP1 after the last preambular paragraph, ``3.1`` opening Article 3, the first
paragraph of an annex numbered on its own). Proposed after the paragraph before, it
would be numbered in that paragraph's series (``PP4 bis``, preambular), not in the one
it opens; before it, it is numbered 0 in that series (``OP0``, ``3.0``), and a revision
numbers it first (OP1, the others one on). A paragraph whose series began earlier
(``OP3`` after the heading "II.", OP1 and OP2 being before it) takes none: the new one
follows the paragraph before (the heading: ``OP2 bis``).
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting.errors import LabelError
from drafting.model import Paragraph, ParagraphKind, ParagraphStatus, parse_label


def series_key(paragraph: Paragraph) -> tuple[str, str] | None:
    """The series (prefix, section) a paragraph is numbered in; None for a heading, a
    footnote, or a label that is not a paragraph's (it opens no series)."""
    if paragraph.kind in (ParagraphKind.HEADING, ParagraphKind.FOOTNOTE):
        return None
    try:
        label = parse_label(paragraph.label)
    except LabelError:
        return None
    return label.prefix, label.section


def opens_series(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Whether a new paragraph may be proposed before ``paragraphs[index]``: the text's
    first paragraph, or the first (not deleted) paragraph of its series."""
    if index == 0:
        return True
    key = series_key(paragraphs[index])
    return key is not None and not any(
        series_key(p) == key for p in paragraphs[:index]
        if p.status is not ParagraphStatus.DELETED)


def before_refusal(paragraphs: Sequence[Paragraph], target: Paragraph,
                   revision: str) -> str | None:
    """Why no new paragraph goes before ``target`` (None where one may): the paragraph
    it could follow instead is named."""
    index = next(n for n, p in enumerate(paragraphs) if p.id == target.id)
    if opens_series(paragraphs, index):
        return None
    previous = next((p for p in reversed(paragraphs[:index])
                     if p.kind is not ParagraphKind.FOOTNOTE), paragraphs[index - 1])
    return (f"{target.label}: a new paragraph goes after the paragraph it follows; only the "
            f"first paragraph of {revision}, or the first of a series (OP1 after the "
            f"preambular paragraphs, 3.1 opening an article), takes one before it: propose "
            f"it after {previous.label}")
