"""What a reading made of a text, remembered by the text: every copy of one draft (an
inbox) holds the same unchanged paragraphs, so each is read once for all of them.

Only texts up to ``longest`` characters are kept (a long one is rarely read twice, and
would hold memory), and at most ``most`` of them: past that, all are forgotten at once
and the memo fills again (cheaper than ordering them by use).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class TextMemo(Generic[V]):
    """A bounded memo of values by key (a text, or a key holding one)."""

    __slots__ = ("_found", "longest", "most")

    def __init__(self, *, most: int = 4096, longest: int = 2000) -> None:
        self._found: dict[Hashable, V] = {}
        self.most, self.longest = most, longest

    def get(self, key: Hashable) -> V | None:
        """The value kept for ``key``, or None."""
        return self._found.get(key)

    def keep(self, key: Hashable, value: V, length: int) -> None:
        """Keep ``value`` for ``key``, whose text has ``length`` characters: not when that
        is past ``longest``; the memo is emptied first when it holds ``most``."""
        if length > self.longest:
            return
        if len(self._found) >= self.most:
            self._found.clear()
        self._found[key] = value

    def clear(self) -> None:
        """Forget every value (the next file is read as the first)."""
        self._found.clear()

    def __len__(self) -> int:
        return len(self._found)

    def __contains__(self, key: object) -> bool:
        return key in self._found
