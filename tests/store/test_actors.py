"""Who acts (``actor``): a name kept in the record for ever, never the proponent. A token
given as the actor (the two variables swapped) was written into the record, where anyone
with the store reads it, and it still worked; a delegation's name made the log read
"decide by EU" for the secretariat's decision. Both are refused, nothing recorded."""

from __future__ import annotations

import pytest
from store_scenario import SMALL, SYMBOL, amend

from drafting.store.errors import StoreError

TOKEN = "drf_0123456789abcdef_" + "x" * 43


def _events(store) -> int:
    return len(store.events(SMALL.symbol))


def _proposal(store, code: str, words: str):
    """``code``'s insertion of ``words`` after the first word of OP2 of the small text."""
    current = store.document(SMALL.symbol).current
    first = current.by_label("OP2").text.split()[0]
    return amend(code, "OP2", insert=words, after=first, revision=current)


def test_a_token_given_as_the_actor_is_refused_and_never_recorded(filled):
    before = _events(filled)
    with pytest.raises(StoreError, match=r"holds a token \(drf_\.\.\.\): a token is never "
                                         "written into the record"):
        filled.submit(SMALL.symbol, [_proposal(filled, "EU", " duly")],
                      actor=f"Anna {TOKEN}")
    assert _events(filled) == before
    assert not any(TOKEN in (event.actor or "") for event in filled.events(SMALL.symbol))


@pytest.mark.parametrize("actor", ["EU", "Jane Doe (EU)", "EU_mission", "eu mission",
                                   "\u0415U", "Jane Doe (\u0415U)", "\u0395U mission"])
def test_another_delegations_name_is_no_actor_of_the_secretariat(filled, actor):
    [pending] = [a for a in filled.amendments(SYMBOL) if str(a.status) == "submitted"][:1]
    before = len(filled.events(SYMBOL))
    with pytest.raises(StoreError, match="names EU, a delegation, but this is the "
                                         "secretariat's to record"):
        filled.decide(pending.id, "accept", actor=actor)
    assert len(filled.events(SYMBOL)) == before


def test_a_code_written_with_a_hyphen_is_no_actor_of_the_secretariat(filled):
    """"G-77" (and "G\u201177", a no-break hyphen) decided as G77 would have."""
    [pending] = [a for a in filled.amendments(SYMBOL) if str(a.status) == "submitted"][:1]
    before = len(filled.events(SYMBOL))
    for actor in ("G-77", "Chair of the G\u201177"):
        with pytest.raises(StoreError, match="names G77, a delegation"):
            filled.decide(pending.id, "accept", actor=actor)
    assert len(filled.events(SYMBOL)) == before


def test_a_delegations_own_name_and_a_persons_name_act(filled):
    result = filled.submit(SMALL.symbol, [_proposal(filled, "EU", " duly")],
                           actor="Anna Schmidt (EU)")
    assert result.amendments
    assert filled.events(SMALL.symbol)[-1].actor == "Anna Schmidt (EU)"
    [pending] = [a for a in filled.amendments(SYMBOL) if str(a.status) == "submitted"][:1]
    filled.decide(pending.id, "accept", actor="Chair Maria Lopez")
    assert filled.events(SYMBOL)[-1].actor == "Chair Maria Lopez"
