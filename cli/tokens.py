"""`drafting token rotate`, `revoke` and `list`: the tokens of a store that requires them."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import typer

from drafting_cli.common import (
    ActorOpt,
    DbOpt,
    JsonOpt,
    OnceCommand,
    TokenOpt,
    receipts_json,
    show_receipts,
    show_tokens,
    store_at,
)
from drafting_cli.streams import showing_first

if TYPE_CHECKING:
    from drafting.store import Receipt

app = typer.Typer(
    name="token", help="Tokens, where the store requires them: who may record what.",
    no_args_is_help=True, rich_markup_mode=None)
HolderArg = typer.Argument(..., help="A delegation's code (e.g. EU), or: secretariat.",
                           show_default=False)


@app.command("rotate", cls=OnceCommand)
def rotate(holder: str = HolderArg, db: str = DbOpt, token: str = TokenOpt,
           actor: str = ActorOpt, as_json: bool = JsonOpt) -> None:
    """Give a delegation (or the secretariat) a new token; the old one stops working at
    once. A delegation that has none gets its first. Needs the secretariat's token.

    Example: drafting token rotate EU
    """
    def show(tokens: dict[str, str], receipts: tuple[Receipt, ...]) -> None:
        # inside the write: a token that cannot be shown is not kept (showing_first)
        if as_json:
            typer.echo(json.dumps({"holder": holder, "token": tokens[holder],
                                   "receipts": receipts_json(receipts)}, indent=2))
        else:
            show_tokens(tokens, lead=f"new token for {holder}; the old one no longer works")
        sys.stdout.flush()

    showing_first(f"no new token was issued, and {holder}'s token is as it was")
    with store_at(db, token) as store:
        store.rotate_token(holder, actor=actor, handed=show)
        receipts = store.receipts
    if not as_json:
        show_receipts(receipts)


@app.command("revoke", cls=OnceCommand)
def revoke(code: str = typer.Argument(..., help="The delegation, e.g. EU.", show_default=False),
           db: str = DbOpt, token: str = TokenOpt, actor: str = ActorOpt,
           as_json: bool = JsonOpt) -> None:
    """Stop a delegation's token: it can record nothing until it is given a new one
    (drafting token rotate CODE); on PostgreSQL, nor can its database role (postgres-roles).
    Needs the secretariat's token.

    Example: drafting token revoke EU
    """
    with store_at(db, token) as store:
        stopped = store.revoke_token(code, actor=actor)
        receipts = store.receipts
    if as_json:
        typer.echo(json.dumps({"holder": code, "revoked": stopped,
                               "receipts": receipts_json(receipts)}, indent=2))
        return
    if stopped:
        typer.echo(f"revoked {code}'s token ({', '.join(stopped)}): {code} records nothing, "
                   "nor does its PostgreSQL role if it has one (postgres-roles), until "
                   f"`drafting token rotate {code}`")
    else:
        typer.echo(f"{code} had no working token; nothing changed")
    show_receipts(receipts)


@app.command("list", cls=OnceCommand)
def list_(
    as_json: bool = typer.Option(False, "--json", help="Print JSON: one object per token."),
    db: str = DbOpt,
) -> None:
    """List the tokens issued, oldest first: holder, id and dates (never the tokens).

    Example: drafting token list
    """
    with store_at(db) as store:
        tokens = store.tokens()
    rows = [{"holder": t.holder, "id": t.id, "issued_at": t.issued_at.isoformat(),
             "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None} for t in tokens]
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    for t in tokens:
        state = "works" if t.live else f"revoked {t.revoked_at:%Y-%m-%d %H:%M}"
        typer.echo(f"{t.holder:<12} {t.id}  issued {t.issued_at:%Y-%m-%d %H:%M}  {state}")
    if not tokens:
        typer.echo("no token: this store does not require them (drafting init --secure)")
