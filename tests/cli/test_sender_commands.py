"""Who a proposal is recorded as: delegation codes that differ only by hyphens are one
code; a Word author map never sends a delegation's own author to another; who acts
(--actor) never names another delegation than the one the proposal is entered for; an
author the map does not give is the file's delegation's; a delegation's name is text
as proposals are; a state is no group; two copies of one file are counted once. A real
SQLite store, the samples' Word copies."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from test_workflow_commands import SAMPLES, SYMBOL, count, drafting, events, ok

USA_TRACKED = SAMPLES / "docx" / "usa-tracked.docx"
EU_TRACKED = SAMPLES / "docx" / "eu-tracked.docx"


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A store with the sample zero draft and five delegations, no amendment yet."""
    db = tmp_path_factory.mktemp("senders-base") / "negotiation.db"
    ok(db, "init")
    ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "USA", "JPN")
    ok(db, "delegation", "add", "EU", "G77", "--group")
    return db


@pytest.fixture
def db(base, tmp_path) -> Path:
    copy = tmp_path / "negotiation.db"
    shutil.copy(base, copy)
    return copy


def authored(source: Path, target: Path, *authors: str) -> Path:
    """``source`` with its tracked changes' Word authors set in turn to ``authors`` (the
    last for the rest): the same copy, tracked by a delegation's staffers."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w",
                                                         zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                names = (name.encode() for name in (*authors, *[authors[-1]] * 10_000))
                data = re.sub(rb'w:author="[^"]*"',
                              lambda _, names=names: b'w:author="%s"' % next(names), data)
            new.writestr(item, data)
    return target


def refusal(db: Path, *args: str) -> str:
    result = drafting(db, *args)
    assert result.returncode == 1 and result.stdout == "", (result.stdout, result.stderr)
    return result.stderr


# Codes that differ only by hyphens


def test_a_code_differing_only_by_hyphens_is_refused_naming_the_one_in_the_store(db):
    before = events(db)
    said = refusal(db, "delegation", "add", "E-U", "G-77")
    assert said == ("drafting: 'E-U' is the delegation code EU, already in the store, with "
                    "other hyphens: codes are compared without regard to case or hyphens; "
                    "use EU, or another code; nothing was added\n")
    assert "'G-77' is the delegation code G77" in refusal(db, "delegation", "add", "G-77")
    assert "in another case and with other hyphens" in refusal(db, "delegation", "add", "g-77")
    assert "'J-PN2' is the delegation code JPN2, given with it, with other hyphens" in refusal(
        db, "delegation", "add", "JPN2", "J-PN2")
    listed = json.loads(ok(db, "delegation", "list", "--json"))
    assert [d["code"] for d in listed] == ["EU", "G77", "JPN", "USA"] and events(db) == before
    # the code typed with a hyphen is told as the store's, never read as another
    said = refusal(db, "submit", SYMBOL, str(EU_TRACKED), "-d", "E-U", "--dry-run")
    assert said == ("drafting: unknown delegation 'E-U': the store has EU, and a code is "
                    "written as the store writes it (codes are compared without regard to "
                    "case or hyphens, so they are one delegation); use EU\n")


# Word author maps


def test_a_map_sending_the_files_own_author_to_another_delegation_is_refused(db, tmp_path):
    usa = shutil.copy(USA_TRACKED, tmp_path / "usa.docx")
    (tmp_path / "inbox.csv").write_text("usa.docx,USA,USA=EU\n", encoding="utf-8")
    said = refusal(db, "submit", SYMBOL, "--map", str(tmp_path / "inbox.csv"), "--yes")
    assert said.startswith(f"drafting: {usa}: the Word author map gives 'USA' to EU, but "
                           "the name names USA, the delegation the file is submitted as; "
                           "nothing was recorded.")
    assert "correct the map ('USA=USA', or leave the author out)" in said
    assert count(db) == 0
    # the same slip given with --author, for a staffer whose name says the delegation
    roe = authored(USA_TRACKED, tmp_path / "roe.docx", "Jane Roe (USA)")
    said = refusal(db, "submit", SYMBOL, str(roe), "-d", "USA", "--author",
                   "Jane Roe (USA)=EU", "--dry-run")
    assert "gives 'Jane Roe (USA)' to EU, but the name names USA" in said
    # mapped to its own delegation, or to the delegation it names, it goes in as USA's
    out = ok(db, "submit", SYMBOL, str(roe), "-d", "USA", "--author", "Jane Roe (USA)=USA",
             "--yes")
    assert "recorded 6 amendments" in out
    found = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert {tuple(a["proponents"]) for a in found} == {("USA",)}


def test_a_preview_names_every_delegation_a_file_proposes_for(db, tmp_path):
    # USA's copy; its staffer Jane Doe typed changes the EU asked USA to carry
    mixed = authored(USA_TRACKED, tmp_path / "usa.docx", "USA", "USA", "USA", "USA",
                     "Jane Doe")
    preview = ok(db, "submit", SYMBOL, str(mixed), "-d", "USA", "--author", "Jane Doe=EU",
                 "--dry-run")
    heads = [line for line in preview.splitlines()
             if line.startswith("  ") and not line.startswith("    ")]
    shown = [line.rsplit("(", 1)[-1] for line in preview.splitlines()
             if line.startswith("    ")]
    assert heads == ["  USA/EU (1 file, 7 amendments):"]  # not "USA" above "(EU)" lines
    assert {"EU)", "USA)"} == set(shown)


def test_authors_the_map_does_not_give_are_the_delegation_given(db, tmp_path):
    # tracked by 'USA' and by a staffer, 'Jane Doe': the operator maps the staffer and
    # says the file is USA's; 'USA' is USA's then, as the file is
    usa = authored(USA_TRACKED, tmp_path / "usa.docx", "USA", "USA", "USA", "USA",
                   "Jane Doe")
    out = ok(db, "submit", SYMBOL, str(usa), "-d", "USA", "--author", "Jane Doe=USA", "--yes")
    assert "recorded 7 amendments" in out  # a replacement's two halves, by two authors
    found = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert {(a["submitted_by"], tuple(a["proponents"])) for a in found} == {
        ("USA", ("USA",)), ("Jane Doe", ("USA",))}


# Who acts


@pytest.fixture
def secure(db) -> tuple[Path, dict[str, str]]:
    """``db`` requiring tokens; the tokens, by holder."""
    tokens = json.loads(ok(db, "init", "--secure", "--json"))["tokens"]
    return db, tokens


def test_who_acts_naming_another_delegation_is_refused(secure, tmp_path):
    db, tokens = secure
    eu = ("--token", tokens["EU"])
    entered = tmp_path / "eu.json"
    entered.write_text(json.dumps({"document": SYMBOL, "delegation": "EU", "amendments": [
        {"paragraph": "OP5", "retain": True}]}), encoding="utf-8")
    before = events(db)
    said = refusal(db, "submit", SYMBOL, str(entered), "--actor", "Jane Roe (USA)", "--yes",
                   *eu)
    assert said.startswith(f"drafting: {entered}: who acts (the actor) 'Jane Roe (USA)' "
                           "names USA, another delegation, but this is EU's to record; "
                           "nothing was recorded.")
    assert "who acts (the actor) 'Jane Roe (USA)' names USA" in refusal(
        db, "submit", SYMBOL, str(entered), "--actor", "Jane Roe (USA)", "--dry-run", *eu)
    amend = ("amend", SYMBOL, "OP7", "-d", "EU", "--retain")
    for how in ("--yes", "--dry-run"):
        assert "(the actor) 'USA' names USA, another delegation, but this is EU's" in refusal(
            db, *amend, "--actor", "USA", how, *eu)
    assert events(db) == before and count(db) == 0
    # the EU's own staff, and the secretariat's entering it for the EU, are who acts
    ok(db, "submit", SYMBOL, str(entered), "--actor", "Anna Schmidt (EU)", "--yes", *eu)
    ok(db, *amend, "--actor", "Secretariat officer", "--yes", *eu)
    # withdrawing and supporting too
    assert "'Jane Roe (USA)' names USA" in refusal(db, "withdraw", "A1", "-d", "EU",
                                                   "--actor", "Jane Roe (USA)", *eu)
    assert "'EU' names EU, another delegation, but this is JPN's" in refusal(
        db, "support", "A1", "-d", "JPN", "--actor", "EU", "--token", tokens["JPN"])
    ok(db, "support", "A1", "-d", "JPN", "--actor", "Taro Yamada (JPN)", "--token",
       tokens["JPN"])
    log = ok(db, "log", SYMBOL)
    assert "(entered by Anna Schmidt (EU))" in log and "(entered by Secretariat officer)" in log
    assert "USA)" not in log


def test_drafting_actor_naming_another_delegation_is_refused(db, tmp_path, monkeypatch):
    entered = tmp_path / "eu.json"
    entered.write_text(json.dumps({"document": SYMBOL, "delegation": "EU", "amendments": [
        {"paragraph": "OP5", "retain": True}]}), encoding="utf-8")
    monkeypatch.setenv("DRAFTING_ACTOR", "Jane Roe (USA)")
    result = drafting(db, "submit", SYMBOL, str(entered), "--yes", stdin="")
    assert result.returncode == 1
    assert "who acts (the actor) 'Jane Roe (USA)' names USA" in result.stderr
    assert count(db) == 0


# Delegations: names, groups


def test_a_delegations_name_is_checked_as_text(db):
    before = events(db)
    said = refusal(db, "delegation", "add", "MEX", "--name", "Mexico\u200b")
    assert said.startswith("drafting: the name of MEX, character 6: U+200B (ZERO WIDTH "
                           "SPACE) shows nothing")
    said = refusal(db, "delegation", "add", "MEX", "--name", "M\u0435xico")  # Cyrillic е
    assert "mixes letters of two scripts" in said
    said = refusal(db, "delegation", "add", "MEX", "--name", "Mexico " * 700)
    assert "is 4,900 characters long, more than the 200 a name may have" in said
    assert events(db) == before
    ok(db, "delegation", "add", "CIV", "--name", "Côte d’Ivoire")
    ok(db, "delegation", "add", "CHN", "--name", "中华人民共和国")


def test_a_state_is_no_group(db):
    before = events(db)
    said = refusal(db, "delegation", "add", "EU2", "--member-of", "USA")
    assert said.startswith("drafting: USA is a state, not a group: delegations join a group; "
                           "nothing was added. A group is added as one (drafting delegation "
                           "add G77 --group)")
    assert events(db) == before
    assert "G77 members: BRA, CHN" in ok(db, "delegation", "add", "BRA", "CHN",
                                         "--member-of", "G77")
    ok(db, "delegation", "add", "AOSIS", "--group")
    ok(db, "delegation", "add", "FJI", "--member-of", "AOSIS")
    kinds = {d["code"]: d["kind"] for d in json.loads(ok(db, "delegation", "list", "--json"))}
    assert kinds["USA"] == "state" and kinds["AOSIS"] == "group" and kinds["FJI"] == "state"
    assert "every row matches" in ok(db, "verify")


# Two copies of one file


def test_two_copies_of_one_file_are_counted_once_in_the_preview(db, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    copies = [shutil.copy(USA_TRACKED, inbox / "USA.docx"),
              shutil.copy(USA_TRACKED, inbox / "usa-final.docx")]
    preview = ok(db, "submit", SYMBOL, *map(str, copies), "--by-filename", "--dry-run")
    lines = preview.splitlines()
    assert lines[:2] == ["To be recorded (6 amendments):", "  USA (2 files, 6 amendments):"]
    assert "    usa-final.docx: proposes the very same as USA.docx: recorded once, as " \
           "USA.docx" in lines
    out = ok(db, "submit", SYMBOL, *map(str, copies), "--by-filename", "--yes")
    assert "USA.docx: recorded 6 amendments" in out and count(db) == 6
    assert "usa-final.docx: already recorded as A1, A2, A3, A4, A5, A6" in out
