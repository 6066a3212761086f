"""What the secretariat decides before issuing a revision: amendments accepted or rejected,
brackets settled, paragraphs agreed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from drafting.model import ParagraphStatus


class BracketAction(StrEnum):
    """What the secretariat decides for one bracket group."""

    CHOOSE = "choose"
    """Keep one alternative, drop the others and the brackets."""
    AGREE = "agree"
    """Keep the text, drop the brackets."""
    DELETE = "delete"
    """Drop the bracketed text."""


@dataclass(frozen=True, slots=True)
class BracketDecision:
    """A decision on bracket group ``group`` (0-based, as `brackets.groups`
    numbers them in the paragraph's current text)."""

    paragraph_id: str
    group: int
    action: BracketAction
    alternative: int = 0
    """For CHOOSE: which alternative (0-based)."""
    amendment: str = ""
    """For CHOOSE of words that only a pending amendment proposes (in the alternative it
    changes): that amendment, accepted with the choice; its words then stand."""


@dataclass(frozen=True, slots=True)
class Decisions:
    """What the secretariat decided before issuing a revision.

    ``accepted`` and ``rejected`` hold amendment ids; ``agreed`` maps a
    paragraph id to AGREED or AGREED_AD_REF. Amendments in neither set stay
    pending and move on to the new revision.
    """

    accepted: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()
    brackets: tuple[BracketDecision, ...] = ()
    agreed: Mapping[str, ParagraphStatus] = field(default_factory=dict)
