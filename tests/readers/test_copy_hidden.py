"""Hidden text (``w:vanish``) in a delegation's copy is left out, as the import leaves it
out: but words inserted hidden were dropped without a word (LibreOffice's Accept All
keeps them), and words of the draft made hidden in an edited copy became a deletion
in the delegation's name, unsaid. Each is named in a warning now."""

from __future__ import annotations

from docx_builders import DOCUMENT, ZERO, Styled, house, ins, write_docx

from drafting.readers.docx_submission import read_docx_submission

OP1 = "Requests the Secretary-General to submit a report on small-scale fishers;"


def test_words_inserted_as_hidden_text_are_named_not_read(tmp_path):
    path = write_docx(tmp_path / "eu.docx", house(ZERO, {"OP1": [
        "Requests the Secretary-General to submit a ", ins(Styled("SECRET ", ("w:vanish",))),
        ins("detailed "), "report on small-scale fishers;"]}))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text.strip() for a in read.amendments] == ["detailed"]
    assert any("words inserted as hidden text ('SECRET') were not read" in w.message
               for w in read.warnings)


def test_words_of_the_draft_made_hidden_read_as_deleted_with_a_warning(tmp_path):
    path = write_docx(tmp_path / "eu.docx", house(ZERO, {"OP1": [
        "Requests the Secretary-General to submit a report", Styled(" on small-scale fishers",
                                                                    ("w:vanish",)), ";"]}))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.old_text.strip() for a in read.amendments] == ["on small-scale fishers"]
    assert any("words of the draft formatted as hidden text ('on small-scale fishers') read "
               "as deleted" in w.message for w in read.warnings)
