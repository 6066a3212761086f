"""Inline formatting: each paragraph version keeps its marks (italic, bold, ...).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04

One new column, ``paragraph_versions.marks``: the marks as JSON (``[[start, end, style],
...]``), "" for none, which is what every paragraph stored before has.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``paragraph_versions.marks``, empty for the paragraphs already stored."""
    op.add_column("paragraph_versions",
                  sa.Column("marks", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the marks."""
    with op.batch_alter_table("paragraph_versions") as batch:
        batch.drop_column("marks")
