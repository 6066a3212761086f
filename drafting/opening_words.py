"""Which words of a paragraph UN editing sets in italics: a preambular paragraph's
opening words ("*Noting with concern* the ..."), in the scripts that have italics.

Text only, for every writer: the Word writers style runs by it, the text writers mark it.
"""

from __future__ import annotations

from drafting.lazy_re import lazy_compile

OPENING_WORDS = frozenset({
    "also", "further", "with", "in", "mind", "note", "deep", "deeply", "concern",
    "appreciation", "satisfaction", "concerned", "alarmed", "convinced", "regret", "grave",
    "upon", "into", "account", "consideration",
})
"""Words that stay in italics after a paragraph's first word ("Calls upon", "Taking into
account")."""

_WORD = lazy_compile(r"\S+")
_NO_ITALICS = lazy_compile("[\u0590-\u08ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
                         "\ufb1d-\ufdff\ufe70-\ufeff]")


def takes_italics(text: str) -> bool:
    """False for text in a script that is not set in italics (Chinese, Japanese, Korean,
    Arabic, Hebrew): its opening words stay upright."""
    return _NO_ITALICS.search(text) is None


def opening_words_end(text: str) -> int:
    """Where a preambular paragraph's italic opening words end in ``text``; 0 for a
    script without italics (`takes_italics`).

    They are the first word plus the directly following words from
    `OPENING_WORDS` (case and trailing punctuation forgiven): ``Noting with
    concern the ...`` -> ``Noting with concern``. Leading whitespace is
    skipped; 0 for text with no word. The space after the last word is not
    included.
    """
    words = _WORD.finditer(text)  # read as far as the opening words go, not the whole text
    first = next(words, None)
    if first is None or not takes_italics(text):
        return 0
    end = first.end()
    for word in words:
        if word.group().casefold().strip(".,;:!?") not in OPENING_WORDS:
            break
        end = word.end()
    return end
