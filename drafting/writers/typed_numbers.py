"""Paragraph numbers as the secretariat's document types them ("5.<tab>", "5 bis.<tab>",
"(5)<tab>", Arabic "5 -<tab>", Chinese "５．"), read from its paragraphs and typed for new ones."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.errors import LabelError
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import parse_label, typed_number
from drafting.model.sections import LOCAL_SUFFIX
from drafting.ooxml.numbering import NumberingCounter, format_number
from drafting.readers.lines import ITEM_LETTERS
from drafting.readers.source_places import SourcePlace

_OTHER_LETTERS = "".join(ITEM_LETTERS)
TYPED_NUMBER = lazy_compile(
    r"\s*(?P<bracket>\[?)(?P<before>(?:(?P<prefix>OP|PP) ?(?=\d))?\(?)"
    r"(?P<number>\d{1,4}(?:\.\d{1,3}){0,3}"
    r"(?:\s*(?:[a-z]+|" + LOCAL_SUFFIX + r"))?"
    r"|(?:(?!ii)(?P<letter>[a-z])(?P=letter){0,2}|[" + _OTHER_LETTERS + r"]\u0640?)"
    r"(?:[ -][a-z]{3,15})?(?=[\t ]?\)))"
    r"(?P<after>(?:(?<=\.\d)|(?<=\.\d\d)|(?<=\.\d{3}))(?:\.?\t|\.?[ \u00a0]+)|"
    r"[\t ]?\.\t|[\t ]?\.[ \u00a0\u2002-\u200a\u202f]+|[\t ]+[-\u2013][\t ]|(?<!\d{4})\t|"
    r"[\t ]?\)\t|[\t ]?\)[ \u00a0\u2002-\u200a\u202f]+|[\t ]?[.)]\Z|(?<!\d{4})\Z|"
    r"[\t ]?[\uff0e\u3001](?!\d)[\t \u00a0\u2002-\u200a\u202f]*)")
"""A number typed before a paragraph's text: ``5.<tab>``, ``5 bis.<tab>``, a clause's
``1.2<tab>`` or ``1.2.1<tab>`` (`shown_number`; no full stop needed), ``5. `` (spaces
for the tab, no-break ones too), ``5 .<tab>`` (a space before the full stop, as the readers
take it), as Arabic texts type it, ``5 -<tab>`` or ``5 - `` (``5 مكررا -<tab>`` for
5 bis, Russian ``5 бис.<tab>``), in brackets, ``(5)<tab>``,
``5) `` or ``5 ) ``, as IMO and ICAO type it, with its label's prefix, ``OP5. `` or
``PP2. `` (``prefix``, as WHO texts type them), ``5<tab>`` (up to three figures, no full
stop: never a year), a decision's item lettered ``(c)<tab>`` or ``c) ``, past "z"
``(aa)<tab>``, Russian ``б)<tab>``, Arabic ``(ب)<tab>`` (`shown_number` types its
letter; never ``(ii)``, a list's numeral), as Chinese texts type it, ``5．`` or ``5、``
with no space after, or alone in its Word paragraph (``5.``, or ``5`` with no full
stop, a table's number cell: `drafting.readers.paragraph_tables`); its figures may be
the document's own (full-width ``５．``, Arabic-Indic ``٥.``), and a renumbered one
keeps them (`in_figures_of`).
``before`` and ``after`` are what stand before and after the number, the ``bracket`` of
a paragraph bracketed whole ("[5.<tab>Decides ...]") not among them: a new paragraph
typed in its form opens with no bracket."""


def typed_label(label: str, typed: str, text: str = "") -> str:
    """The label of a new paragraph typed as the paragraph before types its own: "5.\\t"
    gives "5 bis.\\t" for OP5 bis (and "7 Alt.\\t" for OP7 Alt), "5 -\\t" gives
    "5 bis -\\t", "(5)\\t" gives "(5 bis)\\t", "OP5. " gives "OP5 bis. " (and "PP2. "
    "PP2 bis. " for PP2 bis), and after a number lettered as the
    European Union letters them ("1a.\\t"), "1b.\\t" for OP1 ter; nothing where Word
    numbers the paragraphs. Its suffix is in the words of its ``text``'s language
    (`in_words_of`): "5 مكررا -\\t" before Arabic text, as Arabic texts type it."""
    if not typed:
        return ""
    found = TYPED_NUMBER.match(typed)
    before, after = (found["before"], found["after"]) if found else ("", ".\t")
    base, alt, rest = label.partition(" Alt")
    try:
        parsed = parse_label(base)
        before = with_prefix(before, base)  # "OP5 bis. " after "OP5. ", "PP2 bis. "
        if before[:2] == "PP":
            return f"{before}{typed_number(base)}{alt}{rest}{after}"
        if parsed.prefix == "OP":
            number = shown_number(base, found["number"] if found else "")
            if found and _LETTERED.fullmatch(found["number"]) and \
                    0 < parsed.suffix <= _LETTERS:  # "1a." before it: "1b.", not "1 ter."
                number = f"{parsed.number}{chr(ord('a') + parsed.suffix - 1)}"
            return f"{before}{in_words_of(number, text)}{alt}{rest}{after}"
    except LabelError:
        pass
    return f"{before}{label}{after}"  # other text keeps its label (T1 bis)


_TYPED_PREFIXES = frozenset({"OP", "PP"})
"""The label prefixes a document may type before its paragraphs' numbers ("OP1. URGES",
"PP2. Recalling", as WHO and some conference texts type them)."""


def with_prefix(before: str, label: str) -> str:
    """``before`` (what a document types before a paragraph's number: "", "(", "OP ")
    with the prefix of ``label`` for the one it types ("PP " for ``PP3`` after "OP "); ""
    where it types a prefix and ``label`` has none it types; as it is where it types none."""
    found = _PREFIX.match(before)
    if found is None:
        return before
    try:
        prefix = parse_label(label.partition(" Alt")[0]).prefix
    except LabelError:
        return ""
    return f"{prefix}{before[found.end():]}" if prefix in _TYPED_PREFIXES else ""


_PREFIX = lazy_compile(r"OP|PP")


def shown_number(label: str, typed: str) -> str:
    """The number to type for ``label`` where a paragraph of the document types ``typed``
    ("5", "1.2"): a clause's in full where the document types clauses so ("1.2" types
    ``1.3`` as "1.3", and ``1.2.1`` always "1.2.1"), else `typed_number`'s (``3.1`` is
    "1" in a treaty, whose heading names the article; ``RULE 1.3`` types "1.3" so too).
    LabelError for no label."""
    parsed = parse_label(label)
    clause = _CLAUSE_SECTION.fullmatch(parsed.section) is not None and (
        "." in parsed.section or "." in typed.strip("."))
    if (own := _OWN_NUMBER.search(parsed.section)) and "." in typed.strip("."):
        return in_figures_of(f"{own[1]}.{typed_number(label)}", typed)  # Rule 1's "1.2"
    if _LETTER.fullmatch(typed):  # a decision's items: "(c)" for OP3, "(c bis)" OP3 bis
        return in_letters(typed_number(label), typed)
    return in_figures_of(str(parsed) if clause else typed_number(label), typed)


def in_words_of(number: str, text: str) -> str:
    """``number`` ("5 bis") with its suffix as the language ``text`` is written in writes
    it: Arabic texts "5 مكررا" (and "5 مكررا ثانيا" for ter), Russian ones "5 бис", "5 тер",
    "5 кватер" (as their readers read them, `LOCAL_SUFFIX`); as it is in other scripts
    (French and Spanish write "bis" too), past the suffixes those texts are read in, and
    for a decision's item letter ("ج bis", as `TYPED_NUMBER` reads a letter's suffix)."""
    figures, space, suffix = number.rpartition(" ")
    words = _LOCAL_WORDS.get(_script(text), {}) if figures[:1].isdecimal() else {}
    return f"{figures} {words[suffix]}" if space and suffix in words else number


def _script(text: str) -> str:
    """The script most of ``text``'s letters are in: "arabic", "cyrillic" or "" (other)."""
    if not _ARABIC_OR_CYRILLIC.search(text):  # most texts: none of theirs, so other
        return ""
    counts = {"arabic": 0, "cyrillic": 0, "": 0}
    for char in text:
        if char.isalpha():
            script = "arabic" if "\u0600" <= char <= "\u06ff" else \
                "cyrillic" if "\u0400" <= char <= "\u04ff" else ""
            counts[script] += 1
    return max(counts, key=lambda script: (counts[script], script == ""))


