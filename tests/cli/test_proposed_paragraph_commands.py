"""A new paragraph only proposed has the label the compilation gives it ("OP9 bis"):
`show --para` and `amendments --para` take that label too, as `amend` already does."""

from __future__ import annotations

import json

from test_workflow_commands import SAMPLES, SYMBOL, drafting, ok

NEW = "Encourages States to support women in small-scale fisheries;"


def _negotiation(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "G77", "USA")
    ok(db, "amend", SYMBOL, "OP9", "--delegation", "EU", "--new-paragraph", NEW, "--yes")
    ok(db, "amend", SYMBOL, "OP9 bis", "--delegation", "G77", "--replace", "support",
       "--with", "empower", "--yes")
    ok(db, "amend", SYMBOL, "OP9", "--delegation", "USA", "--insert", " all",
       "--after", "Calls upon", "--yes")
    return db


def test_show_prints_a_proposed_paragraph_with_who_proposes_it(tmp_path):
    db = _negotiation(tmp_path)
    shown = ok(db, "show", SYMBOL, "--para", "op 9 bis")
    assert shown.splitlines()[0].startswith("OP9 bis")
    assert "(proposed by EU, A1; after OP9)" in shown and NEW in shown
    missing = drafting(db, "show", SYMBOL, "--para", "OP9 ter")
    assert missing.returncode != 0 and "no paragraph OP9 ter" in missing.stderr


def test_amendments_lists_a_proposed_paragraph_and_the_amendments_to_it(tmp_path):
    db = _negotiation(tmp_path)
    found = json.loads(ok(db, "amendments", SYMBOL, "--para", "OP9 bis", "--json"))
    assert [(a["id"], a["proponents"]) for a in found] == [("A1", ["EU"]), ("A2", ["G77"])]
    on_op9 = json.loads(ok(db, "amendments", SYMBOL, "--para", "OP9", "--json"))
    assert {a["id"] for a in on_op9} == {"A1", "A2", "A3"}  # all on OP9, as before
