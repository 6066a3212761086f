"""What a tracked copy's inserted words were typed in (italics, bold) is read as the
amendment's marks over its new text: typed over words deleted (one replacement), or
widened to the whole word it was typed into, the draft's own letters kept as they were."""

from __future__ import annotations

from docx_builders import DOCUMENT, ZERO, Styled, dele, house, ins, write_docx

from drafting.model import AmendmentKind, Mark, Style
from drafting.readers.docx_submission import read_docx_submission


def _read(tmp_path, edits):
    path = write_docx(tmp_path / "eu.docx", house(ZERO, edits))
    return read_docx_submission(path, DOCUMENT, delegation="EU").amendments


def test_words_typed_in_italics_over_words_deleted_are_a_replacement_in_italics(tmp_path):
    (amendment,) = _read(tmp_path, {"OP1": [
        "Requests the Secretary-General to submit a report on ", dele("small-scale fishers"),
        ins("the ", Styled("Voluntary Guidelines"), " for fishers"), ";"]})
    assert amendment.kind is AmendmentKind.REPLACE
    assert amendment.new_text == "the Voluntary Guidelines for fishers"
    assert amendment.marks == (Mark(4, 24, Style.ITALIC),)


def test_a_letter_typed_in_bold_into_a_word_marks_that_letter_only(tmp_path):
    """"report" + a bold "s": the amendment replaces the whole word, and its marks are the
    letter typed (the draft's "report" is plain there)."""
    (amendment,) = _read(tmp_path, {"OP1": [
        "Requests the Secretary-General to submit a report", ins(Styled("s", ("w:b",))),
        " on small-scale fishers;"]})
    assert (amendment.old_text, amendment.new_text) == ("report", "reports")
    assert amendment.marks == (Mark(6, 7, Style.BOLD),)


def test_words_typed_plain_have_no_marks(tmp_path):
    (amendment,) = _read(tmp_path, {"OP1": [
        "Requests the Secretary-General to submit a report", ins(" and proposals"),
        " on small-scale fishers;"]})
    assert amendment.new_text == " and proposals" and amendment.marks == ()
