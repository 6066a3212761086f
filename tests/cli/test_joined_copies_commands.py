"""From the command line, end to end: a copy that joins OP1 and OP2 with Track Changes and
a copy converted from the draft's PDF (a Word paragraph per printed line) are submitted,
merged, accepted and revised; Rev.1 has the joined paragraph and the edit, and nothing
else changed. The join was lost (a warning), and the printed lines proposed as new
paragraphs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import docx
from test_workflow_commands import ok

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from printed_copies import (
    PARAGRAPHS,
    SYMBOL,
    write_draft,
    write_joined,
    write_printed,
)

OP1 = PARAGRAPHS[3].split("\t", 1)[1]
OP2 = PARAGRAPHS[4].split("\t", 1)[1]


def test_a_joined_copy_and_a_printed_copy_to_rev1(tmp_path):
    db = tmp_path / "s.db"
    draft = write_draft(tmp_path / "draft.docx")
    joined = write_joined(draft, tmp_path / "eu.docx", 3, {
        3: [(PARAGRAPHS[3][:-1], ""), (";", "del")],
        4: [("2.\tRequests", "del"), (" and requests", "ins"),
            (PARAGRAPHS[4].removeprefix("2.\tRequests"), "")]})
    printed = write_printed(tmp_path / "bra.docx")
    ok(db, "init")
    ok(db, "import", str(draft), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "BRA")
    ok(db, "submit", SYMBOL, str(joined), "--delegation", "EU", "--yes")
    ok(db, "submit", SYMBOL, str(printed), "--delegation", "BRA", "--yes")
    amendments = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    assert [(a["kind"], a["paragraph"], a["proponents"]) for a in amendments] == [
        ("replace", "OP1", ["EU"]), ("delete paragraph", "OP2", ["EU"]),
        ("replace", "OP1", ["BRA"])]
    merged = tmp_path / "merged.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged))
    inserted = "".join(t.text or "" for t in docx.Document(str(merged)).element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")
        if t.getparent().getparent().tag.endswith("}ins"))
    assert " and requests the Secretary-General" in inserted
    for amendment in amendments:
        ok(db, "decide", amendment["id"], "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    shown = " ".join(ok(db, "show", SYMBOL).split())
    joined_text = OP1[:-1].replace("eighty-second", "eighty-third") + \
        " and requests" + OP2.removeprefix("Requests")
    assert f"OP1 {joined_text} OP2 Decides to remain seized of the matter." in shown
    assert "Transforming our world" in shown and "livelihoods of fishers," in shown
    assert "OP3" not in shown
