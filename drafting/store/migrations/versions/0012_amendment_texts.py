"""The database refuses an amendment text the library refuses: a character that is not
text, or a text too long.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

On PostgreSQL, a CHECK constraint on ``amendments``: its old text, new text, reason and
who submitted it hold no control character but tab and line feed, no bidi embedding,
override or isolate, no non-character and no tag (as `drafting.characters.problem`
refuses; NUL and lone surrogates PostgreSQL cannot store at all), and each text is at
most 100,000 characters (`drafting.limits.MAX_PARAGRAPH_CHARS`). The library checks them
before writing; this is for a client that skips those checks, a delegation's own role on
a shared server, whose text would otherwise stop the Word compilation and merged draft.
Rows already stored are left as they are: the constraint is validated only when they all
pass it, and otherwise stays ``NOT VALID``, checking new rows (`drafting verify` names any
such text stored before).

SQLite gets nothing: it would have to copy the table, and whoever can write an SQLite
store can also drop the constraint. Values written out here, not imported: a migration
stays what it was when it shipped.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAME = "ck_amendments_texts"
_LONGEST = 100_000
_NOT_TEXT = (r"[\x01-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff"
             r"\U000e0000-\U000e007f]")
"""What `drafting.characters` refuses in a text, as a PostgreSQL regular expression."""
_COLUMNS = ("old_text", "new_text", "reason", "submitted_by")


def _check() -> str:
    return " AND ".join(f"{c} !~ '{_NOT_TEXT}' AND length({c}) <= {_LONGEST}"
                        for c in _COLUMNS)


def upgrade() -> None:
    """On PostgreSQL, the constraint (not validated against the rows stored before)."""
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        cursor = bind.connection.dbapi_connection.cursor()  # no parameters: nothing parsed
        cursor.execute(f"ALTER TABLE amendments ADD CONSTRAINT {_NAME} CHECK ({_check()}) "
                       "NOT VALID")
        cursor.execute("DO $$ BEGIN ALTER TABLE amendments VALIDATE CONSTRAINT "
                       f"{_NAME}; EXCEPTION WHEN check_violation THEN NULL; END $$")


def downgrade() -> None:
    """Back to 0011: the constraint dropped."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE amendments DROP CONSTRAINT IF EXISTS {_NAME}")
