"""A new item of a list Word numbers, on which the delegation typed a number of its own:
pressing Enter after "(a)" makes Word number the new paragraph "(b)", and the delegate
types "(a bis)<tab>" on it. The typed number is the item's label, never words after
Word's: the copy proposes the line "(a bis)<tab>...", as one typed on a paragraph Word
does not number, not "(b) (a bis)<tab>..."."""

from __future__ import annotations

from dataclasses import replace

import pytest

from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission
from tests.readers.test_copy_auto_numbers import BODY, ITEM
from tests.readers.test_copy_auto_numbers import _word as _numbered_by_word

SYMBOL = "A/C.2/81/L.9"
TYPED = {"(a bis)": "(a bis)\t", "French a bis)": "a bis)\t", "Word's own (b)": "(b)\t"}


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked copy", "edited copy"])
@pytest.mark.parametrize("typed", TYPED.values(), ids=TYPED)
def test_a_number_typed_on_a_new_word_item_is_its_label(tmp_path, typed, tracked):
    document = read_draft(_numbered_by_word(tmp_path / "draft.docx", BODY)).to_document(SYMBOL)
    op1 = document.current.by_label("OP1")
    copy = [*BODY[:2], (1, f"{typed}{ITEM}"), *BODY[2:]]
    path = _numbered_by_word(tmp_path / "copy.docx", copy, inserted={2}, tracked=tracked)
    read = read_docx_submission(path, document, delegation="EU",
                                authors={"Anna Berg": "EU"} if tracked else None)
    assert [(a.kind.value, document.current.by_id(a.paragraph_id).label, a.new_text)
            for a in read.amendments] == [("insert", "OP1", f"\n{typed}{ITEM}")]
    assert read.amendments[0].span.start == op1.text.index("\n(b)")  # after "(a) ...;"


def test_a_draft_typed_so_itself_is_read_back_unchanged(tmp_path):
    """A draft whose own item shows Word's "(b)" and a typed "(a bis)": the typed label is
    the item's number (the import read both, "(b) (a bis)<tab>..."), the item after it
    keeps its "(b)", and a copy of it that changes nothing there proposes nothing."""
    body = [*BODY[:2], (1, f"(a bis)\t{ITEM}"), *BODY[2:]]
    document = read_draft(_numbered_by_word(tmp_path / "draft.docx", body)).to_document(SYMBOL)
    assert document.current.by_label("OP1").text.split("\n")[1:] == [
        "(a) The fair sharing of benefits;", f"(a bis)\t{ITEM}",
        "(b) The building of capacity;"]
    path = _numbered_by_word(tmp_path / "copy.docx", body)
    assert not read_docx_submission(path, document, delegation="EU").amendments


def test_a_draft_imported_with_both_numbers_reads_its_copies_as_before(tmp_path):
    """A draft imported when both numbers were read ("(b) (a bis)<tab>...", then "(c)"):
    an untouched copy of it still proposes nothing (not the deletion of "(b) ")."""
    body = [*BODY[:2], (1, f"(a bis)\t{ITEM}"), *BODY[2:]]
    document = read_draft(_numbered_by_word(tmp_path / "draft.docx", body)).to_document(SYMBOL)
    op1 = document.current.by_label("OP1")
    before = op1.text.replace("\n(a bis)", "\n(b) (a bis)").replace("\n(b) The", "\n(c) The")
    revision = replace(document.current, paragraphs=tuple(
        replace(p, text=before) if p.id == op1.id else p for p in document.current.paragraphs))
    document = replace(document, revisions=(revision,))
    path = _numbered_by_word(tmp_path / "copy.docx", body)
    assert not read_docx_submission(path, document, delegation="EU").amendments
