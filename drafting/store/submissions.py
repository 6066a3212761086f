"""Writing amendments: a submission stored whole, a withdrawal, a decision.

`submit` checks the whole submission against the document and the known
delegations before it writes anything, lists every problem at once, and
stores it under one content hash so that sending the same submission twice
records it once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, AmendmentStatus, Document
from drafting.store import mapping
from drafting.store.chain import EventKind, canonical
from drafting.store.errors import ConflictError, NotFoundError, StoreError
from drafting.store.ledger import DECISION_STATUS, record_decision, record_statuses
from drafting.store.payloads import amendment_json, submission_content
from drafting.store.session import Write
from drafting.store.tables import (
    AmendmentRow,
    DelegationRow,
    DocumentRow,
    ParagraphRow,
    ProponentRow,
    RevisionRow,
    StatusChangeRow,
    SubmissionRow,
    SupporterRow,
)

_K = AmendmentKind
_S = AmendmentStatus


@dataclass(frozen=True, slots=True)
class SubmitResult:
    """What `Store.submit` recorded.

    ``ids`` are the store's ids of the submission's amendments, in the order
    given, and ``amendments`` the amendments as stored. ``duplicate`` is True
    when the very same submission had been recorded before: nothing new was
    written and ``ids`` are the ones it got then.
    """

    ids: tuple[str, ...]
    duplicate: bool
    amendments: tuple[Amendment, ...]

    @property
    def message(self) -> str:
        """One line for people: what was recorded, or that it already was."""
        listed = ", ".join(self.ids)
        if self.duplicate:
            return f"already recorded as {listed}; nothing new was recorded"
        return f"recorded {len(self.ids)} amendment{'s' * (len(self.ids) != 1)}: {listed}"


def content_hash(symbol: str, amendments: Sequence[Amendment]) -> str:
    """The SHA-256 of a submission's normalised content (see `submission_content`)."""
    body = canonical(submission_content(symbol, list(amendments)))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def submit(write: Write, symbol: str, amendments: Sequence[Amendment], *,
           recorded_by: str | None = None) -> SubmitResult:
    """Store ``amendments`` against document ``symbol``, all of them or none;
    ``recorded_by`` is the delegation whose token recorded it (None: no token needed)."""
    return submit_all(write, symbol, [amendments], recorded_by=recorded_by)[0]


def submit_all(write: Write, symbol: str, submissions: Sequence[Sequence[Amendment]], *,
               recorded_by: str | None = None) -> list[SubmitResult]:
    """Store several submissions against document ``symbol`` in the one transaction of
    ``write``, each checked and recorded as by `submit` (its own event, its own content
    hash); one refused refuses them all. The document is loaded once for them all."""
    target: _Target | None = None
    results = []
    for amendments in submissions:
        if not amendments:
            raise StoreError(f"{symbol}: the submission holds no amendment; nothing was "
                             "recorded")
        digest = content_hash(symbol, amendments)
        earlier = write.session.scalars(
            select(SubmissionRow).where(SubmissionRow.content_hash == digest)).first()
        if earlier is not None:
            if target is not None:
                _insert_rows(write, target)  # the earlier one may be in this very pile
            stored = mapping.load_amendments(write.session, mapping.amendment_query(None).where(
                AmendmentRow.submission_id == earlier.id))
            results.append(SubmitResult(tuple(a.id for a in stored), True, tuple(stored)))
            continue
        target = target or _target(write.session, symbol)
        results.append(_record(write, target, digest, amendments, recorded_by))
    if target is not None:
        _insert_rows(write, target)
    return results


@dataclass(slots=True)
class _Target:
    """What recording submissions to one document needs, read once per transaction."""

    row: DocumentRow
    document: Document
    codes: set[str]
    paragraphs: dict[str, int]
    revisions: dict[str, int]
    next_number: int
    pending: list[tuple[int, int, Amendment]] = field(default_factory=list)
    """(event, submission row id, amendment) of amendments whose rows are still to insert."""


def _target(session: Session, symbol: str) -> _Target:
    row = mapping.find_document(session, symbol)
    paragraphs = session.execute(select(ParagraphRow.key, ParagraphRow.id)
                                 .where(ParagraphRow.document_id == row.id))
    revisions = session.execute(select(RevisionRow.label, RevisionRow.id)
                                .where(RevisionRow.document_id == row.id))
    return _Target(row, mapping.load_document(session, row),
                   set(session.scalars(select(DelegationRow.code))), dict(paragraphs.all()),
                   dict(revisions.all()),
                   (session.scalar(select(func.max(AmendmentRow.id))) or 0) + 1)


def _record(write: Write, target: _Target, digest: str, amendments: Sequence[Amendment],
            recorded_by: str | None) -> SubmitResult:
    """Check one new submission and write its event and rows."""
    document, first = target.document, target.next_number
    _check(document, amendments, target.codes)
    stored = [
        replace(a, id=mapping.amendment_id(first + n), submitted_at=write.at,
                status=_S.SUBMITTED, revision=_revision_of(document, a))
        for n, a in enumerate(amendments)
    ]
    payload = {"submission": digest, "amendments": [amendment_json(a) for a in stored]}
    if recorded_by is not None:
        payload["delegation"] = recorded_by
    seq = write.record(EventKind.SUBMIT, document.symbol, payload)
    submission = SubmissionRow(document_id=target.row.id, content_hash=digest, event_seq=seq,
                               recorded_at=write.at, delegation=recorded_by)
    write.session.add(submission)
    write.session.flush()
    target.pending += [(seq, submission.id, amendment) for amendment in stored]
    target.next_number = first + len(stored)
    return SubmitResult(tuple(a.id for a in stored), False, tuple(stored))


