"""Correcting a decision (issue 16, point 3): a decision taken by mistake is reopened with a
note, before the next revision is issued, on SQLite and PostgreSQL.

Both decisions stay in the record (events, decisions, the status history); `verify`
replays the reopening; the revision issued after it applies the last decision only; once
a revision is issued the decision stands, and the refusal says what to do instead.
"""

from __future__ import annotations

import json
from dataclasses import replace

import jsonschema
import pytest
from sqlalchemy import CheckConstraint, select
from store_scenario import ROOT, SMALL, amend

from drafting.export import event_summary, export_json
from drafting.model import AmendmentStatus, Delegation
from drafting.store import AccessError, ConflictError, StoreError, open_store, tables
from drafting.store.ledger import DECISION_STATUS, REOPEN
from drafting.store.replay import replay
from drafting.workflow import revise_document

_S = AmendmentStatus


@pytest.fixture
def negotiation(empty_store):
    """EU's OP2 proposal (A1) and G77's on the same words (A2), on the small text."""
    for code in ("EU", "G77"):
        empty_store.add_delegation(Delegation(code))
    empty_store.add_document(SMALL)
    empty_store.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit", with_="present")])
    empty_store.submit(SMALL.symbol, [amend("G77", "OP2", replace="submit a report",
                                            with_="report")])
    return empty_store


def _history(store, number: int) -> list[str]:
    step = tables.amendment_statuses.c
    with store._engine.connect() as connection:
        return list(connection.scalars(select(step.status).where(step.amendment_id == number)
                                       .order_by(step.position)))


def _decisions(store) -> list[tuple[int, str, str]]:
    row = tables.decisions.c
    with store._engine.connect() as connection:
        return [tuple(r) for r in connection.execute(
            select(row.amendment_id, row.decision, row.note).order_by(row.id))]


def _status(store, amendment_id: str) -> AmendmentStatus:
    return next(a.status for a in store.amendments(SMALL.symbol) if a.id == amendment_id)


def test_a_mistaken_acceptance_is_reopened_and_decided_again(negotiation):
    store = negotiation
    store.decide("A1", "accept", actor="chair")
    reopened = store.decide("A1", "reopen", note="accepted by mistake: G77 objects",
                            actor="chair")
    assert reopened.status is _S.SUBMITTED
    assert _status(store, "A1") is _S.SUBMITTED
    assert store.amendments(SMALL.symbol, statuses=[_S.SUBMITTED])[0].id == "A1"
    assert store.decide("A1", "reject", note="no consensus").status is _S.REJECTED
    assert _history(store, 1) == ["submitted", "accepted", "submitted", "rejected"]
    assert _decisions(store) == [(1, "accept", ""), (1, "reopen",
                                                     "accepted by mistake: G77 objects"),
                                 (1, "reject", "no consensus")]
    decided = [e for e in store.events(SMALL.symbol) if e.kind == "decide"]
    assert [e.payload["decision"] for e in decided] == ["accept", "reopen", "reject"]
    assert event_summary(decided[1]).endswith("by chair  A1 reopened: accepted by "
                                              "mistake: G77 objects")
    assert store.verify().ok


def test_the_revision_applies_the_last_decision_only(negotiation):
    store = negotiation
    store.decide("A1", "accept")
    store.decide("A1", "reopen", note="the room had not agreed")
    store.decide("A1", "reject")
    store.decide("A2", "reject")
    store.decide("A2", "reopen", note="rejected by mistake")
    store.decide("A2", "accept")
    revise_document(store, SMALL.symbol, "Rev.1")
    rev1 = store.document(SMALL.symbol).current
    assert rev1.by_id("p3").text == "Requests the Secretary-General to report;"
    assert (_status(store, "A1"), _status(store, "A2")) == (_S.REJECTED, _S.ACCEPTED)
    assert store.verify().ok


def test_once_the_next_revision_is_issued_the_decision_stands(negotiation):
    store = negotiation
    store.decide("A1", "accept")
    store.decide("A2", "reject")
    revise_document(store, SMALL.symbol, "Rev.1")
    events = len(store.events())
    with pytest.raises(ConflictError) as accepted:
        store.decide("A1", "reopen", note="too late")
    assert str(accepted.value).startswith(
        "A1 was accepted and Rev.1 has been issued with its text: a decision cannot be "
        "reopened once the revision it was taken for is issued. To change that text now, "
        "propose a new amendment to Rev.1 (drafting amend TEST/1 OP2 --delegation CODE")
    with pytest.raises(ConflictError, match=r"A2 was rejected and Rev\.1 has been issued "
                                            r"without its text.* To propose it again, submit a "
                                            r"new amendment to Rev\.1"):
        store.decide("A2", "reopen", note="too late")
    assert len(store.events()) == events
    assert store.verify().ok


