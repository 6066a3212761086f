"""The comments over each piece of a Word copy's text, as `drafting.ooxml.runs` reads
them: the ranges open (``w:commentRangeStart`` met, its ``w:commentRangeEnd`` not yet),
within the limits `drafting.limits.MAX_OPEN_COMMENTS` and `MAX_COMMENT_MARKS`.

Each piece carries the ids of the comments over it. They were copied out at every start
and end, and onto a piece at every lone reference: a copy opening thousands of ranges
one after the other, a letter between each, took time and memory growing with their
square (10,000 in a 70 KB file: 7.8 s and 470 MB). Now the ids are copied only when a
piece takes them, and a copy past the limits is refused as soon as it passes them.
"""

from __future__ import annotations

from drafting.limits import MAX_COMMENT_MARKS, MAX_OPEN_COMMENTS, too_many_comments


class OpenComments:
    """The comment ranges open where the text is being read, and the count of comments
    carried by the pieces read so far."""

    def __init__(self) -> None:
        self._open: dict[str, None] = {}
        self._ids: tuple[str, ...] | None = ()
        self._carried = 0

    def __bool__(self) -> bool:
        return bool(self._open)

    def start(self, comment_id: str) -> None:
        """A range opens (LimitError past `MAX_OPEN_COMMENTS` open at once)."""
        self._open[comment_id] = None
        self._ids = None
        if len(self._open) > MAX_OPEN_COMMENTS:
            raise too_many_comments(len(self._open), MAX_OPEN_COMMENTS,
                                    "open at one place of its text")

    def end(self, comment_id: str | None) -> None:
        """A range closes (an end with no start is left alone)."""
        if comment_id in self._open:
            del self._open[comment_id]
            self._ids = None

    @property
    def ids(self) -> tuple[str, ...]:
        """The open comments' ids, in the order they opened (one tuple while none opens
        or closes, so that the pieces read meanwhile share it)."""
        if self._ids is None:
            self._ids = tuple(self._open)
        return self._ids

    def marked(self, ids: tuple[str, ...] | list[str], comment_id: str) -> list[str]:
        """``ids``, carried by the piece just read, with ``comment_id`` (a comment with a
        reference but no range: never open, so the piece takes no more text and its ids
        grow in place rather than being copied at each such comment)."""
        ids = ids if isinstance(ids, list) else list(ids)
        ids.append(comment_id)
        self.carry(1)
        return ids

    def carry(self, count: int) -> None:
        """Count ``count`` more comments carried by a piece (LimitError past
        `MAX_COMMENT_MARKS` in all, or `MAX_OPEN_COMMENTS` on one piece)."""
        if count > MAX_OPEN_COMMENTS:
            raise too_many_comments(count, MAX_OPEN_COMMENTS, "marked on one piece of its text")
        self._carried += count
        if self._carried > MAX_COMMENT_MARKS:
            raise too_many_comments(self._carried, MAX_COMMENT_MARKS,
                                    "over the pieces of its text, counted once a piece")
