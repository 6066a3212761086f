"""Commands on documents: `import`, `show` and `brackets`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from drafting.atomic import file_path
from drafting.characters import escaped
from drafting.errors import InputError
from drafting.model import Document
from drafting_cli.common import (
    ActorOpt,
    DbOpt,
    JsonOpt,
    TokenOpt,
    show_receipts,
    show_warnings,
    store_at,
)
from drafting_cli.progress import steps
from drafting_cli.views import layouts, proposal_layout, read_file, select

if TYPE_CHECKING:
    from drafting.engine import BracketReport
    from drafting.engine.segments import NewParagraph

SourceArg = typer.Argument(
    ..., help="A document symbol in the store, or a draft file (.md, .txt, .docx).",
    show_default=False)
StrictOpt = typer.Option(False, "--strict", help="Fail on any reader warning (files only).")
RevisionOpt = typer.Option(None, "--revision", help="A revision label (default: the current).")
OutputOpt = typer.Option(
    None, "-o", "--output", parser=file_path,
    help="Write the revision to this file instead: .docx (clean Word), .md or .txt.")
FileArg = typer.Argument(..., help="The draft: .docx, .md or .txt.", show_default=False)


def import_(
    file: Path = FileArg,
    doc: str = typer.Option(None, "--doc", help="The document's symbol, e.g. A/C.2/81/L.7 "
                            "(default: the one the draft shows in its front matter)."),
    title: str = typer.Option(None, "--title", help="The title (default: the file's)."),
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Import a draft into the store as the zero draft of a new document.

    \b
    Example: drafting import samples/zero-draft.md --doc A/C.2/81/L.7
    Example: drafting import L99.docx   (the symbol its front matter shows: A/C.2/81/L.99)
    """
    from drafting.workflow import import_draft

    with store_at(db, token) as store, steps(2) as step:
        document, warnings = import_draft(store, file, doc, title, actor=actor, step=step)
        receipts = store.receipts
    show_warnings(warnings)
    revision = document.current
    count = len(revision) if revision else 0
    if as_json:
        typer.echo(json.dumps({"document": document.symbol, "paragraphs": count,
                               "receipt": receipts[-1].to_json()}, ensure_ascii=False,
                              indent=2))
        return
    shown = "" if doc else " (the symbol the draft shows)"
    typer.echo(f"imported {document.symbol}{shown}: {count} paragraphs")
    show_receipts(receipts)


def show(
    source: str = SourceArg,
    para: str = typer.Option(None, "--para", help="Only this paragraph, e.g. OP3."),
    revision: str = RevisionOpt,
    output: Path = OutputOpt,
    strict: bool = StrictOpt,
    db: str = DbOpt,
) -> None:
    """Print a text with its labels and the brackets left in each paragraph (and under
    a paragraph, each bracket in it that pairs with none), or write a revision to a file
    to circulate.

    \b
    Example: drafting show A/C.2/81/L.7 --para OP3   (or a file: drafting show draft.md)
    Example: drafting show A/C.2/81/L.7 --revision Rev.1 -o Rev.1.docx
    """
    from drafting.engine import bracket_report
    from drafting.readers.text_checks import stray_brackets

    if output is not None:
        from drafting.outputs import write_revision, write_stored_revision

        if para is not None:
            raise InputError("-o writes a whole revision; leave out --para")
        if _is_file(Path(source)):
            draft = _document(source, strict, db, revision)
            written = write_revision(draft, output)
            symbol = draft.symbol
        else:
            warnings: list[str] = []
            with store_at(db) as store:
                written = write_stored_revision(store, source, output, revision=revision,
                                                warn=warnings.append)
            symbol = source
            show_warnings(warnings)
        typer.echo(f"wrote {escaped(str(output))} ({symbol} {written.label}, "
                   f"{len(written)} paragraphs)")
        return
    draft = _document(source, strict, db, revision)
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    try:
        paragraphs = select(draft, para)
    except InputError:  # "OP9 bis": a new paragraph proposed, not yet in the text
        proposal = _proposal(source, para, db) if revision is None and para else None
        if proposal is None:
            raise
        typer.echo(proposal_layout(proposal, width))
        return
    report = bracket_report(paragraphs)
    strays = stray_brackets(draft.current or ())  # all: a '[' may close in another
    if para is None:  # the front matter, the title and the chapeau, as they stand
        current = draft.current
        head = [*current.front_matter, draft.title, *current.after_title,
                current.chapeau] if current else []
        for line in filter(None, head):
            typer.echo(line)
        if any(head):
            typer.echo()
    for shown in layouts(paragraphs, (c.brackets for c in report.paragraphs), width, strays):
        typer.echo(shown)
    if para is None:
        typer.echo()
        typer.echo(f"{len(paragraphs)} paragraphs, {report.total} brackets"
                   f"{f', {report.unbalanced} unbalanced' if report.unbalanced else ''}")


