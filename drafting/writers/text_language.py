"""The language a compilation's text is in, for the writers to declare it: an HTML page's
``lang``, a Word document's default run language (``w:lang``,
`drafting.ooxml.word_language`). Screen readers, hyphenation and fonts follow it.

Read from the scripts of the text's letters where they tell (Arabic "ar", Cyrillic "ru",
Han "zh"); a Latin-script text from the organ or parties its chapeau names ("L'Assemblée
générale," French, "La Asamblea General," Spanish), or, where the chapeau tells nothing,
from the words most of its first paragraphs open with ("Rappelant", "Décide": French;
"Recordando", "Solicita": Spanish); else English.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from itertools import islice

from drafting.engine.segments import Compilation, NewParagraph
from drafting.lazy_re import lazy_compile

_SAMPLE = 4000
"""Letters enough to tell a text's script (a compilation of 100,000 amendments has
millions): the title, the chapeau and the first paragraphs."""
_SCRIPTS = {"ARABIC": "ar", "CYRILLIC": "ru", "CJK": "zh"}
"""The first word of a letter's Unicode name, for the scripts that name their language."""

_FRENCH = lazy_compile(
    r"L['\u2019]\s?(?:Assembl\u00e9e|Organisation|Union)|Le (?:Conseil|Comit\u00e9)"
    r"|La (?:Conf\u00e9rence|Commission|R\u00e9union)|Les (?:\u00c9tats|Etats|Parties"
    r"|Hautes Parties|Gouvernements)\b")
"""How a French chapeau opens: the organ ("L'Assemblée générale", "Le Conseil de
sécurité", "La Conférence des Parties") or the parties ("Les États parties")."""

_SPANISH = lazy_compile(
    r"La (?:Asamblea|Conferencia|Comisi\u00f3n|Reuni\u00f3n)|El (?:Consejo|Comit\u00e9)"
    r"|Los (?:Estados|Gobiernos)|Las (?:Partes|Altas Partes)\b")
"""How a Spanish chapeau opens ("La Asamblea General", "El Consejo de Seguridad", "La
Conferencia de las Partes", "Los Estados partes")."""

RIGHT_TO_LEFT = frozenset({"ar", "he", "fa", "ur"})
"""The languages written right to left (Arabic; Hebrew, Persian and Urdu should the
language ever be told as one): a page in one of them is laid out from the right."""

_OPENINGS = {
    "fr": {"rappelant", "réaffirmant", "considérant", "prenant", "reconnaissant",
           "soulignant", "notant", "décide", "prie", "invite", "demande", "engage",
           "exhorte", "souligne"},
    "es": {"recordando", "reafirmando", "considerando", "tomando", "reconociendo",
           "subrayando", "observando", "decide", "solicita", "invita", "exhorta", "insta",
           "alienta", "pide"},
    "en": {"recalling", "reaffirming", "considering", "taking", "recognizing",
           "recognising", "emphasizing", "stressing", "noting", "decides", "requests",
           "invites", "urges", "calls", "encourages", "welcomes", "notes", "emphasizes"},
}
"""The words (lower case) UN paragraphs open with: participles of preambular paragraphs
("Prenant note", "Tomando nota", "Taking note": the first word), verbs of operative ones.
Told apart by the whole word: "Decide" is Spanish, "Décide" French, "Decides" English."""
_LOOKED_AT = 20
"""The paragraphs whose opening words are read: a small, bounded look."""
_OPENING_WORD = lazy_compile(r"[^\W\d_]+")

_ENGLISH = lazy_compile(r"The\s")
"""How an English chapeau opens ("The General Assembly,", "The States Parties")."""

def compilation_language(compilation: Compilation) -> str:
    """The language tag ("ar", "ru", "zh", "fr", "es" or "en") of the text compiled: its
    title, chapeau and paragraphs (new ones too), not the proponents' codes."""
    texts = [compilation.title, compilation.chapeau]
    texts += [entry.text if isinstance(entry, NewParagraph) else entry.paragraph.text
              for entry in compilation.entries]
    return text_language(texts, compilation.chapeau)


def text_language(texts: Iterable[str], chapeau: str = "") -> str:
    """The language of ``texts``: that of the script most of their letters are written
    in (their first `_SAMPLE` letters), where it names one; for Latin letters French,
    Spanish or English when the ``chapeau`` (or else the first text) opens as one does in
    that language, else French or Spanish where most of the first texts open with that
    language's words (`_opening_words_language`); else "en"."""
    texts = [text for text in texts if text]
    letters = islice((char for text in texts for char in text if char.isalpha()), _SAMPLE)
    scripts = Counter(map(_script, letters))
    script = max(scripts, key=scripts.__getitem__, default="")
    if script in _SCRIPTS:
        return _SCRIPTS[script]
    opening = (chapeau or next(iter(texts), "")).strip()
    if _FRENCH.match(opening):
        return "fr"
    if _SPANISH.match(opening):
        return "es"
    if _ENGLISH.match(opening):
        return "en"
    return _opening_words_language(texts)


def _opening_words_language(texts: list[str]) -> str:
    """"fr" or "es" where that language's `_OPENINGS` open more than half of the first
    `_LOOKED_AT` texts that open with one of them in any language, two at least (one
    word tells nothing); else "en"."""
    votes: Counter[str] = Counter()
    for text in texts[:_LOOKED_AT]:
        found = _OPENING_WORD.search(unicodedata.normalize("NFC", text))
        word = found[0].lower() if found else ""
        votes.update(language for language, words in _OPENINGS.items() if word in words)
    language, count = max(votes.items(), key=lambda item: item[1], default=("en", 0))
    return language if count >= 2 and 2 * count > sum(votes.values()) else "en"


def _script(char: str) -> str:
    """The first word of ``char``'s Unicode name ("LATIN", "ARABIC", "CJK", ...)."""
    return unicodedata.name(char, "").split(" ", 1)[0]
