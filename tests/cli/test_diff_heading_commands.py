"""`drafting diff SYMBOL OLD NEW -o OUT`, end to end: its text outputs called themselves
"compilation of proposals on the Zero draft to Rev.1" under the title; they compare two
revisions, and say so. The compilation keeps its own subtitle."""

from __future__ import annotations

import pytest
from test_copy_identity_commands import SYMBOL, _draft
from test_workflow_commands import ok


@pytest.fixture
def rev1(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(_draft(tmp_path / "zero.docx")), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    ok(db, "amend", SYMBOL, "OP2", "-d", "EU", "--replace", "submit", "--with", "present",
       "--yes")
    ok(db, "decide", "A1", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    return db


@pytest.mark.parametrize("suffix", ["md", "txt", "html"])
def test_the_diff_calls_itself_a_comparison_of_two_revisions(rev1, tmp_path, suffix):
    out = tmp_path / f"diff.{suffix}"
    ok(rev1, "diff", SYMBOL, "Zero draft", "Rev.1", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "comparison of revisions: Zero draft to Rev.1" in text
    assert "compilation of proposals" not in text
    compiled = tmp_path / f"compiled.{suffix}"
    ok(rev1, "compile", SYMBOL, "-o", str(compiled))
    assert "compilation of proposals on the Rev.1" in compiled.read_text(encoding="utf-8")
