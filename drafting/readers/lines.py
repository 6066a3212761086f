"""What one line of a negotiation text says about its place in the structure: a label it
opens with (``PP2``, ``3.``, ``1bis.``, ``3.1``, ``OP7 Alt``), a chapeau, a section
heading ("Article 3"), a footnote (``[^1]: ...``), an option ("Option 2: No text"), a
sub-paragraph ("(a) "). Pure functions on text, used by `drafting.readers.structure`
and by the reading of a delegation's copy alike.
"""

from __future__ import annotations

import re
from functools import lru_cache

from drafting.model.labels import FIGURE_PATTERN, SUFFIXES, Label, parse_label

_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_LABELLED = re.compile(  # OP5.21 with its prefix only: a bare 5.21 or 3.1.21 is not read
    rf"(?P<label>(?:PP|OP|FN|T)\s?\d{{1,4}}(?:\s*(?:{_SUFFIX})|\.{FIGURE_PATTERN})?)"
    r"(?P<alt>\s+Alt(?:\s*\d+)?)?\b\.?(?:[\t ]+|$)", re.IGNORECASE)
_NUMBERED = re.compile(rf"(?P<number>\d{{1,4}})(?:\s*(?P<suffix>{_SUFFIX}))?\.(?:[\t ]+|$)")
_SECTIONED = re.compile(
    rf"(?P<label>(?:\d{{1,3}}|[IVXLC]{{1,7}}|[A-Z]|ANNEX)\.\d{{1,4}}(?:\s*(?:{_SUFFIX}))?)"
    r"\.?(?:[\t ]+|$)")
SUBPARAGRAPH = re.compile(r"\(?(?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)\s")
"""A line that opens a sub-paragraph: ``(a) ``, ``(iv) ``, ``b) ``, ``(1) ``."""
_CHAPEAU = re.compile(  # English, French, Spanish: "The / L' / Le / La / Les / El / Los / Las"
    r"(?:(?:The|Le|La|Les|El|Los|Las)\s+|L['\u2019]\s?)[A-Z\u00c0-\u00dd][^,;:.\[\]]{2,100},")
_ARTICLES = ("article", "artículo", "articulo", "статья")
"""The words that name an article, in English, French, Spanish and Russian."""
_SECTION = re.compile(
    r"(?P<kind>(?i:article|chapter|section|part|annex|appendix"  # English
    r"|chapitre|partie|annexe|appendice"  # French (article, section as in English)
    r"|art[ií]culo|cap[ií]tulo|secci[oó]n|parte|anexo|ap[eé]ndice"  # Spanish
    r"|статья|глава|раздел|часть|приложение))"  # Russian
    r"(?:\s+(?P<key>\d{1,3}|[IVXLC]{1,7}|[A-Z]|(?i:premier|primero))"
    rf"(?:\s*(?P<suffix>(?i:{_SUFFIX})))?)?\b(?P<mark>\.?\s*[-:\u2013\u2014.])?"
    r"(?(mark)\s*.*|\.?(?:\s+[A-Z(].*)?)")
_NUMBERED_HEADING = re.compile(r"(?P<key>\d{1,3}|[IVXLC]{1,7}|[A-Z])\.\s")
FOOTNOTE = re.compile(r"\[\^(?P<number>\d{1,4})\]:[\t ]*", re.ASCII)
"""A footnote as a block: ``[^3]: its text`` (Markdown's form; the Word reader gives
each footnote as such a block after the paragraph citing it)."""
OPTION = re.compile(r"Option\s+(?P<n>\d{1,2}|[A-Z])\s*[:.]\s*", re.IGNORECASE)
_NO_TEXT = re.compile(r"\[?\s*no\s+text\s*\]?\.?", re.IGNORECASE)


_parsed = lru_cache(maxsize=4096)(parse_label)
"""`parse_label`, remembered: a label is read again and again (its paragraph's structure,
then its copy's, in every copy of a draft). A Label is immutable, so it can be shared."""


