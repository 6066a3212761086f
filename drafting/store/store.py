"""`Store`: the library API over the database. It takes and returns the model's
dataclasses; no row, session or engine leaves it.

Each write is one transaction that appends one event (or none, when nothing
changes); each read is one consistent snapshot.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from drafting.engine.revise import RevisionOutcome
from drafting.model import Amendment, AmendmentStatus, Delegation, Document, ParagraphStatus
from drafting.store import mapping, revisions, submissions
from drafting.store.chain import Event, EventKind, event_from
from drafting.store.connect import make_engine, resolve_url, shown
from drafting.store.errors import ConflictError, NotFoundError, StoreError
from drafting.store.payloads import delegation_json
from drafting.store.schema import SchemaState, empty_store_error, require_current, upgrade
from drafting.store.session import Write, database_error, reading, writing
from drafting.store.submissions import SubmitResult
from drafting.store.tables import DelegationRow, DocumentRow, EventRow
from drafting.store.verify import VerifyReport, verify


def open_store(url: str | None = None, *, check_version: bool = True) -> Store:
    """Open the store at ``url`` (None: ``$DRAFTING_DB``, else ``sqlite:///drafting.db``).

    Any SQLAlchemy URL works; ``postgresql://`` is taken through psycopg 3. A
    database with no store yet opens fine (`Store.init` creates it; anything
    else raises SchemaError saying so). A store made by an older version of
    drafting is not upgraded silently: opening it raises SchemaError naming
    ``drafting init``; pass ``check_version=False`` to open it in order to
    call `Store.init`. A newer store raises SchemaError too.
    """
    store = Store(url)
    if check_version:
        try:
            store._check()
        except BaseException:
            store.close()
            raise
    return store


def init_store(url: str | None = None) -> str:
    """Create the store at ``url`` (see `open_store`), or upgrade an older one in
    place; returns the migration revision it is at now. Safe to run again."""
    with open_store(url, check_version=False) as store:
        return store.init()


class Store:
    """A drafting store: documents, delegations, amendments and their record.

    Use it as a context manager, or call `close`. Every method raises
    StoreError (or a subclass) for what it refuses, with nothing changed.
    """

    def __init__(self, url: str | None = None) -> None:
        self._url = resolve_url(url)
        self._engine = make_engine(self._url)
        self._ready = False

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return shown(self._url)

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Release the store's database connections; the store cannot be used after."""
        self._engine.dispose()

    def _check(self) -> SchemaState:
        try:
            state = require_current(self._engine, self._url)
        except DBAPIError as error:
            raise database_error(error, self._url) from error
        self._ready = state is SchemaState.CURRENT
        return state

    def _require(self) -> None:
        if not self._ready and self._check() is SchemaState.EMPTY:
            raise empty_store_error(self._url)

    def _write(self, actor: str) -> AbstractContextManager[Write]:
        self._require()
        return writing(self._engine, self._url, actor)

    def _read(self) -> AbstractContextManager[Session]:
        self._require()
        return reading(self._engine, self._url)

    # Schema

    def init(self) -> str:
        """Create the store, or upgrade it to this version's schema; returns the
        schema revision it stands at (Alembic's head). Safe to run again."""
        try:
            head = upgrade(self._engine, self._url)
        except DBAPIError as error:
            raise database_error(error, self._url) from error
        self._ready = True
        return head

    # Documents

    def add_document(self, document: Document, *, actor: str = "") -> None:
        """Import ``document`` with its revisions (at least one). Revisions without a
        time get the time of the import. ConflictError if the symbol is taken."""
        with self._write(actor) as write:
            revisions.add_document(write, document)

    def document(self, symbol: str) -> Document:
        """Document ``symbol``: every revision, paragraphs in order, label tables.
        NotFoundError (listing the symbols there are) if it is not in the store."""
        with self._read() as session:
            return mapping.load_document(session, mapping.find_document(session, symbol))

    def documents(self) -> list[tuple[str, str]]:
        """(symbol, title) of every document, in the order they were imported."""
        with self._read() as session:
            query = select(DocumentRow.symbol, DocumentRow.title).order_by(DocumentRow.id)
            return [(symbol, title) for symbol, title in session.execute(query)]

    def add_revision(self, symbol: str, outcome: RevisionOutcome, *, actor: str = "") -> None:
        """Store the revision `drafting.engine.revise` issued, its label table, and what
        became of each amendment it was given (status; revision, span and texts moved on).

        Refused (ConflictError) if the label is taken, or if an amendment the outcome
        changes was withdrawn or decided since the outcome was prepared.
        """
        with self._write(actor) as write:
            revisions.add_revision(write, symbol, outcome)

    def set_paragraph_status(self, symbol: str, paragraph_id: str, status: ParagraphStatus,
                             *, actor: str = "") -> None:
        """Mark paragraph ``paragraph_id`` (its stable id) of the current revision agreed,
        agreed ad ref, or open again. Setting the status it has records nothing."""
        with self._write(actor) as write:
            revisions.set_paragraph_status(write, symbol, paragraph_id, status)

    # Delegations

    def add_delegation(self, delegation: Delegation, *, actor: str = "") -> None:
        """Add a delegation (a group with its members). ConflictError if the code is taken."""
        code = delegation.code
        if not code.strip() or code != code.strip():
            raise StoreError(f"'{code}' is not a delegation code: give e.g. EU or USA, "
                             "without spaces around it")
        with self._write(actor) as write:
            if write.session.get(DelegationRow, code) is not None:
                raise ConflictError(f"the delegation {code} is already in the store")
            write.record(EventKind.DELEGATION, None, {"delegation": delegation_json(delegation)})
            write.session.add_all(mapping.delegation_rows(delegation, write.at))

    def delegations(self) -> list[Delegation]:
        """Every delegation, by code."""
        with self._read() as session:
            return mapping.load_delegations(session)

    # Amendments

    def submit(self, symbol: str, amendments: Sequence[Amendment], *,
               actor: str = "") -> SubmitResult:
        """Record a submission against document ``symbol``: all its amendments or none.

        Each amendment gets the store's next id (``A1``, ``A2``, ... across the store,
        replacing the one it came with), the time of recording as ``submitted_at``
        and the status "submitted". Proponents and supporters must be known
        delegations; each amendment must name a paragraph of the revision it was
        made against, and that revision must still be the current one
        (ConflictError otherwise: it is never applied to a text it was not made
        on). Every other problem is listed in one StoreError's ``details``.
        Sending the very same submission again records nothing and returns the
        first ids with ``duplicate=True``.
        """
        with self._write(actor) as write:
            return submissions.submit(write, symbol, amendments)

    def amendments(self, symbol: str, *, statuses: Collection[AmendmentStatus] | None = None,
                   delegations: Collection[str] | None = None,
                   paragraph_id: str | None = None) -> list[Amendment]:
        """Amendments to document ``symbol`` in id order, every status unless ``statuses``
        says; ``delegations`` keeps those with one of these proponents, ``paragraph_id``
        those on that paragraph (its stable id)."""
        with self._read() as session:
            row = mapping.find_document(session, symbol)
            query = mapping.filtered(mapping.amendment_query(row.id), statuses=statuses,
                                     delegations=delegations, paragraph_id=paragraph_id)
            return mapping.load_amendments(session, query)

    def withdraw(self, amendment_id: str, delegation: str, *, actor: str = "") -> Amendment:
        """Withdraw an amendment on behalf of ``delegation``, which must be a proponent.
        It stays in the store, marked withdrawn. A decided or withdrawn one cannot be."""
        with self._write(actor) as write:
            return submissions.withdraw(write, amendment_id, delegation)

    def decide(self, amendment_id: str, decision: Literal["accept", "reject"], *,
               note: str = "", actor: str = "") -> Amendment:
        """Accept or reject an amendment. A withdrawn or already decided one cannot be,
        and a stale one can only be rejected."""
        with self._write(actor) as write:
            return submissions.decide(write, amendment_id, decision, note)

    # The record

    def events(self, symbol: str | None = None) -> list[Event]:
        """The event log, oldest first; with ``symbol``, only the events about that
        document (NotFoundError if there is no such document)."""
        with self._read() as session:
            query = select(EventRow).order_by(EventRow.seq)
            if symbol is not None:
                found = session.scalar(select(DocumentRow.id).where(DocumentRow.symbol == symbol))
                if found is None:
                    raise NotFoundError(f"there is no document '{symbol}' in the store")
                query = query.where(EventRow.document == symbol)
            return [event_from(row) for row in session.scalars(query)]

    def verify(self) -> VerifyReport:
        """Recompute the event chain and replay it against the rows. Returns a report
        naming every mismatch, the first first (`VerifyReport.first`); it does not raise
        over what it finds."""
        with self._read() as session:
            return verify(session)
