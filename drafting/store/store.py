"""`Store`: the library API over the database. It takes and returns the model's
dataclasses; no row, connection or engine leaves it.

Each write is one transaction that appends one event (or none, when nothing
changes); each read is one consistent snapshot. In a store that requires
tokens (`Store.make_secure`) each write first checks the token the store was
opened with (`drafting.store.access`); a refused write records only the refusal.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import Literal

from sqlalchemy import select
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError

from drafting import characters
from drafting.engine.revise import RevisionOutcome
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import Amendment, AmendmentStatus, Delegation, Document, ParagraphStatus
from drafting.store import (
    access,
    amendment_steps,
    chain,
    delegations,
    mapping,
    names,
    reopening,
    revisions,
    sources,
    submissions,
    tables,
)
from drafting.store.access import SECRETARIAT, Gate, Need
from drafting.store.actors import check_actor
from drafting.store.chain import EventKind
from drafting.store.connect import make_engine, resolve_url, shown
from drafting.store.errors import StoreError
from drafting.store.faults import sqlite_file_problem
from drafting.store.receipts import Receipt
from drafting.store.schema import SchemaState, empty_store_error, require_current, upgrade
from drafting.store.session import Handed, Write, database_error, reading, writing
from drafting.store.sources import SourceInfo
from drafting.store.store_record import RecordKeeping
from drafting.store.store_tokens import TokenKeeping
from drafting.store.submissions import SubmitResult


class Store(TokenKeeping, RecordKeeping):
    """A drafting store: documents, delegations, amendments and their record.

    Use it as a context manager, or call `close`. Every method raises
    StoreError (or a subclass) for what it refuses, with nothing changed.

    ``token`` is who acts. An open store (the default) ignores it. A store that
    requires tokens checks it in every write: the secretariat's token to import,
    revise, agree, decide, add delegations and manage tokens; a delegation's own
    token to submit (as sole proponent of every amendment) and to withdraw in its
    name. Reads need no token. A refusal raises AccessError and records only a
    ``refused`` event (never the token).

    Every write's events come with receipts (`Receipt`: number and hash) to keep
    outside the store: `receipts` holds those of the last write, and `verify` checks
    that the log still passes through receipts kept from earlier.
    """

    def __init__(self, url: str | None = None, *, token: str | None = None) -> None:
        self._url = resolve_url(url)
        self._engine = make_engine(self._url)
        self._ready = False
        self._gate = Gate(token)
        self._receipts: tuple[Receipt, ...] = ()
        self._recorded: list[Receipt] = []

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return shown(self._url)

    @property
    def connect_url(self) -> str:
        """The database URL as it is connected to, password included: for a worker
        process of the same command to open the store for reading (`drafting.read_ahead`);
        never to be shown."""
        return self._url

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
        if _missing_file(self._url):  # nothing there yet: connecting would create the file
            return SchemaState.EMPTY
        if (problem := sqlite_file_problem(self._url)) is not None:
            raise problem
        try:
            state = require_current(self._engine, self._url)
        except DBAPIError as error:
            raise database_error(error, self._url) from error
        self._ready = state is SchemaState.CURRENT
        return state

    def _require(self) -> None:
        if not self._ready and self._check() is SchemaState.EMPTY:
            raise empty_store_error(self._url)

    @contextmanager
    def _write(self, actor: str, need: Need) -> Iterator[Write]:
        """One write transaction, if the token passes ``need``; otherwise the refusal is
        recorded (and committed) alone, and AccessError raised. Who acts, and what the
        refusal would record, pass the store's text check first (`names.check_line`)."""
        names.check_name("who acts (the actor)", actor)
        check_actor(actor, need.claimed, self.delegations, SECRETARIAT)
        for code in need.claimed:
            names.check_name("the delegation named", code)
        if need.document is not None:
            names.check_line("the document named", need.document)
        self._require()
        self._receipts = ()
        refusal = None
        with writing(self._engine, self._url, actor) as write:
            write.principal, refusal = self._gate.admit(write.connection, need)
            if refusal is None:
                yield write
            else:
                write.record(EventKind.REFUSED, need.document, refusal.payload)
        self._receipts = tuple(write.receipts)  # committed
        self._recorded += self._receipts
        if refusal is not None:
            raise refusal.error

    @property
    def receipts(self) -> tuple[Receipt, ...]:
        """The receipts of the events the last write through this `Store` recorded (and
        committed), oldest first: one for most writes, one per submission for
        `submit_all`, one per delegation for `add_delegations` (and one for the members
        it appended); empty when it recorded nothing or failed. A write refused for want
        of the right token leaves the receipt of its ``refused`` event."""
        return self._receipts

    @property
    def recorded(self) -> tuple[Receipt, ...]:
        """The receipts of every event recorded (and committed) through this `Store` since
        it was made, oldest first (`receipts` holds the last write's alone): what a
        command that fails afterwards has recorded all the same."""
        return tuple(self._recorded)

    def head(self) -> Receipt:
        """The receipt of the last event in the log: what the chain head says (number 0
        and 64 zeros for an empty log). Kept outside the store, it anchors the whole log
        as it stands now: `verify` with it fails if anything up to it is rewritten."""
        with self._read() as connection:
            return chain.head(connection)

    def _read(self) -> AbstractContextManager[Connection]:
        self._require()
        return reading(self._engine, self._url)

    # Schema

    def init(self) -> str:
        """Create the store, or upgrade it to this version's schema; returns the
        schema revision it stands at (Alembic's head). Safe to run again. An empty
        SQLite file (0 bytes) becomes a store; a file that is not a SQLite database is
        refused, untouched."""
        if (problem := sqlite_file_problem(self._url, creating=True)) is not None:
            raise problem
        try:
            head = upgrade(self._engine, self._url)
        except DBAPIError as error:
            raise database_error(error, self._url) from error
        self._ready = True
        return head

    # Documents

    def add_document(self, document: Document, *, source: bytes | None = None,
                     actor: str = "") -> Receipt:
        """Import ``document`` with its revisions (at least one). Revisions without a
        time get the time of the import. ConflictError if the symbol is taken;
        StoreError for a symbol or a text `drafting.store.names` refuses.

        ``source`` is the Word file the document was read from, byte for byte: it is
        kept as the source of its current revision (its SHA-256 in the import event),
        for `source` to give back. StoreError for one that is not a ``.docx`` (a zip
        package) or is over `MAX_SOURCE_BYTES` (50 MB). Returns the import's receipt.
        """
        names.check_document(document)
        with self._write(actor, Need("import")) as write:
            revisions.add_document(write, document, source)
        return self._receipts[-1]

    def document(self, symbol: str) -> Document:
        """Document ``symbol``: every revision, paragraphs in order, label tables.
        NotFoundError (listing the symbols there are) if it is not in the store."""
        with self._read() as connection:
            return mapping.load_document(connection, mapping.find_document(connection, symbol))

    def source(self, symbol: str, revision_label: str | None = None) -> bytes | None:
        """The Word file revision ``revision_label`` of ``symbol`` (default: the current
        one) came from, byte for byte; None for a text that came from Markdown or plain
        text. NotFoundError for an unknown document or revision; StoreError if the bytes
        no longer match the SHA-256 kept with them."""
        with self._read() as connection:
            row = mapping.find_document(connection, symbol)
            revision_id, label = mapping.revision_row(connection, row, revision_label)
            found = sources.load_source(connection, revision_id, f"{symbol} {label}")
            return None if found is None else found[0]

    def sources(self, symbol: str) -> dict[str, SourceInfo]:
        """What is kept of each revision's source (SHA-256, size, format; not the bytes),
        by revision label, oldest first; revisions without one are left out."""
        with self._read() as connection:
            return sources.source_infos(connection,
                                        mapping.find_document(connection, symbol).id)

    def documents(self) -> list[tuple[str, str]]:
        """(symbol, title) of every document, in the order they were imported."""
        with self._read() as connection:
            document = tables.documents.c
            query = select(document.symbol, document.title).order_by(document.id)
            return [(symbol, title) for symbol, title in connection.execute(query)]

    def add_revision(self, symbol: str, outcome: RevisionOutcome, *,
                     source: bytes | None = None, actor: str = "",
                     based_on: Receipt | None = None) -> Receipt:
        """Store the revision `drafting.engine.revise` issued, its label table, and what
        became of each amendment it was given (status; revision, span and texts moved on).

        Refused (ConflictError) if the label is taken, or if an amendment the outcome
        changes was withdrawn or decided since the outcome was prepared. With ``based_on``
        (the `head` read before the document and its amendments were read to prepare it),
        refused too if anything at all was recorded about ``symbol`` after it, or if the
        outcome leaves out an amendment still submitted or decided on the current
        revision: the revision is issued on exactly the record it was prepared from, and
        speaks of every amendment open in it (`drafting.workflow.revise_document` gives
        it).

        The new revision keeps a Word source: ``source`` if given (checked as
        `add_document` checks it), else a copy of the previous revision's, if that has
        one (StoreError if that one's bytes no longer match their SHA-256). Returns the
        revision's receipt.
        """
        names.check_revision(symbol, outcome.revision)
        names.check_amendments(outcome.amendments)
        with self._write(actor, Need("revise", document=symbol)) as write:
            revisions.add_revision(write, symbol, outcome, source,
                                   None if based_on is None else based_on.seq)
        return self._receipts[-1]

    def set_paragraph_status(self, symbol: str, paragraph_id: str, status: ParagraphStatus,
                             *, actor: str = "") -> Receipt | None:
        """Mark paragraph ``paragraph_id`` (its stable id) of the current revision agreed,
        agreed ad ref, or open again; returns the receipt. Setting the status it has
        records nothing and returns None."""
        names.check_line("the paragraph id", paragraph_id)
        with self._write(actor, Need("agree", document=symbol)) as write:
            revisions.set_paragraph_status(write, symbol, paragraph_id, status)
        return self._receipts[-1] if self._receipts else None

    # Delegations

    def add_delegation(self, delegation: Delegation, *, actor: str = "") -> str | None:
        """Add a delegation (a group with its members). ConflictError if the code is taken;
        StoreError for a code or name `drafting.store.names` refuses. Returns its new
        token in a store that requires tokens (shown once: it is kept only as a hash),
        else None."""
        return self.add_delegations([delegation], actor=actor).get(delegation.code)

    def add_delegations(self, new: Sequence[Delegation], *, member_of: str | None = None,
                        actor: str = "", handed: Handed | None = None) -> dict[str, str]:
        """Add delegations, all of them or none, and with ``member_of`` append their codes
        to that group's members (it must be in the store already; it becomes a group).
        Returns the tokens issued, by code: one per delegation in a store that requires
        tokens, none in an open store; ``handed`` is given them before they are kept, and
        if it raises, nothing is (`drafting.store.session.Handed`)."""
        for delegation in new:
            names.check_delegation(delegation)
            access.check_reserved(delegation.code)
        with self._write(actor, Need("add delegations")) as write:
            return delegations.add(write, new, member_of, handed)

    def add_members(self, group: str, codes: Sequence[str], *, actor: str = "") -> Delegation:
        """Append ``codes`` to the members of delegation ``group`` (NotFoundError if there
        is none), which becomes a group; codes already members stay where they are, and
        nothing new records nothing. Returns the group as it now stands."""
        for code in codes:
            names.check_member(code)
        with self._write(actor, Need("add members")) as write:
            return delegations.add_members(write, group, codes)

    def delegations(self) -> list[Delegation]:
        """Every delegation, by code."""
        with self._read() as connection:
            return mapping.load_delegations(connection)

    # Amendments

    def submit(self, symbol: str, amendments: Sequence[Amendment], *,
               actor: str = "", allow_duplicates: bool = False) -> SubmitResult:
        """Record a submission against document ``symbol``: all its amendments or none.

        Each amendment gets the store's next id (``A1``, ``A2``, ... across the store,
        replacing the one it came with), the time of recording as ``submitted_at``
        and the status "submitted". Proponents and supporters must be known
        delegations; each amendment must name a paragraph of the revision it was
        made against, and that revision must still be the current one
        (ConflictError otherwise: it is never applied to a text it was not made
        on). Every other problem is listed in one StoreError's ``details``.
        Sending the very same submission again while all its amendments are pending
        records nothing and returns the first ids with ``duplicate=True`` (once one is
        withdrawn, rejected, accepted or stale, it is a new submission); proposing again
        what its proponents already propose (the same change to the same paragraph) is
        refused, unless ``allow_duplicates``. A text that is not text
        (`drafting.store.names.check_text`), or one longer than
        `drafting.limits.MAX_PARAGRAPH_CHARS`, refuses the whole submission.
        """
        names.check_amendments(amendments)
        _check_lengths(symbol, amendments)
        with self._write(actor, _submitting(symbol, [amendments])) as write:
            return submissions.submit(write, symbol, amendments, recorded_by=write.principal,
                                      allow_duplicates=allow_duplicates)

    def submit_all(self, symbol: str, batches: Sequence[Sequence[Amendment]], *,
                   actor: str = "", allow_duplicates: bool = False) -> list[SubmitResult]:
        """Record several submissions against document ``symbol`` in one transaction,
        each as `submit` records it (its own ids, event and content hash; one sent before
        is a duplicate), and all or none: one refused refuses them all. This is how a pile
        of delegations' files goes in (``drafting submit`` with many files), far faster
        than one `submit` each."""
        for amendments in batches:
            names.check_amendments(amendments)
            _check_lengths(symbol, amendments)
        with self._write(actor, _submitting(symbol, batches)) as write:
            return submissions.submit_all(write, symbol, batches, recorded_by=write.principal,
                                          allow_duplicates=allow_duplicates)

    def check_submit(self, symbol: str, batches: Sequence[Sequence[Amendment]], *,
                     actor: str = "") -> None:
        """Refuse now what `submit_all` would refuse for want of the right token:
        AccessError, the refusal recorded as a submission's would be. A command calls this
        before it shows what it is about to record and asks; when the token passes,
        nothing is written (and the submission is checked again when it is recorded)."""
        need = _submitting(symbol, batches)
        with self._read() as connection:
            _, refusal = self._gate.admit(connection, need)
        if refusal is not None:
            with self._write(actor, need):  # records the refusal and raises it
                pass

    def sent_again(self, symbol: str, batches: Sequence[Sequence[Amendment]],
                   ) -> list[SubmitResult | None]:
        """For each of ``batches`` (as recorded: `as_recorded`), what `submit` returns if
        it is a submission recorded before whose amendments are all still pending (a
        ``duplicate``: nothing new is recorded), else None. For previews."""
        with self._read() as connection:
            return [submissions.same_again(connection, symbol, b) for b in batches]

    def as_recorded(self, amendments: Sequence[Amendment]) -> list[Amendment]:
        """``amendments`` as a submission with this store's token would record them: in a
        store that requires tokens, each supporter but the token's delegation requested
        (`submit` does the same); unchanged in an open store. For previews."""
        with self._read() as connection:
            holder = self._gate.holder(connection)
        if holder is None or holder == access.SECRETARIAT:
            return list(amendments)
        return [submissions.requesting(a, holder) for a in amendments]

    def amendments(self, symbol: str, *, statuses: Collection[AmendmentStatus] | None = None,
                   delegations: Collection[str] | None = None,
                   paragraph_id: str | None = None) -> list[Amendment]:
        """Amendments to document ``symbol`` in id order, every status unless ``statuses``
        says; ``delegations`` keeps those with one of these proponents, ``paragraph_id``
        those on that paragraph (its stable id)."""
        with self._read() as connection:
            row = mapping.find_document(connection, symbol)
            query = mapping.filtered(mapping.amendment_query(row.id), statuses=statuses,
                                     delegations=delegations, paragraph_id=paragraph_id)
            return mapping.load_amendments(connection, query)

    def withdraw(self, amendment_id: str, delegation: str, *, actor: str = "") -> Amendment:
        """Withdraw an amendment on behalf of ``delegation``, which must be a proponent.
        It stays in the store, marked withdrawn. A decided or withdrawn one cannot be."""
        names.check_line("the amendment id", amendment_id)
        symbol = self._document_of(amendment_id)  # so that a refusal is in its log
        with self._write(actor, Need("withdraw", (delegation,), symbol)) as write:
            return amendment_steps.withdraw(write, amendment_id, delegation)

    def support(self, amendment_id: str, delegation: str, *, withdraw: bool = False,
                actor: str = "") -> Amendment:
        """Record that ``delegation`` supports an amendment (joining it, or confirming the
        support another's submission requested in its name), or with ``withdraw`` that it
        no longer does. In a store that requires tokens, only ``delegation``'s own token
        may; a refusal is recorded. Returns the amendment as it now stands."""
        names.check_line("the amendment id", amendment_id)
        names.check_line("the delegation", delegation)
        symbol = self._document_of(amendment_id)  # so that a refusal is in its log
        with self._write(actor, Need("support", (delegation,), symbol)) as write:
            return amendment_steps.support(write, amendment_id, delegation, withdraw=withdraw)

    def decide(self, amendment_id: str, decision: Literal["accept", "reject", "reopen"], *,
               note: str = "", actor: str = "") -> Amendment:
        """Accept or reject an amendment. A withdrawn or already decided one cannot be,
        and a stale one can only be rejected. ``reopen`` takes back a decision taken by
        mistake, with a ``note`` saying why, until the next revision is issued
        (`drafting.store.reopening`). ``note`` may hold several lines, but only text."""
        names.check_line("the amendment id", amendment_id)
        names.check_text(f"the note on {characters.escaped(amendment_id)}", note)
        symbol = self._document_of(amendment_id)  # so that a refusal is in its log
        with self._write(actor, Need("decide", document=symbol)) as write:
            if decision == reopening.REOPEN:
                return reopening.reopen(write, amendment_id, note)
            return amendment_steps.decide(write, amendment_id, decision, note)

    def _document_of(self, amendment_id: str) -> str:
        """The symbol of amendment ``amendment_id``'s document (NotFoundError for none)."""
        with self._read() as connection:
            return amendment_steps.document_of(connection, amendment_id)


