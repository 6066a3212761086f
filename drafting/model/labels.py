"""Paragraph labels as negotiators write them: ``PP3``, ``OP5``, ``OP5 bis``, ``3.1``.

A label is a prefix (``PP`` preambular, ``OP`` operative, ``H`` heading,
``T`` other text, ``FN`` footnote), a number, and for a paragraph proposed between two others a
Latin suffix: ``OP5 bis``, ``OP5 ter``, ... until a revision renumbers them.
In a text numbered within its sections (a treaty's articles), an operative
paragraph's label is SECTION.NUMBER: ``3.1``, ``3.1 bis`` (paragraph 1 of
Article 3), ``II.4`` (paragraph 4 of Chapter II).

Past the Latin suffixes the count goes on in figures: ``OP5 vicies`` is the twentieth
paragraph numbered 5 (the nineteenth new one), and the next are ``OP5.21``, ``OP5.22``,
... without end (the figure after the dot says which paragraph numbered 5 it is, as the
Latin did); in a sectioned text, ``3.1.21`` follows ``3.1 vicies``. They sort after
``vicies`` and before ``OP6``. Three numbers cannot be a section label (``3.1`` is
paragraph 1 of Article 3), and a prefix is never written before a section label, so
``OP5.21`` and ``3.1.21`` each read one way only; a bare ``5.21`` is paragraph 21 of
section 5, as it always was. The figures start at 21: ``OP5.2`` is not a label (write
``OP5 bis``). Word writers type ``5.21.`` before such a paragraph; the readers take
``OP5.21`` (prefix written) as this label, never a bare ``5.21.`` or ``3.1.21``, which
documents use for paragraphs numbered on three levels.

A clause numbered on three levels, ``1.2.1`` (paragraph 1 of section ``1.2``), is read
so where its last number is below 21 (`clause_label`).

Spellings read: ``OP5 bis``, ``op 5 BIS``, ``OP5bis``, ``5 bis``, ``5bis`` and a
bare ``5`` (operative), ``3.1 bis``, ``3.1bis``, ``op5.21``, ``3.1.21``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache

from drafting.errors import LabelError
from drafting.lazy_re import lazy_compile
from drafting.model.document import ParagraphKind

SUFFIXES: tuple[str, ...] = (
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
    "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies",
    "septdecies", "octodecies", "novodecies", "vicies",
)
"""Latin suffixes in order: the n-th new paragraph after OP5 is ``OP5 <SUFFIXES[n-1]>``;
past the last, the (n+1)-th paragraph numbered 5 is ``OP5.<n+1>`` (`FIRST_FIGURE` on)."""

FIRST_FIGURE = len(SUFFIXES) + 2
"""The first suffix written in figures: ``OP5.21`` follows ``OP5 vicies``."""
MAX_FIGURE = 9_999_999
"""The last one (seven figures: more new paragraphs after one paragraph than amendments a
store numbers)."""
FIGURE_PATTERN = r"(?:2[1-9]|[3-9]\d|[1-9]\d{2,6})(?!\d)"
"""A suffix in figures, without its dot: 21 to 9,999,999."""

PREFIX_KINDS: dict[str, ParagraphKind] = {
    "PP": ParagraphKind.PREAMBULAR,
    "OP": ParagraphKind.OPERATIVE,
    "H": ParagraphKind.HEADING,
    "T": ParagraphKind.OTHER,
    "FN": ParagraphKind.FOOTNOTE,
}
KIND_PREFIXES: dict[ParagraphKind, str] = {kind: prefix for prefix, kind in PREFIX_KINDS.items()}

_SUFFIX_PATTERN = "|".join(sorted(SUFFIXES, key=len, reverse=True))
ALTERNATIVE = "alt"
"""What follows an article's number in the heading of an alternative to it ("Article 13
alt", its paragraphs ``13alt.1``, ...), as chairs' texts of treaties set one out."""
_ALTERNATIVE_KEY = rf"(?:{_SUFFIX_PATTERN})?{ALTERNATIVE}\d{{0,2}}"
"""An alternative's suffix in a section's key: ``alt``, ``alt2``, ``bisalt``."""
_SECTION = (r"(?:ANNEX|APPENDIX)(?:\s?(?:\d{1,3}|[IVXLC]{1,7}|[A-Z])(?:bis|ter)?)?"
            r"(?:\s?(?:PART|CHAPTER|SECTION)\s?(?:\d{1,3}[A-Z]?|[IVXLC]{1,7}|[A-Z])"
            r"|\s?(?:ARTICLE|RULE)\s?\d{1,3}(?:bis|ter|[A-Z])?)?"
            r"|RULE\s?\d{1,3}(?:bis|ter|[A-Z])?"
            r"|ARTICLE|CHAPTER|PART|SECTION"
            rf"|\d{{1,3}}(?:{_ALTERNATIVE_KEY}|{_SUFFIX_PATTERN}|[A-Z])?"
            rf"|[IVXLC]{{1,7}}(?:{_ALTERNATIVE_KEY}|{_SUFFIX_PATTERN})?|[A-Z]")
