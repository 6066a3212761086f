"""The tables of a delegation's copy that are not the draft's paragraphs
(`drafting.readers.paragraph_tables` reads those): the front matter's own table (a symbol
block), and data tables, which are no part of the text. What a copy changes in them is
named in a warning, never read as an amendment."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from drafting.ooxml import runs
from drafting.readers.copy_text import changed_words, quoted
from drafting.readers.paragraph_tables import either_text, table_layout
from drafting.readers.result import ReadWarning


def table_warnings(where: str, tables: Iterable[Any], front_text: Callable[[str], bool], *,
                   tracked: bool) -> list[ReadWarning]:
    """The warnings on ``tables`` (``w:tbl`` elements of the copy at ``where``):
    ``front_text`` tells a line of the draft's front matter; ``tracked``, whether the
    copy tracks its changes (else a change in a table cannot be told)."""
    found: list[ReadWarning] = []
    for table in tables:
        cells = runs.read_paragraphs(runs.table_paragraphs(table))
        text = " ".join(r.proposed for r in cells)
        lines = [line for r in cells for line in r.original.split("\n") if line.strip()]
        known = [front_text(line) for line in lines]
        if 2 * sum(known) > len(known):  # the front matter's own table (a symbol block):
            # most of its lines are; a data table's "2026" is in "14 October 2026" too
            if not all(known) or any(r.original != r.proposed for r in cells):
                found.append(ReadWarning(where, f"the front matter was changed "
                                         f"({quoted(text)}); only paragraphs take amendments, "
                                         "so this change was not read"))
            continue
        changed = [r for r in cells if r.original != r.proposed]
        if changed and tracked:  # say whose changes, and what they are
            authors = dict.fromkeys(p.author or "no author" for r in changed
                                    for p in r.pieces if p.state != runs.NORMAL)
            changes = "; ".join(changed_words(r.original, r.proposed) for r in changed[:5])
            found.append(ReadWarning(where, f"a table ({quoted(text)}) holds changes by "
                                     f"{', '.join(authors)} ({changes}"
                                     f"{'; ...' if len(changed) > 5 else ''}): a table is not "
                                     "part of the text, so they were not read; put proposals "
                                     "in the paragraphs"))
        elif text.strip() and not tracked:
            found.append(ReadWarning(where, f"a table ({quoted(text)}) is not part of the "
                                     "text, so nothing in it was read: a change made in it "
                                     "(without Track Changes, none can be told) is no "
                                     "proposal; put proposals in the paragraphs"))
    return found


def aside_warnings(where: str, blocks: Iterable[Any]) -> list[ReadWarning]:
    """A warning for each table of the copy read as paragraphs whose header row or
    columns after the text (proposals, comments) hold changes: none is read."""
    found: list[ReadWarning] = []
    for block in blocks:
        if block.tag != _TBL:
            continue
        layout = table_layout(block.iter(_TR), either_text)
        if layout is None or not layout.aside:
            continue
        changed = [r for r in runs.read_paragraphs(list(layout.aside))
                   if r.original != r.proposed]
        if changed:
            changes = "; ".join(changed_words(r.original, r.proposed) for r in changed[:5])
            found.append(ReadWarning(where, (
                f"the table holding the text has changes in its header or in a column "
                f"beside the text ({changes}{'; ...' if len(changed) > 5 else ''}): only "
                "the text column is the draft's, so they were not read; put proposals in "
                "the text")))
    return found


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _TR = f"{_W}tbl", f"{_W}tr"
