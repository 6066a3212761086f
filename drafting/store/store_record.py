"""The record of a store: its events, and their check against the rows. `Store` takes these
methods from `RecordKeeping`."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlalchemy import select

from drafting.store import mapping, rowcheck, tables
from drafting.store.chain import Event, event_from
from drafting.store.errors import NotFoundError, RecordMismatch
from drafting.store.payloads import utc
from drafting.store.receipts import Receipt
from drafting.store.verify import VerifyReport, verify, verify_document

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from drafting.model import Amendment, Document


class RecordKeeping:
    """The record methods of `Store`, which gives them its reads."""

    def _read(self) -> AbstractContextManager[Connection]:
        raise NotImplementedError  # Store's own

    def events(self, symbol: str | None = None, *, payloads: bool = True) -> list[Event]:
        """The event log, oldest first; with ``symbol``, only the events about that
        document (NotFoundError if there is no such document). RecordMismatch naming the
        first event whose row cannot be read (changed behind drafting's back: a payload
        nested too deep to parse, a time that is not a time), as `verify` names it.
        Without ``payloads``, each event's payload is left unread (empty): for a list of
        the log's events, which would parse every amendment ever submitted for nothing."""
        event = tables.events.c
        columns = None if payloads else [c for c in tables.events.columns
                                         if c is not event.payload]
        with self._read() as connection:
            where = None
            if symbol is not None:
                _known(connection, symbol)
                where = event.document == symbol
            rows = rowcheck.readable(connection, tables.events, where, columns=columns)
        if payloads:
            return [event_from(row) for row in rows]
        return [Event(row.seq, utc(row.at), row.actor, row.kind, row.document, {},
                      row.prev_hash, row.hash) for row in rows]

    def verify(self, anchors: Sequence[Receipt] = ()) -> VerifyReport:
        """Check every row, recompute the event chain and replay it against the rows, and
        check that the log still passes through each of ``anchors`` (receipts kept from
        earlier: the event of that number still has that hash). Returns a report naming
        every mismatch, the first first (`VerifyReport.first`); it does not raise over
        what it finds."""
        with self._read() as connection:
            return verify(connection, anchors)

    def check_document(self, symbol: str, doing: str) -> tuple[Document, list[Amendment]]:
        """Document ``symbol`` and all its amendments (id order), read in one snapshot and
        checked there against the record (`drafting.store.verify.verify_document`):
        RecordMismatch, saying that ``doing`` ("nothing was written") was not done, where
        they, its Word sources or the tokens differ from what the events say: a store
        changed behind drafting's back circulates nothing. NotFoundError (listing the
        symbols there are) if there is no such document."""
        with self._read() as connection:
            row = mapping.find_document(connection, symbol)
            document = mapping.load_document(connection, row)
            amendments = mapping.load_amendments(connection, mapping.amendment_query(row.id))
            report = verify_document(connection, symbol, (document, amendments))
        if report.ok:
            return document, amendments
        more = len(report.mismatches) - 1
        raise RecordMismatch(
            f"{doing}: the store does not match its record for {symbol} ({report.first}"
            f"{f', and {more} more' if more else ''}); a text is circulated and decided on "
            "only from a record that verifies. Run drafting verify to see every mismatch, and "
            "restore the store from a backup")


def _known(connection: Connection, symbol: str) -> None:
    """NotFoundError unless the store holds document ``symbol``."""
    found = connection.scalar(select(tables.documents.c.id)
                              .where(tables.documents.c.symbol == symbol))
    if found is None:
        raise NotFoundError(f"there is no document '{symbol}' in the store")