def _revision_of(document: Document, amendment: Amendment) -> str:
    revision = document.revision(amendment.revision)
    assert revision is not None  # checked
    return revision.label


def _insert_rows(write: Write, target: _Target) -> None:
    """The rows of the amendments pending in ``target`` (each status history starts with
    its submission's event), inserted table by table: thousands of amendments are a few
    statements, not thousands of ORM objects."""
    rows = [mapping.amendment_values(
        mapping.amendment_number(a.id) or 0, a, document_id=target.row.id,
        submission_id=submission_id, paragraph_id=target.paragraphs[a.paragraph_id],
        revision_id=target.revisions[a.revision]) for _, submission_id, a in target.pending]
    for table, index in ((AmendmentRow, 0), (ProponentRow, 1), (SupporterRow, 2)):
        _insert(write, table, [value for row in rows for value in row[index]])
    _insert(write, StatusChangeRow, [
        {"amendment_id": mapping.amendment_number(a.id), "position": 0,
         "status": str(_S.SUBMITTED), "event_seq": seq, "at": write.at}
        for seq, _, a in target.pending])
    target.pending.clear()


def _insert(write: Write, table: type[Any], values: list[dict[str, Any]]) -> None:
    """Insert rows into ``table`` in one statement (none for no rows)."""
    if values:
        write.session.execute(insert(table.__table__), values)  # Core: no ORM bookkeeping


def _check(document: Document, amendments: Sequence[Amendment], codes: set[str]) -> None:
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
                for problem in _problems(document, amendment, codes)]
    if problems:
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        raise StoreError(f"{document.symbol}: the submission has {count}; nothing was recorded",
                         details="\n".join(problems))


def _problems(document: Document, amendment: Amendment, codes: set[str]) -> list[str]:
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
        problems += [f"{role} '{code}' is not a known delegation: add it first "
                     f"(drafting delegation add {code})" for code in names if code not in codes]
    if amendment.status is not _S.SUBMITTED:
        problems.append(f"it is marked {amendment.status}; a submission is new amendments")
    if paragraph is not None and amendment.kind in SPAN_KINDS:
        problems += _span_problems(paragraph.label, paragraph.text, amendment)
    return problems


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


def _stored(session: Session, amendment_id: str) -> tuple[AmendmentRow, Amendment, str]:
    number = mapping.amendment_number(amendment_id)
    found = [] if number is None else mapping.load_amendments(
        session, mapping.amendment_query(None).where(AmendmentRow.id == number))
    if not found:
        raise NotFoundError(f"there is no amendment '{amendment_id}' in the store "
                            "(ids look like A12; `drafting amendments SYMBOL` lists them)")
    row = session.get(AmendmentRow, number)
    symbol = session.scalar(select(DocumentRow.symbol).where(DocumentRow.id == row.document_id))
    assert row is not None and symbol is not None
    return row, found[0], symbol


def withdraw(write: Write, amendment_id: str, delegation: str) -> Amendment:
    """Withdraw an amendment on behalf of ``delegation``, one of its proponents."""
    row, amendment, symbol = _stored(write.session, amendment_id)
    if delegation not in amendment.proponents:
        raise ConflictError(f"only a proponent ({', '.join(amendment.proponents)}) may "
                            f"withdraw {amendment.id}; {delegation} is not one")
    if amendment.status in (_S.WITHDRAWN, _S.ACCEPTED, _S.REJECTED):
        raise ConflictError(f"{amendment.id} was already {amendment.status}; "
                            "it cannot be withdrawn now")
    seq = write.record(EventKind.WITHDRAW, symbol,
                       {"amendment": amendment.id, "delegation": delegation})
    row.status = str(_S.WITHDRAWN)
    record_statuses(write, seq, [(row.id, _S.WITHDRAWN)])
    return replace(amendment, status=_S.WITHDRAWN)


def decide(write: Write, amendment_id: str, decision: str, note: str) -> Amendment:
    """Accept or reject an amendment still open (a stale one can only be rejected)."""
    if decision not in DECISION_STATUS:
        raise StoreError(f"'{decision}' is not a decision: use 'accept' or 'reject'")
    row, amendment, symbol = _stored(write.session, amendment_id)
    if amendment.status is _S.WITHDRAWN:
        raise ConflictError(f"{amendment.id} was withdrawn by its proponents; "
                            "it cannot be decided")
    if amendment.status in (_S.ACCEPTED, _S.REJECTED):
        raise ConflictError(f"{amendment.id} was already {amendment.status}")
    if amendment.status is _S.STALE and decision == "accept":
        raise ConflictError(f"{amendment.id} is stale (the words it changed have changed); "
                            "it can be rejected, not accepted")
    status = DECISION_STATUS[decision]
    seq = write.record(EventKind.DECIDE, symbol,
                       {"amendment": amendment.id, "decision": decision, "note": note})
    row.status = str(status)
    record_decision(write, seq, row.id, decision, note)
    record_statuses(write, seq, [(row.id, status)])
    return replace(amendment, status=status)
