"""Options as `drafting.readers.structure` reads them: "Option 1: ..." / "Option 2: No
text" blocks, a paragraph labelled ``OP7 Alt`` (or typed "7 alt."), and "Alt 1: ..." /
"Alt 2: ..." lines under a paragraph (its own text the first option) are the
alternatives of one paragraph, kept as its ``options`` (its text becomes adjacent
brackets ``[first][second]``, "No text" an empty one).

Options laid out as blocks of paragraphs, as chairs' texts of treaties lay them out
("Option 1" on a line of its own, then its paragraphs "1.", "2."; "Option 2", then its
"1."), cannot be one paragraph's alternatives (the blocks differ in length): each
"Option N" line is a heading, and where the blocks number their paragraphs from 1
again, it opens a section of its own within the article: ``5 OPTION 1``, whose
paragraphs are ``5 OPTION 1.1``, ``5 OPTION 1.2``, and Option 2's ``5 OPTION 2.1``.
Choosing one is deleting the others' paragraphs and headings.

The article's own paragraphs after its option blocks are the article's again (``5.4``,
not ``5 OPTION 2.4``), from the first numbered one after the "]" that closes a
bracketed option block ("[Option 2" ... "mechanism.]": `drafting.engine.
option_brackets`), or the first whose number does not go on from its block's but from
the highest number the series' blocks before reached (Option 1 "2.", "3."; Option 2
"2."; then "4."). Where the numbers tell nothing (blocks of one length, no bracket),
the paragraphs stay in the last option's section."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from drafting import brackets
from drafting.engine.option_brackets import closes_option_block, opens_option_block
from drafting.errors import LabelError, ReaderError
from drafting.lazy_re import lazy_compile
from drafting.model import ParagraphKind
from drafting.model.labels import Label, parse_label
from drafting.model.sections import OPTION_DIGITS, option_name, option_named, section_key
from drafting.readers.blocks import Block, Role, RoleKind
from drafting.readers.draft_labels import DraftParagraph
from drafting.readers.lines import OptionLead, heading_key, option_text
from drafting.readers.result import ReadWarning
from drafting.readers.structure_sections import top_number

_OPTION_KEY = lazy_compile(r"(?:^| )OPTION \S+$")
"""The option's part of a section key (``5 OPTION 2``): what stays is the article's."""


class OptionBlocks:
    """The part of the structure's reader (`drafting.readers.structure`) that reads
    options. The reader holds the state (``blocks``, ``drafts``, ``roles``, ``warnings``,
    ``section``, ``option_open``, ``titled``) and gives ``_host``, ``_add``, ``_unlabelled``,
    ``_word_label``, ``_label`` and ``_heading``."""

    blocks: list[Block]
    drafts: list[DraftParagraph]
    roles: list[Role]
    warnings: list[ReadWarning]
    section: str
    option_open: bool
    titled: dict[int, str]
    restarting: set[int] | None = None  # `_restarting`, worked out once
    resuming: set[int] | None = None  # `_resuming`, worked out once

    _label: Callable[[int], tuple[Label | None, str, int]]
    _heading: Callable[..., None]

    def _options(self, index: int, block: Block, label: Label | None, rest: str, skip: int,
                 option: OptionLead) -> None:
        """An "Option N:" block: the first opens a paragraph (labelled, or carrying on a
        labelled paragraph with no text of its own); later ones add alternatives, until
        another "Option 1:" opens the next paragraph. A later one may carry its
        paragraph's number again, as compilations type them ("2. Alt 1: ...", "2. Alt 2:
        ...")."""
        text = rest if label is not None else block.text
        body = text[option.end:]
        first = option_name(option.name) in ("1", "A")  # "Option 1:" opens another one
        if self.option_open and self._host >= 0 and not first and \
                (label is None or self._numbered_again(label)):
            self._option(index, body, skip + option.end)
            return
        host = self.drafts[self._host] if self._host >= 0 else None
        numbered = self._word_label(block.number) if label is None else None
        if label is None and numbered is None and self._alternative_line(host, block, first):
            self._option(index, body, skip + option.end)  # "Alt 1: ..." after "2. ..."
            return
        if label is None and numbered is None and host is not None and not host.text and \
                host.options is None and host.label.kind is ParagraphKind.OPERATIVE:
            host.options = [option_text(body)]  # "3." on its own, then "Option 1: ..."
            self.roles[index] = Role(RoleKind.LINE, self._host, option.end, "", option=True)
        else:
            own = label or numbered or self._unlabelled(index, block)
            self._add(index, RoleKind.PARAGRAPH, skip + option.end,
                      DraftParagraph(own, "", block.where, 0, self.section, [option_text(body)]))
            self.roles[index] = replace(self.roles[index], option=True)
            if numbered is not None:  # "2." by Word's numbering: labels it as typed would
                self.drafts[-1].automatic = True
                self.drafts[-1].list = block.number.list if block.number else ""
        self.option_open = True

    def _alternative_line(self, host: DraftParagraph | None, block: Block, first: bool) -> bool:
        """Whether an unnumbered option line ``block`` is an alternative of ``host``, the
        paragraph before it, whose own text is then the first option: ``host`` is a
        preambular or operative paragraph of this section with text and no options yet,
        and the line names an alternative ("Alt 1: ...", "Alternative 1: ...", as
        climate texts put them under a paragraph) or a later option ("Option 2: ...")."""
        if host is None or not host.text or host.options is not None or \
                host.section != self.section or \
                host.label.kind not in (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE):
            return False
        return not first or block.text.lstrip()[:3].lower() == "alt"

    def _numbered_again(self, label: Label) -> bool:
        """Whether ``label`` (an option's typed number) is the number of the paragraph of
        options being read, in its section: the option is that paragraph's."""
        host = self.drafts[self._host]
        return host.label == label and host.section == self.section and \
            host.options is not None

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

    def _option_heading(self, index: int, block: Block) -> bool:
        """Read ``block`` as an option's heading if it names an option on a line of its
        own and numbered paragraphs follow it (see the module's docstring): a section
        of its own (``5 OPTION 2``) where its section's options number their paragraphs
        from 1 again, else only a heading (numbered on: ``5.3``). False for any other
        block. Every block but a footnote or an item's text passes here first: at the
        paragraph with which the article's own text goes on after its option blocks
        (`_resuming`), the section is the article's again."""
        if index in self._resuming():
            self.section = _OPTION_KEY.sub("", self.section)
        named = option_named(block.text)
        if named is None or not self._numbered_after(index):
            return False
        key = None
        if index in self._restarting():
            if named.isdigit() and len(named) > OPTION_DIGITS:
                raise ReaderError(
                    f"{block.where}: the option line {block.text.strip()!r} opens a section "
                    "of its own (its paragraphs are numbered from 1 again), but a label "
                    f"names options 1 to {10 ** OPTION_DIGITS - 1} (or A to Z) only; number "
                    "the options' paragraphs on (1., 2., 3.) instead, or type each option "
                    "in one paragraph (\"Option 100: ...\")")
            key = f"{_OPTION_KEY.sub('', self.section)} OPTION {named}".lstrip()
            try:
                key = key if parse_label(f"{key}.1").section == key else None
            except LabelError:  # a key the labels cannot write: none
                key = None
        self._heading(index, block, key, block.heading or 2)
        return True

    def _numbered_after(self, index: int) -> bool:
        """Whether the next block with text after ``index``, past the option's own
        titles (in a heading style), is a numbered paragraph (typed "1.", or by Word's
        list at its top level)."""
        for after in range(index + 1, len(self.blocks)):
            block = self.blocks[after]
            if not block.text:
                continue
            if option_named(block.text) is not None or self._opens_section(after, block):
                return False
            if not (block.heading or block.title_style):
                return top_number(block, self._label(after)[0]) is not None
        return False

    def _opens_section(self, index: int, block: Block) -> bool:
        """Whether ``block`` is a heading that ends a series of option blocks: one that
        opens a section ("Article 6", "II. ...", or a titled one keyed by its place),
        not an option's own title."""
        if section_key(block.shown) is not None:
            return True
        return bool(block.heading or block.title_style) and (
            heading_key(block.shown) is not None or index in self.titled)

    def _restarting(self) -> set[int]:
        """The option lines (by block index) whose section's options number their
        paragraphs from 1 again: a series of option lines up to the next section heading
        in which a number comes twice."""
        if self.restarting is not None:
            return self.restarting
        self.restarting = set()
        run: list[int] = []
        used: set[int] = set()
        restarts = False
        for index, block in enumerate(self.blocks):
            if option_named(block.text) is not None and self._numbered_after(index):
                run.append(index)
            elif not run:  # no series open (nearly always): a section heading ends none
                continue
            elif self._opens_section(index, block):
                self.restarting.update(run if restarts else ())
                run, used, restarts = [], set(), False
            elif (number := top_number(block, self._label(index)[0])) is not None:
                restarts |= number in used
                used.add(number)
        self.restarting.update(run if restarts else ())
        return self.restarting

    def _resuming(self) -> set[int]:
        """The paragraphs (by block index) with which an article's own text goes on
        after a series of option blocks that are sections of their own (see the module's
        docstring): the first numbered one after the "]" closing a bracketed block, or
        one whose number does not go on from its block's last but from the highest the
        series' blocks before reached."""
        if self.resuming is not None:
            return self.resuming
        self.resuming = set()
        restarting = self._restarting()
        series = bracketed = closed = False
        reached, last = 0, 0  # the series' blocks before this one; this block's last
        for index, block in enumerate(self.blocks):
            if index in restarting:  # "Option 2" (or "[Option 2"): the next block
                series, reached, last = True, max(reached, last), 0
                bracketed, closed = opens_option_block(block.text), False
                continue
            if not series or not block.text:
                continue
            if self._opens_section(index, block) or option_named(block.text) is not None:
                series = False
                continue
            number = top_number(block, self._label(index)[0])
            if number is not None and (closed or (
                    reached and last and number != last + 1 and number == reached + 1)):
                self.resuming.add(index)  # "4.": the article's own paragraph again
                series = False
                continue
            last = number or last
            if closed or not bracketed:  # an unnumbered line after "]": no block's end
                bracketed = closed = False
            elif closes_option_block(block.text) and not (block.heading or block.title_style):
                closed = True
            elif brackets.faults(block.text) or block.heading or block.title_style:
                bracketed = False  # another stray bracket, or a title: no pairing
        return self.resuming
