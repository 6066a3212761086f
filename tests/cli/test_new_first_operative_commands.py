"""`amend OP1 --place before` and JSON ``"place": "before"`` on OP1: a new first operative
paragraph, shown as OP0 and made OP1 by `revise`; a paragraph in the middle of a series
takes none before it, and the refusal says which to propose it after."""

from __future__ import annotations

import json

from test_workflow_commands import SAMPLES, SYMBOL, drafting, ok

NEW = "Condemns all reprisals against human rights defenders;"


def test_a_new_first_operative_paragraph_from_the_command_line_and_json(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "CHL")
    last_pp = [line.split()[0] for line in ok(db, "show", SYMBOL).splitlines()
               if line.startswith("PP")][-1]
    refused = drafting(db, "amend", SYMBOL, "OP2", "-d", "CHL", "--new-paragraph", NEW,
                       "--place", "before", "--yes")
    assert refused.returncode != 0
    assert "OP2: a new paragraph goes after the paragraph it follows" in refused.stderr
    assert "propose it after OP1" in refused.stderr
    shown = ok(db, "amend", SYMBOL, "OP1", "-d", "CHL", "--new-paragraph", NEW,
               "--place", "before", "--yes")
    assert f"OP1: new paragraph before it: '{NEW}'" in shown
    submission = tmp_path / "eu.json"
    submission.write_text(json.dumps({
        "document": SYMBOL, "delegation": "EU", "amendments": [
            {"paragraph": "OP1", "new_paragraph": "Welcomes the report;", "place": "before"},
            {"paragraph": "OP3", "new_paragraph": "Decides;", "place": "before"}]}))
    wrong = drafting(db, "submit", SYMBOL, str(submission), "--yes")
    assert wrong.returncode != 0 and "propose it after OP2" in wrong.stderr + wrong.stdout
    submission.write_text(json.dumps({
        "document": SYMBOL, "delegation": "EU", "amendments": [
            {"paragraph": "OP1", "new_paragraph": "Welcomes the report;", "place": "before"}]}))
    ok(db, "submit", SYMBOL, str(submission), "--yes")
    assert "(proposed by CHL, A1; before OP1)" in ok(db, "show", SYMBOL, "--para", "OP0")
    text = tmp_path / "compilation.txt"
    ok(db, "compile", SYMBOL, "-o", str(text))
    compiled = text.read_text()
    assert compiled.index(f"{last_pp} ") < compiled.index("OP0 (CHL)") < \
        compiled.index("OP0 bis (EU)") < compiled.index("\nOP1 ")
    ok(db, "decide", "A1", "accept")
    ok(db, "decide", "A2", "accept")
    revised = ok(db, "revise", SYMBOL, "--label", "Rev.1")
    assert "OP0 -> OP1" in revised and "OP0 bis -> OP2" in revised and "OP1 -> OP3" in revised
    assert NEW in ok(db, "show", SYMBOL, "--para", "OP1")
    assert "Welcomes the report;" in ok(db, "show", SYMBOL, "--para", "OP2")
