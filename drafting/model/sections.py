"""Section headings as treaties and outcome documents type them, in the six languages of
the United Nations: "Article 3", "Chapter II", "Annex I", "TITLE I", "المادة 3",
"第三条", and the rules of a treaty's regulations ("Rule 3", "Règle 3"). Each gives the
key its paragraphs' labels carry ("3" for ``3.1``, "ANNEX I" for ``ANNEX I.1``). The
readers tell section headings by them, and a revision tells a new paragraph that a
delegation typed as a new article ("Article 5 bis") from one that is text.
"""

from __future__ import annotations

import re
import unicodedata

from drafting.characters import on_screen
from drafting.lazy_re import lazy_compile
from drafting.model.headings import CLOSING, TITLE_WORDS, cjk_number, numbered_title, roman
from drafting.model.labels import ALTERNATIVE, SUFFIXES

_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_ARTICLES = ("article", "artículo", "articulo", "статья", "المادة", "条")
"""The words that name an article, in the six languages of the United Nations."""
_KINDS = {
    "ANNEX": ("annex", "annexe", "anexo", "приложение", "المرفق", "附件"),
    "APPENDIX": ("appendix", "appendice", "apéndice", "apendice", "التذييل", "附录"),
    "ARTICLE": _ARTICLES,
    "CHAPTER": ("chapter", "chapitre", "capítulo", "capitulo", "глава", "الفصل", "章"),
    "PART": ("part", "partie", "parte", "часть", "الجزء", "الباب", "部分", "编"),
    "RULE": ("rule", "règle", "regle", "regla", "правило", "القاعدة"),
    "SECTION": ("section", "sección", "seccion", "раздел", "الفرع", "节"),
    "TITLE": ("title", "titre", "título", "titulo"),
}
_KIND_OF = {word: kind for kind, words in _KINDS.items() for word in words}
"""The kind of section each word names, in the six languages, by the English word a
label writes: an annex's paragraphs are labelled ``ANNEX I.1`` in every language, and
a section whose heading gives no number is known by its kind (``CHAPTER``)."""
_OWN_KEYS = ("ANNEX", "APPENDIX")
"""The kinds whose number is part of the key: Annex I is not Chapter I."""
_NUMBERED_KINDS = ("TITLE", "RULE")
"""The kinds a heading names a section of only with its number: "Title" and "Rule"
alone are words ("TITLE I", the regulations' "Rule 3" are headings)."""
_ARABIC_ORDINALS = tuple(word for pair in zip(
    ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
     "التاسع", "العاشر"),
    ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
     "التاسعة", "العاشرة"), strict=True) for word in reversed(pair))
"""Arabic ordinals, first to tenth, feminine (for an article) before masculine (for a
part or a chapter): "المادة الأولى" is Article 1, "الجزء الأول" Part I."""
_FATHATAN = "\u064b"
_MUKARRAR = rf"\u0645\u0643\u0631\u0631(?:\u0627{_FATHATAN}?|{_FATHATAN}\u0627)"
"""Arabic "مكررا" (repeated), as UN Arabic texts write "bis", with or without its
tanween ("مكرراً")."""
LOCAL_SUFFIX = (
    rf"{_MUKARRAR}(?:\s+\u062b\u0627\u0646\u064a(?:\u0627{_FATHATAN}?|{_FATHATAN}\u0627))?"
    r"|кватер|бис|тер")
"""The suffixes of an article inserted after another as Russian and Arabic texts write
them: "Статья 8 бис" (or "8-бис"), "тер", "кватер"; "المادة 8 مكررا" for 8 bis and
"المادة 15 مكررا ثانيا" (repeated, second) for 15 ter. Arabic texts differ past ter
(some write "ثالثا" for ter), so no further Arabic form is read: such a heading is not
one, and the labels it leaves used twice say so (`unread_heading`). A paragraph number
takes them too ("١ مكررا - ", `drafting.readers.lines`)."""
_RUSSIAN_SUFFIXES = {"бис": "bis", "тер": "ter", "кватер": "quater"}
_ALT_WORD = r"(?i:alt\.?|alternative)"
_ALT_BEFORE = rf"(?P<alt_before>{_ALT_WORD}(?:\s*(?P<before_n>\d{{1,2}}))?\s+)?"
"""An alternative named before the article's word: "Alt Article 13", "[Alt Article 13",
"Alternative 2 Article 13"."""
_ALT_AFTER = (r"(?P<alt>(?:\s*|-)(?i:alt)(?:\s*(?P<alt_n>\d{1,2}))?\b"
              r"|\s*\((?i:alt\.?|alternative)(?:\s*(?P<paren_n>\d{1,2}))?\))?")
