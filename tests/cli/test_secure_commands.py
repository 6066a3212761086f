"""Tokens on the command line: `init --secure`, `--token`/DRAFTING_TOKEN on every
command that records, `token rotate/revoke/list`, `delegation add --member-of`.

A few runs are real processes (what a user types, exit codes and stderr); the
rest call the command line's own entry point in this process, to stay quick.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from drafting_cli.app import main

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples"
SYMBOL = "A/C.2/81/L.7"
TOKEN_LINE = re.compile(r"^  (\S+)\s+(drf_\S+)$", re.MULTILINE)


def tokens_in(output: str) -> dict[str, str]:
    return dict(TOKEN_LINE.findall(output))


def process(db: Path, *args: str, token: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DRAFTING_TOKEN"}
    env["DRAFTING_DB"] = f"sqlite:///{db}"
    if token:
        env["DRAFTING_TOKEN"] = token
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_init_secure_prints_the_tokens_once_and_a_refusal_is_one_line(tmp_path):
    db = tmp_path / "n.db"
    made = process(db, "init", "--secure")
    assert made.returncode == 0, made.stderr
    assert "tokens required" in made.stdout and "shown this once" in made.stdout
    secretariat = tokens_in(made.stdout)["secretariat"]
    added = process(db, "delegation", "add", "EU", "G77", token=secretariat)
    assert added.returncode == 0, added.stderr
    tokens = tokens_in(added.stdout)
    assert list(tokens) == ["EU", "G77"] and secretariat not in added.stdout
    refused = process(db, "delegation", "add", "BRA", "--member-of", "G77", token=tokens["EU"])
    assert refused.returncode == 1 and refused.stdout == ""
    assert refused.stderr == ("drafting: the token given is not the secretariat's token: only "
                              "the secretariat may add delegations; nothing was recorded\n")


class Cli:
    """The command line's entry point, run in this process on one store."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                 db: Path) -> None:
        self.monkeypatch, self.capsys = monkeypatch, capsys
        monkeypatch.setenv("DRAFTING_DB", f"sqlite:///{db}")
        monkeypatch.delenv("DRAFTING_TOKEN", raising=False)
        monkeypatch.delenv("DRAFTING_ACTOR", raising=False)

    def run(self, *args: str, token: str | None = None) -> tuple[int, str, str]:
        if token:
            self.monkeypatch.setenv("DRAFTING_TOKEN", token)
        else:
            self.monkeypatch.delenv("DRAFTING_TOKEN", raising=False)
        self.monkeypatch.setattr(sys, "argv", ["drafting", *args])
        with pytest.raises(SystemExit) as ended:
            main()
        out = self.capsys.readouterr()
        return ended.value.code or 0, out.out, out.err

    def ok(self, *args: str, token: str | None = None) -> str:
        code, out, err = self.run(*args, token=token)
        assert code == 0, err
        return out

    def refused(self, *args: str, token: str | None = None) -> str:
        code, out, err = self.run(*args, token=token)
        assert code == 1, out
        assert "nothing was recorded" in err and err.count("\n") == 1, err
        return err


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> tuple[Cli, dict[str, str]]:
    """A secure store with the sample draft and delegations; the tokens."""
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("delegation", "add", "USA", "JPN", "AUS", "NZL", "FJI")
    cli.ok("delegation", "add", "EU", "G77", "AOSIS", "--group")
    tokens = tokens_in(cli.ok("init", "--secure", "--actor", "Secretariat"))
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL,
           "--token", tokens["secretariat"])
    return cli, tokens


def test_each_command_that_records_needs_its_holders_token(cli):
    cli, tokens = cli
    secretariat, eu, usa = tokens["secretariat"], tokens["EU"], tokens["USA"]
    amend = ("amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit", "--with", "present",
             "--yes")
    assert "not EU's token" in cli.refused(*amend, token=usa)
    assert "requires a token to submit" in cli.refused(*amend)
    assert "recorded 1 amendment: A1" in cli.ok(*amend, token=eu)
    eu_file = str(SAMPLES / "submissions" / "eu.json")
    cli.refused("submit", SYMBOL, eu_file, "--yes", token=secretariat)
    assert "eu.json: recorded" in cli.ok("submit", SYMBOL, eu_file, "--yes", "--token", eu,
                                         "--allow-duplicates")  # it holds A1's change too
    assert "not EU's token" in cli.refused("withdraw", "A1", "-d", "EU", token=usa)
    assert "withdrew A1" in cli.ok("withdraw", "A1", "-d", "EU", token=eu)
    for command in (("decide", "A2", "accept"), ("agree", SYMBOL, "OP1"),
                    ("revise", SYMBOL, "--label", "Rev.1"),
                    ("import", str(SAMPLES / "zero-draft.md"), "--doc", "X/1")):
        assert "only the secretariat may" in cli.refused(*command, token=eu)
        cli.ok(*command, token=secretariat)
    amendments = json.loads(cli.ok("amendments", SYMBOL, "--json"))  # reading needs none
    assert amendments[0]["status"] == "withdrawn"
    log = cli.ok("log", SYMBOL)
    assert len(re.findall(r"\brefused\b", log)) == 7  # those on this document
    assert re.search(r"refused .*  submit as EU: \w", log), log
    assert re.search(r"refused .*  withdraw as EU: \w", log), log  # by its amendment's
    assert re.search(r"refused .*  decide as secretariat: \w", log), log  # document too
    assert usa not in log and eu not in log  # the log never shows a token
    assert "every row matches" in cli.ok("verify")


