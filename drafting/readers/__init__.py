"""Readers: files in the formats delegations use -> the model (plus warnings).

``read_draft(path)`` picks the draft reader by the file's extension;
``load_submission`` reads a delegation's JSON submission and checks it whole.

The Word readers (python-docx) and the JSON submission reader (jsonschema) are
imported on first use, so reading a Markdown draft loads neither; the text reader too,
so that a writer needing one helper of `drafting.readers.lines` loads no reader.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.errors import ReaderError
from drafting.readers.file_kinds import kind_advice
from drafting.readers.result import ZERO_DRAFT, ReadResult, ReadWarning

if TYPE_CHECKING:
    from drafting.readers.docx_draft import read_docx_draft
    from drafting.readers.docx_submission import DocxSubmission, read_docx_submission
    from drafting.readers.submission import (
        Submission,
        SubmissionError,
        check_submission,
        load_submission,
        read_submission,
        read_submission_text,
    )
    from drafting.readers.textfile import read_text, read_text_file

_HOMES = {
    "read_docx_draft": "drafting.readers.docx_draft",
    "DocxSubmission": "drafting.readers.docx_submission",
    "read_docx_submission": "drafting.readers.docx_submission",
    "Submission": "drafting.readers.submission",
    "SubmissionError": "drafting.readers.submission",
    "check_submission": "drafting.readers.submission",
    "load_submission": "drafting.readers.submission",
    "read_submission": "drafting.readers.submission",
    "read_submission_text": "drafting.readers.submission",
    "read_text": "drafting.readers.textfile",
    "read_text_file": "drafting.readers.textfile",
}
"""Where each name imported on first use lives."""


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'drafting.readers' has no attribute '{name}'")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def _read_docx_draft(path: Path) -> ReadResult:
    """`read_docx_draft`, imported when a Word draft is read."""
    from drafting.readers.docx_draft import read_docx_draft

    return read_docx_draft(path)


def _read_text_file(path: Path) -> ReadResult:
    """`read_text_file`, imported when a text draft is read."""
    from drafting.readers.textfile import read_text_file

    return read_text_file(path)


READERS: dict[str, Callable[[Path], ReadResult]] = {
    ".md": _read_text_file,
    ".markdown": _read_text_file,
    ".txt": _read_text_file,
    ".docx": _read_docx_draft,
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
        raise ReaderError(f"{path}: cannot read '{kind}' files{kind_advice(path.suffix)}; "
                          f"use {known}")
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
