"""A right-to-left compilation laid out from the right, its English words in order.

The HTML page of an Arabic text had ``lang="ar"`` but no ``dir="rtl"``: its table (label,
text, brackets) stayed left to right, the labels on the left of the Arabic text. In an
Arabic line the English notes (`` — delete paragraph (EGY)``), statuses and credits of the
Word, Markdown and text compilations were not isolated (U+2068 ... U+2069): only the
credit was, in Word. And a French or Spanish text without a chapeau was told English.
English output is unchanged (the golden files, tests/test_samples.py).
"""

from __future__ import annotations

import re

import docx
import pytest
from markdown_it import MarkdownIt

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.model import Document, Paragraph, ParagraphKind, ParagraphStatus, Revision
from drafting.writers.compilation_html import STYLE, render_html
from drafting.writers.compilation_markdown import render_markdown
from drafting.writers.compilation_text import render_text
from drafting.writers.docx_compilation import write_compilation_docx
from drafting.writers.text_language import text_language

OP = ParagraphKind.OPERATIVE
FSI, PDI = "\u2068", "\u2069"
ARABIC = "تقرر عقد اجتماع رفيع المستوى؛"


def _compilation(text: str, codes: tuple[str, str] = ("EGY", "KSA")):
    """OP1 agreed ad ref, its deletion proposed by one delegation and its retention by
    another; OP2 open (a heading would carry the same)."""
    zero = Revision("Zero draft", (
        Paragraph("o1", "OP1", OP, text, status=ParagraphStatus.AGREED_AD_REF),
        Paragraph("o2", "OP2", OP, text),
    ))
    return merge(Document("L1", "", (zero,)), [
        draft_amendment(zero, Proposal("OP1", delete_paragraph=True), id="A1",
                        proponents=[codes[0]]),
        draft_amendment(zero, Proposal("OP1", retain=True), id="A2", proponents=[codes[1]]),
    ])


def test_an_arabic_html_page_runs_right_to_left_and_an_english_one_as_before():
    arabic = render_html(_compilation(ARABIC))
    assert '<html lang="ar" dir="rtl">' in arabic
    assert '<p dir="ltr" class="legend">Legend:' in arabic  # our own English words
    assert '<p class="total" dir="ltr">Brackets in the text:' in arabic
    english = render_html(_compilation("Decides to act;", ("EU", "USA")))
    assert '<html lang="en">' in english
    assert '<p class="legend">Legend:' in english
    assert '<p class="total">Brackets' in english
    # an English note at the end of an Arabic paragraph left to right on its own
    assert ' — <em class="note" dir="ltr">delete paragraph <span class="by">(EGY)' in arabic
    assert ' — <em class="note">delete paragraph <span class="by">(EU)' in english


def test_the_page_style_mirrors_on_a_right_to_left_page():
    """Margins, alignment and borders in logical properties: no left or right."""
    assert not re.search(r"\b(left|right)\b", STYLE)
    assert "text-align: start" in STYLE


def test_english_notes_in_an_arabic_word_line_are_isolated_whole(tmp_path):
    write_compilation_docx(_compilation(ARABIC), tmp_path / "ar.docx")
    op1 = next(p for p in docx.Document(str(tmp_path / "ar.docx")).paragraphs
               if p.text.startswith("OP1\t"))
    assert op1.text == (f"OP1\t{FSI}(agreed ad ref){PDI} {ARABIC} — "
                        f"{FSI}delete paragraph (EGY){PDI} — {FSI}retain (KSA){PDI}")
    runs = [run.text for run in op1.runs]
    assert f"{FSI}delete paragraph" in runs and f"(EGY){PDI}" in runs  # italic, then bold
    write_compilation_docx(_compilation("Decides to act;", ("EU", "USA")), tmp_path / "en.docx")
    op1 = next(p for p in docx.Document(str(tmp_path / "en.docx")).paragraphs
               if p.text.startswith("OP1\t"))
    assert op1.text == ("OP1\t(agreed ad ref) Decides to act; — delete paragraph (EU)"
                        " — retain (USA)")


