"""Changing a store behind the library's back, as someone holding the database's password
can: raw SQL, with the database's own guards out of the way.

A store may hold rows written before a CHECK constraint, a foreign key or a trigger
existed, and `drafting verify` must name them all the same. So these helpers write such
rows on today's schema: on SQLite with ``PRAGMA ignore_check_constraints`` and
``foreign_keys`` off for the one connection (and any trigger on ``events`` dropped); on
PostgreSQL by dropping the CHECK and FOREIGN KEY constraints of the tables named (in the
test's own schema, dropped after it) and disabling the user triggers of its tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Connection, Engine, bindparam, text

from drafting.store.chain import chain_hash
from drafting.store.payloads import utc
from drafting.store.tables import GENESIS


def tamper(raw: Engine, *statements: str, tables: Sequence[str] = (),
           **values: Any) -> None:
    """Run ``statements`` (with ``values`` bound) in one transaction, the constraints of
    ``tables`` and the tables' triggers out of their way."""
    if raw.dialect.name == "sqlite":
        with raw.connect() as connection:
            driver = connection.connection.driver_connection
            assert driver is not None
            driver.execute("PRAGMA ignore_check_constraints = ON")
            driver.execute("PRAGMA foreign_keys = OFF")  # only outside a transaction
            try:
                with connection.begin():
                    drop_sqlite_triggers(connection)
                    for statement in statements:
                        connection.execute(text(statement), values)
            finally:
                driver.execute("PRAGMA ignore_check_constraints = OFF")
                driver.execute("PRAGMA foreign_keys = ON")
        return
    with raw.begin() as connection:
        for table in tables:
            drop_constraints(connection, table)
        disable_triggers(connection)
        for statement in statements:
            connection.execute(text(statement), values)


def disable_triggers(connection: Connection) -> None:
    """On PostgreSQL, disable the user triggers of every table of the test's schema that
    has some (the log, the head, amendments and their backers: migration 0006), as the
    tables' owner can."""
    names = connection.scalars(text(
        "SELECT DISTINCT event_object_table FROM information_schema.triggers "
        "WHERE trigger_schema = current_schema()")).all()
    for name in names:
        connection.execute(text(f'ALTER TABLE "{name}" DISABLE TRIGGER USER'))


def drop_sqlite_triggers(connection: Connection) -> None:
    """Drop the triggers on ``events`` (SQLite has no way to disable one): none today, but
    a later version may guard the log with some, and the file's owner can drop them."""
    names = connection.scalars(text("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                    "AND tbl_name = 'events'")).all()
    for name in names:
        connection.execute(text(f'DROP TRIGGER "{name}"'))


def drop_constraints(connection: Connection, table: str) -> None:
    """Drop the CHECK and FOREIGN KEY constraints of ``table`` (PostgreSQL), whatever
    they are named: those of today's schema and any a later migration adds."""
    names = connection.scalars(text(
        "SELECT conname FROM pg_constraint WHERE conrelid = CAST(:table AS regclass) "
        "AND contype IN ('c', 'f')"), {"table": table}).all()
    for name in names:
        connection.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))


def rewrite_history(raw: Engine, change: Mapping[int, Any]) -> None:
    """The attack of issue 15: replace the payloads of the events numbered in ``change``
    (each a function of the old payload giving the new one), then recompute every hash
    from the first of them on and move the head, as verify's own code computes them.
    Afterwards the chain is whole again; only receipts kept outside can tell."""
    with raw.connect() as connection:
        rows = connection.execute(text(
            "SELECT seq, at, actor, kind, document, payload, prev_hash, hash FROM events "
            "ORDER BY seq")).all()
    statements = []
    previous = GENESIS
    for row in rows:
        payload = row.payload if isinstance(row.payload, dict) else json.loads(row.payload)
        if row.seq in change:
            payload = change[row.seq](payload)
        at = utc(row.at) if not isinstance(row.at, str) else utc(_parse(row.at))
        digest = chain_hash(previous, row.seq, at, row.actor, row.kind, row.document, payload)
        statements.append({"seq": row.seq, "payload": payload, "prev": previous,
                           "hash": digest})
        previous = digest
    update = text("UPDATE events SET payload = :payload, prev_hash = :prev, hash = :hash "
                  "WHERE seq = :seq").bindparams(bindparam("payload", type_=JSON))
    with raw.begin() as connection:
        if raw.dialect.name == "postgresql":
            disable_triggers(connection)
        else:
            drop_sqlite_triggers(connection)
        for values in statements:
            connection.execute(update, values)
        connection.execute(text("UPDATE chain_head SET seq = :seq, hash = :hash WHERE id = 1"),
                           {"seq": rows[-1].seq, "hash": previous})


def _parse(stamp: str) -> Any:
    from datetime import datetime

    return datetime.fromisoformat(stamp)


def new_text(amendment_id: str, text: str) -> Any:
    """A payload change for `rewrite_history`: amendment ``amendment_id``, wherever the
    payload lists it, made to propose ``text``."""
    def change(payload: dict[str, Any]) -> dict[str, Any]:
        changed = json.loads(json.dumps(payload))
        for item in _amendments(changed):
            if item.get("id") == amendment_id:
                item["new_text"] = text
        return changed
    return change


def _amendments(payload: dict[str, Any]) -> Iterable[dict[str, Any]]:
    found = payload.get("amendments")
    return found if isinstance(found, list) else []