_ARABIC_OR_CYRILLIC = lazy_compile("[\u0400-\u04ff\u0600-\u06ff]")
"""A character of the blocks `_script` counts as Arabic or Cyrillic letters."""


_LOCAL_WORDS = {
    "arabic": {"bis": "\u0645\u0643\u0631\u0631\u0627",  # "مكررا", repeated
               "ter": "\u0645\u0643\u0631\u0631\u0627 \u062b\u0627\u0646\u064a\u0627"},
    "cyrillic": {"bis": "бис", "ter": "тер", "quater": "кватер"},
}
"""The suffixes Arabic and Russian texts write in their own words, by the English one."""


_OWN_NUMBER = lazy_compile(r"(?:^| )(?:ARTICLE|RULE) (\w+)$")
"""The number of an article or a rule keyed apart (``ANNEX VI ARTICLE 1``, ``RULE 1``),
which its clauses type before their own ("1.2"), as a treaty's articles' clauses do."""


def in_letters(number: str, typed: str) -> str:
    """``number`` ("3", "3 bis") as a decision's item letter: "c", "c bis" (written as
    ``typed`` parts its suffix, "c-bis" after "a-bis"), past "z" the letter twice ("27"
    is "aa", as the United Nations letters on) or three times, in Russian or Arabic
    letters after one (`ITEM_LETTERS`: "в", "ج"); as it is beyond the last."""
    figures, _, suffix = number.partition(" ")
    letters = next((each for each in ITEM_LETTERS if typed[:1] in each), "")
    if not figures.isdigit() or not 0 < int(figures) <= (len(letters) or _MOST_LETTERED):
        return number
    letter = letters[int(figures) - 1] if letters else \
        format_number(int(figures), "lowerLetter")  # as Word letters a list on
    letter += _TATWEEL if letter == "\u0647" else ""  # "هـ", as Arabic texts write it
    return f"{letter}{'-' if '-' in typed else ' '}{suffix}" if suffix else letter


