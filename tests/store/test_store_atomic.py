"""All or nothing, and no double counting: a write that fails half way leaves the
store exactly as it was; the same submission sent twice is recorded once."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select
from store_scenario import (
    SMALL,
    SYMBOL,
    ZERO,
    amend,
    delegations,
    dump_tables,
    sample_document,
    sample_submissions,
)

from drafting.engine.revise import Decisions, revise
from drafting.store import StoreError, submissions, tables
from drafting.store import revisions as store_revisions

CODES = ("EU", "USA", "G77", "JPN", "CAN")


def forty(revision=ZERO):
    """Forty amendments on PP1 of ``revision``, all different."""
    return [amend(code, "PP1", revision=revision, replace="Recalling", with_=f"Recalling ({n})")
            for n in range(8) for code in CODES]


FORTY = forty()


class Injected(Exception):
    """The failure we cause on purpose."""


def rows_in(connection) -> int:
    """How many rows the store's tables hold, as ``connection`` sees them."""
    return sum(connection.scalar(select(func.count()).select_from(table))
               for table in tables.metadata.sorted_tables)


def fail_after(monkeypatch, module, name: str, calls: int) -> list[int]:
    """Make ``module.name`` raise on call number ``calls`` + 1. Each call appends to the
    list returned the number of rows the write's own transaction sees then, so a test
    can check that rows really reached the database before the failure."""
    real = getattr(module, name)
    made: list[int] = []

    def failing(write, *args, **kwargs):
        made.append(rows_in(write.connection))
        if len(made) > calls:
            raise Injected(f"{name} failed after {calls} calls")
        return real(write, *args, **kwargs)

    monkeypatch.setattr(module, name, failing)
    return made


def test_a_submission_failing_half_way_leaves_the_store_as_it_was(filled, raw, monkeypatch):
    before = dump_tables(raw)
    made = fail_after(monkeypatch, submissions, "_insert", 2)  # after amendments, proponents
    amendments = forty(filled.document(SMALL.symbol).current)
    with pytest.raises(Injected):
        filled.submit(SMALL.symbol, amendments, actor="EU")
    assert len(made) == 3  # rows seen before the amendments, the proponents, the supporters
    assert made[1] - made[0] == 40 and made[2] - made[1] == 40  # both reached the database
    assert dump_tables(raw) == before
    monkeypatch.undo()
    result = filled.submit(SMALL.symbol, amendments, actor="EU")
    assert len(result.ids) == 40 and not result.duplicate
    numbers = [int(i[1:]) for i in result.ids]
    assert numbers == list(range(numbers[0], numbers[0] + 40))
    assert filled.verify().ok


def test_a_revision_failing_half_way_leaves_the_store_as_it_was(empty_store, raw, monkeypatch):
    for delegation in delegations():
        empty_store.add_delegation(delegation)
    empty_store.add_document(SMALL)
    ids = empty_store.submit(SMALL.symbol, FORTY[:5]).ids
    outcome = revise(empty_store.document(SMALL.symbol), empty_store.amendments(SMALL.symbol),
                     Decisions(accepted=frozenset(ids[:1])), label="Rev.1")
    before = dump_tables(raw)
    with raw.connect() as connection:
        stored = rows_in(connection)
    made = fail_after(monkeypatch, store_revisions, "_insert_revision", 0)
    with pytest.raises(Injected):
        empty_store.add_revision(SMALL.symbol, outcome)
    assert made == [stored + 1]  # its event had reached the database
    assert dump_tables(raw) == before
    monkeypatch.undo()
    empty_store.add_revision(SMALL.symbol, outcome)
    assert empty_store.verify().ok


def test_the_very_same_submission_is_recorded_once(empty_store):
    for delegation in delegations():
        empty_store.add_delegation(delegation)
    document = sample_document()
    empty_store.add_document(document)
    eu = sample_submissions(document)[1]
    first = empty_store.submit(SYMBOL, eu, actor="EU")
    events = len(empty_store.events())
    retyped = [dataclasses.replace(a, id=f"EU-{n + 90}", submitted_by="someone else")
               for n, a in enumerate(eu)]
    again = empty_store.submit(SYMBOL, retyped, actor="EU")
    assert again.duplicate and again.ids == first.ids
    assert again.amendments == first.amendments
    assert again.message == (f"already recorded as {', '.join(first.ids)} (still pending); "
                             "nothing new was recorded")
    assert len(empty_store.events()) == events
    assert len(empty_store.amendments(SYMBOL)) == len(eu)


def test_a_submission_that_differs_at_all_is_a_new_one(empty_store):
    for delegation in delegations():
        empty_store.add_delegation(delegation)
    empty_store.add_document(SMALL)
    base = amend("EU", "OP2", replace="submit", with_="present")
    variants = [
        base,
        dataclasses.replace(base, reason="agreed language"),
        dataclasses.replace(base, supporters=("JPN",)),
        dataclasses.replace(base, new_text="transmit"),
        dataclasses.replace(base, proponents=("EU", "USA")),
    ]
    results = [empty_store.submit(SMALL.symbol, [v], allow_duplicates=True) for v in variants]
    assert not any(r.duplicate for r in results)
    assert empty_store.submit(SMALL.symbol, [base, base],
                              allow_duplicates=True).ids == ("A6", "A7")
    assert empty_store.submit(SMALL.symbol, [base]).duplicate  # the very same: no repeat


def test_proposing_again_what_a_delegation_proposes_is_refused_unless_allowed(empty_store):
    for delegation in delegations():
        empty_store.add_delegation(delegation)
    empty_store.add_document(SMALL)
    base = amend("EU", "OP2", replace="submit", with_="present")
    other = amend("EU", "OP1", delete="a meeting")
    empty_store.submit(SMALL.symbol, [base])
    again = dataclasses.replace(base, reason="as in our Word copy")  # another channel
    with pytest.raises(StoreError) as caught:
        empty_store.submit(SMALL.symbol, [other, again])
    assert "1 amendment of the submission repeat what is already proposed" in \
        caught.value.message
    assert caught.value.details == "amendment 2 (OP2): EU already proposes this as A1"
    assert [a.id for a in empty_store.amendments(SMALL.symbol)] == ["A1"]
    # another delegation proposing the same words is no repeat: credited to both
    empty_store.submit(SMALL.symbol, [dataclasses.replace(base, proponents=("USA",))])
    assert empty_store.submit(SMALL.symbol, [again], allow_duplicates=True).ids == ("A3",)
    # nor do invisible characters make it another proposal ("pre\u200bsent" reads "present")
    hidden = dataclasses.replace(base, new_text="pre\u200bsent")
    with pytest.raises(StoreError, match="repeat what is already proposed"):
        empty_store.submit(SMALL.symbol, [hidden])
