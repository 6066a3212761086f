"""A paragraph bracketed whole with its number, as negotiators bracket one that is not agreed:
"[2. Decides to convene a conference;]". Its number is its label (OP2), read inside the
bracket, and its text keeps the bracket: "[Decides to convene a conference;]". It was read
as other text (T1), with a warning, and a delegation's copy proposed to insert "2." in it.
A copy that types "[" before a paragraph's number brackets the paragraph: one proposal."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from drafting.model import AmendmentKind
from drafting.readers import read_docx_submission, read_draft
from drafting.wording import describe

SYMBOL = "A/C.6/81/L.4"
OP2 = "Decides to convene a conference in 2027;"
LINES = ["The General Assembly,", "Recalling its resolution 76/72,",
         "[Reaffirming the importance of the Convention,]",
         "1.\tWelcomes the report of the Secretary-General;", f"[2.\t{OP2}]",
         "3.\tRequests the Secretary-General to report."]
READ = [("PP1", "Recalling its resolution 76/72,"),
        ("PP2", "[Reaffirming the importance of the Convention,]"),
        ("OP1", "Welcomes the report of the Secretary-General;"), ("OP2", f"[{OP2}]"),
        ("OP3", "Requests the Secretary-General to report.")]


def typed_draft(path: Path, lines: list[str] = LINES) -> Path:
    """A draft typed in Word: a title, then each line a paragraph, its number typed."""
    word = docx.Document()
    word.add_paragraph("Oceans and the law of the sea", style="Title")
    for line in lines:
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _read(result):
    return [(str(p.label), p.text) for p in result.paragraphs]


@pytest.mark.parametrize("typed", [f"[2.\t{OP2}]", f"[2. {OP2}]", f"[2.\u00a0{OP2}]",
                                   f"[OP2 {OP2}]"])
def test_a_paragraph_bracketed_with_its_number_is_read_by_its_number(tmp_path, typed):
    lines = [*LINES[:4], typed, LINES[5]]
    markdown = tmp_path / "draft.md"
    markdown.write_text("# Oceans\n\n" + "\n\n".join(line.replace("\t", " ") for line in lines),
                        encoding="utf-8")
    for result in (read_draft(markdown), read_draft(typed_draft(tmp_path / "d.docx", lines))):
        assert _read(result) == READ
        assert result.warnings == ()


def test_a_bracket_that_opens_no_number_is_text(tmp_path):
    lines = [*LINES[:4], "[2.] Decides to convene a conference;", LINES[5]]
    result = read_draft(typed_draft(tmp_path / "d.docx", lines))
    assert ("T1", "[2.] Decides to convene a conference;") in _read(result)


def _copy(source: Path, target: Path, edit) -> Path:
    word = docx.Document(str(source))
    for paragraph in word.paragraphs:
        edit(paragraph)
    word.save(str(target))
    return target


def _shown(read):
    return [(a.paragraph_id, a.kind, a.old_text, a.new_text) for a in read.amendments]


def test_a_copy_of_it_is_read_against_the_bracketed_text(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    document = read_draft(source).to_document(SYMBOL)
    op2 = document.current.by_label("OP2").id

    def later(paragraph):
        for run in paragraph.runs:
            run.text = run.text.replace("2027", "2028")

    read = read_docx_submission(_copy(source, tmp_path / "eu.docx", later), document,
                                delegation="EU")
    assert _shown(read) == [(op2, AmendmentKind.REPLACE, "2027", "2028")]
    assert read.warnings == ()

    def agreed(paragraph):  # the brackets taken away, the number kept
        if paragraph.text.startswith("[2."):
            paragraph.runs[0].text = paragraph.runs[0].text[1:-1]

    read = read_docx_submission(_copy(source, tmp_path / "usa.docx", agreed), document,
                                delegation="USA")
    text = document.current.by_label("OP2").text  # one proposal: the brackets lifted
    assert [(a.kind, a.old_text, a.new_text) for a in read.amendments] == [
        (AmendmentKind.REPLACE, text, text[1:-1])]
    assert describe(read.amendments[0], text) == "lift the brackets of the paragraph"
    assert read.warnings == ()


def _tracked(run_element, text: str, tag: str = "w:ins"):
    mark = etree.Element(qn(tag), {qn("w:id"): str(id(run_element) % 10_000),
                                   qn("w:author"): "Anna", qn("w:date"): "2026-12-01T10:00:00Z"})
    run = etree.SubElement(mark, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = text
    return mark


def test_a_bracket_typed_before_a_paragraphs_number_brackets_the_paragraph(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    document = read_draft(source).to_document(SYMBOL)

    def bracket(paragraph):
        if paragraph.text.startswith("3."):
            runs = paragraph._p.findall(qn("w:r"))
            runs[0].addprevious(_tracked(runs[0], "["))
            runs[-1].addnext(_tracked(runs[-1], "]"))

    read = read_docx_submission(_copy(source, tmp_path / "eu.docx", bracket), document,
                                delegation="EU")
    op3 = document.current.by_label("OP3")
    assert _shown(read) == [(op3.id, AmendmentKind.BRACKET, op3.text, f"[{op3.text}]")]
    assert read.warnings == ()
