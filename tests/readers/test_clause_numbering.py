"""Clauses numbered on several levels, as IMO, ICAO and ISO texts number them ("1.",
"1.1", "1.1.1"), typed or by a Word (or LibreOffice) multilevel list: each clause is a
paragraph labelled by the number it shows, and a new clause a delegation's copy numbers
"1.2" after 1.1.1 is proposed after clause 1.1 (and its sub-clauses). A treaty whose
titled headings ("Objective", "Definitions") each restart its list numbers each
section's paragraphs by the heading's place (``2.1``), with no warning."""

from __future__ import annotations

import docx
import pytest
from clause_documents import (
    CLAUSES,
    LABELS,
    NEW,
    TITLED,
    clauses_docx,
    libreoffice_clauses,
    libreoffice_titled,
    new_clause_copy,
)
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission


def _written(kind: str, path):
    if kind == "libreoffice":
        return libreoffice_clauses(path)
    return clauses_docx(path, word=kind == "word")


@pytest.mark.parametrize("kind", ["typed", "word", "libreoffice"])
def test_each_clause_is_a_paragraph_labelled_by_the_number_it_shows(tmp_path, kind):
    result = read_draft(_written(kind, tmp_path / f"{kind}.docx"))
    assert [p.label for p in result.paragraphs] == LABELS
    assert result.warnings == ()
    texts = [text for level, text in CLAUSES if level != "heading"]
    assert [p.text for p in result.paragraphs if not p.label.startswith("H")] == texts


@pytest.mark.parametrize("kind", ["typed", "word"])
def test_a_new_clause_numbered_above_the_one_before_follows_its_own_level(tmp_path, kind):
    source = clauses_docx(tmp_path / "draft.docx", word=kind == "word")
    document = read_draft(source).to_document("MSC 110/5")
    copy = new_clause_copy(source, tmp_path / "copy.docx",
                           typed="1.2\t" if kind == "typed" else "")
    read = read_docx_submission(copy, document, delegation="NOR",
                                authors={"Norway": "NOR"})
    [amendment] = read.amendments
    assert amendment.kind.value == "new paragraph" and amendment.new_text.strip() == NEW
    # after clause 1.1 (so after its sub-clause 1.1.1), not after 1.1.1: 1.1 bis
    assert document.current.by_id(amendment.paragraph_id).label == "1.1"


def test_a_new_sub_clause_stays_under_the_clause_before(tmp_path):
    source = clauses_docx(tmp_path / "draft.docx", word=True)
    document = read_draft(source).to_document("MSC 110/5")
    copy = new_clause_copy(source, tmp_path / "copy.docx", level=2)  # Word shows 1.1.2
    [amendment] = read_docx_submission(copy, document, delegation="NOR",
                                       authors={"Norway": "NOR"}).amendments
    assert document.current.by_id(amendment.paragraph_id).label == "1.1.1"


def test_titled_sections_whose_lists_start_again_are_numbered_by_heading(tmp_path):
    result = read_draft(libreoffice_titled(tmp_path / "titled.docx"))
    labels = [(p.label, p.text) for p in result.paragraphs]
    assert labels[:2] == [("PP1", "Recalling the United Nations Convention on the Law of "
                           "the Sea,"), ("T1", "Have agreed as follows:")]
    expected = []
    for number, (title, texts) in enumerate(TITLED, start=1):
        expected += [title, *(f"{number}.{k}" for k in range(1, len(texts) + 1))]
    assert [p.text if p.label.startswith("H") else p.label
            for p in result.paragraphs[2:]] == expected
    assert result.warnings == ()


def test_a_list_started_again_after_an_unnumbered_heading_says_so(tmp_path):
    """Among "Article N" headings a titled one keys no section: a list Word starts again
    after it is other text, and the warning names the heading, not "no heading"."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="71"><w:lvl w:ilvl="0"><w:start '
        'w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:abstractNum>"))
    for num, again in (("71", ""), ("72", '<w:lvlOverride w:ilvl="0"><w:startOverride '
                                      'w:val="1"/></w:lvlOverride>')):  # starts again at 1
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId '
                                   f'w:val="71"/>{again}</w:num>'))
    word.add_paragraph("The Parties to this Agreement,")
    word.add_paragraph("Article 1", style="Heading 1")
    for num, text in (("71", "Each Party shall report."), ("71", "Reports shall be public."),
                      ("72", "This Agreement is open for signature.")):
        if text.startswith("This"):
            word.add_paragraph("Final clauses", style="Heading 1")
        paragraph = word.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'))
    path = tmp_path / "mixed.docx"
    word.save(path)
    result = read_draft(path)
    assert [p.label for p in result.paragraphs] == ["H1", "OP1", "OP2", "H2", "T1"]
    [warning] = [w.message for w in result.warnings]
    assert "shows OP1 a second time (the list starts again after the heading 'Final " \
        "clauses', which numbers no section" in warning
    assert "no heading before it" not in warning


def _multilevel(path, rows):
    """A treaty whose ``rows`` (a heading's text, or a level and a paragraph's text) Word
    numbers in one multilevel list ("%1.", "%1.%2", "%1.%2.%3"), restarted under each
    heading."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    levels = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                     f'<w:lvlText w:val="{text}"/></w:lvl>'
                     for i, text in enumerate(["%1.", "%1.%2", "%1.%2.%3"]))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="95">'
                                  f"{levels}</w:abstractNum>"))
    word.add_paragraph("The Parties to this Agreement,")
    num = 94
    for level, text in rows:
        if isinstance(level, str):
            num += 1
            numbering.append(parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num}"><w:abstractNumId w:val="95"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                "</w:num>"))
            word.add_paragraph(text, style="Heading 1")
            continue
        paragraph = word.add_paragraph(text)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/>'
            "</w:numPr>"))
    word.save(path)
    return read_draft(path)


def test_clauses_under_a_numbered_heading_but_not_under_an_article_numbering_its_own(
        tmp_path):
    """Under "1. GENERAL" Word's "1.1", "1.2.1" are clauses; under "Article 1", whose
    paragraphs Word numbers "1.", "2." (OP1, OP2), a "1.1" below is a line of its own
    paragraph, as before: it is no clause 1.1 beside paragraph 1 of Article 1."""
    clauses = _multilevel(tmp_path / "clauses.docx", [
        ("h", "1. GENERAL"), (1, "Clause one one."), (1, "Clause one two."),
        (2, "Clause one two one.")])
    assert [p.label for p in clauses.paragraphs] == ["H1", "1.1", "1.2", "1.2.1"]
    treaty = _multilevel(tmp_path / "treaty.docx", [
        ("h", "Article 1"), (0, "Each Party shall act."), (1, "It shall report."),
        (0, "Each Party shall cooperate.")])
    assert [(p.label, p.text) for p in treaty.paragraphs] == [
        ("H1", "Article 1"), ("OP1", "Each Party shall act.\n1.1 It shall report."),
        ("OP2", "Each Party shall cooperate.")]
    assert clauses.warnings == treaty.warnings == ()