def test_english_notes_in_an_arabic_text_line_are_isolated_whole():
    text = render_text(_compilation(ARABIC))
    assert (f"OP1 {FSI}(agreed ad ref){PDI} {ARABIC} — {FSI}delete paragraph (EGY){PDI}"
            f" — {FSI}retain (KSA){PDI}") in text
    assert FSI not in render_text(_compilation("Decides to act;", ("EU", "USA")))


def test_english_notes_in_an_arabic_markdown_block_are_isolated_inside_the_emphasis():
    markdown = render_markdown(_compilation(ARABIC))
    assert (f"**OP1** *{FSI}(agreed ad ref){PDI}* {ARABIC} — "
            f"*{FSI}delete paragraph (EGY){PDI}* — *{FSI}retain (KSA){PDI}*") in markdown
    html = MarkdownIt("commonmark").render(markdown)
    assert f"<em>{FSI}delete paragraph (EGY){PDI}</em>" in html
    assert f"<em>{FSI}(agreed ad ref){PDI}</em>" in html
    assert FSI not in render_markdown(_compilation("Decides to act;", ("EU", "USA")))


def test_a_credit_in_an_arabic_markdown_and_text_line_is_isolated():
    zero = Revision("Zero draft", (Paragraph("o1", "OP1", OP, ARABIC),))
    compilation = merge(Document("L1", "", (zero,)), [draft_amendment(
        zero, Proposal("OP1", insert=" في عام 2027", after="المستوى"), id="A1",
        proponents=["EGY"])])
    assert f"{FSI}(EGY){PDI}" in render_text(compilation)
    assert f"{FSI}(EGY){PDI}" in render_markdown(compilation)


FRENCH = ["Rappelant sa résolution 70/1,", "Réaffirmant son engagement,",
          "Prenant note du rapport,", "1. Décide de convoquer une réunion ;",
          "Prie le Secrétaire général de lui présenter un rapport ;"]
SPANISH = ["Recordando su resolución 70/1,", "Reafirmando su compromiso,",
           "Tomando nota del informe,", "Decide convocar una reunión;",
           "Invita a los Estados a contribuir;", "Solicita al Secretario General;"]
ENGLISH = ["Recalling its resolution 70/1,", "Decides to convene a meeting;",
           "Invites States to contribute;", "Requests the Secretary-General;"]


@pytest.mark.parametrize(("texts", "language"), [
    (FRENCH, "fr"),
    (SPANISH, "es"),
    (ENGLISH, "en"),
    (["Decide to act;", *ENGLISH], "en"),  # one Spanish-looking word among English ones
    (["Decide convocar una reunión;"], "en"),  # one word tells nothing
    (["Invite les États;", "Invita a los Estados;"], "en"),  # a tie
    (["Title", *FRENCH[:2], *["Some other words"] * 20, *FRENCH], "fr"),
    ([*["Some other words"] * 20, *FRENCH], "en"),  # beyond the first paragraphs looked at
], ids=["fr", "es", "en", "en-one-decide", "one-word", "tie", "fr-among-others", "bounded"])
def test_a_latin_text_without_a_chapeau_is_told_by_its_opening_words(texts, language):
    assert text_language(texts) == language
    assert text_language(texts, "Something else,") == language  # a chapeau telling nothing
    assert text_language(texts, "The General Assembly,") == "en"  # one telling English
    assert text_language(texts, "L'Assemblée générale,") == "fr"