SECTION_PATTERN = rf"(?:(?:{_SECTION})\s?)?OPTION\s?(?:\d{{1,2}}|[A-Z])|{_SECTION}"
"""What names a section in a label: an article's number (``3``, ``3bis``, ``3quater``, an
alternative to it ``3alt``, a second ``3alt2``, one to Article 3 bis ``3bisalt``, and as
the European Union numbers an article inserted after Article 3, ``3A``), a chapter's or an
agreement's article's roman numeral (``II``, and ``IIbis`` for one inserted after it:
"Article I bis", "Chapter II bis"), a section's letter; an annex or an appendix, with its
own number if it has one (``ANNEX``, ``ANNEX I``, ``APPENDIX 2``), so that paragraph 1 of
Annex I (``ANNEX I.1``) is never paragraph 1 of Chapter I (``I.1``), and with a part,
chapter or section of its own where the key that part gives is already another's (``ANNEX B
PART I``: Part I of Annex B, after Annex A's Part I, ``I``), or an article or a rule of its
own where the treaty's articles number alike (``ANNEX VI ARTICLE 1``: Article 1 of the
statute Annex VI holds); a rule of regulations after a treaty's articles (``RULE 1``, where
Article 1 is ``1``); or the kind of a section whose heading gives no number (``CHAPTER``);
or an option laid out as a block of paragraphs numbered from 1 again ("Option 2" on its own
line in Article 5): ``5 OPTION 2`` (``5 OPTION 2.1``, paragraph 1 of Option 2 of Article 5;
``ANNEX I OPTION 2`` in Annex I, ``OPTION 2`` outside any section)."""
_ANNEX_NUMBER = lazy_compile(r"(ANNEX|APPENDIX)\s*(?=\S)")
_SUFFIXED_SECTION = lazy_compile(
    rf"(\d{{1,3}}|[IVXLC]{{1,7}}|(?:ANNEX|APPENDIX) \w{{1,7}}?)"
    rf"((?:{_SUFFIX_PATTERN.upper()})?{ALTERNATIVE.upper()}\d{{0,2}}|{_SUFFIX_PATTERN.upper()})")
_OPTION_SECTION = lazy_compile(r"(.*?)\s?OPTION\s?(\S+)")
_ANNEX_PART = lazy_compile(
    r"((?:ANNEX|APPENDIX)(?: \S+?)?)\s?(PART|CHAPTER|SECTION|ARTICLE|RULE)\s?(\S+)")
_RULE_SECTION = lazy_compile(r"RULE\s?(\d{1,3})(BIS|TER)?(\w?)")
_SUFFIXED_KEY = lazy_compile(r"(?<=\d)(BIS|TER)$")
"""An article's suffix in a key (``3BIS``), written as its heading gives it: ``3bis``."""
LABEL_RE = lazy_compile(
    rf"(?:(PP|OP|FN|H|T)\s*|({SECTION_PATTERN})\.)?(\d{{1,4}})"
    rf"(?:\s*({_SUFFIX_PATTERN})\b|\.(\d{{1,7}}))?",
    re.IGNORECASE,
)
"""A label anywhere; use ``fullmatch`` for a whole label. Groups: prefix, section,
number, Latin suffix, suffix in figures (a bare number is operative; `parse_label` refuses
figures below 21)."""


@dataclass(frozen=True, slots=True, order=True)
class Label:
    """A parsed label. Labels sort as they stand in a text: OP5 < OP5 bis < OP6."""

    prefix: str
    number: int
    suffix: int = 0
    """0 for none, 1 for bis, 2 for ter, ..., 19 for vicies, 20 for ``.21``, ..."""
    section: str = ""
    """The section the number counts in (``3`` for Article 3, ``II``); "" for a text
    numbered straight through. A label with a section is shown ``3.1``."""

    def __str__(self) -> str:
        base = f"{self.section}.{self.number}" if self.section else f"{self.prefix}{self.number}"
        if not self.suffix:
            return base
        if self.suffix <= len(SUFFIXES):
            return f"{base} {SUFFIXES[self.suffix - 1]}"
        return f"{base}.{self.suffix + 1}"

    @property
    def family(self) -> tuple[str, str, int]:
        """What a paragraph and the new ones proposed after it share: OP5, OP5 bis, ..."""
        return (self.prefix, self.section, self.number)

    @property
    def kind(self) -> ParagraphKind:
        """The kind of paragraph this label names."""
        return PREFIX_KINDS[self.prefix]


