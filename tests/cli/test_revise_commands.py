"""`drafting revise` settling brackets paragraph by paragraph."""

from __future__ import annotations

from test_workflow_commands import drafting

DRAFT = """# Oceans

The General Assembly,

1. Decides to act [now] [soon];

2. [Requests a report.]
"""


def test_drop_on_a_paragraph_settles_all_its_brackets_and_says_what_it_deleted(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    assert drafting(db, "init").returncode == 0
    assert drafting(db, "import", str(draft), "--doc", "A/1").returncode == 0
    done = drafting(db, "revise", "A/1", "--label", "Rev.1", "--drop", "OP1", "--drop", "OP2")
    assert done.returncode == 0, done.stderr
    assert "OP2: nothing was left once its brackets were settled; deleted" in done.stdout
    assert "OP2 -> (deleted)" in done.stdout
    shown = drafting(db, "show", "A/1").stdout
    assert "Decides to act;" in shown and "Requests" not in shown
