"""The UN layout every writer starts from for a text that did not come from Word."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.oxml.ns import qn

from drafting.readers import read_draft, read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_un import un_document

SAMPLE = Path(__file__).parents[2] / "samples" / "zero-draft.md"


def _written(document, tmp_path):
    path = tmp_path / "un.docx"
    path.write_bytes(un_document(document, author="Secretariat"))
    return path


def test_the_sample_reads_back_as_it_was_written(tmp_path):
    markdown = read_draft(SAMPLE)
    path = _written(markdown.to_document("A/C.2/81/L.7"), tmp_path)
    word = read_docx_draft(path)
    assert (word.front_matter, word.title, word.chapeau) == (
        markdown.front_matter, markdown.title, markdown.chapeau)
    assert [(p.label, p.kind, p.text) for p in word.paragraphs] == [
        (p.label, p.kind, p.text) for p in markdown.paragraphs]
    assert word.warnings == ()


def test_it_looks_like_a_un_draft_and_names_the_secretariat(tmp_path):
    path = _written(read_draft(SAMPLE).to_document("A/C.2/81/L.7"), tmp_path)
    word = docx.Document(str(path))
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert word.styles["Normal"].font.name == "Times New Roman"
    assert section.header.paragraphs[0].text == "A/C.2/81/L.7"
    texts = [p.text for p in word.paragraphs]
    assert "PP1" not in "".join(texts)  # preambular paragraphs carry no label
    op1 = next(p for p in word.paragraphs if p.text.startswith("1.\t"))
    assert [r.italic for r in op1.runs if r.text.strip()][:2] == [None, True]  # 1. *Decides*
    assert word.core_properties.author == "Secretariat"
    assert "python-docx" not in (word.core_properties.author + word.core_properties.comments)


def test_treaty_articles_numbers_and_footnotes_read_back(tmp_path):
    text = ("# Draft agreement\n\nThe Parties to this Agreement,\n\nRecognizing the need[^1],\n\n"
            "[^1]: As agreed in 2023.\n\n## Article 1\n\n1. Each Party shall act.\n\n"
            "1 bis. Each Party may cooperate.\n\n## Article 2\n\n1. Parties shall report.\n")
    read = read_text(text)
    path = _written(read.to_document("BBNJ"), tmp_path)
    again = read_docx_draft(path)
    assert [(p.label, p.text) for p in again.paragraphs] == [
        (p.label, p.text) for p in read.paragraphs]
    assert [p.label for p in again.paragraphs] == ["PP1", "FN1", "H1", "1.1", "1.1 bis", "H2",
                                                   "2.1"]


def test_arabic_runs_right_to_left_and_chinese_stays_upright(tmp_path):
    read = read_text("إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\n1. 回顾其第70/1号决议;\n")
    body = docx.Document(io.BytesIO(un_document(read.to_document("X")))).element.body
    paragraphs = list(body.iter(qn("w:p")))
    arabic = next(p for p in paragraphs if "إذ تشير" in "".join(p.itertext()))
    assert arabic.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
    assert all(r.find(f"{qn('w:rPr')}/{qn('w:rtl')}") is not None for r in arabic.iter(qn("w:r")))
    assert not list(body.iter(qn("w:i")))  # no italics forced on either script


def test_an_arabic_draft_runs_right_to_left_from_its_first_line_and_reads_back(tmp_path):
    text = ("الأمم المتحدة\n\nA/C.2/81/L.98\n\nمصائد الأسماك المستدامة\n\n"
            "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\n1 - تقرر عقد اجتماع؛\n")
    read = read_text(text)
    path = _written(read.to_document("A/C.2/81/L.98"), tmp_path)
    word = docx.Document(str(path))
    direction = {p.text: p._p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") is not None
                 for p in word.paragraphs}
    assert direction["الأمم المتحدة"] and direction["مصائد الأسماك المستدامة"]
    assert direction["إن الجمعية العامة،"] and not direction["A/C.2/81/L.98"]
    assert direction["1 -\tتقرر عقد اجتماع؛"]  # numbered as the UN types Arabic
    title = word.styles["Title"].element.rPr  # Arabic in the Title's own size and weight,
    assert title.find(qn("w:szCs")).get(qn("w:val")) == title.find(qn("w:sz")).get(qn("w:val"))
    assert title.find(qn("w:bCs")) is not None  # its letters not pulled apart
    assert title.find(qn("w:spacing")) is None
    again = read_docx_draft(path)
    assert (again.front_matter, again.title, again.chapeau) == (
        read.front_matter, read.title, read.chapeau)
    assert [(p.label, p.text) for p in again.paragraphs] == [
        (p.label, p.text) for p in read.paragraphs]


def test_paragraphs_spelt_as_markup_are_those_built_element_by_element():
    from lxml import etree

    from drafting.model import Mark, Style
    from drafting.writers.docx_un import _built, _elements
    from drafting.writers.pieces import carries_formatting, shown_marks

    texts = [SAMPLE.read_text(encoding="utf-8"),
             "# Draft agreement\n\nThe Parties to this Agreement,\n\nRecognizing the need[^1],"
             "\n\n[^1]: As agreed in 2023 & <later>.\n\n## Article 1\n\n1. Each Party shall act:"
             "\n(a) first;\n(b) second.\n\n1 bis. Each Party may \tcooperate.\n",
             "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 70/1،\n\n1. 回顾其第70/1号决议;\n",
             "The General Assembly,\n\nNoting with concern  the   spaces,\n\n1. Decides\r so;\n"]
    for text in texts:
        paragraphs = read_text(text).to_document("X").current.paragraphs
        formatted = carries_formatting(paragraphs)
        for paragraph in paragraphs:
            for marks in (shown_marks(paragraph, formatted),
                          (Mark(2, 9, Style.ITALIC), Mark(4, 12, Style.BOLD),
                           Mark(6, 8, Style.SUPERSCRIPT), Mark(7, 30, Style.UNDERLINE),
                           Mark(20, 25, Style.SMALL_CAPS))):
                assert [etree.tostring(e) for e in _elements(paragraph, marks)] == \
                    [etree.tostring(e) for e in _built(paragraph, marks)]


def test_a_revision_is_headed_with_its_own_symbol(tmp_path):
    """Rev.1 of a text from Markdown was headed with the bare symbol, and its properties
    named it: Rev.1's file is headed "A/C.2/81/L.7/Rev.1" now, as the secretariat's
    own document is; the zero draft keeps the bare symbol."""
    import dataclasses

    from drafting.engine import Decisions, revise

    document = read_draft(SAMPLE).to_document("A/C.2/81/L.7")
    new = revise(document, [], Decisions(), label="Rev.1").revision
    both = dataclasses.replace(document, revisions=(*document.revisions, new))
    for revision, symbol in (("Rev.1", "A/C.2/81/L.7/Rev.1"), ("Zero draft", "A/C.2/81/L.7")):
        word = docx.Document(io.BytesIO(un_document(both, revision=revision)))
        assert word.sections[0].header.paragraphs[0].text == symbol, revision
        assert word.core_properties.subject == symbol, revision
    rev1 = docx.Document(io.BytesIO(un_document(both)))  # the current revision
    assert rev1.sections[0].header.paragraphs[0].text == "A/C.2/81/L.7/Rev.1"
