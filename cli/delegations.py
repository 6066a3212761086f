"""`drafting delegation add` and `drafting delegation list`."""

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
    from drafting.delegations import AddedDelegations
    from drafting.store import Receipt

app = typer.Typer(
    name="delegation", help="The delegations that speak in the negotiation.",
    no_args_is_help=True, rich_markup_mode=None)
CodesArg = typer.Argument(..., help="One or more codes, e.g. EU G77 USA.", show_default=False)


@app.command("add", cls=OnceCommand)
def add(
    codes: list[str] = CodesArg,
    name: str = typer.Option("", "--name", help="The full name (with one code only)."),
    member_of: str = typer.Option(
        None, "--member-of", show_default=False,
        help="A group already in the store that they join, e.g. G77 (added with --group)."),
    group: bool = typer.Option(
        False, "--group", help="Add them as groups (G77, AOSIS), which delegations join "
        "with --member-of."),
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Add delegations (states, or groups with --group) by code; all or, if one is taken, none.

    Where the store requires tokens, prints each new delegation's token, once.

    \b
    Example: drafting delegation add USA JPN BRA CHN
    Example: drafting delegation add G77 AOSIS --group
    Example: drafting delegation add BRA CHN IND --member-of G77
    """
    from drafting.workflow import add_delegations

    def show(added: AddedDelegations, receipts: tuple[Receipt, ...]) -> None:
        # in a store that requires tokens, inside the write: tokens that cannot be shown
        # are not kept, nor the delegations (showing_first)
        _show_added(added, receipts if as_json else (), as_json)
        sys.stdout.flush()

    showing_first("no delegation was added, and no token issued")
    with store_at(db, token) as store:
        added = add_delegations(store, codes, name=name, member_of=member_of, group=group,
                                actor=actor, handed=show)
        receipts = store.receipts
    if not added.tokens:  # an open store: nothing shown yet
        _show_added(added, receipts, as_json)
    elif not as_json:
        show_receipts(receipts)


def _show_added(added: AddedDelegations, receipts: tuple[Receipt, ...], as_json: bool) -> None:
    """What `add` prints: the delegations added, the group they joined, their tokens
    and (in JSON, and in text when given) the receipts."""
    from drafting.workflow import delegation_json

    if as_json:
        typer.echo(json.dumps({
            "added": [d.code for d in added.delegations],
            "group": delegation_json(added.group) if added.group else None,
            "tokens": added.tokens, "receipts": receipts_json(receipts)}, indent=2))
        return
    count = len(added.delegations)
    typer.echo(f"added {count} delegation{'s' * (count != 1)}: "
               f"{', '.join(d.code for d in added.delegations)}")
    if added.group is not None:
        typer.echo(f"{added.group.code} members: {', '.join(added.group.members)}")
    show_tokens(added.tokens, lead="their tokens")
    show_receipts(receipts)


@app.command("list", cls=OnceCommand)
def list_(
    as_json: bool = typer.Option(False, "--json", help="Print JSON: one object per delegation."),
    db: str = DbOpt,
) -> None:
    """List the delegations in the store, by code.

    Example: drafting delegation list --json
    """
    from drafting.workflow import delegation_json

    with store_at(db) as store:
        delegations = store.delegations()
    if as_json:
        typer.echo(json.dumps([delegation_json(d) for d in delegations], ensure_ascii=False,
                              indent=2))
        return
    for delegation in delegations:
        members = f"  members: {', '.join(delegation.members)}" if delegation.members else ""
        typer.echo(f"{delegation.code:<10} {delegation.name}{members}".rstrip())
    if not delegations:
        typer.echo("no delegation yet: add them with `drafting delegation add CODE ...`")
