"""Throw-away databases, for tests, benchmarks and trials on a real server.

`unreachable` says in one line why a database cannot be used (or None when it answers);
`scratch_schema` gives the URL of a new, empty PostgreSQL schema on a server (its
``search_path``), dropped with everything in it afterwards, so that many stores can share
one server without seeing each other.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote

from drafting.store.connect import resolve_url, shown


def unreachable(url: str | None) -> str | None:
    """Why the database at ``url`` cannot be used, in one line, or None when it answers
    (a PostgreSQL server gets 3 seconds to)."""
    try:
        from sqlalchemy import create_engine, text

        parsed = resolve_url(url)
        if parsed.get_backend_name() == "postgresql":
            import psycopg  # noqa: F401 - said plainly when it is missing
    except ImportError as error:
        return f"{error.name} is not installed (pip install 'drafting[postgres]')"
    arguments = {"connect_timeout": 3} if parsed.get_backend_name() == "postgresql" else {}
    engine = create_engine(parsed, connect_args=arguments)
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # any failure to reach it is the answer
        return f"no database at {shown(parsed)}: {str(error).strip().splitlines()[0]}"
    finally:
        engine.dispose()
    return None


@contextmanager
def scratch_schema(url: str | None, prefix: str = "scratch") -> Iterator[str]:
    """The URL of a new, empty schema ``<prefix>_<random>`` on the PostgreSQL server at
    ``url``; the schema is dropped, with all it holds, when the block ends."""
    from sqlalchemy import create_engine, text

    base = resolve_url(url)
    schema = f"{prefix}_{secrets.token_hex(5)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT",
                          connect_args={"connect_timeout": 3})
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        try:
            yield base.render_as_string(hide_password=False) + (
                ("&" if base.query else "?") + "options=" + quote(f"-csearch_path={schema}"))
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()
