"""Footnotes: a paragraph may be a footnote (kind 'footnote', label FN1, FN2, ...).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03

Only the CHECK on ``paragraph_versions.kind`` changes; no row changes. SQLite cannot
alter a constraint, so there the table is copied (Alembic's batch mode).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_KINDS = "'preambular', 'operative', 'heading', 'other'"


def _kinds(condition: str) -> None:
    with op.batch_alter_table("paragraph_versions") as batch:
        batch.drop_constraint(op.f("ck_paragraph_versions_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_paragraph_versions_kind"), condition)


def upgrade() -> None:
    """Allow the kind 'footnote'."""
    _kinds(f"kind IN ({_KINDS}, 'footnote')")


def downgrade() -> None:
    """Back to 0003 (refused by the database while a footnote is stored)."""
    _kinds(f"kind IN ({_KINDS})")
