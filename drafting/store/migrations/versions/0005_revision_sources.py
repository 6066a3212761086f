"""The Word file each revision came from: its source, byte for byte, with its SHA-256.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

One new table, ``revision_sources``; existing revisions get no rows (their sources
were not kept). On PostgreSQL the roles that may read ``revision_labels`` (the
delegation roles of `drafting.store.postgres_roles`) may read the new table too, so
that an upgrade does not lock them out of ``drafting verify`` before the roles are
granted again; none may write it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_READERS = """
SELECT DISTINCT CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                     ELSE quote_ident(pg_get_userbyid(a.grantee)) END
FROM pg_class c, aclexplode(c.relacl) a
WHERE c.oid = to_regclass('revision_labels') AND a.privilege_type = 'SELECT'
  AND a.grantee <> c.relowner
"""


def upgrade() -> None:
    """Create ``revision_sources``; on PostgreSQL, let whoever reads revision_labels read it."""
    op.create_table(
        "revision_sources",
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=30), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("format IN ('docx')", name=op.f("ck_revision_sources_format")),
        sa.ForeignKeyConstraint(["revision_id"], ["revisions.id"],
                                name=op.f("fk_revision_sources_revision_id_revisions")),
        sa.PrimaryKeyConstraint("revision_id", name=op.f("pk_revision_sources")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for (grantee,) in bind.exec_driver_sql(_READERS).fetchall():
            op.execute(f"GRANT SELECT ON revision_sources TO {grantee}")


def downgrade() -> None:
    """Back to 0004: every revision's source is dropped (its events still name it, so
    ``drafting verify`` reports it missing)."""
    op.drop_table("revision_sources")
