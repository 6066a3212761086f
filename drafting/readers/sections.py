"""Sections as treaties lay them out: an article's title on a line of its own, and
the blocks that stand in an article whose paragraphs carry no numbers.

A title line follows its section's heading: "Article 3" then "Depositary", "Part I"
then "General provisions". It is short, carries no label or number, no closing
punctuation and no opening bracket (a bracketed placeholder is text to negotiate; the
title of a bracketed heading, "[Article 4]" then "[Financial mechanism]", is one), and
more follows it: more of the section, or, after a part's or a chapter's heading, the
heading of its first article; it is read as a heading under that heading, not as a
paragraph.

A treaty's article often holds one paragraph, or a few, with no number of their own:
"Article 26 / The Secretary-General of the United Nations shall be the Depositary of
this Agreement." Those paragraphs are the article's operative text, not preambular
paragraphs nor "other text": `drafting.readers.structure` numbers them within their
article (``26.1``, ``26.2``) when nothing else in that article is numbered. Other
sections (a chapter, an annex) are left as they were: an unnumbered paragraph there
is other text, with a warning asking for a label. An article
that numbers some of its paragraphs keeps the numbers it gives; its unnumbered blocks
are read as before (lines, or other text with a warning).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from drafting.lazy_re import lazy_compile
from drafting.model.headings import CLOSING, TITLE_WORDS
from drafting.model.labels import Label
from drafting.readers.lines import opens_article, own_number, section_key

_LONE_NUMBER = lazy_compile(r"(?:[IVXL]{1,6}|[A-Z])\.?")
"""A Roman numeral (I to about XL) or a capital letter, alone: a section's number."""
_BRACED = lazy_compile(r"\{[^{}\[\]]+\}|\[\{[^{}\[\]]+\}\]")
"""A line wholly in curly braces: how the UNFCCC heads the parts of a negotiating text
whose structure is not agreed ("{I. Preamble}", "{Mitigation}"), bracketed too where the
heading itself is not agreed ("[{Option 1}]")."""

if TYPE_CHECKING:
    from drafting.readers.blocks import Block



def section_title(blocks: Sequence[Block], index: int,
                  label: Callable[[int], Label | None]) -> bool:
    """Whether block ``index`` is the title of the section whose heading stands just
    before it ("Article 3", then "Depositary"); ``label`` as for `unnumbered_sections`."""
    bracketed = blocks[index].text.startswith("[")
    if not _short_title(blocks[index], label(index), bracketed=bracketed):
        return False
    before, after = _filled(blocks, index, -1), _filled(blocks, index, 1)
    if before is None or after is None or label(before) is not None or (
            section_key(blocks[before].shown) is None and not lone_number(blocks[before].text)):
        return False
    if bracketed and not blocks[before].text.startswith("["):
        return False  # "[Placeholder on finance]"; "[Article 4]" then "[Financial mechanism]"
    # an article's one short line before the next heading is its text ("Article 3",
    # "Entry into force", "Article 4"); a part's or a chapter's is its title
    return section_key(blocks[after].shown) is None or not opens_article(blocks[before].shown)


def heading_line(blocks: Sequence[Block], index: int,
                 label: Callable[[int], Label | None], *, operative_seen: bool) -> bool:
    """Whether block ``index``, in no heading style, is a heading by its shape: a short
    line with no closing punctuation that opens with its own number (`own_number`: "II.
    Means of implementation", "B. Financing", "二、执行手段"), as outcome documents head
    their parts; or, once operative paragraphs have begun, such a line with no
    number at all ("Follow-up and review", never in lower case: a line a paragraph
    broke off) standing before a numbered paragraph or another heading; or a short line
    wholly in curly braces (`_BRACED`: "{I. Preamble}", "{Mitigation}", "[{Option 1}]"),
    wherever it stands. ``label`` as for `unnumbered_sections`."""
    block = blocks[index]
    text = block.text
    if lone_number(text) and label(index) is None and block.number is None:
        return _part_number(blocks, index, label)  # "II", its title on the next line
    if _BRACED.fullmatch(text):
        return _short_title(block, label(index), bracketed=True)
    if not _short_title(block, label(index)) or text.startswith(("(", "\u201c", '"', "'")):
        return False
    if own_number(text) is not None:
        return True
    after = _filled(blocks, index, 1)
    return operative_seen and after is not None and not text[0].islower() and \
        _opens_part(blocks, after, label)


