"""The store's tables: SQLAlchemy Core `Table` objects on one `MetaData`.

These tables are the store's business only; `drafting.store.mapping` turns their
rows into the model's dataclasses and back, and nothing outside the store sees
them. Core only, no ORM: the store reads and writes with plain statements, and
every command that opens a store is spared importing ``sqlalchemy.orm`` and
mapping classes.

A document has revisions; a paragraph (``paragraphs``) keeps its stable id
across revisions and each revision has its own version of it
(``paragraph_versions``: position, label, kind, text, status, level); what
stands before its paragraphs (front matter lines, the chapeau) is in
``revision_front``, kept as it is; the Word file a revision came from (its
source) is in ``revision_sources``, with its SHA-256. An amendment points at the paragraph, at
the revision it was made against (``made_against_id``, never changed) and at
the revision its span is now on (``revision_id``, moved on by each revision).
The ``events`` log is append-only and hash-chained; ``chain_head`` is its
single-row head, locked by every write so that writes follow one another.

Who may write (a store that requires tokens): ``settings`` says whether it
does, ``credentials`` keeps each token as a salted hash (never the token), and
a submission remembers the delegation whose token recorded it. On a shared
PostgreSQL server ``role_delegations`` maps each database role to its
delegation, for the row-level security of `drafting.store.postgres_roles`.

Columns are NOT NULL unless marked ``nullable=True``. Constraints are named
(`NAMING`) so that Alembic's batch mode can alter them on SQLite. The tables a
delegation's role may write on a shared server (events, the chain head, submissions,
amendments and their proponents, supporters and statuses) refuse, on every database,
what would break their readers: an amendment number outside 1..`MAX_AMENDMENT`, a span
or anchor that is half given, negative or reversed, a span kind without a span, an
unknown kind or status, a number or position below its first, two status steps from one
event, a time Python cannot read (on SQLite, anything `date()` cannot read as a time).
On PostgreSQL, triggers (migration 0006) check the rest: each event's hash and link,
the head's move, and that the rows of a submission or a withdrawal are what its event
says; those of 0009, that only a reopening takes a decision back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from drafting.model import (
    SPAN_KINDS,
    AmendmentKind,
    AmendmentStatus,
    DelegationKind,
    ParagraphKind,
)
from drafting.model import ParagraphStatus as _PS

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Constraint names, so that migrations can find them again on every database."""

metadata = MetaData(naming_convention=NAMING)
"""Every table of the store, with the naming convention."""

GENESIS = "0" * 64
"""The "previous hash" of the first event."""

SYMBOL = String(200)
LABEL = String(100)  # names.MAX_LABEL_CHARS: a revision label is checked against it
CODE = String(100)
WORD = String(30)
HASH = String(64)
STAMP = DateTime(timezone=True)


MAX_AMENDMENT = 1_000_000
"""The highest amendment number a store gives (``A1000000``): far below the databases'
integer limit, so that numbering never overflows; the library refuses to go past it."""

EVENT_KINDS = ("import", "delegation", "submit", "withdraw", "decide", "agree", "revise",
               "members", "secure", "token", "refused", "support")
"""What an event may record (`drafting.store.chain.EventKind`, which a test holds to it)."""

DECISIONS = ("accept", "reject", "reopen")
"""What a row of ``decisions`` records: an acceptance, a rejection, or a reopening of
either (`drafting.store.reopening`)."""

SUPPORT_STATES = ("confirmed", "requested", "withdrawn")
"""The states of a supporter row (``amendment_supporters.state``)."""

FIRST_TIME, LAST_TIME = "0001-01-02", "9999-12-31"
"""Times are refused outside these (exclusive of the last): Python reads every time between,
in any time zone; PostgreSQL would keep ``infinity`` or year 20000, which no reader can."""


def _one_of(column: str, values: Any) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({listed})"


_SPAN_KINDS = ", ".join(f"'{kind}'" for kind in sorted(SPAN_KINDS))


