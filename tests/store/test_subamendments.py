"""Amendments to proposals in the store (issue 16, point 2), on SQLite and PostgreSQL:
recorded with the proposal they amend, checked against its words, kept through a revision,
replayed by `verify`; refused, with nothing recorded, when they cannot stand."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from store_scenario import SMALL, amend

from drafting.engine.amend import Proposal
from drafting.engine.revise import Decisions, revise
from drafting.engine.subamend import draft_subamendment
from drafting.model import AmendmentStatus, Delegation
from drafting.store import StoreError
from drafting.store.payloads import amendment_json
from drafting.workflow import revise_document

NEW = "Invites States to present their views;"


@pytest.fixture
def negotiation(empty_store):
    """EU, USA, JPN and the small text, the EU proposing a new paragraph after OP2 (A1)."""
    for code in ("EU", "USA", "JPN"):
        empty_store.add_delegation(Delegation(code))
    empty_store.add_document(SMALL)
    empty_store.submit(SMALL.symbol, [amend("EU", "OP2", new_paragraph=NEW)])
    return empty_store


def _usa_on(store, parent_id="A1", code="USA", **fields):
    (parent,) = [a for a in store.amendments(SMALL.symbol) if a.id == parent_id]
    return draft_subamendment(parent, Proposal(parent_id, **fields), id="new",
                              proponents=[code], revision="Zero draft")


def test_an_amendment_to_a_proposal_is_recorded_with_it_and_replayed(negotiation):
    store = negotiation
    result = store.submit(SMALL.symbol, [_usa_on(store, replace="present", with_="transmit")])
    (stored,) = [a for a in store.amendments(SMALL.symbol) if a.id == result.ids[0]]
    assert stored.amends == "A1" and stored.old_text == "present"
    assert amendment_json(stored)["amends"] == "A1"
    (event,) = [e for e in store.events() if e.kind == "submit" and e.seq == result.receipt.seq]
    assert event.payload["amendments"][0]["amends"] == "A1"
    assert "amends" not in next(e for e in store.events() if e.kind == "submit"
                                ).payload["amendments"][0]  # older payloads read the same
    assert store.verify().ok


def test_a_revision_keeps_a_pending_one_with_its_pending_proposal(negotiation):
    store = negotiation
    store.submit(SMALL.symbol, [_usa_on(store, replace="present", with_="transmit")])
    outcome = revise(store.document(SMALL.symbol), store.amendments(SMALL.symbol),
                     Decisions(), label="Rev.1")
    store.add_revision(SMALL.symbol, outcome)
    (sub,) = [a for a in store.amendments(SMALL.symbol) if a.amends]
    assert sub.status is AmendmentStatus.SUBMITTED and sub.revision == "Rev.1"
    store.decide("A2", "accept")
    store.decide("A1", "accept")
    final = revise(store.document(SMALL.symbol), store.amendments(SMALL.symbol),
                   Decisions(accepted=frozenset({"A1", "A2"})), label="Rev.2")
    store.add_revision(SMALL.symbol, final)
    assert "Invites States to transmit their views;" in [
        p.text for p in store.document(SMALL.symbol).current]
    assert store.verify().ok


def test_what_cannot_stand_is_refused_and_nothing_is_recorded(negotiation):
    store = negotiation
    good = _usa_on(store, replace="present", with_="transmit")
    store.submit(SMALL.symbol, [good])  # A2
    before = len(store.events())
    problems = {
        "the words it quotes are not where it says": replace(
            good, proponents=("JPN",), span=replace(good.span, start=0, end=7)),
        "there is no such amendment": replace(good, amends="A9"),
        "amend A1 instead": replace(good, amends="A2", old_text="transmit"),
    }
    for message, amendment in problems.items():
        with pytest.raises(StoreError) as raised:
            store.submit(SMALL.symbol, [amend("JPN", "OP1", delete=" meeting"), amendment])
        assert message in raised.value.details
    store.withdraw("A1", "EU")
    with pytest.raises(StoreError) as raised:
        store.submit(SMALL.symbol, [replace(good, proponents=("JPN",))])
    assert "A1 is withdrawn; only a pending proposal can be amended" in raised.value.details
    assert len(store.events()) == before + 1  # the withdrawal only
    assert len(store.amendments(SMALL.symbol)) == 2


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_on_postgresql_the_server_refuses_a_forged_amendment_to_a_proposal(negotiation, raw):
    store = negotiation
    store.submit(SMALL.symbol, [_usa_on(store, replace="present", with_="transmit")])
    with raw.begin() as connection, pytest.raises(DBAPIError, match="pending proposal"):
        connection.execute(text(
            "INSERT INTO amendments SELECT 3, document_id, submission_id, paragraph_id, "
            "made_against_id, revision_id, kind, span_start, span_end, anchor_start, "
            "anchor_end, old_text, new_text, reason, submitted_by, submitted_at, status, 2 "
            "FROM amendments WHERE id = 2"))  # an amendment to A2, itself one to A1


def test_an_amendment_to_a_rejected_or_withdrawn_proposal_cannot_be_accepted(negotiation):
    """Accepted once its proposal was rejected, the amendment stayed 'accepted' after the
    proposal was reopened and withdrawn, though no revision held a word of it."""
    store = negotiation
    store.submit(SMALL.symbol, [_usa_on(store, replace="present", with_="transmit")])  # A2
    store.decide("A1", "reject")
    before = len(store.events())
    with pytest.raises(StoreError, match=(
            r"A2 amends A1, which was rejected: accepted now, none of its words would reach "
            r"the text; it can be rejected \(or reopen A1 first")):
        store.decide("A2", "accept")
    store.decide("A1", "reopen", note="taken by mistake")
    store.withdraw("A1", "EU")
    with pytest.raises(StoreError, match="A2 amends A1, which was withdrawn"):
        store.decide("A2", "accept")
    assert len(store.events()) == before + 2  # the reopening and the withdrawal only
    assert store.decide("A2", "reject").status is AmendmentStatus.REJECTED
    assert store.verify().ok


def test_a_proposal_withdrawn_after_an_amendment_to_it_was_accepted_is_named_at_revision(
        negotiation):
    store = negotiation
    store.submit(SMALL.symbol, [_usa_on(store, replace="present", with_="transmit")])  # A2
    store.decide("A2", "accept")  # its proposal pending: allowed
    store.withdraw("A1", "EU")
    outcome = revise_document(store, SMALL.symbol, "Rev.1")
    assert outcome.no_effect == {"A2": "the proposal it amends, A1, is withdrawn or stale; "
                                       "none of its words are in the text, so it has no effect"}
    assert NEW not in [p.text for p in store.document(SMALL.symbol).current]
    assert store.verify().ok