def _opens_part(blocks: Sequence[Block], index: int,
                label: Callable[[int], Label | None]) -> bool:
    """Whether block ``index`` opens a part's text: a numbered paragraph or a heading,
    in a heading style or naming its section ("Rule 1", after the regulations' title)."""
    block = blocks[index]
    return label(index) is not None or block.heading > 0 or \
        own_number(block.text) is not None or section_key(block.shown) is not None or (
            block.number is not None and block.number.level == 0 and block.number.decimal)


def _part_number(blocks: Sequence[Block], index: int,
                 label: Callable[[int], Label | None]) -> bool:
    """Whether a lone number ("II") at block ``index`` numbers a part: what follows it,
    or its title, opens a numbered paragraph or a heading (or ends the text), and it is
    no item of a list that a line ending with ":" opens ("Decides to classify as
    follows:", then "I", "Geophysical hazards", "II", ...)."""
    after = _filled(blocks, index, 1)
    if after is not None and not _opens_part(blocks, after, label):
        if not _short_title(blocks[after], label(after)) or lone_number(blocks[after].text):
            return False
        following = _filled(blocks, after, 1)
        if following is not None and not _opens_part(blocks, following, label):
            return False
    before = _filled(blocks, index, -1)
    while before is not None and label(before) is None and (
            lone_number(blocks[before].text) or _short_title(blocks[before], None)):
        before = _filled(blocks, before, -1)  # the parts and titles of the same list
    return before is None or not blocks[before].text.rstrip().endswith((":", "\uff1a"))


def lone_number(text: str) -> bool:
    """Whether ``text`` is a section's number on a line of its own, as resolutions with
    parts lay them out ("II", then its title "Follow-up" on the next line)."""
    return _LONE_NUMBER.fullmatch(text) is not None


def _short_title(block: Block, label: Label | None, *, bracketed: bool = False) -> bool:
    """Whether ``block`` could be a title: short, with no label, automatic number, style
    of its own, closing punctuation or, unless ``bracketed``, opening square bracket (a
    bracketed placeholder is text to negotiate)."""
    text = block.text  # the cheapest tests first: nearly every paragraph ends with a mark
    return bool(text) and text[-1] not in CLOSING and label is None and \
        block.number is None and not block.heading and not block.title_style and \
        not block.table and (bracketed or not text.startswith("[")) and \
        len(text.split()) <= TITLE_WORDS


def _filled(blocks: Sequence[Block], index: int, step: int) -> int | None:
    """The nearest block before (``step`` -1) or after (1) ``index`` that has text."""
    index += step
    while 0 <= index < len(blocks):
        if blocks[index].text:
            return index
        index += step
    return None


def unnumbered_sections(blocks: Sequence[Block],
                        label: Callable[[int], Label | None]) -> frozenset[int]:
    """The indices of the blocks that stand in an article (a section whose heading names
    it: "Article 3"; a chapter, part or annex is not one) in which no block opens a
    numbered paragraph (a typed label, or top-level automatic numbering). ``label(i)``
    is the label block ``i`` opens with, or None. Headings are not included."""
    found: set[int] = set()
    members: list[int] = []
    numbered = False
    opened = False
    for index, block in enumerate(blocks):
        if block.contents:  # a table of contents names articles: it opens none
            if opened and not numbered:
                found.update(members)
            members, numbered, opened = [], False, False
            continue
        if label(index) is None and section_key(block.shown) is not None:
            if opened and not numbered:
                found.update(members)
            members, numbered, opened = [], False, opens_article(block.shown)
            continue
        if not opened:
            continue
        members.append(index)
        number = block.number
        if label(index) is not None or (number is not None and number.level == 0
                                        and number.decimal):
            numbered = True
    if opened and not numbered:
        found.update(members)
    return frozenset(found)
