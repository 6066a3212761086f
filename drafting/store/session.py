"""Transactions: one per write, one per read, and database faults made StoreErrors.

A write (`writing`) begins with ``BEGIN IMMEDIATE`` on SQLite and, on every
database, locks the ``chain_head`` row: writers queue one behind the other, and
each sees everything committed before it. Everything done inside commits
together or not at all. A read (`reading`) sees one consistent snapshot
(``REPEATABLE READ`` on PostgreSQL, a WAL snapshot on SQLite).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, NoResultFound, OperationalError
from sqlalchemy.orm import Session

from drafting.store.chain import EventKind, append
from drafting.store.connect import WRITE_OPTION, shown
from drafting.store.errors import AccessError, SchemaError, StoreError
from drafting.store.tables import ChainHeadRow

_INSUFFICIENT_PRIVILEGE = "42501"
"""PostgreSQL's code for a privilege or row-level security policy that refuses."""


@dataclass(slots=True)
class Write:
    """An open write transaction: its session, the locked chain head, the time every
    row written in it carries, and whose token admitted it (None: an open store)."""

    session: Session
    head: ChainHeadRow
    at: datetime
    actor: str
    principal: str | None = None

    def record(self, kind: EventKind, document: str | None, payload: Mapping[str, Any]) -> int:
        """Append the event for this write; returns its number."""
        return append(self.session, self.head, at=self.at, actor=self.actor, kind=kind,
                      document=document, payload=payload)


@contextmanager
def writing(engine: Engine, url: URL, actor: str) -> Iterator[Write]:
    """One write transaction; it commits when the block ends and rolls back on any error."""
    try:
        with engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin(), Session(bind=connection, autoflush=False) as session:
                head = _locked_head(session, url)
                yield Write(session, head, datetime.now(UTC), actor)
                session.flush()
    except DBAPIError as error:
        raise database_error(error, url) from error


@contextmanager
def reading(engine: Engine, url: URL) -> Iterator[Session]:
    """One read-only transaction over a consistent snapshot; it is rolled back at the end."""
    try:
        with engine.connect() as connection:
            if engine.dialect.name == "postgresql":
                connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin() as transaction, Session(bind=connection) as session:
                yield session
                transaction.rollback()
    except DBAPIError as error:
        raise database_error(error, url) from error


def _locked_head(session: Session, url: URL) -> ChainHeadRow:
    query = select(ChainHeadRow).where(ChainHeadRow.id == 1).with_for_update()
    try:
        return session.execute(query).scalar_one()
    except NoResultFound as error:
        raise SchemaError(f"the store at {shown(url)} has lost its chain head row; "
                          "restore it from a backup") from error


def database_error(error: DBAPIError, url: URL) -> StoreError:
    """A StoreError saying what went wrong with the database and what to try."""
    where = shown(url)
    detail = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
    if getattr(error.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
        return AccessError(f"the database at {where} refused the change for the role this "
                           f"connection uses ({detail}); nothing was recorded")
    if isinstance(error, IntegrityError):
        return StoreError(f"the store at {where} refused the change ({detail}); "
                          "nothing was recorded")
    if isinstance(error, OperationalError) and "locked" in detail:
        return StoreError(f"the store at {where} stayed busy with another write for too long "
                          "(SQLite); nothing was recorded: try again")
    if isinstance(error, OperationalError) and "no such table" in detail:
        return SchemaError(f"there is no drafting store at {where} yet: run `drafting init`")
    return StoreError(f"the database at {where} failed: {detail}; nothing was recorded")
