"""Store.submit_all: many submissions in one transaction, each recorded as submit would."""

from __future__ import annotations

import pytest
from store_scenario import SMALL, amend, delegations

from drafting.store import StoreError


@pytest.fixture
def store(empty_store):
    for delegation in delegations():
        empty_store.add_delegation(delegation)
    empty_store.add_document(SMALL)
    return empty_store


def test_each_submission_gets_its_own_ids_and_event(store):
    eu = [amend("EU", "OP2", replace="submit", with_="present")]
    usa = [amend("USA", "OP1", new_paragraph="Decides also to act;"),
           amend("USA", "OP2", delete=" a report")]
    before = len(store.events())
    results = store.submit_all(SMALL.symbol, [eu, usa])
    assert [r.ids for r in results] == [("A1",), ("A2", "A3")]
    assert [r.duplicate for r in results] == [False, False]
    submits = [e for e in store.events()[before:] if e.kind == "submit"]
    assert [len(e.payload["amendments"]) for e in submits] == [1, 2]
    stored = store.amendments(SMALL.symbol)
    assert [(a.id, a.proponents, a.old_text) for a in stored] == [
        ("A1", ("EU",), "submit"), ("A2", ("USA",), ""), ("A3", ("USA",), " a report")]
    assert store.verify().ok


def test_a_repeat_in_the_pile_is_recorded_once(store):
    eu = [amend("EU", "OP2", replace="submit", with_="present")]
    first, again = store.submit_all(SMALL.symbol, [eu, eu])
    assert (first.duplicate, again.duplicate) == (False, True)
    assert again.ids == first.ids
    assert len(store.amendments(SMALL.symbol)) == 1


def test_one_refused_submission_refuses_the_pile(store):
    good = [amend("EU", "OP2", replace="submit", with_="present")]
    unknown = [amend("XYZ", "OP1", delete="Decides")]  # XYZ is not a delegation
    events = len(store.events())
    with pytest.raises(StoreError, match="nothing was recorded") as refused:
        store.submit_all(SMALL.symbol, [good, unknown])
    assert "proponent 'XYZ' is not a known delegation" in refused.value.details
    assert store.amendments(SMALL.symbol) == []
    assert len(store.events()) == events
