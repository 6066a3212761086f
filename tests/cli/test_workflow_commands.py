"""The negotiation workflow on the command line, on a real SQLite store: through the entry
point `drafting` runs, in this process (quick), and as real processes where standard input
or the terminal matters.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples"
SYMBOL = "A/C.2/81/L.7"
CODES = ("EU", "G77", "USA", "JPN", "AOSIS")
SUPPORTERS = ("AUS", "NZL", "FJI")  # named as supporters in aosis.json


def drafting(db: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """`drafting ARGS` on the store ``db``: a real process where what it reads on standard
    input matters, else the same entry point in this process (the same code, quicker)."""
    if stdin is None:
        return _in_process(db, args)
    env = dict(os.environ)
    env["DRAFTING_DB"] = f"sqlite:///{db}"
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args], input=stdin,
                          capture_output=True, text=True, timeout=120, env=env)


def _in_process(db: Path, args: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    from drafting_cli.app import main

    out, err = io.StringIO(), io.StringIO()
    saved = {k: os.environ.pop(k, None) for k in ("DRAFTING_DB", "DRAFTING_TOKEN",
                                                  "DRAFTING_ACTOR")}
    os.environ["DRAFTING_DB"] = f"sqlite:///{db}"
    argv, sys.argv = sys.argv, ["drafting", *args]
    code: int | str | None = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as ended:
        code = ended.code
    finally:
        sys.argv = argv
        os.environ.pop("DRAFTING_DB", None)
        os.environ.update({k: v for k, v in saved.items() if v is not None})
    status = code if isinstance(code, int) else (0 if code is None else 1)
    return subprocess.CompletedProcess(list(args), status, out.getvalue(), err.getvalue())


def ok(db: Path, *args: str) -> str:
    result = drafting(db, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def count(db: Path) -> int:
    return len(json.loads(ok(db, "amendments", SYMBOL, "--json")))


def events(db: Path) -> int:
    return len(json.loads(ok(db, "log", SYMBOL, "--json")))


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A store with the sample zero draft and the delegations, no amendment yet."""
    db = tmp_path_factory.mktemp("base") / "negotiation.db"
    ok(db, "init")
    assert "40 paragraphs" in ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", *CODES, *SUPPORTERS)
    return db