def test_a_stale_amendment_rejected_and_reopened_is_stale_again(negotiation):
    store = negotiation
    store.decide("A1", "accept")
    revise_document(store, SMALL.symbol, "Rev.1")
    assert _status(store, "A2") is _S.STALE  # its words changed under it
    store.decide("A2", "reject")  # after Rev.1 was issued: it can be reopened
    assert store.decide("A2", "reopen", note="still discussed").status is _S.STALE
    assert _history(store, 2) == ["submitted", "stale", "rejected", "stale"]
    assert store.verify().ok
    with pytest.raises(ConflictError, match="stale"):
        store.decide("A2", "accept")


def test_a_decision_taken_by_issuing_the_revision_stands_too(negotiation):
    store = negotiation
    (twin,) = store.submit(SMALL.symbol, [amend("G77", "OP2", replace="submit",
                                                with_="present")]).ids
    store.decide("A1", "accept")
    revise_document(store, SMALL.symbol, "Rev.1")
    assert _decisions(store)[-1] == (3, "accept", "decided in Rev.1")  # the same proposal
    with pytest.raises(ConflictError, match=f"{twin} was accepted and Rev.1 has been issued"):
        store.decide(twin, "reopen", note="G77 wanted its own")
    assert store.verify().ok


def test_only_a_decision_can_be_reopened_and_only_with_a_note(negotiation):
    store = negotiation
    store.submit(SMALL.symbol, [amend("EU", "OP3", delete=" [within existing resources]")])
    store.withdraw("A3", "EU")
    events = len(store.events())
    with pytest.raises(ConflictError, match="A1 is submitted, not accepted or rejected: there "
                                            "is no decision to reopen"):
        store.decide("A1", "reopen", note="why")
    with pytest.raises(ConflictError, match="A3 is withdrawn, not accepted or rejected"):
        store.decide("A3", "reopen", note="why")
    store.decide("A1", "accept")
    events += 1
    for blank in ("", "  \n "):
        with pytest.raises(StoreError, match=r"say why A1 is reopened: a correction needs a "
                                             r"note \(drafting decide A1 reopen --note"):
            store.decide("A1", "reopen", note=blank)
    with pytest.raises(ConflictError, match=r"A1 was already accepted; to correct a decision "
                                            r"taken by mistake, reopen it first: drafting "
                                            r'decide A1 reopen --note "why"'):
        store.decide("A1", "reject")
    with pytest.raises(StoreError, match="there is no amendment 'A9'"):
        store.decide("A9", "reopen", note="why")
    assert len(store.events()) == events and _status(store, "A1") is _S.ACCEPTED
    assert store.verify().ok


def test_in_a_secure_store_only_the_secretariat_reopens(negotiation, store_url):
    store = negotiation
    store.decide("A1", "accept")
    tokens = store.make_secure()
    with open_store(store_url, token=tokens["EU"]) as eu:
        with pytest.raises(AccessError, match="secretariat"):
            eu.decide("A1", "reopen", note="EU wants it back")
        assert _status(eu, "A1") is _S.ACCEPTED
        assert eu.events()[-1].kind == "refused"
    with open_store(store_url, token=tokens["secretariat"]) as secretariat:
        assert secretariat.decide("A1", "reopen", note="mistake").status is _S.SUBMITTED
        assert secretariat.verify().ok


def test_verify_replays_a_reopening_and_refuses_one_after_the_revision(negotiation):
    store = negotiation
    store.decide("A1", "accept")
    revise_document(store, SMALL.symbol, "Rev.1")
    events = store.events()
    state = replay(events)
    assert state.failures == [] and state.amendments["A1"].status is _S.ACCEPTED
    last = events[-1]
    forged = replace(last, seq=last.seq + 1, kind="decide",
                     payload={"amendment": "A1", "decision": "reopen", "note": "late"})
    assert [seq for seq, _ in replay([*events, forged]).failures] == [last.seq + 1]
    early = [e for e in events if e.kind != "revise"]
    state = replay([*early, replace(forged, seq=last.seq)])
    assert state.failures == [] and state.amendments["A1"].status is _S.SUBMITTED
    assert state.history["A1"][-2:] == [("accepted", last.seq - 1), ("submitted", last.seq)]


def test_the_export_holds_both_decisions_and_its_schema_knows_them(negotiation, tmp_path):
    store = negotiation
    store.decide("A2", "reject")
    store.decide("A2", "reopen", note="rejected by mistake")
    data = export_json(store, SMALL.symbol, tmp_path / "record.json")
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert [e["kind"] for e in data["events"]][-2:] == ["decide", "decide"]
    assert [a["status"] for a in data["amendments"]] == ["submitted", "submitted"]
    assert "reopen" in schema["$defs"]["event"]["properties"]["kind"]["description"]


def test_the_decisions_a_row_may_hold_are_the_librarys():
    assert (*DECISION_STATUS, REOPEN) == tables.DECISIONS
    [check] = [c for c in tables.decisions.constraints if isinstance(c, CheckConstraint)]
    assert str(check.sqltext) == "decision IN ('accept', 'reject', 'reopen')"
