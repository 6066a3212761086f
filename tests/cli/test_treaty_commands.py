"""A treaty text numbered per article, end to end on the command line: every command
takes and shows labels such as ``2.1``, options are one choice, stray brackets warn."""

from __future__ import annotations

import json
from pathlib import Path

from test_workflow_commands import drafting

TREATY = (Path(__file__).parents[1] / "data" / "treaty.md").read_text(encoding="utf-8")


def test_a_treaty_negotiated_by_article_and_paragraph(tmp_path):
    db, source = tmp_path / "s.db", tmp_path / "treaty.md"
    source.write_text(TREATY, encoding="utf-8")
    assert drafting(db, "init").returncode == 0
    strict = drafting(db, "import", str(source), "--doc", "BBNJ", "--strict")
    assert strict.returncode != 0 and "--strict" in strict.stderr
    imported = drafting(db, "import", str(source), "--doc", "BBNJ")
    assert imported.returncode == 0, imported.stderr
    assert "3.1" in imported.stderr and "never closed" in imported.stderr
    assert drafting(db, "delegation", "add", "EU", "AOSIS").returncode == 0
    replaced = drafting(db, "amend", "BBNJ", "1.2", "--delegation", "EU", "--replace", "report",
                        "--with", "report annually", "--yes")
    assert replaced.returncode == 0, replaced.stderr
    new = drafting(db, "amend", "BBNJ", "1.1", "--delegation", "AOSIS", "--new-paragraph",
                   "Each Party shall designate a focal point.", "--yes")
    assert new.returncode == 0, new.stderr
    compiled = tmp_path / "c.md"
    assert drafting(db, "compile", "BBNJ", "-o", str(compiled)).returncode == 0
    assert "1.1 ter" in compiled.read_text(encoding="utf-8")  # 1.1 bis is taken

    report = json.loads(drafting(db, "brackets", "BBNJ", "--json").stdout)
    by_label = {p["label"]: p for p in report["paragraphs"]}
    assert by_label["2.1"]["groups"] == [
        {"number": 1, "alternatives": ["Parties shall establish a fund.", ""]}]
    assert by_label["3.1"]["unbalanced"] == 1

    ids = [a["id"] for a in json.loads(drafting(db, "amendments", "BBNJ", "--json").stdout)]
    for amendment in ids:
        assert drafting(db, "decide", amendment, "accept").returncode == 0
    revised = drafting(db, "revise", "BBNJ", "--label", "Rev.1",
                       "--choose", "2.1=Parties shall establish a fund.")
    assert revised.returncode == 0, revised.stderr
    # the new paragraph stood as 1.1 ter, after 1.1 bis, and keeps that place
    assert "  1.1 bis -> 1.2\n  1.1 ter -> 1.3\n  1.2 -> 1.4\n" in revised.stdout
    shown = drafting(db, "show", "BBNJ", "--para", "1.4")
    assert "Parties shall report annually." in shown.stdout
    assert "Each Party shall designate a focal point." in drafting(
        db, "show", "BBNJ", "--para", "1.3").stdout
    assert "Parties shall establish a fund." in drafting(db, "show", "BBNJ", "--para",
                                                         "2.1").stdout
