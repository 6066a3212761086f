"""Words that look other than they are: what an amendment's new words may not hold.

`drafting.characters` refuses what is not text at all, in every text. A delegation's
new words are held to more, because they will be read by others as what the delegation
proposes, and accepted into the text:

- a word mixing letters of two alphabets that imitate Latin (Latin, Cyrillic, Greek,
  Armenian, Cherokee, Coptic, and full-width Latin: ``Emphasizеs`` with a Cyrillic ``е``,
  ``ＵSA``): it looks like a word it is not, so a replacement by it looks like no
  change, and once accepted the resolution holds a word no search finds. A word of one
  script beside a word of another (``ООН и UNESCO``, ``COVID-инфекция``) is fine;
- the combining overlays (U+0334 to U+0338, U+20D2, U+20D3, U+20D8 to U+20DA, U+20E5,
  U+20E6, U+20EA, U+20EB: tilde, stroke, slash, vertical line, ring, arrow, every mark
  Unicode names an overlay) and the enclosing marks (category Me: the circle, square,
  "prohibited" circle-backslash U+20E0, keycap, the Cyrillic number signs U+0488,
  U+0489): they draw the letter they follow struck through, crossed out or enclosed, so
  that inserted words look deleted;
- a combining mark (categories Mn, Mc, Me: an accent, Arabic harakat) as the first
  character of the new words: it stands on the character before them, which is not the
  delegation's ("Reaffirms" + U+0301 reads "Reaffirmś"). Likewise new words may not go
  in (nor quoted words begin or end) between a letter of the paragraph and a mark that
  belongs to it, and the paragraph with the new words in must stay in the form every
  text is kept in (Unicode NFC: `whole_letters`);
- private-use and unassigned code points (`drafting.characters.fontless`), which the
  fonts of a UN text draw as nothing or as a box;
- the fillers (`drafting.characters.FILLERS`), which show as a gap in a word;
- a space other than the keyboard's and the no-break spaces U+00A0 and U+202F (French
  typography puts them before ; : ! ? and in "10 000"): the ideographic space U+3000, the
  fixed-width spaces U+2002 to U+200A, U+205F, the Ogham space mark U+1680 (every space
  separator, Unicode's Zs). Each shows as a gap of its own width, so that words parted by
  one look like others they differ from (``sustain<U+3000>able``). Refused, never read as
  a space: what a delegation sends is stored as sent. The ideographic space stays beside
  Chinese or Japanese characters, whose texts type it;
- a hyphen of another script or form (the Armenian hyphen U+058A, the Hebrew maqaf, the
  Mongolian soft hyphen U+1806, the small and full-width hyphen-minus U+FE63 and U+FF0D
  ...) in a Latin word or after one (``non<U+058A>binding``), as a look-alike letter is
  refused. Beside a letter of its own script it stays, as do the hyphens U+2010 and U+2011
  and the dashes, which any Latin text may hold;
- every character that shows nothing (`drafting.characters.shows_nothing`: zero-width
  space, word joiner, invisible operators, variation selectors, the braille blank ...):
  no one types them on purpose, and they only make two texts differ where no reader sees
  it. The joiners U+200C and U+200D and the direction marks U+200E, U+200F, U+061C stay:
  Arabic, Persian and Indic scripts need them;
- mathematical letters (U+1D400 to U+1D7FF, ``𝖤``) and phonetic small capitals (``ꜱ``),
  which only look like the letters of a word;
- a line that opens as a numbered paragraph would ("11.<tab>", "OP11"), where the
  paragraph holds no lines numbered so: once accepted, it reads as a paragraph of the
  text's own. That is every line of the new words after the first, and the first too
  where they start a line of the paragraph (at its very start, or after a line feed).

Only what the delegation brings is refused (`disguise`): a character or a word the
paragraph already holds may stay in the words proposed for it, as the draft has it. A
draft itself is the secretariat's text, and is never refused for these.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from drafting.characters import FILLERS, describe, fontless, on_screen, shows_nothing
from drafting.lazy_re import lazy_compile

_NEEDED = "\u200c\u200d\u200e\u200f\u061c"
"""What shows nothing but a text may need: the joiners (Arabic, Persian and Indic scripts
join or part letters with them) and the direction marks (right-to-left text)."""
_WORD = lazy_compile(r"[^\W\d_]+")
"""A run of letters: a hyphen parts words here, as Russian joins "COVID-инфекция"."""
_SCRIPTS = ("FULLWIDTH LATIN", "LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE",
            "COPTIC")
"""The alphabets whose letters imitate Latin ones, by the start of their letters' names:
full-width Latin letters (``Ｕ``) are a script of their own here, so that ``ＵSA`` mixes."""


def _suspect(char: str) -> bool:
    """Whether a delegation's new words may not bring ``char`` (see the module)."""
    if char.isascii() or char in _NEEDED:
        return False
    return (_overlay(char) or char in FILLERS or shows_nothing(char)
            or "\U0001d400" <= char <= "\U0001d7ff"
            or unicodedata.name(char, "").startswith("LATIN LETTER SMALL CAPITAL"))


