"""The store's tables: SQLAlchemy 2 typed declarative classes.

These rows are the store's business only; `drafting.store.mapping` turns them
into the model's dataclasses and back, and nothing outside the store sees them.

A document has revisions; a paragraph (``paragraphs``) keeps its stable id
across revisions and each revision has its own version of it
(``paragraph_versions``: position, label, kind, text, status, level). An
amendment points at the paragraph, at the revision it was made against
(``made_against_id``, never changed) and at the revision its span is now on
(``revision_id``, moved on by each revision). The ``events`` log is
append-only and hash-chained; ``chain_head`` is its single-row head, locked by
every write so that writes follow one another.

Who may write (a store that requires tokens): ``settings`` says whether it
does, ``credentials`` keeps each token as a salted hash (never the token), and
a submission remembers the delegation whose token recorded it. On a shared
PostgreSQL server ``role_delegations`` maps each database role to its
delegation, for the row-level security of `drafting.store.postgres_roles`.

Constraints are named (`NAMING`) so that Alembic's batch mode can alter them on SQLite.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from drafting.model import AmendmentKind, AmendmentStatus, DelegationKind, ParagraphKind
from drafting.model import ParagraphStatus as _PS

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names, so that migrations can find them again on every database."""

GENESIS = "0" * 64
"""The "previous hash" of the first event."""

SYMBOL = String(200)
LABEL = String(100)
CODE = String(100)
WORD = String(30)
HASH = String(64)
STAMP = DateTime(timezone=True)


def _one_of(column: str, values: Any) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({listed})"


class Base(DeclarativeBase):
    """The declarative base; its metadata carries the naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class DocumentRow(Base):
    """A negotiation text, by symbol."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    symbol: Mapped[str] = mapped_column(SYMBOL, unique=True)
    title: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(STAMP)


