"""Every paragraph's style id, found in one pass over the styles a part names
(`body.style_ids`), is the one each paragraph's own properties give (`body.style_id`)."""

from __future__ import annotations

from docx import Document as WordDocument
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from drafting.ooxml.body import style_id, style_ids
from drafting.ooxml.package import open_word

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DATE = 'w:author="A" w:date="2026-01-02T03:04:05Z"'
PROPERTIES = {
    "none": "",
    "empty": "<w:pPr/>",
    "styled": '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
    "other": '<w:pPr><w:pStyle w:val="Title"/><w:jc w:val="center"/></w:pPr>',
    "unstyled, was styled": f'<w:pPr><w:jc w:val="left"/><w:pPrChange w:id="1" {_DATE}>'
                            '<w:pPr><w:pStyle w:val="Old"/></w:pPr></w:pPrChange></w:pPr>',
    "styled, was other": f'<w:pPr><w:pStyle w:val="New"/><w:pPrChange w:id="2" {_DATE}>'
                         '<w:pPr><w:pStyle w:val="Old"/></w:pPr></w:pPrChange></w:pPr>',
    "two styles": '<w:pPr><w:pStyle w:val="First"/><w:pStyle w:val="Second"/></w:pPr>',
    "second properties": '<w:pPr/><w:pPr><w:pStyle w:val="Late"/></w:pPr>',
    "after a run": '<w:r><w:t>a</w:t></w:r><w:pPr><w:pStyle w:val="Late"/></w:pPr>',
}
RUNS = {
    "text": "<w:r><w:t>Recalling</w:t></w:r>",
    "text box": '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
                '<w:txbxContent><w:p><w:pPr><w:pStyle w:val="Boxed"/></w:pPr><w:r><w:t>b'
                "</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>",
}
paragraph = st.tuples(st.sampled_from(sorted(PROPERTIES)),
                      st.lists(st.sampled_from(sorted(RUNS)), max_size=3), st.booleans())


def _body(paragraphs: list[tuple[str, list[str], bool]]) -> etree._Element:
    xml = []
    for properties, parts, in_table in paragraphs:
        p = f"<w:p>{PROPERTIES[properties]}{''.join(RUNS[r] for r in parts)}</w:p>"
        xml.append(f"<w:tbl><w:tr><w:tc>{p}</w:tc></w:tr></w:tbl>" if in_table else p)
    return etree.fromstring(f'<w:body xmlns:w="{W}">{"".join(xml)}</w:body>')


@settings(max_examples=300, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_the_one_pass_finds_each_paragraphs_own_style(paragraphs):
    body = _body(paragraphs)
    found = style_ids(body)
    assert {p: found.get(p) for p in body.iter(f"{{{W}}}p")} == \
        {p: style_id(p) for p in body.iter(f"{{{W}}}p")}


def test_a_word_documents_styles_are_found_in_one_pass(tmp_path):
    """A document python-docx writes (a title, headings, plain paragraphs, a table),
    read back from its file."""
    word = WordDocument()
    word.add_heading("Draft resolution", level=0)
    word.add_paragraph("The General Assembly,")
    word.add_heading("Follow-up", level=1)
    word.add_paragraph("1. Decides to remain seized of the matter;", style="List Number")
    word.add_table(rows=1, cols=2).cell(0, 1).add_paragraph("a cell", style="Quote")
    word.save(tmp_path / "draft.docx")
    body = open_word(tmp_path / "draft.docx").body
    found = style_ids(body)
    paragraphs = list(body.iter(f"{{{W}}}p"))
    assert [found.get(p) for p in paragraphs] == [style_id(p) for p in paragraphs]
    assert {"Title", "Heading1", "ListNumber", "Quote"} <= set(found.values())
