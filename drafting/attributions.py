"""New words written as the compilation credits words: a forged attribution.

The compilation names who proposes words in parentheses after them, codes parted by
commas (``(EU, USA)``, ``(EU; supported by JPN)``, ``(retain: CAN)``), and parts the
alternatives to words by `` / ``. New words holding such a tag of their own
(``three-day (G77) / four-day``, tabled by the USA) compile as
``[one-day / two-day (EU) / three-day (G77) / four-day (USA)]``: an alternative G77 never
proposed, which no reader can tell from one it did. `forged_credit` finds such a tag
naming a known delegation other than the proponents, where the compilation writes one: at
the end of the words, or before a " / " or a bracket's close. The tag is read as it shows:
the characters that show nothing dropped (``(G77<U+200E>)`` is ``(G77)``), whatever its
case, its full-width letters, Cyrillic and Greek look-alike letters or hyphens (``G-77``
is ``G77``), in any pair of parentheses (`PARENTHESES`), codes parted by commas,
semicolons, "/", "&", "and", "et" or "y". Words that name a delegation otherwise ("the
Group of 77 and China", "(as proposed by the G77)", "Regulation (EU) 2023/1115") read as
text, and stay; so does a tag of the proponents' codes alone ("the Alliance of Small
Island States (AOSIS)" tabled by AOSIS), since the compilation credits the words to them
anyway (not "(retain: AOSIS)" nor "(supported by AOSIS)", which it would not write). So
does a code after its own name spelled out at the end of the words ("and the African
Union (AU)" tabled by the USA, `spelled_out`): an abbreviation, which the compilation
follows with the proponents' credit, "+{and the African Union (AU)}+ (USA)"; before a
" / " or a bracket's close nothing follows it, and it reads as the credit there.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from drafting.characters import code_key, shows_nothing
from drafting.lazy_re import lazy_compile
from drafting.lookalikes import LIKE_LATIN

PARENTHESES = ("(\u207d\u208d\u2768\u276a\u27ee\u2985\u2e28\u2e59\u2e5b\ufd3e\ufe35\ufe59"
               "\uff08\uff5f", ")\u207e\u208e\u2769\u276b\u27ef\u2986\u2e29\u2e5a\u2e5c\ufd3f"
               "\ufe36\ufe5a\uff09\uff60")
"""The opening and the closing parentheses: every character Unicode names a parenthesis
(plain, raised, lowered, ornaments, flattened, white, double, half, ornate, vertical,
small, full-width; a test checks the list against `unicodedata`)."""
_ANY = re.escape("".join(PARENTHESES))
_TAG = lazy_compile(f"[{re.escape(PARENTHESES[0])}]([^{_ANY}]{{1,200}}?)"
                  f"[{re.escape(PARENTHESES[1])}]")
"""Words in parentheses."""
_PARTS = lazy_compile(r"\s*(retain\s*[:\uff1a])?\s*(supported\s+by\s+)?(.*?)\s*",
                    re.IGNORECASE)
_SEPARATORS = lazy_compile(r"[,;/&\uff0c\uff1b\uff0f\uff06]|\s(?:and|et|y)\s", re.IGNORECASE)
"""What parts the codes in a tag: commas, semicolons, "/", "&", "and", "et", "y"."""
_CODE = lazy_compile(r"[^\W_]\w*")
_HYPHENS = str.maketrans(dict.fromkeys("-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"))
_CREDITED = lazy_compile(r"\s*(?:$|[/\u2044\u2215\u29f8\uff0f\]\uff3d}])")
"""What follows a tag where the compilation writes one: the end of the words, or the
next alternative's " / " (or a slash drawn alike: fraction, division, big, full-width) or
the bracket's close."""
_WORD = lazy_compile(r"[^\W_]+")
_LINKING = frozenset({"of", "and", "the", "for", "on", "in", "a", "an", "de", "del", "des",
                      "du", "la", "le", "les", "l", "d", "et", "y"})
"""Words a name's abbreviation may give its first letter or nothing ("of" in "Group of
77", G77, and in "Alliance of Small Island States", AOSIS)."""


def credit_key(code: str) -> str:
    """What a code in a tag is compared by: `code_key` without hyphens ("G-77" is G77)."""
    return code_key(code).translate(_HYPHENS)


