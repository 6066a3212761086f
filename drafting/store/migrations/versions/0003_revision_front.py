"""What stands before a revision's paragraphs: its front matter lines and its chapeau.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

One new table, ``revision_front``; existing revisions get no rows (they had no
front matter and no chapeau). On PostgreSQL the roles that may read
``revision_labels`` (the delegation roles of `drafting.store.postgres_roles`)
may read the new table too, so that an upgrade does not lock them out of the
documents before the roles are granted again.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
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
    """Create ``revision_front``; on PostgreSQL, let whoever reads revision_labels read it."""
    op.create_table(
        "revision_front",
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.CheckConstraint("role IN ('front', 'chapeau')", name=op.f("ck_revision_front_role")),
        sa.ForeignKeyConstraint(["revision_id"], ["revisions.id"],
                                name=op.f("fk_revision_front_revision_id_revisions")),
        sa.PrimaryKeyConstraint("revision_id", "position", name=op.f("pk_revision_front")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for (grantee,) in bind.exec_driver_sql(_READERS).fetchall():
            op.execute(f"GRANT SELECT ON revision_front TO {grantee}")


def downgrade() -> None:
    """Back to 0002: every revision's front matter and chapeau are dropped."""
    op.drop_table("revision_front")
