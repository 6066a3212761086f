"""Commands on amendments: `amend`, `withdraw`, `support` and `amendments` (`submit` is
in `drafting_cli.submit`)."""

from __future__ import annotations

import json
import shutil
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from drafting_cli.common import (
    ActorOpt,
    DbOpt,
    DryRunOpt,
    JsonOpt,
    TokenOpt,
    YesOpt,
    confirm,
    show_receipts,
    show_warnings,
    store_at,
)
from drafting_cli.progress import recording

if TYPE_CHECKING:
    from drafting.store import SubmitResult


class Place(StrEnum):
    AFTER = "after"
    BEFORE = "before"


PlaceOpt = typer.Option(Place.AFTER, "--place", help="Where the new paragraph goes: after "
                        "this paragraph, or before it (only the text's first paragraph or a "
                        "series' first, e.g. OP1 after the preambular ones, takes one).")
DuplicatesOpt = typer.Option(False, "--allow-duplicates", help="Record a change even where "
                             "its delegation already proposes the very same one.")
DelegationOpt = typer.Option(..., "--delegation", "-d", help="The proponent, e.g. EU.")
ProponentsOpt = typer.Option([], "--delegation", "-d", help="Only these proponents "
                             "(repeatable; case forgiven: eu is EU).")
SupportersOpt = typer.Option(
    [], "--supporters", help="Delegations that support it: USA,JPN (repeatable). In a store "
    "that requires tokens each is asked, until it confirms with drafting support.")
StatusesOpt = typer.Option(
    [], "--status", help="Only these: submitted, withdrawn, accepted, rejected, stale.")


