"""A proposal tabled again: once withdrawn, rejected or left stale it is recorded anew;
while pending, the same submission sent again is recorded once (on SQLite and PostgreSQL)."""

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


def _eu() -> list:
    return [amend("EU", "OP2", replace="submit", with_="present")]


def test_a_withdrawn_submission_sent_again_is_recorded_anew(store):
    first = store.submit(SMALL.symbol, _eu())
    store.withdraw(first.ids[0], "EU")
    again = store.submit(SMALL.symbol, _eu())
    assert (again.ids, again.duplicate) == (("A2",), False)
    assert again.anew == ("A1 (withdrawn)",)
    assert again.message == ("recorded 1 amendment: A2; the same was proposed before as "
                             "A1 (withdrawn), and is recorded anew")
    assert [(a.id, str(a.status)) for a in store.amendments(SMALL.symbol)] == [
        ("A1", "withdrawn"), ("A2", "submitted")]
    event = store.events()[-1]
    assert event.kind == "submit" and event.payload["again"] == \
        store.events()[-3].payload["submission"]
    assert store.verify().ok


def test_tabled_again_it_is_recorded_once_while_pending_and_anew_after(store):
    first = store.submit(SMALL.symbol, _eu())
    store.withdraw(first.ids[0], "EU")
    second = store.submit(SMALL.symbol, _eu())
    resent = store.submit(SMALL.symbol, _eu())  # a crash, then the same file again
    assert (resent.duplicate, resent.ids) == (True, second.ids)
    assert resent.message == "already recorded as A2 (still pending); nothing new was recorded"
    store.withdraw(second.ids[0], "EU")
    third = store.submit(SMALL.symbol, _eu())
    assert (third.ids, third.duplicate) == (("A3",), False)
    assert store.verify().ok


def test_a_rejected_proposal_may_be_tabled_again(store):
    first = store.submit(SMALL.symbol, _eu())
    store.decide(first.ids[0], "reject")
    again = store.submit(SMALL.symbol, _eu())
    assert (again.ids, again.anew) == (("A2",), ("A1 (rejected)",))


def test_an_accepted_proposal_is_not_recorded_again(store):
    first = store.submit(SMALL.symbol, _eu())
    store.decide(first.ids[0], "accept")
    with pytest.raises(StoreError, match="repeat what is already proposed") as refused:
        store.submit(SMALL.symbol, _eu())
    assert "EU already proposes this as A1 (accepted)" in refused.value.details
    assert len(store.amendments(SMALL.symbol)) == 1


def test_the_same_proposal_in_another_submission_after_a_withdrawal(store):
    first = store.submit(SMALL.symbol, _eu())
    store.withdraw(first.ids[0], "EU")
    other = [*_eu(), amend("EU", "OP1", delete="Decides")]
    result = store.submit(SMALL.symbol, other)
    assert (result.ids, result.anew) == (("A2", "A3"), ("A1 (withdrawn)",))


def test_a_submission_partly_pending_sent_again_repeats_what_is_pending(store):
    both = [*_eu(), amend("EU", "OP1", delete="Decides")]
    first = store.submit(SMALL.symbol, both)
    store.withdraw(first.ids[0], "EU")
    with pytest.raises(StoreError, match="1 amendment of the submission repeat") as refused:
        store.submit(SMALL.symbol, both)
    assert "amendment 2 (OP1): EU already proposes this as A2" in refused.value.details
    again = store.submit(SMALL.symbol, both, allow_duplicates=True)
    assert again.ids == ("A3", "A4")


def test_sent_again_tells_a_preview_what_recording_would_do(store):
    first = store.submit(SMALL.symbol, _eu())
    (sent,) = store.sent_again(SMALL.symbol, [_eu()])
    assert sent is not None and sent.ids == first.ids and sent.duplicate
    store.withdraw(first.ids[0], "EU")
    assert store.sent_again(SMALL.symbol, [_eu()]) == [None]


def test_one_change_twice_in_one_submission_is_refused_through_the_library(store):
    """The command line records a file's repeats once (with a warning); a program that
    calls the store with the same change twice is refused, naming both, and nothing is
    recorded, unless it allows duplicates."""
    twice = [*_eu(), amend("EU", "OP1", delete="Decides"), *_eu()]
    with pytest.raises(StoreError, match="1 amendment of the submission repeat") as refused:
        store.submit(SMALL.symbol, twice)
    assert "amendment 3 (OP2): the same change as amendment 1 of the submission" in \
        refused.value.details
    assert store.amendments(SMALL.symbol) == []
    assert store.submit(SMALL.symbol, twice, allow_duplicates=True).ids == ("A1", "A2", "A3")
