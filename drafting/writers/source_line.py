"""A paragraph of the secretariat's document as the merged draft's segment writer sees it:
its segments (plain, inserted, deleted, a comment) as edits of the paragraph's own text,
for `drafting.ooxml.weave` to make real tracked changes of (`docx_source`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.ooxml.markup import Run, marks_of
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.weave import Edit


class SourceLine:
    """A paragraph's segments as edits of its source text (offsets in the paragraph's
    text), in the shape `SegmentWriter` writes lines: plain, inserted, deleted, comment."""

    def __init__(self, deleter: Stamp | None) -> None:
        self.deleter = deleter
        self.offset = 0
        self.edits: list[Edit] = []
        self.comments: list[tuple[list[int], Sequence[str], Stamp]] = []
        self.competing: list[tuple[list[int], list[tuple[int, str]]]] = []  # `competing_items`

    def plain(self, runs: Sequence[Run]) -> list[int]:
        text = "".join(run.text for run in runs)
        if self.deleter is not None and text:
            return self._add(Edit(self.offset, self.offset + len(text), self.deleter))
        self.offset += len(text)
        return []

    def inserted(self, runs: Sequence[Run], stamp: Stamp) -> list[int]:
        text = "".join(run.text for run in runs)
        return self._add(Edit(self.offset, self.offset, stamp, text, self.deleter,
                              marks=marks_of(runs))) if text else []

    def deleted(self, runs: Sequence[Run], stamp: Stamp) -> list[int]:
        text = "".join(run.text for run in runs)
        return self._add(Edit(self.offset, self.offset + len(text), stamp)) if text else []

    def comment(self, at: Sequence[int], lines: Sequence[str], stamp: Stamp) -> None:
        self.comments.append((list(at), lines, stamp))

    def _add(self, edit: Edit) -> list[int]:
        self.edits.append(edit)
        self.offset = edit.end
        return [len(self.edits) - 1]


def spaces_taken(edits: Sequence[Edit], text: str, deleter: Stamp | None) -> list[Edit]:
    """``edits`` (on a paragraph's ``text``) with each proposal's deletion of words that
    would leave a space over, accepted, taking that space too, as Word's own cut of a
    word does: the space after words deleted at the start of a line (after a typed or
    Word's number: "Further requests" must not become " requests") or between two
    spaces ("a  report"), the space before words deleted at the end of a line. A
    deletion by ``deleter`` (the whole paragraph's) and one beside another edit stay."""
    taken = list(edits)
    for number, edit in enumerate(edits):
        if edit.text or edit.start == edit.end or edit.stamp is deleter or \
                text[edit.start:edit.end].strip() != text[edit.start:edit.end]:
            continue
        opened = edit.start == 0 or text[edit.start - 1] in _LINE_START
        closed = edit.end == len(text) or text[edit.end] == "\n"
        if text[edit.end:edit.end + 1] == " " and opened and \
                not _touched(edits, edit.end, edit.end + 1, edit):
            taken[number] = replace(edit, end=edit.end + 1)
        elif closed and edit.start > 0 and text[edit.start - 1] == " " and \
                not _touched(edits, edit.start - 1, edit.start, edit):
            taken[number] = replace(edit, start=edit.start - 1)
    return taken


_LINE_START = " \n\t"
"""What stands before words deleted at the start of a line, or after a space."""


def _touched(edits: Sequence[Edit], start: int, end: int, own: Edit) -> bool:
    """Whether an edit of ``edits`` other than ``own`` touches ``start:end``."""
    return any(other is not own and other.start <= end and start <= other.end
               for other in edits)