def amend(
    symbol: str = typer.Argument(..., help="The document, e.g. A/C.2/81/L.7.",
                                 show_default=False),
    label: str = typer.Argument(..., help="The paragraph, e.g. OP3.", show_default=False),
    delegation: str = DelegationOpt,
    replace: str = typer.Option(None, "--replace", help="Words to replace (with --with)."),
    with_: str = typer.Option(None, "--with", help="The words that replace them."),
    delete: str = typer.Option(None, "--delete", help="Words to delete."),
    insert: str = typer.Option(None, "--insert", help="Words to insert (--after/--before); "
                               "where they meet the quoted words letter or digit to letter "
                               "or digit, one space is put between (see --literal)."),
    literal: bool = typer.Option(False, "--literal", help="Insert the words exactly as "
                                 "given, adding no space: --insert pre --before existing "
                                 "makes 'preexisting'."),
    after: str = typer.Option(None, "--after", help="Insert after these words."),
    before: str = typer.Option(None, "--before", help="Insert before these words."),
    new_paragraph: str = typer.Option(None, "--new-paragraph",
                                      help="A new paragraph after this one (see --place)."),
    place: Place = PlaceOpt,
    delete_paragraph: bool = typer.Option(False, "--delete-paragraph",
                                          help="Delete the whole paragraph."),
    alternative: str = typer.Option(None, "--alternative",
                                    help="An alternative formulation of the paragraph."),
    retain: bool = typer.Option(False, "--retain", help="Keep the paragraph as it stands."),
    bracket: str = typer.Option(None, "--bracket", help="Words to put in brackets."),
    occurrence: int = typer.Option(None, "--occurrence", min=1,
                                   help="Which occurrence of the quoted words (1, 2, ...)."),
    reason: str = typer.Option("", "--reason", help="Why, shown with the proposal."),
    supporters: list[str] = SupportersOpt,
    dry_run: bool = DryRunOpt,
    allow_duplicates: bool = DuplicatesOpt,
    yes: bool = YesOpt,
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Propose one amendment to a paragraph, on behalf of a delegation.

    It is shown first and recorded only when confirmed. Prints the receipt of what was
    recorded (keep it: drafting verify --anchor checks the record still holds it).

    Example: drafting amend A/C.2/81/L.7 OP2 -d EU --replace submit --with present --yes

    Example: drafting amend A/C.2/81/L.7 OP1 -d EU --insert two-week --before high-level
    (recorded as 'two-week ': a word before a word; --literal takes the words as given)
    """
    from drafting.engine import Proposal
    from drafting.engine.insert_spaces import spaced_said
    from drafting.engine.new_words import composed
    from drafting.workflow import prepare_amendment, proposals_preview, record

    proposal, said = composed(Proposal(
        label, replace=replace, with_=with_, delete=delete, insert=insert, after=after,
        before=before, new_paragraph=new_paragraph, place_before=place is Place.BEFORE,
        delete_paragraph=delete_paragraph, alternative=alternative, retain=retain,
        bracket=bracket, occurrence=occurrence, reason=reason,
        supporters=tuple(_codes(supporters)), spaced=not literal))
    show_warnings(said)  # accents typed decomposed: stored composed, as files are
    with store_at(db, token) as store:
        amendment = prepare_amendment(store, symbol, proposal, delegation, submitted_by=actor)
        if proposal.insert is not None:  # a space put where the words would run together
            show_warnings(filter(None, [spaced_said(
                proposal.insert, amendment.new_text, proposal.before or proposal.after or "",
                before=proposal.after is None)]))
        if not dry_run:  # a token that will not do is refused before anything is shown
            store.check_submit(symbol, [[amendment]], actor=actor)
        else:  # what recording would refuse, said as it would be
            from drafting.intake_checks import check_recordable

            check_recordable(store, symbol, [[amendment]], allow_duplicates=allow_duplicates)
        from drafting.intake_checks import already_recorded, tabled_again, tabled_again_said

        sent = already_recorded(store, symbol, [[amendment]])[0]
        if sent is not None:  # said before anything is asked: nothing will be recorded
            _said(sent, as_json)
            return
        lines = proposals_preview(store.document(symbol), store.as_recorded([amendment]))
        count = len(lines)
        if again := tabled_again(store, symbol, [[amendment]])[0]:
            lines.append(tabled_again_said(again))
        if not confirm(lines, dry_run=dry_run, yes=yes, err=as_json, count=count):
            if as_json:
                typer.echo(json.dumps({"recorded": [], "duplicate": False, "receipt": None}))
            return
        with recording(1):
            result = record(store, symbol, [amendment], actor=actor,
                            allow_duplicates=allow_duplicates)
    _said(result, as_json)


def _said(result: SubmitResult, as_json: bool) -> None:
    """What was recorded (or was before), and its receipt."""
    if as_json:
        typer.echo(json.dumps(submitted_json(result), indent=2))
        return
    typer.echo(result.message)
    show_receipts([result.receipt] if result.receipt else [])


def submitted_json(result: SubmitResult) -> dict[str, Any]:
    return {"recorded": list(result.ids), "duplicate": result.duplicate,
            "receipt": result.receipt.to_json() if result.receipt else None}


def withdraw(
    amendment: str = typer.Argument(..., help="The amendment's id, e.g. A12.",
                                    show_default=False),
    delegation: str = DelegationOpt,
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Withdraw an amendment, on behalf of one of its proponents. It stays on record.

    Example: drafting withdraw A12 --delegation EU
    """
    with store_at(db, token) as store:
        withdrawn = store.withdraw(amendment, delegation, actor=actor)
        receipts = store.receipts
    if as_json:
        typer.echo(json.dumps({"amendment": withdrawn.id, "status": str(withdrawn.status),
                               "delegation": delegation,
                               "receipt": receipts[-1].to_json()}, indent=2))
        return
    typer.echo(f"withdrew {withdrawn.id} ({delegation})")
    if str(withdrawn.status) == "withdrawn" and withdrawn.supporters:  # may pick it up
        who = "it" if len(withdrawn.supporters) == 1 else "each"
        typer.echo(f"{', '.join(withdrawn.supporters)} supported {withdrawn.id}: {who} may "
                   "table it again as its own proposal (drafting amend ...)")
    show_receipts(receipts)


def _codes(given: list[str]) -> list[str]:
    """``["USA,JPN", "G77"]`` -> ``["USA", "JPN", "G77"]``."""
    return [code.strip() for item in given for code in item.split(",") if code.strip()]


def support(
    amendment: str = typer.Argument(..., help="The amendment's id, e.g. A12.",
                                    show_default=False),
    delegation: str = typer.Option(..., "--delegation", "-d",
                                   help="The delegation that supports it, e.g. JPN."),
    withdraw: bool = typer.Option(False, "--withdraw",
                                  help="Withdraw the support (given, or requested)."),
    db: str = DbOpt,
    token: str = TokenOpt,
    actor: str = ActorOpt,
    as_json: bool = JsonOpt,
) -> None:
    """Support an amendment on behalf of a delegation (or confirm the support another's
    submission asked of it), or withdraw that support. Recorded as an event; in a store
    that requires tokens, only that delegation's own token may.

    Example: drafting support A12 --delegation JPN
    """
    from drafting.workflow import backing, support

    with store_at(db, token) as store:
        now = support(store, amendment, delegation, withdraw=withdraw, actor=actor)
        receipts = store.receipts
    if as_json:
        typer.echo(json.dumps({"amendment": now.id, "delegation": delegation,
                               "withdrawn": withdraw, "supporters": list(now.supporters),
                               "support_requested": list(now.requested),
                               "receipt": receipts[-1].to_json()}, indent=2))
        return
    done = "withdrew the support of" if withdraw else "recorded the support of"
    typer.echo(f"{done} {delegation} for {now.id}: {backing(now)}")
    show_receipts(receipts)


def amendments(
    symbol: str = typer.Argument(..., help="The document, e.g. A/C.2/81/L.7.",
                                 show_default=False),
    para: str = typer.Option(None, "--para", help="Only on this paragraph, e.g. OP3."),
    delegation: list[str] = ProponentsOpt,
    status: list[str] = StatusesOpt,
    as_json: bool = typer.Option(False, "--json", help="Print JSON: one object per amendment."),
    db: str = DbOpt,
) -> None:
    """List the amendments to a document, oldest first.

    Example: drafting amendments A/C.2/81/L.7 --para OP3 --status submitted --json
    """
    from drafting.json_layout import laid_out
    from drafting.lookup import known_codes
    from drafting.workflow import (
        amendment_json,
        backing,
        describe,
        label_of,
        list_amendments,
        made_on,
    )

    with store_at(db) as store:
        document, found = list_amendments(store, symbol, paragraph=para,
                                          delegations=known_codes(store, delegation),
                                          statuses=status)
    if as_json:
        typer.echo(laid_out([amendment_json(document, a) for a in found]))  # one a line
        return
    width = shutil.get_terminal_size((100, 24)).columns
    lines = []  # written at once: 100,000 lines one by one took a second
    for item in found:
        label = label_of(document, item.paragraph_id, item.revision)
        line = (f"{item.id:<6} {label:<10} {'/'.join(item.proponents):<10} "
                f"{item.status:<10} {describe(item, made_on(document, item))}")
        if item.supporters or item.requested:
            line += f"  ({backing(item).partition(', ')[2]})"
        lines.append(line if len(line) <= width else line[: max(width, 40) - 3] + "...")
    lines.append(f"{len(found)} amendment{'s' * (len(found) != 1)}")
    typer.echo("\n".join(lines))
