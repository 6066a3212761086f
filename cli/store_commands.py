"""Commands on the store itself: `init`, `head`, `verify` and `postgres-roles`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from drafting_cli.common import (
    ActorOpt,
    DbOpt,
    JsonOpt,
    SignWithOpt,
    TokenOpt,
    show_receipts,
    show_tokens,
    store_at,
)
from drafting_cli.streams import showing_first

if TYPE_CHECKING:
    from drafting.store import Receipt

__all__ = ["DbOpt", "head", "init", "postgres_roles", "verify"]

AnchorOpt = typer.Option(
    None, "--anchor", show_default=False,
    help="A receipt kept from earlier, SEQ:HASH (or as printed: '#42 <hash>'): fail unless "
         "the log still passes through it. Repeatable.")
AnchorsOpt = typer.Option(
    None, "--anchors", show_default=False,
    help="A file of kept receipts: the 'receipt: #N <hash>' lines commands print, SEQ:HASH "
         "lines, a command's --json output, or an export (drafting export). Repeatable.")


def init(
    secure: bool = typer.Option(
        False, "--secure", help="Require tokens from now on: prints the secretariat's token "
        "and one for each delegation already in the store, once."),
    db: str = DbOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Create the store, or upgrade one made by an older drafting in place.

    An open store (the default) suits one person's laptop. With --secure, every change
    needs a token: the secretariat's, or a delegation's own to amend, submit, withdraw.

    Example: drafting init --secure --db postgresql://sec@db.example/neg
    """
    from drafting.store import init_store

    schema = init_store(db)
    with store_at(db) as store:
        already = store.secure
        where = store.url  # its password hidden: this output is pasted and kept

        def show(tokens: dict[str, str], receipts: tuple[Receipt, ...]) -> None:
            # inside the write: tokens that cannot be shown are not kept (showing_first)
            _ready(where, schema, tokens, receipts if as_json else (), as_json=as_json)
            sys.stdout.flush()

        if secure and not already:
            showing_first("the store does not require tokens, and none was issued")
            store.make_secure(actor=actor, handed=show)
            if not as_json:
                show_receipts(store.receipts)
            return
    _ready(where, schema, {}, (), as_json=as_json, already=already, asked=secure)


def _ready(where: str, schema: str, tokens: dict[str, str], receipts: tuple[Receipt, ...],
           *, as_json: bool, already: bool = False, asked: bool = False) -> None:
    """What `init` prints: the store, whether it requires tokens (``already``, or now:
    ``tokens``), the tokens issued, and the receipts given; ``asked``: --secure."""
    if as_json:
        typer.echo(json.dumps({"store": where, "schema": schema,
                               "tokens_required": bool(already or tokens), "tokens": tokens,
                               "receipts": [r.to_json() for r in receipts]}, indent=2))
        return
    typer.echo(f"store ready at {where} (schema {schema}"
               f"{', tokens required' if already or tokens else ''})")
    if asked and already:
        typer.echo("it already required tokens; none was issued (drafting token rotate "
                   "HOLDER gives a holder a new one)")
    show_tokens(tokens, lead="tokens")
    if tokens:
        typer.echo("Each person sets DRAFTING_TOKEN to their delegation's token (or passes "
                   "--token) to record anything.")
    show_receipts(receipts)


def head(sign_with: Path | None = SignWithOpt, db: str = DbOpt,
         as_json: bool = JsonOpt) -> None:
    """Print the head of the record: the number and hash of the last event.

    Kept outside the store, it is a receipt for the whole record as it stands: `drafting
    verify --anchor SEQ:HASH` fails if anything up to it is ever rewritten. Signed by the
    secretariat (--sign-with), it also proves to anyone that the secretariat issued it.

    Example: drafting head --json > head-2026-05-01.json
    Example: drafting head --sign-with ~/secretariat-signing.key >> heads.txt
    """
    key = None
    if sign_with is not None:
        from drafting.signatures import read_key

        key = read_key(sign_with)  # before the store is opened: a wrong path says so first
    with store_at(db) as store:
        now = store.head()
    if key is None:
        typer.echo(json.dumps(now.to_json()) if as_json else f"head: {now}")
        return
    from drafting.signatures import sign

    signed = sign(now, key)
    typer.echo(json.dumps(signed.to_json()) if as_json else str(signed))


def verify(
    anchor: list[str] = AnchorOpt,
    anchors: list[Path] = AnchorsOpt,
    db: str = DbOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Check the record: each row readable, the hash chain of events, every row against it, and
    that the chain still passes through the receipts given.

    Exits 1 naming everything that does not match, the first first.

    \b
    Example: drafting verify
    Example: drafting verify --anchor 42:3211d1dd... --anchors receipts.txt
    """
    from drafting.store.receipts import parse_receipt, read_anchors

    kept = [parse_receipt(text) for text in anchor or ()]
    for path in anchors or ():
        kept += read_anchors(path)
    with store_at(db) as store:
        report = store.verify(list(dict.fromkeys(kept)))
    if as_json:
        typer.echo(json.dumps({
            "ok": report.ok, "events": report.events, "anchors": report.anchors,
            "head": report.head.to_json() if report.head else None,
            "mismatches": [{"where": m.where, "what": m.what, "event": m.event}
                           for m in report.mismatches]}, ensure_ascii=False, indent=2))
    elif report.ok:
        typer.echo(report.summary())
    else:
        from drafting.characters import escaped  # rows may hold anything: print no control

        print(escaped(f"drafting: {report.summary()}"), file=sys.stderr)
        for mismatch in report.mismatches[1:]:  # the first is in the line above
            print(escaped(f"  {mismatch}"), file=sys.stderr)
    if not report.ok:
        raise typer.Exit(1)


def postgres_roles(
    prefix: str = typer.Option("drafting_", "--prefix",
                               help="How role names start: drafting_eu, drafting_usa, ..."),
    apply: bool = typer.Option(False, "--apply",
                               help="Run the SQL now (connected as the tables' owner)."),
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
) -> None:
    """Print (or --apply) the SQL that gives each delegation its own PostgreSQL role, able
    to add and withdraw only its own amendments: the server itself refuses the rest.

    Run again after adding delegations or upgrading drafting. Needs a store that requires
    tokens; --apply needs the secretariat's token.

    Example: drafting postgres-roles --apply   (without --apply: print the SQL)
    """
    with store_at(db, token) as store:
        if not apply:
            typer.echo(store.delegation_roles_sql(prefix), nl=False)
            return
        roles = store.grant_delegation_roles(prefix, actor=actor)
    typer.echo(f"roles ready for {len(roles)} delegation{'s' * (len(roles) != 1)}:")
    for code, role in roles.items():
        typer.echo(f"  {code:<10} {role}")
    typer.echo("Give each role a password (ALTER ROLE name PASSWORD '...') or another way to "
               "log in; each delegation connects as its role, with its own token.")
