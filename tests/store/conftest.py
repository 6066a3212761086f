"""Fixtures: every store test runs on SQLite (a file in tmp_path) and on PostgreSQL.

PostgreSQL is ``$DRAFTING_TEST_POSTGRES_URL`` (default: postgres on 127.0.0.1,
database ``test``); each test gets a schema of its own, used through
``search_path`` and dropped afterwards. Where no server answers, the
PostgreSQL half is skipped with the reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache

import pytest
from sqlalchemy import Engine

from drafting.store import Store, open_store
from drafting.store.connect import make_engine, resolve_url
from drafting.store.scratch import scratch_schema, unreachable

POSTGRES_URL = os.environ.get("DRAFTING_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@cache
def _postgres_problem() -> str | None:
    return unreachable(POSTGRES_URL)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """The URL of an empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    problem = _postgres_problem()
    if problem:
        pytest.skip(problem)
    with scratch_schema(POSTGRES_URL, "t") as url:
        yield url


@pytest.fixture
def empty_store(store_url: str) -> Iterator[Store]:
    """A store created at the head schema, with nothing in it."""
    with open_store(store_url, check_version=False) as store:
        store.init()
        yield store


@pytest.fixture
def raw(store_url: str) -> Iterator[Engine]:
    """An engine on the same database, for SQL behind the library's back."""
    engine = make_engine(resolve_url(store_url))
    yield engine
    engine.dispose()
