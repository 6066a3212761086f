"""What several commands share: the store option, opening the store, and the pause
before anything is recorded."""

from __future__ import annotations

import gc
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperOption

from drafting.errors import InputError
from drafting_cli.streams import asking, note_recorded

if TYPE_CHECKING:
    from drafting.store import Receipt, Store

__all__ = ["DbOpt", "DryRunOpt", "JsonOpt", "OnceCommand", "TokenOpt", "YesOpt", "confirm",
           "receipts_json", "show_receipts", "show_tokens", "store_at"]

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


JsonOpt = typer.Option(False, "--json", help="Print JSON instead.")
SignWithOpt = typer.Option(
    None, "--sign-with", show_default=False,
    help="The secretariat's signing key (drafting key new): the head is signed, and anyone "
         "checks it with the public key (drafting check-signatures).")

ONCE_HINTS = {
    ("amend", "delegation"): "an amendment has one proponent; the others support it "
                             "(--supporters USA,JPN, or drafting support)",
    ("amend", ""): "one amend proposes one amendment; for several, one command each "
                   "(or a JSON file for drafting submit)",
    ("submit", "delegation"): "it says whose all the Word files are; for files of several "
                              "delegations use --by-filename or --map",
}
"""What to do instead, by (command, option; "" for any) when an option is given twice."""


class OnceCommand(TyperCommand):
    """A command that refuses an option taking one value given more than once, which
    would otherwise keep the last silently (``amend -d EU -d USA`` dropping EU)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            _, _, order = self.make_parser(ctx).parse_args(args=list(args))
        except Exception:  # parsing again below says what is wrong
            order = []
        single = [p for p in order if isinstance(p, TyperOption) and not p.multiple
                  and not p.is_flag and not p.count]
        for param, times in Counter(single).items():
            if times > 1 and not any(getattr(p, "is_eager", False) for p in order):
                hint = ONCE_HINTS.get((ctx.info_name, param.name or "")) or ONCE_HINTS.get(
                    (ctx.info_name, ""), "give it once")
                raise InputError(f"{'/'.join(param.opts)} given {times} times, and it takes "
                                 f"one value: {hint}; nothing was done")
        return super().parse_args(ctx, args)


@contextmanager
def store_at(db: str | None, token: str | None = None) -> Iterator[Store]:
    """The store at ``db``, acting with ``token`` (if it requires tokens), closed afterwards."""
    from drafting.store import open_store

    with open_store(db, token=token) as store:
        # what importing and opening the store built (SQLAlchemy's modules: most of what a
        # command's first collection walked) is never walked again (`main` unfreezes it)
        gc.freeze()
        try:
            yield store
        finally:  # said if what the command prints after cannot be (drafting_cli.streams)
            note_recorded(store.recorded)


def show_tokens(tokens: dict[str, str], *, lead: str) -> None:
    """Print new tokens once, with what to do with them."""
    if not tokens:
        return
    typer.echo(f"{lead}: shown this once, kept by the store only as hashes. Keep them safe "
               "(a password manager) and give each delegation its own, privately:")
    width = max(len(holder) for holder in tokens)
    for holder, token in tokens.items():
        typer.echo(f"  {holder:<{width}}  {token}")


def show_warnings(warnings: Iterable[object]) -> None:
    """Each warning on stderr, one line each: ``warning: ...`` (what it quotes escaped)."""
    for warning in warnings:
        say(f"warning: {warning}", err=True)


def say(line: str, *, err: bool = False) -> None:
    """One line that may quote a file's name or text, its characters that are not text
    escaped (``\\x1b``, ``\\n``): a terminal obeys nothing in it, and it stays one line."""
    from drafting.characters import escaped

    typer.echo(escaped(line), err=err)


def show_receipts(receipts: Iterable[Receipt], *, lead: str = "") -> None:
    """Print each receipt as a line to keep: ``receipt: #42 <the whole hash>`` (stdout:
    it is part of the result)."""
    for receipt in receipts:
        typer.echo(f"{lead}receipt: {receipt}")


def receipts_json(receipts: Iterable[Receipt]) -> list[dict[str, Any]]:
    """Receipts as JSON values, for --json output."""
    return [receipt.to_json() for receipt in receipts]


def confirm(lines: Sequence[str], *, dry_run: bool, yes: bool, err: bool = False,
            count: int | None = None) -> bool:
    """Print what will be recorded and ask; True to go ahead. With ``dry_run`` nothing is
    asked and False returned; without a terminal and without ``yes``, InputError. ``err``
    prints on stderr (under --json, stdout holds the JSON alone). ``count`` is the number
    of amendments, when the lines are not one each (headings among them)."""
    asking()  # from here, a lost standard output says that nothing was recorded
    count = len(lines) if count is None else count
    noun = f"{count} amendment{'s' * (count != 1)}"
    typer.echo(f"To be recorded ({noun}):", err=err)
    for line in lines:
        typer.echo(f"  {line}", err=err)
    if dry_run:
        typer.echo("dry run: nothing recorded", err=err)
        return False
    if yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():  # None: closed, as in some cron jobs
        raise InputError("nothing recorded: add --yes to confirm without a terminal")
    if typer.confirm(f"Record these {noun}?", default=False, err=err):
        return True
    typer.echo("nothing recorded", err=err)
    return False
