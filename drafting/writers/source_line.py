"""A paragraph of the secretariat's document as the merged draft's segment writer sees it:
its segments (plain, inserted, deleted, a comment) as edits of the paragraph's own text,
for `drafting.ooxml.weave` to make real tracked changes of (`docx_source`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.engine.anchoring import word_character
from drafting.engine.equivalent import CLOSING
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

    def inserted(self, runs: Sequence[Run], stamp: Stamp, *, bracket: bool = False,
                 ) -> list[int]:
        """``runs`` put in here; a ``bracket`` ("[", "] ") is upright (`Edit.upright`)."""
        text = "".join(run.text for run in runs)
        return self._add(Edit(self.offset, self.offset, stamp, text, self.deleter,
                              marks=marks_of(runs), upright=bracket)) if text else []

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
    spaces ("a  report"; the space before where words put in after them open with one),
    the space before words deleted at the end of a line or before a closing mark
    ("resolution [within existing resources];"), as the revision makes it
    (`drafting.engine.equivalent.joined`). A deletion by ``deleter`` (the whole
    paragraph's), a space another edit changes or stands against (a replacement's
    deletion, its words typed right after: "its ~~session.~~ meeting."), and a bracket
    deleted alone stay."""
    taken = list(edits)
    for number, edit in enumerate(edits):
        start, end = edit.start, edit.end
        if edit.text or start == end or edit.stamp is deleter or \
                text[start:end].strip() != text[start:end]:
            continue
        left, right = _beside(edits, number, text)
        closed = right in ("", "\n") or (
            right in CLOSING and any(map(word_character, text[start:end])))
        after = right == " " == text[end:end + 1] and _free(taken, end, end + 1, edit, end)
        before = left == " " == text[start - 1:start] and \
            _free(taken, start - 1, start, edit, start)
        if after and (left in _LINE_START or not left):
            taken[number] = replace(edit, end=end + 1)
        elif before and (closed or right == " "):
            taken[number] = replace(edit, start=start - 1)
    return taken


_LINE_START = " \n\t"
"""What stands before words deleted at the start of a line, or after a space."""


def _beside(edits: Sequence[Edit], number: int, text: str) -> tuple[str, str]:
    """The characters that stand before and after deletion ``edits[number]`` once every
    edit is accepted: the end of words put in right before it, or of the text ("" at
    the line's start), and the start of words put in right after it, or of the text."""
    edit = edits[number]
    previous = edits[number - 1] if number else None
    following = edits[number + 1] if number + 1 < len(edits) else None
    left = previous.text[-1] if previous is not None and previous.text and \
        previous.start == previous.end == edit.start else text[edit.start - 1:edit.start]
    right = following.text[0] if following is not None and following.text and \
        following.start == following.end == edit.end else text[edit.end:edit.end + 1]
    return left, right


def _free(edits: Sequence[Edit], start: int, end: int, own: Edit, near: int) -> bool:
    """Whether no edit of ``edits`` but ``own`` changes ``start:end``, nor puts words in
    at ``near`` (between that space and ``own``)."""
    return not any(other is not own and (
        other.start < end and start < other.end if other.start < other.end
        else other.start == near or start < other.start < end) for other in edits)
