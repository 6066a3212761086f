"""The store's schema version: Alembic, configured in code, migrations inside the package.

No ``alembic.ini`` is needed: `alembic_config` points Alembic at
``drafting.store:migrations`` and hands it the open connection. `upgrade`
creates a store or brings an older one to the head revision; `schema_state`
tells an empty database, a current store, an older one and a newer one apart.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.engine import URL

from drafting.lazy_re import lazy_compile
from drafting.store.connect import WRITE_OPTION, shown
from drafting.store.errors import SchemaError

if TYPE_CHECKING:  # Alembic is imported only to migrate: it costs every command a lot
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = "drafting.store:migrations"
"""Alembic's script location: the ``migrations`` folder of this package."""

INIT_COMMAND = "drafting init"


class SchemaState(StrEnum):
    """How a database stands against this version of drafting."""

    EMPTY = "empty"
    CURRENT = "current"
    OLDER = "older"
    NEWER = "newer"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for the store's migrations (no ini file);
    with ``connection``, migrations run on it."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def scripts() -> ScriptDirectory:
    """The migration scripts shipped with this version of drafting."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


_REVISION = lazy_compile(r'^revision(?:: str)? = "(\w+)"$', re.MULTILINE)
_DOWN = lazy_compile(r'^down_revision(?:: str \| None)? = (?:"(\w+)"|None)$', re.MULTILINE)


def known_revisions() -> tuple[frozenset[str], str]:
    """Every migration shipped and the newest, read from the migration files' text
    (``revision: str = "0002"``, ``down_revision: str | None = "0001"``) rather than by
    Alembic, which imports every migration to tell: every command checks the schema.
    Falls back on Alembic for files written in another form."""
    return _revisions_at(MIGRATIONS)


@cache
def _revisions_at(location: str) -> tuple[frozenset[str], str]:
    package, colon, folder = location.partition(":")
    root = files(package).joinpath(folder) if colon else Path(location)
    revisions: dict[str, str | None] = {}
    for script in root.joinpath("versions").iterdir():
        if not script.name.endswith(".py") or script.name.startswith("__"):
            continue
        source = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return _alembic_revisions()
        revisions[revision[1]] = down[1]
    heads = set(revisions) - set(revisions.values())
    if len(heads) != 1:
        return _alembic_revisions()
    return frozenset(revisions), heads.pop()


def _alembic_revisions() -> tuple[frozenset[str], str]:
    found = scripts()
    head = found.get_current_head()
    assert head is not None, "drafting ships at least one migration"
    return frozenset(r.revision for r in found.walk_revisions()), head


def head_revision() -> str:
    """The newest migration this version of drafting knows."""
    return known_revisions()[1]


def current_revision(connection: Connection) -> str | None:
    """The migration the database stands at, or None for a database with no store (read
    from Alembic's ``alembic_version`` table; there is one row, the history being linear)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    """Where the database at ``engine`` stands, and its revision id."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is None:
        return SchemaState.EMPTY, None
    known, head = known_revisions()
    if current == head:
        return SchemaState.CURRENT, current
    return (SchemaState.OLDER if current in known else SchemaState.NEWER), current


def require_current(engine: Engine, url: URL) -> SchemaState:
    """Raise SchemaError unless the store is current or the database still empty.

    An older store is not upgraded silently: the message names the command that does it.
    """
    state, current = schema_state(engine)
    where = shown(url)
    if state is SchemaState.OLDER:
        raise SchemaError(
            f"the store at {where} was made by an older version of drafting (schema {current}, "
            f"this version needs {head_revision()}): run `{INIT_COMMAND}` to upgrade it "
            "(back it up first)"
        )
    if state is SchemaState.NEWER:
        raise SchemaError(
            f"the store at {where} was made by a newer version of drafting (schema {current} "
            "is unknown here): upgrade drafting (pip install -U drafting) to use it; if "
            "the database is another application's, give drafting one of its own"
        )
    return state


def empty_store_error(url: URL) -> SchemaError:
    """The error for using a database that holds no store yet."""
    return SchemaError(f"there is no drafting store at {shown(url)} yet: "
                       f"run `{INIT_COMMAND}` to create one")


def upgrade(engine: Engine, url: URL, target: str = "head") -> str:
    """Create the store or bring it to ``target``, in one transaction; returns the revision.

    Raises SchemaError for a store newer than this version of drafting.
    """
    state = schema_state(engine)[0]
    if state is SchemaState.NEWER:
        require_current(engine, url)
    if state is SchemaState.EMPTY:
        _refuse_others(engine, url)
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                from alembic import command

                command.upgrade(alembic_config(connection), target)
                if sqlite:
                    _check_foreign_keys(connection, url)
                reached = current_revision(connection)
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)
    assert reached is not None
    return reached


def _refuse_others(engine: Engine, url: URL) -> None:
    """SchemaError, before anything is written, for a database with no drafting store
    that holds tables already: another application's (the store's tables would be put
    among them), or a store whose record of its schema was lost."""
    from sqlalchemy import inspect

    with engine.connect() as connection:
        tables = sorted(inspect(connection).get_table_names())
    if not tables:
        return
    ours = "chain_head" in tables and "events" in tables
    what = ("a drafting store's tables but no record of its schema (alembic_version): "
            "it is damaged; restore it from a backup") if ours else (
        f"tables of another application ({', '.join(tables[:5])}"
        f"{', ...' if len(tables) > 5 else ''}) and no drafting store: give drafting a "
        "database (or a file) of its own")
    raise SchemaError(f"the database at {shown(url)} holds {what}; nothing was written")


def _foreign_keys(connection: Connection, *, on: bool) -> None:
    """Turn SQLite's foreign key enforcement on or off. Batch migrations copy a table,
    drop it and rename the copy, which enforcement would refuse while rows point at
    it; SQLite only takes the switch outside a transaction, hence the driver's own
    connection."""
    dbapi = connection.connection.dbapi_connection
    assert dbapi is not None
    dbapi.execute(f"PRAGMA foreign_keys = {'ON' if on else 'OFF'}")


def _check_foreign_keys(connection: Connection, url: URL) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({str(row[0]) for row in broken}))
        raise SchemaError(f"upgrading the store at {shown(url)} would leave rows pointing at "
                          f"nothing (in {tables}); nothing was changed. This is a bug in "
                          "drafting's migrations: please report it")
