"""Schema and migrations: init creates or upgrades, models and migrations agree, an
older store is refused until ``drafting init``, and a store made at every shipped
schema (tests/store/data/store_at_<revision>.json) upgrades with nothing lost."""

from __future__ import annotations

import base64
import json
import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import DateTime, LargeBinary, MetaData, delete, func, insert, select, text
from store_scenario import DATA, SAMPLE_DOCX, SMALL, amend, fill, views

from drafting.store import SchemaError, open_store
from drafting.store import schema as store_schema
from drafting.store.connect import make_engine, resolve_url
from drafting.store.tables import metadata as store_metadata

MIGRATIONS = Path(store_schema.__file__).parent / "migrations"
FIXTURES = sorted(DATA.glob("store_at_*.json"))
LATER = '''"""A test-only migration after the shipped ones: rebuilds a referenced table."""

import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def _recreate():
    # SQLite copies the table (what batch mode is for); elsewhere ALTER works in place
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade():
    with op.batch_alter_table("delegations", recreate=_recreate()) as batch:
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("delegations", recreate=_recreate()) as batch:
        batch.drop_column("note")
'''


def test_init_creates_the_store_and_is_safe_to_repeat(store_url):
    head = store_schema.head_revision()
    with open_store(store_url) as store:
        assert store.init() == head
        fill(store)
        assert store.init() == head
        assert store.verify().ok


def test_models_and_migrations_agree(empty_store, raw):
    with raw.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, store_metadata) == []


def test_migrations_are_found_in_the_package_without_an_ini_file():
    config = store_schema.alembic_config()
    assert config.config_file_name is None
    assert config.get_main_option("script_location") == "drafting.store:migrations"
    revisions = list(store_schema.scripts().walk_revisions())
    assert revisions[-1].down_revision is None  # a single line of migrations from base


@pytest.fixture
def later_code(tmp_path, monkeypatch):
    """Pretend to be a later version of drafting, whose migrations go one further."""
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    head = store_schema.head_revision()
    (folder / "versions" / "9999_later.py").write_text(LATER.format(head=head))

    def use() -> None:
        monkeypatch.setattr(store_schema, "MIGRATIONS", str(folder))

    return use


def test_an_older_store_is_refused_until_init_upgrades_it(store_url, later_code):
    with open_store(store_url, check_version=False) as store:
        store.init()
        fill(store)
        before = views(store)
    later_code()
    with pytest.raises(SchemaError, match=r"older version of drafting .*run `drafting init`"):
        open_store(store_url)
    with open_store(store_url, check_version=False) as store:
        with pytest.raises(SchemaError, match="drafting init"):
            store.documents()
        assert store.init() == "9999"
    with open_store(store_url) as store:
        assert views(store) == before
        assert store.verify().ok
        store.submit(SMALL.symbol, [amend("EU", "PP1", revision=store.document(
            SMALL.symbol).current, replace="Recalling", with_="Recalling further")])
        assert store.verify().ok


def test_a_newer_store_is_refused(store_url, later_code, monkeypatch):
    later_code()
    with open_store(store_url, check_version=False) as store:
        store.init()
    monkeypatch.undo()
    with pytest.raises(SchemaError, match=r"newer version of drafting .*9999.*pip install -U"):
        open_store(store_url)
    with open_store(store_url, check_version=False) as store, pytest.raises(SchemaError):
        store.init()


def _value(column, value):
    if value is not None and isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if value is not None and isinstance(column.type, LargeBinary):
        return base64.b64decode(value)
    return value


def _load_rows(url: str, tables: dict[str, list[dict]]) -> None:
    """Put the fixture's rows in place, whatever the schema at that revision (on
    PostgreSQL with the store's triggers off: the rows are a whole store at once, not
    writes one after another)."""
    engine = make_engine(resolve_url(url))
    metadata = MetaData()
    metadata.reflect(engine)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        ordered = [t for t in metadata.sorted_tables if t.name != "alembic_version"]
        for table in reversed(ordered):
            connection.execute(delete(table))
        for table in ordered:
            rows = [{k: _value(table.c[k], v) for k, v in row.items()}
                    for row in tables[table.name]]
            if rows:
                connection.execute(insert(table), rows)
            if engine.dialect.name == "postgresql":
                _move_sequences_on(connection, table)
    engine.dispose()


def _move_sequences_on(connection, table) -> None:
    for column in table.primary_key.columns:
        found = connection.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                   {"t": table.name, "c": column.name}).scalar()
        top = connection.execute(select(func.max(column))).scalar()
        if found and top:
            connection.execute(text("SELECT setval(:s, :v)"), {"s": found, "v": top})


def test_there_is_a_fixture_for_the_first_migration():
    first = list(store_schema.scripts().walk_revisions())[-1].revision
    assert DATA / f"store_at_{first}.json" in FIXTURES, (
        "write it with: python tests/store/store_scenario.py (at that schema)")


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda path: path.stem)
def test_a_store_made_at_a_shipped_schema_upgrades_with_nothing_lost(store_url, fixture):
    data = json.loads(fixture.read_text(encoding="utf-8"))
    with open_store(store_url, check_version=False) as store:
        engine = store._engine
        assert store_schema.upgrade(engine, resolve_url(store_url), data["revision"]) == (
            data["revision"])
    _load_rows(store_url, data["tables"])
    with open_store(store_url, check_version=False) as store:
        assert store.init() == store_schema.head_revision()
    with open_store(store_url) as store:
        assert views(store) == {"sources": [], **data["views"]}  # none before 0005
        assert store.verify().ok
        assert not store.secure and store.tokens() == []  # an upgrade asks for no token
        current = store.document(SMALL.symbol).current
        result = store.submit(SMALL.symbol, [amend("USA", "PP1", revision=current,
                                                   replace="its", with_="the")])
        assert result.ids == (f"A{len(data['tables']['amendments']) + 1}",)
        assert store.verify().ok
        store.add_document(replace(SMALL, symbol="TEST/9"), source=SAMPLE_DOCX.read_bytes())
        assert store.source("TEST/9") == SAMPLE_DOCX.read_bytes()
        assert store.verify().ok


def test_init_refuses_a_database_holding_another_applications_tables(tmp_path):
    """`drafting init` put its tables among another application's (a SQLite file holding
    `customers`), silently; a store that lost its schema's record was called "no store
    yet", then init failed on "table chain_head already exists"."""
    import sqlite3

    from drafting.store import init_store

    other = tmp_path / "app.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(SchemaError, match=r"tables of another application \(customers\)"):
        init_store(f"sqlite:///{other}")
    with sqlite3.connect(other) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master")]
    assert names == ["customers"]
    store = tmp_path / "s.db"
    init_store(f"sqlite:///{store}")
    with sqlite3.connect(store) as connection:
        connection.execute("DELETE FROM alembic_version")
    with pytest.raises(SchemaError, match="no record of its schema"):
        init_store(f"sqlite:///{store}")