def _overlay(char: str) -> bool:
    """Whether ``char`` is a combining overlay or an enclosing mark (see the module)."""
    category = unicodedata.category(char)
    return category == "Me" or (category == "Mn" and "OVERLAY" in unicodedata.name(char, ""))


def _why(char: str) -> str:
    if unicodedata.category(char) == "Me":
        return ("draws a sign around the letter before it (a circle, a crossed-out circle, "
                "a square ...), so that the words look struck out or marked; remove it")
    if _overlay(char):
        return ("draws the letter before it struck through, so that inserted words look "
                "deleted; remove it")
    if fontless(char):
        kind = ("a private-use character" if unicodedata.category(char) == "Co" else
                f"not a character of Unicode {unicodedata.unidata_version} (this "
                "installation's table: one added since is taken once its Python knows it)")
        return (f"is {kind}, which the fonts of a UN text draw as nothing or as a box, so "
                "that the text differs where no one sees it; remove it (or type the "
                "character it stands for)")
    if char in FILLERS:
        return "shows as a gap, not as a letter or a space; remove it"
    if "\U0001d400" <= char <= "\U0001d7ff":
        return ("is a mathematical symbol drawn as a letter, not a letter of any word; type "
                "the letter itself")
    if not shows_nothing(char):
        return ("is a phonetic letter drawn as a small capital, not a letter of any word; "
                "type the letter itself")
    return "shows nothing and makes the text differ where no one sees it; remove it"


def _script(char: str) -> str | None:
    """The script of `_SCRIPTS` a letter is of (by its name), else None."""
    name = unicodedata.name(char, "")
    return next((script for script in _SCRIPTS if name.startswith(script)), None)


def mixed(word: str) -> int | None:
    """The offset in ``word`` of its first letter of one of `_SCRIPTS` that is the
    intruder where the word has letters of two of those: of another script than most of
    its letters (than Latin, where as many are Latin), so that ``рrotect`` names its
    Cyrillic ``р``, not the Latin ``r`` after it; None if it has not (``UNESCO``,
    ``ООН``, ``Emphasizes``, ``UNESCO的``)."""
    letters = [(offset, script) for offset, char in enumerate(word)
               if (script := _script(char)) is not None]
    counts = Counter(script for _, script in letters)
    if len(counts) < 2:
        return None
    main = max(counts, key=lambda script: (counts[script], script == "LATIN"))
    return next(offset for offset, script in letters if script != main)


def disguise(new: str, known: str = "", *, at: int | None = None,
             end: int | None = None) -> tuple[int, str] | None:
    """``(offset, sentence)`` for the first thing in ``new`` (the words a delegation
    proposes) that the module refuses and ``known`` (the paragraph's text, or the
    proposal's it amends) does not hold already; None if there is none. ``at``: where in
    ``known`` the new words go (a replacement's or an insertion's place), if they go into
    it, and ``end`` where the words they replace end (``at`` for an insertion); their
    first line is then checked as a line of its own where it starts one, and their edges
    against the letters beside them (`whole_letters`). The sentence reads ``character 8:
    U+0336 (COMBINING LONG STROKE OVERLAY) draws ...; remove it``."""
    starts_line = at is not None and (at == 0 or known[at - 1:at] == "\n")
    found = _numbered(new, known, starts_line)
    if not new.isascii() or (at is not None and not known.isascii()):
        found += whole_letters(new, known, at=at, end=end)
    if not new.isascii():  # most texts: none of those characters is ASCII
        found += [*_characters(new, known), *_spaces(new, known), *_hyphens(new, known),
                  *_words(new, known)]
    return min(found) if found else None