def _span(start: str, end: str) -> str:
    """Both ends given, from 0 and forward, or neither (an unknown end passes no CHECK)."""
    return (f"({start} IS NULL AND {end} IS NULL) OR ({start} IS NOT NULL AND {end} IS NOT "
            f"NULL AND {start} >= 0 AND {start} <= {end})")


def _time(column: str) -> CheckConstraint:
    # date() is NULL for what SQLite cannot read as a time (it keeps times as text)
    return CheckConstraint(f"date({column}) IS NOT NULL AND {column} >= '{FIRST_TIME}' AND "
                           f"{column} < '{LAST_TIME}'", name=column)


def _column(name: str, *parts: Any, nullable: bool = False, **options: Any) -> Column[Any]:
    """A column of the store: NOT NULL unless ``nullable``."""
    return Column(name, *parts, nullable=nullable, **options)


documents = Table(
    "documents", metadata,
    _column("id", Integer, primary_key=True),
    _column("symbol", SYMBOL, unique=True),
    _column("title", Text),
    _column("created_at", STAMP),
)
"""Negotiation texts, by symbol."""

revisions = Table(
    "revisions", metadata,
    _column("id", Integer, primary_key=True),
    _column("document_id", Integer, ForeignKey("documents.id")),
    _column("position", Integer),  # counts from 0, oldest first
    _column("label", LABEL),
    _column("created_at", STAMP),
    UniqueConstraint("document_id", "position"),
    UniqueConstraint("document_id", "label"),
)
"""The revisions of each document."""

revision_labels = Table(
    "revision_labels", metadata,
    _column("revision_id", Integer, ForeignKey("revisions.id"), primary_key=True),
    _column("position", Integer, primary_key=True),
    _column("old_label", LABEL),
    _column("new_label", LABEL),  # "" if the paragraph was deleted
)
"""Each revision's label table, line by line: the old label and the new."""

FRONT_ROLES = ("front", "chapeau", "after_title")
"""What a row of ``revision_front`` is: a line of front matter, the chapeau, or a line
after the title (``Revision.after_title``, since 0015)."""

revision_front = Table(
    "revision_front", metadata,
    _column("revision_id", Integer, ForeignKey("revisions.id"), primary_key=True),
    _column("position", Integer, primary_key=True),  # front, after the title, the chapeau
    _column("role", WORD),
    _column("text", Text),
    CheckConstraint(_one_of("role", FRONT_ROLES), name="role"),
)
"""What stands before a revision's paragraphs, kept as it is and never negotiated: its
front matter line by line (role ``front``), the lines after the title (role
``after_title``), then its chapeau (role ``chapeau``, one row at most, none when there is
no chapeau)."""

SOURCE_FORMATS = ("docx",)
"""What a revision's source may be: a Word ``.docx`` package."""

revision_sources = Table(
    "revision_sources", metadata,
    _column("revision_id", Integer, ForeignKey("revisions.id"), primary_key=True),
    _column("format", WORD),
    _column("sha256", HASH),  # of content, lower-case hex; also in the event that stored it
    _column("size", Integer),  # bytes in content
    _column("content", LargeBinary),
    CheckConstraint(_one_of("format", SOURCE_FORMATS), name="format"),
)
"""The file a revision came from (its source), byte for byte: the ``.docx`` a draft was
imported from, and each later revision's own copy; no row for a revision whose text came
from Markdown or plain text."""

paragraphs = Table(
    "paragraphs", metadata,
    _column("id", Integer, primary_key=True),
    _column("document_id", Integer, ForeignKey("documents.id")),
    _column("key", LABEL),
    UniqueConstraint("document_id", "key"),
)
"""A paragraph's identity in a document: its stable id (``key``), across revisions."""

paragraph_versions = Table(
    "paragraph_versions", metadata,
    _column("revision_id", Integer, ForeignKey("revisions.id"), primary_key=True),
    _column("position", Integer, primary_key=True),
    _column("paragraph_id", Integer, ForeignKey("paragraphs.id"), index=True),
    _column("label", LABEL),
    _column("kind", WORD),
    _column("text", Text),
    _column("status", WORD),
    _column("level", Integer),
    _column("marks", Text, server_default=""),  # JSON [[start, end, style], ...], "" for none
    UniqueConstraint("revision_id", "paragraph_id"),
    CheckConstraint(_one_of("kind", ParagraphKind), name="kind"),
    CheckConstraint(_one_of("status", _PS), name="status"),
)
"""Each paragraph as it stands in one revision."""

