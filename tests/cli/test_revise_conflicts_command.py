"""`drafting revise` refusing accepted decisions that cannot all take effect (recording
nothing), `agree` warning of a paragraph that still has brackets, and a paragraph agreed
then changed by a revision open again."""

from __future__ import annotations

import json

from test_workflow_commands import drafting

DRAFT = """# Oceans

The General Assembly,

1. Invites States to become parties to the Agreement;

2. Calls upon States, as appropriate, to act [now] [soon];
"""


def test_a_refused_revise_names_the_decisions_and_changes_nothing(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU", "USA"),
                 ("amend", "A/1", "OP1", "-d", "USA", "--delete-paragraph", "--yes"),
                 ("amend", "A/1", "OP1", "-d", "EU", "--replace", "Invites", "--with", "Urges",
                  "--yes"),
                 ("decide", "A1", "accept"), ("decide", "A2", "accept")):
        assert drafting(db, *args).returncode == 0, args
    head = drafting(db, "head").stdout
    for dry_run in (("--dry-run",), ()):
        refused = drafting(db, "revise", "A/1", "--label", "Rev.1", *dry_run)
        assert refused.returncode == 1  # a refusal: one line on stderr, as every error
        assert refused.stderr.strip() == (
            "drafting: OP1: accepted amendments A1 (delete the paragraph) and A2 cannot all "
            "be applied; reopen one (drafting decide A2 reopen --note \"...\")")
        assert "issue" not in refused.stdout
    assert drafting(db, "head").stdout == head
    assert "Rev.1" not in drafting(db, "show", "A/1").stdout


def test_agree_warns_of_brackets_left_and_revise_reopens_a_changed_paragraph(tmp_path):
    db, draft = tmp_path / "s.db", tmp_path / "d.md"
    draft.write_text(DRAFT, encoding="utf-8")
    for args in (("init",), ("import", str(draft), "--doc", "A/1"),
                 ("delegation", "add", "EU")):
        assert drafting(db, *args).returncode == 0
    agreed = drafting(db, "agree", "A/1", "OP2")  # in the room: its brackets settled next
    assert agreed.returncode == 0
    assert "warning: OP2 still has 2 brackets: it is agreed as the room agreed it" in \
        agreed.stderr
    plain = drafting(db, "agree", "A/1", "OP1")
    assert plain.returncode == 0 and "warning" not in plain.stderr
    amended = drafting(db, "amend", "A/1", "OP1", "-d", "EU", "--replace", "Invites",
                       "--with", "Urges", "--yes")
    assert "warning: OP1 is agreed: accepted, this change opens it again" in amended.stdout
    assert drafting(db, "decide", "A1", "accept").returncode == 0
    issued = drafting(db, "revise", "A/1", "--label", "Rev.1")
    assert "OP1 was agreed; its text changed, so it is open again" in issued.stdout
    shown = json.loads(drafting(db, "brackets", "A/1", "--para", "OP1", "--json").stdout)
    assert shown["paragraphs"][0]["status"] == "open"
