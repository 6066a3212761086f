"""The numbers of a text's section headings after a revision adds or deletes one.

A revision numbers the text afresh: its paragraphs (``OP4 bis`` becomes ``OP5``) and,
as a treaty secretariat issues a revised draft, its headings. A new article a delegation
proposed ("Article 4 Reporting" after Article 3, numbered as the next one, or "Article 2
Objective" where Word numbers the heading itself) pushes the articles after it on:
"Article 4 Co-operation" is "Article 5 Co-operation" in the revision; a deleted section
("II. Technology") pulls the ones after it back ("III. Capacity-building" is "II.
Capacity-building"). `headings_renumbered` numbers each series of headings on where the
revision revised numbered it on (each the one before it plus one, or 1 where a part
starts it again); a series the drafters numbered otherwise stays as they numbered it.
Headings numbered with a suffix ("Article 3 bis") keep their numbers until the text is
renumbered by hand; an alternative to an article ("[Article 4 alt", "Alt Article 4")
follows its article's number ("[Article 5 alt"). In a text numbered by section, an
article's paragraphs follow its number (``4.1`` is ``5.1``), as its heading now names it.
An article deleted whole gives its place to its first alternative standing
(`drafting.engine.alternative_articles`), which its series then counts as the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from drafting.engine.alternative_articles import alternatives_promoted
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind
from drafting.model.headings import roman
from drafting.model.labels import Label, LabelError, parse_label
from drafting.model.sections import (
    alternative_to,
    numbered_as,
    renumbered_section,
    section_key,
)

_OWN = lazy_compile(r"(?P<key>[IVXLC]{1,7}|[A-Z])(?=\.[\t \u00a0]+\S)")
"""A heading that types its own number, a Roman numeral or a capital letter and a full
stop ("III.<tab>Capacity-building", "B. Financing")."""
_ROMAN_VALUES = {roman(n): n for n in range(1, 40)}


@dataclass(frozen=True, slots=True)
class _Series:
    """A kind of heading numbered in order: "ARTICLE", or headings typing their own Roman
    numerals (or letters) at one level."""

    kind: str
    level: int
    letters: bool = False


def headings_renumbered(old: Sequence[Paragraph], new: list[Paragraph]
                        ) -> tuple[list[Paragraph], dict[str, str]]:
    """``new`` (a revision of ``old``'s paragraphs, in order, before its labels are
    renumbered) with its headings numbered on as the module says, and the paragraphs of
    a renumbered article keyed by its new number; and the labels they had, by id."""
    new, promoted, in_place = alternatives_promoted(old, new)
    was = [(p, _numbered(p, None)) for p in old if p.kind is ParagraphKind.HEADING]
    series: dict[_Series, list[int]] = {}
    for paragraph, found in was:
        each = _series(paragraph, found, was) if found is not None else None
        if each is not None and (found := _numbered(paragraph, each)) is not None:
            series.setdefault(each, []).append(found[1])
    ids = {p.id for p in old}
    out = list(new)
    for each, numbers in series.items():
        if not run_on(numbers):
            continue
        restarts = 1 in numbers[1:]
        last = 0
        now: dict[int, int] = {}  # each number's new one, as the last heading so numbered has it
        for n, paragraph in enumerate(out):
            if paragraph.kind is not ParagraphKind.HEADING:
                continue
            found = _numbered(paragraph, each) or _taken(in_place.get(paragraph.id), each)
            if (alternative := alternative_to(paragraph.text)) is not None:
                if alternative[0] == each.kind and now.get(alternative[1], alternative[1]) \
                        != alternative[1]:  # "Article 13 alt" follows its article
                    out[n] = replace(paragraph, text=renumbered_section(
                        paragraph.text, now[alternative[1]]))
                continue
            if found is None:
                outer = restarts and 0 < paragraph.level < each.level
                last = 0 if outer else last
                continue
            value = 1 if paragraph.id in ids and found[1] == 1 and restarts else last + 1
            if value != found[1]:
                out[n] = replace(paragraph, text=_written(paragraph.text, each, value))
            last = now[found[1]] = value
    out, moved = _rekeyed(new, out)
    return out, {**moved, **promoted}  # an alternative's paragraph by its own label


def _taken(number: tuple[str, int] | None, series: _Series) -> tuple[str, int] | None:
    """The kind and number of the article whose place a heading took (`alternatives_
    promoted`), if of ``series``: "[Article 13" counts as Article 13 did."""
    return number if number is not None and number[0] == series.kind else None


def _numbered(paragraph: Paragraph, series: _Series | None) -> tuple[str, int] | None:
    """The kind and number of a heading numbered in order (of ``series``, if given)."""
    found = numbered_as(paragraph.text)
    if found is None and (own := _OWN.match(paragraph.text)) is not None:
        key = own["key"]
        letters = series.letters if series is not None else key not in _ROMAN_VALUES
        value = (ord(key) - 64 if len(key) == 1 else None) if letters \
            else _ROMAN_VALUES.get(key)
        found = ("OWN", value) if value else None
    if found is None or series is None:
        return found
    return found if found[0] == series.kind and (
        found[0] != "OWN" or paragraph.level == series.level) else None


def _series(paragraph: Paragraph, found: tuple[str, int],
            was: list[tuple[Paragraph, tuple[str, int] | None]]) -> _Series:
    """The series a heading belongs to: its kind, or, typing its own number, its level
    and whether its level counts in letters ("A.", "B.", "C." are not Roman)."""
    if found[0] != "OWN":  # at the level of the first of its kind: articles restart below
        return _Series(found[0], min(p.level for p, f in was if f and f[0] == found[0]))
    alike = [_OWN.match(p.text)["key"] for p, f in was  # type: ignore[index]
             if f is not None and f[0] == "OWN" and p.level == paragraph.level]
    letters = any(key not in _ROMAN_VALUES for key in alike) or (
        len(alike) > 1 and alike[1] == "B")
    return _Series("OWN", paragraph.level, letters)


def _written(text: str, series: _Series, value: int) -> str:
    """``text`` numbered ``value`` in its own form."""
    if series.kind != "OWN":
        return renumbered_section(text, value)
    own = _OWN.match(text)
    if own is None:
        return text
    key = chr(64 + value) if series.letters and value <= 26 else roman(value)
    return key + text[own.end("key"):]


def _rekeyed(before: list[Paragraph], after: list[Paragraph]
             ) -> tuple[list[Paragraph], dict[str, str]]:
    """``after`` with each paragraph keyed by its section heading's new number where the
    heading's number changed (the paragraphs of "Article 4", now "Article 5": ``4.1`` ->
    ``5.1``); and the labels they had, by id."""
    out: list[Paragraph] = []
    moved: dict[str, str] = {}
    keys: tuple[str, str] | None = None
    for was, now in zip(before, after, strict=True):
        if now.kind is ParagraphKind.HEADING and (old_key := _key(was.text)):
            new_key = _key(now.text) or old_key
            keys = (old_key, new_key) if new_key != old_key else None
        elif keys is not None and (label := _moved(now.label, *keys)) is not None:
            moved[now.id] = now.label
            now = replace(now, label=label)
        out.append(now)
    return out, moved


def _key(text: str) -> str | None:
    """The key a heading gives its paragraphs' labels: its section's ("Article 4" ->
    "4"), or the Roman numeral it types ("II." -> "II")."""
    own = _OWN.match(text)
    return section_key(text) or (own["key"] if own is not None else None)


def _moved(text: str, old_key: str, new_key: str) -> str | None:
    """``text`` (a label) counted in section ``new_key`` where it counts in ``old_key``
    (or in a section keyed apart that ends so: ``ANNEX VI ARTICLE 4``); None otherwise."""
    try:
        label = parse_label(text)
    except LabelError:
        return None
    section = label.section
    if section == old_key:
        section = new_key
    elif section.endswith(f" {old_key}"):
        section = section[:-len(old_key)] + new_key
    else:
        return None
    return str(Label(label.prefix, label.number, label.suffix, section))


def run_on(numbers: list[int]) -> bool:
    """Whether each of ``numbers`` is the one before it plus one, or 1 (started again)."""
    return numbers[0] == 1 and all(b in (a + 1, 1) for a, b in pairwise(numbers))
