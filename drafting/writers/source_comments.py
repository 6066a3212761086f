"""Comments a merged draft written into the secretariat's own document makes: a
proposal's reasons and supporters, and what its paragraphs cannot show as tracked
changes (`drafting.writers.docx_source`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.engine.segments import Credit, MergedParagraph
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.weave import Edit
from drafting.writers.docx_merged import MergedWriter
from drafting.writers.unshown import unshown


class SourceComments(MergedWriter):
    """The template writer's comments, anchored on the source's own runs."""

    comments_made: bool
    unshown: list[str]

    def _comment(self, first: Any, last: Any, lines: Sequence[str], stamp: Stamp) -> None:
        if first.getparent() is not last.getparent():
            first = last
        if first.getparent() is None or first.tag == qn("w:p"):  # a whole new paragraph
            return
        self.marks.comment(first, last, lines, stamp, later=True)  # at `finish`, in one parse
        self.comments_made = True

    def _unplaced(self, paragraph: Any, entry: MergedParagraph,
                  lost: Sequence[Edit] | None = None) -> None:
        """The proposals the document cannot show as tracked changes (those ``lost``
        touches; for None, all: its words cannot be found one by one), each named in a
        comment on ``paragraph`` by its delegation, and kept for the warning."""
        for credit, words in unshown(entry, lost):
            self._comment_paragraph(paragraph, [f"Not shown as a tracked change: {words}"],
                                    self.stamp(credit))
            who = f" ({', '.join(credit.proponents)})" if credit.proponents else ""
            self.unshown.append(f"{entry.paragraph.label}{who}: {words}")

    def _comment_paragraph(self, paragraph: Any, lines: Sequence[str], stamp: Stamp) -> None:
        runs = paragraph.findall(qn("w:r"))
        if runs:
            self._comment(runs[0], runs[-1], lines, stamp)


def note_lines(credit: Credit) -> list[str]:
    """What a comment on a proposal says: its reasons, and who supports it."""
    lines = list(credit.reasons)
    if credit.supporters:
        lines.append(f"Supported by {', '.join(credit.supporters)}.")
    return lines
