"""`drafting submit` of an edited copy that adds an item before a paragraph's first, deletes
its second and adds one at the end; then `decide` and `revise`: accepting all gives the
copy's list in Rev.1, accepting the deletion alone no item twice."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from test_copy_items_added_and_removed import (
    BUILDERS,
    CONSULT,
    MEETING,
    MOBILIZE,
    REPORT,
    SUPPORT,
)

SYMBOL = "A/C.2/81/L.9"


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS)
@pytest.mark.parametrize("accepted", ["all", "the deletion"])
def test_a_revision_holds_the_items_accepted_each_once(tmp_path, build, accepted):
    db = tmp_path / "s.db"
    draft = build(tmp_path / "draft.docx", [REPORT, MEETING, SUPPORT])
    copy = build(tmp_path / "copy.docx", [CONSULT, REPORT, SUPPORT, MOBILIZE])
    for args in (("init",), ("import", str(draft), "--doc", SYMBOL), ("delegation", "add", "USA"),
                 ("submit", SYMBOL, str(copy), "--delegation", "USA", "--yes")):
        done = drafting(db, *args)
        assert done.returncode == 0, done.stderr
    amendments = json.loads(drafting(db, "amendments", SYMBOL, "--json").stdout)
    assert sorted(a["kind"] for a in amendments) == ["delete", "insert", "insert"]
    for amendment in amendments:
        if accepted == "all" or amendment["kind"] == "delete":
            assert drafting(db, "decide", amendment["id"], "accept").returncode == 0
    assert drafting(db, "revise", SYMBOL, "--label", "Rev.1").returncode == 0
    shown = drafting(db, "show", SYMBOL, "--para", "OP1").stdout
    items = [" ".join(line.split()[1:]) for line in shown.splitlines()[1:] if line.strip()]
    assert items == ([CONSULT, REPORT, SUPPORT, MOBILIZE] if accepted == "all" else
                     [REPORT, SUPPORT])
    assert [line.split()[0] for line in shown.splitlines()[1:] if line.strip()] == \
        ["(a)", "(b)", "(c)", "(d)"][:len(items)]