def forged_credit(new: str, codes: Collection[str], kept: str = "",
                  own: Collection[str] = ()) -> tuple[int, str] | None:
    """``(offset, sentence)`` for the first tag in ``new`` written as the compilation
    credits words to delegations (see the module) that names one of ``codes`` other than
    ``own`` (the proponents), or names them with a standing ("retain:", "supported by"),
    and that ``kept`` (the words the new ones replace) does not hold as often; None if
    there is none. The offset is in ``new`` as given; the sentence reads ``character 10:
    '(G77)' is written as the compilation names who proposes words ...``."""
    if not codes or (new.isascii() and "(" not in new):
        return None
    mine = {credit_key(code) for code in own}
    keys = {credit_key(code): code for code in sorted(codes)}  # of codes alike but for
    shown, at = _shown(new)  # hyphens (EU, E-U), one named whatever order they come in
    kept_shown = _shown(kept)[0]
    for found in _TAG.finditer(shown):
        if not _CREDITED.match(shown, found.end()):  # "Regulation (EU) 2023/1115": text
            continue
        named, plain = _named(found.group(1), keys)
        if _abbreviation(shown, found, named, plain):  # "the African Union (AU)": text
            continue
        others = [code for code in named if credit_key(code) not in mine]
        tag = found.group()
        if (others or (named and not plain)) and shown.count(tag) > kept_shown.count(tag):
            start = at[found.start()]
            if not others:  # "(retain: AOSIS)" by AOSIS: a standing it does not have
                return start, (
                    f"character {start}: '{tag}' is written as the compilation marks a "
                    "proposal to retain words or one supported by others, which these "
                    f"words are not; remove '{tag}'")
            who, its = " and ".join(others), "its" if len(others) == 1 else "their"
            return start, (
                f"character {start}: '{tag}' is written as the compilation names "
                f"who proposes words, so that the words before it would read as {who}'s "
                f"proposal; write the name out instead of '{tag}', or let {who} table {its} "
                "own words")
    return None


def _shown(text: str) -> tuple[str, list[int]]:
    """``text`` without the characters that show nothing, and where in ``text`` each of
    its characters stands."""
    if text.isascii():
        return text, list(range(len(text)))
    at = [offset for offset, char in enumerate(text) if not shows_nothing(char)]
    return "".join(text[offset] for offset in at), at


def _named(inside: str, keys: dict[str, str]) -> tuple[list[str], bool]:
    """The known codes (by `credit_key`) the words ``inside`` a tag list, where every part
    between separators is a code-like word (none otherwise), and whether the tag is codes
    alone (no "retain:", no "supported by")."""
    found = [_PARTS.fullmatch(part)
             for part in _SEPARATORS.split(inside.translate(LIKE_LATIN))]
    parts = [_squeezed(match.group(3).translate(_HYPHENS), keys)  # type: ignore[union-attr]
             for match in found]
    if not all(_CODE.fullmatch(part) for part in parts):
        return [], True
    plain = not any(match.group(1) or match.group(2) for match in found)  # type: ignore[union-attr]
    named = [keys[key] for part in parts if (key := credit_key(part)) in keys]
    return list(dict.fromkeys(named)), plain


def _squeezed(part: str, keys: dict[str, str]) -> str:
    """``part`` without its spaces where so it is a known code ("G 77" is G77, as "G-77"
    is), else as it is ("the EU" stays words)."""
    squeezed = "".join(part.split())
    return squeezed if squeezed != part and credit_key(squeezed) in keys else part


def spelled_out(before: str, code: str) -> bool:
    """Whether the last words of ``before`` spell ``code`` out as a name does its
    abbreviation, whatever their case: each, in order, gives the code its first letter
    or first letters ("African Union", AU; "Caribbean Community", CARICOM), a number
    itself ("Group of 77", G77), and a linking word ("of", "de", `_LINKING`) its first
    letter or nothing ("Alliance of Small Island States", AOSIS) but never the code's
    first ("and the Union", AU, does not spell it). Two words at least give it, the last
    of them the word right before the code ("the proposal of the Group", G77, does not)."""
    key = credit_key(code)
    if not key.isalnum():
        return False
    words = [code_key(word) for word in _WORD.findall(before)][-3 * len(key):]
    return _spells(words, key, 0)


def _abbreviation(shown: str, found: re.Match[str], named: list[str], plain: bool) -> bool:
    """Whether the tag ``found`` in ``shown`` is one code alone (``named``, ``plain``:
    `_named`'s) that ends the words right after its name (`spelled_out`)."""
    return (plain and len(named) == 1 and not shown[found.end():].strip()
            and len(_SEPARATORS.split(found.group(1))) == 1
            and spelled_out(shown[:found.start()], named[0]))


def _spells(words: list[str], code: str, given: int) -> bool:
    """Whether ``words``, the last first, give the end of ``code`` as `spelled_out`
    reads them, ``given`` of the words after them having given the rest of it."""
    if not code:
        return given >= 2
    if not words:
        return False
    word, rest = words[-1], words[:-1]
    if given and word in _LINKING and _spells(rest, code, given):
        return True
    ends = [word] if word.isdigit() else [word[:size] for size in range(1, len(word) + 1)]
    return any(code.endswith(end) and (len(end) < len(code) or word not in _LINKING)
               and _spells(rest, code[:-len(end)], given + 1) for end in ends)
