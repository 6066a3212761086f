"""Columns a row takes from the event that wrote it, which `verify` compares with the record
(`drafting.store.written`): the times of delegations, documents, submissions, status
steps and decisions, and the numbering of decisions. On SQLite and PostgreSQL; each
tamper is raw SQL behind the library's back (`tamper`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select, text
from store_scenario import SYMBOL
from tamper import tamper

from drafting.store import tables
from drafting.store.payloads import stamp

BACKDATED = datetime(2001, 1, 1, tzinfo=UTC)
SHOWN = "'2001-01-01T00:00:00.000000+00:00'"


@dataclass(frozen=True)
class Stamped:
    """A time column, and SQL giving the key of one of its rows: the row's name as verify
    gives it, its WHERE clause, and the event that wrote it (NULL where the row keeps
    none)."""

    table: str
    column: str
    row: str
    """SELECT of (name, where, event) of the row to backdate."""


STAMPED = [
    Stamped("delegations", "created_at",
            "SELECT 'table delegations, row code ''EU''', 'code = ''EU''', NULL"),
    Stamped("documents", "created_at",
            f"SELECT 'table documents, row id ' || id, 'id = ' || id, NULL FROM documents "
            f"WHERE symbol = '{SYMBOL}'"),
    Stamped("submissions", "recorded_at",
            "SELECT 'table submissions, row id ' || id, 'id = ' || id, event_seq "
            "FROM submissions ORDER BY id DESC LIMIT 1"),
    Stamped("amendment_statuses", "at",
            "SELECT 'table amendment_statuses, row amendment_id ' || amendment_id || "
            "', position ' || position, 'amendment_id = ' || amendment_id || "
            "' AND position = ' || position, event_seq FROM amendment_statuses "
            "ORDER BY position DESC, amendment_id LIMIT 1"),
    Stamped("decisions", "decided_at",
            "SELECT 'table decisions, row id ' || id, 'id = ' || id, event_seq "
            "FROM decisions ORDER BY id LIMIT 1"),
]


def event_time(raw, seq: int) -> str:
    with raw.connect() as connection:
        event = tables.events.c
        return stamp(connection.scalar(select(event.at).where(event.seq == seq)))


@pytest.fixture
def filled(filled):
    assert filled.verify().ok  # every time is its event's, and decisions are in order
    return filled


@pytest.mark.parametrize("stamped", STAMPED, ids=[f"{s.table}.{s.column}" for s in STAMPED])
def test_a_backdated_row_is_named_with_the_time_of_its_event(filled, raw, stamped):
    with raw.connect() as connection:
        name, where, seq = connection.execute(text(stamped.row)).one()
    tamper(raw, f"UPDATE {stamped.table} SET {stamped.column} = :t WHERE {where}",
           tables=[stamped.table], t=BACKDATED)
    report = filled.verify()
    assert [m.where for m in report.mismatches] == [name]
    event = report.first.event
    assert event is not None and (seq is None or event == seq)
    assert report.first.what == (
        f"{stamped.column} is {SHOWN} in the store, but the record (event {event}, which "
        f"wrote it) says '{event_time(raw, event)}'")


def test_the_time_of_a_delegation_is_that_of_the_event_that_added_it(filled, raw):
    tamper(raw, "UPDATE delegations SET created_at = :t", t=BACKDATED)
    report = filled.verify()
    named = {m.where for m in report.mismatches}
    with raw.connect() as connection:
        codes = connection.scalars(text("SELECT code FROM delegations")).all()
        kinds = {m.event: connection.scalar(text("SELECT kind FROM events WHERE seq = :s"),
                                            {"s": m.event}) for m in report.mismatches}
    assert named == {f"table delegations, row code '{code}'" for code in codes}
    assert set(kinds.values()) == {"delegation"}


def decision_ids(raw) -> list[tuple[int, int]]:
    with raw.connect() as connection:
        return [tuple(row) for row in connection.execute(text(
            "SELECT id, event_seq FROM decisions ORDER BY id"))]


def test_decisions_numbered_out_of_the_order_recorded_are_named(filled, raw):
    ids = decision_ids(raw)
    (first, early), (last, late) = ids[0], ids[-1]
    assert early < late
    tamper(raw, "UPDATE decisions SET id = -1 WHERE id = :a",
           "UPDATE decisions SET id = :a WHERE id = :b",
           "UPDATE decisions SET id = :b WHERE id = -1", a=first, b=last)
    report = filled.verify()
    assert [m.where for m in report.mismatches] == [
        f"table decisions, row id {first}", f"table decisions, row id {last}"]
    assert [m.event for m in report.mismatches] == [late, early]
    assert all(m.what.startswith(f"id is {n}, ")
               for m, n in zip(report.mismatches, (first, last), strict=True))
    if raw.dialect.name == "sqlite":
        assert "decisions are numbered 1, 2, ... in the order recorded" in report.first.what
    else:
        assert report.first.what.endswith(
            f"at place 1 in the order of ids, but decision 1 in the order recorded is one of "
            f"event {early}, not of event {late}: decisions are numbered in the order "
            "recorded")


def test_a_decision_renumbered_past_the_others(filled, raw):
    """On SQLite decisions are numbered 1, 2, ... and nothing else; on PostgreSQL a
    write rolled back leaves a gap in the numbers, so only their order means anything."""
    last, seq = decision_ids(raw)[-1]
    tamper(raw, "UPDATE decisions SET id = :n WHERE id = :o", n=last + 50, o=last)
    report = filled.verify()
    if raw.dialect.name != "sqlite":
        assert report.ok
        return
    assert [str(m) for m in report.mismatches] == [
        f"table decisions, row id {last + 50}: id is {last + 50}, but decisions are numbered "
        f"1, 2, ... in the order recorded, and the record (event {seq}) makes this one "
        f"{decision_of(raw, last + 50)} one of numbers {last - 1} to {last}"]


def decision_of(raw, number: int) -> str:
    with raw.connect() as connection:
        word, amendment = connection.execute(text(
            "SELECT decision, amendment_id FROM decisions WHERE id = :n"), {"n": number}).one()
    return f"({word} of A{amendment})"


def test_a_status_step_of_another_event_is_named_once(filled, raw):
    """A step whose event was changed is a history that differs from the record: said
    once, as such, not again for its time."""
    tamper(raw, "UPDATE amendment_statuses SET event_seq = 1 WHERE position = 1 "
                "AND amendment_id = (SELECT min(amendment_id) FROM amendment_statuses "
                "WHERE position = 1)", tables=["amendment_statuses"])
    report = filled.verify()
    assert len(report.mismatches) == 1
    assert "its status history is" in report.first.what
