"""Verify: every row readable, the event chain whole and passing through the receipts
kept outside the store, and the rows what replaying the chain says.

`verify` never raises over what it finds; it returns a `VerifyReport` listing
every `Mismatch`, the first one first: receipts the log no longer passes through
(`drafting.store.chaincheck`), chain faults (a changed, missing or reordered event,
a chain head that does not match the last event) in event order, rows that are not
what their columns promise (`drafting.store.rowcheck`: each named by table and
primary key), events that cannot be replayed, events that hold what the library itself
never records (`drafting.store.eventcheck`: an amendment with no proponent, a text it
refuses, a write in the name of a delegation whose token was revoked, time going
backwards, ...), then rows that differ from the
replayed record (delegations, documents with their revisions - label tables,
front matter and chapeau included - and paragraphs, each revision's Word source
(hashed again: its bytes against the SHA-256 kept with them, and both against the
event), amendments with their status history (each step at its place: positions 0,
1, ...), decisions, submissions, tokens (holder, fingerprint, times issued and
revoked) and whether tokens are required), and what rows take from the event that
wrote them: their times, and the numbering of decisions (`drafting.store.written`).
What a faulty row belongs to is left out of that comparison (its fault is reported
instead), and a part of it that still cannot be compared says so rather than stopping
the rest. It raises StoreError only when the database cannot be read at all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy import Connection, or_, select

from drafting.model import Amendment, Document, Revision
from drafting.store import access, mapping, tables, written
from drafting.store.chain import Event, EventKind, chain_hash
from drafting.store.chaincheck import (
    check_anchors,
    check_chain,
    events_from,
    read_head,
    read_links,
)
from drafting.store.errors import RecordMismatch
from drafting.store.eventcheck import AHEAD
from drafting.store.mismatch import (
    Mismatch,
    also,
    differs,
    fields_differ,
    keyed,
    presence,
)
from drafting.store.receipts import Receipt
from drafting.store.replay import Replayed, replay
from drafting.store.rowcheck import Skipped, check_rows, readable, unreadable
from drafting.store.sources import SourceInfo, StoredSource, stored_sources

__all__ = ["Mismatch", "VerifyReport", "verify", "verify_access", "verify_document"]

_TOKEN_FIELDS = ("holder (credentials.delegation_code)",
                 "fingerprint (of credentials.scheme, salt and hash)",
                 "time issued (credentials.issued_at)", "time revoked (credentials.revoked_at)")
"""What `_access` compares of a token (a row of ``credentials``), with the columns."""


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of `Store.verify`: ``events`` checked, every mismatch found, how many
    receipts (``anchors``) were checked, and the chain head as the store has it (None if
    its row is missing)."""

    events: int
    mismatches: tuple[Mismatch, ...]
    anchors: int = 0
    head: Receipt | None = None

    @property
    def ok(self) -> bool:
        """True when the chain is whole and every row matches the record."""
        return not self.mismatches

    @property
    def clock_only(self) -> bool:
        """True when every mismatch is an event dated in the future by this machine's clock:
        nothing else is wrong, and this machine's clock may be the slow one."""
        return not self.ok and all(AHEAD in m.what for m in self.mismatches)

    @property
    def first(self) -> Mismatch | None:
        """The first mismatch, or None."""
        return self.mismatches[0] if self.mismatches else None

    def summary(self) -> str:
        """One line for people."""
        if self.ok:
            events = "1 event" if self.events == 1 else f"{self.events} events"
            anchored = ""
            if self.anchors:
                noun = "the receipt" if self.anchors == 1 else f"all {self.anchors} receipts"
                anchored = f"; the log passes through {noun} given"
            return f"the record is intact: {events}, every row matches{anchored}"
        more = len(self.mismatches) - 1
        tail = f" (and {more} more)" if more else ""
        if self.clock_only:
            return f"the record's times are later than this machine's clock: {self.first}{tail}"
        return f"the record does not match: {self.first}{tail}"


