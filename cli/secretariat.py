"""The secretariat's commands: `decide`, `agree`, `revise` and `log`."""

from __future__ import annotations

import json
import shutil
from enum import StrEnum
from typing import Any

import typer

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
from drafting_cli.views import layouts

SymbolArg = typer.Argument(..., help="The document, e.g. A/C.2/81/L.7.", show_default=False)


class Decision(StrEnum):
    accept = "accept"
    reject = "reject"
    reopen = "reopen"


RevisePreviewOpt = typer.Option(False, "--dry-run", help="Show the revision it would issue "
                                "(text, renumbering, what goes stale); record nothing.")
DecisionArg = typer.Argument(..., help="accept, reject, or reopen (take back a decision "
                             "taken by mistake, before the next revision; needs --note).",
                             show_default=False)


def decide(
    amendment: str = typer.Argument(..., help="The amendment's id, e.g. A12.",
                                    show_default=False),
    decision: Decision = DecisionArg,
    note: str = typer.Option("", "--note", help="Why, kept in the record (required to "
                             "reopen)."),
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Accept or reject an amendment; it takes effect in the next revision. A decision
    taken by mistake can be reopened until then (both stay in the record).

    Example: drafting decide A12 accept --note "agreed in informals"

    Example: drafting decide A12 reopen --note "G77 had not agreed"
    """
    with store_at(db, token) as store:
        decided = store.decide(amendment, decision.value, note=note, actor=actor)
        receipts = store.receipts
    if as_json:
        typer.echo(json.dumps({"amendment": decided.id, "status": str(decided.status),
                               "receipt": receipts[-1].to_json()}, indent=2))
        return
    again = f"reopened, {decided.status} again" if decision is Decision.reopen else None
    typer.echo(f"{decided.id}: {again or decided.status}")
    show_receipts(receipts)


def agree(
    symbol: str = SymbolArg,
    label: str = typer.Argument(..., help="The paragraph, e.g. OP3.", show_default=False),
    ad_ref: bool = typer.Option(False, "--ad-ref", help="Agreed ad referendum."),
    reopen: bool = typer.Option(False, "--reopen", help="Open the paragraph again."),
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Mark a paragraph of the current revision agreed (or agreed ad ref).

    Example: drafting agree A/C.2/81/L.7 OP3 --ad-ref
    """
    from drafting.wording import unsettled
    from drafting.workflow import agree_paragraph

    with store_at(db, token) as store:
        paragraph = agree_paragraph(store, symbol, label, ad_ref=ad_ref, reopen=reopen,
                                    actor=actor)
        receipts = store.receipts
    what = "open" if reopen else "agreed ad ref" if ad_ref else "agreed"
    if as_json:
        typer.echo(json.dumps({"paragraph": paragraph.label, "status": what, "receipt":
                               receipts[-1].to_json() if receipts else None}, indent=2))
        return
    typer.echo(f"{paragraph.label}: {what}" + ("" if receipts else " already; nothing recorded"))
    if not reopen and (left := unsettled(paragraph)):
        typer.echo(f"warning: {left}", err=True)
    show_receipts(receipts)


ChooseOpt = typer.Option(
    None, "--choose", show_default=False,
    help='Keep one alternative of a bracket: "OP24=present" (or "OP24#2=present" where '
         'more than one bracket offers it); choose between an article and its alternatives: '
         '"13=alt" ("13=alt2", "13=original"). Repeat for more.')
KeepOpt = typer.Option(
    None, "--keep", show_default=False,
    help='Keep a bracketed text and remove its brackets: "OP3" (or "OP3#2"). Repeatable.')
DropOpt = typer.Option(
    None, "--drop", show_default=False,
    help='Delete a bracketed text: "OP3" (or "OP3#2"). Repeatable.')


def revise(
    symbol: str = SymbolArg,
    label: str = typer.Option(..., "--label", help="The new revision's label, e.g. Rev.1."),
    choose: list[str] = ChooseOpt,
    keep: list[str] = KeepOpt,
    drop: list[str] = DropOpt,
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
    dry_run: bool = RevisePreviewOpt,
) -> None:
    """Issue the next revision: accepted amendments applied, the brackets decided on
    resolved, pending amendments moved on. Prints the renumbering table.

    \b
    Example: drafting revise A/C.2/81/L.7 --label Rev.1 --dry-run   (a preview)
    Example: drafting revise A/C.2/81/L.7 --label Rev.1
    Example: drafting revise A/C.2/81/L.7 --label Rev.2 --choose "OP24=present" --drop OP7
    Example: drafting revise A/CONF.999/L.3 --label Rev.1 --choose 13=alt   (Article 13 alt)
    """
    from drafting.engine import bracket_report
    from drafting.engine.decisions import split_choices
    from drafting.model import AmendmentStatus
    from drafting.workflow import bracket_decisions, bracket_progress, revise_document

    with store_at(db, token) as store:
        document = store.document(symbol)
        current = document.current
        decisions = [] if current is None else bracket_decisions(
            current, choose=choose or (), keep=keep or (), drop=drop or (),
            proposals=store.amendments(symbol, statuses={AmendmentStatus.SUBMITTED,
                                                         AmendmentStatus.ACCEPTED})
            if choose else ())
        warnings: list[str] = []  # told after the progress bar is gone
        with steps(3 if dry_run else 4) as step:
            outcome = revise_document(store, symbol, label, brackets=decisions, actor=actor,
                                      step=step, warn=warnings.append, dry_run=dry_run)
        show_warnings(warnings)
        _, chosen = split_choices(decisions)  # the articles chosen, told below
        receipts = () if dry_run else store.receipts
        report = bracket_report(outcome.revision, previous=current,
                                previous_label=current.label if current else None) \
            if dry_run else bracket_progress(store.document(symbol), label)
    if dry_run and not as_json:
        _preview(document.title, outcome.revision, report)
    if as_json:
        typer.echo(json.dumps({
            "revision": outcome.revision.label, "paragraphs": len(outcome.revision),
            "brackets": report.total, "renumbered": dict(outcome.label_table),
            "stale": [{"amendment": s.amendment.id, "reason": s.reason} for s in outcome.stale],
            "accepted_with": dict(outcome.accepted_with), "emptied": list(outcome.emptied),
            "settled": dict(outcome.settled), "reopened": list(outcome.reopened),
            "moot": dict(outcome.moot),
            "no_effect": dict(outcome.no_effect), "references": dict(outcome.references),
            "option_brackets": list(outcome.closings),
            "articles": [{"choice": c.said, "told": c.told} for c in chosen],
            **({"dry_run": True, "text": [{"paragraph": p.label, "text": p.text}
                                          for p in outcome.revision]} if dry_run
               else {"receipt": receipts[-1].to_json()})}, ensure_ascii=False, indent=2))
        return
    verb = "would issue" if dry_run else "issued"
    typer.echo(f"{verb} {outcome.revision.label}: {len(outcome.revision)} paragraphs, "
               f"{report.total} brackets ({report.previous_label}: {report.previous_total})")
    show_receipts(receipts)
    for label in outcome.emptied:
        typer.echo(f"{label}: nothing was left once its brackets were settled; deleted")
    for label in outcome.reopened:
        typer.echo(f"{label} was agreed; its text changed, so it is open again")
    for said in outcome.closings:
        typer.echo(said)
    for choice in chosen:
        typer.echo(f"chose {choice.told}")
    if outcome.label_table:
        typer.echo("renumbered:")
    for old, new in outcome.label_table.items():
        typer.echo(f"  {old} -> {new or '(deleted)'}")
    if outcome.references:
        typer.echo("cross-references to check (their words are the text's, not renumbered):")
    for label, said in outcome.references.items():
        typer.echo(f"  {label} {said}")
    if outcome.stale:
        typer.echo(f"{len(outcome.stale)} amendment(s) went stale:")
        for stale in outcome.stale:
            typer.echo(f"  {stale.amendment.id}: {stale.reason}")
    by = {a.id: ", ".join(a.proponents) for a in outcome.amendments}
    _accepted("accepted with the same proposal", {
        twin: f"proposes the same as {accepted} ({by[accepted]})"
        for twin, accepted in outcome.accepted_with.items()}, by)
    _accepted("settled by the bracket decisions, accepted", outcome.settled, by)
    _accepted("accepted, made moot by the bracket decisions", outcome.moot, by)
    _accepted("accepted, with no effect (the proposal they amend is not in the text)",
              outcome.no_effect, by)
    if dry_run:
        typer.echo(f"nothing was recorded (a preview): run it again without --dry-run to "
                   f"issue {outcome.revision.label}")


def _accepted(why: str, amendments: dict[str, str], by: dict[str, str]) -> None:
    """The amendments a revision accepted without a decision of their own, and why."""
    if amendments:
        typer.echo(f"{len(amendments)} amendment(s) {why}:")
    for amendment, what in amendments.items():
        typer.echo(f"  {amendment} ({by[amendment]}): {what}")


def _preview(title: str, revision: Any, report: Any) -> None:
    """The text a revision would have, as `drafting show` prints one."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    for line in filter(None, [*revision.front_matter, title, *revision.after_title,
                              revision.chapeau]):
        typer.echo(line)
    typer.echo()
    for shown in layouts(revision, (c.brackets for c in report.paragraphs), width):
        typer.echo(shown)
    typer.echo()


def log(
    symbol: str = SymbolArg,
    as_json: bool = typer.Option(False, "--json", help="Print JSON: one object per event."),
    db: str = DbOpt,
) -> None:
    """Show the record of a document, oldest first.

    Example: drafting log A/C.2/81/L.7 --json
    """
    from drafting.characters import escaped_json
    from drafting.workflow import event_json, event_summary

    with store_at(db) as store:
        events = store.events(symbol)
        document = store.document(symbol)
    if as_json:
        typer.echo(escaped_json(json.dumps([event_json(e) for e in events], ensure_ascii=False,
                                           indent=2)))
        return
    width = max(shutil.get_terminal_size((100, 24)).columns, 40)
    for event in events:
        line = event_summary(event, document)
        typer.echo(line if len(line) <= width else line[: width - 3] + "...")
