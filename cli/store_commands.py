"""Commands on the store itself: `init` and `verify`."""

from __future__ import annotations

import sys

import typer

DbOpt = typer.Option(
    None, "--db", envvar="DRAFTING_DB", show_default="sqlite:///drafting.db",
    help="The store: a SQLAlchemy URL (sqlite:///file.db, postgresql://...).",
)


def init(db: str = DbOpt) -> None:
    """Create the store, or upgrade one made by an older drafting in place.

    Example: drafting init --db postgresql://secretariat@db.example/negotiations
    """
    from drafting.store import init_store

    head = init_store(db)
    typer.echo(f"store ready at {db or 'sqlite:///drafting.db'} (schema {head})")


def verify(db: str = DbOpt) -> None:
    """Check the record: the hash chain of events, and every row against it.

    Exits 1 naming the first event or row that does not match.
    Example: drafting verify
    """
    from drafting.store import open_store

    with open_store(db) as store:
        report = store.verify()
    if not report.ok:
        print(f"drafting: {report.summary()}", file=sys.stderr)
        raise typer.Exit(1)
    typer.echo(report.summary())
