"""A cross-reference the secretariat made with Word's Insert > Cross-reference ("paragraph
{ REF _Ref2 }", "page { PAGEREF _Ref2 }") keeps the number Word last computed. When Rev.1
renumbers the paragraph it cites, that number is stale: Rev.1's Word document marks the
field dirty so that Word computes it again on opening (without asking, as
``w:updateFields`` would). It used to keep the stale "2" with nothing to update it."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from test_workflow_commands import ok

SYMBOL = "A/C.2/81/L.11"


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _draft(path: Path) -> Path:
    """OP2's typed number bookmarked; OP3 cites it by a REF field (runs) and its page by a
    PAGEREF field (``w:fldSimple``); a DATE field that no renumbering moves."""
    word = docx.Document()
    word.add_paragraph("Draft resolution", style="Title")
    tab = "<w:r><w:tab/></w:r>"
    paragraphs = [
        _run("The General Assembly,"),
        _run("1.") + tab + _run("Decides to convene a meeting;"),
        '<w:bookmarkStart w:id="1" w:name="_Ref2"/>' + _run("2.") +
        '<w:bookmarkEnd w:id="1"/>' + tab + _run("Requests a report;"),
        _run("3.") + tab + _run("Decides that the report referred to in paragraph ") +
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space='
        '"preserve"> REF _Ref2 \\r \\h </w:instrText></w:r><w:r><w:fldChar '
        'w:fldCharType="separate"/></w:r>' + _run("2") +
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + _run(" above, on page ") +
        f'<w:fldSimple w:instr=" PAGEREF _Ref2 \\h ">{_run("1")}</w:fldSimple>' +
        _run(", shall be considered at the session opening on ") +
        f'<w:fldSimple w:instr=" DATE ">{_run("1 May")}</w:fldSimple>' + _run(";"),
    ]
    end = word.element.body[-1]
    for inner in paragraphs:
        end.addprevious(parse_xml(f"<w:p {nsdecls('w')}>{inner}</w:p>"))
    word.save(str(path))
    return path


def _fields(path: Path) -> dict[str, str | None]:
    """Each field's code -> its w:dirty, as python-docx reads Rev.1's XML."""
    body = docx.Document(str(path)).element.body
    found = {simple.get(qn("w:instr")).split()[0]: simple.get(qn("w:dirty"))
             for simple in body.iter(qn("w:fldSimple"))}
    for begin in body.iter(qn("w:fldChar")):
        if begin.get(qn("w:fldCharType")) == "begin":
            code = begin.getparent().getnext().find(qn("w:instrText")).text
            found[code.split()[0]] = begin.get(qn("w:dirty"))
    return found


def test_rev1_marks_cross_references_dirty_where_it_renumbers(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(_draft(tmp_path / "draft.docx")), "--doc", SYMBOL)
    assert _fields(tmp_path / "draft.docx") == {"REF": None, "PAGEREF": None, "DATE": None}
    ok(db, "delegation", "add", "EU")
    ok(db, "amend", SYMBOL, "OP1", "--delegation", "EU", "--new-paragraph",
       "Welcomes the offer;", "--yes")
    ok(db, "decide", "A1", "accept")
    issued = ok(db, "revise", SYMBOL, "--label", "Rev.1")
    assert "OP4 cites 'paragraph 2 above': OP2 is OP3 in Rev.1" in issued
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert _fields(tmp_path / "rev1.docx") == {"REF": "true", "PAGEREF": "true", "DATE": None}
    settings = docx.Document(str(tmp_path / "rev1.docx")).settings.element
    assert settings.find(qn("w:updateFields")) is None  # no question on opening