@pytest.fixture(scope="module")
def word_files(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    sys.path.insert(0, str(SAMPLES))
    try:
        import make_docx_samples
    finally:
        sys.path.remove(str(SAMPLES))
    make_docx_samples.main([str(folder)])
    return folder


@pytest.fixture
def db(base, tmp_path) -> Path:
    copy = tmp_path / "negotiation.db"
    shutil.copy(base, copy)
    return copy


@pytest.fixture
def submitted(db) -> Path:
    """The store with the five sample JSON submissions recorded."""
    ok(db, "submit", SYMBOL, *sorted(map(str, (SAMPLES / "submissions").glob("*.json"))),
       "--yes")
    return db


def test_every_command_has_help_with_an_example(db):
    commands = ("import", "show", "brackets", "amend", "submit", "withdraw", "amendments",
                "compile", "merge", "decide", "agree", "revise", "diff", "log", "export")
    listed = ok(db, "--help")
    for command in commands:
        assert command in listed
        shown = ok(db, command, "--help")
        examples = [line for line in shown.splitlines() if "Example:" in line]
        assert examples, command
        assert all(line.strip().startswith("Example:") for line in examples), shown
    for sub in ("add", "list"):
        assert "Example:" in ok(db, "delegation", sub, "--help")


def test_delegations_listed_as_json(db):
    codes = [d["code"] for d in json.loads(ok(db, "delegation", "list", "--json"))]
    assert sorted(codes) == sorted((*CODES, *SUPPORTERS))
    again = drafting(db, "delegation", "add", "EU", "CAN")
    assert again.returncode == 1 and "EU" in again.stderr
    assert "CAN" not in ok(db, "delegation", "list")  # all or none


def test_show_and_brackets_read_the_store(db):
    shown = ok(db, "show", SYMBOL, "--para", "OP24")
    assert shown.startswith("OP24") and "[submit / present]" in shown
    from_store = json.loads(ok(db, "brackets", SYMBOL, "--json"))
    from_file = json.loads(ok(db, "brackets", str(SAMPLES / "zero-draft.md"), "--json"))
    assert from_store["total"] == from_file["total"] > 0


def test_submit_json_files_records_each_file_whole(submitted):
    found = json.loads(ok(submitted, "amendments", SYMBOL, "--json"))
    expected = sum(len(json.loads(p.read_text(encoding="utf-8"))["amendments"])
                   for p in (SAMPLES / "submissions").glob("*.json"))
    assert len(found) == expected
    assert {a["proponents"][0] for a in found} == set(CODES)
    eu = json.loads(ok(submitted, "amendments", SYMBOL, "-d", "EU", "--json"))
    assert eu and all(a["proponents"] == ["EU"] for a in eu)
    resent = ok(submitted, "submit", SYMBOL, str(SAMPLES / "submissions" / "eu.json"), "--yes")
    assert "nothing new was recorded" in resent
    assert count(submitted) == expected


def test_submit_word_files_with_an_author_map(db, word_files):
    eu = ok(db, "submit", SYMBOL, str(word_files / "eu-tracked.docx"), "--delegation", "EU",
            "--author", "Anna Schmidt (EU)=EU", "--author", "Marc Dubois (EU)=EU", "--yes")
    assert "eu-tracked.docx: recorded" in eu
    usa = ok(db, "submit", SYMBOL, str(word_files / "usa-tracked.docx"), "--delegation", "USA",
             "--yes")
    assert "usa-tracked.docx: recorded" in usa
    found = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert {a["proponents"][0] for a in found} == {"EU", "USA"}
    assert {a["submitted_by"] for a in found if a["proponents"] == ["EU"]} == {
        "Anna Schmidt (EU)", "Marc Dubois (EU)"}


def test_word_file_without_delegation_is_refused(db, word_files):
    result = drafting(db, "submit", SYMBOL, str(word_files / "jpn-edited.docx"), "--yes")
    assert result.returncode == 1 and "--delegation" in result.stderr
    assert count(db) == 0


def test_amend_previews_then_records_only_when_confirmed(db):
    args = ("amend", SYMBOL, "OP24", "--delegation", "JPN", "--replace", "submit", "--with",
            "transmit", "--reason", "clearer")
    dry = drafting(db, *args, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "OP24: replace 'submit' -> 'transmit'  (JPN)" in dry.stdout
    assert "nothing recorded" in dry.stdout
    assert count(db) == 0
    refused = drafting(db, *args, stdin="")
    assert refused.returncode == 1
    assert refused.stderr == "drafting: nothing recorded: add --yes to confirm without a terminal\n"
    assert "replace 'submit' -> 'transmit'" in refused.stdout  # shown even when refused
    assert count(db) == 0
    done = ok(db, *args, "--yes")
    assert "recorded 1 amendment: A1" in done
    [amendment] = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert (amendment["paragraph"], amendment["old_text"], amendment["new_text"],
            amendment["reason"]) == ("OP24", "submit", "transmit", "clearer")


def test_submit_dry_run_records_nothing(db):
    result = drafting(db, "submit", SYMBOL, str(SAMPLES / "submissions" / "usa.json"),
                      "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "usa.json: OP23: delete the paragraph  (USA)" in result.stdout
    assert count(db) == 0


@pytest.mark.parametrize(("args", "says"), [
    (("amend", "A/C.2/81/L.99", "OP1", "-d", "EU", "--retain", "--yes"), "A/C.2/81/L.99"),
    (("amend", SYMBOL, "OP99", "-d", "EU", "--retain", "--yes"), "OP99"),
    (("amend", SYMBOL, "OP24", "-d", "EU", "--delete", "no such words", "--yes"),
     "'no such words' does not occur"),
    (("amend", SYMBOL, "OP24", "-d", "XYZ", "--retain", "--yes"), "unknown delegation XYZ"),
    (("submit", SYMBOL, str(SAMPLES / "submissions" / "eu.json"), "-d", "USA", "--yes"),
     "not of USA"),
    (("compile", SYMBOL, "-o", "out.odt"), "'.odt'"),
    (("withdraw", "A999", "-d", "EU"), "A999"),
    (("decide", "A999", "accept"), "A999"),
    (("agree", SYMBOL, "OP99"), "no paragraph OP99"),
    (("show", "A/C.2/81/L.99"), "A/C.2/81/L.99"),
])
def test_errors_say_what_is_wrong_and_change_nothing(submitted, args, says):
    before = (count(submitted), events(submitted))
    result = drafting(submitted, *args)
    assert result.returncode == 1
    first, *rest = result.stderr.splitlines()
    assert first.startswith("drafting: ") and says in first
    assert len(rest) <= 1 and "Traceback" not in result.stderr  # at most the paragraph shown
    assert (count(submitted), events(submitted)) == before
    assert "the record is intact" in ok(submitted, "verify")


def test_unknown_supporter_refuses_every_file(db):
    fresh = db.with_name("fresh.db")
    ok(fresh, "init")
    ok(fresh, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(fresh, "delegation", "add", *CODES)
    result = drafting(fresh, "submit", SYMBOL,
                      *sorted(map(str, (SAMPLES / "submissions").glob("*.json"))), "--yes")
    assert result.returncode == 1
    for code in ("AUS", "FJI", "NZL"):  # said where: the file and the amendment
        assert f"aosis.json, amendment 3 (OP9): the supporter '{code}' is not known" in \
            result.stderr
    assert count(fresh) == 0


def test_compile_to_every_format(submitted, tmp_path):
    for ext in ("html", "md", "txt", "docx"):
        out = tmp_path / f"compilation.{ext}"
        assert f"wrote {out}" in ok(submitted, "compile", SYMBOL, "-o", str(out))
    assert "<html" in (tmp_path / "compilation.html").read_text(encoding="utf-8").lower()
    markdown = (tmp_path / "compilation.md").read_text(encoding="utf-8")
    assert "(EU)" in markdown and "**OP10**" in markdown
    word = docx.Document(str(tmp_path / "compilation.docx"))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "(EU)" in text and "(G77)" in text
    only_eu = tmp_path / "eu.md"
    ok(submitted, "compile", SYMBOL, "-o", str(only_eu), "-d", "EU")
    assert "(G77)" not in only_eu.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.tmp"))


def test_merge_writes_tracked_changes_by_delegation(submitted, tmp_path):
    out = tmp_path / "merged.docx"
    ok(submitted, "merge", SYMBOL, "-o", str(out))
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    authors = set(re.findall(r'<w:ins [^>]*w:author="([^"]+)"', xml))
    assert {"EU", "USA"} <= authors
    ok(submitted, "merge", SYMBOL, "-o", str(out), "--delegation", "EU")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert set(re.findall(r'w:author="([^"]+)"', xml)) == {"EU"}


def test_withdraw_decide_agree_revise_diff_log_export(submitted, tmp_path):
    found = json.loads(ok(submitted, "amendments", SYMBOL, "--para", "OP24", "--json"))
    eu = next(a["id"] for a in found if a["proponents"] == ["EU"])
    g77 = next(a["id"] for a in found if a["proponents"] == ["G77"])
    refused = drafting(submitted, "withdraw", eu, "-d", "USA")
    assert refused.returncode == 1 and "only a proponent" in refused.stderr
    assert "accepted" in ok(submitted, "decide", eu, "accept", "--note", "informals")
    ok(submitted, "withdraw", g77, "-d", "G77")
    assert "agreed ad ref" in ok(submitted, "agree", SYMBOL, "OP1", "--ad-ref")
    issued = ok(submitted, "revise", SYMBOL, "--label", "Rev.1")
    assert issued.startswith("issued Rev.1")
    op24 = ok(submitted, "show", SYMBOL, "--para", "OP24")
    assert "[submit / present]" not in op24 and "present" in op24
    assert "submit" in ok(submitted, "show", SYMBOL, "--para", "OP24", "--revision", "Zero draft")
    statuses = {a["id"]: a["status"] for a in
                json.loads(ok(submitted, "amendments", SYMBOL, "--json"))}
    assert statuses[eu] == "accepted" and statuses[g77] == "withdrawn"
    diff = tmp_path / "diff.md"
    ok(submitted, "diff", SYMBOL, "Zero draft", "Rev.1", "-o", str(diff))
    assert "OP24" in diff.read_text(encoding="utf-8")
    kinds = [e["kind"] for e in json.loads(ok(submitted, "log", SYMBOL, "--json"))]
    assert kinds[0] == "import" and kinds[-1] == "revise"
    assert {"decide", "withdraw", "agree"} <= set(kinds)
    exported = tmp_path / "l7.json"
    ok(submitted, "export", SYMBOL, "--format", "json", "-o", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert [r["label"] for r in data["revisions"]] == ["Zero draft", "Rev.1"]
    assert len(data["amendments"]) == len(statuses)
    assert "the record is intact" in ok(submitted, "verify")


def test_revise_accepts_the_same_proposal_from_another_delegation_with_it(submitted):
    found = json.loads(ok(submitted, "amendments", SYMBOL, "--para", "OP10", "--json"))
    same = [a for a in found if a["new_text"] == "take effective measures to prevent and combat"]
    eu, usa = (next(a["id"] for a in same if a["proponents"] == [code]) for code in ("EU", "USA"))
    ok(submitted, "decide", eu, "accept")
    issued = ok(submitted, "revise", SYMBOL, "--label", "Rev.1")
    lines = issued.splitlines()
    assert f"  {usa} (USA): proposes the same as {eu} (EU)" in lines
    assert not any(line.startswith(f"  {usa}: the words") for line in lines)  # not stale
    statuses = {a["id"]: a["status"] for a in
                json.loads(ok(submitted, "amendments", SYMBOL, "--json"))}
    assert statuses[eu] == statuses[usa] == "accepted"
    assert "the record is intact" in ok(submitted, "verify")


def test_revise_settles_brackets_and_brackets_shows_the_change(db, tmp_path):
    numbered = ok(db, "brackets", SYMBOL, "--para", "OP22")
    assert "#1 [, [including through] voluntary contributions,]" in numbered
    assert "#2 [including through]" in numbered
    refused = drafting(db, "revise", SYMBOL, "--label", "Rev.1", "--keep", "OP24")
    assert refused.returncode == 1 and '--choose "OP24#1=..."' in refused.stderr
    assert "Rev.1" not in ok(db, "log", SYMBOL)
    issued = ok(db, "revise", SYMBOL, "--label", "Rev.1", "--choose", "OP24=present",
                "--keep", "OP22#2", "--drop", "OP21")
    assert "issued Rev.1: 40 paragraphs, 6 brackets (Zero draft: 9)" in issued
    lines = ok(db, "brackets", SYMBOL).splitlines()
    assert "OP24           0   (Zero draft: 1)" in lines
    assert lines[-1] == "Total          6   (Zero draft: 9; 3 fewer)"
    report = json.loads(ok(db, "brackets", SYMBOL, "--json"))
    assert report["previous"] == {"revision": "Zero draft", "total": 9}
    zero = ok(db, "brackets", SYMBOL, "--revision", "Zero draft").splitlines()
    assert zero[-1] == "Total          9"  # nothing before the zero draft to compare with


def test_show_writes_a_revision_to_circulate(db, tmp_path):
    target = tmp_path / "Zero draft.docx"
    assert "40 paragraphs" in ok(db, "show", SYMBOL, "-o", str(target))
    word = docx.Document(str(target))  # a text from Markdown: written in the UN layout
    texts = [p.text for p in word.paragraphs]
    assert word.sections[0].header.paragraphs[0].text == "A/C.2/81/L.7"
    assert any("[submit / present]" in t for t in texts)
    assert not any(t.startswith("PP1") for t in texts)  # preambular paragraphs unlabelled
    from drafting.readers import read_draft

    back = read_draft(target)
    assert [p.label for p in back.paragraphs][:2] == ["PP1", "PP2"] and len(back.paragraphs) == 40
    markdown = tmp_path / "zero.md"
    ok(db, "show", SYMBOL, "--revision", "Zero draft", "-o", str(markdown))
    again = drafting(db, "import", str(markdown), "--doc", "copy")
    assert again.returncode == 0 and "40 paragraphs" in again.stdout
    refused = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "x.odt"))
    assert refused.returncode == 1 and "use .docx, .pdf, .md, .txt" in refused.stderr
    assert not (tmp_path / "x.odt").exists()


def test_deciding_a_withdrawn_amendment_is_refused_and_recorded_nowhere(submitted):
    found = json.loads(ok(submitted, "amendments", SYMBOL, "--para", "OP24", "--json"))
    g77 = next(a["id"] for a in found if a["proponents"] == ["G77"])
    ok(submitted, "withdraw", g77, "-d", "G77")
    before = events(submitted)
    refused = drafting(submitted, "decide", g77, "accept")
    assert refused.returncode == 1
    assert refused.stderr.count("\n") <= 2 and f"{g77} was withdrawn" in refused.stderr
    assert events(submitted) == before


def test_a_json_file_breaking_the_schema_lists_every_problem(db, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({
        "document": SYMBOL, "delegation": "EU",
        "amendments": [{"paragraph": "OP1", "replace": 3, "with": "x"},
                       {"paragraph": "OP2", "delete": "x", "colour": "red"},
                       {"replace": "a", "with": "b"}],
    }), encoding="utf-8")
    refused = drafting(db, "submit", SYMBOL, str(broken), "--yes")
    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert any("broken.json" in line and "amendment 1" in line and "replace" in line
               for line in lines), refused.stderr
    assert any("amendment 2" in line and "colour" in line for line in lines), refused.stderr
    assert any("amendment 3" in line and "paragraph" in line for line in lines), refused.stderr
    assert count(db) == 0


def test_text_found_more_than_once_lists_every_place_and_records_nothing(submitted):
    before = (count(submitted), events(submitted))
    refused = drafting(submitted, "amend", SYMBOL, "OP24", "-d", "EU", "--replace", "the",
                       "--with", "a", "--yes")
    assert refused.returncode == 1
    first, *places = refused.stderr.splitlines()
    assert first.startswith("drafting: ") and "occurs 5 times; say which" in first
    assert [line.split(":")[0].strip() for line in places] == ["1", "2", "3", "4", "5"]
    assert all("«the»" in line for line in places)
    assert (count(submitted), events(submitted)) == before


def test_a_control_character_in_a_typed_amendment_is_refused_before_any_preview(db):
    refused = drafting(db, "amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit",
                       "--with", "pre\x1bsent", "--reason", "ok")
    assert refused.returncode == 1 and "\x1b" not in refused.stdout + refused.stderr
    assert "OP24: the new text has a character 3" in refused.stderr
    assert count(db) == 0


def test_the_amendments_table_fits_the_terminal(submitted):
    env = dict(os.environ, DRAFTING_DB=f"sqlite:///{submitted}", COLUMNS="60")
    shown = subprocess.run([sys.executable, "-m", "drafting_cli", "amendments", SYMBOL],
                           capture_output=True, text=True, timeout=120, env=env, check=True)
    lines = shown.stdout.splitlines()
    assert len(lines) == count(submitted) + 1
    assert max(map(len, lines)) == 60 and lines[0].endswith("...")
