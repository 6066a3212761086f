"""A secretariat's draft laid out with one empty paragraph between paragraphs (as Google
Docs exports them): `merge` tracks a blank line with each new or deleted paragraph, and
`revise` then `show -o` give Rev.1 with one blank line between each two paragraphs,
never two, never none."""

from __future__ import annotations

import json
import zipfile

import docx
from docx.oxml.ns import qn
from lxml import etree
from test_workflow_commands import ok

SYMBOL = "A/C.3/81/L.20"
LINES = ("The General Assembly,", "Reaffirming its previous resolutions,",
         "Deeply concerned that millions of children remain out of school,",
         "1.\tUrges States to ensure inclusive education for all children;",
         "2.\tCalls upon all States to strengthen child protection systems;",
         "3.\tRequests the Secretary-General to submit a report;",
         "4.\tDecides to continue its consideration of the question.")
NEW = "Encourages States to share good practices;"


def test_rev1_and_the_merged_draft_keep_one_blank_line_between_paragraphs(tmp_path):
    word = docx.Document()
    for line in LINES:
        word.add_paragraph(line)
        word.add_paragraph("")
    word.save(draft := tmp_path / "draft.docx")
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(draft), "--doc", SYMBOL)
    ok(db, "delegation", "add", "CHL")
    (tmp_path / "chl.json").write_text(json.dumps({
        "document": SYMBOL, "delegation": "CHL", "amendments": [
            {"paragraph": "OP1", "new_paragraph": NEW},
            {"paragraph": "OP3", "delete_paragraph": True}]}))
    ok(db, "submit", SYMBOL, str(tmp_path / "chl.json"), "--yes")
    ok(db, "merge", SYMBOL, "-o", str(merged := tmp_path / "merged.docx"))
    with zipfile.ZipFile(merged) as package:
        body = etree.fromstring(package.read("word/document.xml"))
    blank_marks = sorted(mark.tag.rpartition("}")[2] for p in body.iter(qn("w:p"))
                         if not "".join(p.itertext())
                         for mark in p.iterfind(f"{qn('w:pPr')}/{qn('w:rPr')}/*")
                         if mark.tag in (qn("w:ins"), qn("w:del")))
    assert blank_marks == ["del", "ins"]  # the new one's blank line, the deleted one's
    ok(db, "decide", "A1", "accept")
    ok(db, "decide", "A2", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    ok(db, "show", SYMBOL, "-o", str(rev1 := tmp_path / "Rev.1.docx"))
    lines = [p.text for p in docx.Document(str(rev1)).paragraphs]
    assert lines == [x for line in (*LINES[:4], f"2.\t{NEW}", "3.\tCalls upon all States to "
                                    "strengthen child protection systems;",
                                    "4.\tDecides to continue its consideration of the "
                                    "question.")
                     for x in (line, "")]
