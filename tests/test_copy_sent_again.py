"""A delegation sends again, after Rev.1, the copy of the zero draft it sent in round one
(a wrong attachment, or its "latest" file), every change of it accepted into Rev.1, as
were another delegation's. It was read as a copy of Rev.1 (the paragraphs its own
accepted changes worded as Rev.1 counted for it) and proposed, in its name, to undo the
other delegation's changes; read as the copy of the zero draft it is, nothing is new."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from docx_builders import SYMBOL, ZERO, house, write_docx

from drafting.engine import Proposal
from drafting.errors import InputError
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
    revise_document,
)

EU_EDITS = {
    "PP1": ["Recalling also its resolution 70/1 of 25 September 2015,"],
    "PP2": ["Noting with grave concern the state of small-scale fisheries,"],
    "OP3": ["Calls upon States:\n(a) To protect fishers;"],  # (b) deleted
}


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, write_docx(tmp_path / "draft.docx", house(ZERO)), SYMBOL)
        add_delegations(opened, ["EU", "AOSIS"])
        yield opened


def test_a_round_one_copy_sent_again_after_rev1_proposes_nothing(store, tmp_path):
    sent = write_docx(tmp_path / "eu.docx", house(ZERO, EU_EDITS))
    [prepared] = prepare_files(store, SYMBOL, [sent], delegation="EU")
    assert len(prepared.amendments) == 3
    recorded = list(record(store, SYMBOL, prepared.amendments).amendments)
    for label, fields in (("OP1", {"replace": "submit", "with_": "present"}),
                          ("OP2", {"replace": "existing", "with_": "available"}),
                          ("OP3", {"insert": " and their families", "after": "fishers"})):
        amendment = prepare_amendment(store, SYMBOL, Proposal(label, **fields), "AOSIS")
        recorded += record(store, SYMBOL, [amendment]).amendments
    for amendment in recorded:
        store.decide(amendment.id, "accept")
    revise_document(store, SYMBOL, "Rev.1", warn=lambda _: None)
    assert "fishers and their families;" in store.document(SYMBOL).current.by_label(
        "OP3").text
    with pytest.raises(InputError, match="no change found") as refused:
        prepare_files(store, SYMBOL, [sent], delegation="EU")
    said = str(refused.value) + str(refused.value.details)
    assert "the file is a copy of Zero draft, not of Rev.1" in said
    assert said.count("in Rev.1 already") == 3
