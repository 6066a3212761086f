"""Opening a store: `open_store` (checking its schema version) and `init_store`."""

from __future__ import annotations

from drafting.store.store import Store


def open_store(url: str | None = None, *, check_version: bool = True,
               token: str | None = None) -> Store:
    """Open the store at ``url`` (None: ``$DRAFTING_DB``, else ``sqlite:///drafting.db``),
    acting with ``token`` (needed only by a store that requires tokens; see `Store`).

    Any SQLAlchemy URL works; ``postgresql://`` is taken through psycopg 3. A
    database with no store yet opens fine (`Store.init` creates it; anything
    else raises SchemaError saying so). A store made by an older version of
    drafting is not upgraded silently: opening it raises SchemaError naming
    ``drafting init``; pass ``check_version=False`` to open it in order to
    call `Store.init`. A newer store raises SchemaError too.
    """
    store = Store(url, token=token)
    if check_version:
        try:
            store._check()
        except BaseException:
            store.close()
            raise
    return store


def init_store(url: str | None = None) -> str:
    """Create the store at ``url`` (see `open_store`), or upgrade an older one in
    place; returns the migration revision it is at now. Safe to run again."""
    with open_store(url, check_version=False) as store:
        return store.init()
