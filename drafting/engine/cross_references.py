"""Paragraphs that cite others of the same text by number ("the report referred to in
paragraph 2 above", "paragraphs 3 to 5 of the present resolution", "paragraphe 2
ci-dessus", "الفقرة 2 أعلاه", "paragraph 1 of this article", "article 3 of this
Agreement"), read after a revision renumbered or deleted the paragraphs they cite.

The words of a reference are the text's own: a revision never changes them by itself (a
citation of paragraph 2 of another resolution reads the same). Where a reference
plainly cites this text, in any of the six languages of the United Nations
(`drafting.engine.reference_patterns`), and a paragraph or an article it names was
renumbered or deleted, `moved_references` names the citing paragraph and what became of
the cited one, for the secretariat to check, as it does every cross-reference when it
issues a revision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from drafting.engine.option_sections import OPTION_SECTION
from drafting.engine.reference_patterns import CITATIONS, Cites
from drafting.lazy_re import lazy_compile
from drafting.model import ParagraphKind, Revision
from drafting.model.headings import cjk_number
from drafting.model.labels import section_of
from drafting.model.sections import opens_article, section_key

_DIGITS = lazy_compile(r"\d+")
_OPTION_PARAGRAPH = lazy_compile(r"(?P<base>.+) OPTION \S+\.(?P<number>\d+)")
"""An option section's paragraph (``3 OPTION 1.3``): its article's key and number."""
_MOST_IN_RANGE = 100
"""A range cites each number in it ("3 to 5": 3, 4 and 5) up to this many."""


def moved_references(revision: Revision, table: Mapping[str, str],
                     before: Revision | None = None) -> dict[str, str]:
    """For each paragraph of ``revision`` that cites by number a paragraph of the same
    text which ``table`` (old label -> new, "" deleted) renumbered or deleted, or an
    article of ``before`` (the revision revised) that ``revision`` numbers otherwise or
    no longer has: its label -> what to check ("cites 'paragraph 2 above': OP2 is OP3
    in Rev.1")."""
    articles = _articles(before, revision) if before is not None else {}
    found: dict[str, str] = {}
    for paragraph in revision:
        said, read = [], []
        for cue, ranges, patterns in CITATIONS.values():
            if cue.search(paragraph.text) is None:
                continue
            for cites, pattern in patterns:
                for match in pattern.finditer(paragraph.text):
                    if any(s < match.end() and match.start() < e for s, e in read):
                        continue  # "article 5 of this Agreement" in "paragraph 2 of ..."
                    read.append(match.span())
                    moved = _moved(cites, match, ranges, paragraph.label, table, articles,
                                   revision.label)
                    if moved:
                        said.append((match.start(), f"cites '{match.group().strip()}': "
                                                    f"{'; '.join(moved)}"))
        if said:
            found[paragraph.label] = "; ".join(text for _, text in sorted(said))
    return found


def _moved(cites: Cites, match: re.Match[str], ranges: re.Pattern[str], citing: str,
           table: Mapping[str, str], articles: Mapping[str, str], label: str) -> list[str]:
    """What became of each paragraph or article ``match`` cites, where it moved."""
    numbers = _numbers(match["numbers"], ranges)
    if cites is Cites.ARTICLES:
        return [_article_fate(str(n), articles, label) for n in numbers
                if str(n) in articles]
    article = _article(match["article"]) if cites is Cites.OF_ARTICLE else ""
    said = [_article_fate(article, articles, label)] if article in articles else []
    if cites is Cites.OF_THIS_ARTICLE:
        article = section_of(citing)
    if cites is not Cites.PARAGRAPHS and not article:
        return said  # a text numbered straight through: its paragraphs are not 5.1
    article = _article_of(article)
    cited = [f"{article}.{n}" if article else f"OP{n}" for n in numbers]
    return said + [_fate(old, table[old], label) for old in _in_options(cited, table)
                   if table.get(old, old) != old]


def _article_of(section: str) -> str:
    """The article a section is of: "3" for an option's ("3 OPTION 1"), else itself."""
    option = OPTION_SECTION.fullmatch(section)
    return section if option is None else option["base"] or ""


def _in_options(cited: list[str], table: Mapping[str, str]) -> list[str]:
    """``cited`` (labels: "3.3") with, after each, the option paragraphs of ``table`` (old
    labels) that carry its number in its article's option blocks ("3 OPTION 1.3"): a
    number typed inside a block is the block's paragraph."""
    out: list[str] = []
    for label in cited:
        out.append(label)
        article, _, number = label.rpartition(".")
        out += [old for old in table if old not in out and
                (option := _OPTION_PARAGRAPH.fullmatch(old)) is not None and
                option["base"] == article and option["number"] == number]
    return out


def _numbers(said: str, ranges: re.Pattern[str]) -> list[int]:
    """The numbers ``said`` cites, a range's between its ends too ("3 to 5": 3, 4, 5)."""
    numbers: list[int] = []
    end = 0
    for found in _DIGITS.finditer(said):
        number = int(found.group())
        last = numbers[-1] if numbers else None
        if last is not None and ranges.search(said[end:found.start()]) and \
                last < number <= last + _MOST_IN_RANGE:
            numbers.extend(range(last + 1, number + 1))
        else:
            numbers.append(number)
        end = found.end()
    return numbers


def _articles(before: Revision, revision: Revision) -> dict[str, str]:
    """The articles of ``before`` that ``revision`` numbers otherwise or no longer has
    (their headings, by paragraph): number -> new number, "" deleted."""
    now = {p.id: p for p in revision}
    moved = {}
    for heading in before:
        if heading.kind is not ParagraphKind.HEADING or not opens_article(heading.text):
            continue
        old = section_key(heading.text)
        new = now.get(heading.id)
        key = section_key(new.text) if new is not None else ""
        if old and key != old:
            moved[old] = key or ""
    return moved


def _article(written: str) -> str:
    """An article's number as a section key writes it: "5 bis" -> "5bis", "五" -> "5",
    "premier" -> "1"."""
    written = written.replace(" ", "").lower()
    if written in ("premier", "primero"):
        return "1"
    return written if written[:1].isdigit() and not written.isdigit() else \
        cjk_number(written)



def _article_fate(number: str, articles: Mapping[str, str], label: str) -> str:
    new = articles[number]
    return _fate(f"Article {number}", f"Article {new}" if new else "", label)


def _fate(old: str, new: str, label: str) -> str:
    return f"{old} is {new} in {label}" if new else f"{old} is deleted in {label}"