def verify(connection: Connection, anchors: Sequence[Receipt] = ()) -> VerifyReport:
    """Check the store read through ``connection`` (one snapshot), and that its log passes
    through each of ``anchors``."""
    checked = check_rows(connection)
    links, head = read_links(connection), read_head(connection)
    unread = {key[0] for key in checked.unreadable.get("events", ())}
    events = events_from(row for row in checked.events if row["seq"] not in unread)
    found = list(check_anchors(links, anchors))
    found += check_chain(links, events, head)
    found += checked.faults
    state = replay(events.values())
    found += [Mismatch(f"event {seq}", f"cannot be replayed ({reason})", seq)
              for seq, reason in state.failures]
    found += [Mismatch(f"event {seq}", what, seq) for seq, what in state.doubts]
    found += _rows(connection, state, checked.skipped(connection))
    return VerifyReport(len(links), tuple(found), len(anchors), head)


def verify_document(connection: Connection, symbol: str,
                    stored: tuple[Document, Sequence[Amendment]] | None = None,
                    ) -> VerifyReport:
    """Check what shows document ``symbol`` (its revisions and paragraphs, their Word
    sources, its amendments) and who may write (tokens, and whether they are required)
    against the events that record them, each event hashed again: what a command checks
    before it circulates the text. It replays that document's events and the store's own
    (delegations, tokens), not every document's, and does not follow the chain's links
    from event to event: `verify` does. ``stored``: the document and its amendments as
    read in this snapshot, compared rather than read again (then not their status
    histories, which a compilation does not show). RecordMismatch naming an event whose
    row cannot be read."""
    event = tables.events.c
    events = events_from(row._mapping for row in readable(  # RecordMismatch for a row unread
        connection, tables.events, or_(event.document == symbol, event.document.is_(None))))
    found = [Mismatch(f"event {seq}", "does not match its hash: it was changed after it was "
                      "recorded", seq) for seq, e in events.items() if not _hashed(e)]
    state = replay(events.values(), doubts=False)
    found += [Mismatch(f"event {seq}", f"cannot be replayed ({reason})", seq)
              for seq, reason in state.failures]
    found += _sections(connection, state, Skipped(), [
        ("documents", partial(_documents, symbol=symbol,
                              read=None if stored is None else stored[0])),
        ("sources", partial(_sources, symbol=symbol)),
        ("amendments", partial(_amendments, symbol=symbol,
                               read=None if stored is None else stored[1])),
        ("tokens", _access)],
        refusing=True)
    return VerifyReport(len(events), tuple(found))


def _first_line(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).strip()
    return text.splitlines()[0] if text else ""


Section = Callable[[Connection, Replayed, Skipped], Iterable[Mismatch]]


def verify_access(connection: Connection, credential: str | None) -> list[Mismatch]:
    """Whether tokens are required, and the holder, fingerprint and times of the token
    of id ``credential`` (if any), against the events that record them (the store's own:
    few): what a write checks before it trusts a token, so that a credential copied onto
    another's row, or the setting deleted, admits no one (another's row changed stops
    only its holder). A row that cannot be read raises, for the writer to name it
    (`drafting.store.damage`)."""
    event = tables.events.c
    issuing = (EventKind.SECURE, EventKind.TOKEN, EventKind.DELEGATION)  # tokens issued
    events = events_from(row._mapping for row in readable(
        connection, tables.events, event.kind.in_([str(kind) for kind in issuing])))
    state = replay(events.values(), doubts=False)
    found = [Mismatch(f"event {seq}", f"cannot be replayed ({reason})", seq)
             for seq, reason in state.failures]
    found += [Mismatch(f"event {seq}", "does not match its hash: it was changed after it was "
                       "recorded", seq) for seq, e in events.items() if not _hashed(e)]
    return found + list(_access(connection, state, Skipped(), only=credential or ""))


def _hashed(event: Event) -> bool:
    """Whether ``event`` still has the hash of what it holds."""
    return chain_hash(event.prev_hash, event.seq, event.at, event.actor, event.kind,
                      event.document, event.payload) == event.hash

def _rows(connection: Connection, state: Replayed, skip: Skipped) -> list[Mismatch]:
    """Every part of the store against the replayed record."""
    return _sections(connection, state, skip, [
        ("delegations", _delegations), ("documents", _documents), ("sources", _sources),
        ("amendments", _amendments), ("decisions", _decisions),
        ("submissions", _submissions), ("tokens", _access), *written.SECTIONS])