class RevisionRow(Base):
    """One revision of a document; ``position`` counts from 0, oldest first."""

    __tablename__ = "revisions"
    __table_args__ = (
        UniqueConstraint("document_id", "position"),
        UniqueConstraint("document_id", "label"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(LABEL)
    created_at: Mapped[datetime] = mapped_column(STAMP)


class LabelChangeRow(Base):
    """One line of a revision's label table: the old label and the new ("" if deleted)."""

    __tablename__ = "revision_labels"

    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    old_label: Mapped[str] = mapped_column(LABEL)
    new_label: Mapped[str] = mapped_column(LABEL)


class ParagraphRow(Base):
    """A paragraph's identity in a document: its stable id (``key``), across revisions."""

    __tablename__ = "paragraphs"
    __table_args__ = (UniqueConstraint("document_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    key: Mapped[str] = mapped_column(LABEL)


class ParagraphVersionRow(Base):
    """A paragraph as it stands in one revision."""

    __tablename__ = "paragraph_versions"
    __table_args__ = (
        UniqueConstraint("revision_id", "paragraph_id"),
        CheckConstraint(_one_of("kind", ParagraphKind), name="kind"),
        CheckConstraint(_one_of("status", _PS), name="status"),
    )

    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    paragraph_id: Mapped[int] = mapped_column(ForeignKey("paragraphs.id"), index=True)
    label: Mapped[str] = mapped_column(LABEL)
    kind: Mapped[str] = mapped_column(WORD)
    text: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(WORD)
    level: Mapped[int] = mapped_column(Integer)


class DelegationRow(Base):
    """A delegation, by code."""

    __tablename__ = "delegations"
    __table_args__ = (CheckConstraint(_one_of("kind", DelegationKind), name="kind"),)

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(WORD)
    created_at: Mapped[datetime] = mapped_column(STAMP)


class MembershipRow(Base):
    """One member of a group, in the order given (members need not be delegations)."""

    __tablename__ = "delegation_members"

    group_code: Mapped[str] = mapped_column(ForeignKey("delegations.code"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_code: Mapped[str] = mapped_column(CODE)


class SubmissionRow(Base):
    """One submission, known by the hash of its normalised content (for idempotence)."""

    __tablename__ = "submissions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    content_hash: Mapped[str] = mapped_column(HASH, unique=True)
    event_seq: Mapped[int] = mapped_column(Integer)
    recorded_at: Mapped[datetime] = mapped_column(STAMP)
    delegation: Mapped[str | None] = mapped_column(ForeignKey("delegations.code"))
    """The delegation whose token recorded it; None where no token was needed."""


class AmendmentRow(Base):
    """An amendment; ``id`` is its number in the store (shown as ``A<id>``)."""

    __tablename__ = "amendments"
    __table_args__ = (
        CheckConstraint(_one_of("kind", AmendmentKind), name="kind"),
        CheckConstraint(_one_of("status", AmendmentStatus), name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    submission_id: Mapped[int] = mapped_column(ForeignKey("submissions.id"), index=True)
    paragraph_id: Mapped[int] = mapped_column(ForeignKey("paragraphs.id"))
    made_against_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"))
    revision_id: Mapped[int] = mapped_column(ForeignKey("revisions.id"))
    kind: Mapped[str] = mapped_column(WORD)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    anchor_start: Mapped[int | None] = mapped_column(Integer)
    anchor_end: Mapped[int | None] = mapped_column(Integer)
    old_text: Mapped[str] = mapped_column(Text)
    new_text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    submitted_by: Mapped[str] = mapped_column(Text)
    submitted_at: Mapped[datetime] = mapped_column(STAMP)
    status: Mapped[str] = mapped_column(WORD)


class ProponentRow(Base):
    """A proponent of an amendment, in the order given."""

    __tablename__ = "amendment_proponents"

    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendments.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    delegation_code: Mapped[str] = mapped_column(ForeignKey("delegations.code"))


class SupporterRow(Base):
    """A supporter of an amendment, in the order given."""

    __tablename__ = "amendment_supporters"

    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendments.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    delegation_code: Mapped[str] = mapped_column(ForeignKey("delegations.code"))


class StatusChangeRow(Base):
    """One step of an amendment's status history, with the event that made it."""

    __tablename__ = "amendment_statuses"
    __table_args__ = (CheckConstraint(_one_of("status", AmendmentStatus), name="status"),)

    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendments.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(WORD)
    event_seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(STAMP)


class DecisionRow(Base):
    """The secretariat's decision on an amendment (by `Store.decide` or in a revision)."""

    __tablename__ = "decisions"
    __table_args__ = (CheckConstraint("decision IN ('accept', 'reject')", name="decision"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    amendment_id: Mapped[int] = mapped_column(ForeignKey("amendments.id"), index=True)
    decision: Mapped[str] = mapped_column(WORD)
    note: Mapped[str] = mapped_column(Text)
    event_seq: Mapped[int] = mapped_column(Integer)
    decided_at: Mapped[datetime] = mapped_column(STAMP)


class EventRow(Base):
    """One entry of the append-only, hash-chained event log."""

    __tablename__ = "events"
    __table_args__ = (Index(None, "document"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(STAMP)
    actor: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(WORD)
    document: Mapped[str | None] = mapped_column(SYMBOL)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(HASH)
    hash: Mapped[str] = mapped_column(HASH, unique=True)


class ChainHeadRow(Base):
    """The single row holding the last event's number and hash; writes lock it."""

    __tablename__ = "chain_head"
    __table_args__ = (CheckConstraint("id = 1", name="single"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(HASH)


class SettingRow(Base):
    """One setting of the store (``secure``: tokens are required to write)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CredentialRow(Base):
    """A token, kept as a salted hash; ``delegation_code`` None is the secretariat's.

    ``id`` is the public part of the token (``drf_<id>_<secret>``), so that a token
    finds its row without trying every hash. A revoked (or rotated) token keeps its
    row, with the time it stopped working.
    """

    __tablename__ = "credentials"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    delegation_code: Mapped[str | None] = mapped_column(ForeignKey("delegations.code"),
                                                         index=True)
    scheme: Mapped[str] = mapped_column(String(60))
    salt: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(128))
    issued_at: Mapped[datetime] = mapped_column(STAMP)
    revoked_at: Mapped[datetime | None] = mapped_column(STAMP)


class RoleRow(Base):
    """A PostgreSQL role and the delegation it acts for (see `drafting.store.postgres_roles`)."""

    __tablename__ = "role_delegations"

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    delegation_code: Mapped[str] = mapped_column(ForeignKey("delegations.code"))
