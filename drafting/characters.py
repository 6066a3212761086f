"""Which characters a negotiation text may hold, and the one form it is kept in.

Every reader passes the text it takes in through here, so that what is stored
reads exactly as it is stored:

- Text is kept in Unicode normal form C (composed accents: ``é`` is one
  character, not ``e`` + a combining accent). The two forms look the same and
  mean the same, but a quotation in one form does not match text stored in the
  other; readers normalise, and say so in a warning when a draft was changed.
- Line breaks ``\\r\\n`` and ``\\r`` become ``\\n``.
- Refused, with the place and the character's name: control characters (all
  but tab and line feed - a NUL, a bell, an escape, the C1 controls), lone UTF-16
  surrogates (possible in JSON as ``"\\ud800"``), the non-characters U+FFFE and
  U+FFFF, the bidirectional embeddings, overrides and isolates (U+202A to U+202E,
  U+2066 to U+2069), which make a text display in another order than it is stored
  (the "Trojan Source" trick), and the tag characters (U+E0000 to U+E007F),
  invisible copies of ASCII. Right-to-left text itself, Arabic or Hebrew, needs
  none of them (the marks U+200E and U+200F stay: they reorder nothing).
  Nothing is ever dropped silently.
- Full-width square brackets ``［ ］`` (a Chinese or Japanese input mode types them) are
  read as the brackets ``[ ]`` they are (`wide_brackets`), with a warning: a bracket
  the engine did not see would count as agreed text. Other full-width look-alikes
  (``ＥＵ``) stay as written in a text; only a delegation code refuses them.
- Spaces of every width (U+00A0, U+2002-U+200A, U+202F, U+205F, U+3000) are text, kept as
  written; quotations and comparisons read them as the keyboard's (`keyboard_spaces`).
  A delegation's new words are held to more (`drafting.lookalikes`): there only the
  keyboard's space and the no-break spaces U+00A0 and U+202F may stand (and U+3000
  between Chinese or Japanese characters), the others refused, never read as a space.
- Private-use and unassigned code points (`fontless`) are drawn by no font alike (the
  UN's fonts show nothing, or a box): they count among what shows nothing
  (`shows_nothing`) wherever texts are compared, and a delegation's new words may not
  bring them (`drafting.lookalikes`). Unassigned is as of this Python's table, but for
  the CJK ideographs Unicode added since (`NEWER_IDEOGRAPHS`), which are text. The
  engine's own private-use codes (words coded while diffing, `drafting.engine.anchoring`)
  never reach a text.

`problem` is the one check every text passes on its way into the store, in one
of three forms (`TextKind`): free *text* (a reason, a note: lines allowed), a
*paragraph* (a paragraph, a quotation, a title, front matter: lines allowed, but
no empty line, which would end the paragraph when the text is written back as
Markdown or plain text - nor a line that only looks empty, holding spaces, marks with no letter
or characters that show nothing (`shows_nothing`), which Word shows as a paragraph break
all the same - and no
line or paragraph separator U+2028, U+2029, which only Word's reader reads as a line
break), and a single *line* (a label, a name, who acted: no line break and no tab
either).

Delegation codes are narrower still (`code_problem`): ASCII letters, digits and
hyphens, as delegation codes are in practice, so that no code can look like
another (``ЕU`` with a Cyrillic Е, fullwidth ``ＥＵ``); and two codes are the same
code when they differ only in case (`code_key`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Literal

from drafting.errors import excerpt
from drafting.lazy_re import lazy_compile

_OTHERS = (
    "\x7f-\x9f"  # the rest of the control characters (category Cc)
    "\ud800-\udfff"  # lone surrogates
    "\u202a-\u202e"  # the embeddings, POP DIRECTIONAL FORMATTING and the overrides
    "\u2066-\u2069"  # the isolates and POP DIRECTIONAL ISOLATE
    "\ufffe\uffff"  # non-characters
    "\U000e0000-\U000e007f"  # tags: invisible copies of ASCII
)
_FORBIDDEN = lazy_compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")  # tab and line feed are text
_ASCII_TEXT = b"\t\n" + bytes(range(0x20, 0x7F))  # the ASCII characters _FORBIDDEN allows
_SHOWN = lazy_compile(f"[\x00-\x1f{_OTHERS}]")  # escaped in messages, tab and line feed too
_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_UNESCAPED_BY_JSON = lazy_compile(f"[{_OTHERS}]")  # json.dumps escapes the C0 controls itself
_NAMES = {  # unicodedata has no name for controls
    "\t": "TAB", "\n": "LINE FEED", "\x00": "NUL", "\x07": "BELL", "\x08": "BACKSPACE",
    "\x0b": "VERTICAL TAB", "\x0c": "FORM FEED", "\x1b": "ESCAPE", "\x7f": "DELETE",
    "\x85": "NEXT LINE",
}
_NEWLINES = lazy_compile(r"\r\n?")
_FROM_WORD = {
    "\x85": "\u2026",  # NEXT LINE: what older Word files hold where an ellipsis was typed
    "\u2028": "\n",  # LINE SEPARATOR
    "\u2029": "\n",  # PARAGRAPH SEPARATOR, inside a paragraph
    "\u00ad": "",  # SOFT HYPHEN: invisible unless a line breaks there
}
_WIDE_BRACKETS = {"\uff3b": "[", "\uff3d": "]"}
"""The full-width square brackets a Chinese or Japanese input mode types: brackets."""
_WORD_TABLE = str.maketrans(_FROM_WORD | _WIDE_BRACKETS)
_WORD_FOUND = lazy_compile(f"[{''.join(_FROM_WORD | _WIDE_BRACKETS)}]")
_WIDE_FOUND = lazy_compile(f"[{''.join(_WIDE_BRACKETS)}]")
_WIDE_TABLE = str.maketrans(_WIDE_BRACKETS)


_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
                                       "\u2009\u200a\u202f\u205f\u3000", " "))


def keyboard_spaces(text: str) -> str:
    """``text`` with every no-break or fixed-width space (U+00A0, U+2002-U+200A, U+202F,
    U+205F, U+3000) an ordinary one, each for one: what a keyboard types for the spaces
    a UN text holds in "25 September". The length stays the same."""
    return text.translate(_SPACES)


_TYPOGRAPHY = str.maketrans({
    **dict.fromkeys("\u00ab\u00bb\u201c\u201d\u201e\u201f\u2033\u301d\u301e", '"'),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2039\u203a\u2032", "'"),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-")})


def keyboard_form(text: str) -> str:
    """``text`` as typed on a keyboard without Word's AutoFormat: `keyboard_spaces`, and
    typographic quotation marks (« » “ ” „ ‘ ’ ‹ ›) and dashes (‐ ‑ ‒ – — ―, the minus
    sign) as the straight ones (" ' -), each for one. Two texts the same in this form
    differ in typography alone. The length stays the same."""
    return keyboard_spaces(text).translate(_TYPOGRAPHY)


INVISIBLE = "\u00ad\u061c\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"
"""Characters a text may hold that show nothing (a soft hyphen shows only at a line's
end): soft hyphen, Arabic letter mark, zero-width space and joiners, direction marks,
word joiner, zero-width no-break space. The commonest of those `shows_nothing` finds."""
FILLERS = "\u115f\u1160\u3164\uffa0"
"""The Hangul fillers: letters in Unicode's eyes that a font draws as a blank (a gap in
a word, or a line that looks empty)."""
_BLANKS = frozenset(
    f"{FILLERS}\u2800\u034f\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f"
    + "".join(map(chr, range(0xFE00, 0xFE10))) + "".join(map(chr, range(0xE0100, 0xE01F0))))
"""What shows nothing without being a format character: the fillers, the braille blank
U+2800, the combining grapheme joiner U+034F, the Khmer inherent vowels U+17B4/5, the
Mongolian variation selectors and vowel separator U+180B-U+180F, and the variation
selectors U+FE00-U+FE0F, U+E0100-U+E01EF."""
_SHOWN_FORMATS = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890"
                           "\u0891\u08e2\U000110bd\U000110cd")
"""The format characters a font draws all the same (Arabic, Syriac and Kaithi number
signs, which stand above the digits after them)."""


def shows_nothing(char: str) -> bool:
    """Whether ``char`` shows nothing where it stands: a format character (category Cf:
    zero-width space, joiners, direction marks, invisible operators, U+1D173 ...; not
    the number signs a font draws), one of `_BLANKS`, or a character no font is bound
    to draw (`fontless`). The one rule every check of "looks the same" or "looks empty"
    uses."""
    if char.isascii():
        return False
    if char in _BLANKS:
        return True
    category = category_of(char)
    return category in _FONTLESS or (category == "Cf" and char not in _SHOWN_FORMATS)


_FONTLESS = ("Co", "Cn")
NEWER_IDEOGRAPHS = ((0x31350, 0x323AF), (0x2EBF0, 0x2EE5D), (0x323B0, 0x33479))
"""The CJK ideographs Unicode assigned after Python 3.11's table (Unicode 14): Extension H
(15.0), I (15.1), J (17.0). Unicode keeps planes 2 and 3 for ideographs and fills them
with each version; a Chinese text may hold one of these, which fonts made since draw."""


def category_of(char: str) -> str:
    """``char``'s Unicode category (`unicodedata.category`), but "Lo" for one of
    `NEWER_IDEOGRAPHS` that this Python's table does not know yet: Python's version
    decides nothing about which Chinese text is taken. Any other code point the table
    does not assign (Cn) stays unassigned: a character of a script or an emoji added
    since is refused in new words until Python knows it (and the message says why),
    since an unassigned code point shows nothing or a box and would make two texts
    differ where no one sees it."""
    category = unicodedata.category(char)
    if category == "Cn" and any(low <= ord(char) <= high for low, high in NEWER_IDEOGRAPHS):
        return "Lo"
    return category


def fontless(char: str) -> bool:
    """Whether ``char`` is private-use (category Co: U+E000-U+F8FF, planes 15 and 16) or
    not assigned by Unicode (Cn, as of `unicodedata.unidata_version`, but the
    `NEWER_IDEOGRAPHS`: `category_of`): each font draws such a character as it likes, the
    fonts of a UN text as nothing or as an empty box, so that two texts differing in one
    read the same."""
    return not char.isascii() and category_of(char) in _FONTLESS


def on_screen(text: str) -> str:
    """``text`` as a reader sees it: its spaces `keyboard_spaces`, the characters that
    show nothing (`shows_nothing`) gone."""
    text = keyboard_spaces(text)
    if text.isascii():
        return text
    return "".join(char for char in text if not shows_nothing(char))


def normalised(text: str) -> str:
    """``text`` in NFC with ``\\n`` line breaks: the form every reader stores."""
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def normalised_said(text: str) -> str:
    """What `normalised` changes in ``text``, in a sentence for a warning ("" if
    nothing). Composing accents changes nothing a reader sees; a character Unicode
    replaces by another (the Kelvin sign by K, a CJK compatibility ideograph by its
    unified form, which a font may draw differently) is named with what it became."""
    if unicodedata.is_normalized("NFC", text):
        return ""
    replaced = dict.fromkeys(char for char in text if not char.isascii() and len(
        unicodedata.normalize("NFD", char)) == 1 and unicodedata.normalize("NFC", char) != char)
    said = [f"{describe(char)} was stored as {describe(unicodedata.normalize('NFC', char))}"
            for char in list(replaced)[:_SHOWN_REPLACED]]
    if len(replaced) > _SHOWN_REPLACED:
        said.append(f"{len(replaced) - _SHOWN_REPLACED} more such characters likewise")
    if said:
        return ("characters Unicode holds to be the same as others were stored in that form "
                f"(NFC): {'; '.join(said)}")
    return ("accents written as a letter plus a combining mark were stored composed "
            "(Unicode NFC); the text looks the same")


_SHOWN_REPLACED = 5


def from_word(text: str) -> tuple[str, str]:
    """``text`` with the characters Word allows but a negotiation text does not hold
    replaced (U+0085 by an ellipsis, line and paragraph separators by line breaks, soft
    hyphens dropped, full-width brackets as `wide_brackets` reads them), and a sentence
    naming what was replaced ("" if nothing was). The length changes only where a soft
    hyphen is dropped."""
    if text.isascii():  # most texts: none of those characters is ASCII
        return text, ""
    found = dict.fromkeys(_WORD_FOUND.findall(text))
    if not found:
        return text, ""
    word = [char for char in found if char in _FROM_WORD]
    said = [f"{', '.join(map(describe, word))} read as Word shows "
            f"{'it' if len(word) == 1 else 'them'} (U+0085 as '\u2026', separators as "
            "line breaks, soft hyphens dropped)"] if word else []
    if wide := [char for char in found if char in _WIDE_BRACKETS]:
        said.append(_wide_read(wide))
    return text.translate(_WORD_TABLE), "; ".join(said)


def wide_brackets(text: str) -> tuple[str, str]:
    """``text`` with its full-width square brackets (U+FF3B, U+FF3D, as a Chinese or
    Japanese input mode types them) read as the brackets ``[`` and ``]`` they are, each
    for one, and a sentence saying so ("" if the text has none): negotiators bracket
    text the same way whichever they type, and a bracket the engine did not see would
    be agreed text."""
    if text.isascii():
        return text, ""
    found = dict.fromkeys(_WIDE_FOUND.findall(text))
    return (text.translate(_WIDE_TABLE), _wide_read(list(found))) if found else (text, "")


def _wide_read(found: list[str]) -> str:
    """What `wide_brackets` says it did with the brackets ``found``."""
    shown = " and ".join(f"'{_WIDE_BRACKETS[char]}'" for char in found)
    return (f"{' and '.join(map(describe, found))} read as {shown} (brackets typed "
            "full-width, as a Chinese or Japanese input mode types them, bracket text all "
            "the same)")


TextKind = Literal["text", "paragraph", "line"]
"""What a text is, for `problem`: free ``text``, a ``paragraph`` or a single ``line``."""

_LINE_BREAKS = lazy_compile("[\t\n\u2028\u2029]")  # C0 and C1 breaks are refused anyway


def _looks_empty(line: str) -> bool:
    """Whether ``line`` shows nothing: every character a space of any width (category Zs,
    a tab), one that `shows_nothing`, or a mark (categories Mn, Me) - with no letter on
    the line, a mark has nothing to stand on."""
    return all(char.isspace() or shows_nothing(char) or unicodedata.category(char) in (
        "Mn", "Me") for char in line)


def empty_line(text: str) -> int | None:
    """The offset of the line feed before the first line of ``text`` that shows nothing
    (`_looks_empty`) and is followed by another line; None if there is none."""
    start = text.find("\n")
    while start != -1:
        end = text.find("\n", start + 1)
        if end == -1:
            return None
        if _looks_empty(text[start + 1:end]):
            return start
        start = end
    return None

_SEPARATORS = lazy_compile("[\u2028\u2029]")


_JOINERS = "\u200c\u200d"


def visible(text: str) -> str:
    """``text`` without the characters that show nothing (`shows_nothing`: zero-width
    space, direction marks, soft hyphen, variation selectors, the braille blank ...):
    two texts that differ only in them read the same to a delegate. The joiners U+200C
    and U+200D stay after a letter that joins or conjoins (categories Lo, Mn, Mc: Arabic,
    Persian, Indic), where they change how the letters are drawn."""
    if text.isascii():
        return text
    return "".join(char for at, char in enumerate(text) if not shows_nothing(char) or (
        char in _JOINERS and at and unicodedata.category(text[at - 1]) in ("Lo", "Mn", "Mc")))


def first_forbidden(text: str) -> int | None:
    """The offset of the first character a text may not hold, or None."""
    if text.isascii() and not text.encode("ascii").translate(None, _ASCII_TEXT):
        return None  # most texts, told apart many times quicker than by the search
    found = _FORBIDDEN.search(text)
    return found.start() if found else None


def describe(char: str) -> str:
    """``U+0007 (BELL)``: a character by code point and name, for messages."""
    category = unicodedata.category(char)
    name = _NAMES.get(char) or unicodedata.name(char, "")
    if not name and category == "Cc":
        name = "a control character"
    elif not name and category == "Cs":
        name = "half of a UTF-16 surrogate pair"
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def why(char: str) -> str:
    """What is wrong with a forbidden character and what to do, as a predicate:
    ``is not text ...; remove it``."""
    if "\U000e0000" <= char <= "\U000e007f":
        return "is an invisible copy of an ASCII character, not text; remove it"
    if char in _OVERRIDES:
        return ("makes the text display in another order than it is stored; remove it "
                "(right-to-left text needs no such character)")
    if unicodedata.category(char) == "Cs":
        return "is not a character on its own, so the text is damaged; type it again"
    return "is not text (often left by copying from another program); remove it"


def problem(text: str, kind: TextKind = "text") -> tuple[int, str] | None:
    """``(offset, sentence)`` for the first thing ``text`` may not hold as a ``kind``
    (see the module), or None.

    The sentence reads ``character 12: U+0007 (BELL) is not text ...; remove it``,
    the offset counted from 0 as in every message that points into a text.
    """
    offset = first_forbidden(text)
    if offset is not None:
        char = text[offset]
        return offset, f"character {offset}: {describe(char)} {why(char)}"
    if kind == "line" and (found := _LINE_BREAKS.search(text)):
        return found.start(), (f"character {found.start()}: {describe(found.group())} "
                               "has no place in a single line; remove it")
    if kind == "paragraph" and (found := _SEPARATORS.search(text)):
        # Refused rather than read as a line feed: only Word's reader (`from_word`) may
        # change a character, and says so; elsewhere what a delegation sent is stored as
        # sent. Word, Markdown and plain text do not agree on what the separators break
        # (a line, a paragraph, nothing), and a break one reads as a new paragraph would
        # show the delegation's words as a paragraph of the text's own.
        return found.start(), (
            f"character {found.start()}: {describe(found.group())} is a break that Word, "
            "Markdown and plain text do not read alike; remove it (a line feed breaks a "
            "line; propose another paragraph on its own)")
    if kind == "paragraph" and "\n" in text and (found := empty_line(text)) is not None:
        return found, (
            f"character {found}: an empty line (or one of spaces or characters "
            "that show nothing), which would end the paragraph where the text is written as "
            "Markdown or plain text, and looks like a paragraph break in Word; remove it "
            "(propose another paragraph on its own)")
    return None


def escaped(text: str, keep: str = "") -> str:
    """``text`` with every character that is not text (but those in ``keep``) written
    as a Python escape (``\\x1b``), so that a message quoting hostile text stays one
    harmless line; line feeds and tabs are escaped too unless kept."""
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        return char if char in keep else char.encode("unicode_escape", "backslashreplace").decode()
    return _SHOWN.sub(escape, text)


def escaped_json(text: str) -> str:
    """JSON text (``json.dumps(..., ensure_ascii=False)``) with the characters that are
    not text and that JSON leaves as they are (DELETE, the C1 controls, bidirectional
    overrides, lone surrogates, non-characters) written as ``\\uXXXX`` escapes: the
    same JSON, safe to print. Such characters only ever stand inside JSON strings."""
    return _UNESCAPED_BY_JSON.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def caret(text: str, offset: int) -> str:
    """An excerpt of ``text`` with a caret under ``offset``, controls shown as ``?``."""
    return excerpt(_FORBIDDEN.sub("?", text), offset)


CODE_LENGTH = 40
"""The longest a delegation code may be."""
_CODE = lazy_compile(f"[A-Za-z0-9][A-Za-z0-9-]{{0,{CODE_LENGTH - 1}}}")
_CODE_RULE = (f"use ASCII letters, digits and hyphens, starting with a letter or digit, up "
              f"to {CODE_LENGTH} characters (e.g. EU, G77 or G-77)")


def code_problem(code: str) -> str | None:
    """What is wrong with ``code`` as a delegation code, as the end of a sentence
    (``use ASCII letters ...; character 0 is U+0415 (CYRILLIC CAPITAL LETTER IE)``);
    None if it is one."""
    if _CODE.fullmatch(code):
        return None
    bad = next((n for n, char in enumerate(code)
                if not (char.isascii() and (char.isalnum() or char == "-"))), None)
    if not code:
        why = "this one is empty"
    elif bad is not None:
        why = f"character {bad} is {describe(code[bad])}"
    elif code.startswith("-"):
        why = "this one starts with a hyphen"
    else:
        why = f"this one has {len(code)} characters"
    folded = unicodedata.normalize("NFKC", code)
    if folded != code and _CODE.fullmatch(folded):
        why += f" (type it as {folded})"
    return f"{_CODE_RULE}; {why}"


def code_key(code: str) -> str:
    """What codes are compared by: ``EU``, ``eu``, fullwidth ``ＥＵ`` and ``E-U`` are one
    code, as "G-77" and "G77" are: a hyphen (or any mark but a letter or digit) is how a
    code is written, not which delegation it names."""
    return "".join(char for char in _spelt(code) if char.isalnum())


def _spelt(code: str) -> str:
    """``code`` without regard to case (``eu`` is ``EU``), its hyphens as written."""
    return unicodedata.normalize("NFKC", code).casefold()


def code_twin(code: str, known: Iterable[str]) -> str | None:
    """The code among ``known`` that ``code`` is the same as without being spelt the
    same (``EU`` for ``eu`` or ``E-U``); None if there is none. Where several are
    (a store holding both ``G77`` and ``G-77``), the one spelt with ``code``'s hyphens,
    then the first in order: never one picked by chance."""
    key = code_key(code)
    same = sorted({other for other in known if other != code and code_key(other) == key})
    return min(same, key=lambda other: _spelt(other) != _spelt(code), default=None)


def twin_said(code: str, twin: str) -> str:
    """How ``code`` differs from ``twin`` (`code_twin`), for messages: "in another case",
    "with other hyphens", or both."""
    if _spelt(code) == _spelt(twin):
        return "in another case"
    if code.replace("-", "") == twin.replace("-", ""):
        return "with other hyphens"
    return "in another case and with other hyphens"


CODES_COMPARED = "codes are compared without regard to case or hyphens"
"""Said where a code is refused as another one spelt otherwise."""


def right_to_left(text: str) -> bool:
    """Whether ``text`` reads from right to left: its first strong character is Arabic or
    Hebrew (Unicode bidirectional class R or AL)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False
