"""Text a delegation's copy formats as hidden (``w:vanish``, on the run or through its
styles: `drafting.ooxml.run_styles`; Word shows it only with "Show hidden text"). The
readers leave hidden text out, as the import does: words inserted hidden propose
nothing, and words of the draft made hidden read as deleted. Neither goes unsaid
(`hidden_warnings`): what a word processor may show, or print, differs from what is read."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.run_styles import VANISH, RunStyles
from drafting.ooxml.runs import is_hidden
from drafting.readers.result import ReadWarning

_R, _INSERTED, _RT = qn("w:r"), (qn("w:ins"), qn("w:moveTo")), qn("w:rt")
_TEXT = (qn("w:t"), qn("w:delText"))


def hidden_warnings(name: str, body: Any, paragraphs: Sequence[Any | None],
                    texts: Collection[str], styles: RunStyles | None = None,
                    ) -> list[ReadWarning]:
    """A warning for each of ``paragraphs`` (the copy's Word paragraphs, None for a
    footnote's place, numbered from 1 as the reader names them) holding hidden words that
    were inserted (tracked) or that ``texts`` (the revision's) hold: not read. ``styles``:
    the copy's styles that hide or strike words, if any (`run_styles`)."""
    if styles is None and next(body.iter(VANISH), None) is None:  # nearly always
        return []
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None or (next(paragraph.iter(VANISH), None) is None and (
                styles is None or not styles.touches(paragraph))):
            continue
        hidden = _hidden(paragraph, styles)
        inserted = _words(r for r in hidden if _inserted(r, paragraph))
        kept = _words(r for r in hidden if not _inserted(r, paragraph))
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


def _hidden(paragraph: Any, styles: RunStyles | None) -> list[Any]:
    """The hidden runs of ``paragraph`` holding text (not a phonetic guide's)."""
    runs = [run for run in paragraph.iter(_R) if next(run.iterchildren(*_TEXT), None)
            is not None and next(run.iterancestors(_RT), None) is None]
    if styles is None:
        return [run for run in runs if is_hidden(run)]
    given = styles.paragraph(paragraph)
    return [run for run in runs if styles.on(run, given, (VANISH,))]


def _inserted(run: Any, paragraph: Any) -> bool:
    """Whether ``run`` is inside a tracked insertion of ``paragraph``."""
    for ancestor in run.iterancestors():
        if ancestor is paragraph:
            return False
        if ancestor.tag in _INSERTED:
            return True
    return False


def _words(runs: Any) -> str:
    return "".join(t.text or "" for run in runs for t in run.iterchildren(*_TEXT))


def _quoted(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[:limit - 3] + '...'}'"
