"""Writing amendments: a submission stored whole (support, withdrawals and decisions
are `drafting.store.amendment_steps`).

`submit` checks the whole submission against the document and the known
delegations before it writes anything, lists every problem at once, and
stores it under one content hash so that sending the same submission twice
records it once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, Row, Table, func, insert, select

from drafting import characters
from drafting.engine.series import before_refusal
from drafting.engine.subamend import subamendment_problems
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, AmendmentStatus, Document
from drafting.store import mapping, repeats, tables
from drafting.store.chain import EventKind, canonical
from drafting.store.errors import ConflictError, StoreError
from drafting.store.payloads import amendment_json, submission_content
from drafting.store.receipts import Receipt
from drafting.store.session import Write

_K = AmendmentKind
_S = AmendmentStatus


@dataclass(frozen=True, slots=True)
class SubmitResult:
    """What `Store.submit` recorded.

    ``ids`` are the store's ids of the submission's amendments, in the order
    given, and ``amendments`` the amendments as stored. ``duplicate`` is True
    when the very same submission had been recorded before and is still pending:
    nothing new was written and ``ids`` are the ones it got then. ``receipt`` is
    the number and hash of the event that recorded it (for a duplicate, the event
    that recorded it the first time; None only if that event is no longer in the
    log). ``anew`` names the withdrawn, rejected or stale amendments the new ones
    propose again (``A1 (withdrawn)``): tabled again, they are recorded anew.
    """

    ids: tuple[str, ...]
    duplicate: bool
    amendments: tuple[Amendment, ...]
    receipt: Receipt | None = None
    anew: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        """One line for people: what was recorded, or that it already was."""
        listed = ", ".join(self.ids)
        if self.duplicate:
            return (f"already recorded as {listed} (still pending); nothing new was "
                    "recorded")
        again = (f"; the same was proposed before as {', '.join(self.anew)}, and is "
                 "recorded anew") if self.anew else ""
        return (f"recorded {len(self.ids)} amendment{'s' * (len(self.ids) != 1)}: "
                f"{listed}{again}")


def content_hash(symbol: str, amendments: Sequence[Amendment], again: str = "") -> str:
    """The SHA-256 of a submission's normalised content (see `submission_content`); for
    a submission tabling again one whose amendments are no longer all pending, of that
    content and ``again``, the earlier one's hash (the event's ``again``)."""
    content = submission_content(symbol, list(amendments))
    if again:
        content["again"] = again
    body = canonical(content)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def recorded_as(connection: Connection, symbol: str, amendments: Sequence[Amendment],
                ) -> tuple[str, str, Row[Any] | None]:
    """The content hash ``amendments`` (as recorded: `requesting` applied) take when
    submitted to ``symbol``, the hash of the earlier submission of the same content
    they table again ("" for none) and, when they were recorded already and every one
    of them is still pending, that submission's row (id, event_seq): the same
    submission sent again. Once one of its amendments is withdrawn, rejected, accepted
    or stale, the same content makes a new submission, hashed with the earlier one's."""
    submission, amendment = tables.submissions.c, tables.amendments.c
    digest, again = content_hash(symbol, amendments), ""
    while True:
        earlier = connection.execute(select(submission.id, submission.event_seq)
                                     .where(submission.content_hash == digest)).first()
        if earlier is None:
            return digest, again, None
        settled = connection.scalar(select(func.count()).where(
            amendment.submission_id == earlier.id, amendment.status != str(_S.SUBMITTED)))
        if not settled:
            return digest, again, earlier
        digest, again = content_hash(symbol, amendments, digest), digest


def submit(write: Write, symbol: str, amendments: Sequence[Amendment], *,
           recorded_by: str | None = None, allow_duplicates: bool = False) -> SubmitResult:
    """Store ``amendments`` against document ``symbol``, all of them or none;
    ``recorded_by`` is the delegation whose token recorded it (None: no token needed)."""
    return submit_all(write, symbol, [amendments], recorded_by=recorded_by,
                      allow_duplicates=allow_duplicates)[0]


