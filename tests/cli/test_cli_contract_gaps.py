"""Gaps in the command-line contract a tester found: revision labels differing by spaces,
an option given twice, a proponent as its own supporter, dry runs promising what the real
run refuses, an unknown or lower-case code in a filter, an insertion previewed vaguely.
Every refusal leaves the record as it was (`drafting head` before == after)."""

from __future__ import annotations

import json

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, Cli


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "JPN", "G77")
    return cli


def refused(cli: Cli, *args: str) -> str:
    """The message of a command that must fail and change nothing."""
    before = cli.ok("head")
    code, _, err = cli.run(*args)
    assert code == 1, err
    assert cli.ok("head") == before
    return err


def test_a_revision_label_is_read_as_a_negotiator_reads_it(cli):
    cli.ok("revise", SYMBOL, "--label", "Rev.1")
    for args in (("--label", "Rev.1 "), ("--label", "Rev.1 ", "--dry-run")):
        assert "the revision label 'Rev.1 ' has spaces around it or doubled; write it " \
               "'Rev.1'" in refused(cli, "revise", SYMBOL, *args)
    for args in (("--label", "rev.1"), ("--label", "rev.1", "--dry-run")):
        assert "already has a revision 'Rev.1'" in refused(cli, "revise", SYMBOL, *args)
    for args in (("--label", ""), ("--label", "", "--dry-run")):
        assert "a revision needs a label" in refused(cli, "revise", SYMBOL, *args)
    assert "write it 'Rev.2 final'" in refused(cli, "revise", SYMBOL, "--label", "Rev.2  final",
                                               "--dry-run")
    shown = cli.ok("show", SYMBOL, "--revision", " rev.1 ", "--para", "OP1")
    assert shown.startswith("OP1")
    assert cli.ok("revise", SYMBOL, "--label", "Rev.2", "--dry-run").count("would issue Rev.2")


def test_an_option_taking_one_value_is_refused_when_given_twice(cli):
    err = refused(cli, "amend", SYMBOL, "OP1", "-d", "EU", "-d", "USA", "--replace",
                  "Takes note of", "--with", "Welcomes", "--yes")
    assert "--delegation/-d given 2 times" in err and "--supporters" in err
    err = refused(cli, "amend", SYMBOL, "OP1", "-d", "EU", "--replace", "Takes note of",
                  "--with", "Welcomes", "--replace", "report", "--with", "study", "--yes")
    assert "--replace given 2 times" in err and "one amendment" in err
    assert "--para given 2 times" in refused(cli, "amendments", SYMBOL, "--para", "OP1",
                                             "--para", "OP2")
    err = refused(cli, "submit", SYMBOL, str(SAMPLES / "submissions" / "eu.json"), "-d", "EU",
                  "-d", "USA", "--yes")
    assert "--by-filename or --map" in err
    err = refused(cli, "submit", SYMBOL, "x.docx", "--author", "Anna=EU", "--author",
                  "Anna=USA", "--yes")
    assert "--author gives 'Anna' twice, as EU and as USA" in err
    cli.ok("amend", SYMBOL, "OP1", "-d", "EU", "--replace", "Takes note of", "--with",
           "Welcomes", "--supporters", "USA", "--supporters", "JPN", "--yes")  # repeatable
    data = json.loads(cli.ok("amendments", SYMBOL, "--json"))
    assert data[0]["proponents"] == ["EU"] and data[0]["supporters"] == ["USA", "JPN"]


def test_a_proponent_never_supports_its_own_amendment_and_supporters_are_named_once(
        cli, tmp_path):
    amend = ("amend", SYMBOL, "OP14", "-d", "EU", "--replace", "scale up", "--with", "increase")
    for last in ("--dry-run", "--yes"):
        err = refused(cli, *amend, "--supporters", "G77,EU", last)
        assert "EU proposes it: a proponent does not support its own amendment" in err
        err = refused(cli, *amend, "--supporters", "USA,USA", last)
        assert "USA is named twice as a supporter" in err
    own = tmp_path / "jpn.json"
    own.write_text(json.dumps({"document": SYMBOL, "delegation": "JPN", "amendments": [
        {"paragraph": "OP4", "replace": "secure", "with": "ensure",
         "supporters": ["USA", "JPN"]}]}), encoding="utf-8")
    for last in ("--dry-run", "--yes"):
        err = refused(cli, "submit", SYMBOL, str(own), last)
        assert "JPN proposes it: a proponent does not support its own amendment" in err
    assert json.loads(cli.ok("amendments", SYMBOL, "--json")) == []