def _mark(char: str) -> bool:
    """Whether ``char`` is a combining mark (categories Mn, Mc, Me)."""
    return unicodedata.category(char)[0] == "M"


def _decomposed(new: str) -> tuple[int, str]:
    """Where ``new``, not in Unicode NFC, first holds a mark written apart from the letter
    it goes on, and what to do."""
    at = next((at for at in range(1, len(new)) if _mark(new[at]) and len(
        unicodedata.normalize("NFC", new[at - 1:at + 1])) == 1), None)
    if at is None:
        return 0, ("character 0: the new words are not in the form every text is kept in "
                   "(Unicode NFC); type them again, or copy them from a text that has them")
    letter = unicodedata.normalize("NFC", new[at - 1:at + 1])
    return at, (f"character {at}: {describe(new[at])} is written apart from the letter it "
                f"goes on, not composed with it (Unicode NFC) as every text is kept; type "
                f"the letter with its accent, '{letter}'")


def whole_letters(new: str, known: str = "", *, at: int | None = None,
                  end: int | None = None) -> list[tuple[int, str]]:
    """The first way ``new`` (going at ``at`` to ``end`` in ``known``, if given) would
    change a letter that is not its own: a combining mark as its first character (it
    stands on the character before), an edge between a letter of ``known`` and the mark
    after it, the new words not in Unicode NFC, or a paragraph that would not be with
    them in (characters either side composed into one). Empty if none."""
    if new and _mark(new[0]):
        return [(0, f"character 0: {describe(new[0])} is a mark that stands on the "
                 "character before the new words, which is not theirs, and changes it; give "
                 "whole words (to change a word's accents, replace the word)")]
    if at is None:
        return []
    if not unicodedata.is_normalized("NFC", new):
        return [_decomposed(new)]
    end = at if end is None else end
    for edge, offset in ((at, 0), (end, len(new))):
        if edge < len(known) and _mark(known[edge]):
            return [(offset, f"character {offset}: the change begins or ends inside a "
                     f"letter: the paragraph's character {edge}, {describe(known[edge])}, "
                     "is a mark on the letter before it; quote whole words")]
    if unicodedata.is_normalized("NFC", known) and \
            not unicodedata.is_normalized("NFC", known[:at] + new + known[end:]):
        return [(0, "character 0: the new words and the paragraph's characters beside "
                 "them would combine into other characters (the paragraph would not stay "
                 "in Unicode NFC, the form every text is kept in); quote whole words")]
    return []


_NUMBERED = lazy_compile(
    r"[ \t]*(?:(?-i:OP|PP)[ \t]*\d{1,3}(?:[ \t]*(?:bis|ter|quater|quinquies|sexies|septies|"
    r"octies|novies|decies))?\b|\d{1,3}(?:[ \t]*(?:bis|ter|quater|quinquies|sexies|septies|"
    r"octies|novies|decies))?\.(?=[ \t]|$))", re.IGNORECASE)
"""A line opening with a paragraph's number as a text types it: "11.<tab>", "11. ",
"11 bis.", "OP11"."""


def _numbered(new: str, known: str, starts_line: bool = False) -> list[tuple[int, str]]:
    """The first line of ``new`` after its first (or from its first, where it
    ``starts_line`` of the paragraph) that opens as a numbered paragraph of the text's own
    would (`_NUMBERED`), where no line of ``known`` after its first opens so (a paragraph
    holding items "1.", "2." may take another; one whose text opens with its number, its
    first line too, where the new words start a line)."""
    lines = known.split("\n")
    if ("\n" not in new and not starts_line) or any(
            _NUMBERED.match(line) for line in lines[0 if starts_line else 1:]):
        return []
    at = 0 if starts_line else new.index("\n") + 1
    for line in new.split("\n")[0 if starts_line else 1:]:
        if found := _NUMBERED.match(line):
            number = found.group().strip()
            return [(at, f"character {at}: the line '{number} ...' starts with a number as "
                     "the text's own paragraphs do, so that once accepted it reads as a "
                     "paragraph of its own; propose a new paragraph instead")]
        at += len(line) + 1
    return []


