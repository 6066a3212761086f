"""Reads that meet a row changed behind drafting's back: the error of a value that cannot
be read or converted (a time that is not a time, a kind that does not exist) turned into
RecordMismatch naming the table, row and column, as `rowcheck.readable` names them.

Nothing is checked before a read: a reader catches its own error, and only then are the
rows it read looked at again, one table at a time, to find the one at fault.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement, Connection, Table

from drafting.store import rowcheck
from drafting.store.errors import RecordMismatch

Place = tuple[Table, ColumnElement[bool] | None]
"""A table, and which of its rows a read took (None: all)."""

CONVERTING: tuple[type[Exception], ...] = (*rowcheck.UNREADABLE, KeyError, AttributeError)
"""What turning a row into the model's values raises over a value it cannot use."""


def refuse_damaged(connection: Connection, error: Exception, places: Sequence[Place]) -> None:
    """Raise RecordMismatch (from ``error``) naming the first row of ``places`` that is not
    what its columns promise; return if ``error`` is not such an error or no row of them is
    at fault, for the caller to raise ``error`` itself (a fault of the database, or of
    drafting; or rows that cannot be read again, the error having ended the
    transaction)."""
    if not isinstance(error, CONVERTING) and not rowcheck.unreadable(error):
        return
    try:
        for table, where in places:
            rowcheck.readable(connection, table, where, checked=True)
    except RecordMismatch as found:
        raise found from error
    except Exception:  # the rows cannot be looked at again: ``error`` stands
        return