_CLAUSE_RE = lazy_compile(
    rf"(\d{{1,3}}(?:\.\d{{1,3}}){{1,2}})\.(\d{{1,4}})(?:\s*({_SUFFIX_PATTERN})\b)?",
    re.IGNORECASE)
"""A clause numbered on three or four levels: its section (``1.2``) and number (``1``)."""


def clause_label(text: str) -> Label | None:
    """The label of a clause numbered on three or four levels, as IMO, ICAO and ISO texts
    number them: ``1.2.1`` is paragraph 1 of section ``1.2`` (as ``1.2`` is paragraph 2
    of section ``1``), ``1.2.1 bis`` the new one after it. None for anything else, and
    for a last number from 21 on (``1.2.21`` reads as the figure after ``1.2 vicies``)."""
    match = _CLAUSE_RE.fullmatch(text.strip())
    if match is None or (int(match[2]) >= FIRST_FIGURE and not match[3]):
        return None
    suffix = SUFFIXES.index(match[3].lower()) + 1 if match[3] else 0
    return Label("OP", int(match[2]), suffix, match[1])


@lru_cache(maxsize=8192)  # a text's writers ask for each of its labels many times
def parse_label(text: str) -> Label:
    """Read a label such as ``OP5``, ``op 5 bis``, ``OP5bis``, ``PP12``, ``3.1 bis``,
    ``OP5.21`` or ``3.1.21``; case and spacing are forgiven, and a bare number (``5``,
    ``5 bis``) is operative.

    Raises LabelError for anything else, saying what a label looks like. The same text
    always reads as the same (immutable) Label: answers are kept for the texts asked most
    recently (writing a merged draft of 600 paragraphs asked 6,800 times for 1,300).
    """
    match = LABEL_RE.fullmatch(text.strip())
    figure = int(match[5]) if match is not None and match[5] is not None else 0
    if (match is None or 0 < figure < FIRST_FIGURE) and (clause := clause_label(text)):
        return clause
    if match is None or (match[5] is not None and figure < FIRST_FIGURE):
        raise LabelError(
            f"'{text}' is not a paragraph label: expected e.g. PP3, OP5, OP5 bis or 3.1"
            + (" (a figure after the dot counts from 21, after vicies; below it write "
               "bis, ter, ...)" if match is not None else ""))
    prefix, section, number, suffix = match.groups()[:4]
    suffix_index = (SUFFIXES.index(suffix.lower()) + 1 if suffix else
                    figure - 1 if figure else 0)
    return Label((prefix or "OP").upper(), int(number), suffix_index,
                 _section_name(section or ""))



def section_of(label: str) -> str:
    """The section ``label`` numbers its paragraph in ("3" for 3.1, "13alt" for 13alt.1);
    "" for none, or a label that does not parse."""
    try:
        return parse_label(label).section
    except LabelError:
        return ""

def _section_name(section: str) -> str:
    """A section's name as labels write it: ``annexi`` -> ``ANNEX I``, ``3BIS`` -> ``3bis``
    (as the heading "Article 3 bis" gives it), ``annexbparti`` -> ``ANNEX B PART I``,
    ``5option2`` -> ``5 OPTION 2``."""
    name = _ANNEX_NUMBER.sub(r"\1 ", section.upper())
    if (rule := _RULE_SECTION.fullmatch(name)) is not None:  # "RULE 1", "RULE 1bis"
        return f"RULE {rule[1]}{(rule[2] or '').lower()}{rule[3]}"
    if (option := _OPTION_SECTION.fullmatch(name)) is not None:  # "5 OPTION 2"
        return f"{_section_name(option[1])} OPTION {option[2]}".lstrip()
    part = ""
    if (parted := _ANNEX_PART.fullmatch(name)) is not None:  # "ANNEX VI ARTICLE 3bis"
        key = _SUFFIXED_KEY.sub(lambda found: found[0].lower(), parted[3])
        name, part = parted[1], f" {parted[2]} {key}"
    suffixed = _SUFFIXED_SECTION.fullmatch(name)
    return (f"{suffixed[1]}{suffixed[2].lower()}" if suffixed else name) + part


def normalize_label(text: str) -> str:
    """The canonical spelling of a label: ``op 5 BIS`` -> ``OP5 bis``."""
    return str(parse_label(text))


