"""A delegation tables again what it withdrew; a file proposing one change twice; a
supporter unknown in a file: what the commands record and say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, Cli


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "JPN", "G77")
    return cli


def _file(path: Path, *amendments: dict, delegation: str = "EU") -> str:
    path.write_text(json.dumps({"document": SYMBOL, "delegation": delegation,
                                "amendments": list(amendments)}), encoding="utf-8")
    return str(path)


SECURE = {"paragraph": "OP4", "replace": "secure", "with": "ensure"}
AMEND = ("amend", SYMBOL, "OP4", "-d", "EU", "--replace", "secure", "--with", "ensure")


def _statuses(cli: Cli) -> list[tuple[str, str]]:
    return [(a["id"], a["status"]) for a in json.loads(cli.ok("amendments", SYMBOL, "--json"))]


def test_a_withdrawn_proposal_is_tabled_again_from_a_file_or_the_command_line(cli, tmp_path):
    eu = _file(tmp_path / "eu.json", SECURE)
    cli.ok("submit", SYMBOL, eu, "--yes")
    cli.ok("withdraw", "A1", "-d", "EU")
    out = cli.ok("submit", SYMBOL, eu, "--dry-run")  # said before anything is asked
    assert "eu.json: tables again what was proposed as A1 (withdrawn): recorded anew" in out
    assert _statuses(cli) == [("A1", "withdrawn")]
    out = cli.ok("submit", SYMBOL, eu, "--yes")
    assert "To be recorded (1 amendment)" in out
    assert "eu.json: recorded 1 amendment: A2; the same was proposed before as A1 " \
           "(withdrawn), and is recorded anew" in out
    cli.ok("withdraw", "A2", "-d", "EU")
    out = cli.ok(*AMEND, "--dry-run")
    assert "To be recorded (1 amendment)" in out
    assert "tables again what was proposed as A2 (withdrawn): recorded anew" in out
    out = cli.ok(*AMEND, "--yes")
    assert "recorded 1 amendment: A3; the same was proposed before as A2 (withdrawn)" in out
    assert _statuses(cli) == [("A1", "withdrawn"), ("A2", "withdrawn"), ("A3", "submitted")]


def test_a_pending_submission_sent_again_is_said_so_before_anything_is_asked(cli, tmp_path):
    eu = _file(tmp_path / "eu.json", SECURE)
    cli.ok("submit", SYMBOL, eu, "--yes")
    head = cli.ok("head")
    out = cli.ok("submit", SYMBOL, eu)  # no --yes: nothing is asked, nothing to record
    assert out.startswith("eu.json: already recorded as A1 (still pending); nothing new "
                          "was recorded")
    assert "To be recorded" not in out
    out = cli.ok(*AMEND)
    assert out.startswith("already recorded as A1 (still pending)")
    assert "To be recorded" not in out
    assert cli.ok("head") == head
    usa = _file(tmp_path / "usa.json", SECURE, delegation="USA")
    out = cli.ok("submit", SYMBOL, eu, usa, "--yes")  # the new file alone is recorded
    assert "To be recorded (1 amendment)" in out and "usa.json: recorded 1 amendment: A2" in out
    assert _statuses(cli) == [("A1", "submitted"), ("A2", "submitted")]


def test_an_accepted_proposal_is_refused_naming_it(cli, tmp_path):
    eu = _file(tmp_path / "eu.json", SECURE)
    cli.ok("submit", SYMBOL, eu, "--yes")
    cli.ok("decide", "A1", "accept")
    code, _, err = cli.run("submit", SYMBOL, eu, "--yes")
    assert code == 1 and "EU already proposes this as A1 (accepted)" in err


def test_one_change_proposed_twice_in_a_file_is_recorded_once_with_a_warning(cli, tmp_path):
    twice = _file(tmp_path / "twice.json", {"paragraph": "OP4", "replace": "secure",
                                            "with": "assure\u0301"},
                  {"paragraph": "OP4", "replace": "secure", "with": "assur\u00e9"})
    code, out, err = cli.run("submit", SYMBOL, twice, "--yes")
    assert code == 0, err
    assert "twice.json, amendment 2 (OP4) proposes the very same as amendment 1 (OP4); it " \
           "is recorded once" in err
    assert "To be recorded (1 amendment)" in out and "recorded 1 amendment: A1" in out
    assert _statuses(cli) == [("A1", "submitted")]


def test_an_unknown_supporter_is_told_with_its_file_and_amendment(cli, tmp_path):
    eu = _file(tmp_path / "eu.json", {**SECURE, "supporters": ["eu"]})
    for last in ("--dry-run", "--yes"):
        code, _, err = cli.run("submit", SYMBOL, eu, last)
        assert code == 1
        assert "eu.json, amendment 1 (OP4): the supporter 'eu' is not known in this " \
               "negotiation (did you mean 'EU'?)" in err
    assert _statuses(cli) == []
