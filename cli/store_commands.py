"""Commands on the store itself: `init`, `verify` and `postgres-roles`."""

from __future__ import annotations

import sys

import typer

from drafting_cli.common import ActorOpt, DbOpt, TokenOpt, show_tokens, store_at

__all__ = ["DbOpt", "init", "postgres_roles", "verify"]


def init(
    secure: bool = typer.Option(
        False, "--secure", help="Require tokens from now on: prints the secretariat's token "
        "and one for each delegation already in the store, once."),
    db: str = DbOpt,
    actor: str = ActorOpt,
) -> None:
    """Create the store, or upgrade one made by an older drafting in place.

    An open store (the default) suits one person's laptop. With --secure, every change
    needs a token: the secretariat's, or a delegation's own to amend, submit, withdraw.

    Example: drafting init --secure --db postgresql://sec@db.example/neg
    """
    from drafting.store import init_store

    head = init_store(db)
    with store_at(db) as store:
        already = store.secure
        tokens = {} if already or not secure else store.make_secure(actor=actor)
    where = db or "sqlite:///drafting.db"
    typer.echo(f"store ready at {where} (schema {head}"
               f"{', tokens required' if already or tokens else ''})")
    if secure and already:
        typer.echo("it already required tokens; none was issued (drafting token rotate "
                   "HOLDER gives a holder a new one)")
    show_tokens(tokens, lead="tokens")
    if tokens:
        typer.echo("Each person sets DRAFTING_TOKEN to their delegation's token (or passes "
                   "--token) to record anything.")


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
