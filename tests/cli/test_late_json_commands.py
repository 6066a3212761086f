"""`drafting submit SYMBOL late.json`, end to end, for a JSON submission made on Rev.1
(its "revision") and sent after Rev.2 was issued: it was refused ("prepare the
amendments again on Rev.2"); it is anchored onto Rev.2 as any amendment made on an older
revision is: moved through the changes Rev.2 made, or refused naming the one whose words
Rev.2 changed, with nothing recorded."""

from __future__ import annotations

import json

import pytest
from test_copy_identity_commands import SYMBOL, _draft
from test_workflow_commands import drafting, ok

OP3 = "Encourages States to cooperate, within {} resources, in the conservation of {};"


@pytest.fixture
def rev2(tmp_path):
    """Rev.1 took the EU's "submit" -> "present" in OP2, Rev.2 its "existing" ->
    "available" in OP3."""
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(_draft(tmp_path / "zero.docx")), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "JPN")
    for number, (label, old, new) in enumerate((("OP2", "submit", "present"),
                                                ("OP3", "existing", "available")), 1):
        ok(db, "amend", SYMBOL, label, "-d", "EU", "--replace", old, "--with", new, "--yes")
        ok(db, "decide", f"A{number}", "accept")
        ok(db, "revise", SYMBOL, "--label", f"Rev.{number}")
    return db


def _late(tmp_path, *amendments: dict) -> str:
    path = tmp_path / "late.json"
    path.write_text(json.dumps({"document": SYMBOL, "delegation": "JPN", "revision": "Rev.1",
                                "amendments": list(amendments)}), encoding="utf-8")
    return str(path)


def test_a_late_json_submission_is_anchored_onto_the_current_revision(rev2, tmp_path):
    late = _late(tmp_path, {"paragraph": "OP3", "replace": "marine biodiversity",
                            "with": "marine and coastal biodiversity"},
                 {"paragraph": "OP3", "replace": "existing", "with": "available"})
    done = drafting(rev2, "submit", SYMBOL, late, "--yes")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stderr.split())
    assert "the file was made on Rev.1, not on Rev.2" in said
    assert "its change to OP3 is in Rev.2 already" in said  # Rev.2 made it: not again
    (recorded,) = json.loads(ok(rev2, "amendments", SYMBOL, "--status", "submitted",
                                "--json"))
    assert (recorded["revision"], recorded["proponents"]) == ("Rev.2", ["JPN"])
    ok(rev2, "decide", recorded["id"], "accept")
    revised = " ".join(ok(rev2, "revise", SYMBOL, "--label", "Rev.3", "--dry-run").split())
    assert OP3.format("available", "marine and coastal biodiversity") in revised


def test_a_late_change_to_words_rev2_changed_is_refused_saying_why(rev2, tmp_path):
    late = _late(tmp_path, {"paragraph": "OP3", "replace": "within existing resources",
                            "with": "without new resources"},
                 {"paragraph": "OP1", "replace": "all States", "with": "all Member States"})
    done = drafting(rev2, "submit", SYMBOL, late, "--yes")
    said = " ".join(done.stderr.split())
    assert done.returncode == 1
    assert "made on Rev.1, not on Rev.2, and 1 of its changes cannot be carried onto " \
        "Rev.2's text: OP3 (replace): the words it amended, 'within existing resources', " \
        "were changed to 'within available resources'" in said
    assert json.loads(ok(rev2, "amendments", SYMBOL, "--status", "submitted", "--json")) == []
