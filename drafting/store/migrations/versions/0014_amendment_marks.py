"""Inline formatting of proposed words: each amendment keeps the marks of its new text.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07

One new column, ``amendments.marks``: the italics, bold, ... a delegation typed its
proposed words in (a title in italics, inserted with Track Changes), as JSON
(``[[start, end, style], ...]`` over the new text), "" for none, which is what every
amendment stored before has.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``amendments.marks``, empty for the amendments already stored."""
    op.add_column("amendments", sa.Column("marks", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    """Drop the marks."""
    with op.batch_alter_table("amendments") as batch:
        batch.drop_column("marks")
