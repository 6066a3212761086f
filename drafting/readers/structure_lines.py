"""Lines as `drafting.readers.structure` reads them: a block that joins the paragraph
before as a line of its text (`LineJoins._line`), whether a sub-paragraph can join it
(`_can_extend`, `_between_items`), which paragraph it joins (`_host`), and the warning
for a decision's items typed on manual line breaks of one paragraph (`_joined_items`)."""

from __future__ import annotations

from drafting.engine.sublists import follows
from drafting.model import ParagraphKind
from drafting.readers.blocks import Block, Role, RoleKind
from drafting.readers.draft_labels import DraftParagraph, joined_item
from drafting.readers.lines import SUBPARAGRAPH, first_item
from drafting.readers.result import ReadWarning

_SENTENCE_ENDS = (".", ";", "\u3002", "\uff1b", "\u061b", "!", "?")
"""What ends a paragraph's sentence: a list after it is no part of it."""


class LineJoins:
    """The part of the structure's reader (`drafting.readers.structure`) that joins
    lines to paragraphs. The reader holds the state (``blocks``, ``drafts``, ``roles``,
    ``warnings``) and gives ``_last``."""

    blocks: list[Block]
    drafts: list[DraftParagraph]
    roles: list[Role]
    warnings: list[ReadWarning]

    def _last(self) -> str:
        raise NotImplementedError

    def _joined_items(self, block: Block) -> None:
        """Warn where the paragraph just read holds a decision's items on manual line
        breaks (`joined_item`: "(b)" in the Word paragraph of "(a)"): they are its lines,
        not operative paragraphs delegations can amend by label."""
        draft = self.drafts[-1]
        letter = joined_item(draft.text, draft.label if draft.lettered else None)
        if letter is not None:
            self.warnings.append(ReadWarning(block.where, (
                f"the line '{letter} ...' opens a decision's item but stands in the Word "
                f"paragraph of {self._last()} (after a manual line break), so it is read "
                "as a line of it, not as an operative paragraph of its own; put each item "
                "in a Word paragraph of its own (Enter, not Shift+Enter) and import the "
                "document again")))

    def _line(self, index: int, text: str, prefix: str) -> None:
        draft = self.drafts[self._host]
        if draft.options is not None:
            draft.options[-1] = f"{draft.options[-1]}{prefix}{text}"
        else:
            draft.text = f"{draft.text}{prefix}{text}" if draft.text else text
        self.roles[index] = Role(RoleKind.LINE, self._host, 0,
                                 prefix if draft.text or draft.options else "")

    def _can_extend(self, *, typed: str = "") -> bool:
        """Whether a sub-paragraph line can join the paragraph before: one that is not a
        heading and, for a ``typed`` "(a) ...", ends with ":" or a sub-paragraph, or holds
        the item before it ("(b)" after "(a) ...", then a line with no number), or, for
        the first of a list ("(a)", "(i)"), anywhere but at the end of a sentence ("Decides
        that", "Calls upon States, inter alia,")."""
        if self._host < 0 or self.drafts[self._host].label.kind is ParagraphKind.HEADING:
            return False
        draft = self.drafts[self._host]
        last_line = (draft.options[-1] if draft.options else draft.text).rsplit("\n", 1)[-1]
        return not typed or last_line.endswith((":", "\uff1a")) or \
            bool(SUBPARAGRAPH.match(last_line)) or _goes_on(draft.text, typed) or \
            (first_item(typed) and not last_line.rstrip().endswith(_SENTENCE_ENDS))

    def _between_items(self, index: int, typed: str) -> bool:
        """Whether block ``index`` (no item, no label) stands between two items of the
        paragraph before, a line of it: its last line an item, the next block the item
        after it, typed ("(a) ...", this line, "(b) ...") or numbered by Word below it."""
        if self._host < 0 or index + 1 >= len(self.blocks) or SUBPARAGRAPH.match(typed):
            return False
        draft = self.drafts[self._host]
        last = SUBPARAGRAPH.match(draft.text.rsplit("\n", 1)[-1]) \
            if draft.options is None and "\n" in draft.text else None
        after = self.blocks[index + 1]
        if last is None or draft.label.kind is ParagraphKind.HEADING or after.heading:
            return False
        if after.number is not None:
            return after.number.level > 0
        found = SUBPARAGRAPH.match(after.text)
        return found is not None and follows(last.group().strip(), found.group().strip())

    @property
    def _host(self) -> int:
        """The index of the paragraph a line or an option joins: the last one that is not
        a footnote (a footnote's block follows the paragraph citing it); -1 for none."""
        return next((i for i in range(len(self.drafts) - 1, -1, -1)
                     if self.drafts[i].label.kind is not ParagraphKind.FOOTNOTE), -1)


def _goes_on(text: str, typed: str) -> bool:
    """Whether the item ``typed`` opens comes next after one of ``text``'s lines."""
    found = SUBPARAGRAPH.match(typed)
    after = found.group().strip() if found else ""
    return bool(after) and any(follows(item.group().strip(), after) for line in
                               text.split("\n")[1:] if (item := SUBPARAGRAPH.match(line)))
