"""Text a delegation's copy formats as hidden (``w:vanish``, on the run or through its
styles: `drafting.ooxml.run_styles`; Word shows it only with "Show hidden text"). The
readers leave hidden text out, as the import does: words inserted hidden propose
nothing, and words of the draft made hidden read as deleted. Neither goes unsaid
(`hidden_warnings`): what a word processor may show, or print, differs from what is read.

Words set in type no reader sees (white, or a point or so high) are text all the same:
Word keeps them, prints them and accepts them into the text, and an amendment, holding
words only, shows them as any others. They are read, and said (`unseen_warnings`), so
that no one takes in words nobody saw."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.run_styles import VANISH, RunStyles
from drafting.ooxml.runs import is_hidden
from drafting.readers.result import ReadWarning

_R, _INSERTED, _RT = qn("w:r"), (qn("w:ins"), qn("w:moveTo")), qn("w:rt")
_TEXT = (qn("w:t"), qn("w:delText"))
_RPR, _COLOR, _SIZE, _VAL = qn("w:rPr"), qn("w:color"), qn("w:sz"), qn("w:val")
_WHITE = frozenset({"FFFFFF", "WHITE"})
_TINY = 3
"""The size (in half-points, as ``w:sz`` gives it) at or below which no reader sees the
words: 1.5 points."""


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


def unseen_warnings(name: str, body: Any, paragraphs: Sequence[Any | None],
                    texts: Collection[str]) -> list[ReadWarning]:
    """A warning for each of ``paragraphs`` (numbered as in `hidden_warnings`) holding words
    in type a reader cannot see (module docstring), inserted or not the revision's own
    (``texts``): read as proposed all the same."""
    if not any(_out_of_sight(element) for element in body.iter(_COLOR, _SIZE)):
        return []  # nearly always: one pass over the body
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None:
            continue
        unseen = [(run, how) for run in paragraph.iter(_R) if (how := _unseen(run))]
        new = [(run, how) for run, how in unseen if _inserted(run, paragraph)
               or not any(" ".join(_words([run]).split()) in text for text in texts)]
        words = _words(run for run, _ in new)
        if words.strip():
            how = " and ".join(dict.fromkeys(how for _, how in new))
            found.append(ReadWarning(f"{name}, paragraph {number}", (
                f"words a reader cannot see, in {how} type ({_quoted(words)}), are read as "
                "proposed: Word keeps them in the text, and the merged draft shows them as "
                "any other words; check that they are meant")))
    return found


def _out_of_sight(element: Any) -> bool:
    """Whether a ``w:color`` is white or a ``w:sz`` tiny."""
    value = element.get(_VAL) or ""
    if element.tag == _COLOR:
        return value.upper() in _WHITE
    return value.isdigit() and int(value) <= _TINY


def _unseen(run: Any) -> str:
    """How ``run``'s own properties set its words out of sight ("white", "1-point"), or ""."""
    properties = run.find(_RPR)
    if properties is None or next(run.iterchildren(*_TEXT), None) is None:
        return ""
    color, size = properties.find(_COLOR), properties.find(_SIZE)
    said = ["white"] if color is not None and _out_of_sight(color) else []
    if size is not None and _out_of_sight(size):
        said.append(f"{int(size.get(_VAL)) / 2:g}-point")
    return ", ".join(said)


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
