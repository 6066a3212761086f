"""An edited copy's unchanged-looking paragraphs (one piece of plain text each) are read
by a short path: its text must still be checked, composed and compared as any other's."""

from __future__ import annotations

import unicodedata

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_builders import TITLE, house, write_docx

from drafting.errors import ReaderError
from drafting.model import AmendmentKind, Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

CAFE = "Welcoming the work of the caf\u00e9 owners of R\u00edo,"
REVISION = Revision("Zero draft", (
    Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR, CAFE),
    Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;"),
))
DOCUMENT = Document("A/C.2/81/L.9", TITLE, (REVISION,))


def _read(tmp_path, edits):
    path = write_docx(tmp_path / "copy.docx", house(REVISION, edits))
    return read_docx_submission(path, DOCUMENT, delegation="EU")


def test_text_written_decomposed_reads_as_the_same_composed_text(tmp_path):
    decomposed = unicodedata.normalize("NFD", CAFE)
    assert decomposed != CAFE
    assert _read(tmp_path, {"PP1": [decomposed]}).amendments == ()
    read = _read(tmp_path, {"PP1": [decomposed.replace("owners", "keepers")]})
    (amendment,) = read.amendments
    assert (amendment.kind, amendment.old_text, amendment.new_text) == (
        AmendmentKind.REPLACE, "owners", "keepers")


def test_spaces_around_an_unchanged_paragraph_propose_nothing(tmp_path):
    assert _read(tmp_path, {"PP1": [f"  {CAFE} "], "OP1": ["Decides to act;\u00a0"]}
                 ).amendments == ()


def test_a_no_break_space_typed_as_an_ordinary_one_proposes_nothing(tmp_path):
    """A UN draft holds "25<no-break>September"; a delegation that retypes the words
    proposes no invisible change in its name (it used to replace the space by a space)."""
    dated = Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR,
                      "Recalling its resolution 70/1 of 25\u00a0September 2015,")
    document = Document("A/C.2/81/L.9", TITLE, (Revision("Zero draft", (dated,)),))
    path = write_docx(tmp_path / "copy.docx", house(document.current, {
        "PP1": ["Recalling its resolution 70/1 of 25 September 2016,"]}))
    read = read_docx_submission(path, document, delegation="EU")
    assert [(a.old_text, a.new_text) for a in read.amendments] == [("2015", "2016")]
    (warning,) = read.warnings
    assert "the spaces in 'of 25 September 2015,' were changed" in str(warning)


@pytest.mark.parametrize(("typed", "proposed"), [
    ("Decides  to act;", []),  # two spaces for one: nothing
    ("Decides to  act;", []),
    ("Decides to a\u200bct;", []),  # a zero-width space pasted in
    ("Decides to\nact;", []),  # a line break (Shift+Enter) for a space: it was "'' -> ''"
    ("Decides\tto act;", []),
    ("Decidesto act;", [("Decides to", "Decidesto")]),  # two words joined: a proposal
])
def test_spacing_alone_proposes_nothing_but_joined_words_do(tmp_path, typed, proposed):
    read = _read(tmp_path, {"OP1": [typed]})
    assert [(a.old_text, a.new_text) for a in read.amendments] == proposed
    assert bool(read.warnings) is not bool(proposed)


def test_a_soft_hyphen_is_dropped_with_a_warning_and_proposes_nothing(tmp_path):
    read = _read(tmp_path, {"OP1": ["Decides to ac\u00adt;"]})
    assert read.amendments == ()
    (warning,) = read.warnings
    assert "copy.docx, paragraph 4: U+00AD (SOFT HYPHEN) read as Word shows it" in str(warning)


def test_a_control_character_refuses_the_copy_with_its_place(tmp_path):
    # counted in the Word paragraph, its label and tab ("OP1\t") included
    with pytest.raises(ReaderError, match=r"paragraph 4, character 15: U\+0086"):
        _read(tmp_path, {"OP1": ["Decides to \u0086act;"]})


def test_an_endnote_in_a_copy_is_named_as_not_read(tmp_path):
    path = write_docx(tmp_path / "copy.docx", house(REVISION, {}))
    word = docx.Document(str(path))
    op1 = next(p for p in word.paragraphs if p.text.startswith("OP1"))
    op1._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:endnoteReference w:id="1"/></w:r>'))
    word.save(str(path))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert read.amendments == ()
    (warning,) = read.warnings
    assert "paragraph 4" in str(warning) and "an endnote (at the end of the document) not " \
        "read: only the text of paragraphs takes amendments" in str(warning)
