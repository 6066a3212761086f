"""Word's automatic numbering: the number a reader sees in front of a paragraph.

A numbered paragraph has ``w:pPr/w:numPr`` (``w:numId`` and ``w:ilvl``), set
on the paragraph or inherited from its style (and the styles that style is
based on). ``w:numId`` names a ``w:num`` in the numbering part, which points to
a ``w:abstractNum`` whose ``w:lvl`` elements say, per level, where counting
starts (``w:start``), how a number is written (``w:numFmt``) and the text
around it (``w:lvlText``: ``%1.``, ``(%2)``, ``%1.%2``).

Counting follows Word: ``w:num`` elements that share an ``w:abstractNum`` share
its counters (that is one list), unless a ``w:lvlOverride/w:startOverride``
restarts a level where that ``w:num`` is first used at that level. Counting a
level resets the deeper levels, except one whose ``w:lvlRestart`` says otherwise: 0
never restarts it (a treaty's "Article %2" counting on through its parts, "Part %1"),
N restarts it after level N or an earlier one only. Not modelled: legacy ``w:legacy``
numbering, and number formats beyond those in `FORMATS` (written as decimals).

Bounded as Word bounds it: a list that starts (or restarts) beyond
`drafting.limits.MAX_LIST_NUMBER` either side of zero, or a level that writes its
number with more than `drafting.limits.MAX_LIST_NUMBER_TEXT` characters, is refused
(`LimitError`, naming the list and level) when the definitions are read: Word writes
neither, and no number can be shown for them that Word would show. A list that starts
below zero is refused too (`ReaderError`): its paragraphs' labels (``OP-3``) could be
amended but no revision could number them. Numbers counted
past what letters (`MAX_LETTERS`) or roman numerals write are written as decimals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.errors import LimitError, ReaderError
from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_LIST_NUMBER, MAX_LIST_NUMBER_TEXT
from drafting.ooxml.numbering_styles import StyleTable
from drafting.ooxml.numbering_styles import child_value as _val
from drafting.ooxml.numbering_styles import whole_number as _int
from drafting.ooxml.parts import word_parts

LEVELS = 9
FORMATS = (
    "decimal", "decimalZero", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman",
    "bullet", "none",
)
"""The ``w:numFmt`` values written as Word writes them; others read as decimal."""

_PLACEHOLDER = lazy_compile(r"%([1-9])")
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)
_BULLET = "•"
MAX_LETTERS = 26 * 30
"""The highest number written in letters ("zz...z", 30 letters; no real list counts so
far); beyond it, decimals, so that no number grows with its value."""
_SEE = '(see "Input limits" in the README)'


@dataclass(frozen=True, slots=True)
class ListNumber:
    """The number shown in front of one paragraph.

    ``text`` is what a reader sees: ``"3."``, ``"(b)"``, ``"2.1"``, ``"•"`` for
    a bullet (Symbol-font bullets become "•"), or ``""`` for format "none".
    ``level`` is 0 for the top level; ``value`` is that level's counter and
    ``format`` its ``w:numFmt``; ``list`` names the list it counts in (its
    ``w:abstractNum``: Word's "List Number" and "List Number 2" are two).
    """

    text: str
    level: int
    value: int
    format: str
    list: str = ""


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    format: str = "decimal"
    text: str = ""
    legal: bool = False
    style: str | None = None
    restart: int | None = None
    """``w:lvlRestart``: the level (counted from 1) whose use restarts this one, 0 for
    none; None restarts it after any earlier level, as Word does by default."""


@dataclass(slots=True)
class _Num:
    abstract: str
    levels: dict[int, _Level]
    start_overrides: dict[int, int] = field(default_factory=dict)


class NumberingCounter:
    """Counts a document's automatic numbering, paragraph by paragraph.

    Give `number` every paragraph a reader sees, in document order (paragraphs
    in tables too, since Word counts them); each call advances the counters.
    A document without a numbering part numbers nothing. ``document``: a python-docx
    ``Document`` or its parts (`drafting.ooxml.parts`).
    """

    def __init__(self, document: Any) -> None:
        parts = word_parts(document)
        self._styles = StyleTable(parts.styles)
        root = parts.numbering
        abstracts = _abstract_levels(root) if root is not None else {}
        self._nums = _nums(root, abstracts, self._styles) if root is not None else {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[tuple[str, int]] = set()

    def number(self, paragraph: etree._Element, *, count: bool = True) -> ListNumber | None:
        """The number Word shows for ``paragraph`` (a ``w:p``), or None when it
        has no automatic number (no ``w:numPr``, ``w:numId`` 0, or an unknown one).
        Without ``count``, the paragraph is numbered where it stands but the ones after
        it are numbered as if it were not there (a paragraph a tracked change inserts,
        for the numbers the others had before it)."""
        if not self._nums:  # no numbering part, or an empty one: nothing is numbered
            return None
        found = self._styles.num_pr(paragraph)
        if found is None:
            return None
        num_id, level, styles = found
        num = self._nums.get(num_id)
        if num is not None and level is None:
            level = _styled_level(num, styles)
        if num is None or level not in num.levels:
            return None
        counters = self._counters.setdefault(num.abstract, [None] * LEVELS)
        before = None if count else (list(counters), (num_id, level) in self._started)
        value = self._advance(num_id, num, counters, level)
        shown = ListNumber(_render(num, counters, level), level, value,
                           num.levels[level].format, num.abstract)
        if before is not None:  # as it was: the paragraph is not counted
            counters[:], started = before
            if not started:
                self._started.discard((num_id, level))
        return shown

    def place(self, paragraph: etree._Element) -> tuple[str, int] | None:
        """The ``w:numId`` and level that number ``paragraph`` (as `number` finds them),
        or None when it has no automatic number."""
        found = self._styles.num_pr(paragraph) if self._nums else None
        num = self._nums.get(found[0]) if found is not None else None
        if found is None or num is None:
            return None
        level = _styled_level(num, found[2]) if found[1] is None else found[1]
        return (found[0], level) if level in num.levels else None

    def set_count(self, paragraph: etree._Element, value: int) -> None:
        """Count on as if ``paragraph`` (just numbered by `number`) had shown ``value``
        at its level: its list restarted there (a ``w:startOverride`` put where its
        ``w:num`` is first used), the paragraphs after it numbered on from ``value``."""
        place = self.place(paragraph)
        if place is None:
            return
        num = self._nums[place[0]]
        num.start_overrides[place[1]] = value
        counters = self._counters.setdefault(num.abstract, [None] * LEVELS)
        counters[place[1]] = value
        _restart_deeper(num, counters, place[1])

    def numbers_any(self, element: etree._Element) -> bool:
        """Whether `number` may number a paragraph of ``element``: one has a ``w:numPr``
        of its own, or a paragraph style used in it (or the default one) sets one. False
        tells, in one look at ``element``, that `number` gives None for each of them."""
        if not self._nums:
            return False
        used: set[str | None] = set()
        for found in element.iter(_NUM_PR, _P_STYLE):  # one pass for both
            if found.tag == _NUM_PR:
                return True
            used.add(found.get(_VAL))
        return any(self._styles.sets_number(style_id or self._styles.default)
                   for style_id in (*used, None))

    def clause_level(self, paragraph: etree._Element, depth: int) -> None:
        """Put ``paragraph`` (a ``w:p`` with a ``w:numPr`` of its own, copied from the
        paragraph before) at the level of its list whose number has ``depth`` + 1 parts
        ("%1.%2" for 1): a new clause 1.2 made after 1.1.1 shows "1.2", not "1.1.2".
        Nothing for a paragraph no list numbers, or numbers at a level of one part ("%1.",
        a treaty's paragraph 1 of Article 3 is no clause 3.1), or a list with no such level."""
        found = self._styles.num_pr(paragraph)
        ilvl = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
        num = self._nums.get(found[0]) if found is not None else None
        level = num.levels.get(_int(ilvl.get(qn("w:val")), 0)) \
            if num is not None and ilvl is not None else None
        if num is None or ilvl is None or level is None or \
                len(_PLACEHOLDER.findall(level.text)) < 2:
            return
        wanted = [k for k, lvl in sorted(num.levels.items()) if lvl.format == "decimal"
                  and len(_PLACEHOLDER.findall(lvl.text)) == depth + 1]
        if wanted:
            ilvl.set(qn("w:val"), str(wanted[0]))

    def _advance(self, num_id: str, num: _Num, counters: list[int | None], level: int) -> int:
        if (num_id, level) not in self._started and level in num.start_overrides:
            counters[level] = num.start_overrides[level] - 1
        self._started.add((num_id, level))
        current = counters[level]
        counters[level] = num.levels[level].start if current is None else current + 1
        _restart_deeper(num, counters, level)
        return counters[level] or 0


def _restart_deeper(num: _Num, counters: list[int | None], level: int) -> None:
    """Restart the levels below ``level``, just counted, that its use restarts: each one
    but those whose ``w:lvlRestart`` names none (0) or a level after ``level``."""
    for deeper in range(level + 1, LEVELS):
        restart = found.restart if (found := num.levels.get(deeper)) is not None else None
        if restart is None or restart > deeper or level < restart:
            counters[deeper] = None


def _styled_level(num: _Num, styles: list[str]) -> int:
    """The level a paragraph style is linked to (``w:lvl/w:pStyle``), else 0."""
    for style in styles:
        for index, level in sorted(num.levels.items()):
            if level.style == style:
                return index
    return 0


def numbered_labels(document: Any) -> dict[etree._Element, str]:
    """The number shown in front of each numbered paragraph of the body, by
    ``w:p`` element (paragraphs in tables included); unnumbered ones are left out.

    Tracked changes are not taken into account here: a reader that drops
    deleted paragraphs should use `NumberingCounter` on the paragraphs it keeps.
    """
    parts = word_parts(document)
    counter = NumberingCounter(parts)
    labels: dict[etree._Element, str] = {}
    for paragraph in parts.body.iter(qn("w:p")):
        if (number := counter.number(paragraph)) is not None:
            labels[paragraph] = number.text
    return labels


def format_number(value: int, number_format: str) -> str:
    """``value`` written in ``number_format`` (``w:numFmt``): 3 -> "3", "c",
    "C", "iii", "III", "03"; 27 in letters is "aa". Unknown formats and values
    that a format cannot write (0 or less, or over `MAX_LETTERS` in letters; 0 or less,
    or over 3,999 in roman numerals) give decimals."""
    if number_format in ("lowerLetter", "upperLetter") and 0 < value <= MAX_LETTERS:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letters.upper() if number_format == "upperLetter" else letters
    if number_format in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = _roman(value)
        return roman.upper() if number_format == "upperRoman" else roman
    if number_format == "decimalZero":
        return f"{value:02d}"
    if number_format == "none":
        return ""
    return str(value)


def shown_alike(shown: str, text: str) -> str | None:
    """The number that ``text`` opens with where it is written as ``shown`` (a number Word
    shows: "Article 3", "Part II") is, its numbers aside: "Article 2" in "Article 2
    Scope"; None where ``text`` opens with none so written."""
    parts = re.split(r"(\w+)", shown.rstrip())  # words at odd places: "Article", "3"
    pattern = "".join(r"\w{1,8}" if n % 2 and _numeral(part) else re.escape(part)
                      for n, part in enumerate(parts))
    found = re.match(rf"{pattern}(?=\s|$)", text) if shown.strip() else None
    return found[0] if found else None


def _numeral(word: str) -> bool:
    """Whether ``word`` is a number as Word's lists write them ("3", "IV", "b")."""
    return word.isdigit() or len(word) == 1 or re.fullmatch(r"[IVXLCivxlc]+", word) is not None


def _roman(value: int) -> str:
    out = []
    for amount, digits in _ROMAN:
        count, value = divmod(value, amount)
        out.append(digits * count)
    return "".join(out)


def _render(num: _Num, counters: list[int | None], level: int) -> str:
    definition = num.levels[level]
    if definition.format == "bullet":
        return _bullet(definition.text)

    def placeholder(match: re.Match[str]) -> str:
        index = int(match[1]) - 1
        shown = num.levels.get(index, _Level())
        value = counters[index] if counters[index] is not None else shown.start
        use = "decimal" if definition.legal and shown.format != "none" else shown.format
        return format_number(value or 0, use)

    return _PLACEHOLDER.sub(placeholder, definition.text)


def _bullet(text: str) -> str:
    """Symbol and Wingdings bullets live in the private use area; show "•"."""
    if not text or any("\uf000" <= char <= "\uf0ff" for char in text):
        return _BULLET
    return text


_NUM_PR, _VAL, _P_STYLE = qn("w:numPr"), qn("w:val"), qn("w:pStyle")


def _start(text: str | None, where: str, verb: str = "starts") -> int:
    """A level's start (``w:start``, ``w:startOverride``); 1 when missing or not a number.
    LimitError naming ``where`` beyond `MAX_LIST_NUMBER` either side of zero; ReaderError
    below zero (labels such as ``OP-3`` could be amended but never revised)."""
    value = _int(text, 1)
    digits = (text or "").strip().lstrip("+-")
    if 0 <= value <= MAX_LIST_NUMBER and not (digits.isdigit() and len(digits) > 20):
        return value
    if -MAX_LIST_NUMBER <= value < 0:
        raise ReaderError(
            f"{where} {verb} at {value:,}, below 0, where a Word list counts from 0 or "
            "above: its paragraphs would be labelled with negative numbers, which a revision "
            "cannot number; the file is refused: in Word, set the list's number again "
            "(right-click it, Set Numbering Value) and save the file")
    shown = f"{value:,}" if len(digits) <= 20 else f"a number of {len(digits):,} digits"
    raise LimitError(
        f"{where} {verb} at {shown}, beyond the {MAX_LIST_NUMBER:,} a Word list may start "
        f"at {_SEE}; the file is refused: in Word, set the list's number again "
        "(right-click it, Set Numbering Value) and save the file")


def _level(lvl: etree._Element, where: str) -> _Level:
    """One ``w:lvl``; LimitError naming ``where`` past the limits Word keeps to."""
    text = _val(lvl, "w:lvlText") or ""
    if len(text) > MAX_LIST_NUMBER_TEXT:
        raise LimitError(
            f"{where} writes its number with {len(text):,} characters (w:lvlText), more "
            f"than the {MAX_LIST_NUMBER_TEXT} a list number may have {_SEE}; the file is "
            "refused: in Word, define the list's number format again and save the file")
    return _Level(
        start=_start(_val(lvl, "w:start"), where),
        format=_val(lvl, "w:numFmt") or "decimal",
        text=text,
        legal=lvl.find(qn("w:isLgl")) is not None
        and _val(lvl, "w:isLgl") not in ("0", "false"),
        style=_val(lvl, "w:pStyle"),
        restart=_restart(_val(lvl, "w:lvlRestart")),
    )


def _restart(text: str | None) -> int | None:
    """A level's ``w:lvlRestart``; None (Word's default) when missing, not a number or
    below 0."""
    value = _int(text, -1)
    return value if value >= 0 else None


def _levels(parent: etree._Element, where: str) -> dict[int, _Level]:
    levels = {}
    for lvl in parent.iter(qn("w:lvl")):
        index = _int(lvl.get(qn("w:ilvl")), 0)
        if 0 <= index < LEVELS:
            levels[index] = _level(lvl, f"{where}, level {index + 1},")
    return levels


@dataclass(frozen=True, slots=True)
class _Abstract:
    levels: dict[int, _Level]
    style_link: str | None  # w:numStyleLink: the levels live in a numbering style


def _abstract_levels(root: etree._Element) -> dict[str, _Abstract]:
    return {
        abstract.get(qn("w:abstractNumId"), ""): _Abstract(
            _levels(abstract, _list(abstract.get(qn("w:abstractNumId"), ""))),
            _val(abstract, "w:numStyleLink"),
        )
        for abstract in root.iterchildren(qn("w:abstractNum"))
    }


def _nums(
    root: etree._Element, abstracts: dict[str, _Abstract], styles: StyleTable
) -> dict[str, _Num]:
    raw = {
        num.get(qn("w:numId"), ""): num for num in root.iterchildren(qn("w:num"))
    }

    def abstract_of(num_id: str, depth: int = 0) -> str | None:
        num = raw.get(num_id)
        abstract_id = _val(num, "w:abstractNumId") if num is not None else None
        abstract = abstracts.get(abstract_id or "")
        if abstract is None or abstract.style_link is None or depth > 3:
            return abstract_id
        linked = styles.style_num_id(abstract.style_link)
        return abstract_of(linked, depth + 1) if linked else abstract_id

    nums: dict[str, _Num] = {}
    for num_id, num in raw.items():
        abstract_id = abstract_of(num_id)
        if abstract_id not in abstracts:
            continue
        nums[num_id] = _Num(abstract_id, dict(abstracts[abstract_id].levels))
        for override in num.iterchildren(qn("w:lvlOverride")):
            _apply_override(nums[num_id], override, _list(num_id, "w:num"))
    return nums


def _list(list_id: str, tag: str = "w:abstractNum") -> str:
    """How a message names a list definition (quoted as the file has it, kept short)."""
    shown = list_id if len(list_id) <= 20 else f"{list_id[:20]}..."
    return f"the list numbering ({tag} {shown!r})"


def _apply_override(num: _Num, override: etree._Element, where: str) -> None:
    level = _int(override.get(qn("w:ilvl")), 0)
    if not 0 <= level < LEVELS:
        return
    where = f"{where}, level {level + 1},"
    lvl = override.find(qn("w:lvl"))
    if lvl is not None:
        num.levels[level] = _level(lvl, where)
    start = _val(override, "w:startOverride")
    if start is not None:
        num.start_overrides[level] = _start(start, where, "restarts")
