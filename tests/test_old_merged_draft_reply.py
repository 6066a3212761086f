"""A delegation answers on a merged draft circulated before the secretariat decided:
the copy still tracks, under their delegations' codes, proposals since rejected (or
withdrawn). Sent with ``--delegation JPN``, each was proposed again in JPN's name; it is
named in a warning instead ("A1 of EU ..., rejected already"), and only JPN's own change
is recorded, whether the copy is read against the zero draft or against Rev.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_merged_copy_edits import _copy, _mark

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
    revise_document,
)

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"


def _own_change(body: etree._Element) -> None:
    """" urgently" typed by JPN's delegate after "Urges" (OP4's lead word, a run of its
    own), tracked."""
    text = next(t for t in body.iter(qn("w:t")) if t.text == "Urges")
    text.getparent().addnext(_mark("w:ins", " urgently", "Taro Yamada"))


@pytest.fixture
def circulated(tmp_path):
    """A store with the EU's A1 (OP21 'one-day' -> 'two-day'), the USA's A2 (OP23
    deleted) and the G77's A3 (OP24 'submit' -> 'transmit'); the merged draft written
    then; A1 rejected and A2 withdrawn since, A3 still pending."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, SAMPLES / "zero-draft.md", SYMBOL, title="Fisheries")
        add_delegations(store, ["EU", "USA", "G77", "JPN"])
        for code, proposal in (("EU", Proposal("OP21", replace="one-day", with_="two-day")),
                               ("USA", Proposal("OP23", delete_paragraph=True)),
                               ("G77", Proposal("OP24", replace="submit", with_="transmit"))):
            record(store, SYMBOL, [prepare_amendment(store, SYMBOL, proposal, code)])
        merge_to(store, SYMBOL, tmp_path / "merged.docx")
        store.decide("A1", "reject")
        store.withdraw("A2", "USA")
        yield store, _copy(tmp_path / "merged.docx", tmp_path / "JPN.docx", _own_change)


@pytest.mark.parametrize("revised", [False, True])
def test_proposals_settled_since_the_merged_draft_are_not_proposed_again(circulated,
                                                                         revised):
    store, reply = circulated
    if revised:
        revise_document(store, SYMBOL, "Rev.1")
    (read,) = prepare_files(store, SYMBOL, [reply], delegation="JPN")
    assert [(a.proponents, a.new_text) for a in read.amendments] == [(("JPN",), " urgently")]
    warnings = " ".join(read.warnings)
    assert "A1 of EU (replace 'one-day' -> 'two-day'), rejected already" in warnings
    assert "A2 of USA (delete the paragraph), withdrawn already" in warnings
    assert "A3" in warnings and "pending already" in warnings
