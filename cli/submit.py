"""`drafting submit`: delegations' files of amendments, one file or a whole inbox."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from drafting.characters import escaped
from drafting.errors import InputError
from drafting_cli.amendments import DuplicatesOpt, submitted_json
from drafting_cli.common import (
    ActorOpt,
    DbOpt,
    DryRunOpt,
    JsonOpt,
    TokenOpt,
    YesOpt,
    confirm,
    receipts_json,
    say,
    show_receipts,
    show_warnings,
    store_at,
)
from drafting_cli.progress import recording, steps

if TYPE_CHECKING:
    from drafting.inbox import Inbox
    from drafting.intake import FileOutcome, Intake
    from drafting.store import Store

FilesArg = typer.Argument(
    None, help="Submissions: .json, or .docx (tracked changes or an edited copy); with "
    "--map, the files it lists unless some are named here.", show_default=False)
AuthorOpt = typer.Option(
    [], "--author", help="Word author -> delegation, 'Anna Schmidt (EU)=EU' (repeatable).")
ByFilenameOpt = typer.Option(
    False, "--by-filename", help="Each file is the delegation's whose code its name starts "
    "with: EU.docx, usa-comments.docx, G77_rev.docx (case forgiven).")
MapOpt = typer.Option(
    None, "--map", help="A CSV file: file,delegation[,Word author=CODE ...] per line "
    "(paths relative to it); without FILES, every file it lists.", show_default=False)
JobsOpt = typer.Option(
    None, "--jobs", "-j", min=1, help="Read Word files in this many processes at once "
    "(default: one per processor; 1: one after the other).", show_default=False)
EachOpt = typer.Option(
    False, "--each", help="Record file by file: a file with a problem is reported and left "
    "out, the others are recorded (the exit code says some were not).")


def submit(
    symbol: str = typer.Argument(..., help="The document, e.g. A/C.2/81/L.7.",
                                 show_default=False),
    files: list[Path] = FilesArg,
    delegation: str = typer.Option(None, "--delegation", "-d",
                                   help="Whose Word files these are (a .json names its own)."),
    by_filename: bool = ByFilenameOpt,
    map_: Path = MapOpt,
    author: list[str] = AuthorOpt,
    each_file: bool = EachOpt,
    jobs: int = JobsOpt,
    dry_run: bool = DryRunOpt,
    allow_duplicates: bool = DuplicatesOpt,
    yes: bool = YesOpt,
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Submit delegations' files of amendments; each file is recorded whole or not at all.

    Every file is read and checked first; nothing is recorded if one has a problem (with
    --each, the others are). The preview groups the files by delegation. Prints each
    file's receipt (keep it: drafting verify --anchor checks the record still holds it).

    Example: drafting submit A/C.2/81/L.7 inbox/* --by-filename --yes
    """
    from drafting.intake import read_inbox, record_intake
    from drafting.intake_checks import check_intake, set_aside_recorded

    authors = _authors(author)
    with store_at(db, token) as store:
        inbox = _inbox(store, files or [], delegation, by_filename, map_, authors)
        for note in inbox.skipped:
            say(f"note: {note}", err=True)
        with steps(len(inbox.files)) as step:
            intake = read_inbox(store, symbol, inbox, each=each_file, check_token=not dry_run,
                                actor=actor, step=step, jobs=jobs)
        if dry_run:  # what recording would refuse, said now as it would be then
            intake = check_intake(store, symbol, intake, each=each_file,
                                  allow_duplicates=allow_duplicates)
        for item in intake.prepared:
            show_warnings(item.warnings)
        for failure in intake.failed:
            say(f"not submitted: {failure.error}", err=True)
        intake, sent = set_aside_recorded(store, symbol, intake)
        for outcome in sent if not as_json else ():  # said before anything is asked
            say(f"{outcome.path.name}: {outcome.result.message if outcome.result else ''}")
        if not intake.prepared:
            if dry_run and sent:
                say("dry run: nothing recorded", err=as_json)
            _report([], intake, as_json, sent)
            return
        if not confirm(_preview(store, intake), dry_run=dry_run, yes=yes, err=as_json,
                       count=intake.count):
            _report([], intake, as_json, sent)
            return
        with recording(intake.count):
            outcomes = record_intake(store, symbol, intake, each=each_file, actor=actor,
                                     allow_duplicates=allow_duplicates)
    _report(outcomes, intake, as_json, sent)


