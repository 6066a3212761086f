"""Transactions: one per write, one per read, and database faults made StoreErrors.

A write (`writing`) begins with ``BEGIN IMMEDIATE`` on SQLite and, on every
database, locks the ``chain_head`` row: writers queue one behind the other, and
each sees everything committed before it. A write is dated by this machine's clock, but
always after the last event (`_dated`): the record's times never go back, and no writer's
clock, however wrong, refuses another's write. Everything
done inside commits together or not at all; a SQLite file that other writers keep busy
beyond its busy timeout is waited for again (`WRITE_WAIT_S` in all). A read (`reading`)
sees one consistent snapshot (``REPEATABLE READ`` on PostgreSQL, a WAL snapshot
on SQLite). Database faults become StoreErrors in `drafting.store.faults`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError, OperationalError

from drafting.store import faults, tables
from drafting.store.chain import EventKind, Head, append
from drafting.store.connect import WRITE_OPTION, shown
from drafting.store.errors import AccessError, SchemaError, StoreError
from drafting.store.eventcheck import CLOCK_SKEW
from drafting.store.payloads import utc
from drafting.store.receipts import Receipt

WRITE_WAIT_S = 300.0
"""How long a write waits, in all, for a SQLite file that other writes keep busy."""

log = logging.getLogger("drafting.store")

_TICK = timedelta(microseconds=1)
"""How much later than the last event a write is dated when this machine's clock does not
read later (`_dated`): the smallest step both databases keep."""

_INSUFFICIENT_PRIVILEGE = "42501"
"""PostgreSQL's code for a privilege or row-level security policy that refuses."""


Handed = Callable[[dict[str, str], tuple[Receipt, ...]], None]
"""What a caller gives a write that issues tokens (`Write.hand_over`): it is called with
the new tokens, by holder, and the receipts of the events that record them, inside the
write, before it commits; the caller shows the tokens there. If it raises (they could
not be shown: its output is closed or full), the write is undone and the error goes on:
a token kept but shown nowhere would shut its holder out, the old one revoked."""


@dataclass(slots=True)
class Write:
    """An open write transaction: its connection, the locked chain head, the time every
    row written in it carries, whose token admitted it (None: an open store), and the
    receipts of the events it appended, oldest first."""

    connection: Connection
    head: Head
    at: datetime
    actor: str
    principal: str | None = None
    receipts: list[Receipt] = field(default_factory=list)

    def record(self, kind: EventKind, document: str | None,
               payload: Mapping[str, Any]) -> Receipt:
        """Append the event for this write; returns its receipt (number and hash)."""
        seq = append(self.connection, self.head, at=self.at, actor=self.actor, kind=kind,
                     document=document, payload=payload)
        self.receipts.append(Receipt(seq, self.head.hash))
        return self.receipts[-1]

    def hand_over(self, tokens: dict[str, str], handed: Handed | None) -> None:
        """``tokens`` given to ``handed`` (if any, and if there are tokens), with this
        write's receipts so far: see `Handed`."""
        if handed is not None and tokens:
            handed(dict(tokens), tuple(self.receipts))


@contextmanager
def writing(engine: Engine, url: URL, actor: str) -> Iterator[Write]:
    """One write transaction; it commits when the block ends and rolls back on any error."""
    try:
        with _write_transaction(engine, url) as connection:
            head = _locked_head(connection, url)
            yield Write(connection, head, _dated(connection, head, datetime.now(UTC)), actor)
    except DBAPIError as error:
        raise database_error(error, url) from error


@contextmanager
def _write_transaction(engine: Engine, url: URL) -> Iterator[Connection]:
    """A connection in a write transaction, committed when the block ends and rolled back
    on any error. A SQLite file still busy after the busy timeout is waited for again,
    up to `WRITE_WAIT_S` in all (each wait logged): nothing is done before BEGIN."""
    deadline = time.monotonic() + WRITE_WAIT_S
    attempt = 0
    while True:
        connection = engine.connect()
        try:
            connection.execution_options(**{WRITE_OPTION: True})
            transaction = connection.begin()
            break
        except OperationalError as error:
            connection.close()
            if not faults.busy_writing(error) or time.monotonic() >= deadline:
                raise
            attempt += 1
            log.info("%s is busy with other writes; waiting again (attempt %d)", shown(url),
                     attempt, extra={"drafting_retry": True})
        except BaseException:
            connection.close()
            raise
    with connection, transaction:
        yield connection


@contextmanager
def reading(engine: Engine, url: URL) -> Iterator[Connection]:
    """One read-only transaction over a consistent snapshot; it is rolled back at the end."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin() as transaction:
                yield connection
                transaction.rollback()
    except DBAPIError as error:
        raise database_error(error, url) from error


def _locked_head(connection: Connection, url: URL) -> Head:
    if connection.dialect.name == "postgresql":  # another write holding it: not forever
        connection.execute(text(f"SET LOCAL lock_timeout = '{int(WRITE_WAIT_S * 1000)}ms'"))
    head = tables.chain_head.c
    query = select(head.seq, head.hash).where(head.id == 1).with_for_update()
    found = connection.execute(query).first()
    if found is None:
        raise SchemaError(f"the store at {shown(url)} has lost its chain head row; "
                          "restore it from a backup")
    return Head(found.seq, found.hash)


def _dated(connection: Connection, head: Head, now: datetime) -> datetime:
    """The time of the write after ``head``: ``now`` (this machine's clock), or just after
    the last event's time (`_TICK`) if that is not earlier. A writer whose clock ran fast
    dates the events after it so, instead of having them refused until the time it wrote
    has come, and the record's times follow its order: proposals
    sorted by time (`drafting.engine.merge.submission_order`) keep the order they were
    recorded in. `verify` names an event dated in the future; the
    PostgreSQL trigger of schema 0013 refuses one far ahead of the server's clock."""
    if not head.seq:
        return now
    found = connection.execute(select(tables.events.c.at)
                               .where(tables.events.c.seq == head.seq)).scalar()
    last = utc(found) if found is not None else None
    if last is None or now > last:
        return now
    if now < last - CLOCK_SKEW:
        log.warning("this machine's clock reads %s UTC, earlier than the last event "
                    "recorded (%s UTC): event %d is dated just after it; if this clock is "
                    "slow, set it right", f"{now:%Y-%m-%d %H:%M}", f"{last:%Y-%m-%d %H:%M}",
                    head.seq + 1)
    return last + _TICK


def database_error(error: DBAPIError, url: URL) -> StoreError:
    """A StoreError saying what went wrong with the database and what to try."""
    where = shown(url)
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    if getattr(error.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
        return AccessError(f"the database at {where} refused the change for the role this "
                           f"connection uses ({detail}); nothing was recorded")
    return faults.database_error(error, url)  # a full disk, a read-only file, a busy server
