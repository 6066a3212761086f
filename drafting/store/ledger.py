"""The status history and decisions kept beside each amendment.

Every status an amendment takes is a row of ``amendment_statuses`` naming the
event that set it; every acceptance, rejection or reopening is a row of ``decisions``.
Both are only ever added to.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, insert, select

from drafting.model import AmendmentStatus
from drafting.store import tables
from drafting.store.session import Write

DECISION_STATUS = {"accept": AmendmentStatus.ACCEPTED, "reject": AmendmentStatus.REJECTED}
"""What each decision makes of an amendment."""

REOPEN = "reopen"
"""The decision that takes back an acceptance or rejection (`drafting.store.reopening`):
the amendment returns to the status it had before it."""


def revision_note(label: str) -> str:
    """The note of a decision taken by issuing revision ``label``."""
    return f"decided in {label}"


def decision_for(status: AmendmentStatus) -> str | None:
    """"accept" or "reject" for a decided status, else None."""
    return next((word for word, made in DECISION_STATUS.items() if made is status), None)


def record_statuses(write: Write, seq: int,
                    changes: Iterable[tuple[int, AmendmentStatus]]) -> None:
    """Add a history row for each (amendment number, new status), made by event ``seq``."""
    changes = list(changes)
    if not changes:
        return
    numbers = [number for number, _ in changes]
    history = tables.amendment_statuses.c
    last = dict(write.connection.execute(
        select(history.amendment_id, func.max(history.position))
        .where(history.amendment_id.in_(numbers))
        .group_by(history.amendment_id)
    ).all())
    write.connection.execute(insert(tables.amendment_statuses), [  # one statement
        {"amendment_id": number, "position": last.get(number, -1) + 1, "status": str(status),
         "event_seq": seq, "at": write.at}
        for number, status in changes
    ])


def record_decision(write: Write, seq: int, number: int, decision: str, note: str) -> None:
    """Add the row of a decision on amendment ``number`` made by event ``seq``."""
    record_decisions(write, seq, [(number, decision, note)])


def record_decisions(write: Write, seq: int, made: Iterable[tuple[int, str, str]]) -> None:
    """Add a row for each (amendment number, decision, note) made by event ``seq``, in
    one statement (none for none)."""
    values = [{"amendment_id": number, "decision": decision, "note": note, "event_seq": seq,
               "decided_at": write.at} for number, decision, note in made]
    if values:
        write.connection.execute(insert(tables.decisions), values)
