"""A delegation's copy of a draft reissued for technical reasons ("A/C.2/81/L.50*", its
note "*  Reissued for technical reasons on ..." after the title) warned that "the title
holds words Zero draft's does not", quoting the very note the draft holds: the import
took the note for the title, and the title's spaces were compared uncollapsed."""

from __future__ import annotations

from pathlib import Path

import docx

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

NOTE = "*  Reissued for technical reasons on 3 November 2026."


def _draft(path: Path, *, title: str, note: str = "", year: str = "2027") -> Path:
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "A/C.2/81/L.50*"
    for line in ("United Nations", "A/C.2/81/L.50*", "General Assembly", "Distr.: Limited",
                 title, *([note] if note else [])):
        word.add_paragraph(line)
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    word.add_paragraph(f"1.\tDecides to convene a meeting in {year};")
    word.save(path)
    return path


def _read_copy(tmp_path: Path, title: str, note: str = ""):
    document = read_docx_draft(_draft(tmp_path / "L50.docx", title=title, note=note)
                               ).to_document("A/C.2/81/L.50")
    copy = _draft(tmp_path / "eu.docx", title=title, note=note, year="2028")
    return read_docx_submission(copy, document, delegation="EU")


def test_a_copy_of_a_reissued_draft_reads_without_a_word_on_its_note(tmp_path):
    read = _read_copy(tmp_path, "Ocean observation for sustainable development", NOTE)
    assert [(a.old_text, a.new_text) for a in read.amendments] == [("2027", "2028")]
    assert [w.message for w in read.warnings] == []


def test_a_title_typed_with_two_spaces_is_the_drafts_own_in_its_copy(tmp_path):
    read = _read_copy(tmp_path, "Ocean  observation for sustainable development")
    assert [(a.old_text, a.new_text) for a in read.amendments] == [("2027", "2028")]
    assert [w.message for w in read.warnings] == []
