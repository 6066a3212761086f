"""A paragraph moved with Track Changes (drag and drop in Word) and then edited where it
went. Word writes the words struck there inside the ``w:moveTo`` (``w:moveTo/w:del``,
as in the oxpt_RP001 fixture) and the words typed as a ``w:ins`` beside it."""

from __future__ import annotations

from docx_builders import (
    AUTHOR,
    DOCUMENT,
    ZERO,
    dele,
    house,
    ins,
    move_from,
    move_to,
    para,
    write_docx,
)

from drafting.model import AmendmentKind
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind
OP2 = ZERO.by_label("OP2").text
HEAD, TAIL = "Decides to include the item in its ", " agenda, within existing resources;"


def test_words_struck_in_a_moved_paragraph_are_said_to_be_moved(tmp_path):
    paragraphs = house(ZERO)
    at = next(i for i, p in enumerate(paragraphs) if p.label == "OP2")
    paragraphs[at] = para("OP2", move_from(OP2), mark=move_from())
    paragraphs.append(para(None, move_to(HEAD, dele("provisional")), ins("next"),
                           move_to(TAIL), mark=move_to()))
    result = read_docx_submission(write_docx(tmp_path / "eu.docx", paragraphs), DOCUMENT,
                                  delegation="EU")
    assert [(a.kind, a.paragraph_id, a.new_text, a.submitted_by)
            for a in result.amendments] == [
        (K.DELETE_PARAGRAPH, "op2", "", AUTHOR),
        (K.NEW_PARAGRAPH, "op3", f"{HEAD}next{TAIL}", AUTHOR)]
    assert [w.message for w in result.warnings if "neither text" in w.message] == [
        f"'provisional' was moved by {AUTHOR}, then deleted where it went by {AUTHOR}: "
        "it is in neither text, so it is no amendment"]


def test_words_struck_in_an_insertion_are_still_said_to_be_inserted(tmp_path):
    paragraphs = house(ZERO)
    paragraphs.append(para(None, ins(HEAD, dele("provisional"), "next", TAIL),
                           mark=ins()))
    result = read_docx_submission(write_docx(tmp_path / "eu.docx", paragraphs), DOCUMENT,
                                  delegation="EU")
    assert [w.message for w in result.warnings if "neither text" in w.message] == [
        f"'provisional' was inserted by {AUTHOR} and deleted again by {AUTHOR}: "
        "it is in neither text, so it is no amendment"]
