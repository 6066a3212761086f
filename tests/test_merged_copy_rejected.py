"""A delegation answers on the merged draft by rejecting other delegations' proposals in
Word, every one of them: the copy then shows none of the proposals, only the comments the
merged draft wrote on them (Word's Reject keeps comments). It was read as a plain copy of
the draft: "no change found", and the comments named as unread comments of the EU's. The
comments tell it is the merged draft: each rejection is named, as when the copy still
shows one of the proposals, and nothing is recorded as opposition."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_merged_copy_edits import _copy

from drafting.engine import Proposal
from drafting.errors import InputError
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
)

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
OWN = "the tenure rights"


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(opened, ["EU", "G77", "USA"])
        for code, proposal in (
                ("EU", Proposal("OP24", replace="submit", with_="transmit",
                                reason="Consistent with the Fifth Committee's wording.")),
                ("G77", Proposal("OP10", replace="combat", with_="end",
                                 reason="Stronger language.")),
                ("EU", Proposal("PP2", delete="integral ", reason=""))):
            record(opened, SYMBOL, [prepare_amendment(opened, SYMBOL, proposal, code)])
        yield opened


def _reject_all(body: etree._Element) -> None:
    """Word's Reject All Changes: deleted words back as they were, inserted ones gone; the
    comments stay."""
    for deleted in list(body.iter(qn("w:del"))):
        for run in list(deleted):
            for text in run.iter(qn("w:delText")):
                text.tag = qn("w:t")
            deleted.addprevious(run)
        deleted.getparent().remove(deleted)
    for inserted in list(body.iter(qn("w:ins"))):
        inserted.getparent().remove(inserted)


def _own_insertion(body: etree._Element) -> None:
    """USA's tracked insertion of " also" after OWN's words."""
    run = next(r for r in body.iter(qn("w:r")) if OWN in "".join(r.itertext()))
    text = run.find(qn("w:t"))
    before, after = text.text.split(OWN, 1)
    text.text = before + OWN
    text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    tail = etree.fromstring(etree.tostring(run))
    tail.find(qn("w:t")).text = after
    inserted = etree.Element(qn("w:ins"), {qn("w:id"): "9001", qn("w:author"): "USA",
                                           qn("w:date"): "2026-12-06T10:00:00Z"})
    added = etree.fromstring(etree.tostring(run))
    added.find(qn("w:t")).text = " also"
    inserted.append(added)
    run.addnext(inserted)
    inserted.addnext(tail)


def test_every_proposal_rejected_names_each_rejection_and_records_nothing(store, tmp_path):
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = _copy(tmp_path / "merged.docx", tmp_path / "usa.docx", _reject_all)
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [sent], delegation="USA")
    said = refused.value.details
    assert "(OP24): EU's pending A1 (replace 'submit' -> 'transmit'), which the merged draft " \
           "tracks, is not in this copy: the copy rejected it. That is not recorded" in said
    assert "(OP10): G77's pending A2 (replace 'combat' -> 'end'), which the merged draft " \
           "tracks, is not in this copy: the copy rejected it." in said
    assert f"drafting amend {SYMBOL} OP10 --delegation USA --retain" in said
    # A3 has no reason, so no comment: later than every comment, it may be newer than the
    # merged draft
    assert "EU's pending A3 (delete 'integral') is not in this copy: the copy rejected " \
           "it, unless the merged draft was written before it was proposed" in said
    assert "is not on a change that became an amendment" not in said  # the merged draft's


def test_every_other_proposal_rejected_beside_an_own_change_is_named(store, tmp_path):
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    sent = _copy(tmp_path / "merged.docx", tmp_path / "usa.docx", _reject_all, _own_insertion)
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " also")]
    named = sorted(w.split("pending ", 1)[1][:2] for w in prepared.warnings
                   if "the copy rejected" in w)
    assert named == ["A1", "A2", "A3"]


def test_a_plain_copy_of_the_draft_names_no_rejection(store, tmp_path):
    """The draft itself sent back, edited: no comment of the merged draft in it, so none
    of the pending proposals reads as rejected."""
    sent = _copy(SAMPLES / "docx" / "zero-draft.docx", tmp_path / "usa.docx", _own_insertion)
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="USA")
    assert [(a.proponents, a.new_text) for a in prepared.amendments] == [(("USA",), " also")]
    assert not any("rejected" in w for w in prepared.warnings)
