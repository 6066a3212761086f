"""`Mismatch`: one thing in the store that is not as the record says (what `verify`
reports, and what the row checks and the anchors it runs report)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One thing that is not as the record says.

    ``where`` names it (``event 7``, ``amendment A3``, ``document X, revision
    'Rev.1', paragraph p4 (OP3)``, ``table amendments, row id 3``, ``receipt #12``);
    ``what`` says how it differs; ``event`` is the event concerned, when there is one.
    """

    where: str
    what: str
    event: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"
