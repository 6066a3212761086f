"""Words that look other than they are: what an amendment's new words may not hold.

`drafting.characters` refuses what is not text at all, in every text. A delegation's
new words are held to more, because they will be read by others as what the delegation
proposes, and accepted into the text:

- a word mixing Latin letters with Cyrillic or Greek ones (``Emphasizеs`` with a
  Cyrillic ``е``): it looks like a word it is not, so a replacement by it looks like no
  change, and once accepted the resolution holds a word no search finds. A word of one
  script beside a word of another (``ООН и UNESCO``, ``COVID-инфекция``) is fine;
- the combining overlays U+0334 to U+0338 (tilde, stroke, long stroke, slash): they draw
  the letter they follow as struck through, so that inserted words look deleted;
- the fillers (`drafting.characters.FILLERS`), which show as a gap in a word;
- zero-width space, word joiner and zero-width no-break space (U+200B, U+2060, U+FEFF):
  no one types them on purpose, and they only make two texts differ where no reader sees
  it. The joiners U+200C and U+200D stay: Arabic, Persian and Indic scripts need them.

Only what the delegation brings is refused (`disguise`): a character or a word the
paragraph already holds may stay in the words proposed for it, as the draft has it. A
draft itself is the secretariat's text, and is never refused for these.
"""

from __future__ import annotations

import re
import unicodedata

from drafting.characters import FILLERS, describe, on_screen

_OVERLAYS = "\u0334\u0335\u0336\u0337\u0338"
_HIDDEN = "\u200b\u2060\ufeff"
_SUSPECT = re.compile(f"[{_OVERLAYS}{FILLERS}{_HIDDEN}]")
_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters: a hyphen parts words here, as Russian joins "COVID-инфекция"."""
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK")


def _why(char: str) -> str:
    if char in _OVERLAYS:
        return ("draws the letter before it struck through, so that inserted words look "
                "deleted; remove it")
    if char in FILLERS:
        return "shows as a gap, not as a letter or a space; remove it"
    return "shows nothing and makes the text differ where no one sees it; remove it"


def _script(char: str) -> str | None:
    """LATIN, CYRILLIC or GREEK for a letter of those scripts, else None."""
    name = unicodedata.name(char, "")
    return next((script for script in _SCRIPTS if name.startswith(script)), None)


def mixed(word: str) -> int | None:
    """The offset in ``word`` of its first letter of another script than its first Latin,
    Cyrillic or Greek letter where the word has letters of two of those; None if it has
    not (``UNESCO``, ``ООН``, ``Emphasizes``)."""
    first = None
    for offset, char in enumerate(word):
        script = _script(char)
        if script is None:
            continue
        if first is None:
            first = script
        elif script != first:
            return offset
    return None


def disguise(new: str, known: str = "") -> tuple[int, str] | None:
    """``(offset, sentence)`` for the first thing in ``new`` (the words a delegation
    proposes) that the module refuses and ``known`` (the paragraph's text, or the
    proposal's it amends) does not hold already; None if there is none. The sentence
    reads ``character 8: U+0336 (COMBINING LONG STROKE OVERLAY) draws ...; remove it``."""
    if new.isascii():
        return None  # most texts: none of those characters is ASCII
    found = [*_characters(new, known), *_words(new, known)]
    return min(found) if found else None


def _characters(new: str, known: str) -> list[tuple[int, str]]:
    """The first character of ``new`` the module refuses that ``known`` does not hold."""
    for found in _SUSPECT.finditer(new):
        if found.group() not in known:
            return [(found.start(), f"character {found.start()}: "
                     f"{describe(found.group())} {_why(found.group())}")]
    return []


def _words(new: str, known: str) -> list[tuple[int, str]]:
    """The first word of ``new`` that mixes scripts (`mixed`) and ``known`` does not hold."""
    known_words = set(_WORD.findall(known)) if known and not known.isascii() else set()
    for found in _WORD.finditer(new):
        word = found.group()
        if not word.isascii() and (offset := mixed(word)) is not None \
                and word not in known_words:
            at = found.start() + offset
            return [(at, f"character {at}: the word '{word}' mixes letters of two scripts: "
                     f"{describe(word[offset])} is its character {offset + 1}, so it looks "
                     "like a word it is not; type it in one script")]
    return []


_LIKE_LATIN = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеѕіјһԁԛорсԝхуΑΒΕΖΗΙΚΜΝΟΡΤΥΧιον",
    "ABESIJKMHOPCTXYaesijhdqopcwxyABEZHIKMNOPTYXiov")
"""Cyrillic and Greek letters that most fonts draw as a Latin one."""


def as_shown(text: str) -> str:
    """``text`` as a reader sees it (`drafting.characters.on_screen`), with the Cyrillic
    and Greek letters drawn as Latin ones written as those: two texts the same in this
    form cannot be told apart on screen."""
    return on_screen(text).translate(_LIKE_LATIN) if not text.isascii() else text
