"""A delegation's copy, chunk by chunk, as groups: the Word paragraphs that make one
paragraph of the original text, with the wholly inserted paragraphs around them.

A group closes at a paragraph mark that was there before the changes, so a paragraph
split by an inserted mark is one group. Word tracks a new paragraph by the mark before
it, LibreOffice by that one and the new paragraph's own mark too: a paragraph of the
revision, whole, after a mark tracked as inserted starts a group of its own, and both
read as one new paragraph. A footnote is a group of its own after the group citing it.
"""

from __future__ import annotations

from drafting.ooxml import runs
from drafting.readers.copy_chunks import Chunk
from drafting.readers.docx_copy import CopyLayout
from drafting.readers.docx_matching import Group


class CopyGroups(CopyLayout):
    """`CopyLayout` going on from chunks to groups."""

    def _groups(self, chunks: list[Chunk]) -> list[Group]:
        """The body's paragraphs as groups, and each footnote as a group of its own after
        the group of the paragraph citing it: a footnote, read between two Word paragraphs
        of the body, never joins, splits or closes one, nor is it one."""
        groups: list[Group] = []
        current, pending = Group(), []  # pending: new paragraphs before any host
        notes: list[Group] = []  # the footnotes cited in the group being read
        closed = False  # whether the body's last Word paragraph ended a group

        def close(mark: runs.RunPiece) -> None:
            nonlocal current, pending, notes
            current.before, current.closing, pending = pending, mark, []
            groups.extend([current, *notes])
            current, notes = Group(), []

        for chunk in chunks:
            if chunk.note is not None:  # it follows the paragraph citing it
                if chunk.pieces:
                    (groups if closed else notes).append(Group([chunk], closing=chunk.mark))
                continue
            if current.hosts and not chunk.new and \
                    runs.original_text(chunk.pieces).strip() in self.texts:
                close((current.after or current.hosts)[-1].mark)  # never part of it
            closed = chunk.mark.in_original
            if chunk.new:
                (current.after if current.hosts else pending).append(chunk)
            elif chunk.pieces:
                if current.after:  # text between two host parts: keep it in file order
                    current.hosts.extend(current.after)
                    current.after = []
                current.hosts.append(chunk)
            if closed:
                close(chunk.mark)
        current.before = pending
        groups += [current, *notes]
        return [g for g in groups if g.hosts or g.before or g.after]

