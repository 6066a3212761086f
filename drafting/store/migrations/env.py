"""Alembic's entry point for the store's migrations.

`drafting.store.schema` runs the migrations on a connection it opened itself
and passes it as ``config.attributes["connection"]``. Run by hand (to write a
new migration with ``--autogenerate``), the database is ``sqlalchemy.url`` or
``$DRAFTING_DB``. Batch mode keeps migrations working on SQLite, which cannot
ALTER most constraints.
"""

from __future__ import annotations

from alembic import context

from drafting.store.connect import make_engine, resolve_url
from drafting.store.tables import metadata


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    config = context.config
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(resolve_url(config.get_main_option("sqlalchemy.url")))
    with engine.connect() as own:
        _run(own)
        own.commit()
    engine.dispose()


_main()
