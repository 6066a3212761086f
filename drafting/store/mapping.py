"""Rows <-> the model's dataclasses, written out by hand; and the loaders that use them.

Nothing here decides anything: it reads rows into `Document`, `Delegation` and
`Amendment` values, and turns those values into rows. A document loads in five
queries (document, revisions, label tables, front matter and chapeaux, paragraph
versions) and a list of amendments in three, however many paragraphs or
amendments there are.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Row, Select, Table, select

from drafting.lazy_re import lazy_compile
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Delegation,
    DelegationKind,
    Document,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
    Span,
)
from drafting.model.marks import normalised
from drafting.store import tables
from drafting.store.errors import NotFoundError
from drafting.store.payloads import marks_from, marks_json, utc

FRONT, CHAPEAU, AFTER_TITLE = tables.FRONT_ROLES
_ID = lazy_compile(r"\s*A([1-9][0-9]{0,17})\s*", re.IGNORECASE)
"""An amendment id: ASCII digits (not look-alikes, "A١"), no leading zero, within a
database integer."""
_LISTED = 20  # symbols or codes named in a "not found" message


def amendment_id(number: int) -> str:
    """The id an amendment is known by: ``A1``, ``A2``, ... (`_Converter` spells it
    too)."""
    return f"A{number}"


def amendment_number(text: str) -> int | None:
    """The number in an amendment id (``A12`` or ``a12`` -> 12), or None if it is not one."""
    match = _ID.fullmatch(text)
    return int(match.group(1)) if match else None


def known(items: Sequence[str]) -> str:
    """A short list of what is known, for messages."""
    if not items:
        return "none yet"
    shown = ", ".join(items[:_LISTED])
    return shown + (f" and {len(items) - _LISTED} more" if len(items) > _LISTED else "")


# Documents


def find_document(connection: Connection, symbol: str) -> Row[Any]:
    """The row of document ``symbol`` (of ``documents``); NotFoundError lists the symbols
    there are."""
    document = tables.documents.c
    try:
        row = connection.execute(select(tables.documents)
                                 .where(document.symbol == symbol)).first()
    except Exception as error:
        _refuse_damaged(connection, error, [(tables.documents, document.symbol == symbol)])
        raise
    if row is None:
        symbols = list(connection.scalars(select(document.symbol).order_by(document.id)))
        raise NotFoundError(f"there is no document '{symbol}' in the store; known: "
                            f"{known(symbols)}")
    return row


def load_document(connection: Connection, row: Row[Any]) -> Document:
    """The whole document (``row`` of ``documents``): every revision, oldest first,
    paragraphs in order. RecordMismatch naming a row of it changed behind drafting's
    back that cannot be read."""
    try:
        return _load_document(connection, row)
    except Exception as error:
        revision, paragraph = tables.revisions.c, tables.paragraphs.c
        revisions = select(revision.id).where(revision.document_id == row.id)
        paragraphs = select(paragraph.id).where(paragraph.document_id == row.id)
        _refuse_damaged(connection, error, [
            (tables.revisions, revision.document_id == row.id),
            (tables.revision_labels, tables.revision_labels.c.revision_id.in_(revisions)),
            (tables.revision_front, tables.revision_front.c.revision_id.in_(revisions)),
            (tables.paragraphs, paragraph.document_id == row.id),
            (tables.paragraph_versions,
             tables.paragraph_versions.c.paragraph_id.in_(paragraphs))])
        raise


def _load_document(connection: Connection, row: Row[Any]) -> Document:
    revision, change, version = (tables.revisions.c, tables.revision_labels.c,
                                 tables.paragraph_versions.c)
    revisions = list(connection.execute(
        select(revision.id, revision.label, revision.created_at)
        .where(revision.document_id == row.id).order_by(revision.position)))
    label_tables: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for revision_id, old, new in connection.execute(
        select(change.revision_id, change.old_label, change.new_label)
        .join_from(tables.revision_labels, tables.revisions, change.revision_id == revision.id)
        .where(revision.document_id == row.id)
        .order_by(change.revision_id, change.position)
    ):
        label_tables[revision_id].append((old, new))
    fronts = _fronts(connection, row.id)
    paragraphs: dict[int, list[Paragraph]] = defaultdict(list)
    paragraph = tables.paragraphs.c
    for found in connection.execute(
        select(version.revision_id, version.label, version.kind, version.text, version.status,
               version.level, version.marks, paragraph.key)
        .join_from(tables.paragraph_versions, tables.paragraphs,
                   version.paragraph_id == paragraph.id)
        .where(paragraph.document_id == row.id)
        .order_by(version.revision_id, version.position)
    ):
        paragraphs[found.revision_id].append(paragraph_from_row(found, found.key))
    return Document(row.symbol, row.title, tuple(
        Revision(r.label, tuple(paragraphs[r.id]), created_at=utc(r.created_at),
                 label_table=tuple(label_tables[r.id]), front_matter=fronts[r.id][0],
                 chapeau=fronts[r.id][1], after_title=fronts[r.id][2])
        for r in revisions
    ))


_Front = tuple[tuple[str, ...], str, tuple[str, ...]]


def _fronts(connection: Connection, document_id: int) -> defaultdict[int, _Front]:
    """(front matter, chapeau, lines after the title) of each revision of a document, by
    revision row id, in one query; ``((), "", ())`` for a revision with none. Should a
    revision have more than one chapeau row, they are read as lines of one chapeau (so
    `drafting.store.verify` sees the row that no event wrote)."""
    front, revision = tables.revision_front.c, tables.revisions.c
    lines: dict[int, list[str]] = defaultdict(list)
    chapeaux: dict[int, list[str]] = defaultdict(list)
    after: dict[int, list[str]] = defaultdict(list)
    for revision_id, role, text in connection.execute(
        select(front.revision_id, front.role, front.text)
        .join_from(tables.revision_front, tables.revisions, front.revision_id == revision.id)
        .where(revision.document_id == document_id)
        .order_by(front.revision_id, front.position)
    ):
        {CHAPEAU: chapeaux, AFTER_TITLE: after}.get(role, lines)[revision_id].append(text)
    found: defaultdict[int, _Front] = defaultdict(lambda: ((), "", ()))
    for revision_id in lines.keys() | chapeaux.keys() | after.keys():
        found[revision_id] = (tuple(lines[revision_id]), "\n".join(chapeaux[revision_id]),
                              tuple(after[revision_id]))
    return found


def paragraph_ids(connection: Connection, document_id: int) -> dict[str, int]:
    """The row id of each paragraph of a document, by its stable id (``key``)."""
    paragraph = tables.paragraphs.c
    return dict(connection.execute(select(paragraph.key, paragraph.id)
                                   .where(paragraph.document_id == document_id)).all())


def revision_ids(connection: Connection, document_id: int) -> dict[str, int]:
    """The row id of each revision of a document, by label."""
    revision = tables.revisions.c
    return dict(connection.execute(select(revision.label, revision.id)
                                   .where(revision.document_id == document_id)).all())


def paragraph_from_row(row: Any, key: str) -> Paragraph:
    """A paragraph version (a row with its label, kind, text, status and level) as the
    model's `Paragraph` (``key`` is its stable id)."""
    return Paragraph(key, row.label, ParagraphKind(row.kind), row.text,
                     ParagraphStatus(row.status), row.level,
                     marks_from(json.loads(row.marks)) if row.marks else ())


