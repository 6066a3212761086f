"""What agreeing a paragraph requires: no proposal to change it still pending.

A paragraph agreed (or agreed ad referendum) is the text the room accepted as it
stands. A proposal still pending on it would either be decided later against an agreed
text, reopening it behind the room's back, or linger undecided beside the agreement. So
the secretariat decides (or the proponents withdraw) those proposals first; a proposal
of a new paragraph after it, or one asking to retain it as it stands, does not change its
words and does not hold the agreement up.
"""

from __future__ import annotations

from collections.abc import Iterable

from drafting.model import Amendment, AmendmentKind, AmendmentStatus, Paragraph
from drafting.store.errors import ConflictError
from drafting.wording import describe

_NOT_ITS_WORDS = frozenset({AmendmentKind.NEW_PARAGRAPH, AmendmentKind.RETAIN})
"""Proposals on a paragraph that leave its words as they are."""


def pending_changes(paragraph: Paragraph, amendments: Iterable[Amendment]) -> list[Amendment]:
    """The pending proposals among ``amendments`` that would change ``paragraph``: its
    words, its deletion, an alternative formulation, a bracket (not the amendments to
    those proposals, which follow them)."""
    return [a for a in amendments if a.status is AmendmentStatus.SUBMITTED
            and a.paragraph_id == paragraph.id and a.kind not in _NOT_ITS_WORDS
            and not a.amends]


def refuse_pending(symbol: str, paragraph: Paragraph, amendments: Iterable[Amendment],
                   how: str) -> None:
    """ConflictError naming each pending proposal to change ``paragraph`` of ``symbol``
    (`pending_changes`), when there is one: it cannot be marked ``how`` ("agreed",
    "agreed ad ref") while they stand. Nothing is recorded."""
    pending = pending_changes(paragraph, amendments)
    if not pending:
        return
    listed = "; ".join(f"{a.id} ({', '.join(a.proponents)}: {describe(a)})"
                       for a in pending[:10])
    more = f"; and {len(pending) - 10} more" if len(pending) > 10 else ""
    first = pending[0].id
    raise ConflictError(
        f"{symbol}: {paragraph.label} cannot be {how} while proposals to change it are "
        f"pending: {listed}{more}; nothing was recorded. Reject them (drafting decide "
        f"{first} reject) or have their proponents withdraw them (drafting withdraw {first} "
        f"--delegation CODE), then agree {paragraph.label}; or accept them (drafting "
        f"decide {first} accept) and agree it as the next revision words it")