def submit_all(write: Write, symbol: str, submissions: Sequence[Sequence[Amendment]], *,
               recorded_by: str | None = None,
               allow_duplicates: bool = False) -> list[SubmitResult]:
    """Store several submissions against document ``symbol`` in the one transaction of
    ``write``, each checked and recorded as by `submit` (its own event, its own content
    hash); one refused refuses them all. The document is loaded once for them all.

    A new submission proposing what its proponents already propose (the same change to
    the same paragraph of the same revision, still pending or accepted: a JSON file sent
    again as a Word copy) is refused naming the amendments it repeats, unless
    ``allow_duplicates``."""
    target: _Target | None = None
    results = []
    for amendments in submissions:
        if not amendments:
            raise StoreError(f"{symbol}: the submission holds no amendment; nothing was "
                             "recorded")
        if recorded_by is not None:
            amendments = [requesting(a, recorded_by) for a in amendments]
        digest, again, earlier = recorded_as(write.connection, symbol, amendments)
        if earlier is not None:
            if target is not None:
                _insert_rows(write, target)  # the earlier one may be in this very pile
            results.append(_duplicate(write.connection, earlier))
            continue
        target = target or _target(write.connection, symbol)
        _read_proposed(write.connection, target)
        if not allow_duplicates:
            repeats.check_repeats(target.document, target.proposed, amendments)
        anew = repeats.proposed_before(target.document, target.settled, amendments)
        results.append(replace(_record(write, target, (digest, again), amendments,
                                       recorded_by), anew=anew))
        target.proposed.update((repeats.proposal_key(target.document, a), a.id)
                               for a in results[-1].amendments)
    if target is not None:
        _insert_rows(write, target)
    return results


@dataclass(slots=True)
class _Target:
    """What recording submissions to one document needs, read once per transaction."""

    document_id: int
    document: Document
    codes: set[str]
    paragraphs: dict[str, int]
    revisions: dict[str, int]
    next_number: int
    pending: list[tuple[int, int, Amendment]] = field(default_factory=list)
    """(event, submission row id, amendment) of amendments whose rows are still to insert."""
    proposed: repeats.Proposed = field(default_factory=repeats.Proposed)
    """What is proposed already (`repeats.proposal_key` -> ``A1``, ``A2 (accepted)``)."""
    settled: dict[tuple[Any, ...], str] = field(default_factory=dict)
    """What was proposed and withdrawn, rejected or left stale (-> ``A1 (withdrawn)``)."""
    read: bool = False
    """Whether ``proposed`` and ``settled`` were read from the store (when first needed)."""


def _target(connection: Connection, symbol: str) -> _Target:
    row = mapping.find_document(connection, symbol)
    return _Target(row.id, mapping.load_document(connection, row),
                   set(connection.scalars(select(tables.delegations.c.code))),
                   mapping.paragraph_ids(connection, row.id),
                   mapping.revision_ids(connection, row.id),
                   (connection.scalar(select(func.max(tables.amendments.c.id))) or 0) + 1)


