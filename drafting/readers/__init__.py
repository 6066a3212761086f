"""Readers: files in the formats delegations use -> the model (plus warnings).

``read_draft(path)`` picks the reader by the file's extension.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafting.errors import ReaderError
from drafting.readers.result import ZERO_DRAFT, ReadResult, ReadWarning
from drafting.readers.textfile import read_text, read_text_file

READERS: dict[str, Callable[[Path], ReadResult]] = {
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".txt": read_text_file,
}
"""Draft readers by file extension."""


def read_draft(path: str | Path) -> ReadResult:
    """Read a draft from ``path``, choosing the reader by its extension.

    Raises ReaderError for an extension no reader takes, naming those that do.
    """
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        kind = path.suffix or "no extension"
        raise ReaderError(f"{path}: cannot read '{kind}' files; use {known}")
    return reader(path)


__all__ = ["READERS", "ZERO_DRAFT", "ReadResult", "ReadWarning", "read_draft", "read_text",
           "read_text_file"]
