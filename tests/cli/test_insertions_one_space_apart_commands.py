"""A delegation's Word copy of the draft with two insertions one space apart, end to end:
in OP1 "a one-day high-level meeting" the EU types " annual" after "one-day", then
"ministerial " before "high-level", with Track Changes on (two insertions, as Word and
LibreOffice write them: " annual", the draft's " ", "ministerial "). Both were recorded
at one point, after "one-day", and `revise` refused to accept both ("change the same
words"); they stand one space apart, and Rev.1 reads "a one-day annual ministerial
high-level meeting". An edited copy (no Track Changes) reads the same."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_copy_identity_commands import OP, SYMBOL, _draft
from test_workflow_commands import ok

OP1 = "Decides to convene a one-day high-level meeting on small-scale fisheries;"
TYPED = ["Decides to convene a one-day", (" annual",), " ", ("ministerial ",),
         "high-level meeting on small-scale fisheries;"]
"""OP1 as the EU's copy holds it: the draft's words, and (in a tuple) the words typed."""
MADE = "1.\tDecides to convene a one-day annual ministerial high-level meeting on " \
       "small-scale fisheries;"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _copy(source: Path, path: Path, *, tracked: bool) -> Path:
    """``source`` with OP1 typed as `TYPED` by the EU's delegate, each insertion a
    ``w:ins`` of its own where ``tracked``."""
    word = docx.Document(str(source))
    paragraph = next(p for p in word.paragraphs if p.text.endswith(OP1))
    paragraph.text = "1.\t"
    for n, part in enumerate(TYPED):
        words = part if isinstance(part, str) else part[0]
        run = paragraph.add_run(words)._r
        run.find(qn("w:t")).set(_SPACE, "preserve")
        if tracked and not isinstance(part, str):
            mark = run.makeelement(qn("w:ins"), {qn("w:id"): str(100 + n),
                                                 qn("w:author"): "Anna Schmidt",
                                                 qn("w:date"): "2026-12-06T10:00:00Z"})
            run.addprevious(mark)
            mark.append(run)
    word.save(str(path))
    return path


def _op1(path: Path) -> str:
    (text,) = [p.text for p in docx.Document(str(path)).paragraphs if "convene" in p.text]
    return text


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "edited"])
def test_two_insertions_one_space_apart_both_stand_in_rev1(tmp_path, tracked):
    db, source = tmp_path / "s.db", _draft(tmp_path / "zero.docx", op=[OP1, *OP])
    copy = _copy(source, tmp_path / "EU.docx", tracked=tracked)
    ok(db, "init")
    ok(db, "import", str(source), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU")
    said = ok(db, "submit", SYMBOL, str(copy), "--delegation", "EU", "--yes")
    recorded = json.loads(ok(db, "amendments", SYMBOL, "--json"))
    if tracked:
        assert "insert ' annual' after 'one-day'" in said
        assert "insert 'ministerial ' before 'high-level'" in said
        assert [a["new_text"] for a in recorded] == [" annual", "ministerial "]
    else:  # a word diff sees one stretch of new words
        assert [a["new_text"] for a in recorded] == [" annual ministerial"]
    for amendment in recorded:
        ok(db, "decide", amendment["id"], "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "Rev.1.docx"))
    assert _op1(tmp_path / "Rev.1.docx") == MADE
