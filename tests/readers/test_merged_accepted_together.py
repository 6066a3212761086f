"""A delegation answers on the merged draft, accepting in Word several proposals of one
paragraph whose sub-items Word numbers: an item deleted by one delegation, the words of
two others rewritten by two more. Together they change the paragraph so much that its
text is like the revision's by less than `SIMILARITY`: it was read as a new paragraph,
and the revision's deleted, in the sender's name. Compared with the paragraph as the
pending proposals it accepted would make it, it is that paragraph, and the proposals are
named as accepted; the sender's own tracked changes, there too, are read as ever."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from merged_answers import answered, tracked_insertion

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import SYMBOL, numbered_draft

from drafting.engine.anchoring import similarity
from drafting.engine.merge import merge
from drafting.engine.sublists import relettered
from drafting.model import Amendment, AmendmentKind, Document, Span
from drafting.readers.docx_changes import SIMILARITY
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_source import write_merged_into_source

ITEMS = ("To adopt policies;", "To build capacities;", "To share good practices;",
         "To train judges;")
_K = AmendmentKind


def _pending(document: Document) -> list[Amendment]:
    """EU deletes item (b); USA and G77 rewrite the words of items (a) and (d)."""
    op2 = document.current.by_label("OP2")

    def made(number: int, code: str, kind: AmendmentKind, old: str, new: str) -> Amendment:
        start = op2.text.index(old)
        return Amendment(id=f"A{number}", kind=kind, paragraph_id=op2.id,
                         revision=document.current.label, proponents=(code,),
                         span=Span(start, start + len(old)), old_text=old, new_text=new)

    return [made(1, "EU", _K.DELETE, "\n(b) To build capacities;", ""),
            made(2, "USA", _K.REPLACE, "adopt policies", "elaborate and implement "
                 "comprehensive national strategies for free legal assistance"),
            made(3, "G77", _K.REPLACE, "train judges", "provide continuous training for "
                 "judges, prosecutors and lawyers in human rights law")]


@pytest.mark.parametrize(("accepted", "in_op2"), [
    (("EU", "USA", "G77"), False), (("EU", "USA"), False), (("EU", "USA", "G77"), True)],
    ids=["all accepted", "two accepted", "all accepted and OP2 edited"])
def test_a_paragraph_rewritten_by_the_proposals_accepted_is_that_paragraph(
        tmp_path, accepted, in_op2):
    source = numbered_draft(tmp_path / "draft.docx", ITEMS)
    document = read_docx_draft(source).to_document(SYMBOL)
    pending = _pending(document)
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, pending),
                                    merged) == []
    edits = [tracked_insertion("matter.", " Also", "JPN")]
    if in_op2:  # on words no proposal changes
        edits.append(tracked_insertion("good practices", " and lessons learned", "JPN"))
    sent = answered(merged, tmp_path / "jpn.docx", accepted, *edits)
    op2 = document.current.by_label("OP2")
    read = read_docx_submission(sent, document, delegation="JPN",
                                proposed=lambda: {op2.id: pending})
    made = [a for a in pending if a.proponents[0] in accepted]
    text = op2.text  # as they make it, its items lettered again: too unlike OP2
    for amendment in sorted(made, key=lambda a: a.span.start, reverse=True):
        text = text[:amendment.span.start] + amendment.new_text + text[amendment.span.end:]
    assert similarity(op2.text, relettered(op2.text, text)) < SIMILARITY
    own = [(a.kind, a.paragraph_id, a.proponents, a.new_text) for a in read.amendments]
    assert own == [*([(_K.INSERT, op2.id, ("JPN",), " and lessons learned")] if in_op2
                     else []),
                   (_K.INSERT, document.current.by_label("OP3").id, ("JPN",), " Also")]
    said = " ".join(w.message for w in read.warnings if "this copy accepted it" in w.message)
    assert all(f"{a.id} of {a.proponents[0]}" in said for a in made)
    assert "A3" not in said if "G77" not in accepted else "A3 of G77" in said
    assert not any("new paragraph" in w.message or "paragraph deletion" in w.message
                   for w in read.warnings)
