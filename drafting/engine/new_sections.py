"""A new article proposed in a treaty: new paragraphs a delegation typed after the last
paragraph of an article, the first of them a section heading ("Article 5 bis"), then,
as treaties lay an article out, its title ("Capacity-building") and its text. Accepted,
they are that article in the revision, as the import reads one: two headings and the
paragraphs ``5bis.1``, ``5bis.2``; not paragraphs 5.2 to 5.4 of the article before
(in an annexed statute, ``ANNEX VI ARTICLE 5bis.1``, as its articles are keyed). So is
a new option block typed after the last of an article's option blocks ("Option 3",
then its "1."): its heading and the paragraphs ``5 OPTION 3.1``, ...
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.engine.heading_numbers import run_on
from drafting.engine.option_sections import OPTION_SECTION as _OPTION_SECTION
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind
from drafting.model.headings import CLOSING, TITLE_WORDS
from drafting.model.labels import Label, next_label, section_of
from drafting.model.sections import (
    heading_line,
    numbered_as,
    option_named,
    section_key,
    section_kind,
)


def new_section(born: Sequence[Paragraph], before: Sequence[Paragraph],
                current: Sequence[Paragraph]) -> list[Paragraph] | None:
    """``born`` (new paragraphs accepted after the last paragraph of a section, in order)
    as a section of their own where the first is a section heading whose key no
    paragraph of ``current`` (the revision amended) uses, or whose number the articles
    after it move on from (`pushes_on`): the heading, a title line after it (short, no
    closing punctuation, more text after it) and the section's paragraphs, numbered from
    1 in it; a further heading among them opens a section of its own alike (a new
    chapter, then its first article). ``before`` holds the new revision's paragraphs so
    far (the headings' labels follow the last of them, their levels those of the
    sections before). None for anything else: the paragraphs stay where they were put."""
    used = {section_of(p.label) for p in current}
    if not born or _key(born[0], born[0], used, current) is None:
        return None
    taken = [p.label for p in before if p.label.startswith("H")]
    section: list[Paragraph] = []
    key, number, index = "", 0, 0
    while index < len(born):
        paragraph = born[index]
        found = _key(paragraph, born[0], used, current) if index == 0 or \
            heading_line(paragraph.text) else None
        if found is None and section_key(paragraph.text) is not None:
            return None  # a later article whose number is another's: left to the drafters
        if found is None:
            number += 1
            kind = paragraph.kind if paragraph.kind is not ParagraphKind.HEADING \
                else ParagraphKind.OPERATIVE
            section.append(replace(paragraph, label=str(Label("OP", number, 0, key)),
                                   kind=kind))
            index += 1
            continue
        key, number = found, 0
        option = option_named(paragraph.text) is not None
        titled = not option and index + 2 < len(born) and title_line(born[index + 1].text)
        levels = _option_level(before) if option else _levels([*before, *section],
                                                                paragraph.text)
        for part, level in ((paragraph, levels[0]),
                            *([(born[index + 1], levels[1])] if titled else [])):
            label = _next_heading(taken)
            taken.append(label)
            section.append(replace(part, label=label, kind=ParagraphKind.HEADING, level=level))
        index += 1 + titled
    return section


def _key(paragraph: Paragraph, first: Paragraph, used: set[str],
         current: Sequence[Paragraph]) -> str | None:
    """The key of the section ``paragraph`` (``first`` of the new ones, or a heading after
    it) opens, where none of ``current`` uses it (``used``) or the articles after it move
    on; None otherwise."""
    key = _apart(section_key(paragraph.text), first) or option_section(paragraph)
    if key is None or (key in used and not pushes_on(paragraph.text, current)):
        return None
    return key


def _apart(key: str | None, born: Paragraph) -> str | None:
    """``key`` ("3bis") of a new article typed after an article keyed apart (an annexed
    statute's ``ANNEX VI ARTICLE 3``, the regulations' ``RULE 3``) as that one is keyed:
    ``ANNEX VI ARTICLE 3bis``; any other key as it is."""
    found = _APART.fullmatch(section_of(born.label))
    if key is None or found is None or " " in key:
        return key
    return f"{found[1]}{key}"


_APART = lazy_compile(r"(.*?\b(?:ARTICLE|RULE) )\w+")
"""A section keyed apart (`drafting.readers.structure_sections`): what stands before its
own number."""


def option_section(born: Paragraph) -> str | None:
    """The key of the option section a new paragraph naming an option ("Option 3") opens
    after the last paragraph of another option section of its article (its label
    ``5 OPTION 2.1 bis``): ``5 OPTION 3``. None for any other paragraph."""
    named = option_named(born.text)
    found = _OPTION_SECTION.fullmatch(section_of(born.label))
    if named is None or found is None:
        return None
    return f"{found['base'] or ''} OPTION {named}".lstrip()


def _option_level(before: Sequence[Paragraph]) -> tuple[int, int]:
    """The level of the last option's heading in ``before`` (an option has no title)."""
    level = next((p.level for p in reversed(before) if p.kind is ParagraphKind.HEADING
                  and option_named(p.text) is not None), 2)
    return level, level


def title_line(text: str) -> bool:
    """Whether ``text`` reads as a section's title: short, no closing punctuation, no
    section heading itself."""
    text = text.strip()
    return bool(text) and text[-1] not in CLOSING and len(text.split()) <= TITLE_WORDS \
        and section_key(text) is None


def _levels(before: Sequence[Paragraph], text: str) -> tuple[int, int]:
    """The level of the last section heading in ``before`` of the kind ``text`` opens (or
    of any kind, if none) and of the title after it, if any (else one level down): a new
    article's headings stand where the last one's do, a new chapter's where a chapter's."""
    kind = section_kind(text)
    alike = [p for p in before if p.kind is ParagraphKind.HEADING and section_kind(p.text)]
    if any(section_kind(p.text) == kind for p in alike):
        alike = [p for p in alike if section_kind(p.text) == kind]
    last = {id(p) for p in alike[-1:]}
    for index in range(len(before) - 1, -1, -1):
        paragraph = before[index]
        if id(paragraph) in last:
            following = before[index + 1] if index + 1 < len(before) else None
            title = following.level if following is not None and \
                following.kind is ParagraphKind.HEADING else paragraph.level + 1
            return paragraph.level, title
    return 1, 2


def pushes_on(text: str, current: Sequence[Paragraph]) -> bool:
    """Whether a new heading ``text`` ("Article 4 Reporting") numbers itself as a heading
    of ``current`` does that the revision numbers on from it (`drafting.engine.
    heading_numbers`): headings of its kind numbered 1, 2, 3, ... and one numbered as
    it is (the old Article 4, Article 5 in the revision)."""
    found = numbered_as(text)
    if found is None:
        return False
    numbers = [n[1] for p in current if p.kind is ParagraphKind.HEADING
               and (n := numbered_as(p.text)) is not None and n[0] == found[0]]
    return found[1] in numbers and run_on(numbers)


def _next_heading(taken: list[str]) -> str:
    """The label of a heading after the last of ``taken`` (``H4 bis`` after ``H4``)."""
    if not taken:
        return "H1"
    return next_label(taken[-1], taken)

