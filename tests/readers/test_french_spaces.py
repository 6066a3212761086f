"""French puts a no-break space before ";", ":", "!" and "?". Words a delegation types
before "\u00a0;" in a copy edited without Track Changes were read as inserted after a
no-break space, the ordinary space before ";" taken for a change of spacing (a warning):
the revision then held a no-break space before the new words and an ordinary one before
";". The spaces are paired as the texts have them: the insertion is " et ..." and the
no-break space stays before ";"."""

from __future__ import annotations

from docx_builders import TITLE, house, write_docx

from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

OP1 = "Exhorte les États\u00a0: à garantir l’accès à la justice\u00a0;"
ZERO = Revision("Zero draft", (
    Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR, "Rappelant sa résolution 70/1,"),
    Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, OP1)))
DOCUMENT = Document("A/C.3/81/L.20", TITLE, (ZERO,))


def test_words_typed_before_a_french_semicolon_are_inserted_after_an_ordinary_space(
        tmp_path):
    edited = OP1.replace("justice\u00a0;", "justice et à l’aide juridictionnelle\u00a0;")
    path = write_docx(tmp_path / "bel.docx", house(ZERO, {"OP1": [edited]}))
    read = read_docx_submission(path, DOCUMENT, delegation="BEL")
    (amendment,) = read.amendments
    assert (amendment.old_text, amendment.new_text) == ("justice", " et à l’aide juridictionnelle")
    assert read.warnings == ()


def test_words_deleted_before_a_french_colon_keep_its_no_break_space(tmp_path):
    edited = OP1.replace("les États\u00a0:", "les\u00a0:")
    path = write_docx(tmp_path / "fra.docx", house(ZERO, {"OP1": [edited]}))
    read = read_docx_submission(path, DOCUMENT, delegation="FRA")
    (amendment,) = read.amendments
    assert amendment.new_text == "" and amendment.old_text.strip() == "États"
    assert read.warnings == ()