def split_label(text: str) -> tuple[Label | None, str, int]:
    """The label a block opens with, if any, the text after it, and the length of what
    was taken off. ``OP7 Alt`` gives OP7 (the caller tells an alternative by
    `is_alternative`)."""
    label, rest, skip, _ = _split(text)
    return label, rest, skip


def is_alternative(text: str) -> bool:
    """Whether a block opens with a label followed by "Alt" (``OP7 Alt``)."""
    return _split(text)[3]


def read_label(text: str) -> tuple[Label | None, int, bool]:
    """`split_label`'s label and length taken off, and `is_alternative`, in one look."""
    label, _, skip, alternative = _split(text)
    return label, skip, alternative


_SPLIT_MAX, _SPLIT_LONGEST = 4096, 2000
_splits: dict[str, tuple[Label | None, str, int, bool]] = {}
"""`_split` of texts up to `_SPLIT_LONGEST` characters, by text: a paragraph's label is
read by its structure and its copy's, in every copy of a draft (an inbox)."""


def _split(text: str) -> tuple[Label | None, str, int, bool]:
    """`split_label` of ``text`` and whether the label is followed by "Alt"."""
    found = _splits.get(text)
    if found is None:
        found = _split_now(text)
        if len(text) <= _SPLIT_LONGEST:
            if len(_splits) >= _SPLIT_MAX:
                _splits.clear()
            _splits[text] = found
    return found


def _split_now(text: str) -> tuple[Label | None, str, int, bool]:
    if match := _LABELLED.match(text):
        return _parsed(match["label"]), text[match.end():], match.end(), bool(match["alt"])
    if match := _NUMBERED.match(text):
        suffix = f" {match['suffix']}" if match["suffix"] else ""
        return (_parsed(f"OP{match['number']}{suffix}"), text[match.end():], match.end(),
                False)
    if match := _SECTIONED.match(text):
        return _parsed(match["label"]), text[match.end():], match.end(), False
    return None, text, 0, False


def chapeau_like(text: str) -> bool:
    """Whether ``text`` reads as a chapeau: "The General Assembly,", "L'Assemblée
    générale,", "La Asamblea General,"."""
    return len(text.split()) <= 12 and bool(_CHAPEAU.fullmatch(text.strip()))


def section_key(text: str) -> str | None:
    """The key a section heading gives its paragraphs' labels ("Article 3" -> "3",
    "Chapter II" -> "II", "Annex" -> "ANNEX"), or None if ``text`` opens no section.
    A line of more than 14 words opens one only when a mark follows its number
    ("Article 3. This Agreement shall ..."): an article written on one line."""
    match = _section(text)
    if match is None:
        return None
    key = (match["key"] or match["kind"]).upper()
    key = "1" if key in ("PREMIER", "PRIMERO") else key  # "Article premier"
    return f"{key}{match['suffix'].lower()}" if match["suffix"] else key


def opens_article(text: str) -> bool:
    """Whether ``text`` is a section heading naming an article ("Article 26",
    "Artículo 26")."""
    match = _section(text)
    return match is not None and match["kind"].lower() in _ARTICLES


def _section(text: str) -> re.Match[str] | None:
    match = _SECTION.fullmatch(text.strip())
    if match is None or (len(text.split()) > 14 and not (match["key"] and match["mark"])):
        return None  # a long line is a heading only when a mark follows its number
    return match


def heading_key(text: str) -> str | None:
    """The section key of a heading: as `section_key`, or its leading number ("II. ...")."""
    if (key := section_key(text)) is not None:
        return key
    match = _NUMBERED_HEADING.match(text)
    return match["key"] if match else None


def option_text(text: str) -> str:
    """An option's text; "No text" is an empty alternative."""
    return "" if _NO_TEXT.fullmatch(text.strip()) else text.strip()
