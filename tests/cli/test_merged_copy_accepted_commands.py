"""From the command line, end to end: three delegations propose changes to OP2 of a draft
whose sub-items Word numbers (an item deleted, the words of two others rewritten); the
merged draft is accepted whole in LibreOffice and JPN adds a change of its own with Track
Changes. OP2, rewritten by the proposals accepted, is OP2: the proposals are named as
accepted, and only JPN's own change is recorded in its name (it was OP2 proposed anew and
OP2 deleted)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_workflow_commands import drafting, ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from libreoffice import lo_track
from merged_answers import answered, tracked_insertion
from numbered_drafts import SYMBOL, numbered_draft

ITEMS = ("To adopt policies;", "To build capacities;", "To share good practices;",
         "To train judges;")


def test_a_reply_accepting_every_proposal_to_op2_records_only_the_senders_change(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(numbered_draft(tmp_path / "draft.docx", ITEMS)), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA", "G77", "JPN")
    for code, change in (
            ("EU", ["--delete", "\n(b) To build capacities;"]),
            ("USA", ["--replace", "adopt policies", "--with", "elaborate and implement "
                     "comprehensive national strategies for free legal assistance"]),
            ("G77", ["--replace", "train judges", "--with", "provide continuous training "
                     "for judges, prosecutors and lawyers in human rights law"])):
        ok(db, "amend", SYMBOL, "OP2", "-d", code, *change, "--yes")
    merged, accepted = tmp_path / "merged.docx", tmp_path / "accepted.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged))
    lo_track("accept", merged, accepted)
    sent = answered(accepted, tmp_path / "jpn.docx", (),  # no change left to accept
                    tracked_insertion("matter.", " Also", "JPN"))
    done = drafting(db, "submit", SYMBOL, str(sent), "--delegation", "JPN", "--yes")
    assert done.returncode == 0, done.stderr
    assert "A2 of USA, A1 of EU" in done.stderr and "A3 of G77" in done.stderr
    assert "this copy accepted it" in done.stderr
    amendments = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert [(a["kind"], a["paragraph"], a["proponents"]) for a in amendments] == [
        ("delete", "OP2", ["EU"]), ("replace", "OP2", ["USA"]), ("replace", "OP2", ["G77"]),
        ("insert", "OP3", ["JPN"])]
