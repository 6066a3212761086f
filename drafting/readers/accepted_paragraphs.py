"""Whole paragraphs a copy of the merged draft accepted untracked: a paragraph moved by
another delegation (a new paragraph before the first and the paragraph deleted where it
stood), accepted in Word, reads in a clean copy as the paragraphs it jumped over deleted
and typed again after it. Compared with the paragraphs as those pending proposals make
them, the copy is that text, and the proposals are the ones it accepted
(`paragraphs_accepted`), never the sender's deletions."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from drafting.model import (
    Amendment,
    AmendmentKind,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
)

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind
_WHOLE = frozenset({_K.NEW_PARAGRAPH, _K.DELETE_PARAGRAPH})
_MOST = 6
"""The most pending whole-paragraph proposals whose combinations are tried (2**6)."""


def paragraphs_accepted(drafts: list[Draft], target: Revision,
                        pending: Sequence[Amendment]) -> tuple[list[Draft], list[Amendment]]:
    """``drafts`` but their untracked new and deleted paragraphs, where together they
    make ``target``'s paragraphs what some of the ``pending`` proposals of whole
    paragraphs (others', sub-amendments aside) make them, and those proposals; (``drafts``,
    []) where none do."""
    whole = [d for d in drafts if d.author is None and d.kind in _WHOLE
             and d.paragraph.kind is not ParagraphKind.FOOTNOTE]
    theirs = [a for a in pending if a.kind in _WHOLE][:_MOST]
    if not whole or not theirs:
        return drafts, []
    made = _order(target, whole)
    for size in range(len(theirs), 0, -1):
        for chosen in combinations(theirs, size):
            if _order(target, chosen) == made:
                kept = [d for d in drafts if not any(d is w for w in whole)]
                return kept, list(chosen)
    return drafts, []


def _order(target: Revision, changes: Sequence[Draft | Amendment]) -> list[str]:
    """The texts of ``target``'s paragraphs in order, as ``changes`` (new and deleted
    paragraphs, in their order) make them, their spaces collapsed."""
    out: list[str] = []
    for paragraph in target:
        if paragraph.status is ParagraphStatus.DELETED or \
                paragraph.kind is ParagraphKind.FOOTNOTE:  # not in the body's order
            continue
        out += _new(paragraph, changes, before=True)
        if not any(c.kind is _K.DELETE_PARAGRAPH and _on(c, paragraph) for c in changes):
            out.append(" ".join(paragraph.text.split()))
        out += _new(paragraph, changes, before=False)
    return out


def _new(paragraph: Paragraph, changes: Sequence[Draft | Amendment], *,
         before: bool) -> list[str]:
    """The words of the new paragraphs ``changes`` put before (or after) ``paragraph``."""
    return [" ".join(c.new_text.split()) for c in changes
            if c.kind is _K.NEW_PARAGRAPH and _on(c, paragraph) and _before(c) == before]


def _on(change: Draft | Amendment, paragraph: Paragraph) -> bool:
    """Whether ``change`` is made at ``paragraph``."""
    if isinstance(change, Amendment):
        return change.paragraph_id == paragraph.id
    return change.paragraph.id == paragraph.id


def _before(change: Draft | Amendment) -> bool:
    """Whether a new paragraph ``change`` stands before the one it is made at (a draft
    says so with a span, a proposal with ``precedes``)."""
    if isinstance(change, Amendment):
        return change.precedes
    return change.span is not None