delegations = Table(
    "delegations", metadata,
    _column("code", CODE, primary_key=True),
    _column("name", Text),
    _column("kind", WORD),
    _column("created_at", STAMP),
    CheckConstraint(_one_of("kind", DelegationKind), name="kind"),
)
"""Delegations, by code."""

delegation_members = Table(
    "delegation_members", metadata,
    _column("group_code", CODE, ForeignKey("delegations.code"), primary_key=True),
    _column("position", Integer, primary_key=True),
    _column("member_code", CODE),  # members need not be delegations
)
"""The members of each group, in the order given."""

submissions = Table(
    "submissions", metadata,
    _column("id", Integer, primary_key=True),
    _column("document_id", Integer, ForeignKey("documents.id")),
    _column("content_hash", HASH, unique=True),
    _column("event_seq", Integer),
    _column("recorded_at", STAMP),
    # the delegation whose token recorded it; None where no token was needed
    _column("delegation", CODE, ForeignKey("delegations.code"), nullable=True),
    CheckConstraint("event_seq >= 1", name="event_seq"),
    _time("recorded_at"),
)
"""Submissions, each known by the hash of its normalised content (for idempotence)."""

amendments = Table(
    "amendments", metadata,
    _column("id", Integer, primary_key=True, autoincrement=False),  # shown as A<id>
    _column("document_id", Integer, ForeignKey("documents.id"), index=True),
    _column("submission_id", Integer, ForeignKey("submissions.id"), index=True),
    _column("paragraph_id", Integer, ForeignKey("paragraphs.id")),
    _column("made_against_id", Integer, ForeignKey("revisions.id")),  # never changed
    _column("revision_id", Integer, ForeignKey("revisions.id")),  # moved on by revisions
    _column("kind", WORD),
    _column("span_start", Integer, nullable=True),
    _column("span_end", Integer, nullable=True),
    _column("anchor_start", Integer, nullable=True),
    _column("anchor_end", Integer, nullable=True),
    _column("old_text", Text),
    _column("new_text", Text),
    _column("reason", Text),
    _column("submitted_by", Text),
    _column("submitted_at", STAMP),
    _column("status", WORD),
    _column("amends_id", Integer, ForeignKey("amendments.id"), nullable=True),
    _column("marks", Text, server_default=""),  # JSON [[start, end, style], ...] of new_text
    CheckConstraint(_one_of("kind", AmendmentKind), name="kind"),
    CheckConstraint(_one_of("status", AmendmentStatus), name="status"),
    CheckConstraint(f"id >= 1 AND id <= {MAX_AMENDMENT}", name="number"),
    CheckConstraint(_span("span_start", "span_end"), name="span"),
    CheckConstraint(_span("anchor_start", "anchor_end"), name="anchor"),
    CheckConstraint(f"span_start IS NOT NULL OR kind NOT IN ({_SPAN_KINDS})", name="span_kind"),
    _time("submitted_at"),
)
"""Amendments; ``id`` is an amendment's number in the store (shown as ``A<id>``), from 1 to
`MAX_AMENDMENT`. ``amends_id``: for an amendment to another's proposal, that proposal (its
span is then in the proposal's new text); NULL otherwise. ``marks``: the formatting of the new
text (`Amendment.marks`), "" for none."""

amendment_proponents = Table(
    "amendment_proponents", metadata,
    _column("amendment_id", Integer, ForeignKey("amendments.id"), primary_key=True),
    _column("position", Integer, primary_key=True),
    _column("delegation_code", CODE, ForeignKey("delegations.code")),
    CheckConstraint("position >= 0", name="position"),
)
"""The proponents of each amendment, in the order given."""

