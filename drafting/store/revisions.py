"""Writing documents: an import, a new revision from the engine, a paragraph's status.

Each function runs inside one `Write` (one transaction) and appends its event;
the rows it writes say exactly what the event's payload says, so that
`drafting.store.verify` can replay one against the other. A revision's Word source
(`drafting.store.sources`) is recorded by its SHA-256, size and format only, and
only when there is one, so that events without a source read as they always did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, NamedTuple

from sqlalchemy import Connection, Row, bindparam, func, insert, select, update

from drafting.engine.revise import RevisionOutcome
from drafting.model import Amendment, AmendmentStatus, Document, ParagraphStatus, Revision
from drafting.model.document import revision_key, revision_label_problem
from drafting.store import mapping, tables
from drafting.store.chain import EventKind
from drafting.store.errors import ConflictError, NotFoundError, StoreError
from drafting.store.ledger import decision_for, record_decisions, record_statuses, revision_note
from drafting.store.payloads import amendment_json, document_json, revision_json, utc
from drafting.store.session import Write
from drafting.store.sources import SourceInfo, describe, info_json, insert_source, load_source

_SETTABLE = (ParagraphStatus.OPEN, ParagraphStatus.AGREED_AD_REF, ParagraphStatus.AGREED)
_FIXED = ("kind", "paragraph_id", "proponents", "supporters", "reason", "submitted_by",
          "amends")


def add_document(write: Write, document: Document, source: bytes | None = None) -> None:
    """Import ``document`` with all its revisions (their times default to now), and
    ``source``, the Word file it was read from, as the source of its current revision
    (the payload's ``source``: that revision's label, SHA-256, size and format)."""
    _check_document(document)
    info = None if source is None else describe(source)
    connection = write.connection
    symbol = tables.documents.c.symbol
    if connection.scalar(select(symbol).where(symbol == document.symbol)) is not None:
        raise ConflictError(f"the store already has a document '{document.symbol}'; "
                            "choose another symbol, or issue a revision of that one")
    document = replace(document, revisions=tuple(_stamped(r, write) for r in document.revisions))
    payload: dict[str, Any] = {"document": document_json(document)}
    if info is not None:
        payload["source"] = {"revision": document.revisions[-1].label, **info_json(info)}
    write.record(EventKind.IMPORT, document.symbol, payload)
    document_id = connection.execute(
        insert(tables.documents).returning(tables.documents.c.id),
        {"symbol": document.symbol, "title": document.title, "created_at": write.at},
    ).scalar_one()
    keys: dict[str, int] = {}
    ids = [_insert_revision(write, document_id, position, revision, keys)
           for position, revision in enumerate(document.revisions)]
    if source is not None and info is not None:
        insert_source(connection, ids[-1], source, info)


def _check_document(document: Document) -> None:
    if not document.symbol.strip():
        raise StoreError("a document needs a symbol (e.g. A/C.2/81/L.7) to be stored")
    if not document.revisions:
        raise StoreError(f"{document.symbol} has no revision: import it with its text "
                         "(at least a zero draft)")
    labels = [revision_key(r.label) for r in document.revisions]
    if len(set(labels)) != len(labels):
        raise StoreError(f"{document.symbol}: two revisions have the same label")
    for revision in document.revisions:
        _check_revision(document.symbol, revision)


def _check_revision(symbol: str, revision: Revision) -> None:
    if (why := revision_label_problem(revision.label)) is not None:
        raise StoreError(f"{symbol}: {why}")
    counts = Counter(p.id for p in revision.paragraphs)
    twice = sorted(i for i, n in counts.items() if n > 1)
    if twice:
        raise StoreError(f"{symbol} {revision.label}: paragraph ids used twice: "
                         f"{', '.join(twice)}; each paragraph needs its own")


def _stamped(revision: Revision, write: Write) -> Revision:
    when = write.at if revision.created_at is None else utc(revision.created_at)
    return replace(revision, created_at=when)


def _insert_revision(write: Write, document_id: int, position: int, revision: Revision,
                     keys: dict[str, int]) -> int:
    """Rows for one revision; ``keys`` maps stable paragraph ids to their rows' ids and
    gains the paragraphs this revision brings."""
    connection = write.connection
    new = [{"document_id": document_id, "key": key}
           for key in dict.fromkeys(p.id for p in revision.paragraphs) if key not in keys]
    if new:  # one statement; each new paragraph's id comes back with its key
        paragraph = tables.paragraphs.c
        keys.update(connection.execute(
            insert(tables.paragraphs).returning(paragraph.key, paragraph.id,
                                                sort_by_parameter_order=True),
            new).all())
    revision_id = connection.execute(
        insert(tables.revisions).returning(tables.revisions.c.id),
        {"document_id": document_id, "position": position, "label": revision.label,
         "created_at": revision.created_at},
    ).scalar_one()
    connection.execute(insert(tables.paragraph_versions), [  # one statement, all rows
        mapping.paragraph_version_values(revision_id, n, keys[p.id], p)
        for n, p in enumerate(revision.paragraphs)])
    if labels := mapping.label_change_values(revision_id, revision.label_table):
        connection.execute(insert(tables.revision_labels), labels)
    if front := mapping.front_values(revision_id, revision):
        connection.execute(insert(tables.revision_front), front)
    return revision_id


def add_revision(write: Write, symbol: str, outcome: RevisionOutcome,
                 source: bytes | None = None, based_on: int | None = None) -> None:
    """Store the revision the engine issued and what became of every amendment, with its
    Word source: ``source``, or else (None) the previous revision's, if it has one; the
    payload's ``source`` gives its SHA-256, size and format. ``based_on``: the number of
    the last event when the revision was prepared; ConflictError if anything was recorded
    about ``symbol`` since (`changed_since`), or if the outcome leaves out an amendment
    of that record still submitted, or decided on the current revision."""
    connection = write.connection
    row = mapping.find_document(connection, symbol)
    document = mapping.load_document(connection, row)
    revision = _stamped(outcome.revision, write)
    _check_revision(symbol, revision)
    if (existing := document.revision(revision.label)) is not None:
        raise ConflictError(f"{symbol} already has a revision '{existing.label}'; "
                            "choose a new label")
    if based_on is not None and (since := changed_since(connection, document, based_on)):
        raise ConflictError(f"{symbol}: the record changed while {revision.label} was "
                            f"prepared ({since}); nothing was recorded; run revise again")
    kept = _source_for(connection, row.id, document, source)
    labels = {r.label for r in document.revisions} | {revision.label}
    whole = None if based_on is None else document.revisions[-1].label
    changed = _changed_amendments(connection, row.id, outcome.amendments, labels, whole)
    payload: dict[str, Any] = {
        "revision": revision_json(revision),
        "amendments": [amendment_json(new) for _, new in changed],
    }
    if kept is not None:
        payload["source"] = info_json(kept[1])
    seq = write.record(EventKind.REVISE, symbol, payload).seq
    keys = mapping.paragraph_ids(connection, row.id)
    revision_id = _insert_revision(write, row.id, len(document.revisions), revision, keys)
    if kept is not None:
        insert_source(connection, revision_id, *kept)
    revision_ids = mapping.revision_ids(connection, row.id)
    _update_amendments(write, seq, changed, revision_ids, revision.label)


def _source_for(connection: Connection, document_id: int, document: Document,
                given: bytes | None) -> tuple[bytes, SourceInfo] | None:
    """The new revision's source and its description: ``given``, or the current one's."""
    if given is not None:
        return given, describe(given)
    current = document.current
    if current is None:
        return None
    where = f"{document.symbol} {current.label}"
    return load_source(connection, mapping.revision_ids(connection, document_id)[current.label],
                       where)


class _Stored(NamedTuple):
    """An amendment as the store holds it, in the values a revision checks and compares
    (texts, codes and names: the amendments were made into `Amendment` values once, for
    the engine; the store reads them again only to see that none changed since)."""

    kind: str
    paragraph_id: str
    revision: str
    places: tuple[int | None, ...]
    old_text: str
    new_text: str
    reason: str
    submitted_by: str
    status: str
    proponents: tuple[str, ...]
    supporters: tuple[str, ...]
    requested: tuple[str, ...]
    amends: str


def _as_stored(amendment: Amendment) -> _Stored:
    span, anchor = amendment.span, amendment.anchor
    return _Stored(amendment.kind, amendment.paragraph_id, amendment.revision, (
        None if span is None else span.start, None if span is None else span.end,
        None if anchor is None else anchor.start, None if anchor is None else anchor.end),
        amendment.old_text, amendment.new_text, amendment.reason, amendment.submitted_by,
        amendment.status, amendment.proponents, amendment.supporters, amendment.requested,
        amendment.amends)


def _stored(connection: Connection, document_id: int) -> dict[str, tuple[_Stored, Any]]:
    """Every amendment of a document as stored, with its submission time, by id."""
    found = {}
    for row, codes in mapping.amendment_rows(connection, mapping.amendment_query(document_id)):
        (number, kind, start, end, anchor_start, anchor_end, old_text, new_text, reason,
         submitted_by, when, status, amends, _marks, key, label) = row  # marks never move
        found[mapping.amendment_id(number)] = (_Stored(
            kind, key, label, (start, end, anchor_start, anchor_end), old_text, new_text,
            reason, submitted_by, status, *codes,
            "" if amends is None else mapping.amendment_id(amends)), when)
    return found


def _changed_amendments(connection: Connection, document_id: int, given: Iterable[Amendment],
                        labels: set[str], whole: str | None) -> list[tuple[_Stored, Amendment]]:
    """(stored, new) for each amendment the outcome changes, refusing what it may not. With
    ``whole`` (the label of the revision it is issued from), refusing too an outcome that
    leaves out an amendment still submitted, or decided on ``whole``: it would be passed
    over without a word."""
    stored = _stored(connection, document_id)  # all of them: one query, no list of ids
    given = list(given)
    if whole is not None:
        _refuse_left_out(stored, {a.id for a in given}, whole)
    changed = []
    for amendment in given:
        found = stored.get(amendment.id)
        if found is None:
            raise NotFoundError(f"the revision speaks of amendment {amendment.id}, which is not "
                                "an amendment of this document in the store")
        old, when = found
        new = _as_stored(amendment)
        _check_change(amendment.id, old, new, labels)
        if new != old:  # str and StrEnum values compare as their text
            changed.append((old, replace(amendment, submitted_at=utc(when))))
    return changed


def _refuse_left_out(stored: dict[str, tuple[_Stored, Any]], given: set[str],
                     current: str) -> None:
    """ConflictError naming the amendments a revision issued from ``current`` does not
    speak of and must: those still submitted, and those decided on ``current``."""
    decided = (AmendmentStatus.ACCEPTED, AmendmentStatus.REJECTED)
    missing = [number for number, (old, _) in stored.items() if number not in given and (
        old.status == AmendmentStatus.SUBMITTED
        or (old.status in decided and old.revision == current))]
    if missing:
        listed = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more"
                                           if len(missing) > 5 else "")
        raise ConflictError(f"the revision leaves out amendment{'s' * (len(missing) > 1)} "
                            f"{listed}, still open or decided on {current}; nothing was "
                            "recorded: prepare it again from all the amendments")


def changed_since(connection: Connection, document: Document, seq: int) -> str:
    """What was recorded about ``document`` after event ``seq`` ("A2002 submitted, A7
    accepted"), refusals left aside; "" when nothing was."""
    event = tables.events.c
    query = (select(event.kind, event.payload)
             .where(event.document == document.symbol, event.seq > seq,
                    event.kind != str(EventKind.REFUSED))
             .order_by(event.seq).limit(_TOLD + 1))
    told = [_told(kind, payload, document) for kind, payload in connection.execute(query)]
    return ", ".join(told[:_TOLD]) + (", ..." if len(told) > _TOLD else "")


_TOLD = 5
"""How many events `changed_since` tells of."""


def _told(kind: str, payload: Any, document: Document) -> str:
    """One event for a message: "A2002 submitted", "OP3 agreed", "Rev.1 issued"."""
    data = payload if isinstance(payload, dict) else {}
    amendment = str(data.get("amendment", "an amendment"))
    if kind == EventKind.SUBMIT:
        ids = [str(a.get("id")) for a in data.get("amendments", []) if isinstance(a, dict)]
        shown = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        return f"{shown or 'a submission'} submitted"
    if kind == EventKind.DECIDE:
        verdict = {"accept": "accepted", "reject": "rejected", "reopen": "reopened"}
        return f"{amendment} {verdict.get(str(data.get('decision')), 'decided')}"
    if kind == EventKind.WITHDRAW:
        return f"{amendment} withdrawn"
    if kind == EventKind.SUPPORT:
        return f"{data.get('delegation', 'a delegation')}'s support of {amendment} " + (
            "withdrawn" if data.get("withdraw") else "recorded")
    if kind == EventKind.AGREE:
        found = document.current.by_id(str(data.get("paragraph"))) if document.current else None
        return f"{found.label if found else 'a paragraph'} set {data.get('status', '')}"
    if kind == EventKind.REVISE:
        return f"{data.get('revision', {}).get('label', 'a revision')} issued"
    return f"{kind} recorded"


def _check_change(number: str, old: _Stored, new: _Stored, labels: set[str]) -> None:
    for name in _FIXED:
        if getattr(old, name) != getattr(new, name):
            raise ConflictError(f"the revision would change the {name.replace('_', ' ')} of "
                                f"amendment {number}; a revision only moves amendments on "
                                "and decides them")
    if old.status != new.status and old.status in (
            AmendmentStatus.WITHDRAWN, AmendmentStatus.ACCEPTED, AmendmentStatus.REJECTED):
        raise ConflictError(
            f"amendment {number} is {old.status} in the store but the revision has it "
            f"{new.status}: it changed after the revision was prepared; prepare it again")
    if new.revision not in labels:
        raise NotFoundError(f"the revision moves amendment {number} onto '{new.revision}', "
                            "which is not a revision of this document")


def _update_amendments(write: Write, seq: int, changed: list[tuple[_Stored, Amendment]],
                       revision_ids: dict[str, int], label: str) -> None:
    statuses = []
    decided = []
    values = []
    for old, new in changed:
        number = mapping.amendment_number(new.id)
        assert number is not None
        values.append({"number": number, "revision_id": revision_ids[new.revision],
                       **mapping.place_values(new)})
        if new.status != old.status:
            statuses.append((number, new.status))
            if (decision := decision_for(new.status)) is not None:
                decided.append((number, decision, revision_note(label)))
    if values:  # by primary key, one statement for thousands of amendments
        write.connection.execute(update(tables.amendments)
                                 .where(tables.amendments.c.id == bindparam("number")), values)
    record_decisions(write, seq, decided)
    record_statuses(write, seq, statuses)


def set_paragraph_status(write: Write, symbol: str, paragraph_id: str,
                         status: ParagraphStatus) -> bool:
    """Set a paragraph's status in the current revision; False (and no event) if it
    already had that status."""
    status = ParagraphStatus(status)
    if status not in _SETTABLE:
        raise StoreError("a paragraph is deleted by accepting an amendment that deletes it "
                         "and issuing a revision, not by setting its status")
    connection = write.connection
    row = mapping.find_document(connection, symbol)
    revision, version = tables.revisions.c, tables.paragraph_versions.c
    current = connection.execute(
        select(revision.id, revision.label).where(revision.document_id == row.id)
        .order_by(revision.position.desc()).limit(1)).one()
    found = connection.execute(
        select(version.position, version.label, version.status)
        .join_from(tables.paragraph_versions, tables.paragraphs)
        .where(version.revision_id == current.id, tables.paragraphs.c.key == paragraph_id)
    ).first()
    if found is None:
        raise NotFoundError(_no_paragraph(connection, symbol, current, paragraph_id))
    if found.status == str(status):
        return False
    if found.status == str(ParagraphStatus.DELETED):
        raise ConflictError(f"{symbol} {current.label}: paragraph {found.label} is deleted; "
                            "it cannot be agreed")
    write.record(EventKind.AGREE, symbol, {"revision": current.label,
                                           "paragraph": paragraph_id, "status": str(status)})
    connection.execute(update(tables.paragraph_versions)
                       .where(version.revision_id == current.id,
                              version.position == found.position)
                       .values(status=str(status)))
    return True


def _no_paragraph(connection: Connection, symbol: str, current: Row[Any],
                  paragraph_id: str) -> str:
    version = tables.paragraph_versions.c
    count = connection.scalar(select(func.count()).select_from(tables.paragraph_versions)
                              .where(version.revision_id == current.id))
    return (f"{symbol} {current.label} has no paragraph with id '{paragraph_id}' "
            f"(it has {count}); give the paragraph's id, not its label")
