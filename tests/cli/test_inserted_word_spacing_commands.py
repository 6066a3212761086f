"""`drafting amend --insert` puts a word beside a word: `--insert "two-week" --before
"high-level"` recorded "two-week" as typed, and Rev.1 read "a one-day two-weekhigh-level
meeting". Where the inserted words and the quoted ones meet letter or digit to letter or
digit, one space now goes between, and the command says so; `--literal` keeps the words
as given ("re" glued before "submit")."""

from __future__ import annotations

import json
from pathlib import Path

import docx
from test_copy_identity_commands import OP, SYMBOL, _draft
from test_workflow_commands import drafting, ok

OP1 = "Decides to convene a one-day high-level meeting on small-scale fisheries;"
OP2 = "Requests the Secretary-General to submit a report on the implementation of the " \
      "present resolution;"


def _store(tmp_path: Path) -> Path:
    db, source = tmp_path / "s.db", _draft(tmp_path / "zero.docx", op=[OP1, OP2, *OP])
    ok(db, "init")
    ok(db, "import", str(source), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    return db


def _amend(db: Path, *args: str) -> tuple[str, str]:
    done = drafting(db, "amend", SYMBOL, *args, "--yes")
    assert done.returncode == 0, done.stderr
    return done.stdout, " ".join(done.stderr.split())


def _rev1(db: Path, tmp_path: Path) -> list[str]:
    for amendment in json.loads(ok(db, "amendments", SYMBOL, "--json")):
        ok(db, "decide", amendment["id"], "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "Rev.1.docx"))
    return [p.text for p in docx.Document(str(tmp_path / "Rev.1.docx")).paragraphs
            if p.text.startswith(("1.", "2."))]


def test_a_word_inserted_before_or_after_a_word_gets_one_space(tmp_path):
    db = _store(tmp_path)
    shown, said = _amend(db, "OP1", "-d", "USA", "--insert", "two-week", "--before",
                         "high-level")
    assert "insert 'two-week ' before 'high-level'" in shown
    assert "'two-week' recorded as 'two-week ', apart from 'high-level' (as given it " \
           "would read 'two-weekhigh-level'); add --literal" in said
    shown, said = _amend(db, "OP1", "-d", "EU", "--insert", "annual", "--after", "one-day")
    assert "insert ' annual' after 'one-day'" in shown
    assert "'annual' recorded as ' annual'" in said
    shown, said = _amend(db, "OP2", "-d", "EU", "--insert", " full", "--before",
                         "implementation")  # its space typed away from the join
    assert "insert 'full ' before 'implementation'" in shown
    assert "' full' recorded as 'full '" in said
    assert _rev1(db, tmp_path) == [
        "1.\tDecides to convene a one-day annual two-week high-level meeting on small-scale "
        "fisheries;",
        "2.\tRequests the Secretary-General to submit a report on the full implementation "
        "of the present resolution;"]


def test_literal_keeps_the_words_glued(tmp_path):
    db = _store(tmp_path)
    shown, said = _amend(db, "OP2", "-d", "EU", "--insert", "re", "--before", "submit",
                         "--literal")
    assert "insert 're' before 'submit'" in shown
    assert "recorded as" not in said
    assert _rev1(db, tmp_path)[1].startswith("2.\tRequests the Secretary-General to "
                                             "resubmit a report")
