"""Commands that write a view to share: `compile`, `merge`, `diff`, `positions` and
`export`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from drafting.atomic import file_path
from drafting.characters import escaped
from drafting.errors import InputError
from drafting_cli.common import DbOpt, SignWithOpt, show_warnings, store_at
from drafting_cli.progress import steps

OutputOpt = typer.Option(..., "--output", "-o", parser=file_path,
                         help="OUT.docx, .md, .html or .txt.")
DocxOpt = typer.Option(..., "--output", "-o", parser=file_path, help="OUT.docx")
JsonOpt = typer.Option(..., "--output", "-o", parser=file_path, help="OUT.json")
SymbolArg = typer.Argument(..., help="The document, e.g. A/C.2/81/L.7.", show_default=False)
StatusOpt = typer.Option([], "--status", help="Amendments with these statuses (default: "
                         "submitted); repeatable.")
PositionsOutOpt = typer.Option(None, "--output", "-o", parser=file_path,
                               help="Write OUT.html, .md, .docx or .pdf instead.")
DelegationsOpt = typer.Option([], "--delegation", "-d",
                              help="Only these delegations' proposals (repeatable).")


def compile_(
    symbol: str = SymbolArg,
    output: Path = OutputOpt,
    delegation: list[str] = DelegationsOpt,
    status: list[str] = StatusOpt,
    db: str = DbOpt,
) -> None:
    """Write the compilation: the current text with every proposal and its proponents.

    Example: drafting compile A/C.2/81/L.7 -o compilation.docx
    """
    from drafting.outputs import compile_to

    with store_at(db) as store, steps(3) as step:
        compilation = compile_to(store, symbol, output, delegations=delegation,
                                 statuses=status, step=step)
    _wrote(output, compilation)


def merge(
    symbol: str = SymbolArg,
    output: Path = DocxOpt,
    delegation: list[str] = DelegationsOpt,
    status: list[str] = StatusOpt,
    db: str = DbOpt,
) -> None:
    """Write the merged draft: every proposal a Word tracked change by its delegation.

    Example: drafting merge A/C.2/81/L.7 -o merged.docx --delegation EU --delegation G77
    """
    from drafting.outputs import merge_to

    warnings: list[str] = []  # told after the progress bar is gone
    with store_at(db) as store, steps(3) as step:
        compilation = merge_to(store, symbol, output, delegations=delegation, statuses=status,
                               step=step, warn=warnings.append)
    show_warnings(warnings)
    _wrote(output, compilation)


def diff(
    symbol: str = SymbolArg,
    old: str = typer.Argument(..., help="From revision, e.g. 'Zero draft'.",
                              show_default=False),
    new: str = typer.Argument(..., help="To revision, e.g. Rev.1.", show_default=False),
    output: Path = OutputOpt,
    db: str = DbOpt,
) -> None:
    """Write what changed between two revisions.

    Example: drafting diff A/C.2/81/L.7 "Zero draft" Rev.1 -o changes.docx
    """
    from drafting.outputs import diff_to

    warnings: list[str] = []
    with store_at(db) as store, steps(3) as step:
        diff_to(store, symbol, old, new, output, step=step, warn=warnings.append)
    show_warnings(warnings)
    typer.echo(f"wrote {escaped(str(output))}")


def positions(
    symbol: str = SymbolArg,
    para: str = typer.Option(None, "--para", help="Only this paragraph, e.g. OP9 bis."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead."),
    output: Path = PositionsOutOpt,
    db: str = DbOpt,
) -> None:
    """Show who stands where: for each paragraph, who proposed, supported, asked to retain
    (opposed) and withdrew what.

    \b
    Example: drafting positions A/C.2/81/L.7 --para OP9
    Example: drafting positions A/C.2/81/L.7 -o positions.docx
    """
    from drafting.outputs import positions_to
    from drafting.workflow import position_matrix
    from drafting.writers import render_positions_markdown

    with store_at(db) as store:
        if output is not None:
            positions_to(store, symbol, output, paragraph=para)
            typer.echo(f"wrote {escaped(str(output))}")
            return
        matrix = position_matrix(store, symbol, paragraph=para)
    if as_json:
        typer.echo(json.dumps({"delegations": list(matrix.delegations), "paragraphs": [
            {"paragraph": row.label, "positions": dict(row.cells)} for row in matrix.rows]},
            ensure_ascii=False, indent=2))
    else:
        typer.echo(render_positions_markdown(matrix), nl=False)


def export(
    symbol: str = SymbolArg,
    fmt: str = typer.Option("json", "--format", help="The format: json."),
    output: Path = JsonOpt,
    sign_with: Path | None = SignWithOpt,
    db: str = DbOpt,
) -> None:
    """Export a document with its revisions, amendments and record.

    With --sign-with (the secretariat's signing key) the export's head is signed: anyone
    with the public key checks it (drafting check-signatures l7.json --public-key ...).

    Example: drafting export A/C.2/81/L.7 --format json -o l7.json
    """
    from drafting.workflow import export_json

    if fmt != "json":
        raise InputError(f"cannot export as '{fmt}'; use --format json")
    with store_at(db) as store:
        data = export_json(store, symbol, output, sign_with=sign_with)
    typer.echo(f"wrote {escaped(str(output))}: {len(data['revisions'])} revision(s), "
               f"{len(data['amendments'])} amendment(s), {len(data['events'])} event(s); "
               f"head: #{data['head']['seq']} {data['head']['hash']}")


def _wrote(output: Path, compilation: object) -> None:
    stale = len(getattr(compilation, "stale", ()))
    note = f" ({stale} stale amendment{'s' * (stale != 1)} listed at the end)" if stale else ""
    typer.echo(f"wrote {escaped(str(output))}{note}")
