"""Lines between the title and the chapeau, kept in their place.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

``revision_front.role`` may now be ``after_title`` as well as ``front`` and ``chapeau``:
a line that stands after the title and before the chapeau ("Preamble", as conventions of
the ILO, UNESCO and the Council of Europe head their preamble). Rows already stored keep
their roles: a revision stored before has no line after its title.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ROLES = "role IN ('front', 'chapeau')"
_WITH_AFTER_TITLE = "role IN ('front', 'chapeau', 'after_title')"


def _roles(condition: str) -> None:
    with op.batch_alter_table("revision_front") as batch:
        batch.drop_constraint(op.f("ck_revision_front_role"), type_="check")
        batch.create_check_constraint(op.f("ck_revision_front_role"), condition)


def upgrade() -> None:
    """Let ``revision_front.role`` be ``after_title``."""
    _roles(_WITH_AFTER_TITLE)


def downgrade() -> None:
    """Back to 0014: lines after a title become front matter (role ``front``), where the
    text as shown puts them before the title."""
    op.execute("UPDATE revision_front SET role = 'front' WHERE role = 'after_title'")
    _roles(_ROLES)
