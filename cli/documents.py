"""Commands on documents: `import`, `show` and `brackets`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import typer

from drafting.model import Document
from drafting_cli.common import ActorOpt, DbOpt, store_at
from drafting_cli.views import layout, read_file, select

SourceArg = typer.Argument(
    ..., help="A document symbol in the store, or a draft file (.md, .txt, .docx).",
    show_default=False)
StrictOpt = typer.Option(False, "--strict", help="Fail on any reader warning (files only).")
RevisionOpt = typer.Option(None, "--revision", help="A revision label (default: the current).")
FileArg = typer.Argument(..., help="The draft: .docx, .md or .txt.", show_default=False)


def import_(
    file: Path = FileArg,
    doc: str = typer.Option(..., "--doc", help="The document's symbol, e.g. A/C.2/81/L.7."),
    title: str = typer.Option(None, "--title", help="The title (default: the file's)."),
    db: str = DbOpt,
    actor: str = ActorOpt,
) -> None:
    """Import a draft into the store as the zero draft of a new document.

    Example: drafting import samples/zero-draft.md --doc A/C.2/81/L.7
    """
    from drafting.workflow import import_draft

    with store_at(db) as store:
        document, warnings = import_draft(store, file, doc, title, actor=actor)
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    revision = document.current
    count = len(revision) if revision else 0
    typer.echo(f"imported {document.symbol}: {count} paragraphs")


def show(
    source: str = SourceArg,
    para: str = typer.Option(None, "--para", help="Only this paragraph, e.g. OP3."),
    revision: str = RevisionOpt,
    strict: bool = StrictOpt,
    db: str = DbOpt,
) -> None:
    """Print a text with its labels and the brackets left in each paragraph.

    Example: drafting show A/C.2/81/L.7 --para OP3   (or a file: drafting show draft.md)
    """
    from drafting.engine import bracket_report

    draft = _document(source, strict, db, revision)
    paragraphs = select(draft, para)
    report = bracket_report(paragraphs)
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    if draft.title and para is None:
        typer.echo(draft.title)
        typer.echo()
    for paragraph, count in zip(paragraphs, report.paragraphs, strict=True):
        typer.echo(layout(paragraph, count.brackets, width))
    if para is None:
        typer.echo()
        typer.echo(f"{len(paragraphs)} paragraphs, {report.total} brackets")


def brackets(
    source: str = SourceArg,
    as_json: bool = typer.Option(False, "--json", help="Print JSON: total and per paragraph."),
    revision: str = RevisionOpt,
    strict: bool = StrictOpt,
    db: str = DbOpt,
) -> None:
    """Count the brackets left, per paragraph and in total.

    Example: drafting brackets A/C.2/81/L.7 --json
    """
    from drafting.engine import bracket_report

    report = bracket_report(_document(source, strict, db, revision).current or ())
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    for count in report.paragraphs:
        if count.brackets:
            typer.echo(f"{count.label:<12} {count.brackets:>3}")
    typer.echo(f"{'Total':<12} {report.total:>3}")


def _document(source: str, strict: bool, db: str | None, revision: str | None) -> Document:
    """A file when ``source`` names one (or ends in .md, .txt, .docx), else the document of
    that symbol in the store; cut down to ``revision`` when given, so that ``.current`` is
    the revision to show."""
    from dataclasses import replace

    from drafting.readers import READERS
    from drafting.workflow import revision_of

    path = Path(source)
    if path.is_file() or path.suffix.lower() in READERS:
        document = read_file(path, strict)
    else:
        with store_at(db) as store:
            document = store.document(source)
    if revision is None:
        return document
    chosen = revision_of(document, revision)
    return replace(document, revisions=(chosen,))
