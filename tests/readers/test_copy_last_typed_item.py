"""The last item of a paragraph, typed "(c)<tab>" or "(3)<tab>" in a Word paragraph of its
own, deleted with Track Changes as a delegate deletes a line (its words and its paragraph
mark): that item deleted, as the same edit in a clean copy reads. It was read as the
paragraph joined with the next one (the next paragraph's words moved into it, that
paragraph deleted), and any other proposal on the next paragraph could no longer be
applied with it."""

from __future__ import annotations

import docx
import pytest
from printed_copies import AUTHOR, write_joined

from drafting.engine.amend import apply
from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

ITEMS = ("to strengthen core capacities;", "to allocate domestic resources for preparedness;",
         "to share information on outbreaks in a timely manner;")


def _draft(path, numbers):
    word = docx.Document()
    word.add_paragraph("The Seventy-ninth World Health Assembly,")
    word.add_paragraph("Recalling resolution WHA58.3 (2005) on the International Health "
                       "Regulations;")
    word.add_paragraph("1.\tURGES Member States:")
    for number, item in zip(numbers, ITEMS, strict=True):
        word.add_paragraph(f"{number}\t{item}")
    word.add_paragraph("2.\tREQUESTS the Director-General:")
    for number, item in zip(numbers, ("to provide technical support;", "to report back."),
                            strict=False):
        word.add_paragraph(f"{number}\t{item}")
    word.save(str(path))
    return path


@pytest.mark.parametrize("numbers", [("(a)", "(b)", "(c)"), ("(1)", "(2)", "(3)")])
def test_the_last_typed_item_deleted_with_its_mark_is_that_item_deleted(tmp_path, numbers):
    draft = _draft(tmp_path / "draft.docx", numbers)
    document = read_draft(draft).to_document("A79/A/CONF./3")
    op1 = document.current.by_label("OP1")
    assert op1.text.endswith(ITEMS[2])  # the items are the paragraph's lines
    last = 5  # the Word paragraph of item (c): its words deleted, and its mark
    copy = write_joined(draft, tmp_path / "copy.docx", last,
                        {last: [(f"{numbers[2]}\t{ITEMS[2]}", "del")]})
    result = read_docx_submission(copy, document, authors={AUTHOR: "EU"})
    (deleted,) = result.amendments
    assert deleted.paragraph_id == op1.id
    assert deleted.kind is AmendmentKind.DELETE
    assert apply(op1.text, deleted) == op1.text.rsplit("\n", 1)[0]
    assert not [w for w in result.warnings if "joined" in w.message]
