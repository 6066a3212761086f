"""Text a delegation's copy formats as hidden (``w:vanish``: Word shows it only with
"Show hidden text"). The readers leave hidden text out, as the import does: words
inserted hidden propose nothing, and words of the draft made hidden read as deleted.
Neither goes unsaid (`hidden_warnings`): what a word processor may show, or print, differs
from what is read."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.runs import is_hidden
from drafting.readers.result import ReadWarning

_VANISH, _R, _INS = qn("w:vanish"), qn("w:r"), qn("w:ins")
_TEXT = (qn("w:t"), qn("w:delText"))


def hidden_warnings(name: str, body: Any, paragraphs: Sequence[Any | None],
                    texts: Collection[str]) -> list[ReadWarning]:
    """A warning for each of ``paragraphs`` (the copy's Word paragraphs, None for a
    footnote's place, numbered from 1 as the reader names them) holding hidden words that
    were inserted (tracked) or that ``texts`` (the revision's) hold: not read."""
    if next(body.iter(_VANISH), None) is None:  # nearly always: nothing hidden
        return []
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None or next(paragraph.iter(_VANISH), None) is None:
            continue
        hidden = [run for run in paragraph.iter(_R) if is_hidden(run)]
        inserted = _words(r for r in hidden if r.getparent().tag == _INS)
        kept = _words(r for r in hidden if r.getparent().tag != _INS)
        where = f"{name}, paragraph {number}"
        if inserted.strip():
            found.append(ReadWarning(where, f"words inserted as hidden text ({_quoted(inserted)})"
                                     " were not read: hidden text is no part of the text; "
                                     "unhide them to propose them"))
        if kept.strip() and any(kept.strip() in text for text in texts):
            found.append(ReadWarning(where, f"words of the draft formatted as hidden text "
                                     f"({_quoted(kept)}) read as deleted, as Word shows them "
                                     "gone; unhide them if they are not to be deleted"))
    return found


def _words(runs: Any) -> str:
    return "".join(t.text or "" for run in runs for t in run.iter(*_TEXT))


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[:limit - 3] + '...'}'"
