"""Correcting a decision taken by mistake: reopening an accepted or rejected amendment.

A reopening is a decision of its own (a ``decide`` event whose decision is ``reopen``,
and a row of ``decisions``): the amendment returns to the status it had before it was
decided (submitted, or stale), so that it can be decided again. The first decision
stays in the record beside it. A decision can be reopened only until the revision it
was taken for is issued: once a revision has applied the accepted text (or left the
rejected text out), the decision stands, and a change is a new amendment to that
revision.
"""

from __future__ import annotations

from sqlalchemy import Connection, func, select

from drafting.model import Amendment, AmendmentStatus
from drafting.store import tables
from drafting.store.amendment_steps import record_verdict, stored
from drafting.store.chain import EventKind
from drafting.store.errors import ConflictError, StoreError
from drafting.store.ledger import REOPEN
from drafting.store.session import Write

_S = AmendmentStatus
REOPENABLE = (_S.ACCEPTED, _S.REJECTED)
"""The statuses a reopening takes back."""
RETURNS_TO = (_S.SUBMITTED, _S.STALE)
"""What an amendment may have been before its decision, and returns to."""


def reopen(write: Write, amendment_id: str, note: str) -> Amendment:
    """Take back the acceptance or rejection of ``amendment_id``: it returns to the status
    it had before (submitted, or stale) and can be decided again; ``note`` says why and is
    required. ConflictError for an amendment that is not accepted or rejected, or whose
    decision a revision has since been issued with."""
    if not note.strip():
        raise StoreError(f"say why {amendment_id} is reopened: a correction needs a note "
                         f'(drafting decide {amendment_id} reopen --note "accepted by mistake")')
    number, amendment, symbol = stored(write.connection, amendment_id)
    if amendment.status not in REOPENABLE:
        raise ConflictError(f"{amendment.id} is {amendment.status}, not accepted or rejected: "
                            "there is no decision to reopen")
    steps = _history(write.connection, number)
    if len(steps) < 2 or steps[-2][0] not in RETURNS_TO:
        raise StoreError(f"{amendment.id}'s status history does not say what it was before "
                         f"it was {amendment.status}; `drafting verify` checks the store")
    issued = _issued_since(write.connection, symbol, steps[-1][1])
    if issued is not None:
        raise ConflictError(_too_late(write.connection, amendment, symbol, issued))
    return record_verdict(write, symbol, number, amendment, REOPEN, note, _S(steps[-2][0]))


def _history(connection: Connection, number: int) -> list[tuple[str, int]]:
    """The status steps of amendment ``number`` as (status, event number), oldest first."""
    step = tables.amendment_statuses.c
    return [(row.status, row.event_seq) for row in connection.execute(
        select(step.status, step.event_seq).where(step.amendment_id == number)
        .order_by(step.position))]


def _issued_since(connection: Connection, symbol: str, seq: int) -> tuple[int, str] | None:
    """The id and label of the current revision of ``symbol`` if a revision was issued by
    event ``seq`` or after it (the decision was taken for a revision now issued), else None."""
    event = tables.events.c
    last = connection.scalar(select(func.max(event.seq))
                             .where(event.kind == str(EventKind.REVISE), event.document == symbol))
    if last is None or last < seq:
        return None
    revision = tables.revisions.c
    found = connection.execute(
        select(revision.id, revision.label).join_from(tables.revisions, tables.documents)
        .where(tables.documents.c.symbol == symbol)
        .order_by(revision.position.desc()).limit(1)).one()
    return found.id, found.label


def _too_late(connection: Connection, amendment: Amendment, symbol: str,
              issued: tuple[int, str]) -> str:
    revision_id, label = issued
    version = tables.paragraph_versions.c
    paragraph = connection.scalar(
        select(version.label).join_from(tables.paragraph_versions, tables.paragraphs)
        .where(version.revision_id == revision_id,
               tables.paragraphs.c.key == amendment.paragraph_id)) or "LABEL"
    done, then = ("with", "To change that text now, propose") \
        if amendment.status is _S.ACCEPTED else ("without", "To propose it again, submit")
    return (f"{amendment.id} was {amendment.status} and {label} has been issued {done} its "
            "text: a decision cannot be reopened once the revision it was taken for is "
            f"issued. {then} a new amendment to {label} (drafting amend {symbol} "
            f"{paragraph} --delegation CODE ...)")
