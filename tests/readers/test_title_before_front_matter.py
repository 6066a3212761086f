"""A title in Word's "Title" style with more front matter after it (the symbol, the title,
then "Draft resolution submitted by the Vice-President"). The lines after the title stay
after it (``after_title``), so the text as shown and written keeps the document's order
(it was read as front matter, shown above the title, with a warning)."""

from __future__ import annotations

from pathlib import Path

import docx

from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft

SUBTITLE = "Draft resolution submitted by the Vice-President on the basis of consultations"


def _word(path: Path, *, title_first: bool) -> Path:
    word = docx.Document()
    word.add_paragraph("A/HRC/58/L.4")
    if title_first:
        word.add_paragraph("The right to food", style="Title")
        word.add_paragraph(SUBTITLE)
    else:
        word.add_paragraph(SUBTITLE)
        word.add_paragraph("The right to food", style="Title")
    word.add_paragraph("The Human Rights Council,")
    word.add_paragraph("Recalling its resolution 55/9,")
    word.add_paragraph("1.\tReaffirms the right of everyone to have access to safe food;")
    word.save(path)
    return path


def test_the_lines_after_a_title_stay_after_it(tmp_path):
    result = read_docx_draft(_word(tmp_path / "L4.docx", title_first=True))
    assert (result.front_matter, result.title, result.after_title) == (
        ("A/HRC/58/L.4",), "The right to food", (SUBTITLE,))
    assert result.warnings == ()
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1"]


def test_a_title_after_the_front_matter_is_no_warning(tmp_path):
    result = read_docx_draft(_word(tmp_path / "L4.docx", title_first=False))
    assert (result.title, result.warnings) == ("The right to food", ())


def test_the_lines_after_a_markdown_title_stay_after_it_too():
    result = read_text(f"A/HRC/58/L.4\n\n# The right to food\n\n{SUBTITLE}\n\nFiji: draft\n\n"
                       "The Human Rights Council,\n\nRecalling its resolution 55/9,",
                       name="L4.md", markdown=True)
    assert (result.front_matter, result.after_title, result.warnings) == (
        ("A/HRC/58/L.4",), (SUBTITLE, "Fiji: draft"), ())


def test_a_designation_in_the_title_style_is_front_matter(tmp_path):
    """UNFCCC heads a decision "Draft decision -/CMA.8" in the title style, then its
    title: the designation was read as the title, and the title as a line after it."""
    word = docx.Document()
    word.add_paragraph("FCCC/PA/CMA/2026/L.4")
    word.add_paragraph("Draft decision -/CMA.8", style="Title")
    word.add_paragraph("New collective quantified goal on climate finance", style="Title")
    word.add_paragraph("The Conference of the Parties serving as the meeting of the Parties "
                       "to the Paris Agreement,")
    word.add_paragraph("Recalling decision 1/CMA.3,")
    word.add_paragraph("1.\tDecides that the goal shall be at least USD 300 billion;")
    word.save(tmp_path / "L4.docx")
    result = read_docx_draft(tmp_path / "L4.docx")
    assert (result.title, result.front_matter, result.warnings) == (
        "New collective quantified goal on climate finance",
        ("FCCC/PA/CMA/2026/L.4", "Draft decision -/CMA.8"), ())


def test_a_marks_note_after_the_last_paragraph_wants_no_label(tmp_path):
    """The Human Rights Council's "* State not a member of the Human Rights Council.",
    after the text, was warned of as a paragraph to give a label (e.g. OP7)."""
    word = docx.Document()
    word.add_paragraph("A/HRC/61/L.12")
    word.add_paragraph("Freedom of expression", style="Title")
    word.add_paragraph("The Human Rights Council,")
    word.add_paragraph("1.\tCalls upon all States to respect freedom of expression;")
    word.add_paragraph("*\tState not a member of the Human Rights Council.")
    word.save(tmp_path / "L12.docx")
    result = read_docx_draft(tmp_path / "L12.docx")
    assert [(p.label, p.text) for p in result.paragraphs][-1] == (
        "T1", "*\tState not a member of the Human Rights Council.")
    assert result.warnings == ()
