"""Quotation marks and dashes typed otherwise in a copy edited without Track Changes
(Word's AutoFormat, a text pasted from an e-mail): « » became “ ”, an em dash a hyphen.
They were proposed as amendments in the delegation's name ("replace '«' -> '“'"). They
are typography, as spacing is: said in a warning, the draft's kept, and the words the
delegation did change are still read."""

from __future__ import annotations

from docx_builders import TITLE, dele, house, ins, write_docx

from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

PP1 = "Ссылаясь на свою резолюцию 70/1 — «Преобразование нашего мира»,"
OP1 = "Призывает государства принять меры в 2025–2030 годах;"
ZERO = Revision("Zero draft", (
    Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR, PP1),
    Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, OP1)))
DOCUMENT = Document("A/C.2/81/L.30", TITLE, (ZERO,))


def test_quotes_and_dashes_typed_otherwise_are_no_amendment(tmp_path):
    retyped = PP1.replace("—", "-").replace("«", "“").replace("»", "”")
    path = write_docx(tmp_path / "rus.docx", house(ZERO, {
        "PP1": [retyped], "OP1": [OP1.replace("2025–2030", "2025-2030")]}))
    read = read_docx_submission(path, DOCUMENT, delegation="RUS")
    assert read.amendments == ()
    said = [str(w) for w in read.warnings]
    # one warning a paragraph, its marks close together shown in one place
    assert len([w for w in said if "quotation marks or dashes" in w]) == 2, said
    assert any("PP1" in w and "typography alone is no amendment" in w for w in said)
    assert any("'резолюцию 70/1 — «Преобразование нашего мира»,' were" in w
               for w in said), said  # the dash and both quotation marks shown


def test_words_changed_beside_retyped_quotes_are_read_and_the_quotes_kept(tmp_path):
    edited = PP1.replace("«Преобразование", "“Глобальное преобразование").replace("»", "”")
    path = write_docx(tmp_path / "rus.docx", house(ZERO, {"PP1": [edited]}))
    read = read_docx_submission(path, DOCUMENT, delegation="RUS")
    (amendment,) = read.amendments
    assert amendment.new_text.strip() in ("Глобальное преобразование", "«Глобальное преобразование")
    assert "“" not in amendment.new_text and "”" not in amendment.new_text


def test_a_tracked_change_of_a_dash_is_still_the_delegation_s_proposal(tmp_path):
    """Track Changes on is a delegation's deliberate act: a dash it tracks is proposed."""
    path = write_docx(tmp_path / "rus.docx", house(ZERO, {
        "OP1": ["Призывает государства принять меры в 2025", dele("–", author="RUS"),
                ins("—", author="RUS"), "2030 годах;"]}))
    read = read_docx_submission(path, DOCUMENT, delegation="RUS")
    (amendment,) = read.amendments
    assert "—" in amendment.new_text and "–" in amendment.old_text


FR = "Décide d’examiner le suivi -- y compris les lacunes -- à sa « prochaine » session;"
FRENCH = Revision("Zero draft", (Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, FR),))


def test_two_hyphens_typed_as_a_dash_are_replaced_not_half_deleted(tmp_path):
    """"--" retyped "—" gave two "delete '-'" amendments beside a warning that the
    draft's stays: accepted, "suivi - y compris", which neither side wrote."""
    document = Document("A/C.2/81/L.31", TITLE, (FRENCH,))
    edited = FR.replace(" -- ", " — ")
    path = write_docx(tmp_path / "fra.docx", house(FRENCH, {"OP1": [edited]}))
    read = read_docx_submission(path, document, delegation="FRA")
    assert [(a.old_text, a.new_text) for a in read.amendments] == [("--", "—"), ("--", "—")]
    assert not any("typography" in str(w) for w in read.warnings)


def test_guillemets_with_their_spaces_typed_as_quotes_are_typography(tmp_path):
    """« prochaine » retyped “prochaine”: the spaces inside were proposed deleted around
    the draft's own guillemets, giving «prochaine», which neither side wrote."""
    document = Document("A/C.2/81/L.31", TITLE, (FRENCH,))
    edited = FR.replace("« prochaine »", "“prochaine”")
    path = write_docx(tmp_path / "fra.docx", house(FRENCH, {"OP1": [edited]}))
    read = read_docx_submission(path, document, delegation="FRA")
    assert read.amendments == ()  # typography and the spaces it brings: the draft's stays
    said = [str(w) for w in read.warnings]
    assert any("the spaces in 'sa « prochaine » session;'" in w for w in said), said
    assert sum("quotation marks or dashes" in w for w in said) == 1  # one pair: once


def test_quotes_far_apart_are_said_once_each_place_shown(tmp_path):
    """Two places in one paragraph, far apart: one warning naming both."""
    text = ("Призывает «государства» принять меры, в том числе путем регионального "
            "и международного сотрудничества, в рамках программы «Десятилетие океана»;")
    zero = Revision("Zero draft", (Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, text),))
    document = Document("A/C.2/81/L.32", TITLE, (zero,))
    edited = text.replace("«", "“").replace("»", "”")
    path = write_docx(tmp_path / "rus.docx", house(zero, {"OP1": [edited]}))
    read = read_docx_submission(path, document, delegation="RUS")
    said = [str(w) for w in read.warnings if "quotation marks" in str(w)]
    assert len(said) == 1, said
    assert "in 'Призывает «государства» принять меры,', 'рамках программы «Десятилетие " \
        "океана»;' were typed otherwise" in said[0], said