"""An alternative named after the article's number (and suffix): "Article 13 alt",
"Article 13 alt 2" (the second), "Article 13 bis alt", "Article 13 (alternative)". The
word "Alternative" is read after the number only in brackets: "Article 13 Alternative
sources of finance" is Article 13 and its title."""
_SECTION = lazy_compile(
    _ALT_BEFORE +
    r"(?P<kind>(?i:article|chapter|section|part|annex|appendix|title|rule"  # English
    r"|chapitre|partie|annexe|appendice|titre|r[eè]gle"  # French (article, section too)
    r"|art[ií]culo|cap[ií]tulo|secci[oó]n|parte|anexo|ap[eé]ndice|t[ií]tulo|regla"  # Spanish
    r"|статья|глава|раздел|часть|приложение|правило"  # Russian
    r"|المادة|الفصل|الباب|الجزء|الفرع|المرفق|التذييل|القاعدة))"  # Arabic
    r"(?:\s+(?P<key>\d{1,3}(?:[a-zA-Z](?![\w\u00c0-\u024f]))?|[IVXLC]{1,7}|[A-Z]"
    r"|(?i:premier|primero)|" + "|".join(_ARABIC_ORDINALS) + ")"
    rf"(?:(?:\s*|-)(?P<suffix>(?i:{_SUFFIX}|{LOCAL_SUFFIX})))?{_ALT_AFTER})?"
    rf"(?:\b|(?<={_FATHATAN})|(?<=\)))"
    r"(?P<mark>\.?\s*[-:\u2013\u2014.])?"
    r"(?(mark)\s*.*|\.?(?:\s+[A-Z(].*)?)")
_CJK_SECTION = lazy_compile(  # "第一条", "第八条之二", "第3章", "第二部分 定义", "附件二"
    r"(?:第\s*(?P<key>[0-9]{1,3}|[〇零一二三四五六七八九十百两]{1,6})\s*(?P<kind>条|章|节|部分|编)"
    r"(?:(?<=条)之(?P<nth>[二三四五六七八九十]))?"
    r"|(?P<annex>附件|附录)\s*(?P<annex_key>[0-9]{1,3}|[一二三四五六七八九十]{1,4})?)"
    r"(?:[ \t\u3000]+.*)?")
"""A section heading in Chinese: the number comes between 第 and the word for the
section; an article inserted after another is its n-th ("第八条之二", Article 8 bis;
"之三" ter, up to "之十" decies); a title may follow after a space (none: "第一条所述"
opens a sentence)."""

_HEADING_LIKE = lazy_compile(
    r"(?:(?i:" + "|".join(word for word in _KIND_OF if word.isalpha() and len(word) > 1)
    + r")\s+(?:\d|[IVXLC]{1,7}\b)|第\s*\w{1,6}\s*(?:条|章|节|部分|编))")
"""A section's word and a number, in figures or Roman numerals ("Статья 1 ..."), or a
Chinese heading's 第 ... 条."""
OPTION_LINE = lazy_compile(
    r"\[?\s*(?P<brace>\{)?\s*Option\s+(?P<n>\d+|[A-Z])\s*[:.]?\s*(?(brace)\}\s*)\]?",
    re.IGNORECASE)
"""An option's name on a line of its own ("Option 1", "Option 2:", "[Option A"), the
paragraphs of the option after it: the heading of an option section (``5 OPTION 2``,
`option_named`); use ``fullmatch``. In curly braces too, as UNFCCC texts head options
("{Option 1}", "[{Option 2}]"), the braces paired."""
OPTION_DIGITS = 2
"""The most digits an option's number has in a label (``5 OPTION 99``: `labels`)."""
_UNREAD_WORDS = 6
_ROMAN_VALUES = {roman(n): n for n in range(1, 40)}


