"""Two paragraphs joined in a copy with Track Changes (the paragraph mark between them
deleted, words around it changed): read as the first replaced by the joined text and the
next deleted, by the delegation that joined them. It was a warning, and the join lost."""

from __future__ import annotations

import pytest
from libreoffice_copies import Edited, make_copies
from printed_copies import (
    AUTHOR,
    PARAGRAPHS,
    SYMBOL,
    write_draft,
    write_joined,
    write_printed,
)

from drafting.engine.amend import apply
from drafting.errors import ReaderError
from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind
OP1 = "1.\tDecides to convene a one-day high-level meeting on small-scale fisheries during " \
    "its eighty-second session"
OP2 = " the Secretary-General to submit a report on the implementation of the present " \
    "resolution within existing resources;"


def _document(tmp_path):
    draft = write_draft(tmp_path / "draft.docx")
    return draft, read_draft(draft).to_document(SYMBOL)


def test_a_join_is_a_replacement_and_a_deletion_accepted_together(tmp_path):
    draft, document = _document(tmp_path)
    copy = write_joined(draft, tmp_path / "copy.docx", 3, {
        3: [(OP1, ""), (";", "del")],
        4: [("2.\tRequests", "del"), (" and requests", "ins"), (OP2, "")]},
        comment="One decision, not two")
    result = read_docx_submission(copy, document, authors={AUTHOR: "EU"})
    op1, op2 = document.current.by_label("OP1"), document.current.by_label("OP2")
    replaced, deleted = result.amendments
    assert (replaced.kind, replaced.paragraph_id, replaced.old_text) == (K.REPLACE, op1.id, ";")
    assert (deleted.kind, deleted.paragraph_id, deleted.old_text) == (
        K.DELETE_PARAGRAPH, op2.id, op2.text)
    assert replaced.proponents == deleted.proponents == ("EU",)
    assert replaced.reason == deleted.reason == "One decision, not two"
    assert apply(op1.text, replaced) == op1.text[:-1] + " and requests" + OP2
    (said,) = [w.message for w in result.warnings if "joined" in w.message]
    assert "read as OP1 replaced by the joined text and OP2 deleted" in said


def test_three_paragraphs_joined_are_one_replacement_and_two_deletions(tmp_path):
    draft, document = _document(tmp_path)
    copy = write_joined(draft, tmp_path / "copy.docx", 3, {
        3: [(OP1, ""), (";", "del")],
        4: [("2.\tRequests", "del"), (", requests", "ins"), (OP2, "")],
        5: [("3.\tDecides", "del"), (" and decides", "ins"),
            (" to remain seized of the matter.", "")]})
    result = read_docx_submission(copy, document, delegation="EU")
    op1, op2, op3 = (document.current.by_label(f"OP{n}") for n in (1, 2, 3))
    assert [(a.kind, a.paragraph_id) for a in result.amendments] == [
        (K.REPLACE, op1.id), (K.DELETE_PARAGRAPH, op2.id), (K.DELETE_PARAGRAPH, op3.id)]
    assert apply(op1.text, result.amendments[0]) == (
        f"{op1.text[:-1]}, requests{OP2} and decides to remain seized of the matter.")


def test_no_join_across_the_operative_part_nor_into_the_chapeau(tmp_path):
    draft, document = _document(tmp_path)
    copy = write_joined(draft, tmp_path / "copy.docx", 2, {})  # PP2's mark: OP1 after it
    result = read_docx_submission(copy, document, delegation="EU")
    assert result.amendments == ()
    (said,) = [w.message for w in result.warnings]
    assert "across the boundary between PP2 and OP1" in said and "not read" in said
    copy = write_joined(draft, tmp_path / "chapeau.docx", 0, {})  # the chapeau's mark
    result = read_docx_submission(copy, document, delegation="EU")
    assert result.amendments == ()
    (said,) = [w.message for w in result.warnings]
    assert said.startswith("the chapeau's paragraph mark was deleted") and "not read" in said


def test_a_join_made_in_libreoffice(tmp_path):
    draft, document = _document(tmp_path)
    copy = tmp_path / "lo.docx"
    make_copies([Edited(str(draft), str(copy), (
        ("join", "session;", "Requests", "session and requests"),))])
    result = read_docx_submission(copy, document, delegation="EU")
    op1, op2 = document.current.by_label("OP1"), document.current.by_label("OP2")
    assert [(a.kind, a.paragraph_id) for a in result.amendments] == [
        (K.REPLACE, op1.id), (K.DELETE_PARAGRAPH, op2.id)]
    assert apply(op1.text, result.amendments[0]) == op1.text[:-1] + " and requests" + OP2


def test_a_join_in_an_edited_copy_is_said_too(tmp_path):
    _, document = _document(tmp_path)
    joined = [*PARAGRAPHS[:3], PARAGRAPHS[3][:-1] + ", and requests" + OP2, PARAGRAPHS[5]]
    copy = write_printed(tmp_path / "copy.docx", printed=tuple((text,) for text in joined))
    result = read_docx_submission(copy, document, delegation="EU")
    op1, op2 = document.current.by_label("OP1"), document.current.by_label("OP2")
    changed, deleted = result.amendments
    assert (changed.paragraph_id, deleted.kind, deleted.paragraph_id) == (
        op1.id, K.DELETE_PARAGRAPH, op2.id)
    assert apply(op1.text, changed) == joined[3].removeprefix("1.\t")
    (said,) = [w.message for w in result.warnings]
    assert "read as OP1's words changed and OP2 deleted" in said


def test_a_copy_left_with_no_paragraph_is_refused_not_read_as_deleting_them_all(tmp_path):
    """It proposed deleting all five in the delegation's name; a copy holding almost none
    of the draft's words is now asked about (`copy_identity`), and nothing is read."""
    _, document = _document(tmp_path)
    copy = write_printed(tmp_path / "copy.docx", printed=((PARAGRAPHS[0],),))
    with pytest.raises(ReaderError, match="shares only 0% of its words"):
        read_docx_submission(copy, document, delegation="EU")