amendment_supporters = Table(
    "amendment_supporters", metadata,
    _column("amendment_id", Integer, ForeignKey("amendments.id"), primary_key=True),
    _column("position", Integer, primary_key=True),
    _column("delegation_code", CODE, ForeignKey("delegations.code")),
    _column("state", WORD, server_default="confirmed"),
    CheckConstraint("position >= 0", name="position"),
    CheckConstraint(_one_of("state", SUPPORT_STATES), name="state"),
)
"""The supporters of each amendment, in the order they confirmed (those a submission names
first, then each who joined later). ``state``: ``confirmed``; ``requested`` for one named
by another delegation in a store that requires tokens, who has not confirmed yet;
``withdrawn`` for one who withdrew its support. Rows are never deleted: one who confirms
(or supports again) takes the next position, last."""

amendment_statuses = Table(
    "amendment_statuses", metadata,
    _column("amendment_id", Integer, ForeignKey("amendments.id"), primary_key=True),
    _column("position", Integer, primary_key=True),
    _column("status", WORD),
    _column("event_seq", Integer),  # the event that set it
    _column("at", STAMP),
    CheckConstraint(_one_of("status", AmendmentStatus), name="status"),
    CheckConstraint("position >= 0", name="position"),
    CheckConstraint("event_seq >= 1", name="event_seq"),
    _time("at"),
    UniqueConstraint("amendment_id", "event_seq"),
)
"""Each amendment's status history, step by step, with the event that made each step (one
step per event at most)."""

decisions = Table(
    "decisions", metadata,
    _column("id", Integer, primary_key=True),
    _column("amendment_id", Integer, ForeignKey("amendments.id"), index=True),
    _column("decision", WORD),
    _column("note", Text),
    _column("event_seq", Integer),
    _column("decided_at", STAMP),
    CheckConstraint(_one_of("decision", DECISIONS), name="decision"),
)
"""The secretariat's decisions on amendments (by `Store.decide` or in a revision), a
reopening among them."""

events = Table(
    "events", metadata,
    _column("seq", Integer, primary_key=True, autoincrement=False),
    _column("at", STAMP),
    _column("actor", Text),
    _column("kind", WORD),
    _column("document", SYMBOL, nullable=True),
    _column("payload", JSON),
    _column("prev_hash", HASH),
    _column("hash", HASH, unique=True),
    Index(None, "document"),
    CheckConstraint("seq >= 1", name="seq"),
    CheckConstraint(_one_of("kind", EVENT_KINDS), name="kind"),
    _time("at"),
)
"""The append-only, hash-chained event log."""

chain_head = Table(
    "chain_head", metadata,
    _column("id", Integer, primary_key=True, autoincrement=False),
    _column("seq", Integer),
    _column("hash", HASH),
    CheckConstraint("id = 1", name="single"),
    CheckConstraint("seq >= 0", name="seq"),
)
"""The single row (``id`` 1) holding the last event's number and hash; writes lock it."""

settings = Table(
    "settings", metadata,
    _column("key", String(100), primary_key=True),
    _column("value", Text),
)
"""The store's settings (``secure``: tokens are required to write)."""

credentials = Table(
    "credentials", metadata,
    _column("id", String(32), primary_key=True),
    _column("delegation_code", CODE, ForeignKey("delegations.code"), index=True,
            nullable=True),
    _column("scheme", String(60)),
    _column("salt", String(64)),
    _column("hash", String(128)),
    _column("issued_at", STAMP),
    _column("revoked_at", STAMP, nullable=True),
)
"""Tokens, each kept as a salted hash; ``delegation_code`` None is the secretariat's.

``id`` is the public part of the token (``drf_<id>_<secret>``), so that a token
finds its row without trying every hash. A revoked (or rotated) token keeps its
row, with the time it stopped working.
"""

role_delegations = Table(
    "role_delegations", metadata,
    _column("role_name", String(63), primary_key=True),
    _column("delegation_code", CODE, ForeignKey("delegations.code")),
)
"""The PostgreSQL roles and the delegation each acts for (`drafting.store.postgres_roles`)."""
