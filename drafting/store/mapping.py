"""Rows <-> the model's dataclasses, written out by hand; and the loaders that use them.

Nothing here decides anything: it reads rows into `Document`, `Delegation` and
`Amendment` values, and turns those values into rows. A document loads in four
queries (document, revisions, label tables, paragraph versions) and a list of
amendments in three, however many paragraphs or amendments there are.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, select
from sqlalchemy.orm import Session

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
from drafting.store.errors import NotFoundError
from drafting.store.payloads import utc
from drafting.store.tables import (
    AmendmentRow,
    DelegationRow,
    DocumentRow,
    LabelChangeRow,
    MembershipRow,
    ParagraphRow,
    ParagraphVersionRow,
    ProponentRow,
    RevisionRow,
    SupporterRow,
)

_ID = re.compile(r"\s*A(\d+)\s*", re.IGNORECASE)
_LISTED = 20  # symbols or codes named in a "not found" message


def amendment_id(number: int) -> str:
    """The id an amendment is known by: ``A1``, ``A2``, ..."""
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


def find_document(session: Session, symbol: str) -> DocumentRow:
    """The row of document ``symbol``; NotFoundError lists the symbols there are."""
    row = session.scalars(select(DocumentRow).where(DocumentRow.symbol == symbol)).first()
    if row is None:
        symbols = list(session.scalars(select(DocumentRow.symbol).order_by(DocumentRow.id)))
        raise NotFoundError(f"there is no document '{symbol}' in the store; known: "
                            f"{known(symbols)}")
    return row


def load_document(session: Session, row: DocumentRow) -> Document:
    """The whole document: every revision, oldest first, paragraphs in order."""
    revisions = list(session.scalars(
        select(RevisionRow).where(RevisionRow.document_id == row.id)
        .order_by(RevisionRow.position)))
    tables: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for change in session.scalars(
        select(LabelChangeRow).join(RevisionRow, LabelChangeRow.revision_id == RevisionRow.id)
        .where(RevisionRow.document_id == row.id)
        .order_by(LabelChangeRow.revision_id, LabelChangeRow.position)
    ):
        tables[change.revision_id].append((change.old_label, change.new_label))
    paragraphs: dict[int, list[Paragraph]] = defaultdict(list)
    version = ParagraphVersionRow
    for found in session.execute(
        select(version.revision_id, version.label, version.kind, version.text, version.status,
               version.level, ParagraphRow.key)
        .join(ParagraphRow, version.paragraph_id == ParagraphRow.id)
        .where(ParagraphRow.document_id == row.id)
        .order_by(version.revision_id, version.position)
    ):  # columns, not ORM objects: a long text has thousands of paragraph versions
        paragraphs[found.revision_id].append(paragraph_from_row(found, found.key))
    return Document(row.symbol, row.title, tuple(
        Revision(r.label, tuple(paragraphs[r.id]), created_at=utc(r.created_at),
                 label_table=tuple(tables[r.id]))
        for r in revisions
    ))


def paragraph_from_row(row: Any, key: str) -> Paragraph:
    """A paragraph version (a `ParagraphVersionRow`, or a result row with its label, kind,
    text, status and level) as the model's `Paragraph` (``key`` is its stable id)."""
    return Paragraph(key, row.label, ParagraphKind(row.kind), row.text,
                     ParagraphStatus(row.status), row.level)


def paragraph_version_row(revision_id: int, position: int, paragraph_id: int,
                          paragraph: Paragraph) -> ParagraphVersionRow:
    """The row of ``paragraph`` at ``position`` in a revision."""
    return ParagraphVersionRow(
        revision_id=revision_id, position=position, paragraph_id=paragraph_id,
        label=paragraph.label, kind=str(paragraph.kind), text=paragraph.text,
        status=str(paragraph.status), level=paragraph.level)


def paragraph_version_values(revision_id: int, position: int, paragraph_id: int,
                             paragraph: Paragraph) -> dict[str, Any]:
    """`paragraph_version_row` as column values, for bulk inserts."""
    return {"revision_id": revision_id, "position": position, "paragraph_id": paragraph_id,
            "label": paragraph.label, "kind": str(paragraph.kind), "text": paragraph.text,
            "status": str(paragraph.status), "level": paragraph.level}


def label_change_rows(revision_id: int, table: Iterable[tuple[str, str]]) -> list[LabelChangeRow]:
    """The rows of a revision's label table, in order."""
    return [LabelChangeRow(revision_id=revision_id, position=n, old_label=old, new_label=new)
            for n, (old, new) in enumerate(table)]


# Delegations


def load_delegations(session: Session) -> list[Delegation]:
    """Every delegation, by code, with group members in their order."""
    members: dict[str, list[str]] = defaultdict(list)
    for group, member in session.execute(
            select(MembershipRow.group_code, MembershipRow.member_code)
            .order_by(MembershipRow.group_code, MembershipRow.position)):
        members[group].append(member)
    return [
        Delegation(code, name, DelegationKind(kind), tuple(members[code]))
        for code, name, kind in session.execute(
            select(DelegationRow.code, DelegationRow.name, DelegationRow.kind)
            .order_by(DelegationRow.code))
    ]