def paragraph_version_values(revision_id: int, position: int, paragraph_id: int,
                             paragraph: Paragraph) -> dict[str, Any]:
    """The row of ``paragraph`` at ``position`` in a revision, as column values."""
    return {"revision_id": revision_id, "position": position, "paragraph_id": paragraph_id,
            "label": paragraph.label, "kind": str(paragraph.kind), "text": paragraph.text,
            "status": str(paragraph.status), "level": paragraph.level,
            "marks": json.dumps(marks_json(paragraph.marks)) if paragraph.marks else ""}


def front_values(revision_id: int, revision: Revision) -> list[dict[str, Any]]:
    """The rows of a revision's front matter (role ``front``, in order), of the lines after
    its title (role ``after_title``) and of its chapeau (role ``chapeau``, last; no row
    when it has none), as column values."""
    rows = [{"revision_id": revision_id, "position": n, "role": role, "text": line}
            for n, (role, line) in enumerate([*((FRONT, x) for x in revision.front_matter),
                                              *((AFTER_TITLE, x) for x in revision.after_title)])]
    if revision.chapeau:
        rows.append({"revision_id": revision_id, "position": len(rows), "role": CHAPEAU,
                     "text": revision.chapeau})
    return rows


def label_change_values(revision_id: int,
                        table: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """The rows of a revision's label table, in order, as column values."""
    return [{"revision_id": revision_id, "position": n, "old_label": old, "new_label": new}
            for n, (old, new) in enumerate(table)]


# Delegations


def load_delegations(connection: Connection, *, skip: Collection[str] = ()) -> list[Delegation]:
    """Every delegation (but those whose codes are in ``skip``), by code, with group
    members in their order."""
    members: dict[str, list[str]] = defaultdict(list)
    member = tables.delegation_members.c
    for group, code in connection.execute(
            select(member.group_code, member.member_code)
            .order_by(member.group_code, member.position)):
        members[group].append(code)
    delegation = tables.delegations.c
    return [
        Delegation(code, name, DelegationKind(kind), tuple(members[code]))
        for code, name, kind in connection.execute(
            select(delegation.code, delegation.name, delegation.kind)
            .where(delegation.code.not_in(skip)).order_by(delegation.code))
    ]


def delegation_values(delegation: Delegation,
                      at: datetime) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The rows of one delegation as column values: its own, and its members' in order."""
    own = {"code": delegation.code, "name": delegation.name, "kind": str(delegation.kind),
           "created_at": at}
    return own, member_values(delegation.code, delegation.members)


def member_values(group: str, codes: Iterable[str], first: int = 0) -> list[dict[str, Any]]:
    """The rows of ``codes`` as members of ``group``, from position ``first`` on."""
    return [{"group_code": group, "position": n, "member_code": code}
            for n, code in enumerate(codes, first)]


# Amendments


_AMENDMENT_COLUMNS = [tables.amendments.c[name] for name in (
    "id", "kind", "span_start", "span_end", "anchor_start", "anchor_end", "old_text",
    "new_text", "reason", "submitted_by", "submitted_at", "status", "amends_id", "marks")]


def amendment_query(document_id: int | None) -> Select[Any]:
    """The columns of amendments that `load_amendments` reads, with their paragraph's stable
    id (``key``) and their revision's label (``label``)."""
    amendment, paragraph, revision = (tables.amendments.c, tables.paragraphs.c,
                                      tables.revisions.c)
    query = (
        select(*_AMENDMENT_COLUMNS, paragraph.key, revision.label)
        .join_from(tables.amendments, tables.paragraphs, amendment.paragraph_id == paragraph.id)
        .join(tables.revisions, amendment.revision_id == revision.id)
        .order_by(amendment.id)
    )
    return query if document_id is None else query.where(amendment.document_id == document_id)


def filtered(query: Select[Any], *, statuses: Collection[AmendmentStatus] | None = None,
             delegations: Collection[str] | None = None,
             paragraph_id: str | None = None) -> Select[Any]:
    """``query`` narrowed to the statuses, proponents and paragraph given (None: any)."""
    amendment = tables.amendments.c
    if statuses is not None:
        query = query.where(amendment.status.in_([str(s) for s in statuses]))
    if delegations is not None:
        proponent = tables.amendment_proponents.c
        proposed = select(proponent.amendment_id).where(
            proponent.delegation_code.in_(list(delegations)))
        query = query.where(amendment.id.in_(proposed))
    if paragraph_id is not None:
        query = query.where(tables.paragraphs.c.key == paragraph_id)
    return query


def load_amendments(connection: Connection, query: Select[Any]) -> list[Amendment]:
    """The amendments ``query`` (from `amendment_query`) selects, in id order; with their
    proponents and supporters, in three queries however many there are."""
    convert = _Converter()
    found = amendment_rows(connection, query)
    try:
        return [convert(row, *codes) for row, codes in found]
    except Exception as error:
        _amendments_at_fault(connection, error, query)
        raise


CodeLists = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
"""An amendment's proponents, confirmed supporters and requested supporters."""


def amendment_rows(connection: Connection, query: Select[Any]) -> list[tuple[Row[Any], CodeLists]]:
    """The rows ``query`` (from `amendment_query`) selects, in id order, each with its
    `CodeLists`: what `load_amendments` turns into amendments, for a caller that only
    compares values (in four queries however many there are)."""
    try:
        found = connection.execute(query).all()
        if not found:
            return []
        ids = query.with_only_columns(tables.amendments.c.id).order_by(None)
        proponents = _codes(connection, tables.amendment_proponents, ids)
        supporters = _codes(connection, tables.amendment_supporters, ids)
        requested = _codes(connection, tables.amendment_supporters, ids, state="requested")
    except Exception as error:
        _amendments_at_fault(connection, error, query)
        raise
    return [(row, (proponents.get(row[0], ()), supporters.get(row[0], ()),
                   requested.get(row[0], ()))) for row in found]


def _codes(connection: Connection, table: Table, ids: Select[Any],
           state: str = "confirmed") -> dict[int, tuple[str, ...]]:
    """The delegation codes of ``table`` (proponents or supporters) by amendment number;
    of supporters, those in ``state``. An amendment with none is left out."""
    codes: dict[int, list[str]] = defaultdict(list)
    column = table.c
    query = select(column.amendment_id, column.delegation_code).where(
        column.amendment_id.in_(ids)).order_by(column.amendment_id, column.position)
    if table is tables.amendment_supporters:
        query = query.where(column.state == state)
    for number, code in connection.execute(query).all():
        codes[number].append(code)
    # one tuple per distinct list: thousands of amendments share ("EU",)
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    return {key: shared.setdefault(tuple(value), tuple(value)) for key, value in codes.items()}


def _refuse_damaged(connection: Connection, error: Exception,
                    places: Sequence[tuple[Table, ColumnElement[bool] | None]]) -> None:
    """`drafting.store.damage.refuse_damaged`: RecordMismatch naming the row of ``places``
    at fault, if ``error`` comes of one changed behind drafting's back."""
    from drafting.store.damage import refuse_damaged  # not above: its rowcheck imports us

    refuse_damaged(connection, error, places)


def _amendments_at_fault(connection: Connection, error: Exception, query: Select[Any]) -> None:
    """`_refuse_damaged` for ``error``, raised reading or converting what ``query`` (from
    `amendment_query`) selects: amendments, their paragraphs, revisions, proponents and
    supporters."""
    amendment = tables.amendments.c
    ids = query.with_only_columns(amendment.id).order_by(None)
    rows_of = select(amendment.id).where(amendment.id.in_(ids))
    _refuse_damaged(connection, error, [
        (tables.amendments, amendment.id.in_(ids)),
        (tables.paragraphs, tables.paragraphs.c.id.in_(
            rows_of.with_only_columns(amendment.paragraph_id))),
        (tables.revisions, tables.revisions.c.id.in_(
            rows_of.with_only_columns(amendment.revision_id))),
        (tables.amendment_proponents, tables.amendment_proponents.c.amendment_id.in_(ids)),
        (tables.amendment_supporters, tables.amendment_supporters.c.amendment_id.in_(ids))])


_KINDS = {str(kind): kind for kind in AmendmentKind}
_STATUSES = {str(status): status for status in AmendmentStatus}


class _Converter:
    """Rows of `amendment_query` as amendments, the names and times they share read once
    (the amendments of one submission share one time). Turning rows into amendments is
    most of what loading 100,000 of them costs, so the row is unpacked by position."""

    def __init__(self) -> None:
        self.times: dict[Any, datetime] = {}

    def __call__(self, row: Any, proponents: tuple[str, ...], supporters: tuple[str, ...],
                 requested: tuple[str, ...] = ()) -> Amendment:
        (number, kind, start, end, anchor_start, anchor_end, old_text, new_text, reason,
         submitted_by, when, status, amends, marks, paragraph_key, revision_label) = row
        try:
            submitted_at = self.times[when]
        except KeyError:
            submitted_at = self.times[when] = utc(when)
        return Amendment(
            f"A{number}", _KINDS.get(kind) or AmendmentKind(kind), paragraph_key,
            revision_label, proponents,
            None if start is None or end is None else Span(start, end),
            None if anchor_start is None or anchor_end is None
            else Span(anchor_start, anchor_end),
            old_text, new_text, supporters, reason, submitted_by, submitted_at,
            _STATUSES.get(status) or AmendmentStatus(status), requested,
            "" if amends is None else f"A{amends}",
            normalised(marks_from(json.loads(marks)), len(new_text)) if marks else ())


def amendment_from_row(row: Any, paragraph_key: str, revision_label: str,
                       proponents: tuple[str, ...], supporters: tuple[str, ...],
                       requested: tuple[str, ...] = ()) -> Amendment:
    """An amendment (a row of ``amendments``, or of `amendment_query`) as the model's
    `Amendment`."""
    values = [getattr(row, column.name) for column in _AMENDMENT_COLUMNS]
    return _Converter()((*values, paragraph_key, revision_label), proponents, supporters,
                        requested)


def place_values(amendment: Amendment) -> dict[str, Any]:
    """The columns that say where an amendment stands on its revision's text (and its
    status): what a revision may change."""
    span, anchor = amendment.span, amendment.anchor
    return {
        "span_start": None if span is None else span.start,
        "span_end": None if span is None else span.end,
        "anchor_start": None if anchor is None else anchor.start,
        "anchor_end": None if anchor is None else anchor.end,
        "old_text": amendment.old_text,
        "new_text": amendment.new_text,
        "status": str(amendment.status),
    }


def amendment_values(number: int, amendment: Amendment, *, document_id: int,
                     submission_id: int, paragraph_id: int, revision_id: int,
                     ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of a new amendment as column values, for bulk inserts: its own row (a list
    of one), its proponents' and its supporters'."""
    own = {
        "id": number, "document_id": document_id, "submission_id": submission_id,
        "paragraph_id": paragraph_id, "made_against_id": revision_id,
        "revision_id": revision_id, "kind": str(amendment.kind), "reason": amendment.reason,
        "amends_id": amendment_number(amendment.amends) if amendment.amends else None,
        "submitted_by": amendment.submitted_by, "submitted_at": amendment.submitted_at,
        **({"marks": json.dumps(marks_json(amendment.marks))} if amendment.marks else {}),
        **place_values(amendment)}  # no marks: the column's default (a store before 0014)
    return ([own],
            [{"amendment_id": number, "position": n, "delegation_code": code}
             for n, code in enumerate(amendment.proponents)],
            [{"amendment_id": number, "position": n, "delegation_code": code,
              "state": "requested" if n >= len(amendment.supporters) else "confirmed"}
             for n, code in enumerate((*amendment.supporters, *amendment.requested))])


def revision_row(connection: Connection, document: Row[Any],
                  label: str | None) -> tuple[int, str]:
    """(row id, label) of revision ``label`` of ``document`` (None: the current one);
    NotFoundError listing its revisions if it has no such revision."""
    revision = tables.revisions.c
    found = connection.execute(select(revision.id, revision.label)
                               .where(revision.document_id == document.id)
                               .order_by(revision.position)).all()
    if label is None:
        return found[-1].id, found[-1].label
    for number, name in found:
        if name.casefold() == label.casefold():  # case forgiven, as `Document.revision`
            return number, name
    raise NotFoundError(f"{document.symbol} has no revision '{label}'; its revisions: "
                        f"{known([name for _, name in found])}")
