"""The store's schema version: Alembic, configured in code, migrations inside the package.

No ``alembic.ini`` is needed: `alembic_config` points Alembic at
``drafting.store:migrations`` and hands it the open connection. `upgrade`
creates a store or brings an older one to the head revision; `schema_state`
tells an empty database, a current store, an older one and a newer one apart.
"""

from __future__ import annotations

from enum import StrEnum

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine
from sqlalchemy.engine import URL

from drafting.store.connect import WRITE_OPTION, shown
from drafting.store.errors import SchemaError

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
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def scripts() -> ScriptDirectory:
    """The migration scripts shipped with this version of drafting."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest migration this version of drafting knows."""
    head = scripts().get_current_head()
    assert head is not None, "drafting ships at least one migration"
    return head


def current_revision(connection: Connection) -> str | None:
    """The migration the database stands at, or None for a database with no store."""
    return MigrationContext.configure(connection).get_current_revision()


def schema_state(engine: Engine) -> tuple[SchemaState, str | None]:
    """Where the database at ``engine`` stands, and its revision id."""
    with engine.connect() as connection:
        current = current_revision(connection)
    if current is None:
        return SchemaState.EMPTY, None
    if current == head_revision():
        return SchemaState.CURRENT, current
    try:
        scripts().get_revision(current)
    except CommandError:
        return SchemaState.NEWER, current
    return SchemaState.OLDER, current


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
            "is unknown here): upgrade drafting (pip install -U drafting) to use it"
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
    if schema_state(engine)[0] is SchemaState.NEWER:
        require_current(engine, url)
    with engine.connect() as connection:
        connection.execution_options(**{WRITE_OPTION: True})
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, on=False)
        try:
            with connection.begin():
                command.upgrade(alembic_config(connection), target)
                if sqlite:
                    _check_foreign_keys(connection, url)
                reached = current_revision(connection)
        finally:
            if sqlite:
                _foreign_keys(connection, on=True)
    assert reached is not None
    return reached


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
