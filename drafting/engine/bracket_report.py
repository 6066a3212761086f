"""How many brackets are left: the headline measure of a negotiation's progress."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from drafting import brackets
from drafting.model import Paragraph, ParagraphStatus


@dataclass(frozen=True, slots=True)
class BracketCount:
    """The bracket pairs (nested included) left in one paragraph."""

    label: str
    brackets: int
    status: ParagraphStatus = ParagraphStatus.OPEN


@dataclass(frozen=True, slots=True)
class BracketReport:
    """Bracket pairs per paragraph, in text order, and their total."""

    paragraphs: tuple[BracketCount, ...]

    @property
    def total(self) -> int:
        """All bracket pairs left in the text."""
        return sum(count.brackets for count in self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        """``{"total": N, "paragraphs": [{"label": ..., "brackets": n, "status": ...}]}``."""
        return {
            "total": self.total,
            "paragraphs": [
                {"label": c.label, "brackets": c.brackets, "status": str(c.status)}
                for c in self.paragraphs
            ],
        }


def bracket_report(paragraphs: Iterable[Paragraph]) -> BracketReport:
    """Count the bracket pairs in each paragraph. Deleted paragraphs count none.

    Raises BracketError (naming the paragraph) where brackets do not pair up.
    """
    counts = tuple(
        BracketCount(
            p.label,
            0 if p.status is ParagraphStatus.DELETED else brackets.count(p.text, paragraph=p.label),
            p.status,
        )
        for p in paragraphs
    )
    return BracketReport(counts)