def _inbox(store: Store, files: list[Path], delegation: str | None, by_filename: bool,
           map_: Path | None, authors: dict[str, str]) -> Inbox:
    """Whose each file is, as the options say."""
    from drafting import inbox

    if delegation is not None and (by_filename or map_ is not None):
        raise InputError("--delegation gives one delegation for every file, --by-filename "
                         "and --map each file's own: use one of them")
    if by_filename and map_ is not None:
        raise InputError("--by-filename or --map, not both")
    if not files and map_ is None:
        raise InputError("give the files to submit (or --map FILE, a CSV listing them)")
    codes = [d.code for d in store.delegations()]
    if map_ is not None:
        return inbox.read_map(map_, codes, files=files, authors=authors)
    if by_filename:
        return inbox.by_filename(files, codes, authors=authors)
    return inbox.given(files, delegation=delegation, authors=authors)


def _preview(store: Store, intake: Intake) -> list[str]:
    """What would be recorded, by delegation: a line naming it, then its files' amendments."""
    from drafting.intake_checks import repeat_said, tabled_again, tabled_again_said
    from drafting.workflow import proposals_preview

    again = dict(zip((item.path for item in intake.prepared), tabled_again(
        store, intake.document.symbol, [item.amendments for item in intake.prepared]),
        strict=True))
    lines = []
    for who, items in intake.by_delegation():
        count = intake.counted(items)
        lines.append(f"{who} ({_many(len(items), 'file')}, {_many(count, 'amendment')}):")
        for item in items:
            if (first := intake.repeats.get(item.path)) is not None:
                lines.append(f"  {escaped(item.path.name)}: {escaped(repeat_said(first))}")
                continue
            lines += [f"  {escaped(item.path.name)}: {line}" for line in proposals_preview(
                intake.document, store.as_recorded(item.amendments))]
            if again[item.path]:
                lines.append(f"  {escaped(item.path.name)}: {tabled_again_said(again[item.path])}")
    return lines


def _report(outcomes: list[FileOutcome], intake: Intake, as_json: bool,
            sent: Sequence[FileOutcome] = ()) -> None:
    """Each file's outcome and receipt (``sent``: the files recorded before, already
    said, in the JSON only); exit code 1 when a file was not recorded."""
    failed = [*(o for o in outcomes if not o.recorded), *intake.failed]
    if as_json:
        every = [*sent, *outcomes, *intake.failed]
        typer.echo(json.dumps({"files": [_outcome_json(o) for o in every],
                               "receipts": receipts_json(
                                   o.result.receipt for o in outcomes if o.result is not None
                                   and o.result.receipt and not o.result.duplicate)},
                              indent=2))
    for outcome in outcomes:
        name = outcome.path.name
        if outcome.result is None:
            say(f"not recorded: {outcome.error}", err=True)
        elif not as_json:
            say(f"{name}: {outcome.result.message}")
            receipt = outcome.result.receipt
            show_receipts([receipt] if receipt else [], lead=f"{escaped(name)}: ")
    if failed:
        recorded = sum(o.recorded for o in outcomes)
        names = ", ".join(o.path.name for o in failed)
        say(f"drafting: {_many(len(failed), 'file')} not recorded ({names}); "
            f"{recorded} recorded", err=True)
        raise typer.Exit(1)


def _outcome_json(outcome: FileOutcome) -> dict[str, Any]:
    done: dict[str, Any] = ({"recorded": [], "duplicate": False, "receipt": None}
                            if outcome.result is None else submitted_json(outcome.result))
    return {"file": outcome.path.name, "delegation": outcome.delegation or None, **done,
            "error": outcome.error or None}


def _many(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _authors(pairs: list[str]) -> dict[str, str]:
    authors = {}
    for pair in pairs:
        name, sep, code = pair.rpartition("=")
        if not sep or not name.strip() or not code.strip():
            raise InputError(f"--author '{pair}': write it as 'Word author name=CODE'")
        if authors.get(name.strip(), code.strip()) != code.strip():
            raise InputError(f"--author gives '{name.strip()}' twice, as "
                             f"{authors[name.strip()]} and as {code.strip()}: a Word author "
                             "is one delegation's; give it once")
        authors[name.strip()] = code.strip()
    return authors
