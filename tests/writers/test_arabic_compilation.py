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
from drafting.engine.subamend import draft_subamendment
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


# The language, the amended lines' direction and the credits kept whole (U+2068/U+2069).

FSI, PDI = "\u2068", "\u2069"


def _one_paragraph(text: str, chapeau: str = "", new: str = "Invites States;"):
    zero = Revision("Zero draft", (Paragraph("o1", "OP1", OP, text),), chapeau=chapeau)
    return merge(Document("L1", "", (zero,)), [draft_amendment(
        zero, Proposal("OP1", new_paragraph=new), id="A1", proponents=["EU"])])


@pytest.mark.parametrize(("text", "chapeau", "language"), [
    ("تقرر عقد اجتماع في عام 2027 (A/RES/70/1)؛", "إن الجمعية العامة،", "ar"),
    ("постановляет провести совещание в 2027 году;", "Генеральная Ассамблея,", "ru"),
    ("决定于2027年召开高级别会议；", "大会，", "zh"),
    ("Décide de convoquer une réunion en 2027 ;", "L'Assemblée générale,", "fr"),
    ("Decide convocar una reunión en 2027;", "La Asamblea General,", "es"),
    ("Decides to convene a meeting in 2027;", "The General Assembly,", "en"),
    ("Decides to convene a meeting in 2027;", "", "en"),
], ids=["ar", "ru", "zh", "fr", "es", "en", "en-no-chapeau"])
def test_the_html_and_word_compilations_name_the_language_of_the_text(
        text, chapeau, language, tmp_path):
    compilation = _one_paragraph(text, chapeau)
    page = ' dir="rtl"' if language == "ar" else ""  # laid out from the right
    assert f'<html lang="{language}"{page}>' in render_html(compilation)
    write_compilation_docx(compilation, tmp_path / "c.docx")
    styles = docx.Document(str(tmp_path / "c.docx")).styles.element
    lang = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/"
                       f"{qn('w:lang')}")
    expected = {"ar": ("w:bidi", "ar-SA"), "zh": ("w:eastAsia", "zh-CN"),
                "ru": ("w:val", "ru-RU"), "fr": ("w:val", "fr-FR"), "es": ("w:val", "es-ES"),
                "en": ("w:val", "en-US")}[language]  # English: the template's own
    assert lang.get(qn(expected[0])) == expected[1]


def test_an_amended_arabic_proposal_runs_right_to_left_with_its_lead_and_credits_whole(
        tmp_path):
    parent = draft_amendment(ZERO, Proposal("OP1", new_paragraph=NEW), id="A2",
                             proponents=["EGY"])
    sub = draft_subamendment(parent, Proposal("A2", replace="الخبرات", with_="المعارف"),
                             id="A3", proponents=["KSA"], revision="Zero draft")
    compilation = merge(DRAFT, [parent, sub])
    html = render_html(compilation)
    assert ('<p dir="rtl" class="amended"><i dir="ltr">Amendment to the proposal of EGY '
            '(A2):</i>') in html
    write_compilation_docx(compilation, tmp_path / "c.docx")
    body = docx.Document(str(tmp_path / "c.docx")).paragraphs
    amended = next(p for p in body if "Amendment to the proposal" in p.text)
    assert amended._p.pPr.find(qn("w:bidi")) is not None
    runs = [run.text for run in amended.runs]
    assert f"{FSI}Amendment to the proposal of EGY (A2):{PDI}" in runs
    assert f"{FSI}(KSA){PDI}" in runs
    new = next(p for p in body if p.text.startswith("OP1 bis"))
    assert [run.text for run in new.runs][2] == f"{FSI}(EGY){PDI}"


def test_credits_in_an_arabic_line_are_isolated_and_in_an_english_one_plain(
        compilation, tmp_path):
    write_compilation_docx(compilation, tmp_path / "c.docx")
    op1 = next(p for p in docx.Document(str(tmp_path / "c.docx")).paragraphs
               if p.text.startswith("OP1\t"))
    assert f"{FSI}(EGY){PDI}" in [run.text for run in op1.runs]
    write_compilation_docx(_one_paragraph("Decides to act;"), tmp_path / "en.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "en.docx")).paragraphs]
    assert "OP1 bis\t(EU) Invites States;" in texts
    assert not any(FSI in text or PDI in text for text in texts)


def test_an_arabic_heading_runs_right_to_left_its_credit_whole(tmp_path):
    zero = Revision("Zero draft", (
        Paragraph("h1", "H1", ParagraphKind.HEADING, "أولا - التنفيذ", level=1),
        *ZERO.paragraphs))
    compilation = merge(Document("L1", "", (zero,)), [draft_amendment(
        zero, Proposal("H1", insert=" والمتابعة", after="التنفيذ"), id="A1",
        proponents=["EGY"])])
    write_compilation_docx(compilation, tmp_path / "c.docx")
    heading = next(p for p in docx.Document(str(tmp_path / "c.docx")).paragraphs
                   if p.text.startswith("أولا"))
    assert heading._p.pPr.find(qn("w:bidi")) is not None
    assert f"{FSI}(EGY){PDI}" in [run.text for run in heading.runs]
