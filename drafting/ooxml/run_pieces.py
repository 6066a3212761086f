"""The pieces a reading of Word paragraphs gives (`drafting.ooxml.runs`): stretches of
text with one revision state, the revision mark they stand in, and a paragraph's pieces
with its texts with every change rejected or accepted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from drafting.model.marks import Style

NORMAL, INSERTED, DELETED = "normal", "inserted", "deleted"
"""The states of a piece: in both texts, only in the proposed text, only in the original."""
CHANGE, MOVE = "change", "move"
"""The kinds of revision mark: ``w:ins``/``w:del``, or ``w:moveTo``/``w:moveFrom``."""


@dataclass(frozen=True, slots=True)
class Change:
    """One revision mark: ``state`` is "inserted" or "deleted", ``kind`` "change" or
    "move". ``author``, ``date`` (UTC) and ``change_id`` are None when the file omits them."""

    state: str
    author: str | None
    date: datetime | None
    change_id: str | None
    kind: str = CHANGE


@dataclass(frozen=True, slots=True)
class RunPiece:
    """A stretch of a paragraph's text with one revision state.

    ``state`` is "normal", "inserted" or "deleted"; ``author``, ``date`` and ``change_id``
    come from the revision mark (None for normal text, or when the mark lacks them);
    ``kind`` is "" for normal text, "change" or "move". ``comment_ids`` are the comments
    whose range covers the piece. ``inside`` is set on a deletion made inside an
    insertion: that insertion. Such a piece is `cancelled`: in neither text.
    """

    text: str
    state: str = NORMAL
    author: str | None = None
    date: datetime | None = None
    change_id: str | None = None
    comment_ids: tuple[str, ...] = ()
    kind: str = ""
    inside: Change | None = None
    styles: frozenset[Style] = frozenset()
    """The inline formatting an inserted piece was typed in (italic, bold, ...), from its
    runs' own properties and character styles; empty for other pieces, which the draft
    gives their form."""

    def with_text(self, text: str) -> RunPiece:
        """The same piece with ``text`` (quicker than `dataclasses.replace`)."""
        return RunPiece(text, self.state, self.author, self.date, self.change_id,
                        self.comment_ids, self.kind, self.inside, self.styles)

    @property
    def cancelled(self) -> bool:
        """True for text inserted and deleted again: it is in neither text."""
        return self.inside is not None

    @property
    def in_original(self) -> bool:
        """True if the piece is in the text with every change rejected."""
        return self.inside is None and self.state in _ORIGINAL

    @property
    def in_proposed(self) -> bool:
        """True if the piece is in the text with every change accepted."""
        return self.state in _PROPOSED


_ORIGINAL, _PROPOSED = frozenset({NORMAL, DELETED}), frozenset({NORMAL, INSERTED})


class _Once:
    """A property worked out on first use and kept in the instance (as
    `functools.cached_property`, without the lock it takes in Python 3.11)."""

    def __init__(self, function: Any) -> None:
        self.function, self.name, self.__doc__ = function, function.__name__, function.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.function(instance)
        return value


@dataclass(frozen=True)
class ParagraphRead:
    """A Word paragraph read: its pieces in order and its paragraph mark (a piece with
    no text whose state is that of the mark: "normal", "inserted" or "deleted")."""

    pieces: tuple[RunPiece, ...]
    mark: RunPiece

    @_Once
    def original(self) -> str:
        """The paragraph's text with every change rejected (normal + deleted pieces)."""
        return original_text(self.pieces)

    @_Once
    def proposed(self) -> str:
        """The paragraph's text with every change accepted (normal + inserted pieces)."""
        return proposed_text(self.pieces)


def original_text(pieces: Iterable[RunPiece]) -> str:
    """The text of ``pieces`` with every change rejected."""
    return "".join([p.text for p in pieces if p.inside is None and p.state in _ORIGINAL])


def proposed_text(pieces: Iterable[RunPiece]) -> str:
    """The text of ``pieces`` with every change accepted."""
    return "".join([p.text for p in pieces if p.state in _PROPOSED])
