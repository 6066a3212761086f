"""What a row takes from the event that wrote it, against the record: sections of
`drafting.store.verify`.

One write stamps its event and every row it writes with one time (`Write.at`), so a
row's time is its event's: ``created_at`` of a delegation and of a document is the
time of the event that recorded it, ``recorded_at`` of a submission, ``at`` of a status
step and ``decided_at`` of a decision the time of their own event. Nothing is hashed
twice for this: the event's time is in its hash already.

A decision's ``id`` is a surrogate key that nothing reads or shows; all it carries is
the order decisions were recorded in, so ids must follow the record's events. On
SQLite, which numbers a new row one past the highest and gives no number back to a
write rolled back, the ids are moreover 1, 2, ... in that order (decisions are never
deleted); on PostgreSQL a sequence numbers them, and a write rolled back leaves a
gap, so there only the order is checked. Decisions recorded by one event (a revision
deciding several amendments) may be numbered in any order among themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, select

from drafting.store import mapping, tables
from drafting.store.mismatch import Mismatch
from drafting.store.payloads import stamp, utc
from drafting.store.replay import Decision, Replayed
from drafting.store.rowcheck import Skipped, row_name

__all__ = ["SECTIONS"]

Section = Callable[[Connection, Replayed, Skipped], Iterable[Mismatch]]


def _time(state: Replayed, table: Table, key: tuple[Any, ...], column: str,
          stored: datetime, event: int | None) -> Iterator[Mismatch]:
    """A mismatch if ``stored`` (of ``column`` in row ``key``) is not the time of
    ``event``; nothing if no event is known (the row's presence is compared elsewhere)."""
    expected = None if event is None else state.times.get(event)
    if expected is None or utc(stored) == expected:
        return
    yield Mismatch(row_name(table, key), f"{column} is {stamp(stored)!r} in the store, but the "
                   f"record (event {event}, which wrote it) says {stamp(expected)!r}", event)


def _delegations(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[Mismatch]:
    delegation = tables.delegations.c
    for code, created in connection.execute(
            select(delegation.code, delegation.created_at)
            .where(delegation.code.not_in(skip.delegations)).order_by(delegation.code)):
        yield from _time(state, tables.delegations, (code,), "created_at", created,
                         state.created.get(f"delegation {code}"))


def _documents(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[Mismatch]:
    document = tables.documents.c
    for number, symbol, created in connection.execute(
            select(document.id, document.symbol, document.created_at)
            .where(document.symbol.not_in(skip.documents)).order_by(document.id)):
        yield from _time(state, tables.documents, (number,), "created_at", created,
                         state.created.get(f"document {symbol}"))


def _submissions(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[
        Mismatch]:
    submission = tables.submissions.c
    for number, content_hash, recorded in connection.execute(
            select(submission.id, submission.content_hash, submission.recorded_at)
            .where(submission.content_hash.not_in(skip.submissions)).order_by(submission.id)):
        recorded_by = state.submissions.get(content_hash)
        yield from _time(state, tables.submissions, (number,), "recorded_at", recorded,
                         None if recorded_by is None else recorded_by[1])


def _skipped_numbers(skip: Skipped) -> list[int]:
    return [n for n in map(mapping.amendment_number, skip.amendments) if n is not None]


def _steps(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[Mismatch]:
    """The time of each status step that is the record's step at its place (one that is
    not is reported by the comparison of histories)."""
    step = tables.amendment_statuses.c
    for number, position, status, event, at in connection.execute(
            _unlike_its_event(select(step.amendment_id, step.position, step.status,
                                     step.event_seq, step.at), step.at, step.event_seq)
            .where(step.amendment_id.not_in(_skipped_numbers(skip)))
            .order_by(step.amendment_id, step.position)):
        steps = state.history.get(mapping.amendment_id(number), ())
        if 0 <= position < len(steps) and steps[position] == (status, event):
            yield from _time(state, tables.amendment_statuses, (number, position), "at", at,
                             event)


def _unlike_its_event(query: Select[Any], at: Column[Any], seq: Column[Any]) -> Select[Any]:
    """``query`` narrowed to the rows whose time ``at`` is not held as the time of their
    event ``seq`` is: a store has as many status steps as amendments, and reading each
    one's time costs more than the database comparing it. A time held otherwise (another
    zone, another form of the same time) is still compared as a time."""
    event = tables.events.c
    return query.join(tables.events, event.seq == seq).where(at != event.at)


def _decisions(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[Mismatch]:
    """Each decision's time, and (when the decisions are those of the record, as
    `verify` compares them) its number."""
    decision = tables.decisions.c
    skipped = decision.amendment_id.not_in(_skipped_numbers(skip))
    recorded = [d for d in state.decisions if d[0] not in skip.amendments]
    made = set(recorded)
    for number, amendment, word, note, event, at in connection.execute(_unlike_its_event(
            select(decision.id, decision.amendment_id, decision.decision, decision.note,
                   decision.event_seq, decision.decided_at), decision.decided_at,
            decision.event_seq).where(skipped).order_by(decision.id)):
        if (mapping.amendment_id(amendment), word, note, event) in made:
            yield from _time(state, tables.decisions, (number,), "decided_at", at, event)
    stored: Numbered = [(row[0], (mapping.amendment_id(row[1]), *row[2:])) for row in
                        connection.execute(select(decision.id, decision.amendment_id,
                                                  decision.decision, decision.note,
                                                  decision.event_seq)
                                           .where(skipped).order_by(decision.id))]
    if sorted(values for _, values in stored) != sorted(recorded):
        return  # said by `verify`
    if connection.dialect.name == "sqlite":
        yield from _numbered(state.decisions, stored)
    else:
        yield from _ordered(recorded, stored)


Numbered = list[tuple[int, Decision]]
"""(id, decision) of each decision in the store, by id."""


def _numbered(recorded: list[Decision], rows: Numbered) -> Iterator[Mismatch]:
    """Each decision whose id is not its place in the order ``recorded`` (every decision
    of the record, counting from 1; those of one event take their places in any order)."""
    places: dict[int, tuple[int, int]] = {}
    for place, (_, _, _, event) in enumerate(recorded, 1):
        places[event] = (places.get(event, (place, place))[0], place)
    for number, (key, word, _, event) in rows:
        first, last = places[event]
        if not first <= number <= last:
            which = f"number {first}" if first == last else f"one of numbers {first} to {last}"
            yield Mismatch(row_name(tables.decisions, (number,)), f"id is {number}, but "
                           "decisions are numbered 1, 2, ... in the order recorded, and the "
                           f"record (event {event}) makes this one ({word} of {key}) {which}",
                           event)


def _ordered(recorded: list[Decision], rows: Numbered) -> Iterator[Mismatch]:
    """Each decision whose place in id order is not its place in the order ``recorded``
    (those of the store's rows; the decisions of one event share their places)."""
    for place, ((number, (key, word, _, event)), (_, _, _, expected)) in enumerate(
            zip(rows, recorded, strict=True), 1):
        if event != expected:
            yield Mismatch(row_name(tables.decisions, (number,)), f"id is {number}, which puts "
                           f"this decision ({word} of {key}) at place {place} in the order of "
                           f"ids, but decision {place} in the order recorded is one of event "
                           f"{expected}, not of event {event}: decisions are numbered in the "
                           "order recorded", event)


SECTIONS: list[tuple[str, Section]] = [
    ("the times delegations were added", _delegations),
    ("the times documents were imported", _documents),
    ("the times submissions were recorded", _submissions),
    ("the times of status steps", _steps),
    ("the times and numbers of decisions", _decisions)]
"""`verify`'s sections for these columns: (name, what compares them)."""