def _record(write: Write, target: _Target, hashes: tuple[str, str],
            amendments: Sequence[Amendment], recorded_by: str | None) -> SubmitResult:
    """Check one new submission and write its event and rows; ``hashes`` are its content
    hash and that of the submission it tables again ("" for none)."""
    digest, again = hashes
    document, first = target.document, target.next_number
    _check(document, amendments, target.codes, _parents(write.connection, target, amendments))
    if first + len(amendments) - 1 > tables.MAX_AMENDMENT:
        raise StoreError(f"{document.symbol}: the store's amendments are numbered up to "
                         f"A{first - 1}, and numbers stop at A{tables.MAX_AMENDMENT}: there is "
                         f"no number left for {len(amendments)} more; nothing was recorded: "
                         "record further negotiations in a new store")
    stored = [
        replace(a, id=mapping.amendment_id(first + n), submitted_at=write.at,
                status=_S.SUBMITTED, revision=_revision_of(document, a))
        for n, a in enumerate(amendments)
    ]
    payload = {"submission": digest, "amendments": [amendment_json(a) for a in stored]}
    if recorded_by is not None:
        payload["delegation"] = recorded_by
    if again:
        payload["again"] = again
    receipt = write.record(EventKind.SUBMIT, document.symbol, payload)
    seq = receipt.seq
    submission_id = write.connection.execute(
        insert(tables.submissions).returning(tables.submissions.c.id),
        {"document_id": target.document_id, "content_hash": digest, "event_seq": seq,
         "recorded_at": write.at, "delegation": recorded_by},
    ).scalar_one()
    target.pending += [(seq, submission_id, amendment) for amendment in stored]
    target.next_number = first + len(stored)
    return SubmitResult(tuple(a.id for a in stored), False, tuple(stored), receipt)


def _read_proposed(connection: Connection, target: _Target) -> None:
    """Fill ``target.proposed`` and ``target.settled`` from the store, once."""
    if not target.read:
        stored = mapping.load_amendments(connection, mapping.amendment_query(
            target.document_id))
        repeats.sort_proposals(target.document, stored, target.proposed, target.settled)
        target.read = True


def same_again(connection: Connection, symbol: str, amendments: Sequence[Amendment],
               ) -> SubmitResult | None:
    """What `submit` returns for ``amendments`` (as recorded: `requesting` applied) if
    they are a submission recorded before whose amendments are all still pending (sent
    again: ``duplicate``, nothing new recorded); None if they would be recorded."""
    _, _, earlier = recorded_as(connection, symbol, amendments)
    return None if earlier is None else _duplicate(connection, earlier)


def _duplicate(connection: Connection, earlier: Row[Any]) -> SubmitResult:
    """The result of sending submission ``earlier`` (id, event_seq) again."""
    stored = mapping.load_amendments(connection, mapping.amendment_query(
        None).where(tables.amendments.c.submission_id == earlier.id))
    return SubmitResult(tuple(a.id for a in stored), True, tuple(stored),
                        _receipt_of(connection, earlier.event_seq))


def _receipt_of(connection: Connection, seq: int) -> Receipt | None:
    """The receipt of event ``seq`` (None if the log has no such event)."""
    event = tables.events.c
    digest = connection.scalar(select(event.hash).where(event.seq == seq))
    return None if digest is None else Receipt(seq, digest)


def _revision_of(document: Document, amendment: Amendment) -> str:
    revision = document.revision(amendment.revision)
    assert revision is not None  # checked
    return revision.label


def _insert_rows(write: Write, target: _Target) -> None:
    """The rows of the amendments pending in ``target`` (each status history starts with
    its submission's event), inserted table by table: thousands of amendments are a few
    statements, however many amendments there are."""
    rows = [mapping.amendment_values(
        mapping.amendment_number(a.id) or 0, a, document_id=target.document_id,
        submission_id=submission_id, paragraph_id=target.paragraphs[a.paragraph_id],
        revision_id=target.revisions[a.revision]) for _, submission_id, a in target.pending]
    own = [value for row in rows for value in row[0]]  # those with marks apart, in order
    for _, alike in groupby(own, key=lambda value: "marks" in value):
        _insert(write, tables.amendments, list(alike))
    for index, table in ((1, tables.amendment_proponents), (2, tables.amendment_supporters)):
        _insert(write, table, [value for row in rows for value in row[index]])
    _insert(write, tables.amendment_statuses, [
        {"amendment_id": mapping.amendment_number(a.id), "position": 0,
         "status": str(_S.SUBMITTED), "event_seq": seq, "at": write.at}
        for seq, _, a in target.pending])
    target.pending.clear()


_PARAMETERS = 30_000
"""Values bound in one multi-row INSERT, at most (PostgreSQL takes 65,535)."""


