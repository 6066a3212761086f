"""Who acts, as the secretariat's staff name themselves: "Secretariat (EU desk)" enters
JPN's proposal and decides, as any officer does (both were refused: the name holds EU);
a group's coordinator enters a member's proposal; another delegation's staff still may
not enter a proposal, nor a delegation decide."""

from __future__ import annotations

import pytest
from store_scenario import SMALL, amend

from drafting.model import Delegation, DelegationKind
from drafting.store import init_store, open_store
from drafting.store.errors import StoreError


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'actors.db'}"
    init_store(url)
    with open_store(url) as opened:
        for code in ("EU", "JPN", "USA", "BRA"):
            opened.add_delegation(Delegation(code, code), actor="secretariat")
        opened.add_delegation(Delegation("G77", "G77", DelegationKind.GROUP, ("BRA",)),
                              actor="secretariat")
        opened.add_document(SMALL, actor="secretariat")
        yield opened


@pytest.mark.parametrize("actor", ["Secretariat (EU desk)", "secretariat, U.S. desk",
                                   "Secrétariat (bureau EU)"])
def test_the_secretariats_staff_enter_and_decide_whatever_desk_they_name(store, actor):
    (number,) = store.submit(SMALL.symbol, [amend("JPN", "OP2", replace="submit",
                                                  with_="present")], actor=actor).ids
    assert store.decide(number, "accept", actor=actor).status.value == "accepted"
    assert store.events()[-1].actor == actor


def test_a_groups_coordinator_enters_a_members_proposal(store):
    store.submit(SMALL.symbol, [amend("BRA", "OP2", replace="submit", with_="present")],
                 actor="G77 coordinator")
    assert store.events()[-1].actor == "G77 coordinator"


def test_another_delegations_staff_and_a_delegation_deciding_are_refused(store):
    with pytest.raises(StoreError, match="names USA, another delegation, but this is JPN's"):
        store.submit(SMALL.symbol, [amend("JPN", "OP2", replace="submit", with_="present")],
                     actor="Jane Roe (USA)")
    (number,) = store.submit(SMALL.symbol, [amend("JPN", "OP2", replace="submit",
                                                  with_="present")]).ids
    with pytest.raises(StoreError, match="names EU, a delegation, but this is the "
                       "secretariat's"):
        store.decide(number, "accept", actor="EU")
