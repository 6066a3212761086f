"""Fixtures: every store test runs on SQLite (a file in tmp_path) and on PostgreSQL.

PostgreSQL is ``$DRAFTING_TEST_POSTGRES_URL`` (default: postgres on 127.0.0.1,
database ``test``); each test gets a schema of its own, used through
``search_path`` and dropped afterwards. Where no server answers, the
PostgreSQL half is skipped with the reason.

A test that asks for ``empty_store`` or ``filled`` gets a copy of a store made once
per session (`StoreTemplates`): migrating a new database to the head schema and
filling it cost a second or two each time, copying it a tenth of that. On SQLite
the copy is the file; on PostgreSQL a database created from a template database,
holding the same schema name, so the URL has the same form. Every test still gets
a store of its own, to write to as it likes.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from drafting.store import Store, open_store
from drafting.store.connect import make_engine, resolve_url
from drafting.store.scratch import scratch_schema, unreachable

POSTGRES_URL = os.environ.get("DRAFTING_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")
STARTS = ("head", "filled")
"""What a copied store holds: an empty store at the head schema, or `fill`'s negotiation."""


@cache
def _postgres_problem() -> str | None:
    return unreachable(POSTGRES_URL)


def _make(url: str, start: str) -> None:
    from store_scenario import fill  # here: tests/hostile loads this file on its own

    with open_store(url, check_version=False) as store:
        store.init()
        if start == "filled":
            fill(store)


class StoreTemplates:
    """Stores made on first use, once per session, for tests to copy: ``start`` is one
    of `STARTS`. Templates on PostgreSQL are databases of their own (a database is
    copied by ``CREATE DATABASE ... TEMPLATE``), dropped by `close`."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._files: dict[str, Path] = {}
        self._databases: dict[str, str] = {}  # start -> URL of the template database
        self._admin: Engine | None = None

    def sqlite_copy(self, start: str, path: Path) -> None:
        """Write at ``path`` a copy of the SQLite store ``start``."""
        if start not in self._files:
            template = self._folder / f"{start}.db"
            _make(f"sqlite:///{template}", start)
            assert not Path(f"{template}-wal").exists(), "the WAL was not checkpointed"
            self._files[start] = template
        shutil.copyfile(self._files[start], path)

    @contextmanager
    def postgres_copy(self, start: str) -> Iterator[str]:
        """The URL of a new PostgreSQL database holding the store ``start``, dropped
        when the block ends."""
        template = make_url(self._template_database(start))
        name = f"dt_{secrets.token_hex(5)}"
        self._run(f'CREATE DATABASE "{name}" TEMPLATE "{template.database}"')
        try:
            yield template.set(database=name).render_as_string(hide_password=False)
        finally:
            self._run(f'DROP DATABASE "{name}" WITH (FORCE)')

    def close(self) -> None:
        for url in self._databases.values():
            self._run(f'DROP DATABASE "{make_url(url).database}" WITH (FORCE)')
        if self._admin is not None:
            self._admin.dispose()

    def _template_database(self, start: str) -> str:
        if start not in self._databases:
            name = f"dtmpl_{start}_{secrets.token_hex(5)}"
            self._run(f'CREATE DATABASE "{name}"')
            base = resolve_url(POSTGRES_URL).set(database=name)
            schema = f"t_{secrets.token_hex(5)}"
            engine = create_engine(base, isolation_level="AUTOCOMMIT")
            with engine.connect() as connection:
                connection.execute(text(f'CREATE SCHEMA "{schema}"'))
            engine.dispose()
            url = base.update_query_dict({"options": f"-csearch_path={schema}"})
            self._databases[start] = url.render_as_string(hide_password=False)
            _make(self._databases[start], start)
        return self._databases[start]

    def _run(self, statement: str) -> None:
        if self._admin is None:
            self._admin = create_engine(resolve_url(POSTGRES_URL), isolation_level="AUTOCOMMIT",
                                        connect_args={"connect_timeout": 3})
        with self._admin.connect() as connection:
            connection.execute(text(statement))


@pytest.fixture(scope="session")
def store_templates(tmp_path_factory) -> Iterator[StoreTemplates]:
    templates = StoreTemplates(tmp_path_factory.mktemp("store-templates"))
    yield templates
    templates.close()


def _start(request: pytest.FixtureRequest) -> str | None:
    """What the test's database starts with: None (nothing) unless it asks for a store."""
    if "filled" in request.fixturenames:
        return "filled"
    if "empty_store" in request.fixturenames:
        return "head"
    return None


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path,
              store_templates: StoreTemplates) -> Iterator[str]:
    """The URL of the test's own database: empty, or (for a test that asks for
    ``empty_store`` or ``filled``) a copy of that store. A SQLite file, or PostgreSQL."""
    start = _start(request)
    if request.param == "sqlite":
        path = tmp_path / "store.db"
        if start is not None:
            store_templates.sqlite_copy(start, path)
        yield f"sqlite:///{path}"
        return
    problem = _postgres_problem()
    if problem:
        pytest.skip(problem)
    if start is None:
        with scratch_schema(POSTGRES_URL, "t") as url:
            yield url
    else:
        with store_templates.postgres_copy(start) as url:
            yield url


@pytest.fixture
def empty_store(store_url: str) -> Iterator[Store]:
    """A store at the head schema, with nothing in it (unless the test asks for
    ``filled``: then it is that store). ``init`` is run on it, as on a new one."""
    with open_store(store_url, check_version=False) as store:
        store.init()
        yield store


@pytest.fixture
def filled(empty_store: Store) -> Store:
    """A store holding `fill`'s negotiation (tests/store/store_scenario.py): something
    of everything, made once per session and copied for each test."""
    return empty_store


@pytest.fixture
def raw(store_url: str) -> Iterator[Engine]:
    """An engine on the same database, for SQL behind the library's back."""
    engine = make_engine(resolve_url(store_url))
    yield engine
    engine.dispose()
