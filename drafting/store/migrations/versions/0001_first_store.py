"""First store: documents, revisions, paragraphs, delegations, amendments, event log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Values in CHECK constraints are written out here, not imported from the model:
a migration stays what it was when it shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS = "0" * 64
AMENDMENT_STATUSES = "status IN ('submitted', 'withdrawn', 'accepted', 'rejected', 'stale')"


def _stamp(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def _int(name: str, *, autoincrement: bool | str = "auto") -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=False, autoincrement=autoincrement)


def _str(name: str, length: int) -> sa.Column:
    return sa.Column(name, sa.String(length=length), nullable=False)


def _text(name: str) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=False)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    remote_table = target.split(".")[0]
    return sa.ForeignKeyConstraint([column], [target],
                                   name=op.f(f"fk_{table}_{column}_{remote_table}"))


def _pk(table: str, *columns: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(*columns, name=op.f(f"pk_{table}"))


def _uq(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def _ck(table: str, name: str, condition: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(condition, name=op.f(f"ck_{table}_{name}"))


def _index(table: str, column: str) -> None:
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    """Create every table, and the chain head at the start of an empty log."""
    _log()
    _documents()
    _delegations()
    _amendments()


def _log() -> None:
    chain_head = op.create_table(
        "chain_head",
        _int("id", autoincrement=False),
        _int("seq"),
        _str("hash", 64),
        _ck("chain_head", "single", "id = 1"),
        _pk("chain_head", "id"),
    )
    op.bulk_insert(chain_head, [{"id": 1, "seq": 0, "hash": GENESIS}])
    op.create_table(
        "events",
        _int("seq", autoincrement=False),
        _stamp("at"),
        _text("actor"),
        _str("kind", 30),
        sa.Column("document", sa.String(length=200), nullable=True),
        sa.Column("payload", sa.JSON(), nullable=False),
        _str("prev_hash", 64),
        _str("hash", 64),
        _pk("events", "seq"),
        _uq("events", "hash"),
    )
    _index("events", "document")


def _documents() -> None:
    op.create_table(
        "documents",
        _int("id"),
        _str("symbol", 200),
        _text("title"),
        _stamp("created_at"),
        _pk("documents", "id"),
        _uq("documents", "symbol"),
    )
    op.create_table(
        "revisions",
        _int("id"),
        _int("document_id"),
        _int("position"),
        _str("label", 100),
        _stamp("created_at"),
        _fk("revisions", "document_id", "documents.id"),
        _pk("revisions", "id"),
        _uq("revisions", "document_id", "label"),
        _uq("revisions", "document_id", "position"),
    )
    op.create_table(
        "revision_labels",
        _int("revision_id"),
        _int("position"),
        _str("old_label", 100),
        _str("new_label", 100),
        _fk("revision_labels", "revision_id", "revisions.id"),
        _pk("revision_labels", "revision_id", "position"),
    )
    op.create_table(
        "paragraphs",
        _int("id"),
        _int("document_id"),
        _str("key", 100),
        _fk("paragraphs", "document_id", "documents.id"),
        _pk("paragraphs", "id"),
        _uq("paragraphs", "document_id", "key"),
    )
    op.create_table(
        "paragraph_versions",
        _int("revision_id"),
        _int("position"),
        _int("paragraph_id"),
        _str("label", 100),
        _str("kind", 30),
        _text("text"),
        _str("status", 30),
        _int("level"),
        _ck("paragraph_versions", "kind",
            "kind IN ('preambular', 'operative', 'heading', 'other')"),
        _ck("paragraph_versions", "status",
            "status IN ('open', 'agreed ad ref', 'agreed', 'deleted')"),
        _fk("paragraph_versions", "paragraph_id", "paragraphs.id"),
        _fk("paragraph_versions", "revision_id", "revisions.id"),
        _pk("paragraph_versions", "revision_id", "position"),
        _uq("paragraph_versions", "revision_id", "paragraph_id"),
    )
    _index("paragraph_versions", "paragraph_id")


def _delegations() -> None:
    op.create_table(
        "delegations",
        _str("code", 100),
        _text("name"),
        _str("kind", 30),
        _stamp("created_at"),
        _ck("delegations", "kind", "kind IN ('state', 'group', 'observer')"),
        _pk("delegations", "code"),
    )
    op.create_table(
        "delegation_members",
        _str("group_code", 100),
        _int("position"),
        _str("member_code", 100),
        _fk("delegation_members", "group_code", "delegations.code"),
        _pk("delegation_members", "group_code", "position"),
    )


def _amendments() -> None:
    op.create_table(
        "submissions",
        _int("id"),
        _int("document_id"),
        _str("content_hash", 64),
        _int("event_seq"),
        _stamp("recorded_at"),
        _fk("submissions", "document_id", "documents.id"),
        _pk("submissions", "id"),
        _uq("submissions", "content_hash"),
    )
    op.create_table(
        "amendments",
        _int("id", autoincrement=False),
        _int("document_id"),
        _int("submission_id"),
        _int("paragraph_id"),
        _int("made_against_id"),
        _int("revision_id"),
        _str("kind", 30),
        *(sa.Column(name, sa.Integer(), nullable=True)
          for name in ("span_start", "span_end", "anchor_start", "anchor_end")),
        _text("old_text"),
        _text("new_text"),
        _text("reason"),
        _text("submitted_by"),
        _stamp("submitted_at"),
        _str("status", 30),
        _ck("amendments", "kind",
            "kind IN ('replace', 'delete', 'insert', 'new paragraph', 'delete paragraph', "
            "'alternative', 'retain', 'bracket')"),
        _ck("amendments", "status", AMENDMENT_STATUSES),
        _fk("amendments", "document_id", "documents.id"),
        _fk("amendments", "made_against_id", "revisions.id"),
        _fk("amendments", "paragraph_id", "paragraphs.id"),
        _fk("amendments", "revision_id", "revisions.id"),
        _fk("amendments", "submission_id", "submissions.id"),
        _pk("amendments", "id"),
    )
    _index("amendments", "document_id")
    _index("amendments", "submission_id")
    for table in ("amendment_proponents", "amendment_supporters"):
        op.create_table(
            table,
            _int("amendment_id"),
            _int("position"),
            _str("delegation_code", 100),
            _fk(table, "amendment_id", "amendments.id"),
            _fk(table, "delegation_code", "delegations.code"),
            _pk(table, "amendment_id", "position"),
        )
    op.create_table(
        "amendment_statuses",
        _int("amendment_id"),
        _int("position"),
        _str("status", 30),
        _int("event_seq"),
        _stamp("at"),
        _ck("amendment_statuses", "status", AMENDMENT_STATUSES),
        _fk("amendment_statuses", "amendment_id", "amendments.id"),
        _pk("amendment_statuses", "amendment_id", "position"),
    )
    op.create_table(
        "decisions",
        _int("id"),
        _int("amendment_id"),
        _str("decision", 30),
        _text("note"),
        _int("event_seq"),
        _stamp("decided_at"),
        _ck("decisions", "decision", "decision IN ('accept', 'reject')"),
        _fk("decisions", "amendment_id", "amendments.id"),
        _pk("decisions", "id"),
    )
    _index("decisions", "amendment_id")


def downgrade() -> None:
    """Drop every table (and with them everything recorded)."""
    for table in ("decisions", "amendment_statuses", "amendment_supporters",
                  "amendment_proponents", "amendments", "submissions", "delegation_members",
                  "delegations", "paragraph_versions", "paragraphs", "revision_labels",
                  "revisions", "documents", "events", "chain_head"):
        op.drop_table(table)
