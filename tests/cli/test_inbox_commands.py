"""`drafting submit` on an inbox: a folder of delegations' Word copies (tracked and edited)
and JSON files in one command, whose each is told by its name (--by-filename) or a CSV
map (--map), all or nothing, or file by file (--each). A real SQLite store."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_workflow_commands import CODES, SAMPLES, SUPPORTERS, SYMBOL, count, drafting, events, ok


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A store with the sample zero draft and the delegations, no amendment yet."""
    db = tmp_path_factory.mktemp("inbox-base") / "negotiation.db"
    ok(db, "init")
    ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", *CODES, *SUPPORTERS)
    return db


@pytest.fixture
def db(base, tmp_path) -> Path:
    copy = tmp_path / "negotiation.db"
    shutil.copy(base, copy)
    return copy


@pytest.fixture
def inbox(db) -> Path:
    """The samples as a secretariat receives them: Word copies with tracked changes, an
    edited copy, a JSON file."""
    folder = db.parent / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "docx" / "eu-tracked.docx", folder / "EU.docx")
    shutil.copy(SAMPLES / "docx" / "usa-tracked.docx", folder / "usa-comments.docx")
    shutil.copy(SAMPLES / "docx" / "jpn-edited.docx", folder / "jpn edited.docx")
    shutil.copy(SAMPLES / "submissions" / "g77.json", folder / "G77_rev.json")
    return folder


def files(folder: Path) -> list[str]:
    return sorted(str(path) for path in folder.iterdir() if path.suffix != ".csv")


def test_an_inbox_goes_in_by_file_name_with_a_preview_by_delegation(db, inbox):
    preview = ok(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--dry-run")
    lines = preview.splitlines()
    heads = [line for line in lines if line.startswith("  ") and not line.startswith("    ")]
    assert heads == ["  EU (1 file, 6 amendments):", "  G77 (1 file, 6 amendments):",
                     "  JPN (1 file, 5 amendments):", "  USA (1 file, 6 amendments):"]
    jpn = lines.index("  JPN (1 file, 5 amendments):")
    assert all(line.startswith("    jpn edited.docx: ") for line in lines[jpn + 1:jpn + 6])
    assert lines[0] == "To be recorded (23 amendments):" and count(db) == 0

    done = json.loads(ok(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--yes",
                         "--json"))
    assert [(f["file"], f["delegation"], len(f["recorded"]), f["error"]) for f in done["files"]] \
        == [("EU.docx", "EU", 6, None), ("G77_rev.json", "G77", 6, None),
            ("jpn edited.docx", "JPN", 5, None), ("usa-comments.docx", "USA", 6, None)]
    assert len(done["receipts"]) == 4
    found = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert {a["proponents"][0] for a in found} == {"EU", "G77", "JPN", "USA"} and len(found) == 23


def test_word_lock_files_in_the_inbox_are_passed_over_with_a_note(db, inbox):
    # Word keeps "~$EU.docx" beside EU.docx while it is open: not a zip, nobody's file
    (inbox / "~$EU.docx").write_bytes(b"\x0bJane Doe" + b"\x00" * 151)
    done = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--yes")
    assert done.returncode == 0, done.stderr
    assert f"note: {inbox / '~$EU.docx'} passed over: a lock file Word keeps beside a " \
        "document while it is open, not a submission" in done.stderr
    assert count(db) == 23
    alone = drafting(db, "submit", SYMBOL, str(inbox / "~$EU.docx"), "--delegation", "EU")
    assert alone.returncode != 0
    assert "drafting: nothing to submit: every file given was passed over" in alone.stderr


def test_one_file_with_nothing_to_submit_says_the_others_were_not_recorded(db, inbox):
    shutil.copy(SAMPLES / "docx" / "zero-draft.docx", inbox / "AOSIS.docx")  # sent back as is
    refused = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--yes")
    assert refused.returncode == 1 and count(db) == 0
    assert refused.stderr.startswith("drafting: 1 file of 5 cannot be submitted; nothing was "
                                     "recorded: correct it or leave it out (--each records "
                                     "the others)")
    assert f"{inbox / 'AOSIS.docx'}: no change found against {SYMBOL}" in refused.stderr
    alone = drafting(db, "submit", SYMBOL, str(inbox / "AOSIS.docx"), "-d", "AOSIS", "--yes")
    assert alone.stderr.startswith(f"drafting: {inbox / 'AOSIS.docx'}: no change found")


def test_a_name_that_tells_nobody_refuses_the_whole_inbox(db, inbox):
    shutil.copy(inbox / "EU.docx", inbox / "comments.docx")
    (inbox / "EU-USA.docx").write_text("never read", encoding="utf-8")
    before = events(db)
    result = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--yes")
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("drafting: cannot tell whose 2 files are from their names; "
                            "nothing was recorded")
    assert "the store knows: AOSIS, AUS, EU, FJI, G77, JPN, NZL, USA" in first
    assert "comments.docx: its name starts with no delegation code" in result.stderr
    assert "EU-USA.docx: its name names both EU and USA" in result.stderr
    assert "To be recorded" not in result.stdout  # refused before any file is read
    assert events(db) == before and count(db) == 0


def test_each_records_the_other_files_and_says_which_failed(db, inbox):
    (inbox / "AOSIS.docx").write_text("not a Word file", encoding="utf-8")
    before = events(db)
    result = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--each",
                      "--yes", "--json")
    assert result.returncode == 1
    done = json.loads(result.stdout)
    by_file = {f["file"]: f for f in done["files"]}
    assert by_file["AOSIS.docx"]["recorded"] == [] and "not a Word .docx file" in \
        by_file["AOSIS.docx"]["error"]
    assert all(len(by_file[n]["recorded"]) > 0 and by_file[n]["error"] is None
               for n in ("EU.docx", "G77_rev.json", "jpn edited.docx", "usa-comments.docx"))
    assert "not submitted: " in result.stderr and "AOSIS.docx" in result.stderr
    assert "1 file not recorded (AOSIS.docx); 4 recorded" in result.stderr
    assert count(db) == 23 and events(db) == before + 4  # one event per file recorded

    # all or nothing (no --each): the same inbox records nothing, naming the file
    (inbox / "USA.docx").write_text("not a Word file either", encoding="utf-8")
    again = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--yes")
    assert again.returncode == 1 and "2 files cannot be submitted" in again.stderr
    assert "AOSIS.docx" in again.stderr and "USA.docx" in again.stderr
    assert events(db) == before + 4


