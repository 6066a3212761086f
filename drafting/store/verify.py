"""Verify: the event chain is whole, and the rows are what replaying it says.

`verify` never raises over what it finds; it returns a `VerifyReport` listing
every `Mismatch`, the first one first: chain faults (a changed, missing or
reordered event, a chain head that does not match the last event) in event
order, then rows that differ from the replayed record (delegations, documents
with their revisions - label tables, front matter and chapeau included - and
paragraphs, each revision's Word source (hashed again: its bytes against the
SHA-256 kept with them, and both against the event), amendments with their status
history,
decisions, submissions, tokens and whether tokens are required). It raises
StoreError only when the database cannot be read at all.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, select

from drafting.model import Document, Revision
from drafting.store import access, mapping, tables
from drafting.store.chain import Event, chain_hash, event_from
from drafting.store.replay import Replayed, replay
from drafting.store.sources import SourceInfo, StoredSource, stored_sources
from drafting.store.tables import GENESIS

_SHOWN = 60  # characters of a value shown in a mismatch


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One thing that is not as the record says.

    ``where`` names it (``event 7``, ``amendment A3``, ``document X, revision
    'Rev.1', paragraph p4 (OP3)``); ``what`` says how it differs; ``event`` is
    the event concerned, when there is one.
    """

    where: str
    what: str
    event: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of `Store.verify`: ``events`` checked, and every mismatch found."""

    events: int
    mismatches: tuple[Mismatch, ...]

    @property
    def ok(self) -> bool:
        """True when the chain is whole and every row matches the record."""
        return not self.mismatches

    @property
    def first(self) -> Mismatch | None:
        """The first mismatch, or None."""
        return self.mismatches[0] if self.mismatches else None

    def summary(self) -> str:
        """One line for people."""
        if self.ok:
            events = "1 event" if self.events == 1 else f"{self.events} events"
            return f"the record is intact: {events}, every row matches"
        more = len(self.mismatches) - 1
        tail = f" (and {more} more)" if more else ""
        return f"the record does not match: {self.first}{tail}"


def verify(connection: Connection) -> VerifyReport:
    """Check the store read through ``connection`` (one snapshot)."""
    events = [event_from(row) for row in connection.execute(
        select(tables.events).order_by(tables.events.c.seq))]
    head = connection.execute(select(tables.chain_head)
                              .where(tables.chain_head.c.id == 1)).first()
    found = list(_chain(events, head))
    state = replay(events)
    found += [Mismatch(f"event {seq}", f"cannot be replayed ({reason})", seq)
              for seq, reason in state.failures]
    found += list(_rows(connection, state))
    return VerifyReport(len(events), tuple(found))


def _chain(events: list[Event], head: Row[Any] | None) -> Iterator[Mismatch]:
    previous_seq, previous_hash = 0, GENESIS
    for event in events:
        where = f"event {event.seq} ({event.kind})"
        if event.seq != previous_seq + 1:
            gap = event.seq - previous_seq - 1
            more = f", and {gap - 1} more after it" if gap > 1 else ""
            yield Mismatch(f"event {previous_seq + 1}", f"is missing{more}: the log goes from "
                           f"event {previous_seq} to event {event.seq}", previous_seq + 1)
        elif event.prev_hash != previous_hash:
            yield Mismatch(where, f"does not follow event {previous_seq}: the hash it chains "
                           "to is not that event's", event.seq)
        digest = chain_hash(event.prev_hash, event.seq, event.at, event.actor, event.kind,
                            event.document, event.payload)
        if digest != event.hash:
            yield Mismatch(where, "its content does not match its hash: it was changed after "
                           "it was recorded", event.seq)
        previous_seq, previous_hash = event.seq, event.hash
    if head is None:
        yield Mismatch("chain head", "the row is missing")
    elif (head.seq, head.hash) != (previous_seq, previous_hash):
        yield Mismatch("chain head", f"it says the log ends at event {head.seq}, but the last "
                       f"event is {previous_seq}: events were removed or changed at the end",
                       head.seq)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _differs(where: str, name: str, stored: Any, expected: Any, event: int | None) -> Mismatch:
    source = f" (event {event})" if event is not None else ""
    return Mismatch(where, f"{name} is {_show(stored)} in the store, but the record{source} "
                    f"says {_show(expected)}", event)


def _presence(where: str, in_store: bool, event: int | None) -> Mismatch:
    if in_store:
        return Mismatch(where, "is in the store, but no event records it")
    return Mismatch(where, f"is in the record (event {event}) but not in the store", event)


def _fields(where: str, stored: Any, expected: Any, event: int | None,
            skip: tuple[str, ...] = ()) -> Iterator[Mismatch]:
    for item in dataclasses.fields(stored):
        if item.name in skip:
            continue
        ours, theirs = getattr(stored, item.name), getattr(expected, item.name)
        if ours != theirs:
            yield _differs(where, item.name.replace("_", " "), ours, theirs, event)


def _keyed(name: Callable[[str], str], stored: Mapping[str, Any], expected: Mapping[str, Any],
           origin: Mapping[str, int]) -> Iterator[tuple[str, Any, Any, int | None]]:
    """(name, stored, expected, event) for every key of either side, the record's
    order first; a side without the key gives None."""
    for key in [*expected, *(k for k in stored if k not in expected)]:
        where = name(key)
        yield where, stored.get(key), expected.get(key), origin.get(where)


def _rows(connection: Connection, state: Replayed) -> Iterator[Mismatch]:
    stored_delegations = {d.code: d for d in mapping.load_delegations(connection)}
    for name, ours, theirs, event in _keyed(lambda k: f"delegation {k}", stored_delegations,
                                            state.delegations, state.origin):
        if ours is None or theirs is None:
            yield _presence(name, ours is not None, event)
        else:
            yield from _fields(name, ours, theirs, event)
    documents = {row.symbol: mapping.load_document(connection, row)
                 for row in connection.execute(select(tables.documents)
                                               .order_by(tables.documents.c.id))}
    for name, ours, theirs, event in _keyed(lambda k: f"document {k}", documents, state.documents,
                                            state.origin):
        if ours is None or theirs is None:
            yield _presence(name, ours is not None, event)
        else:
            yield from _document(ours, theirs, state.origin)
    yield from _sources(connection, state)
    yield from _amendments(connection, state)
    yield from _ledger(connection, state)


def _document(stored: Document, expected: Document, origin: Mapping[str, int]) -> Iterator[
        Mismatch]:
    where = f"document {stored.symbol}"
    if stored.title != expected.title:
        yield _differs(where, "title", stored.title, expected.title, origin.get(where))
    ours = {r.label: r for r in stored.revisions}
    theirs = {r.label: r for r in expected.revisions}
    for name, mine, recorded, event in _keyed(lambda k: f"{where}, revision '{k}'", ours,
                                              theirs, origin):
        if mine is None or recorded is None:
            yield _presence(name, mine is not None, event)
        else:
            yield from _revision(name, mine, recorded, origin)
    if [r.label for r in stored.revisions] != [r.label for r in expected.revisions] and set(
            ours) == set(theirs):
        yield _differs(where, "the order of revisions", list(ours), list(theirs),
                       origin.get(where))


def _revision(where: str, stored: Revision, expected: Revision,
              origin: Mapping[str, int]) -> Iterator[Mismatch]:
    event = origin.get(where)
    yield from _fields(where, stored, expected, event,  # created at, label table, chapeau
                       skip=("paragraphs", "label", "front_matter"))
    yield from _front_matter(where, stored.front_matter, expected.front_matter, event)
    if len(stored) != len(expected):
        yield _differs(where, "the number of paragraphs", len(stored), len(expected), event)
    for mine, recorded in zip(stored, expected, strict=False):
        name = f"{where}, paragraph {recorded.id} ({recorded.label})"
        changed = origin.get(f"{where}, paragraph {recorded.id}", event)
        yield from _fields(name, mine, recorded, changed)


def _front_matter(where: str, stored: tuple[str, ...], expected: tuple[str, ...],
                  event: int | None) -> Iterator[Mismatch]:
    """Front matter line by line, so that the line that differs is named."""
    if len(stored) != len(expected):
        yield _differs(where, "the number of front matter lines", len(stored), len(expected),
                       event)
    for number, (mine, recorded) in enumerate(zip(stored, expected, strict=False), 1):
        if mine != recorded:
            yield _differs(where, f"front matter line {number}", mine, recorded, event)


def _sources(connection: Connection, state: Replayed) -> Iterator[Mismatch]:
    """Each revision's source: there when the record says, its bytes still those hashed,
    its SHA-256, size and format those recorded."""
    stored = {f"document {s.symbol}, revision '{s.label}'": s
              for s in stored_sources(connection)}
    recorded = {name: info for name, (info, _) in state.sources.items()}
    origin = {f"{name}, source": seq for name, (_, seq) in state.sources.items()}
    for name, ours, theirs, event in _keyed(lambda k: f"{k}, source", stored, recorded,
                                            origin):
        if ours is None or theirs is None:
            yield _presence(name, ours is not None, event)
        else:
            yield from _source(name, ours, theirs, event)


def _source(where: str, stored: StoredSource, expected: SourceInfo,
            event: int | None) -> Iterator[Mismatch]:
    if (stored.sha256, stored.size) != (stored.info.sha256, stored.info.size):
        yield Mismatch(where, f"its bytes ({stored.size} bytes, SHA-256 {stored.sha256[:12]}...) "
                       "do not match the SHA-256 and size kept with them: the file was "
                       "changed after it was stored", event)
    yield from _also(where, event, [("its SHA-256", stored.info.sha256, expected.sha256),
                                    ("its size", stored.info.size, expected.size),
                                    ("its format", stored.info.format, expected.format)])


def _amendments(connection: Connection, state: Replayed) -> Iterator[Mismatch]:
    amendment, step = tables.amendments.c, tables.amendment_statuses.c
    stored = {a.id: a for a in mapping.load_amendments(connection,
                                                       mapping.amendment_query(None))}
    symbols = {mapping.amendment_id(n): s for n, s in connection.execute(
        select(amendment.id, tables.documents.c.symbol)
        .join_from(tables.amendments, tables.documents))}
    made = {mapping.amendment_id(n): label for n, label in connection.execute(
        select(amendment.id, tables.revisions.c.label)
        .join_from(tables.amendments, tables.revisions,
                   amendment.made_against_id == tables.revisions.c.id))}
    history: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for row in connection.execute(select(tables.amendment_statuses)
                                  .order_by(step.amendment_id, step.position)):
        history[mapping.amendment_id(row.amendment_id)].append((row.status, row.event_seq))
    for name, ours, theirs, event in _keyed(lambda k: f"amendment {k}", stored,
                                            state.amendments, state.origin):
        key = name.removeprefix("amendment ")
        if ours is None or theirs is None:
            yield _presence(name, ours is not None, event)
            continue
        yield from _fields(name, ours, theirs, event)
        yield from _also(name, event, [
            ("document", symbols.get(key), state.amendment_documents.get(key)),
            ("the revision it was made against", made.get(key), state.made_against.get(key)),
            ("its status history", history.get(key, []), state.history.get(key, [])),
        ])


def _also(where: str, event: int | None,
          checks: list[tuple[str, Any, Any]]) -> Iterator[Mismatch]:
    for name, ours, theirs in checks:
        if ours != theirs:
            yield _differs(where, name, ours, theirs, event)


def _ledger(connection: Connection, state: Replayed) -> Iterator[Mismatch]:
    decisions = sorted(
        (mapping.amendment_id(row.amendment_id), row.decision, row.note, row.event_seq)
        for row in connection.execute(select(tables.decisions)))
    expected = sorted(state.decisions)
    if decisions != expected:
        first = next((pair for pair in zip(decisions, expected, strict=False)
                      if pair[0] != pair[1]), None)
        shown = first or (decisions[len(expected):] or None, expected[len(decisions):] or None)
        yield _differs("decisions", "a decision", shown[0], shown[1], None)
    yield from _submissions(connection, state)


def _submissions(connection: Connection, state: Replayed) -> Iterator[Mismatch]:
    amendment = tables.amendments.c
    ids: dict[int, list[str]] = defaultdict(list)
    for submission, number in connection.execute(
            select(amendment.submission_id, amendment.id).order_by(amendment.id)):
        ids[submission].append(mapping.amendment_id(number))
    stored = {
        row.content_hash: (row.symbol, row.event_seq, tuple(ids[row.id]), row.delegation)
        for row in connection.execute(
            select(tables.submissions, tables.documents.c.symbol)
            .join_from(tables.submissions, tables.documents))
    }
    for name, ours, theirs, _ in _keyed(lambda k: f"submission {k[:12]}", stored,
                                        state.submissions, {}):
        event = theirs[1] if theirs else None
        if ours is None or theirs is None:
            yield _presence(name, ours is not None, event)
        elif ours != theirs:
            yield _differs(name, "its document, event, amendments and delegation", ours, theirs,
                           event)
    yield from _access(connection, state)


def _access(connection: Connection, state: Replayed) -> Iterator[Mismatch]:
    secure = access.is_secure(connection)
    if secure != state.secure:
        yield _differs("setting secure", "requiring tokens", secure, state.secure,
                       state.origin.get("setting secure"))
    kept = access.credentials_kept(connection)
    for name, ours, theirs, event in _keyed(lambda k: f"token {k}", kept, state.credentials,
                                            state.origin):
        if ours is None or theirs is None:
            yield _presence(name, ours is not None, event)
            continue
        for what, mine, recorded in zip(("holder", "fingerprint", "time revoked"), ours, theirs,
                                        strict=True):
            if mine != recorded:
                yield _differs(name, what, mine, recorded, event)