def test_a_dry_run_refuses_what_the_real_run_refuses(cli, tmp_path):
    cli.ok("revise", SYMBOL, "--label", "Rev.1")
    old = tmp_path / "jpn.json"
    old.write_text(json.dumps({"document": SYMBOL, "delegation": "JPN", "revision": "Zero draft",
                               "amendments": [{"paragraph": "OP4", "replace": "secure",
                                               "with": "ensure"}]}), encoding="utf-8")
    before = cli.ok("head")  # made on the zero draft: anchored onto Rev.1, in a dry run too
    for each in ((), ("--each",)):
        code, out, err = cli.run("submit", SYMBOL, str(old), *each, "--dry-run")
        assert code == 0 and "the file was made on Zero draft, not on Rev.1" in err
        assert "OP4: replace 'secure' -> 'ensure'  (JPN)" in out
    assert cli.ok("head") == before
    new = tmp_path / "usa.json"
    new.write_text(json.dumps({"document": SYMBOL, "delegation": "USA", "amendments": [
        {"paragraph": "OP4", "replace": "secure", "with": "ensure"}]}), encoding="utf-8")
    cli.ok("submit", SYMBOL, str(new), "--yes")
    assert "already recorded" in cli.ok("submit", SYMBOL, str(new), "--yes")
    assert "nothing recorded" in cli.run("submit", SYMBOL, str(new), "--dry-run")[1]
    assert "already recorded as A1" in cli.ok("amend", SYMBOL, "OP4", "-d", "USA", "--replace",
                                              "secure", "--with", "ensure", "--yes")
    again = ("amend", SYMBOL, "OP4", "-d", "USA", "--replace", "secure", "--with", "ensure",
             "--reason", "said again")  # another submission: the same change, refused
    said = [refused(cli, *again, last) for last in ("--dry-run", "--yes")]
    assert said[0] == said[1] and "already proposes this as A1" in said[0]
    assert cli.run(*again, "--allow-duplicates", "--dry-run")[0] == 0


def test_the_amendment_list_takes_codes_in_any_case_and_refuses_unknown_ones(cli):
    cli.ok("amend", SYMBOL, "OP1", "-d", "EU", "--replace", "Takes note of", "--with",
           "Welcomes", "--yes")
    assert cli.ok("amendments", SYMBOL, "--delegation", "eu").endswith("1 amendment\n")
    assert cli.ok("amendments", SYMBOL, "-d", "usa").endswith("0 amendments\n")
    err = refused(cli, "amendments", SYMBOL, "--delegation", "NOPE")
    assert "unknown delegation NOPE; the store knows: EU, G77, JPN, USA" in err


def test_an_insertion_is_previewed_with_its_spaces_and_its_side(cli):
    out = cli.ok("amend", SYMBOL, "OP13", "-d", "JPN", "--insert", " technical", "--before",
                 "assistance", "--dry-run", "--literal")
    assert "OP13: insert ' technical' before 'assistance'  (JPN)" in out
    out = cli.ok("amend", SYMBOL, "OP13", "-d", "JPN", "--insert", " technical", "--before",
                 "assistance", "--dry-run")  # its space where it keeps the words apart
    assert "OP13: insert 'technical ' before 'assistance'  (JPN)" in out
    out = cli.ok("amend", SYMBOL, "OP13", "-d", "JPN", "--insert", "technical ", "--after",
                 "through", "--yes", "--literal")
    assert "OP13: insert 'technical ' after 'through'  (JPN)" in out
    assert "insert 'technical ' after 'through'" in cli.ok("amendments", SYMBOL)
