"""A sub-paragraph's letter alone on its line, "(a)", with its words on the next, as a PDF
turned into Word or text leaves a list: the two are one item, "(a) To ...", a line of the
paragraph that opens the list, in a Word draft, in a text and in a delegation's copy."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from drafting.engine import Proposal
from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

ITEMS = [("(a)", "To strengthen regional cooperation on fisheries;"),
         ("(b)", "To share scientific information on fish stocks;")]
OP1 = ("Calls upon States:\n(a) To strengthen regional cooperation on fisheries;\n"
       "(b) To share scientific information on fish stocks;")
LAST = "Decides to remain seized of the matter."


def _word(path: Path, first: str = ITEMS[0][1]) -> Path:
    """A draft as Word shows it once converted from the PDF the secretariat circulated."""
    word = docx.Document()
    for line in ["United Nations", "A/C.2/81/L.21", "General Assembly", "Distr.: Limited",
                 "Samoa: draft resolution"]:
        word.add_paragraph(line)
    word.add_paragraph("Sustainable fisheries", style="Title")
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    word.add_paragraph("1.\tCalls upon States:")
    for (letter, _), text in zip(ITEMS, [first, ITEMS[1][1]], strict=True):
        word.add_paragraph(letter)
        word.add_paragraph(text)
    word.add_paragraph(f"2.\t{LAST}")
    word.save(path)
    return path


def test_a_letter_alone_in_a_word_draft_opens_its_item(tmp_path):
    result = read_docx_draft(_word(tmp_path / "L21.docx"))
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"), ("OP1", OP1), ("OP2", LAST)]
    assert result.warnings == ()


@pytest.mark.parametrize("between", ["\n\n", "\n"], ids=["blocks", "lines"])
def test_a_letter_alone_in_a_text_opens_its_item(between):
    lines = ["The General Assembly,", "Recalling its resolution 70/1,",
             "1. Calls upon States:", *(line for item in ITEMS for line in item), f"2. {LAST}"]
    result = read_text(between.join(lines), name="L21.txt")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"), ("OP1", OP1), ("OP2", LAST)]
    assert result.warnings == ()


def test_a_letter_alone_within_a_paragraph_opens_its_item():
    text = "The General Assembly,\n\n1. Calls upon States:\n" + "\n".join(
        line for item in ITEMS for line in item)
    assert read_text(text).paragraphs[0].text == OP1


def test_a_letter_alone_before_a_numbered_paragraph_takes_none_of_its_words():
    result = read_text("The General Assembly,\n\n1. Calls upon States:\n\n(a)\n\n2. Decides.")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("OP1", "Calls upon States:"), ("T1", "(a)"), ("OP2", "Decides.")]


def test_a_copy_laid_out_so_amends_only_what_it_changes(tmp_path):
    document = read_docx_draft(_word(tmp_path / "L21.docx")).to_document("L21")
    copy = _word(tmp_path / "wsm.docx", ITEMS[0][1].replace("regional", "regional and global"))
    read = read_docx_submission(copy, document, delegation="WSM")
    (amendment,) = read.amendments
    assert amendment.new_text == " and global"
    assert read.warnings == ()


def test_a_revision_keeps_the_letters_on_their_own_lines(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, _word(tmp_path / "L21.docx"), "L21")
        add_delegations(store, ["WSM"])
        proposal = Proposal("OP1", replace="scientific", with_="scientific and traditional")
        (recorded,) = record(store, "L21", [
            prepare_amendment(store, "L21", proposal, "WSM")]).amendments
        store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "L21", "Rev.1", warn=warnings.append)
        assert warnings == []
        made = docx.Document(io.BytesIO(store.source("L21", "Rev.1")))
    assert [p.text for p in made.paragraphs][-6:] == [
        "1.\tCalls upon States:", "(a)", ITEMS[0][1], "(b)",
        ITEMS[1][1].replace("scientific", "scientific and traditional"), f"2.\t{LAST}"]