def next_label(after: str, existing: Iterable[str]) -> str:
    """The label for a new paragraph proposed after the paragraph ``after``.

    It takes the first suffix beyond ``after``'s own that no label in ``existing``
    uses: after ``OP5`` it is ``OP5 bis``; if ``OP5 bis`` is taken, ``OP5 ter`` (new
    paragraphs proposed after the same paragraph queue in the order they come); after
    ``OP5 vicies``, ``OP5.21``, ``OP5.22``, ... Raises LabelError only past
    ``OP5.9999999``.
    """
    base = parse_label(after)
    taken = {label.suffix for label in map(parse_label, existing) if label.family == base.family}
    suffix = base.suffix + 1
    while suffix in taken:
        suffix += 1
    if suffix + 1 > MAX_FIGURE:
        raise LabelError(f"no label left after {after}: every suffix up to "
                         f".{MAX_FIGURE} is taken; issue a revision to renumber the text")
    return str(Label(base.prefix, base.number, suffix, base.section))


def renumber(labels: Sequence[str], *, starts: Iterable[str] = ()) -> dict[str, str]:
    """Number a whole text afresh, in the order given: PP1, PP2, ..., OP1, OP2, ...

    Each prefix counts on its own, and each section's paragraphs within their
    section (``3.1``, ``3.2``, ...); suffixes go (``OP4 bis`` becomes ``OP5`` and the
    old ``OP5`` becomes ``OP6``). A series counts from 1, or from the lowest number
    ``starts`` gives it (the labels of the text before: a text whose paragraphs are
    numbered from 6, continuing another, keeps counting from 6). Returns old -> new for
    every label; unchanged ones map to themselves. Raises LabelError on a duplicate label.
    """
    first: dict[tuple[str, str], int] = {}
    for text in starts:
        with suppress(LabelError):
            label = parse_label(text)
            if label.number > 0:
                key = (label.prefix, label.section)
                first[key] = min(first.get(key, label.number), label.number)
    counters: dict[tuple[str, str], int] = {key: start - 1 for key, start in first.items()}
    table: dict[str, str] = {}
    moved: dict[str, str] = {}  # a clause's number, its sub-clauses' section: "1.2" -> "1.3"
    chain: set[str] = set()  # the clauses the last one stands in, and its own ("1", "1.2")
    for text in labels:
        label = parse_label(text)
        old = str(label)
        if old in table:
            raise LabelError(f"the label {old} occurs twice; each paragraph needs its own")
        clause = label.prefix == "OP" and _CLAUSE_SECTION.fullmatch(label.section or "0")
        section = moved.get(label.section, label.section) \
            if clause and label.section in chain else label.section
        count = counters[label.prefix, section] = counters.get((label.prefix, section), 0) + 1
        table[old] = str(Label(label.prefix, count, 0, section))
        if clause:  # a sub-clause moves with its clause only right under it (no heading)
            parts = label.section.split(".") if label.section else []
            chain = {".".join(parts[:k]) for k in range(1, len(parts) + 1)}
            if not label.suffix:
                own = _clause_key(label.section, label.number)
                moved[own] = _clause_key(section, count)
                chain.add(own)
        elif label.prefix != "FN":  # a footnote follows the clause citing it
            chain = set()
    return table


_CLAUSE_SECTION = lazy_compile(r"\d{1,3}(?:\.\d{1,3}){0,2}")
"""A section named by a clause's number (``1``, ``1.2``): renumbered with the clause."""


def _clause_key(section: str, number: int) -> str:
    """The section key the sub-clauses of clause ``number`` of ``section`` stand in."""
    return f"{section}.{number}" if section else str(number)


def sub_clause(label: Label, of: tuple[str, str, int]) -> bool:
    """Whether ``label`` numbers a sub-clause of the clause family ``of`` (a `Label.family`):
    ``1.2.1`` and ``1.2.1.1`` of ``1.2``'s, ``1.2`` of ``OP1``'s. Such a clause's new
    paragraphs (``1.2 bis``) stand after its sub-clauses, as a new clause 1.3 would."""
    prefix, section, number = of
    key = _clause_key(section, number)
    return prefix == label.prefix == "OP" and _CLAUSE_SECTION.fullmatch(section or "0") \
        is not None and (label.section == key or label.section.startswith(f"{key}."))


def typed_number(label: str) -> str:
    """What a document types before an operative paragraph, without the full stop:
    ``OP7`` -> ``7``, ``OP7 bis`` -> ``7 bis``, ``OP7.21`` -> ``7.21``, ``3.1`` -> ``1``
    (the article's heading names the article). Raises LabelError for what is not a
    label."""
    parsed = parse_label(label)
    shown = str(parsed)
    return shown.split(".", 1)[1] if parsed.section else shown.removeprefix(parsed.prefix)


def changed(table: dict[str, str]) -> dict[str, str]:
    """Only the entries of a renumbering table whose label changes."""
    return {old: new for old, new in table.items() if old != new}