def _insert(write: Write, table: Table, values: list[dict[str, Any]]) -> None:
    """Insert rows into ``table`` (none for no rows). On PostgreSQL as few multi-row
    statements as its limit on parameters allows, so that the server's checks of new rows
    (migration 0006) run once per statement, not once per row: written out for the driver
    (SQLAlchemy would compile thousands of named parameters, or ask for RETURNING). On
    SQLite as one executemany."""
    if not values:
        return
    connection = write.connection
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), values)
        return
    columns = list(values[0])
    preparer = connection.dialect.identifier_preparer
    head = (f"INSERT INTO {preparer.format_table(table)} "
            f"({', '.join(preparer.quote(c) for c in columns)}) VALUES ")
    row = "(" + ", ".join(["%s"] * len(columns)) + ")"
    step = max(1, _PARAMETERS // len(columns))
    for start in range(0, len(values), step):
        chunk = values[start:start + step]
        connection.exec_driver_sql(head + ", ".join([row] * len(chunk)),
                                   tuple(v[c] for v in chunk for c in columns))


def refusals(document: Document, batches: Sequence[Sequence[Amendment]], codes: set[str],
             stored: Sequence[Amendment],
             sent_again: Callable[[Sequence[Amendment]], bool], *,
             allow_duplicates: bool = False) -> list[StoreError | None]:
    """What `submit_all` would refuse of each of ``batches``, checked without writing (a
    dry run): for each, the error its recording would raise, or None. ``batches`` are the
    amendments as the store would record them (`requesting` applied); ``stored`` the
    document's amendments in the store, ``codes`` its delegations; ``sent_again`` tells
    whether a batch is a submission recorded before and still pending (`same_again`),
    asked only of a batch that would be refused (one sent again is a duplicate, not
    refused). Each batch is checked as if those before it that pass were recorded: as
    `submit` records them one by one, and as `submit_all` does up to its first refusal."""
    proposed = repeats.Proposed()
    repeats.sort_proposals(document, stored, proposed, {})
    parents = {a.id: a for a in stored}
    seen: set[str] = set()
    found: list[StoreError | None] = []
    for amendments in batches:
        digest = content_hash(document.symbol, amendments)
        error = None
        try:
            if not amendments:
                raise StoreError(f"{document.symbol}: the submission holds no amendment; "
                                 "nothing was recorded")
            if digest not in seen:
                if not allow_duplicates:
                    repeats.check_repeats(document, proposed, amendments)
                _check(document, amendments, codes, parents)
        except StoreError as refused:
            error = None if sent_again(amendments) else refused
        found.append(error)
        if error is None:
            seen.add(digest)
            proposed.update((repeats.proposal_key(document, a), "one given before it")
                            for a in amendments)
    return found


def _parents(connection: Connection, target: _Target, amendments: Sequence[Amendment],
             ) -> dict[str, Amendment]:
    """The proposals that ``amendments`` amend, as stored (by id)."""
    numbers = {mapping.amendment_number(a.amends) for a in amendments if a.amends} - {None}
    if not numbers:
        return {}
    query = mapping.amendment_query(target.document_id).where(
        tables.amendments.c.id.in_(sorted(numbers)))
    return {a.id: a for a in mapping.load_amendments(connection, query)}


def _check(document: Document, amendments: Sequence[Amendment], codes: set[str],
           parents: Mapping[str, Amendment]) -> None:
    """Refuse the submission if any amendment is made against a superseded revision
    (ConflictError) or is wrong in any other way (StoreError listing every problem)."""
    current = document.current
    assert current is not None
    old = sorted({a.revision for a in amendments
                  if (made := document.revision(a.revision)) is not None and made is not current})
    if old:
        raise ConflictError(
            f"{document.symbol}: the submission was made against {', '.join(old)}, but the "
            f"current text is {current.label} (issued since); nothing was recorded: prepare "
            f"the amendments again on {current.label}")
    problems = [f"amendment {n}: {problem}" for n, amendment in enumerate(amendments, 1)
                for problem in _problems(document, amendment, codes, parents)]
    if problems:
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        raise StoreError(f"{document.symbol}: the submission has {count}; nothing was recorded",
                         details="\n".join(problems))


def _problems(document: Document, amendment: Amendment, codes: set[str],
              parents: Mapping[str, Amendment]) -> list[str]:
    revision = document.revision(amendment.revision)
    if revision is None:
        return [f"{document.symbol} has no revision '{amendment.revision}'"]
    paragraph = revision.by_id(amendment.paragraph_id)
    problems = []
    if paragraph is None:
        problems.append(f"{revision.label} has no paragraph with id '{amendment.paragraph_id}'")
    if not amendment.proponents:
        problems.append("it has no proponent delegation")
    for role, names in (("proponent", amendment.proponents),
                        ("supporter", amendment.supporters)):
        problems += [_unknown(role, code, codes) for code in names if code not in codes]
    problems += _backing_problems(amendment)
    if amendment.status is not _S.SUBMITTED:
        problems.append(f"it is marked {amendment.status}; a submission is new amendments")
    if amendment.amends:
        problems += subamendment_problems(amendment, parents.get(amendment.amends.upper()))
    elif paragraph is not None and amendment.kind in SPAN_KINDS:
        problems += _span_problems(paragraph.label, paragraph.text, amendment)
    elif paragraph is not None and amendment.span is not None:
        if not amendment.precedes:
            problems.append(f"{paragraph.label}: a {amendment.kind} acts on the whole "
                            "paragraph and has no span")
        elif (refusal := before_refusal(list(revision), paragraph, revision.label)):
            problems.append(refusal)
    return problems


def _backing_problems(amendment: Amendment) -> list[str]:
    """A delegation named twice among the proponents or the supporters (confirmed or
    requested), or a proponent named as a supporter: the rule `support` keeps too."""
    problems = []
    backers = (*amendment.supporters, *amendment.requested)
    for role, names in (("proponent", amendment.proponents), ("supporter", backers)):
        twice = [code for code in dict.fromkeys(names) if names.count(code) > 1]
        problems += [f"{code} is named twice as a {role}; name it once" for code in twice]
    problems += [f"{code} proposes it: a proponent does not support its own amendment"
                 for code in dict.fromkeys(backers) if code in amendment.proponents]
    return problems


def _unknown(role: str, code: str, codes: set[str]) -> str:
    """Why ``code`` (a proponent or supporter) is not a delegation of the store."""
    if (twin := characters.code_twin(code, codes)) is not None:
        return (f"{role} '{code}' is not a known delegation: it is {twin} "
                f"{characters.twin_said(code, twin)} ({characters.CODES_COMPARED})")
    if (why := characters.code_problem(code)) is not None:
        return f"{role} '{code}' is not a delegation code: {why}"
    return (f"{role} '{code}' is not a known delegation: add it first "
            f"(drafting delegation add {code})")


def _span_problems(label: str, text: str, amendment: Amendment) -> list[str]:
    span = amendment.span
    if span is None:
        return [f"{label}: a {amendment.kind} needs the span of text it changes"]
    if span.end > len(text):
        return [f"{label}: its span {span.start}..{span.end} runs past the paragraph's end "
                f"({len(text)} characters)"]
    if amendment.kind is not _K.INSERT and text[span.start:span.end] != amendment.old_text:
        return [f"{label}: the words at {span.start}..{span.end} are "
                f"'{text[span.start:span.end]}', not '{amendment.old_text}'"]
    return []


def requesting(amendment: Amendment, recorded_by: str) -> Amendment:
    """``amendment`` as a store that requires tokens records it from ``recorded_by``: each
    supporter it names but ``recorded_by`` itself is requested, until it confirms (no
    delegation speaks in another's name)."""
    named = (*amendment.supporters, *amendment.requested)
    return replace(amendment, supporters=tuple(c for c in named if c == recorded_by),
                   requested=tuple(c for c in named if c != recorded_by))