def section_key(text: str) -> str | None:
    """The key a section heading gives its paragraphs' labels ("Article 3" -> "3",
    "Chapter II" -> "II", "Rule 3" and "Règle 3" -> "3" (as an article's), "Annex" ->
    "ANNEX", "Annex I" and "Annexe I" -> "ANNEX I",
    "第十二条" -> "12", "附件二" -> "ANNEX 2"), or None if ``text`` opens no section; a
    heading bracketed as an article not agreed ("[Article 4]", "[Article 4") too. A
    line of more than 14 words opens one only when a mark follows its number ("Article
    3. This Agreement shall ..."): an article written on one line."""
    text = _unbracketed(text)
    if (cjk := _CJK_SECTION.fullmatch(text)) is not None:
        if cjk["annex"]:
            kind = _KIND_OF[cjk["annex"]]
            return f"{kind} {cjk_number(cjk['annex_key'])}" if cjk["annex_key"] else kind
        key = cjk_number(cjk["key"])
        return f"{key}{SUFFIXES[int(cjk_number(cjk['nth'])) - 2]}" if cjk["nth"] else key
    match = _section(text)
    if match is None:
        return None
    kind = _KIND_OF.get(match["kind"].lower(), "SECTION")
    if not match["key"]:  # "Title" alone names no section: a European Union act's
        return kind if kind not in _NUMBERED_KINDS else None  # are numbered ("TITLE I")
    key = match["key"].upper()
    key = "1" if key in ("PREMIER", "PRIMERO") else key  # "Article premier"
    if key in _ARABIC_ORDINALS:  # "المادة الأولى": 1; "الجزء الأول": I, as English numbers it
        number = _ARABIC_ORDINALS.index(key) // 2 + 1
        key = str(number) if kind == "ARTICLE" else roman(number)
    key = str(int(key)) if key.isdigit() else key  # Arabic-Indic digits as 0-9
    key = f"{key}{latin_suffix(match['suffix'])}" if match["suffix"] else key
    key = f"{key}{_alternative(match)}"
    return f"{kind} {key}" if kind in _OWN_KEYS else key


def heading_line(text: str) -> bool:
    """Whether ``text`` reads as a heading on a line of its own: short, no closing
    punctuation, numbering itself ("B. Technology", `numbered_title`) or opening a
    section ("Article 2 Objective", as Word shows a heading its style numbers)."""
    text = text.strip()
    return numbered_title(text) or (bool(text) and text[-1] not in CLOSING and len(
        text.split()) <= TITLE_WORDS and section_key(text) is not None)


def numbered_as(text: str) -> tuple[str, int] | None:
    """The kind and number of a section heading numbered in figures or Roman numerals,
    with no suffix ("Article 2 Scope" -> ("ARTICLE", 2), "Part II" -> ("PART", 2)); None
    for any other text (`renumbered_section`)."""
    match = _section(text) if not text.startswith((" ", "[")) else None
    if match is None or _alternative(match):
        return None
    return _plain_number(match)


def alternative_to(text: str) -> tuple[str, int] | None:
    """The kind and number of the section whose alternative a heading sets out, bracketed
    or not ("[Article 13 alt", "Alt Article 13", "Article 13 alt 2" -> ("ARTICLE", 13));
    None for any other text, and for an alternative to an article numbered with a suffix
    ("Article 13 bis alt"), whose number stays as that article's does."""
    match = _section(_unbracketed(text))
    if match is None or not _alternative(match):
        return None
    return _plain_number(match)


def without_alternative(text: str) -> str:
    """``text`` (a heading) with the words that make it an alternative taken out, in its
    own form: "[Article 13 alt" -> "[Article 13", "Alt Article 13" -> "Article 13",
    "Article 13 (alternative 2)" -> "Article 13"; any other text as it is."""
    words = _unbracketed(text)
    match = _section(words)
    if match is None or not _alternative(match):
        return text
    at = text.index(words)
    for group in ("alt", "alt_before"):  # the later words first: the earlier stay put
        if match[group]:
            start, end = match.span(group)
            text = text[:at + start] + text[at + end:]
    return text


def _plain_number(match: re.Match[str]) -> tuple[str, int] | None:
    """The kind and number a heading's ``match`` names, if in figures or Roman numerals
    with no suffix."""
    if not match["key"] or match["suffix"]:
        return None
    key = match["key"]
    number = int(key) if key.isdigit() else _ROMAN_VALUES.get(key)
    return None if number is None else (_KIND_OF.get(match["kind"].lower(), "SECTION"), number)


def renumbered_section(text: str, number: int) -> str:
    """``text`` (a heading `numbered_as` or `alternative_to` reads) numbered ``number``,
    in its own form: "Article 2 Scope" -> "Article 3 Scope", "Part II" -> "Part III",
    "[Article 2 alt" -> "[Article 3 alt"."""
    words = _unbracketed(text)
    match = _section(words)
    if match is None or not match["key"]:
        return text
    key, at = match["key"], text.index(words)
    written = str(number) if key.isdigit() else roman(number)
    return text[:at + match.start("key")] + written + text[at + match.end("key"):]


