"""A list item Word numbers that types its own label as well.

Secretariats insert a new item inside a list Word letters "(a)", "(b)", ... and type its
label themselves: "(a bis)<tab>further ...". Word still shows its own number in front
("(b) (a bis) further ..."), but the typed label is the item's number: the reader takes
it as typed, Word's number is neither prepended nor counted, and the items after it keep
the numbers they had ("(b)", not "(c)"). Where the typed label is the very number Word
shows ("(b) (b) ..."), Word counts it as usual.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import etree

from drafting.lazy_re import lazy_compile
from drafting.model.labels import SUFFIXES
from drafting.ooxml.numbering import ListNumber, NumberingCounter
from drafting.readers.lines import GAP

_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_NUMERALS = {
    "lowerLetter": r"[a-z]{1,2}", "upperLetter": r"[A-Z]{1,2}",
    "lowerRoman": r"[ivxlc]{1,7}", "upperRoman": r"[IVXLC]{1,7}",
    "decimal": r"\d{1,4}", "decimalZero": r"\d{1,4}",
}
"""What a label typed in a list of each ``w:numFmt`` writes its number with."""
_RUN = lazy_compile(r"[^\W_]+")


def typed_label(number: ListNumber, text: str) -> str | None:
    """The label ``text`` opens with where it is typed in the form of ``number`` (Word's
    "(b)": "(a bis)", "(b)"; Word's "3.": "2 bis."), its gap after it aside; None where
    ``text`` types none, or ``number`` is not one number written in letters, roman
    numerals or figures."""
    runs = _RUN.findall(number.text)
    numeral = _NUMERALS.get(number.format)
    if numeral is None or len(runs) != 1:
        return None
    before, _, after = number.text.partition(runs[0])
    pattern = (rf"{re.escape(before.strip())}{numeral}(?:[ -]?(?:{_SUFFIX}))?"
               rf"{re.escape(after.strip())}(?={GAP})")
    found = re.match(pattern, text)
    return found[0] if found else None


def word_number(counter: NumberingCounter, paragraph: etree._Element, text: str, *,
                count: bool = True, held: Collection[str] = ()) -> ListNumber | None:
    """The number Word shows before ``paragraph`` (`NumberingCounter.number`), counted
    as ``count`` says; None, and not counted, where its ``text`` types its own label
    over it (`typed_label`), unless that label is Word's own, or the draft a copy is
    read against ``held`` the line with both numbers ("(b) (a bis)<tab>...", as drafts
    imported before were read): there Word's number stays, as it was read."""
    shown = counter.number(paragraph, count=False)
    typed = typed_label(shown, text) if shown is not None else None
    if typed is not None and f"{shown.text} {text}" in held:  # type: ignore[union-attr]
        typed = None
    if typed is not None and typed != shown.text.strip():  # type: ignore[union-attr]
        return None
    if count and shown is not None:
        shown = counter.number(paragraph)
    return None if typed is not None else shown
