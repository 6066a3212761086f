"""`drafting submit --by-filename` of a delegation's version 2 of its Word copy, which still
tracks version 1's change (left tracked) beside a new one: the whole file was refused as
a repeat of its own A2. The new change is recorded, the repeat is not recorded twice, and
a warning names it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_workflow_commands import drafting, ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import SYMBOL, ZERO, dele, house, ins, write_docx

OP1 = ["Requests the Secretary-General to submit ", dele("a"), ins("a comprehensive"),
       " report on small-scale fishers;"]
OP2 = ["Decides to include the item in its provisional agenda", dele(", within existing "
       "resources"), ";"]


def test_version_2_by_filename_records_only_its_new_change(tmp_path):
    db = tmp_path / "n.db"
    ok(db, "init")
    ok(db, "import", str(write_docx(tmp_path / "draft.docx", house(ZERO))), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    first = write_docx(tmp_path / "EU-v1.docx", house(ZERO, {"OP1": OP1}))
    ok(db, "submit", SYMBOL, str(first), "--by-filename", "--yes")
    second = write_docx(tmp_path / "EU-v2.docx", house(ZERO, {"OP1": OP1, "OP2": OP2}))
    sent = drafting(db, "submit", SYMBOL, str(second), "--by-filename", "--yes")
    assert sent.returncode == 0, sent.stderr
    assert "EU's change to OP1 (replace 'a' -> 'a comprehensive') is its pending A1, " \
        "not proposed again" in sent.stderr
    recorded = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert [(a["id"], a["proponents"], a["old_text"], a["new_text"]) for a in recorded] == [
        ("A1", ["EU"], "a", "a comprehensive"),
        ("A2", ["EU"], ", within existing resources", "")]
