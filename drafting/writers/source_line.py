"""A paragraph of the secretariat's document as the merged draft's segment writer sees it:
its segments (plain, inserted, deleted, a comment) as edits of the paragraph's own text,
for `drafting.ooxml.weave` to make real tracked changes of (`docx_source`)."""

from __future__ import annotations

from collections.abc import Sequence

from drafting.ooxml.markup import Run
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
        return self._add(Edit(self.offset, self.offset, stamp, text, self.deleter)) \
            if text else []

    def deleted(self, runs: Sequence[Run], stamp: Stamp) -> list[int]:
        text = "".join(run.text for run in runs)
        return self._add(Edit(self.offset, self.offset + len(text), stamp)) if text else []

    def comment(self, at: Sequence[int], lines: Sequence[str], stamp: Stamp) -> None:
        self.comments.append((list(at), lines, stamp))

    def _add(self, edit: Edit) -> list[int]:
        self.edits.append(edit)
        self.offset = edit.end
        return [len(self.edits) - 1]
