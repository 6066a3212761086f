"""How a delegation's copy's words are named in messages, and checked, by every reader
of copies: `quoted` a text, `who` an author, `check_characters` a text's characters."""

from __future__ import annotations

from drafting import characters
from drafting.errors import ReaderError


def check_characters(where: str, text: str) -> None:
    """ReaderError naming ``where`` and the position of a character that is not text."""
    if found := characters.problem(text):
        offset, sentence = found
        raise ReaderError(f"{where}, {sentence}", details=characters.caret(text, offset))


def who(author: str | None) -> str:
    """A Word author for messages."""
    return author or "an unnamed author"


def quoted(text: str, limit: int = 60) -> str:
    """``text`` on one line, in quotes, cut to ``limit`` characters (spaces alone shown
    as they are)."""
    text = " ".join(text.split()) if text.strip() else text
    return f"'{text if len(text) <= limit else text[:limit - 3] + '...'}'"
