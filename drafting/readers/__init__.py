"""Readers: files in the formats delegations use -> the model (plus warnings).

``read_draft(path)`` picks the draft reader by the file's extension;
``load_submission`` reads a delegation's JSON submission and checks it whole.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from drafting.errors import ReaderError
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import DocxSubmission, read_docx_submission
from drafting.readers.result import ZERO_DRAFT, ReadResult, ReadWarning
from drafting.readers.submission import (
    Submission,
    SubmissionError,
    check_submission,
    load_submission,
    read_submission,
    read_submission_text,
)
from drafting.readers.textfile import read_text, read_text_file

READERS: dict[str, Callable[[Path], ReadResult]] = {
    ".md": read_text_file,
    ".markdown": read_text_file,
    ".txt": read_text_file,
    ".docx": read_docx_draft,
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


__all__ = [
    "READERS",
    "ZERO_DRAFT",
    "DocxSubmission",
    "ReadResult",
    "ReadWarning",
    "Submission",
    "SubmissionError",
    "check_submission",
    "load_submission",
    "read_docx_draft",
    "read_docx_submission",
    "read_draft",
    "read_submission",
    "read_submission_text",
    "read_text",
    "read_text_file",
]
