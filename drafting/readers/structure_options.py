"""Options as `drafting.readers.structure` reads them: "Option 1: ..." / "Option 2: No
text" blocks, and a paragraph labelled ``OP7 Alt`` (or typed "7 alt."), are the
alternatives of one paragraph, kept as its ``options`` (its text becomes adjacent
brackets ``[first][second]``, "No text" an empty one)."""

from __future__ import annotations

import re
from dataclasses import replace

from drafting.model import ParagraphKind
from drafting.model.labels import Label
from drafting.readers.blocks import Block, Role, RoleKind
from drafting.readers.draft_labels import DraftParagraph
from drafting.readers.lines import option_text
from drafting.readers.result import ReadWarning


class OptionBlocks:
    """The part of the structure's reader (`drafting.readers.structure`) that reads
    options. The reader holds the state (``drafts``, ``roles``, ``warnings``, ``section``,
    ``option_open``) and gives ``_host``, ``_add`` and ``_unlabelled``."""

    drafts: list[DraftParagraph]
    roles: list[Role]
    warnings: list[ReadWarning]
    section: str
    option_open: bool

    def _options(self, index: int, block: Block, label: Label | None, rest: str, skip: int,
                 option: re.Match[str]) -> None:
        """An "Option N:" block: the first opens a paragraph (labelled, or carrying on a
        labelled paragraph with no text of its own); later ones add alternatives, until
        another "Option 1:" opens the next paragraph."""
        text = rest if label is not None else block.text
        body = text[option.end():]
        first = option["n"].casefold() in ("1", "a")  # "Option 1:" opens another paragraph
        if label is None and self.option_open and self._host >= 0 and not first:
            self._option(index, body, skip + option.end())
            return
        host = self.drafts[self._host] if self._host >= 0 else None
        if label is None and host is not None and not host.text and host.options is None \
                and host.label.kind is ParagraphKind.OPERATIVE:
            host.options = [option_text(body)]  # "3." on its own, then "Option 1: ..."
            self.roles[index] = Role(RoleKind.LINE, self._host, option.end(), "", option=True)
        else:
            own = label if label is not None else self._unlabelled(index, block)
            self._add(index, RoleKind.PARAGRAPH, skip + option.end(),
                      DraftParagraph(own, "", block.where, 0, self.section, [option_text(body)]))
            self.roles[index] = replace(self.roles[index], option=True)
        self.option_open = True

    def _option(self, index: int, text: str, skip: int, label_alt: bool = False,
                host: int | None = None) -> None:
        """Add an alternative to the paragraph before (or ``host``: the one an "OP2 Alt"
        names)."""
        host = self._host if host is None else host
        draft = self.drafts[host]
        if draft.options is None:
            draft.options = [draft.text]
        draft.options.append(option_text(text))
        self.roles[index] = Role(RoleKind.LINE, host, skip, "", option=True)
        self.option_open = not label_alt

    def _alternative_of(self, label: Label, block: Block) -> int | None:
        """The paragraph an "OP2 Alt" (or "2 alt.") block is an alternative of: the one
        its label names in this section (OP2, never the OP2 bis before it), with a
        warning where another stands between them; None where there is none."""
        named = next((i for i in range(len(self.drafts) - 1, -1, -1)
                      if self.drafts[i].section == self.section and
                      self.drafts[i].label == label), None)
        if named is not None and named != self._host:
            self.warnings.append(ReadWarning(block.where, (
                f"{label} Alt stands after {self.drafts[self._host].label}, not right "
                f"after {label}: read as an alternative of {label}, the paragraph its "
                "number names")))
        return named
