"""The printed lines of a text taken from a PDF (`drafting.readers.printed_pages`): each
line with its place, and what marks a line as the page's rather than the text's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.lazy_re import lazy_compile

FEED = "\f"
"""What separates printed pages."""

FURNITURE = (r"\d{1,4}|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]|\d{1,4}\s*/\s*\d{1,4}"
             r"|(?:page|p\.|p\u00e1gina|pagina|\u0441\u0442\u0440\.?)\s*\d{1,4}"
             r"(?:\s*(?:of|de|sur|/|\u0438\u0437)\s*\d{1,4})?"
             r"|(?:[A-Z]{1,3}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7}\*")
"""What a printed page shows outside the text, one item: a page number, a job number
("24-12345 (E)", Geneva's "GE.24-12345"), its bar code's digits ("*2412345*"). A line of
furniture is one or more of these, or the document's symbol, separated by spaces."""

_SYMBOL = r"[A-Z]{1,8}(?:/[A-Za-z0-9().\-]+){2,}"
"""A document symbol: ``A/C.2/81/L.7``, ``FCCC/PA/CMA/2026/L.3``, ``S/2026/123``."""

SYMBOL_LINE = lazy_compile(_SYMBOL)

_PAGE_ITEMS = rf"{FURNITURE}|{_SYMBOL}|\d{{6}}|please\s+recycle"

_FURNITURE_LINE = lazy_compile(rf"(?:{_PAGE_ITEMS})(?:\s+(?:{_PAGE_ITEMS}))*", re.IGNORECASE)

ENDS = lazy_compile(r"(?:[,;:.]|[,;]\d{1,3})(?:\[\^\d{1,3}\])?[\"'\u2019\u201d)\]*]*"
                   r"(?:\[\^\d{1,3}\])?$")
"""How a line that ends a paragraph ends (a footnote's marker may follow)."""

LONE_NUMBER = lazy_compile(r"\d{1,3}")


@dataclass
class PrintedLine:
    """A printed line: its number in the file, its text (runs of spaces made one), how far
    it is indented, its page, and whether a blank line stands before it."""

    number: int
    text: str
    indent: int
    page: int
    spaced: bool = False


def furniture(text: str, running: set[str]) -> bool:
    """Whether ``text`` is a line of page furniture, or one of the ``running`` headers."""
    text = " ".join(text.split())
    return text in running or _FURNITURE_LINE.fullmatch(text) is not None


def text_width(lines: list[PrintedLine]) -> int:
    """The text's width: the length a full line of text reaches (most lines are full)."""
    lengths = sorted(len(line.text.strip()) for line in lines)
    return lengths[int(len(lengths) * 0.75)] if lengths else 0
