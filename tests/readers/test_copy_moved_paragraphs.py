"""A paragraph cut and pasted elsewhere in a copy without Track Changes is read as that
paragraph deleted where it was and proposed again where it went, moved up as moved down.
Moved up, the paragraphs it jumped over used to be read as deleted and typed again (OP4
pasted above OP1: OP1, OP2 and OP3 deleted in the sender's name, and three new
paragraphs), with a warning that they were missing from the copy: the copy's paragraphs
are matched to the revision's keeping the longest run of them in order."""

from __future__ import annotations

import pytest
from docx_builders import ZERO, house, write_docx
from footnote_edits import edited, paragraph_reading
from un_documents import ga_draft, libreoffice_docx

from drafting.model import AmendmentKind, Document, Span
from drafting.readers import read_docx_submission, read_draft
from drafting.readers.docx_matching import longest_run

K = AmendmentKind


@pytest.mark.parametrize(("found", "kept"), [
    ([0, 1, 2], [0, 1, 2]),
    ([3, 0, 1, 2, 4], [None, 0, 1, 2, 4]),  # the first moved up
    ([1, 2, 3, 0, 4], [1, 2, 3, None, 4]),  # the fourth moved down
    ([0, 2, 1], [0, 2, None]),  # as long either way: the copy's first ones stay
    ([None, 2, None, 0, 1], [None, None, None, 0, 1]),
    ([], []),
])
def test_the_longest_run_in_order_is_kept(found, kept):
    assert longest_run(found) == kept


def read(document, paragraphs, tmp_path):
    path = write_docx(tmp_path / "eu.docx", paragraphs)
    result = read_docx_submission(path, document, delegation="EU")
    labels = {p.id: p.label for p in document.current}
    return [(a.kind, labels[a.paragraph_id], a.span) for a in result.amendments], \
        result.warnings


@pytest.fixture
def document(tmp_path):
    return read_draft(write_docx(tmp_path / "draft.docx", house(ZERO))).to_document(
        "A/C.2/81/L.7")


def test_an_operative_paragraph_moved_up_is_one_deletion_and_one_new(tmp_path, document):
    paragraphs = house(ZERO)
    paragraphs.insert(3, paragraphs.pop(5))  # OP3 above OP1
    assert [p.label for p in paragraphs] == [None, "PP1", "PP2", "OP3", "OP1", "OP2"]
    amendments, warnings = read(document, paragraphs, tmp_path)
    assert amendments == [(K.NEW_PARAGRAPH, "OP1", Span(0, 0)),
                          (K.DELETE_PARAGRAPH, "OP3", None)]
    assert not [w for w in warnings if "missing" in w.message]


def test_an_operative_paragraph_moved_down_is_one_deletion_and_one_new(tmp_path, document):
    paragraphs = house(ZERO)
    paragraphs.append(paragraphs.pop(3))  # OP1 below OP3
    amendments, _ = read(document, paragraphs, tmp_path)
    assert amendments == [(K.DELETE_PARAGRAPH, "OP1", None),
                          (K.NEW_PARAGRAPH, "OP3", None)]


def _moved(opening: str, above: str):
    def edit(body, notes, note_id) -> None:
        moved = paragraph_reading(body, lambda text: text.lstrip("0123456789.\t")
                                  .startswith(opening))
        paragraph_reading(body, lambda text: text.lstrip("0123456789.\t")
                          .startswith(above)).addprevious(moved)
    return edit


@pytest.mark.parametrize(("opening", "above", "expected"), [
    ("Recognizing", "Recalling", [(K.NEW_PARAGRAPH, "PP1"), (K.DELETE_PARAGRAPH, "PP3")]),
    ("Invites", "Decides", [(K.NEW_PARAGRAPH, "OP1"), (K.DELETE_PARAGRAPH, "OP4")]),
], ids=["PP3 above PP1", "OP4 above OP1"])
def test_a_paragraph_moved_up_in_a_libreoffice_copy(tmp_path, opening, above, expected):
    """PP3 jumps PP2, which cites a footnote: the footnote stays where it was."""
    draft = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    document: Document = read_draft(draft).to_document("A/C.2/81/L.99")
    copy = edited(draft, tmp_path / "eu.docx", _moved(opening, above))
    result = read_docx_submission(copy, document, delegation="EU")
    labels = {p.id: p.label for p in document.current}
    assert [(a.kind, labels[a.paragraph_id]) for a in result.amendments] == expected
    assert result.amendments[0].new_text.startswith(opening)
    assert result.warnings == ()