_LETTER = lazy_compile(r"(?:([a-z])\1{0,2}|[" + _OTHER_LETTERS + r"]\u0640?)(?:[ -][a-z]{3,15})?")
"""A number typed as a decision item's letter (`TYPED_NUMBER`): "c", "c bis", "aa",
Russian "в", Arabic "ج"."""
_TATWEEL = "\u0640"
_MOST_LETTERED = 3 * 26
"""The last item a letter types, "(zzz)" (as `TYPED_NUMBER` and the readers read it)."""


def in_figures_of(number: str, typed: str) -> str:
    """``number`` ("12") in the figures ``typed`` writes, where they are not 0-9: "１２"
    after full-width "５", "١٢" after Arabic-Indic "٥"; as it is after none."""
    first = next((char for char in typed if char.isdecimal()), "0")
    zero = ord(first) - unicodedata.decimal(first)
    if zero == ord("0"):
        return number
    return number.translate({ord("0") + digit: zero + digit for digit in range(10)})


def clause_level(document: Any, paragraph: Any, label: str) -> None:
    """Put the new ``paragraph`` (a ``w:p`` of ``document`` in the form of the one before)
    at its clause's level of a multilevel list Word numbers it in (`NumberingCounter.
    clause_level`): Word then shows ``1.2`` for a new clause 1.2 made after 1.1.1."""
    if (depth := clause_depth(label)) < 0 or paragraph.find(_NUM_PR) is None:
        return  # no clause, or no list numbers it: nothing to read the lists for
    if not _LAST_COUNTER or _LAST_COUNTER[0] is not document:  # lists read once a writer
        _LAST_COUNTER[:] = [document, NumberingCounter(document)]
    _LAST_COUNTER[1].clause_level(paragraph, depth)


