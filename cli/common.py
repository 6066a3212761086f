"""What several commands share: the store option, opening the store, and the pause
before anything is recorded."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

from drafting.errors import InputError

if TYPE_CHECKING:
    from drafting.store import Store

__all__ = ["DbOpt", "DryRunOpt", "TokenOpt", "YesOpt", "confirm", "show_tokens", "store_at"]

DbOpt = typer.Option(
    None, "--db", envvar="DRAFTING_DB", show_default="sqlite:///drafting.db",
    help="The store: a SQLAlchemy URL (sqlite:///file.db, postgresql://...).",
)
DryRunOpt = typer.Option(False, "--dry-run", help="Show what would be recorded; record nothing.")
YesOpt = typer.Option(False, "--yes", "-y", help="Record without asking.")
ActorOpt = typer.Option(
    "", "--actor", envvar="DRAFTING_ACTOR",
    help="Who is doing this, kept in the record (never shown as the proponent).")
TokenOpt = typer.Option(
    None, "--token", envvar="DRAFTING_TOKEN", show_default=False,
    help="Your token, where the store requires tokens (better: set DRAFTING_TOKEN, so it "
         "stays out of your shell history).")


@contextmanager
def store_at(db: str | None, token: str | None = None) -> Iterator[Store]:
    """The store at ``db``, acting with ``token`` (if it requires tokens), closed afterwards."""
    from drafting.store import open_store

    with open_store(db, token=token) as store:
        yield store


def show_tokens(tokens: dict[str, str], *, lead: str) -> None:
    """Print new tokens once, with what to do with them."""
    if not tokens:
        return
    typer.echo(f"{lead}: shown this once, kept by the store only as hashes. Keep them safe "
               "(a password manager) and give each delegation its own, privately:")
    width = max(len(holder) for holder in tokens)
    for holder, token in tokens.items():
        typer.echo(f"  {holder:<{width}}  {token}")


def confirm(lines: Sequence[str], *, dry_run: bool, yes: bool) -> bool:
    """Print what will be recorded and ask; True to go ahead. With ``dry_run`` nothing is
    asked and False returned; without a terminal and without ``yes``, InputError."""
    count = len(lines)
    noun = f"{count} amendment{'s' * (count != 1)}"
    typer.echo(f"To be recorded ({noun}):")
    for line in lines:
        typer.echo(f"  {line}")
    if dry_run:
        typer.echo("dry run: nothing recorded")
        return False
    if yes:
        return True
    if not sys.stdin.isatty():
        raise InputError("nothing recorded: add --yes to confirm without a terminal")
    if typer.confirm(f"Record these {noun}?", default=False):
        return True
    typer.echo("nothing recorded")
    return False