def brackets(
    source: str = SourceArg,
    para: str = typer.Option(None, "--para",
                             help="Only this paragraph, with its brackets numbered."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON: total and per paragraph."),
    revision: str = RevisionOpt,
    strict: bool = StrictOpt,
    db: str = DbOpt,
) -> None:
    """Count the brackets left, per paragraph and in total, beside the revision before.
    Stray brackets (a ']' with no '[', a '[' never closed) are counted apart.

    \b
    Example: drafting brackets A/C.2/81/L.7            (all paragraphs with brackets)
    Example: drafting brackets A/C.2/81/L.7 --para OP24 (its brackets, numbered)
    """
    from drafting.engine import bracket_report
    from drafting.workflow import bracket_progress

    path = Path(source)
    if _is_file(path):
        report = bracket_report(read_file(path, strict).current or ())
    else:
        with store_at(db) as store:
            report = bracket_progress(store.document(source), revision)
    counts = list(report.paragraphs)
    if para is not None:
        found = report.count_of(para)
        if found is None:
            raise InputError(f"no paragraph {para} in {source}")
        counts = [found]
    if as_json:
        data = report.to_json()
        data["paragraphs"] = [p for p in data["paragraphs"]
                              if p["label"] in {c.label for c in counts}]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    for count in counts:
        if count.brackets or count.previous or count.unbalanced or para is not None:
            was = ("" if count.previous is None
                   else f"   ({report.previous_label}: {count.previous})")
            typer.echo(f"{count.label:<12} {count.brackets:>3}{_stray(count.unbalanced)}{was}")
        if para is not None:
            for group in count.groups:
                shown = f"  #{group.index + 1} [{' / '.join(group.alternatives)}]"
                typer.echo(shown if len(shown) <= width else shown[: width - 3] + "...")
            if count.choice:  # an article and its alternatives: revise --choose 13=alt
                typer.echo(f"  choose one: {' / '.join(count.choice)}")
    if para is None:
        typer.echo(f"{'Total':<12} {report.total:>3}{_stray(report.unbalanced)}"
                   f"{_total_change(report)}")


def _stray(unbalanced: int) -> str:
    """`` (2 unbalanced)`` after a count, or nothing when every bracket pairs up."""
    return f" ({unbalanced} unbalanced)" if unbalanced else ""


def _total_change(report: BracketReport) -> str:
    if report.change is None:
        return ""
    if report.change == 0:
        how = "no change"
    else:
        how = f"{abs(report.change)} {'fewer' if report.change < 0 else 'more'}"
    return f"   ({report.previous_label}: {report.previous_total}; {how})"


def _is_file(path: Path) -> bool:
    from drafting.readers import READERS

    try:
        return path.is_file() or path.suffix.lower() in READERS
    except OSError:  # a name too long to be a file's ("File name too long"): a symbol
        return False


def _proposal(source: str, label: str, db: str | None) -> NewParagraph | None:
    """The new paragraph proposed on the stored document ``source`` labelled ``label``."""
    if _is_file(Path(source)):
        return None
    from drafting.workflow import proposed_paragraph

    with store_at(db) as store:
        return proposed_paragraph(store, source, label)


def _document(source: str, strict: bool, db: str | None, revision: str | None) -> Document:
    """A file when ``source`` names one (or ends in .md, .txt, .docx), else the document of
    that symbol in the store; cut down to ``revision`` when given, so that ``.current`` is
    the revision to show."""
    from dataclasses import replace

    from drafting.workflow import revision_of

    path = Path(source)
    if _is_file(path):
        document = read_file(path, strict)
    else:
        with store_at(db) as store:
            document = store.document(source)
    if revision is None:
        return document
    chosen = revision_of(document, revision)
    return replace(document, revisions=(chosen,))