_NUM_PR = f"{qn('w:pPr')}/{qn('w:numPr')}"
_LAST_COUNTER: list[Any] = []
"""The document last asked about and its lists (`clause_level` reads only their
definitions, never a count)."""


def clause_depth(label: str) -> int:
    """How many levels down the clause ``label`` stands: 0 for ``OP2``, 1 for ``1.2``, 2
    for ``1.2.1`` (-1 for a label that does not parse or names no clause)."""
    try:
        parsed = parse_label(label)
    except LabelError:
        return -1
    if parsed.prefix != "OP" or not _CLAUSE_SECTION.fullmatch(parsed.section or "0"):
        return -1
    return parsed.section.count(".") + 1 if parsed.section else 0


_CLAUSE_SECTION = lazy_compile(r"\d{1,3}(?:\.\d{1,3}){0,2}")
"""A section named by a clause's number (``1``, ``1.2``)."""
_LETTERED = lazy_compile(r"\d{1,4}[a-s]")
_LETTERS = 19
"""How many letters stand for suffixes: a for bis to s for novies decies, as read."""


def typed_before(place: SourcePlace) -> str:
    """The label typed before a paragraph's text ("5.\\t"), or ""."""
    typed = typed_label_of(place)
    return typed.group() if typed else ""


def typed_label_of(place: SourcePlace) -> re.Match[str] | None:
    """The number typed before a paragraph's text as its label (`TYPED_NUMBER`: "5.\\t",
    none of the text's characters), or None: also where the number is the text's own, an
    annex's clause "1.1\\t" read as ``ANNEX.1`` with its typed number kept as its text,
    which no renumbering changes and no new paragraph copies."""
    typed = TYPED_NUMBER.match(place.paragraphs[0].text)
    if typed is None:
        return None
    start, end = typed.span("number")
    for length, index, offset in place.places.stretches:
        if index == 0 and offset < end and start < offset + length:
            return None  # a character of the number is one of the text's
    return typed


def label_kind(label: str) -> ParagraphKind | None:
    """The kind of paragraph ``label`` names, None for one that does not parse."""
    try:
        return parse_label(label.partition(" Alt")[0]).kind
    except LabelError:
        return None


def alone_untyped(old: Sequence[Paragraph], new: Sequence[Paragraph],
                  places: Mapping[str, SourcePlace | None]) -> set[str]:
    """The ids of the new paragraphs alone in their article (``5.1``, no ``5.2``) that
    the secretariat's document would type no number before: it types none before an
    article's only paragraph (and one before each of an article's several), as treaties
    number an article's paragraphs only where it has several."""
    def alone(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
        sections: dict[str, list[Paragraph]] = {}
        for paragraph in paragraphs:
            if paragraph.kind is ParagraphKind.OPERATIVE and (key := _section(paragraph)):
                sections.setdefault(key, []).append(paragraph)
        return [found[0] for found in sections.values() if len(found) == 1]

    typed = {typed_label_of(place) is not None for p in alone(old)
             if (place := places.get(p.id)) is not None and place.paragraphs}
    if typed != {False}:
        return set()
    known = {p.id for p in old}
    return {p.id for p in alone(new) if p.id not in known}


def _section(paragraph: Paragraph) -> str:
    try:
        return parse_label(paragraph.label).section
    except LabelError:
        return ""
