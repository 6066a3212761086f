"""Groups: new delegations appended to a group's members (``--member-of``), all or
nothing, recorded as an event that `verify` replays; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from drafting.model import Delegation, DelegationKind
from drafting.store import ConflictError, NotFoundError, StoreError

G77 = Delegation("G77", "Group of 77 and China", members=("BRA",))


@pytest.fixture
def store(empty_store):
    empty_store.add_delegation(G77)  # a state until it has members added
    empty_store.add_delegation(Delegation("EU", "European Union"))
    return empty_store


def by_code(store) -> dict[str, Delegation]:
    return {d.code: d for d in store.delegations()}


def test_new_delegations_join_the_group_which_becomes_one(store):
    tokens = store.add_delegations([Delegation("BRA", "Brazil"), Delegation("CHN", "China"),
                                    Delegation("IND")], member_of="G77", actor="secretariat")
    assert tokens == {}  # an open store issues none
    group = by_code(store)["G77"]
    assert group.kind is DelegationKind.GROUP
    assert group.members == ("BRA", "CHN", "IND")  # BRA was already a member: kept once
    assert by_code(store)["CHN"] == Delegation("CHN", "China")
    events = store.events()
    assert [e.kind for e in events[-4:]] == ["delegation"] * 3 + ["members"]
    assert dict(events[-1].payload) == {"group": "G77", "members": ["CHN", "IND"],
                                        "kind": "group"}
    assert store.verify().ok


def test_members_are_appended_in_order_and_nothing_new_records_nothing(store):
    store.add_delegations([Delegation("ARG")], member_of="G77")
    store.add_delegations([Delegation("ZAF")], member_of="G77")
    assert by_code(store)["G77"].members == ("BRA", "ARG", "ZAF")
    count = len(store.events())
    assert store.add_members("G77", ["ARG", "BRA"]).members == ("BRA", "ARG", "ZAF")
    assert len(store.events()) == count
    assert store.add_members("EU", ["FRA", "DEU"]).kind is DelegationKind.GROUP
    assert store.verify().ok


def test_a_refused_addition_adds_no_one_and_touches_no_group(store):
    before, count = store.delegations(), len(store.events())
    with pytest.raises(NotFoundError, match=r"no delegation 'AU' to add members to.*"
                                            r"drafting delegation add AU"):
        store.add_delegations([Delegation("NGA")], member_of="AU")
    with pytest.raises(ConflictError, match="the delegation EU is already in the store"):
        store.add_delegations([Delegation("CHN"), Delegation("EU")], member_of="G77")
    with pytest.raises(StoreError, match="given twice: CHN"):
        store.add_delegations([Delegation("CHN"), Delegation("CHN")], member_of="G77")
    with pytest.raises(StoreError, match="member of itself"):
        store.add_members("G77", ["G77"])
    with pytest.raises(StoreError, match="not a delegation code"):
        store.add_delegations([Delegation("CHN"), Delegation("bad code")], member_of="G77")
    assert store.delegations() == before and len(store.events()) == count


def test_verify_replays_the_members(store, raw):
    store.add_delegations([Delegation("CHN")], member_of="G77")
    with raw.begin() as connection:
        connection.execute(text("UPDATE delegation_members SET member_code = 'TWN' "
                                "WHERE member_code = 'CHN'"))
    report = store.verify()
    assert not report.ok
    assert report.first.where == "delegation G77" and "TWN" in report.first.what
    assert report.first.event == store.events()[-1].seq
