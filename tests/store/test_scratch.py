"""Throw-away PostgreSQL schemas and the one-line reason a database cannot be used."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

from drafting.store import open_store
from drafting.store.connect import resolve_url
from drafting.store.scratch import scratch_schema, unreachable

POSTGRES_URL = os.environ.get("DRAFTING_TEST_POSTGRES_URL",
                              "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def test_unreachable_says_why_in_one_line(tmp_path):
    assert unreachable(f"sqlite:///{tmp_path / 'x.db'}") is None
    reason = unreachable("postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert reason is not None and "\n" not in reason
    assert reason.startswith("no database at postgresql+psycopg://nobody@127.0.0.1:1/none: ")


def test_a_scratch_schema_holds_a_store_apart_and_is_dropped_after():
    problem = unreachable(POSTGRES_URL)
    if problem:
        pytest.skip(problem)
    with scratch_schema(POSTGRES_URL, "t") as url:
        schema = url.rsplit("search_path%3D", 1)[1]
        with open_store(url, check_version=False) as store:
            store.init()
            assert store.documents() == []
        admin = create_engine(resolve_url(POSTGRES_URL))
        with admin.connect() as connection:
            tables = connection.execute(text(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = :s"),
                {"s": schema}).scalar_one()
        assert tables > 5
    with admin.connect() as connection:
        left = connection.execute(text(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = :s"),
            {"s": schema}).scalar_one()
    admin.dispose()
    assert left == 0
