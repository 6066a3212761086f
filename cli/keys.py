"""`drafting key new` and `key public`: the secretariat's signing key; and
`drafting check-signatures`: signed heads checked against its public key, no store needed."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from drafting.characters import escaped
from drafting_cli.common import JsonOpt, OnceCommand

app = typer.Typer(
    name="key", help="The secretariat's signing key, for signed heads (drafting head "
    "--sign-with).", no_args_is_help=True, rich_markup_mode=None)
KeyPathArg = typer.Argument(..., help="The signing key's file.", show_default=False)
SignedArg = typer.Argument(..., show_default=False,
                           help="A file holding signed heads: the lines `drafting head "
                                "--sign-with` prints (others are passed over), or its --json.")
PublicOpt = typer.Option(..., "--public-key", show_default=False,
                         help="The secretariat's public key, ed25519:<base64>, as `drafting "
                              "key new` printed it, or a file holding that line.")


@app.command("new", cls=OnceCommand)
def new(path: Path = KeyPathArg) -> None:
    """Make the secretariat's signing key, in a new file readable by its owner only, and
    print its public key: send that to every delegation, which checks signed heads with it.

    Keep the file secret, away from the store's server if you can: whoever holds it signs
    as the secretariat. An existing file is never overwritten.

    Example: drafting key new ~/secretariat-signing.key
    """
    from drafting.signatures import new_key

    public = new_key(path)
    typer.echo(f"wrote {escaped(str(path))}: the secretariat's signing key (keep it secret)")
    typer.echo(f"public key: {public}")


@app.command("public", cls=OnceCommand)
def public(path: Path = KeyPathArg) -> None:
    """Print the public key of a signing key, to send to the delegations.

    Example: drafting key public ~/secretariat-signing.key
    """
    from drafting.signatures import public_text, read_key

    typer.echo(f"public key: {public_text(read_key(path))}")


def check_signatures(
    path: Path = SignedArg,
    key: str = PublicOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Check that each signed head in a file was signed with the secretariat's key: proof,
    to anyone, that the secretariat's record stood so. Needs no store.

    Exits 1 naming each line whose signature is not the key's. Whether the record still
    holds a head is `drafting verify --anchors FILE`.

    Example: drafting check-signatures heads-EU.txt --public-key ed25519:Qm9...=
    """
    from drafting.signatures import check_file

    checked = check_file(path, key)
    bad = [c for c in checked if not c.valid]
    if as_json:
        typer.echo(json.dumps([{"where": c.where, **c.head.receipt.to_json(),
                                "valid": c.valid} for c in checked]))
    else:
        for c in checked:
            said = "signed with the key" if c.valid else "NOT signed with the key"
            typer.echo(f"{escaped(c.where)}: head #{c.head.receipt.seq}: {said}")
    if bad:
        print(f"drafting: {len(bad)} of {len(checked)} signed heads are not signed with the "
              f"key given ({'; '.join(escaped(c.where) for c in bad)}): changed, or signed with "
              "another key", file=sys.stderr)
        raise typer.Exit(1)
