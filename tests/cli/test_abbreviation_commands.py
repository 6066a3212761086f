"""From the command line, end to end: a delegation's words ending with an abbreviation
after its name, "with the African Union (AU)", AU being a delegation too (probe 17).
The USA's Word copy holding them was refused whole as a credit forged to AU, and its other
change lost with it; now both are recorded, and the compilation credits them to the USA."""

from __future__ import annotations

import json
from pathlib import Path

from test_copy_identity_commands import SYMBOL, _draft, _edited
from test_workflow_commands import drafting, ok


def _store(tmp_path: Path) -> tuple[Path, Path]:
    db, base = tmp_path / "s.db", _draft(tmp_path / "zero.docx")
    ok(db, "init")
    ok(db, "import", str(base), "--doc", SYMBOL)
    ok(db, "delegation", "add", "USA", "EU", "AU")
    return db, base


def _made(db: Path) -> list[tuple[list[str], str]]:
    return [(a["proponents"], a["new_text"])
            for a in json.loads(ok(db, "amendments", SYMBOL, "--json"))]


def test_a_clean_copy_naming_the_african_union_is_recorded_whole(tmp_path):
    db, base = _store(tmp_path)
    usa = _edited(base, tmp_path / "usa.docx", "parties to the Agreement;",
                  "parties to the Agreement and cooperate with the African Union (AU);")
    _edited(usa, usa, "eighty-second session;", "eighty-third session;")
    done = drafting(db, "submit", SYMBOL, str(usa), "--delegation", "USA", "--yes")
    assert done.returncode == 0, done.stderr
    made = _made(db)
    assert made == [(["USA"], " and cooperate with the African Union (AU)"),
                    (["USA"], "third")]
    out = tmp_path / "compilation.txt"
    ok(db, "compile", SYMBOL, "-o", str(out))
    assert "+{and cooperate with the African Union (AU)}+ (USA)" in out.read_text("utf-8")


def test_the_same_words_by_amend_are_recorded_and_a_group_unnamed_is_not(tmp_path):
    db, _ = _store(tmp_path)
    ok(db, "amend", SYMBOL, "OP2", "-d", "USA", "--insert", " and the European Union (EU)",
       "--after", "Secretary-General", "--yes")
    refused = drafting(db, "amend", SYMBOL, "OP2", "-d", "USA", "--insert",
                       " and the Union (AU)", "--after", "Secretary-General", "--yes")
    assert refused.returncode == 1
    assert "'(AU)' is written as the compilation names who proposes words" in refused.stderr
    assert _made(db) == [(["USA"], " and the European Union (EU)")]
