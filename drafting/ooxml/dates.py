"""The dates Word's revision marks and comments carry (``w:date``), read."""

from __future__ import annotations

from datetime import UTC, datetime

from drafting.errors import ReaderError


def parse_date(value: str | None) -> datetime | None:
    """A ``w:date`` as an aware UTC datetime; None for a missing or empty one. A date
    without a zone is taken as UTC. Raises ReaderError for text that is not a date, and
    for a date that is out of range once in UTC (``0001-01-01T00:00:00+01:00``)."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise ReaderError(f"the revision date '{value}' is not a date and time") from error
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError as error:
        raise ReaderError(f"the revision date '{value}' is not a date and time (in UTC it "
                          "falls before the year 1 or after 9999)") from error