def _missing_file(url: URL) -> bool:
    """Whether ``url`` names a SQLite file that does not exist (not an in-memory one)."""
    database = url.database or ""
    if url.get_backend_name() != "sqlite" or database in ("", ":memory:") or \
            database.startswith("file:"):
        return False
    try:
        return not Path(database).exists()
    except OSError:  # a path the system cannot even look up (a name too long): not there
        return True


def _check_lengths(symbol: str, amendments: Sequence[Amendment]) -> None:
    """StoreError listing every text of ``amendments`` (old and new words, reason) longer
    than `MAX_PARAGRAPH_CHARS`: whichever way a submission came (options, JSON, Word), the
    store records none."""
    problems = [f"amendment {number}: {what} has {len(text):,} characters"
                for number, amendment in enumerate(amendments, 1)
                for what, text in (("the old text", amendment.old_text),
                                   ("the new text", amendment.new_text),
                                   ("the reason", amendment.reason))
                if len(text) > MAX_PARAGRAPH_CHARS]
    if problems:
        raise StoreError(f"{symbol}: {problems[0]}, more than the {MAX_PARAGRAPH_CHARS:,} a "
                         "text of an amendment may have (see \"Input limits\" in the README)"
                         "; nothing was recorded: shorten it", details="\n".join(problems))


def _submitting(symbol: str, batches: Sequence[Sequence[Amendment]]) -> Need:
    """What recording ``batches`` needs: the token of their proponents (all of them)."""
    proponents = tuple(dict.fromkeys(
        code for amendments in batches for a in amendments for code in a.proponents))
    return Need("submit", proponents, symbol)
