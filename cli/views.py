"""Commands that show a text: `show` and `brackets`."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from pathlib import Path

import typer

from drafting.engine import bracket_report
from drafting.errors import InputError
from drafting.model import Document, Paragraph, ParagraphKind
from drafting.readers import read_draft

SourceArg = typer.Argument(..., help="A draft file (.md or .txt).", show_default=False)
StrictOpt = typer.Option(False, "--strict", help="Fail on any reader warning.")


def show(
    source: Path = SourceArg,
    para: str = typer.Option(None, "--para", help="Only this paragraph, e.g. OP3."),
    strict: bool = StrictOpt,
) -> None:
    """Print a text with its labels and the brackets left in each paragraph.

    Example: drafting show samples/zero-draft.md --para OP3
    """
    draft = _read(source, strict)
    paragraphs = _select(draft, para)
    report = bracket_report(paragraphs)
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    if draft.title and para is None:
        typer.echo(draft.title)
        typer.echo()
    for paragraph, count in zip(paragraphs, report.paragraphs, strict=True):
        typer.echo(_format(paragraph, count.brackets, width))
    if para is None:
        typer.echo()
        typer.echo(f"{len(paragraphs)} paragraphs, {report.total} brackets")


def brackets(
    source: Path = SourceArg,
    as_json: bool = typer.Option(False, "--json", help="Print JSON: total and per paragraph."),
    strict: bool = StrictOpt,
) -> None:
    """Count the brackets left, per paragraph and in total.

    Example: drafting brackets samples/zero-draft.md --json
    """
    report = bracket_report(_read(source, strict).current or ())
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    for count in report.paragraphs:
        if count.brackets:
            typer.echo(f"{count.label:<12} {count.brackets:>3}")
    typer.echo(f"{'Total':<12} {report.total:>3}")


def _read(source: Path, strict: bool) -> Document:
    result = read_draft(source)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if strict and result.warnings:
        raise InputError(f"{source}: {len(result.warnings)} warning(s) and --strict was given")
    return result.to_document(source.stem)


def _select(draft: Document, label: str | None) -> list[Paragraph]:
    revision = draft.current
    paragraphs = list(revision or ())
    if label is None or revision is None:
        return paragraphs
    paragraph = revision.by_label(label)
    if paragraph is None:
        known = ", ".join(p.label for p in paragraphs[:6])
        known += ", ..." if len(paragraphs) > 6 else ""
        raise InputError(f"no paragraph {label} in {draft.symbol}; its labels are {known}")
    return [paragraph]


def _format(paragraph: Paragraph, brackets_left: int, width: int) -> str:
    if paragraph.kind is ParagraphKind.HEADING:
        return f"\n{paragraph.text}\n"
    mark = f"[{brackets_left}]" if brackets_left else ""
    head = f"{paragraph.label:<11}{mark:>4} "
    lines: list[str] = []
    for piece in paragraph.text.split("\n"):
        lines += textwrap.wrap(piece, width - len(head), break_on_hyphens=False) or [""]
    indent = " " * len(head)
    return head + ("\n" + indent).join(lines)
