"""An Arabic compilation reads right to left: each paragraph, a new one opened by its
proponents' Latin codes included, and the words proposed stand in bold in Arabic too.

Word sets a run's bold for Arabic letters with ``w:bCs`` (its complex-script bold; ``w:b``
bolds Latin letters only), and LibreOffice does the same: with ``w:b`` alone the inserted
Arabic words were underlined but not bold. The compilation's paragraphs had no ``w:bidi``
(the front matter had), so without a source whose styles run right to left they ran left
to right, the label first and the semicolon after the proponents' code.
"""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.writers.compilation_html import render_html
from drafting.writers.docx_compilation import write_compilation_docx

PP, OP = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE
ZERO = Revision("Zero draft", (
    Paragraph("p1", "PP1", PP, "إذ تشير إلى قرارها 70/1،"),
    Paragraph("o1", "OP1", OP, "تقرر عقد اجتماع رفيع المستوى؛"),
    Paragraph("o2", "OP2", OP, "تطلب إلى الأمين العام تقديم تقرير."),
))
DRAFT = Document("A/C.2/81/L.99", "مصائد الأسماك", (ZERO,))
INSERTED, NEW = " في عام 2027", "تشجع الدول على تبادل الخبرات؛"


@pytest.fixture(scope="module")
def compilation():
    return merge(DRAFT, [
        draft_amendment(ZERO, Proposal("OP1", insert=INSERTED, after="المستوى"), id="A1",
                        proponents=["EGY"]),
        draft_amendment(ZERO, Proposal("OP1", new_paragraph=NEW), id="A2",
                        proponents=["EGY"]),
    ])


def test_the_word_compilation_runs_right_to_left_and_bolds_arabic(compilation, tmp_path):
    write_compilation_docx(compilation, tmp_path / "c.docx")
    body = docx.Document(str(tmp_path / "c.docx")).paragraphs
    labelled = [p for p in body if p.text.split("\t")[0] in ("PP1", "OP1", "OP1 bis", "OP2")]
    assert len(labelled) == 4
    for paragraph in labelled:
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None, paragraph.text
    inserted = next(r for p in labelled for r in p.runs if r.text == INSERTED.strip())
    new = next(r for p in labelled for r in p.runs if r.text == NEW)
    for run in (inserted, new):
        assert run._r.rPr.find(qn("w:bCs")) is not None  # bold for Arabic letters


def test_a_new_arabic_paragraph_runs_right_to_left_in_html(compilation):
    html = render_html(compilation)
    assert f'<p dir="rtl"><span class="by">(EGY)</span> <ins>{NEW}</ins></p>' in html
    english = merge(Document("L1", "t", (Revision("Zero draft", (
        Paragraph("o1", "OP1", OP, "Decides to act;"),)),)), [draft_amendment(
            Revision("Zero draft", (Paragraph("o1", "OP1", OP, "Decides to act;"),)),
            Proposal("OP1", new_paragraph="Invites States;"), id="A1", proponents=["EU"])])
    assert '<p dir="auto"><span class="by">(EU)</span>' in render_html(english)
