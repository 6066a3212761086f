"""What a heading's line looks like, in the six languages of the United Nations: its own
number ("II.", "B.", "二、", "ثانيا -") and a short title with no closing punctuation. The
readers tell headings by it (`drafting.readers.sections`), and a revision tells a new
paragraph that a delegation typed as a heading ("B. Technology") from one that is text.
"""

from __future__ import annotations

from drafting.lazy_re import lazy_compile

TITLE_WORDS = 12
"""The most words a heading's title has."""
CLOSING = ".;:,!?\u060c\u061b\u061f\u3002\uff1b\uff1a\uff0c\uff01\uff1f"
"""What ends a sentence or a clause, never a title: Latin, Arabic and Chinese marks."""
_CJK_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
_OWN_NUMBER = lazy_compile(
    r"(?P<key>[IVXLC]{1,7}|[A-Z])\.[\t \u00a0]+\S"  # "II. Scope", "B. Financing"
    r"|(?P<cjk>[一二三四五六七八九十]{1,3})[、.．][\t \u3000]*\S"  # "二、范围"
    r"|(?P<arabic>أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)"
    r"[\u064b]?[\t ]*[-\u2013][\t ]*\S")  # "ثانيا - النطاق"
"""A heading's own number, as the six languages type it: a Roman numeral or a capital
letter and a full stop, a Chinese numeral and "、", an Arabic ordinal and a dash."""
_ARABIC_ORDINALS = ("أولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا",
                    "تاسعا", "عاشرا")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")


def cjk_number(text: str) -> str:
    """A number written in Chinese numerals ("十二", "二十六", "一百零五") or digits, in
    digits."""
    if text.isdigit():
        return str(int(text))
    total, current = 0, 0
    for char in text:
        if char == "百":
            total, current = total + (current or 1) * 100, 0
        elif char == "十":
            total, current = total + (current or 1) * 10, 0
        else:
            current = _CJK_DIGITS[char]
    return str(total + current)


def own_number(text: str) -> str | None:
    """The number a heading opens with, in any of the six languages, as a Roman numeral
    (or a capital letter) so that the sections of one text read alike in each: "II.
    Scope", "二、范围" and "ثانيا - النطاق" give "II", "B. Financing" "B"; None for a
    text that opens with none."""
    match = _OWN_NUMBER.match(text)
    if match is None:
        return None
    if match["cjk"]:
        number = int(cjk_number(match["cjk"]))
    elif match["arabic"]:
        number = _ARABIC_ORDINALS.index(match["arabic"]) + 1
    else:
        return match["key"]
    return roman(number)


def roman(number: int) -> str:
    """``number`` in Roman numerals, as headings number parts (up to the last `_ROMAN`
    knows; in figures beyond)."""
    return _ROMAN[number - 1] if 0 < number <= len(_ROMAN) else str(number)


def numbered_title(text: str) -> bool:
    """Whether ``text`` reads as a heading that numbers itself: a short line with no
    closing punctuation opening with its own number ("B. Technology", "三、技术")."""
    text = text.strip()
    return bool(text) and text[-1] not in CLOSING and len(text.split()) <= TITLE_WORDS \
        and own_number(text) is not None