def _characters(new: str, known: str) -> list[tuple[int, str]]:
    """The first character of ``new`` the module refuses that ``known`` does not hold."""
    for at, char in enumerate(new):
        if _suspect(char) and char not in known:
            return [(at, f"character {at}: {describe(char)} {_why(char)}")]
    return []


_OTHER_SPACES = lazy_compile("[\u1680\u2000-\u200a\u205f\u3000]")
"""Unicode's space separators (category Zs) but the keyboard's space U+0020 and the
no-break spaces U+00A0 and U+202F: what new words may not bring (a test checks the list
against `unicodedata`)."""
_WIDE = ("W", "F")
"""East Asian widths of the characters beside which the ideographic space stays."""


def _spaces(new: str, known: str) -> list[tuple[int, str]]:
    """The first of `_OTHER_SPACES` in ``new`` that is not an ideographic space beside a
    Chinese or Japanese character, and that ``known`` does not hold."""
    for found in _OTHER_SPACES.finditer(new):
        at, char = found.start(), found.group()
        if char in known or (char == "\u3000" and _beside_wide(new, at)):
            continue
        return [(at, f"character {at}: {describe(char)} is a space of another width than a "
                 "keyboard's, so that the words it parts look like others they differ "
                 "from; type an ordinary space (the no-break spaces U+00A0 and U+202F may "
                 "stay)")]
    return []


def _beside_wide(text: str, at: int) -> bool:
    """Whether a character of ``text`` next to offset ``at`` is a wide (Chinese or
    Japanese) one."""
    return any(unicodedata.east_asian_width(char) in _WIDE
               for char in (text[at - 1:at], text[at + 1:at + 2]) if char)


_HYPHENS = lazy_compile("[\u02d7\u058a\u05be\u1400\u1806\u2043\u2e17\u2e1a\u2e40\u2e5d\u30a0"
                      "\ufe63\uff0d\U00010ead]")
"""Marks drawn as a hyphen that belong to another script or form than Latin text's: the
modifier letter minus, the Armenian hyphen, the Hebrew maqaf, the Canadian syllabics
hyphen, the Mongolian soft hyphen, the hyphen bullet, the oblique, diaeresis and double
hyphens, the Katakana double hyphen, the small and full-width hyphen-minus, the Yezidi
hyphenation mark. Not the hyphens U+2010 and U+2011 nor the dashes: Latin text's own."""


def _hyphens(new: str, known: str) -> list[tuple[int, str]]:
    """The first of `_HYPHENS` in ``new`` (and not in ``known``) standing in a Latin word
    or after one: beside a Latin letter, and beside no letter of another script."""
    for found in _HYPHENS.finditer(new):
        at, char = found.start(), found.group()
        if char in known:
            continue
        sides = [_letter(new[at - 1:at]), _letter(new[at + 1:at + 2])]
        if "LATIN" in sides and "other" not in sides:
            word = next(m for m in _WHOLE_WORD.finditer(new) if m.start() <= at < m.end())
            return [(at, f"character {at}: the word '{word.group()}' holds {describe(char)}, "
                     f"a hyphen of another script, as its character {at - word.start() + 1}, "
                     "so it looks like a word it is not; type the hyphen '-'")]
    return []


_WHOLE_WORD = lazy_compile(r"\S+")


def _letter(char: str) -> str | None:
    """"LATIN" for a Latin letter, "other" for another letter, None for no letter."""
    if not char or not char.isalpha():
        return None
    return "LATIN" if _script(char) == "LATIN" else "other"


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


LIKE_LATIN = str.maketrans(
    "АВЕЅІЈКМНОРСТХУаеѕіјһԁԛорсԝхуΑΒΕΖΗΙΚΜΝΟΡΤΥΧιον",
    "ABESIJKMHOPCTXYaesijhdqopcwxyABEZHIKMNOPTYXiov")
"""Cyrillic and Greek letters that most fonts draw as a Latin one."""


def as_shown(text: str) -> str:
    """``text`` as a reader sees it (`drafting.characters.on_screen`), with the Cyrillic
    and Greek letters drawn as Latin ones written as those: two texts the same in this
    form cannot be told apart on screen."""
    return on_screen(text).translate(LIKE_LATIN) if not text.isascii() else text
