"""A delegate puts a page break in a copy of the imported draft (Ctrl+Enter: a paragraph
holding only ``<w:br w:type="page"/>``), or Word leaves a paragraph of layout alone (a
``w:lastRenderedPageBreak``, a ``w:pageBreakBefore``). Untracked in a copy with tracked
changes, the break's paragraph was said to be "not in Zero draft ... read as a new
paragraph", though nothing was read: it carries no text, and is passed over quietly,
tracked or not. A paragraph holding text after a page break is still a new paragraph."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

SAMPLES = Path(__file__).parents[2] / "samples" / "docx"
SYMBOL = "A/C.2/81/L.7"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_STAMP = 'w:author="Anna Schmidt" w:date="2026-11-02T10:00:00Z"'
_BREAKS = {
    "page break": f'<w:p {_W}><w:r><w:br w:type="page"/></w:r></w:p>',
    "page break, tracked": f'<w:p {_W}><w:pPr><w:rPr><w:ins w:id="901" {_STAMP}/></w:rPr>'
                           f'</w:pPr><w:ins w:id="902" {_STAMP}><w:r><w:br w:type="page"/>'
                           "</w:r></w:ins></w:p>",
    "column break": f'<w:p {_W}><w:r><w:br w:type="column"/></w:r></w:p>',
    "last rendered page break": f"<w:p {_W}><w:r><w:lastRenderedPageBreak/></w:r></w:p>",
    "page break before": f"<w:p {_W}><w:pPr><w:pageBreakBefore/></w:pPr></w:p>",
}


def _copy(tmp_path: Path, before: str, xml: str) -> Path:
    """A copy of the sample draft with ``xml`` (a paragraph) before the paragraph opening
    with ``before``, and " urgently" inserted after OP2, tracked by Anna Schmidt."""
    word = docx.Document(str(SAMPLES / "zero-draft.docx"))
    paragraphs = word.paragraphs
    next(p for p in paragraphs if p.text.startswith(before))._p.addprevious(parse_xml(xml))
    op2 = next(p for p in paragraphs if p.text.startswith("2.\t"))
    op2.runs[-1]._r.addnext(parse_xml(f'<w:ins {_W} w:id="903" {_STAMP}><w:r><w:t xml:space='
                                      '"preserve"> urgently</w:t></w:r></w:ins>'))
    path = tmp_path / "EU.docx"
    word.save(str(path))
    return path


@pytest.mark.parametrize("kind", list(_BREAKS))
@pytest.mark.parametrize("before", ["3.\t", "Recalling also", "Sustainable small"])
def test_a_paragraph_holding_only_a_break_is_passed_over_quietly(tmp_path, kind, before):
    document = read_docx_draft(SAMPLES / "zero-draft.docx").to_document(SYMBOL)
    read = read_docx_submission(_copy(tmp_path, before, _BREAKS[kind]), document,
                                authors={"Anna Schmidt": "EU"})
    assert [(a.kind, a.new_text) for a in read.amendments] == [("insert", " urgently")]
    assert read.warnings == ()


def test_a_deleted_paragraph_holding_only_a_break_is_passed_over_quietly(tmp_path):
    deleted = (f'<w:p {_W}><w:pPr><w:rPr><w:del w:id="901" {_STAMP}/></w:rPr></w:pPr>'
               f'<w:del w:id="902" {_STAMP}><w:r><w:br w:type="page"/></w:r></w:del></w:p>')
    document = read_docx_draft(SAMPLES / "zero-draft.docx").to_document(SYMBOL)
    read = read_docx_submission(_copy(tmp_path, "3.\t", deleted), document,
                                authors={"Anna Schmidt": "EU"})
    assert [(a.kind, a.new_text) for a in read.amendments] == [("insert", " urgently")]
    assert read.warnings == ()


def test_a_paragraph_with_text_after_a_page_break_is_still_read(tmp_path):
    xml = (f'<w:p {_W}><w:r><w:br w:type="page"/><w:t>Welcomes the progress made;</w:t>'
           "</w:r></w:p>")
    document = read_docx_draft(SAMPLES / "zero-draft.docx").to_document(SYMBOL)
    read = read_docx_submission(_copy(tmp_path, "3.\t", xml), document,
                                authors={"Anna Schmidt": "EU"}, delegation="EU")
    assert [(a.kind, a.new_text.strip()) for a in read.amendments] == [
        ("insert", "urgently"), ("new paragraph", "Welcomes the progress made;")]
    (warning,) = read.warnings  # untracked in a tracked copy: said, and read
    assert "not tracked as inserted" in warning.message
