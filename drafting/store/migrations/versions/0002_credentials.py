"""Who may write: settings, credentials (tokens as salted hashes), database roles, and
the delegation that recorded each submission.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

A store made by 0001 stays open (no token needed) until `drafting init --secure`.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_SUBMITTER_FK = "fk_submissions_delegation_delegations"


def _recreate() -> str:
    # SQLite cannot add a foreign key in place: batch mode copies the table
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    """Add the settings, credentials and role tables, and submissions.delegation."""
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "credentials",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("delegation_code", sa.String(length=100), nullable=True),
        sa.Column("scheme", sa.String(length=60), nullable=False),
        sa.Column("salt", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=128), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["delegation_code"], ["delegations.code"],
                                name=op.f("fk_credentials_delegation_code_delegations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_credentials")),
    )
    op.create_index(op.f("ix_credentials_delegation_code"), "credentials",
                    ["delegation_code"], unique=False)
    op.create_table(
        "role_delegations",
        sa.Column("role_name", sa.String(length=63), nullable=False),
        sa.Column("delegation_code", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["delegation_code"], ["delegations.code"],
                                name=op.f("fk_role_delegations_delegation_code_delegations")),
        sa.PrimaryKeyConstraint("role_name", name=op.f("pk_role_delegations")),
    )
    with op.batch_alter_table("submissions", recreate=_recreate()) as batch:
        batch.add_column(sa.Column("delegation", sa.String(length=100), nullable=True))
        batch.create_foreign_key(op.f(_SUBMITTER_FK), "delegations", ["delegation"], ["code"])


def downgrade() -> None:
    """Back to 0001: tokens, settings and role mappings are dropped (the store is open)."""
    with op.batch_alter_table("submissions", recreate=_recreate()) as batch:
        batch.drop_constraint(op.f(_SUBMITTER_FK), type_="foreignkey")
        batch.drop_column("delegation")
    op.drop_table("role_delegations")
    op.drop_index(op.f("ix_credentials_delegation_code"), table_name="credentials")
    op.drop_table("credentials")
    op.drop_table("settings")