def delegation_rows(delegation: Delegation, at: datetime) -> list[Any]:
    """The rows of one delegation: itself and its members."""
    return [
        DelegationRow(code=delegation.code, name=delegation.name, kind=str(delegation.kind),
                      created_at=at),
        *(MembershipRow(group_code=delegation.code, position=n, member_code=member)
          for n, member in enumerate(delegation.members)),
    ]


# Amendments


_AMENDMENT_COLUMNS = (
    AmendmentRow.id, AmendmentRow.kind, AmendmentRow.span_start, AmendmentRow.span_end,
    AmendmentRow.anchor_start, AmendmentRow.anchor_end, AmendmentRow.old_text,
    AmendmentRow.new_text, AmendmentRow.reason, AmendmentRow.submitted_by,
    AmendmentRow.submitted_at, AmendmentRow.status)


def amendment_query(document_id: int | None) -> Select[Any]:
    """The columns of amendments that `load_amendments` reads, with their paragraph's stable
    id (``key``) and their revision's label (``label``). Columns rather than ORM objects:
    thousands of amendments load several times faster."""
    query = (
        select(*_AMENDMENT_COLUMNS, ParagraphRow.key, RevisionRow.label)
        .join(ParagraphRow, AmendmentRow.paragraph_id == ParagraphRow.id)
        .join(RevisionRow, AmendmentRow.revision_id == RevisionRow.id)
        .order_by(AmendmentRow.id)
    )
    return query if document_id is None else query.where(AmendmentRow.document_id == document_id)


def filtered(query: Select[Any], *, statuses: Collection[AmendmentStatus] | None = None,
             delegations: Collection[str] | None = None,
             paragraph_id: str | None = None) -> Select[Any]:
    """``query`` narrowed to the statuses, proponents and paragraph given (None: any)."""
    if statuses is not None:
        query = query.where(AmendmentRow.status.in_([str(s) for s in statuses]))
    if delegations is not None:
        proposed = select(ProponentRow.amendment_id).where(
            ProponentRow.delegation_code.in_(list(delegations)))
        query = query.where(AmendmentRow.id.in_(proposed))
    if paragraph_id is not None:
        query = query.where(ParagraphRow.key == paragraph_id)
    return query


def load_amendments(session: Session, query: Select[Any]) -> list[Amendment]:
    """The amendments ``query`` (from `amendment_query`) selects, in id order. Columns
    only, so through the connection: the ORM's result machinery would add nothing but
    time (about half the load of thousands of amendments)."""
    connection = session.connection()
    found = list(connection.execute(query))
    if not found:
        return []
    ids = query.with_only_columns(AmendmentRow.id).order_by(None)
    proponents = _codes(connection, ProponentRow, ids)
    supporters = _codes(connection, SupporterRow, ids)
    return [
        amendment_from_row(row, row.key, row.label, proponents[row.id], supporters[row.id])
        for row in found
    ]


def _codes(connection: Connection, table: type[ProponentRow] | type[SupporterRow],
           ids: Select[Any]) -> dict[int, tuple[str, ...]]:
    codes: dict[int, list[str]] = defaultdict(list)
    for number, code in connection.execute(
            select(table.amendment_id, table.delegation_code)
            .where(table.amendment_id.in_(ids)).order_by(table.amendment_id, table.position)):
        codes[number].append(code)
    return defaultdict(tuple, {key: tuple(value) for key, value in codes.items()})


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def amendment_from_row(row: Any, paragraph_key: str, revision_label: str,
                       proponents: tuple[str, ...], supporters: tuple[str, ...]) -> Amendment:
    """An amendment (an `AmendmentRow`, or a result row of `amendment_query`) as the
    model's `Amendment`."""
    return Amendment(
        id=amendment_id(row.id),
        kind=AmendmentKind(row.kind),
        paragraph_id=paragraph_key,
        revision=revision_label,
        proponents=proponents,
        span=_span(row.span_start, row.span_end),
        anchor=_span(row.anchor_start, row.anchor_end),
        old_text=row.old_text,
        new_text=row.new_text,
        supporters=supporters,
        reason=row.reason,
        submitted_by=row.submitted_by,
        submitted_at=utc(row.submitted_at),
        status=AmendmentStatus(row.status),
    )


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
        "submitted_by": amendment.submitted_by, "submitted_at": amendment.submitted_at,
        **place_values(amendment)}
    return ([own],
            [{"amendment_id": number, "position": n, "delegation_code": code}
             for n, code in enumerate(amendment.proponents)],
            [{"amendment_id": number, "position": n, "delegation_code": code}
             for n, code in enumerate(amendment.supporters)])