def test_the_status_of_an_arabic_heading_is_isolated_in_every_format(tmp_path):
    zero = Revision("Zero draft", (Paragraph(
        "h1", "H1", ParagraphKind.HEADING, "أولا - التنفيذ", level=1,
        status=ParagraphStatus.AGREED),))
    compilation = merge(Document("L1", "", (zero,)), [])
    assert '<em dir="ltr">(agreed)</em>' in render_html(compilation)
    assert f"أولا - التنفيذ {FSI}(agreed){PDI}" in render_text(compilation)
    assert f"## أولا - التنفيذ *{FSI}(agreed){PDI}*" in render_markdown(compilation)
    write_compilation_docx(compilation, tmp_path / "h.docx")
    texts = [p.text for p in docx.Document(str(tmp_path / "h.docx")).paragraphs]
    assert f"أولا - التنفيذ {FSI}(agreed){PDI}" in texts


def _bidi_of(path, words: str) -> list[str | None]:
    """The ``w:bidi`` values of the Word paragraphs holding ``words`` (None: no w:bidi)."""
    found = []
    for paragraph in docx.Document(str(path)).paragraphs:
        if words in paragraph.text:
            bidi = paragraph._p.find(f"{NS}pPr/{NS}bidi")
            found.append(None if bidi is None else bidi.get(f"{NS}val", "1"))
    return found


NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_the_legend_of_an_arabic_word_compilation_reads_left_to_right(tmp_path):
    """A secretariat's Arabic styles lay every paragraph out from the right: the legend,
    English, had its full stop at its start (".alternatives not agreed")."""
    arabic, english = tmp_path / "ar.docx", tmp_path / "en.docx"
    write_compilation_docx(_compilation(ARABIC), arabic)
    write_compilation_docx(_compilation("Decides to act;", ("EU", "USA")), english)
    assert _bidi_of(arabic, "Insertions in bold") == ["0"]
    assert _bidi_of(arabic, "compilation of proposals") == ["0"]
    assert _bidi_of(english, "Insertions in bold") == [None]  # as before


def _options(first: str, second: str):
    """OP1 typed as options: two, and a third "No text"; an amendment to the second."""
    zero = Revision("Zero draft", (Paragraph("o1", "OP1", OP, f"[{first}][{second}][]"),))
    return merge(Document("L1", "", (zero,)), [
        draft_amendment(zero, Proposal("OP1", insert=" فورا", after=second), id="A1",
                        proponents=["EGY"])])


def test_the_options_of_an_arabic_paragraph_lead_with_isolated_english_in_every_format(
        tmp_path):
    """An Arabic line opening "Option 2:" was laid out left to right (its first letter
    Latin), the Arabic option words on the left; "Option 3: No text" likewise."""
    compilation = _options("تقرر عقد اجتماع", "تقرر النظر في المسألة")
    lead = f"{FSI}Option 2:{PDI} "
    empty = f"{FSI}Option 3:{PDI} {FSI}No text{PDI}"
    text = render_text(compilation).splitlines()
    assert f"OP1 {FSI}Option 1:{PDI} تقرر عقد اجتماع" in text
    assert any(line.startswith(f"{lead}تقرر النظر في المسألة") for line in text)
    assert empty in text
    markdown = render_markdown(compilation)
    assert f"\n\n{lead}تقرر النظر في المسألة" in markdown and f"\n\n{empty}" in markdown
    html = render_html(compilation)
    assert f'<p dir="rtl">{lead}تقرر النظر في المسألة' in html
    assert f'<p dir="rtl">{empty}</p>' in html  # no Arabic letter of its own: told
    write_compilation_docx(compilation, tmp_path / "ar.docx")
    shown = [p.text for p in docx.Document(str(tmp_path / "ar.docx")).paragraphs]
    assert f"\t{empty}" in shown


def test_the_options_of_an_english_paragraph_are_written_as_before(tmp_path):
    compilation = _options("Decides to convene a meeting", "Decides to consider it")
    text = render_text(compilation)
    assert "OP1 Option 1: Decides to convene a meeting" in text
    assert "\nOption 3: No text\n" in text and FSI not in text
    html = render_html(compilation)
    assert '<p dir="auto">Option 3: No text</p>' in html and FSI not in html
    assert FSI not in render_markdown(compilation)
