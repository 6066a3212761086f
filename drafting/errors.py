"""Every error `drafting` raises on purpose.

One root, so a caller can catch everything we mean with one ``except``::

    DraftingError                 anything drafting refuses to do
    ├── InputError                a file or text we were given is not usable
    │   ├── BracketError          unbalanced or stray square brackets
    │   ├── LabelError            a paragraph label we cannot read or extend
    │   └── ReaderError           a file that cannot be read (format, encoding)
    │       └── LimitError        a file past one of the input limits (drafting.limits)
    ├── AmendmentError            an amendment that cannot be placed
    │   ├── TextNotFound          the quoted text is not in the paragraph
    │   ├── AmbiguousText         the quoted text occurs more than once
    │   └── StaleError            the words it amended changed under it
    └── StoreError                (drafting/store/errors.py) the record cannot do it
        ├── SchemaError           no store yet, or one older/newer than the code
        ├── NotFoundError         unknown document, delegation or amendment
        ├── ConflictError         a write that would contradict the record
        └── AccessError           a store that requires tokens was not given the right one

Each message says what is wrong, where, and - when there is one - what to do.
Errors that point into a text also carry ``details``: extra lines (an excerpt
with a caret) that a front end may print under the message.
"""

from __future__ import annotations

import unicodedata


class DraftingError(Exception):
    """The root of every error drafting raises on purpose."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details

    def __str__(self) -> str:
        return self.message


class InputError(DraftingError):
    """A file or text we were given is not usable as it is."""


class BracketError(InputError):
    """Square brackets that do not pair up: an unclosed ``[`` or a stray ``]``.

    ``paragraph`` is the label of the paragraph (or "" when unknown) and
    ``offset`` the 0-based character position of the fault in its text.
    """

    def __init__(self, message: str, *, paragraph: str, offset: int, details: str = "") -> None:
        super().__init__(message, details=details)
        self.paragraph = paragraph
        self.offset = offset


class LabelError(InputError):
    """A paragraph label that cannot be read, or has no free successor."""


class ReaderError(InputError):
    """A file that cannot be read; the message names the file and the place."""


class LimitError(ReaderError):
    """A file (or a text in it) past one of the input limits of `drafting.limits`:
    refused before the expensive work starts; the message names the file, the place
    and the limit."""


class AmendmentError(DraftingError):
    """An amendment that cannot be placed on the text it names."""


class TextNotFound(AmendmentError):
    """The quoted text does not occur in the paragraph."""


class AmbiguousText(AmendmentError):
    """The quoted text occurs more than once; an occurrence number is needed."""


class StaleError(AmendmentError):
    """The words an amendment changed were themselves changed since it was made.

    The message is the reason, fit to show beside the amendment.
    """


def excerpt(text: str, offset: int, width: int = 30) -> str:
    """Return two lines: up to ``width`` characters either side of ``offset``,
    and a caret under the character at ``offset``.

    Line breaks and tabs in the excerpt are shown as spaces so the caret stays
    under the right character; wide characters count as two columns. An
    ``offset`` at the end of ``text`` puts the caret just past the last character.
    """
    start = max(0, offset - width)
    end = min(len(text), offset + width)
    prefix = "..." if start > 0 else ""
    suffix = "..." if end < len(text) else ""
    shown = "".join(" " if c in "\n\r\t" else c for c in text[start:end])
    line = f"  {prefix}{shown}{suffix}"
    caret = " " * (2 + len(prefix) + _display_width(shown[: offset - start])) + "^"
    return f"{line}\n{caret}"


def _display_width(text: str) -> int:
    """Terminal columns taken by ``text``: wide (CJK) characters take two,
    combining marks none, so the caret lines up under Chinese or Arabic too."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width