def option_named(text: str) -> str | None:
    """The option a line of its own names, as an option section's key writes it ("Option
    2" -> "2", "[Option b:" -> "B"), read as a reader sees it (`on_screen`); None for
    any other text."""
    if len(text) > _OPTION_LINE_CHARS:  # nearly every paragraph: no option's line
        return None
    found = OPTION_LINE.fullmatch(on_screen(text))  # "Option 2<U+200F>" names one too
    return option_name(found["n"]) if found else None


_OPTION_LINE_CHARS = 64
"""The longest line `option_name` reads ("[Option 12:]" and the marks that show nothing
around it are far shorter)."""


def option_name(name: str) -> str:
    """An option's number or letter as written ("Option 01", "Option １", "Option ١",
    "Option b") as a label writes it: a number in ASCII digits without leading zeros
    ("1"), so that options that read alike are one; a letter upper-cased ("B")."""
    if not name.isdecimal():
        return name.upper()
    return "".join(str(unicodedata.decimal(digit)) for digit in name).lstrip("0") or "0"


def section_kind(text: str) -> str | None:
    """The kind of section a heading opens, by the English word a label writes ("Part
    I" and "Partie I" -> "PART", "Capítulo 2" -> "CHAPTER", "第二部分" -> "PART", "Annex
    A" -> "ANNEX"), or None if ``text`` opens no section (`section_key`)."""
    text = _unbracketed(text)
    if (cjk := _CJK_SECTION.fullmatch(text)) is not None:
        return _KIND_OF[cjk["annex"] or cjk["kind"]]
    match = _section(text)
    return None if match is None else _KIND_OF.get(match["kind"].lower(), "SECTION")


def opens_article(text: str) -> bool:
    """Whether ``text`` is a section heading naming an article ("Article 26",
    "Artículo 26", "المادة 26", "第二十六条"), bracketed or not (`section_key`)."""
    text = _unbracketed(text)
    if (cjk := _CJK_SECTION.fullmatch(text)) is not None:
        return cjk["kind"] == "条"
    match = _section(text)
    return match is not None and match["kind"].lower() in _ARTICLES


def unread_heading(text: str) -> bool:
    """Whether ``text`` reads like a section heading that `section_key` does not know: a
    short line opening with a section's word and its number in a form not read
    ("Статья 1 квинквиес", "المادة 1 مكررا ثالثا", "第一条之十一"). A reader names it
    when the paragraphs after it count on in the section before."""
    text = _unbracketed(text)
    return len(text.split()) <= _UNREAD_WORDS and section_key(text) is None and \
        text[-1:] not in CLOSING and \
        _HEADING_LIKE.match(text) is not None


def latin_suffix(suffix: str) -> str:
    """An article's or a paragraph's suffix as an English label writes it: "бис" and
    "مكررا" -> "bis", "مكررا ثانيا" -> "ter", "Bis" -> "bis"."""
    suffix = suffix.lower()
    if suffix.startswith("\u0645"):  # Arabic: "مكررا", then "ثانيا" for the second
        return "ter" if len(suffix.split()) > 1 else "bis"
    return _RUSSIAN_SUFFIXES.get(suffix, suffix)


def _unbracketed(text: str) -> str:
    """``text`` stripped, and without the brackets of a heading bracketed whole as
    negotiators bracket an article not agreed: "[Article 4]", or "[Article 4" whose
    title line closes the bracket ("Financial mechanism]")."""
    text = text.strip()
    if text.startswith("[") and "[" not in text[1:] and "]" not in text[1:-1]:
        return text[1:].removesuffix("]").strip()
    return text


def _alternative(match: re.Match[str]) -> str:
    """What a heading's key carries for an alternative to an article: "alt" ("Article 13
    alt", "Alt Article 13", "Article 13 (alternative)"), with its number where it has one
    ("Article 13 alt 2": "alt2"); "" for an article itself."""
    if not (match["alt"] or match["alt_before"]):
        return ""
    number = match["alt_n"] or match["paren_n"] or match["before_n"] or ""
    return f"{ALTERNATIVE}{int(number) if number else ''}"


def _section(text: str) -> re.Match[str] | None:
    match = _SECTION.fullmatch(text.strip())
    if match is None or (len(text.split()) > 14 and not (match["key"] and match["mark"])):
        return None  # a long line is a heading only when a mark follows its number
    return match
