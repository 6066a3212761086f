"""Section keys as `drafting.readers.structure` reads them: the key a heading's own
number gives ("II. ..."), a section of an annex (``ANNEX I SECTION II``, ``ANNEX B PART
I``), an annex's clauses typed "1.1", "1.2.1", and the key of a heading that names no
number ("Objective", "Definitions") where the list after it starts its numbers again.

A treaty written without "Article N" in its headings numbers each titled section's
paragraphs from 1 (LibreOffice restarts the list after each heading). Where every
heading names no number and at least one list starts again after one, each heading
that a numbered paragraph follows keys its section by its place among them: the
third is ``3``, its paragraphs ``3.1``, ``3.2``, as if it read "Article 3". A text
numbered straight through under such headings keeps ``OP5``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import suppress

from drafting.errors import LabelError
from drafting.model import ParagraphKind
from drafting.model.headings import CLOSING, TITLE_WORDS
from drafting.model.labels import Label, parse_label
from drafting.model.sections import option_named, section_kind
from drafting.readers.blocks import Block
from drafting.readers.draft_labels import DraftParagraph, annex_decimal, annexed
from drafting.readers.lines import heading_key
from drafting.readers.result import ReadWarning

_PART_KINDS = ("PART", "CHAPTER", "SECTION")
"""The sections of an annex that key their paragraphs in it (`SectionKeys._part_key`)."""
_ARTICLE_KINDS = ("ARTICLE", "RULE")
"""The sections that key their paragraphs apart where the treaty's articles number alike:
an annexed statute's articles, the regulations' rules (`SectionKeys._article_key`)."""


def titled_sections(blocks: Sequence[Block],
                    label: Callable[[int], Label | None]) -> dict[int, str]:
    """The keys of headings that name no number ("Objective"), by block index, where the
    numbering starts again after one of them (see the module's docstring); {} where a
    heading gives a key of its own or no list starts again. ``label`` gives a block's
    typed label."""
    headings = [i for i, b in enumerate(blocks)  # an option's line heads no article
                if b.heading and b.text and option_named(b.text) is None]
    if not headings or any(heading_key(blocks[i].shown) is not None for i in headings):
        return {}
    top = min(blocks[i].heading for i in headings)
    keyed: list[int] = []
    pending, last, restarts = None, 0, False
    for index, block in enumerate(blocks):
        if block.heading == top and block.text and option_named(block.text) is None:
            pending = index
            continue
        number = top_number(block, label(index))
        if number is None:
            continue
        if pending is not None:
            keyed.append(pending)
            restarts |= number == 1 and last >= 1
            pending = None
        last = number
    return {index: str(n) for n, index in enumerate(keyed, start=1)} if restarts else {}


def top_number(block: Block, label: Label | None) -> int | None:
    """The number of a paragraph numbered at the top level, by Word or typed ("3.")."""
    if block.number is not None and block.number.level == 0 and block.number.decimal:
        return block.number.value
    if label is not None and label.prefix == "OP" and not label.section and not label.suffix:
        return label.number
    return None


class SectionKeys:
    """The part of the structure's reader (`drafting.readers.structure`) that keys its
    sections. The reader holds the state (``blocks``, ``drafts``, ``section``, ``annex``,
    ``operative_in``, ``typed_in``, ``decimal_in``, ``titled``, ``warnings``) and gives
    ``_label`` and ``_unused``."""

    blocks: list[Block]
    drafts: list[DraftParagraph]
    warnings: list[ReadWarning]
    section: str
    annex: str
    operative_in: Counter[str]
    typed_in: set[str]
    decimal_in: set[str]
    titled: dict[int, str]
    apart: tuple[str, str] | None

    _label: Callable[[int], tuple[Label | None, str, int]]
    _unused: Callable[[str], Label]

    def _own_key(self, index: int, block: Block) -> str | None:
        """The section a heading's own number ("II. ...") opens. Inside an annex, "I.
        General" keeps the annex's key (its paragraphs number on through the annex), but
        a numbered heading after which the paragraphs start their numbers again opens a
        section of the annex: ``ANNEX I SECTION II`` (``ANNEX I SECTION II.1``). A
        heading with no number of its own outside an annex keys its section by its place
        (`titled_sections`), if the list after it starts again."""
        own = heading_key(block.text)
        if own is None and not annexed(self.section):  # "Objective", its list restarting
            return self.titled.get(index)
        if not annexed(self.section):
            return own
        if own is None or not self.annex or not self._restarts(index):
            return None
        key = f"{self.annex} SECTION {own}"
        with suppress(LabelError):  # a key the labels cannot write: the annex's
            if parse_label(f"{key}.1").section == key:
                return key
        return None

    def _restarts(self, index: int) -> bool:
        """Whether the first numbered paragraph after the heading ``index`` (typed or by
        Word) takes a number the section being read has given already."""
        used = max((d.label.number for d in self.drafts if d.section == self.section and
                    d.label.kind is ParagraphKind.OPERATIVE), default=0)
        for later in range(index + 1, min(index + 8, len(self.blocks))):
            label, block = self._label(later)[0], self.blocks[later]
            if label is not None and not label.section and not label.suffix:
                return label.prefix == "OP" and label.number <= used
            if block.number is not None and block.number.level == 0 and block.number.decimal:
                return block.number.value <= used
            if block.text and not block.heading:  # text with no number: read on as before
                return False
        return False

    def _annex_decimal(self, block: Block, label: Label | None) -> Label | None:
        """`annex_decimal` of ``block`` in the section being read, warned about at the
        first in each annex (and each one read as other text)."""
        if not annexed(self.section) or (label is not None and annexed(label.section)):
            return None
        mixed = self.section in self.typed_in
        found, why = annex_decimal(block.text, self.section, mixed=mixed,
                                   count=self.operative_in[self.section],
                                   other=lambda: self._unused("T"))
        if found is not None and (mixed or self.section not in self.decimal_in):
            self.decimal_in.add(self.section)
            self.warnings.append(ReadWarning(block.where, why))
        return found

    def _article_key(self, key: str, kind: str) -> str:
        """The key an article's or a rule's heading (giving ``key``) opens: its own
        ("Article 1": ``1``); but where the treaty's articles have numbered paragraphs in
        that key already, an annex's article is the annex's (``ANNEX VI ARTICLE 1``, an
        annexed statute's Article 1) and a rule is the regulations' (``RULE 1``), and so
        each article or rule after it in that annex or those regulations, so that
        Article 5 of the statute is never read as the treaty's."""
        own = f"{self.annex} {kind} {key}".lstrip() if self.annex else f"{kind} {key}"
        if (self.annex or kind == "RULE") and \
                (self.operative_in[key] or self.apart == (self.annex, kind)):
            with suppress(LabelError):  # a key the labels cannot write stays as it is
                if parse_label(f"{own}.1").section == own:
                    self.apart = (self.annex, kind)
                    return own
        return key

    def _clause_heading(self, index: int) -> str | None:
        """The key of the section a numbered clause heading opens ("1<tab>GENERAL", as
        IMO's annexes head the clauses "1.1", "1.2" after it): a paragraph number with a
        short title, no closing punctuation, whose next block is its clause ("1.1").
        In an annex, the annex's section (``ANNEX SECTION 1``, its clauses ``ANNEX
        SECTION 1.1``); elsewhere its number (its clauses ``1.1``). None for any other."""
        label, rest, _ = self._label(index)
        if label is None or label.prefix != "OP" or label.section or label.suffix or \
                not rest or rest[-1] in CLOSING or len(rest.split()) > TITLE_WORDS:
            return None
        after = next((i for i in range(index + 1, len(self.blocks)) if self.blocks[i].text),
                     None)
        clause = self._label(after)[0] if after is not None else None
        if clause is None or clause.section != str(label.number) or clause.prefix != "OP":
            return None
        if not annexed(self.section):
            return str(label.number)
        key = f"{self.annex or self.section} SECTION {label.number}"
        with suppress(LabelError):  # a key the labels cannot write: no heading
            if parse_label(f"{key}.1").section == key:
                return key
        return None

    def _in_clause_section(self, label: Label | None) -> Label | None:
        """``label`` typed "1.2" under the clause heading that keyed ``ANNEX SECTION 1``
        (`_clause_heading`): clause 2 of that section; any other label as it is."""
        if label is None or not label.section or \
                not self.section.endswith(f" SECTION {label.section}"):
            return label
        return Label(label.prefix, label.number, label.suffix, self.section)

    def _typed_apart(self, label: Label | None) -> Label | None:
        """``label`` typed "1.2" in an article or a rule keyed apart (`_article_key`):
        paragraph 2 of ``RULE 1``, as Rule 1 types it; any other label as it is."""
        if label is None or not label.section or self.apart is None or \
                self.section.split(" ")[-2:] != [self.apart[1], label.section]:
            return label
        return Label(label.prefix, label.number, label.suffix, self.section)

    def _part_key(self, key: str, block: Block) -> str:
        """The key the section heading ``block`` (giving ``key``) opens: its own ("Part
        I": ``I``, in an annex too, as drafts imported before read it); but in an annex,
        a part's, a chapter's or a section's whose key paragraphs before already count
        in (Annex B's "Part I" after Annex A's ``I.1``, ``I.2``) is the annex's with its
        own: ``ANNEX B PART I`` (``ANNEX B PART I.1``, paragraph 1 of Part I of Annex
        B). Each part so numbers its paragraphs from 1 as it types them, and a revision
        written into the Word document retypes none."""
        if annexed(key) and not (self.annex and key.startswith(f"{self.annex} ")):
            self.annex = key  # not a section of the annex (`_own_key`): a new annex
        elif (kind := section_kind(block.shown)) in _ARTICLE_KINDS:
            return self._article_key(key, kind)
        elif self.annex and self.operative_in[key] and \
                (kind := section_kind(block.shown)) in _PART_KINDS and kind != key:
            own = f"{self.annex} {kind} {key}"
            with suppress(LabelError):  # a key the labels cannot write stays as it is
                if parse_label(f"{own}.1").section == own:
                    return own
        return key

