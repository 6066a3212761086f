"""A reply that is the merged draft itself, untouched, where two delegations each
proposed a whole Word-numbered item deleted, one item after the other ("(b)" by EU,
"(c)" by USA): each item's words and paragraph mark are tracked as deleted by its
delegation. The reply is nothing new: both deletions are read as the pending proposals
they are (the item's number, words and line break), none in the sender's name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import SYMBOL, numbered_draft

from drafting.engine.merge import merge
from drafting.model import Amendment, AmendmentKind, Span
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_source import write_merged_into_source

FOUR = ("To adopt policies;", "To build capacities;", "To share good practices;",
        "To train judges;")
LETTERS = "abcd"


def _deleted(document, n: int, amendment_id: str, code: str) -> Amendment:
    """``code``'s pending deletion of OP2's item ``n``, its line ("\\n(b) To ...")."""
    op2 = document.current.by_label("OP2")
    line = f"\n({LETTERS[n]}) {FOUR[n]}"
    start = op2.text.index(line)
    return Amendment(id=amendment_id, kind=AmendmentKind.DELETE, paragraph_id=op2.id,
                     revision=document.current.label, proponents=(code,),
                     span=Span(start, start + len(line)), old_text=line)


@pytest.mark.parametrize("last", [False, True], ids=["items inside", "the last items"])
def test_an_untouched_merged_draft_deleting_items_one_after_another_is_nothing_new(
        tmp_path, last):
    items = FOUR if not last else FOUR[:3]
    source = numbered_draft(tmp_path / "draft.docx", items)
    document = read_docx_draft(source).to_document(SYMBOL)
    pending = [_deleted(document, 1, "A1", "EU"), _deleted(document, 2, "A2", "USA")]
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, pending),
                                    merged) == []
    by_paragraph = {pending[0].paragraph_id: pending}
    read = read_docx_submission(merged, document, delegation="JPN",
                                proposed=lambda: by_paragraph)
    assert read.amendments == ()
    [warning] = read.warnings
    assert "pending already (A1, A2)" in warning.message