def _sections(connection: Connection, state: Replayed, skip: Skipped,
              sections: Sequence[tuple[str, Section]], *,
              refusing: bool = False) -> list[Mismatch]:
    """The ``sections`` of the store against the replayed record. A part that still
    cannot be read (a fault no row check foresaw) is reported as such, and the others
    compared; or, ``refusing``, a loader's refusal naming the row it could not read
    (RecordMismatch) is raised as it is."""
    found: list[Mismatch] = []
    for name, section in sections:
        try:
            found += section(connection, state, skip)
        except Exception as error:
            if refusing and isinstance(error, RecordMismatch):
                raise
            if not (unreadable(error) or isinstance(error, KeyError | AttributeError |
                                                    IndexError | RecordMismatch)):
                raise
            found.append(Mismatch(name, f"cannot be compared with the record: a row cannot "
                                  f"be used ({type(error).__name__}: {_first_line(error)})"))
    return found


def _delegations(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[Mismatch]:
    stored = {d.code: d for d in mapping.load_delegations(connection, skip=skip.delegations)}
    for name, ours, theirs, event in keyed(lambda k: f"delegation {k}", stored,
                                            state.delegations, state.origin, skip.delegations):
        if ours is None or theirs is None:
            yield presence(name, ours is not None, event)
        else:
            yield from fields_differ(name, ours, theirs, event)


def _documents(connection: Connection, state: Replayed, skip: Skipped, *,
               symbol: str | None = None, read: Document | None = None) -> Iterator[Mismatch]:
    """The documents (only ``symbol``, if given: ``read``, if read already) against the
    record."""
    document = tables.documents.c
    query = select(document.id, document.symbol, document.title).order_by(document.id)
    if symbol is not None:
        query = query.where(document.symbol == symbol)
    documents = {read.symbol: read} if read is not None else {
        row.symbol: mapping.load_document(connection, row)
        for row in connection.execute(query) if row.symbol not in skip.documents}
    expected = state.documents if symbol is None else {
        k: v for k, v in state.documents.items() if k == symbol}
    for name, ours, theirs, event in keyed(lambda k: f"document {k}", documents, expected,
                                            state.origin, skip.documents):
        if ours is None or theirs is None:
            yield presence(name, ours is not None, event)
        else:
            yield from _document(ours, theirs, state.origin)


def _document(stored: Document, expected: Document, origin: Mapping[str, int]) -> Iterator[
        Mismatch]:
    where = f"document {stored.symbol}"
    if stored.title != expected.title:
        yield differs(where, "title", stored.title, expected.title, origin.get(where))
    ours = {r.label: r for r in stored.revisions}
    theirs = {r.label: r for r in expected.revisions}
    for name, mine, recorded, event in keyed(lambda k: f"{where}, revision '{k}'", ours,
                                              theirs, origin):
        if mine is None or recorded is None:
            yield presence(name, mine is not None, event)
        else:
            yield from _revision(name, mine, recorded, origin)
    if [r.label for r in stored.revisions] != [r.label for r in expected.revisions] and set(
            ours) == set(theirs):
        yield differs(where, "the order of revisions", list(ours), list(theirs),
                       origin.get(where))


def _revision(where: str, stored: Revision, expected: Revision,
              origin: Mapping[str, int]) -> Iterator[Mismatch]:
    event = origin.get(where)
    yield from fields_differ(where, stored, expected, event,  # created at, label table, chapeau
                       skip=("paragraphs", "label", "front_matter"))
    yield from _front_matter(where, stored.front_matter, expected.front_matter, event)
    if len(stored) != len(expected):
        yield differs(where, "the number of paragraphs", len(stored), len(expected), event)
    for mine, recorded in zip(stored, expected, strict=False):
        name = f"{where}, paragraph {recorded.id} ({recorded.label})"
        changed = origin.get(f"{where}, paragraph {recorded.id}", event)
        yield from fields_differ(name, mine, recorded, changed)


def _front_matter(where: str, stored: tuple[str, ...], expected: tuple[str, ...],
                  event: int | None) -> Iterator[Mismatch]:
    """Front matter line by line, so that the line that differs is named."""
    if len(stored) != len(expected):
        yield differs(where, "the number of front matter lines", len(stored), len(expected),
                       event)
    for number, (mine, recorded) in enumerate(zip(stored, expected, strict=False), 1):
        if mine != recorded:
            yield differs(where, f"front matter line {number}", mine, recorded, event)


def _sources(connection: Connection, state: Replayed, skip: Skipped, *,
             symbol: str | None = None) -> Iterator[Mismatch]:
    """Each revision's source (only ``symbol``'s, if given): there when the record says,
    its bytes still those hashed, its SHA-256, size and format those recorded."""
    stored = {f"document {s.symbol}, revision '{s.label}'": s
              for s in stored_sources(connection, skip=skip.documents, symbol=symbol)}
    recorded = {name: info for name, (info, _) in state.sources.items()
                if symbol is None or name.startswith(f"document {symbol}, ")}
    origin = {f"{name}, source": seq for name, (_, seq) in state.sources.items()}
    left_out = {name for name in [*stored, *recorded]
                if any(name.startswith(f"document {symbol}, ") for symbol in skip.documents)}
    for name, ours, theirs, event in keyed(lambda k: f"{k}, source", stored, recorded,
                                            origin, left_out):
        if ours is None or theirs is None:
            yield presence(name, ours is not None, event)
        else:
            yield from _source(name, ours, theirs, event)


def _source(where: str, stored: StoredSource, expected: SourceInfo,
            event: int | None) -> Iterator[Mismatch]:
    if (stored.sha256, stored.size) != (stored.info.sha256, stored.info.size):
        yield Mismatch(where, f"its bytes ({stored.size} bytes, SHA-256 {stored.sha256[:12]}...) "
                       "do not match the SHA-256 and size kept with them: the file was "
                       "changed after it was stored", event)
    yield from also(where, event, [("its SHA-256", stored.info.sha256, expected.sha256),
                                    ("its size", stored.info.size, expected.size),
                                    ("its format", stored.info.format, expected.format)])


def _amendments(connection: Connection, state: Replayed, skip: Skipped, *,
                symbol: str | None = None, read: Sequence[Amendment] | None = None,
                ) -> Iterator[Mismatch]:
    """The amendments (only ``symbol``'s, if given) and their status histories against
    the record; or, ``read`` (``symbol``'s, read already, for the text about to be
    circulated), the amendments alone: their words, places, proponents, supporters and
    statuses, which is what a compilation shows."""
    amendment = tables.amendments.c
    numbers = [mapping.amendment_number(key) for key in skip.amendments]
    query = mapping.amendment_query(None).where(amendment.id.not_in(numbers))
    expected, mine = state.amendments, amendment.id.is_not(None)  # all, or the document's
    if symbol is not None:
        mine = amendment.document_id.in_(select(tables.documents.c.id).where(
            tables.documents.c.symbol == symbol))
        query = query.where(mine)
        expected = {k: v for k, v in expected.items()
                    if state.amendment_documents.get(k) == symbol}
    stored = {a.id: a for a in (read if read is not None
                                else mapping.load_amendments(connection, query))}
    steps = None if read is not None else _steps(connection, mine)
    for name, ours, theirs, event in keyed(lambda k: f"amendment {k}", stored,
                                            expected, state.origin, skip.amendments):
        key = name.removeprefix("amendment ")
        if ours is None or theirs is None:
            yield presence(name, ours is not None, event)
            continue
        yield from fields_differ(name, ours, theirs, event)
        if steps is None:
            continue
        symbols, made, history, positions = steps
        yield from also(name, event, [
            ("document", symbols.get(key), state.amendment_documents.get(key)),
            ("the revision it was made against", made.get(key), state.made_against.get(key)),
            ("its status history", history.get(key, []), state.history.get(key, [])),
        ])
        if history.get(key, []) == state.history.get(key, []):  # else said just above
            yield from _positions(key, positions.get(key, []), history.get(key, []))


def _steps(connection: Connection, mine: Any) -> tuple[
        dict[str, str], dict[str, str], dict[str, list[tuple[str, int]]], dict[str, list[int]]]:
    """Of the amendments ``mine`` selects: each one's document, the revision it was made
    against, its status history (status, event) and the positions of its steps."""
    amendment, step = tables.amendments.c, tables.amendment_statuses.c
    symbols = {mapping.amendment_id(n): s for n, s in connection.execute(
        select(amendment.id, tables.documents.c.symbol)
        .join_from(tables.amendments, tables.documents).where(mine))}
    made = {mapping.amendment_id(n): label for n, label in connection.execute(
        select(amendment.id, tables.revisions.c.label)
        .join_from(tables.amendments, tables.revisions,
                   amendment.made_against_id == tables.revisions.c.id).where(mine))}
    history: dict[str, list[tuple[str, int]]] = defaultdict(list)
    positions: dict[str, list[int]] = defaultdict(list)
    query = select(step.amendment_id, step.position, step.status, step.event_seq).where(
        step.amendment_id.in_(select(amendment.id).where(mine)))
    for row in connection.execute(query.order_by(step.amendment_id, step.position)):
        key = mapping.amendment_id(row.amendment_id)
        history[key].append((row.status, row.event_seq))
        positions[key].append(row.position)
    return symbols, made, history, positions


def _positions(key: str, stored: list[int], steps: list[tuple[str, int]]) -> Iterator[
        Mismatch]:
    """Each step of amendment ``key``'s status history whose position is not its place in
    the record's history (0 for the first step, 1 for the next, ...)."""
    number = mapping.amendment_number(key)
    for place, (position, (status, event)) in enumerate(zip(stored, steps, strict=True)):
        if position != place:
            yield Mismatch(f"table amendment_statuses, row amendment_id {number}, position "
                           f"{position}", f"position is {position}, but the record (event "
                           f"{event}) makes this step ({status}) step {place + 1} of {key}'s "
                           f"status history: position {place}", event)


def _decisions(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[Mismatch]:
    decision = tables.decisions.c
    decisions = sorted(
        (mapping.amendment_id(row.amendment_id), row.decision, row.note, row.event_seq)
        for row in connection.execute(select(decision.amendment_id, decision.decision,
                                             decision.note, decision.event_seq)))
    decisions = [d for d in decisions if d[0] not in skip.amendments]
    expected = sorted(d for d in state.decisions if d[0] not in skip.amendments)
    if decisions != expected:
        first = next((pair for pair in zip(decisions, expected, strict=False)
                      if pair[0] != pair[1]), None)
        shown = first or (decisions[len(expected):] or None, expected[len(decisions):] or None)
        yield differs("decisions", "a decision", shown[0], shown[1], None)


def _submissions(connection: Connection, state: Replayed, skip: Skipped) -> Iterator[
        Mismatch]:
    amendment = tables.amendments.c
    ids: dict[int, list[str]] = defaultdict(list)
    for submission, number in connection.execute(
            select(amendment.submission_id, amendment.id).order_by(amendment.id)):
        ids[submission].append(mapping.amendment_id(number))
    submission = tables.submissions.c
    stored = {
        row.content_hash: (row.symbol, row.event_seq, tuple(ids[row.id]), row.delegation)
        for row in connection.execute(
            select(submission.id, submission.content_hash, submission.event_seq,
                   submission.delegation, tables.documents.c.symbol)
            .join_from(tables.submissions, tables.documents))
    }
    for name, ours, theirs, _ in keyed(lambda k: f"submission {k[:12]}", stored,
                                        state.submissions, {}, skip.submissions):
        event = theirs[1] if theirs else None
        if ours is None or theirs is None:
            yield presence(name, ours is not None, event)
        elif ours != theirs:
            yield differs(name, "its document, event, amendments and delegation", ours, theirs,
                           event)


def _access(connection: Connection, state: Replayed, skip: Skipped, *,
            only: str | None = None) -> Iterator[Mismatch]:
    """Whether tokens are required, and the tokens (only the one of id ``only``, if
    given), against the record."""
    secure = access.is_secure(connection)
    if secure != state.secure:
        yield differs("setting secure", "requiring tokens", secure, state.secure,
                       state.origin.get("setting secure"))
    kept = access.credentials_kept(connection, skip=skip.credentials, only=only)
    expected = state.credentials if only is None else {
        k: v for k, v in state.credentials.items() if k == only}
    for name, ours, theirs, event in keyed(lambda k: f"token {k}", kept, expected,
                                            state.origin, skip.credentials):
        if ours is None or theirs is None:
            yield presence(name, ours is not None, event)
            continue
        for what, mine, recorded in zip(_TOKEN_FIELDS, ours, theirs, strict=True):
            if mine != recorded:
                yield differs(name, what, mine, recorded, event)
