"""`drafting submit` of the EU's Word copy of a draft imported from Word with the
secretariat's comment "Which session?" on "a report": the EU changed those words, and the
comment, dated in the copy like the change, was recorded as A2's reason, in the EU's name.
The draft's Word source, stored with the revision, holds the comment: it is no reason."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn
from test_workflow_commands import drafting, ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import DATE, SYMBOL, ZERO, dele, house, ins, note, write_docx

ASKED = "Which session?"
OP1 = "Requests the Secretary-General to submit "
REST = " on small-scale fishers;"


def _dated(path: Path, date: str) -> Path:
    word = docx.Document(str(path))
    for comment in word.part._comments_part.element.iter(qn("w:comment")):
        comment.set(qn("w:date"), date)
    word.save(str(path))
    return path


def test_the_secretariats_comment_in_a_copy_is_not_recorded_as_a_reason(tmp_path):
    db = tmp_path / "n.db"
    draft = write_docx(tmp_path / "draft.docx", house(ZERO, {
        "OP1": [OP1, note(ASKED, "a report", author="Secretariat"), REST]}))
    ok(db, "init")
    ok(db, "import", str(_dated(draft, "2026-10-14T09:00:00Z")), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    copy = write_docx(tmp_path / "EU.docx", house(ZERO, {"OP1": [OP1, note(
        ASKED, dele("a"), ins("a comprehensive"), " report", author="Secretariat"), REST]}))
    sent = drafting(db, "submit", SYMBOL, str(_dated(copy, DATE)), "--delegation", "EU",
                    "--yes")
    assert sent.returncode == 0, sent.stderr
    recorded = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert [(a["old_text"], a["new_text"], a["reason"]) for a in recorded] == [
        ("a", "a comprehensive", "")]
    assert "a comment by Secretariat on 'report' is one the draft came with" in sent.stderr
