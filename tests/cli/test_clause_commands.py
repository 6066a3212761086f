"""A text numbered in clauses ("1.", "1.1", "1.1.1"), typed or by a Word multilevel list,
carried through the command line: imported, a delegation's tracked copy proposing a new
clause 1.2 after 1.1.1, merged, accepted and revised. Rev.1's Word document shows one
number per clause (Word's where Word numbered them, typed where typed), renumbered."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_workflow_commands import ok

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "readers"))
from clause_documents import NEW, clauses_docx, new_clause_copy

from drafting.readers import read_draft

SYMBOL = "MSC/110/5"


def _levels(path: Path) -> list[tuple[str | None, str]]:
    """Each body paragraph's list level (None where Word numbers none) and its text, its
    tracked insertions read."""
    out = []
    for paragraph in docx.Document(path).paragraphs:
        level = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
        text = "".join("\t" if e.tag == qn("w:tab") else e.text or ""
                       for e in paragraph._p.iter(qn("w:t"), qn("w:tab"))
                       if e.getparent().tag == qn("w:r"))
        out.append((None if level is None else level.get(qn("w:val")), text))
    return out


@pytest.mark.parametrize("word", [True, False], ids=["word numbers", "typed numbers"])
def test_a_new_clause_goes_through_merge_and_revision(tmp_path, word):
    db = tmp_path / "s.db"
    source = clauses_docx(tmp_path / "draft.docx", word=word)
    copy = new_clause_copy(source, tmp_path / "nor.docx", typed="" if word else "1.2\t")
    ok(db, "init")
    ok(db, "import", str(source), "--doc", SYMBOL)
    ok(db, "delegation", "add", "NOR", "--name", "Norway")
    shown = ok(db, "submit", SYMBOL, str(copy), "--delegation", "NOR", "--yes")
    assert f"1.1: new paragraph after it: '{NEW}'" in shown
    merged = tmp_path / "m.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged))
    levels = _levels(merged)
    at = next(k for k, (_, text) in enumerate(levels) if NEW in text)
    assert "The master should keep" in levels[at - 1][1]  # after 1.1's sub-clause
    assert levels[at] == (("1", NEW) if word else (None, f"1.1 bis\t{NEW}"))
    ok(db, "decide", "A1", "accept")
    revised = ok(db, "revise", SYMBOL, "--label", "Rev.1")
    assert "1.1 bis -> 1.2" in revised and "1.2 -> 1.3" in revised
    assert "drafting's own layout" not in revised
    rev1 = tmp_path / "rev1.docx"
    ok(db, "show", SYMBOL, "-o", str(rev1))
    levels = _levels(rev1)
    at = next(k for k, (_, text) in enumerate(levels) if NEW in text)
    if word:  # Word's numbers alone: the new clause at 1.1's level, shown 1.2
        assert levels[at - 1:at + 2] == [
            ("2", "The master should keep a record on board."), ("1", NEW),
            ("1", "Ships built before 1 January 2028 should comply by the first survey.")]
    else:  # typed numbers alone, renumbered
        assert [text.split("\t")[0] for _, text in levels[at - 2:at + 2]] == [
            "1.1", "1.1.1", "1.2", "1.3"]
    assert [p.label for p in read_draft(rev1).paragraphs][:7] == [
        "H1", "OP1", "1.1", "1.1.1", "1.2", "1.3", "OP2"]
