"""A copy made by Word's Review > Compare: a paragraph where a word changed marked as
deleted whole and inserted again right after it (drafting.readers.copy_rewritten)."""

from __future__ import annotations

from docx_builders import DOCUMENT, ZERO, dele, house, ins, para, write_docx

from drafting.engine.amend import apply
from drafting.model import AmendmentKind
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind
OP1 = ZERO.by_label("OP1").text
NEW = OP1.replace("submit a report", "submit a comprehensive report")


def _read(tmp_path, new_text, new_author="Author", label="OP1", author="Author"):
    """OP1 deleted whole by ``author``, then ``new_text`` inserted whole after it."""
    paragraphs = house(ZERO)
    k = next(i for i, p in enumerate(paragraphs) if p.label == "OP1")
    paragraphs[k] = para("OP1", dele(OP1, author=author), whole="del",
                         mark=dele(author=author))
    paragraphs.insert(k + 1, para(label, ins(new_text, author=new_author), whole="ins",
                                  mark=ins(author=new_author)))
    for p in paragraphs[k:k + 2]:  # the label and the mark by the comparing author too
        p.label_mark.author = author
    path = write_docx(tmp_path / "eu.docx", paragraphs)
    return read_docx_submission(path, DOCUMENT, delegation="EU")


def test_paragraph_deleted_and_inserted_again_is_the_words_changed(tmp_path):
    result = _read(tmp_path, NEW)
    assert [(a.kind, a.paragraph_id, a.new_text.strip()) for a in result.amendments] == [
        (K.INSERT, "op1", "comprehensive")]
    assert apply(OP1, result.amendments[0]) == NEW
    assert result.amendments[0].submitted_by == "Author"
    assert any("deleted whole and inserted again" in w.message and "(OP1)" in w.where
               for w in result.warnings)


def test_a_different_paragraph_after_a_deleted_one_is_still_new(tmp_path):
    other = "Invites States to share data on catches with the regional bodies;"
    result = _read(tmp_path, other)
    assert [(a.kind, a.new_text) for a in result.amendments] == [
        (K.DELETE_PARAGRAPH, ""), (K.NEW_PARAGRAPH, other)]


def test_deleted_by_one_author_and_inserted_by_another_stays_as_read(tmp_path):
    result = _read(tmp_path, NEW, new_author="Someone Else")
    assert [a.kind for a in result.amendments] == [K.DELETE_PARAGRAPH, K.NEW_PARAGRAPH]


def test_a_pair_tracked_by_a_delegations_code_stays_two_proposals(tmp_path):
    """The merged draft writes each delegation's proposals under its code: a deletion of
    OP1 and a new paragraph after it, both the EU's, are those two proposals."""
    result = _read(tmp_path, NEW, new_author="EU", author="EU")
    assert [a.kind for a in result.amendments] == [K.DELETE_PARAGRAPH, K.NEW_PARAGRAPH]
