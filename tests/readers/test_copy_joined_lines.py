"""Two lines of one paragraph joined in a copy with Track Changes (the mark between
"(a)" and "(b)" deleted): the line break they lose is proposed for deletion. It was
dropped without a word."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

LINES = ("The General Assembly,", "Recalling its resolution 70/1,",
         "1.\tCalls upon States:", "(a)\tTo protect fishers;", "(b)\tTo support fish workers;",
         "2.\tDecides to remain seized of the matter.")


def test_a_deleted_mark_between_two_lines_deletes_the_line_break(tmp_path):
    draft = tmp_path / "draft.docx"
    word = docx.Document()
    for line in LINES:
        word.add_paragraph(line)
    word.save(str(draft))
    document = read_draft(draft).to_document("A/C.2/81/L.5")
    op1 = document.current.by_label("OP1")
    assert op1.text == "Calls upon States:\n(a)\tTo protect fishers;\n(b)\tTo support fish workers;"
    marked = word.paragraphs[3]._p.get_or_add_pPr()  # the mark after "(a) To protect fishers;"
    properties = marked.makeelement(qn("w:rPr"), {})
    properties.append(properties.makeelement(qn("w:del"), {
        qn("w:id"): "1", qn("w:author"): "Maria Silva", qn("w:date"): "2026-12-06T00:00:00Z"}))
    marked.append(properties)
    copy = tmp_path / "copy.docx"
    word.save(str(copy))
    (amendment,) = read_docx_submission(copy, document, authors={"Maria Silva": "BRA"}).amendments
    assert (amendment.kind, amendment.paragraph_id, amendment.old_text, amendment.new_text) == (
        AmendmentKind.DELETE, op1.id, "\n", "")
    assert op1.text[amendment.span.start:amendment.span.end] == "\n"
    assert amendment.span.start == op1.text.index("\n(b)")
