"""A draft imported with a change still tracked in it (the secretariat's "submit" ->
"present", read as accepted, with a warning) comes back in every copy with that change
still tracked: it is part of the revision, no proposal of the sender's. The unchanged
file sent back proposed "delete 'present'" and "insert 'present'" in the sender's name,
and a copy with Track Changes was refused until the secretariat was mapped to a
delegation."""

from __future__ import annotations

from docx_builders import dele, ins, para, write_docx

from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

OLD = "2026-10-01T09:00:00Z"
OP1 = ["Requests the Secretary-General to ", dele("submit", author="Secretariat", date=OLD),
       ins("present", author="Secretariat", date=OLD), " a report on small-scale fishers;"]
OP2 = "Decides to include the item in its provisional agenda;"


def _file(path, op2):
    return write_docx(path, [para("PP1", "Recalling its resolution 70/1,"),
                             para("OP1", *OP1), para("OP2", *op2)])


def test_the_drafts_own_tracked_changes_are_no_proposals(tmp_path):
    draft = _file(tmp_path / "draft.docx", [OP2])
    document = read_draft(draft).to_document("A/C.2/81/L.7")
    assert document.current.by_label("OP1").text.startswith(
        "Requests the Secretary-General to present a report")
    back = read_docx_submission(draft, document, authors={"Jane Delegate": "EU"})
    assert back.amendments == ()
    copy = _file(tmp_path / "copy.docx", ["Decides to include the item in its ",
                                         ins("eighty-second "), "provisional agenda;"])
    read = read_docx_submission(copy, document, authors={"Jane Delegate": "EU"})
    assert [(a.paragraph_id, a.new_text, a.proponents) for a in read.amendments] == [
        (document.current.by_label("OP2").id, " eighty-second", ("EU",))]  # whole words
    assert any("tracked by Secretariat were in the draft already" in w.message
               for w in read.warnings)
