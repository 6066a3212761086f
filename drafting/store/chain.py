"""The event log: every change appended as an event, each hash-chained to the one before.

An event's hash is the SHA-256 (hex) of the previous event's hash followed by
the event's canonical JSON (`canonical`: keys sorted, compact separators,
UTF-8 kept as is) of ``{"seq", "at", "actor", "kind", "document", "payload"}``.
The first event follows `GENESIS`. ``chain_head`` holds the last number and
hash, so that removing events from the end shows too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, Row, insert, select, update

from drafting.store import tables
from drafting.store.errors import SchemaError
from drafting.store.payloads import stamp, utc
from drafting.store.receipts import Receipt
from drafting.store.tables import GENESIS

__all__ = ["GENESIS", "Event", "EventKind", "Head", "append", "canonical", "chain_hash",
           "event_from", "head"]


class EventKind(StrEnum):
    """What an event records."""

    IMPORT = "import"
    """A document imported with its revisions (and its Word source's SHA-256, if any)."""
    DELEGATION = "delegation"
    """A delegation added."""
    SUBMIT = "submit"
    """A submission of amendments recorded."""
    WITHDRAW = "withdraw"
    """An amendment withdrawn by a proponent."""
    DECIDE = "decide"
    """An amendment accepted or rejected."""
    AGREE = "agree"
    """A paragraph's status set (agreed, agreed ad ref, open again)."""
    REVISE = "revise"
    """A new revision issued, with what became of the amendments (and its Word source's
    SHA-256, if any)."""
    MEMBERS = "members"
    """Members appended to a group."""
    SECURE = "secure"
    """The store made to require tokens, with the tokens issued then."""
    TOKEN = "token"
    """A token issued (rotation) or revoked; never the token, only its id and fingerprint."""
    REFUSED = "refused"
    """A write refused for want of the right token; nothing else changed."""
    SUPPORT = "support"
    """A delegation's support of an amendment given (or a requested one confirmed), or
    withdrawn."""


@dataclass(frozen=True, slots=True)
class Event:
    """One entry of the log.

    ``seq`` counts from 1 with no gaps; ``at`` is in UTC; ``actor`` is whoever
    the caller said made the change (free text, may be empty); ``document`` is
    the symbol the event concerns, or None (a delegation added). ``payload``
    holds what changed, as JSON values.
    """

    seq: int
    at: datetime
    actor: str
    kind: str
    document: str | None
    payload: Mapping[str, Any]
    prev_hash: str
    hash: str


@dataclass(slots=True)
class Head:
    """The chain head as a write holds it (its row locked): the last event's number and
    hash, moved on by each event the write appends."""

    seq: int
    hash: str


def canonical(value: Any) -> str:
    """``value`` as canonical JSON: sorted keys, no spaces, non-ASCII kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def chain_hash(prev_hash: str, seq: int, at: datetime, actor: str, kind: str,
               document: str | None, payload: Mapping[str, Any]) -> str:
    """The hash of an event that follows the event whose hash is ``prev_hash``."""
    body = {"seq": seq, "at": stamp(at), "actor": actor, "kind": kind,
            "document": document, "payload": payload}
    return hashlib.sha256((prev_hash + canonical(body)).encode("utf-8")).hexdigest()


def event_from(row: Row[Any]) -> Event:
    """A row of ``events`` as an `Event`."""
    return Event(row.seq, utc(row.at), row.actor, row.kind, row.document, row.payload,
                 row.prev_hash, row.hash)


def append(connection: Connection, head: Head, *, at: datetime, actor: str,
           kind: EventKind, document: str | None, payload: Mapping[str, Any]) -> int:
    """Append one event after ``head`` (locked by the caller's transaction) and
    move the head on; returns the new event's number.

    The event is written before the head moves: on a PostgreSQL server with
    delegation roles (`drafting.store.postgres_roles`) the database checks that an
    event follows the head, and that the head moves to the last event.
    """
    seq = head.seq + 1
    digest = chain_hash(head.hash, seq, at, actor, str(kind), document, payload)
    connection.execute(insert(tables.events).values(
        seq=seq, at=at, actor=actor, kind=str(kind), document=document, payload=dict(payload),
        prev_hash=head.hash, hash=digest))
    connection.execute(update(tables.chain_head).where(tables.chain_head.c.id == 1)
                       .values(seq=seq, hash=digest))
    head.seq, head.hash = seq, digest
    return seq


def head(connection: Connection) -> Receipt:
    """The chain head as a receipt: the last event's number and hash (0 and `GENESIS`
    for an empty log). SchemaError if the head row is missing."""
    row = connection.execute(select(tables.chain_head.c.seq, tables.chain_head.c.hash)
                             .where(tables.chain_head.c.id == 1)).first()
    if row is None:
        raise SchemaError("the store has lost its chain head row: run `drafting verify`, "
                          "and restore the store from a backup")
    return Receipt(row.seq, row.hash)
