"""`drafting decide A2 reopen --note "..."` (issue 16, point 3), through the command line's
own entry point: a mistaken acceptance reopened with a note and decided again, both
decisions in `log`, the last applied by `revise`; a note is required, a reopening after the
revision is refused saying what to do, and only the secretariat's token may reopen."""

from __future__ import annotations

import json

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, TOKEN, Cli, receipts

from drafting.store import open_store


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "G77")
    cli.ok("amend", SYMBOL, "OP21", "-d", "EU", "--replace", "one-day", "--with", "two-day",
           "--yes")
    return cli


def test_a_mistaken_acceptance_reopened_then_rejected(cli, tmp_path):
    cli.ok("decide", "A1", "accept")
    code, _, err = cli.run("decide", "A1", "reject")
    assert code != 0 and err.strip() == (
        'drafting: A1 was already accepted; to correct a decision taken by mistake, reopen it '
        'first: drafting decide A1 reopen --note "why"')
    reopened = cli.ok("decide", "A1", "reopen", "--note", "accepted by mistake: G77 objects")
    assert reopened.splitlines()[0] == "A1: reopened, submitted again"
    assert len(receipts(reopened)) == 1
    assert " submitted " in cli.ok("amendments", SYMBOL)
    assert json.loads(cli.ok("amendments", SYMBOL, "--json"))[0]["status"] == "submitted"
    cli.ok("decide", "A1", "reject", "--note", "no consensus")
    log = cli.ok("log", SYMBOL)
    assert [line.split("  ")[-1] for line in log.splitlines() if "decide" in line] == [
        "A1 accepted", "A1 reopened: accepted by mistake: G77 objects",
        "A1 rejected: no consensus"]
    cli.ok("revise", SYMBOL, "--label", "Rev.1")
    rev1 = tmp_path / "rev1.md"
    cli.ok("show", SYMBOL, "-o", str(rev1))
    assert "one-day" in rev1.read_text(encoding="utf-8")  # the rejection applied, not the first
    code, _, err = cli.run("decide", "A1", "reopen", "--note", "too late")
    assert code != 0 and "A1 was rejected and Rev.1 has been issued without its text" in err
    assert "submit a new amendment to Rev.1 (drafting amend A/C.2/81/L.7 OP21" in err
    assert cli.ok("verify").startswith("the record is intact")


def test_a_reopening_needs_a_note_and_a_decision(cli):
    cli.ok("decide", "A1", "accept")
    events = len(cli.logged())
    code, _, err = cli.run("decide", "A1", "reopen")
    assert code != 0 and err.strip() == (
        'drafting: say why A1 is reopened: a correction needs a note (drafting decide A1 '
        'reopen --note "accepted by mistake")')
    cli.ok("amend", SYMBOL, "OP21", "-d", "G77", "--retain", "--yes")
    code, _, err = cli.run("decide", "A2", "reopen", "--note", "x")
    assert code != 0 and "A2 is submitted, not accepted or rejected" in err
    assert len(cli.logged()) == events + 1  # G77's amendment only
    reopened = json.loads(cli.ok("decide", "A1", "reopen", "--note", "mistake", "--json"))
    assert reopened["amendment"] == "A1" and reopened["status"] == "submitted"
    assert reopened["receipt"]["seq"] == events + 2


def test_only_the_secretariats_token_reopens(cli):
    cli.ok("decide", "A1", "accept")
    tokens = dict(TOKEN.findall(cli.ok("init", "--secure")))
    cli.monkeypatch.setenv("DRAFTING_TOKEN", tokens["EU"])
    code, _, err = cli.run("decide", "A1", "reopen", "--note", "EU changed its mind")
    assert code != 0 and "secretariat" in err
    cli.monkeypatch.setenv("DRAFTING_TOKEN", tokens["secretariat"])
    assert "A1: reopened, submitted again" in cli.ok("decide", "A1", "reopen", "--note", "x")
    assert "A1 reopened: x" in cli.ok("log", SYMBOL)
    with open_store(cli.url) as store:
        assert [e.kind for e in store.events()][-2:] == ["refused", "decide"]
