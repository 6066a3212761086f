"""Amendments: what a delegation proposes to change in one paragraph."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from drafting.model.marks import Mark


class AmendmentKind(StrEnum):
    """The kinds of proposal negotiators make."""

    REPLACE = "replace"
    DELETE = "delete"
    INSERT = "insert"
    NEW_PARAGRAPH = "new paragraph"
    """A new paragraph after the target one (it takes an ``OP5 bis`` label), or before the
    text's first paragraph (``PP0``)."""
    DELETE_PARAGRAPH = "delete paragraph"
    ALTERNATIVE = "alternative"
    """A whole new formulation of the paragraph, offered beside the current one."""
    RETAIN = "retain"
    """Keep the text as it is, against others' proposals."""
    BRACKET = "bracket"
    """Put a span in square brackets: it is not agreed."""


class AmendmentStatus(StrEnum):
    """Where an amendment stands. Nothing is ever erased: a withdrawn one stays."""

    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    STALE = "stale"
    """The text it amended changed under it."""


SPAN_KINDS = frozenset({AmendmentKind.REPLACE, AmendmentKind.DELETE, AmendmentKind.INSERT,
                        AmendmentKind.BRACKET})
"""Kinds that change a span of a paragraph (the others act on the whole paragraph)."""


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start`` to ``end`` (0-based, end excluded) of a paragraph's text.

    An insertion point is an empty span (``start == end``).
    """

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"a span runs forward from 0: got {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Amendment:
    """One proposal against one paragraph of one revision.

    ``paragraph_id`` is the stable id of the target paragraph (for a new
    paragraph: the one it follows, or for a new first paragraph the one it precedes,
    marked by the empty span at 0: see `precedes`). ``revision`` is the label of the revision
    the proposal was made against and ``span`` the characters it changes in
    that revision's text (None for whole-paragraph kinds; an empty span at the
    insertion point for an insertion). ``anchor`` is, for an insertion, the
    span of the quoted text it goes after or before (the insertion is stale
    if those words change); None otherwise. ``old_text`` is the text of the
    span as the proponent saw it (for an insertion: the anchor's text);
    ``new_text`` what they propose in its place (empty for a deletion, the
    whole paragraph for a new paragraph or an alternative). ``proponents`` own the proposal,
    ``supporters`` back it (confirmed: each said so itself, or the store needs no
    tokens); ``requested`` were named as supporters by another delegation in a store
    that requires tokens, and back it only once they confirm (``drafting support``);
    ``submitted_by`` is the person who typed it, kept in the record and never shown as
    the proponent. ``amends`` is, for an amendment to another's proposal (a sub-amendment:
    "replace 'present' in the EU's proposal with 'transmit'"), the id of that proposal; its
    ``span`` and ``old_text`` are then in the proposal's ``new_text``, not the paragraph's.
    """

    id: str
    kind: AmendmentKind
    paragraph_id: str
    revision: str
    proponents: tuple[str, ...]
    span: Span | None = None
    anchor: Span | None = None
    old_text: str = ""
    new_text: str = ""
    supporters: tuple[str, ...] = ()
    reason: str = ""
    submitted_by: str = ""
    submitted_at: datetime | None = None
    status: AmendmentStatus = AmendmentStatus.SUBMITTED
    requested: tuple[str, ...] = ()
    amends: str = ""
    marks: tuple[Mark, ...] = ()

    @property
    def precedes(self) -> bool:
        """True for a new paragraph that goes before its paragraph (a new first paragraph of
        the text): its break is proposed at the start of that paragraph, the empty span at
        0. Every other new paragraph has no span and follows its paragraph."""
        return self.kind is AmendmentKind.NEW_PARAGRAPH and self.span == Span(0, 0)


AMENDABLE_KINDS = frozenset({AmendmentKind.NEW_PARAGRAPH, AmendmentKind.ALTERNATIVE,
                             AmendmentKind.REPLACE, AmendmentKind.INSERT})
"""Kinds of proposal whose words another delegation may amend (a sub-amendment): those that
propose words of their own."""
SUBAMENDMENT_KINDS = frozenset({AmendmentKind.REPLACE, AmendmentKind.DELETE,
                                AmendmentKind.INSERT})
"""What a sub-amendment may do to the words of the proposal it amends."""
