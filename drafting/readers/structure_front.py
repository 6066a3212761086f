"""The front matter, the title and the chapeau as `drafting.readers.structure` reads them:
what stands before the chapeau (or, without one, before a first paragraph typed
``PP1``) is front matter, but the block in a title style (else the last one), which is
the title. A title followed by more front matter is a warning: the draft keeps the title
apart, and the text as shown and written puts it after the front matter."""

from __future__ import annotations

from collections.abc import Callable

from drafting.model import ParagraphKind
from drafting.model.labels import Label
from drafting.readers.blocks import Block, Role, RoleKind
from drafting.readers.lines import FOOTNOTE, chapeau_like
from drafting.readers.result import ReadWarning


class FrontMatter:
    """The part of the structure's reader (`drafting.readers.structure`) that reads what
    stands before the paragraphs. The reader holds ``blocks``, ``roles`` and ``warnings``
    and gives ``_label`` and ``_notes``."""

    blocks: list[Block]
    roles: list[Role]
    warnings: list[ReadWarning]
    _label: Callable[[int], tuple[Label | None, str, int]]
    _notes: Callable[[Block, str], None]

    def _front(self) -> int:
        """Mark the blocks before the paragraphs; the index of the first paragraph block."""
        filled = [i for i, b in enumerate(self.blocks) if b.text]
        first = next((i for i in filled if self._opens_paragraph(i)), None)
        filled = [i for i in filled if not self.blocks[i].table or first is None or i < first]
        chapeau = next((i for i in filled if (first is None or i < first)
                        and chapeau_like(self.blocks[i].text)), None)
        if chapeau is None:
            if first is None or self._label(first)[0] is None or \
                    self._label(first)[0].kind is not ParagraphKind.PREAMBULAR:
                self._title_only(filled)
                return 0
            end = first
        else:
            self.roles[chapeau] = Role(RoleKind.CHAPEAU)
            end = chapeau
        before = [i for i in filled if i < end]
        titled = next((i for i in before if self.blocks[i].title_style), None)
        front = [i for i in before if not self.blocks[i].table
                 and not FOOTNOTE.match(self.blocks[i].text)]  # nor its note
        last = front[-1] if front else None
        title = titled if titled is not None else last
        for i in before:
            self.roles[i] = Role(RoleKind.TITLE if i == title else RoleKind.FRONT)
            if not self.blocks[i].table:  # a table up there is the front matter's own
                self._notes(self.blocks[i], "in the front matter")
        if title is not None and (later := [i for i in before if i > title and i in front]):
            self._title_before(title, later)
        return end + (chapeau is not None)

    def _title_before(self, title: int, later: list[int]) -> None:
        """A warning that the title stands before lines of the front matter (``later``),
        which the text as shown and written puts before it."""
        many = f"{len(later)} lines" if len(later) > 1 else "a line"
        self.warnings.append(ReadWarning(self.blocks[title].where, (
            f"the title ({self.blocks[title].text!r}) stands before {many} of the front "
            f"matter ({self.blocks[later[0]].text!r}); the title is kept apart, so the "
            "text as shown, compiled and exported puts it after the front matter (a Word "
            "document written from this one keeps its order)")))

    def _title_only(self, filled: list[int]) -> None:
        """No front matter: a leading block in a title style is the title."""
        if filled and self.blocks[filled[0]].title_style:
            self.roles[filled[0]] = Role(RoleKind.TITLE)

    def _opens_paragraph(self, index: int) -> bool:
        block = self.blocks[index]
        if block.heading or block.title_style or block.table or FOOTNOTE.match(block.text):
            return False
        if self._label(index)[0] is not None:
            return True
        return block.number is not None and block.number.level == 0 and block.number.decimal
