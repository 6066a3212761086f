"""From a URL to a SQLAlchemy engine set up the way the store needs it.

SQLite: WAL journal (readers do not wait for the writer), a 30 s busy timeout,
foreign keys on, and Python's own transaction handling off so that the store
says ``BEGIN IMMEDIATE`` itself for writes: a write takes the file's write
lock before it reads anything, so two writers cannot interleave.
PostgreSQL goes through psycopg 3; writes serialise on a row lock of
``chain_head`` (see `drafting.store.session`). A server with no free
connection slot (``max_connections`` reached, as when every delegation submits
at once) is tried again, with growing pauses, for up to `CONNECT_WAIT_S`; each
wait is logged (logger ``drafting.store``, record attribute ``drafting_retry``).
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from drafting.store.errors import StoreError
from drafting.store.faults import busy_connecting

DEFAULT_URL = "sqlite:///drafting.db"
"""Where the store lives when neither an argument nor ``DRAFTING_DB`` says."""

SUPPORTED = ("sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg")
"""The URL schemes of a store: SQLite through Python's own sqlite3, PostgreSQL through
psycopg 3."""
_FORMS = ("sqlite:///drafting.db (a file in this folder), sqlite:////srv/drafting.db (an "
          "absolute path) or postgresql://user@host/dbname")

BUSY_TIMEOUT_S = 30
WRITE_OPTION = "drafting_write"
"""Execution option marking a connection whose transaction will write."""
CONNECT_WAIT_S = 120.0
"""How long to keep trying a PostgreSQL server that has no free connection."""

log = logging.getLogger("drafting.store")
_T = TypeVar("_T")


def resolve_url(url: str | None) -> URL:
    """The URL to use: ``url``, else ``$DRAFTING_DB``, else `DEFAULT_URL`.

    ``postgresql://`` and ``postgres://`` are rewritten to psycopg 3
    (``postgresql+psycopg://``). Raises StoreError for a URL SQLAlchemy cannot read, and
    for one of another database or driver (`SUPPORTED`): a store is a SQLite file or a
    PostgreSQL database.
    """
    text = url or os.environ.get("DRAFTING_DB") or DEFAULT_URL
    try:
        parsed = make_url(text)
    except ArgumentError as error:
        raise StoreError(
            f"'{text}' is not a database URL: use e.g. sqlite:///drafting.db or "
            "postgresql://user@host/dbname"
        ) from error
    if parsed.drivername not in SUPPORTED:
        raise StoreError(_unsupported(parsed))
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def _unsupported(url: URL) -> str:
    """Why drafting cannot open a store at ``url``, and the URL forms it can."""
    shown_url = shown(url)
    backend = url.get_backend_name()
    if backend == "file":
        return (f"'{shown_url}' is a file URL; a store in a file is named by a SQLite URL: "
                f"use {_FORMS}")
    if backend in ("postgresql", "postgres"):
        return (f"'{shown_url}': drafting connects to PostgreSQL through psycopg 3, not "
                f"{url.get_driver_name()}; write postgresql://user@host/dbname")
    if backend == "sqlite":
        return (f"'{shown_url}': drafting opens SQLite files through Python's own sqlite3, "
                f"not {url.get_driver_name()}; write sqlite:///path/to/file.db")
    return (f"'{shown_url}': a drafting store is a SQLite file or a PostgreSQL database, "
            f"not {backend}; use {_FORMS}")


def shown(url: URL) -> str:
    """The URL fit for a message: the password hidden."""
    return url.render_as_string(hide_password=True)


def make_engine(url: URL) -> Engine:
    """An engine for ``url``; SQLite gets its pragmas and explicit BEGINs."""
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "do_connect")
    def _connect(dialect: Any, _record: Any, cargs: Any, cparams: Any) -> Any:
        return connect_patiently(lambda: dialect.connect(*cargs, **cparams), shown(url))

    return engine


def connect_patiently(connect: Callable[[], _T], where: str,
                      wait_s: float = CONNECT_WAIT_S) -> _T:
    """``connect()``, tried again while the server says it has no free connection (see
    `busy_connecting`), for up to ``wait_s`` seconds; other failures are raised at once."""
    deadline = time.monotonic() + wait_s
    pause, attempt = 0.05, 0
    while True:
        try:
            return connect()
        except Exception as error:  # the driver's own class; only busy servers are retried
            if not busy_connecting(error) or time.monotonic() + pause > deadline:
                raise
            attempt += 1
            log.info("%s has no free connection; trying again (attempt %d)", where, attempt,
                     extra={"drafting_retry": True})
            time.sleep(pause * random.uniform(0.5, 1.5))  # jitter: not all at once again
            pause = min(pause * 2, 2.0)


def _sqlite_engine(url: URL) -> Engine:
    memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_S}}
    if memory:  # one connection, or every checkout would see a new empty database
        options.update(poolclass=StaticPool)
        options["connect_args"]["check_same_thread"] = False
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we say BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if not memory:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine
