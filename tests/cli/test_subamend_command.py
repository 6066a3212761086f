"""Amendments to proposals from the command line (issue 16, point 2): `drafting amend` on
a proposed new paragraph by its compiled label (``OP9 bis``) or on any proposal by its id
(``A1``); shown nested under the proposal in the compilation, as a comment by its proponent
on the proposal in the merged Word draft, and made in the proposal's words by a revision."""

from __future__ import annotations

import json
import zipfile

import pytest
from test_receipt_commands import SAMPLES, SYMBOL, Cli

NEW = "Requests the Secretary-General to present a report on the implementation of the present resolution;"  # noqa: E501


@pytest.fixture
def cli(monkeypatch, capsys, tmp_path) -> Cli:
    cli = Cli(monkeypatch, capsys, tmp_path / "n.db")
    cli.ok("init")
    cli.ok("import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    cli.ok("delegation", "add", "EU", "USA", "JPN")
    cli.ok("amend", SYMBOL, "OP9", "-d", "EU", "--new-paragraph", NEW, "--yes")  # A1
    return cli


def test_a_proposed_paragraph_is_amended_by_its_label_and_shown_nested(cli, tmp_path):
    preview = cli.ok("amend", SYMBOL, "op9 bis", "-d", "USA", "--replace", "present a report",
                     "--with", "transmit a report", "--dry-run")
    assert "in the words A1 proposes, replace 'present a report' -> 'transmit a report'" \
        in preview
    cli.ok("amend", SYMBOL, "OP9 bis", "-d", "USA", "--replace", "present a report",
           "--with", "transmit a report", "--yes")  # A2
    cli.ok("amend", SYMBOL, "A1", "-d", "JPN", "--insert", " comprehensive", "--after",
           "a report", "--yes")  # A3
    listed = json.loads(cli.ok("amendments", SYMBOL, "--json"))
    assert [(a["id"], a.get("amends")) for a in listed] == [
        ("A1", None), ("A2", "A1"), ("A3", "A1")]
    compiled = tmp_path / "c.md"
    cli.ok("compile", SYMBOL, "-o", str(compiled))
    text = compiled.read_text(encoding="utf-8")
    bis = text.index("**OP9 bis** (EU) **Requests the Secretary-General to present a report")
    nested = text.index("↳ *Amendments to the proposal of EU (A1):* Requests the "
                        "Secretary-General to ~~present a report~~ **transmit a report** (USA)")
    assert bis < nested < text.index("**OP10**")
    assert "**comprehensive** (JPN)" in text[nested:text.index("**OP10**")]
    merged = tmp_path / "m.docx"
    cli.ok("merge", SYMBOL, "-o", str(merged))
    with zipfile.ZipFile(merged) as package:
        comments = package.read("word/comments.xml").decode("utf-8")
    assert 'w:author="USA"' in comments and "Amendment A2 (USA) to this proposal: replace " \
        "'present a report' with 'transmit a report'." in comments


def test_a_revision_makes_the_accepted_amendment_in_the_accepted_proposal(cli):
    cli.ok("amend", SYMBOL, "OP9 bis", "-d", "USA", "--replace", "present a report",
           "--with", "transmit a report", "--yes")
    cli.ok("decide", "A2", "accept")
    code, _, err = cli.run("revise", SYMBOL, "--label", "Rev.1", "--dry-run")
    assert code != 0 and "A1, the proposal it amends, is not decided" in err
    cli.ok("decide", "A1", "accept")
    cli.ok("revise", SYMBOL, "--label", "Rev.1")
    shown = " ".join(cli.ok("show", SYMBOL).split())
    assert "OP10 Requests the Secretary-General to transmit a report on the implementation" \
        in shown
    assert cli.ok("verify").startswith("the record is intact")


def test_what_cannot_be_amended_is_refused_and_nothing_is_recorded(cli):
    before = cli.ok("log", SYMBOL)
    for args, message in [
        (("A1", "-d", "EU", "--delete", " on the implementation"), "EU's own proposal"),
        (("A1", "-d", "USA", "--replace", "Calls upon", "--with", "Urges"), "does not occur"),
        (("A7", "-d", "USA", "--delete", "report"), "no pending proposal with this id"),
        (("OP9 ter", "-d", "USA", "--delete", "report"), "no such paragraph"),
    ]:
        code, _, err = cli.run("amend", SYMBOL, *args, "--yes")
        assert code != 0 and message in err, (args, err)
    assert cli.ok("log", SYMBOL) == before


def test_a_json_submission_amends_a_proposal_by_its_label_or_its_id(cli, tmp_path):
    submission = tmp_path / "jpn.json"
    submission.write_text(json.dumps({"document": SYMBOL, "delegation": "JPN", "amendments": [
        {"paragraph": "OP9 bis", "replace": "present a report", "with": "report"},
        {"paragraph": "a1", "insert": " annually", "after": "resolution"},
        {"paragraph": "OP2", "retain": True},
    ]}), encoding="utf-8")
    cli.ok("submit", SYMBOL, str(submission), "--yes")
    listed = json.loads(cli.ok("amendments", SYMBOL, "--json"))
    assert [(a["id"], a.get("amends"), a["kind"]) for a in listed] == [
        ("A1", None, "new paragraph"), ("A2", "A1", "replace"), ("A3", "A1", "insert"),
        ("A4", None, "retain")]
    wrong = tmp_path / "usa.json"
    wrong.write_text(json.dumps({"document": SYMBOL, "delegation": "USA", "amendments": [
        {"paragraph": "A2", "delete": "report"}]}), encoding="utf-8")
    code, _, err = cli.run("submit", SYMBOL, str(wrong), "--yes")
    assert code != 0 and "A2 is itself an amendment to A1" in err


def test_a_label_the_compilation_gave_a_withdrawn_proposal_does_not_move_to_another(
        cli, tmp_path):
    """Finding 2 of probe 16: JPN's file amends "OP9 bis" (the EU's A1 in the compilation
    it read); the EU withdrew A1 and the USA's A2 became "OP9 bis"."""
    cli.ok("amend", SYMBOL, "OP9", "-d", "USA", "--new-paragraph",
           "Requests the Secretary-General to present a report on market access;", "--yes")
    cli.ok("withdraw", "A1", "-d", "EU")
    submission = tmp_path / "jpn.json"
    submission.write_text(json.dumps({"document": SYMBOL, "delegation": "JPN", "amendments": [
        {"paragraph": "OP9 bis", "replace": "present a report", "with": "report"}]}),
        encoding="utf-8")
    before = cli.ok("log", SYMBOL)
    code, _, err = cli.run("submit", SYMBOL, str(submission), "--yes")
    assert code != 0 and "the proposal of EU (A1), withdrawn since; it now names the " \
        "proposal of USA (A2)" in err, err
    assert cli.ok("log", SYMBOL) == before
    cli.ok("amend", SYMBOL, "A2", "-d", "JPN", "--replace", "present a report", "--with",
           "report", "--yes")  # by its id, as the refusal says


def test_an_amendment_to_identical_proposals_stays_when_one_proponent_withdraws(cli, tmp_path):
    """Finding 4 of probe 16: JPN amended the proposal compiled "(EU, USA)" (by its first
    id, A2); the EU withdrew A2 and JPN's amendment went stale, though the USA's A3
    still proposed the same words."""
    for code in ("EU", "USA"):  # A2, A3
        cli.ok("amend", SYMBOL, "OP2", "-d", code, "--alternative", NEW, "--yes")
    cli.ok("amend", SYMBOL, "A2", "-d", "JPN", "--replace", "present a report", "--with",
           "transmit a report", "--yes")  # A4
    cli.ok("withdraw", "A2", "-d", "EU")
    compiled = tmp_path / "c.md"
    cli.ok("compile", SYMBOL, "-o", str(compiled))
    text = compiled.read_text(encoding="utf-8")
    assert "↳ *Amendment to the proposal of USA (A3):*" in text and "Stale" not in text
    cli.ok("decide", "A4", "accept")
    cli.ok("decide", "A3", "accept")
    cli.ok("revise", SYMBOL, "--label", "Rev.1")
    assert "to transmit a report on the implementation" in " ".join(
        cli.ok("show", SYMBOL, "--para", "OP2").split())
    listed = {a["id"]: a for a in json.loads(cli.ok("amendments", SYMBOL, "--json"))}
    assert listed["A4"]["amends"] == "A2"  # the record keeps what JPN amended
    assert cli.ok("verify").startswith("the record is intact")


def test_amendments_of_a_proposed_paragraph_list_those_following_its_identical_twin(cli):
    cli.ok("amend", SYMBOL, "OP9", "-d", "USA", "--new-paragraph", NEW, "--yes")  # A2, as A1
    cli.ok("amend", SYMBOL, "A1", "-d", "JPN", "--replace", "present a report", "--with",
           "transmit a report", "--yes")  # A3
    cli.ok("withdraw", "A1", "-d", "EU")
    listed = json.loads(cli.ok("amendments", SYMBOL, "--para", "OP9 bis", "--json"))
    assert [a["id"] for a in listed] == ["A2", "A3"]