def test_a_wrong_token_is_refused_before_the_preview_is_shown(cli):
    cli, tokens = cli
    code, out, err = cli.run("amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit",
                             "--with", "present", "--yes", token=tokens["USA"])
    assert (code, out) == (1, "") and "not EU's token" in err
    eu_file = str(SAMPLES / "submissions" / "eu.json")
    code, out, err = cli.run("submit", SYMBOL, eu_file, "--yes", token=tokens["USA"])
    assert (code, out) == (1, "") and "not EU's token" in err
    previewed = cli.ok("amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit", "--with",
                       "present", "--dry-run", token=tokens["USA"])
    assert "present" in previewed  # a dry run records nothing, not even a refusal
    assert len(re.findall(r"\brefused\b", cli.ok("log", SYMBOL))) == 2


def test_tokens_are_rotated_revoked_and_listed(cli):
    cli, tokens = cli
    secretariat, eu = tokens["secretariat"], tokens["EU"]
    cli.refused("token", "rotate", "EU", token=eu)
    renewed = tokens_in(cli.ok("token", "rotate", "EU", token=secretariat))["EU"]
    amend = ("amend", SYMBOL, "OP3", "-d", "EU", "--retain", "--yes")
    assert "replaced or revoked" in cli.refused(*amend, token=eu)
    cli.ok(*amend, token=renewed)
    assert "revoked USA's token" in cli.ok("token", "revoke", "USA", token=secretariat)
    assert "had no working token" in cli.ok("token", "revoke", "USA", token=secretariat)
    listed = json.loads(cli.ok("token", "list", "--json"))
    live = sorted(t["holder"] for t in listed if t["revoked_at"] is None)
    assert live == sorted(["secretariat", "EU", "G77", "JPN", "AOSIS", "AUS", "NZL", "FJI"])
    assert not any(t.split("_", 2)[-1] in json.dumps(listed) for t in tokens.values())


def test_delegation_add_member_of_a_group(cli):
    cli, tokens = cli
    out = cli.ok("delegation", "add", "BRA", "CHN", "--member-of", "G77",
                 token=tokens["secretariat"])
    assert "G77 members: BRA, CHN" in out
    assert list(tokens_in(out)) == ["BRA", "CHN"]
    groups = {d["code"]: d for d in json.loads(cli.ok("delegation", "list", "--json"))}
    assert groups["G77"]["kind"] == "group" and groups["G77"]["members"] == ["BRA", "CHN"]
    code, _, err = cli.run("delegation", "add", "IND", "--member-of", "AU",
                           token=tokens["secretariat"])
    assert code == 1 and "no delegation 'AU'" in err
    code, _, err = cli.run("delegation", "add", "EU2", "--member-of", "USA",
                           token=tokens["secretariat"])  # a slip for EU: USA is a state
    assert code == 1 and err.startswith("drafting: USA is a state, not a group")
    assert "drafting delegation add G77 --group" in err
    assert groups["USA"]["kind"] == "state"
    assert "IND" not in {d["code"] for d in json.loads(cli.ok("delegation", "list", "--json"))}
    assert "every row matches" in cli.ok("verify")


def test_an_open_store_takes_member_of_without_tokens(monkeypatch, capsys, tmp_path):
    cli = Cli(monkeypatch, capsys, tmp_path / "open.db")
    cli.ok("init")
    cli.ok("delegation", "add", "G77", "--group")
    out = cli.ok("delegation", "add", "BRA", "--member-of", "G77")
    assert "G77 members: BRA" in out and "drf_" not in out
    assert "no token" in cli.ok("token", "list")
