"""New words written as the compilation credits words: a forged attribution.

The compilation names who proposes words in parentheses after them, codes parted by
commas (``(EU, USA)``, ``(EU; supported by JPN)``, ``(retain: CAN)``), and parts the
alternatives to words by `` / ``. New words holding such a tag of their own
(``three-day (G77) / four-day``, tabled by the USA) compile as
``[one-day / two-day (EU) / three-day (G77) / four-day (USA)]``: an alternative G77 never
proposed, which no reader can tell from one it did. `forged_credit` finds such a tag
naming a known delegation, whatever its case, its full-width letters or parentheses, or
Cyrillic and Greek look-alike letters, where the compilation writes one: at the end of the
words, or before a " / " or a bracket's close. Words that name a delegation otherwise
("the Group of 77 and China", "(as proposed by the G77)", "Regulation (EU) 2023/1115")
read as text, and stay.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from drafting.characters import code_key
from drafting.lookalikes import LIKE_LATIN

_TAG = re.compile(r"[(\uff08\ufe59\u207d\u208d]([^()\uff08\uff09]{1,200}?)"
                  r"[)\uff09\ufe5a\u207e\u208e]")
"""Words in parentheses (plain, full-width, small, raised or lowered ones)."""
_PARTS = re.compile(r"\s*(?:retain\s*[:\uff1a])?\s*(?:supported\s+by\s+)?(.*?)\s*",
                    re.IGNORECASE)
_CODE = re.compile(r"[^\W_][\w-]*")
_CREDITED = re.compile(r"\s*(?:$|[/\uff0f\]\uff3d}])")
"""What follows a tag where the compilation writes one: the end of the words, or the
next alternative's " / " or the bracket's close."""


def forged_credit(new: str, codes: Collection[str], kept: str = "") -> tuple[int, str] | None:
    """``(offset, sentence)`` for the first tag in ``new`` written as the compilation
    credits words to delegations (see the module) that names one of ``codes``, and that
    ``kept`` (the words the new ones replace) does not hold as often; None if there is
    none. The sentence reads ``character 10: '(G77)' is written as the compilation names
    who proposes words ...``."""
    if not codes or ("(" not in new and new.isascii()):
        return None
    keys = {code_key(code): code for code in codes}
    for found in _TAG.finditer(new):
        if not _CREDITED.match(new, found.end()):  # "Regulation (EU) 2023/1115": text
            continue
        named = _named(found.group(1), keys)
        tag = found.group()
        if named and new.count(tag) > kept.count(tag):
            who, its = " and ".join(named), "its" if len(named) == 1 else "their"
            return found.start(), (
                f"character {found.start()}: '{tag}' is written as the compilation names "
                f"who proposes words, so that the words before it would read as {who}'s "
                f"proposal; write the name out instead of '{tag}', or let {who} table {its} "
                "own words")
    return None


def _named(inside: str, keys: dict[str, str]) -> list[str]:
    """The known codes (by `code_key`) the words ``inside`` a tag list, where every part
    between commas and semicolons is a code-like word; none otherwise."""
    parts = [_PARTS.fullmatch(part).group(1)  # type: ignore[union-attr]
             for part in re.split(r"[,;\uff0c\uff1b]", inside.translate(LIKE_LATIN))]
    if not all(_CODE.fullmatch(part) for part in parts):
        return []
    return [keys[key] for part in parts if (key := code_key(part)) in keys]