def test_a_map_lists_the_files_their_delegations_and_word_authors(db, inbox):
    (inbox / "inbox.csv").write_text(
        "file,delegation,authors\n"
        "EU.docx,,Anna Schmidt (EU)=EU,Marc Dubois (EU)=G77\n"
        "usa-comments.docx,USA\n"
        "jpn edited.docx,JPN\n", encoding="utf-8")
    recorded = ok(db, "submit", SYMBOL, "--map", str(inbox / "inbox.csv"), "--yes")
    assert "EU.docx: recorded 6" in recorded and "jpn edited.docx: recorded 5" in recorded
    found = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    marc = [a for a in found if a["submitted_by"] == "Marc Dubois (EU)"]
    assert marc and all(a["proponents"] == ["G77"] for a in marc)
    assert "G77_rev.json" not in recorded  # not in the map: not submitted

    # a file given with the map must be in it; its other files are named, not sent
    only = drafting(db, "submit", SYMBOL, str(inbox / "G77_rev.json"), "--map",
                    str(inbox / "inbox.csv"), "--yes")
    assert only.returncode == 1 and "G77_rev.json is not in" in only.stderr


def test_a_bad_map_says_which_lines_and_records_nothing(db, inbox):
    (inbox / "bad.csv").write_text("EU.docx,EU\nusa-comments.docx,US\nmissing.docx,JPN\n",
                                   encoding="utf-8")
    before = events(db)
    result = drafting(db, "submit", SYMBOL, "--map", str(inbox / "bad.csv"), "--yes")
    assert result.returncode == 1
    assert "bad.csv: 2 problems; nothing was recorded; the store knows: AOSIS" in result.stderr
    assert "bad.csv, line 2: unknown delegation 'US'" in result.stderr
    assert "bad.csv, line 3: no file" in result.stderr
    assert events(db) == before and count(db) == 0


@pytest.mark.parametrize(("args", "says"), [
    (("--by-filename", "--delegation", "EU"), "use one of them"),
    (("--by-filename", "--map", "inbox.csv"), "--by-filename or --map, not both"),
])
def test_options_that_contradict_each_other_are_refused(db, inbox, args, says):
    result = drafting(db, "submit", SYMBOL, str(inbox / "EU.docx"), *args, "--yes")
    assert result.returncode == 1 and says in result.stderr and count(db) == 0
    bare = drafting(db, "submit", SYMBOL, "--yes")
    assert bare.returncode == 1 and "give the files to submit" in bare.stderr


def test_jobs_says_how_many_processes_read_the_word_files_with_the_same_outcome(db, inbox):
    dry = [ok(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--dry-run", "--jobs", n)
           for n in ("1", "3")]
    assert dry[0] == dry[1] and "To be recorded (23 amendments):" in dry[0]
    refused = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--jobs", "0")
    assert refused.returncode == 2 and "--jobs" in refused.stderr and count(db) == 0


def test_a_file_name_a_terminal_would_obey_is_shown_escaped(db, inbox):
    # a name is anything a sender chose: ESC ] 0 ; ... BEL retitles a terminal window
    (inbox / "jpn edited.docx").rename(inbox / "JPN\x1b]0;pwned\x07.docx")
    (inbox / "USA\nnew line.docx").write_text("not a Word file", encoding="utf-8")
    result = drafting(db, "submit", SYMBOL, *files(inbox), "--by-filename", "--each", "--yes")
    assert result.returncode == 1
    shown = result.stdout + result.stderr
    assert "\x1b" not in shown and "\x07" not in shown
    assert "JPN\\x1b]0;pwned\\x07.docx: recorded 5 amendments" in result.stdout
    assert "not submitted: " in result.stderr and "USA\\nnew line.docx" in result.stderr
