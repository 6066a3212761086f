"""What Word's symbols (``w:sym``: Insert > Symbol from a symbol font) and equations
(``m:oMath``, ``m:oMathPara``) read as: one rule for the draft import
(`drafting.ooxml.visible`) and the reader of delegations' copies (`drafting.ooxml.runs`).

A ``w:sym`` names a font and a character code. In the Symbol font the code is a place in
Adobe's Symbol encoding (Word writes it plus 0xF000: ``F0B3`` is 0xB3, "≥"): those
places that hold a character of their own read as it (`SYMBOL_FONT`). In a text font (a
code outside the private-use area) the code is the Unicode character itself. Any other
symbol (Wingdings, Webdings, a place of the Symbol font that is a piece of a larger
sign) cannot be read as text: `symbol_text` gives None, and `unread_symbol` names it.
An equation is never read as text (`equation_text` quotes it for messages).
"""

from __future__ import annotations

from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
SYM = f"{W}sym"
EQUATIONS = frozenset({f"{M}oMath", f"{M}oMathPara"})
_FONT, _CHAR, _MATH_TEXT = f"{W}font", f"{W}char", f"{M}t"
_TEXT, _DELETED_TEXT, _TAB = f"{W}t", f"{W}delText", f"{W}tab"

_CAPITALS = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ"  # 0x41-0x5A ("A"-"Z")
_SMALL = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ"  # 0x61-0x7A ("a"-"z")
_SYMBOL_PLACES = {
    0x22: "∀", 0x24: "∃", 0x27: "∋", 0x2A: "∗", 0x2D: "−", 0x40: "≅", 0x5C: "∴",
    0x5E: "⊥", 0x7E: "∼",
    0xA0: "€", 0xA1: "ϒ", 0xA2: "′", 0xA3: "≤", 0xA4: "⁄", 0xA5: "∞", 0xA6: "ƒ",
    0xA7: "♣", 0xA8: "♦", 0xA9: "♥", 0xAA: "♠", 0xAB: "↔", 0xAC: "←", 0xAD: "↑",
    0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±", 0xB2: "″", 0xB3: "≥", 0xB4: "×",
    0xB5: "∝", 0xB6: "∂", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBA: "≡", 0xBB: "≈",
    0xBC: "…", 0xBF: "↵", 0xC0: "ℵ", 0xC1: "ℑ", 0xC2: "ℜ", 0xC3: "℘", 0xC4: "⊗",
    0xC5: "⊕", 0xC6: "∅", 0xC7: "∩", 0xC8: "∪", 0xC9: "⊃", 0xCA: "⊇", 0xCB: "⊄",
    0xCC: "⊂", 0xCD: "⊆", 0xCE: "∈", 0xCF: "∉", 0xD0: "∠", 0xD1: "∇", 0xD2: "®",
    0xD3: "©", 0xD4: "™", 0xD5: "∏", 0xD6: "√", 0xD7: "⋅", 0xD8: "¬", 0xD9: "∧",
    0xDA: "∨", 0xDB: "⇔", 0xDC: "⇐", 0xDD: "⇑", 0xDE: "⇒", 0xDF: "⇓", 0xE0: "◊",
    0xE1: "⟨", 0xE2: "®", 0xE3: "©", 0xE4: "™", 0xE5: "∑", 0xF1: "⟩", 0xF2: "∫",
}
SYMBOL_FONT: dict[int, str] = {
    **{code: chr(code) for code in range(0x20, 0x7F) if code != 0x60},  # ASCII's signs
    **{0x41 + n: letter for n, letter in enumerate(_CAPITALS)},
    **{0x61 + n: letter for n, letter in enumerate(_SMALL)},
    **_SYMBOL_PLACES,
}
"""Adobe's Symbol encoding, by code, for the places that hold a character of their own
(its pieces of large brackets and integrals, and its radical and arrow extenders, are
left out)."""

_SYMBOL_FONTS = frozenset({"symbol", "wingdings", "wingdings 2", "wingdings 3", "webdings",
                           "marlett", "zapfdingbats", "zapf dingbats", "mt extra"})
"""Fonts whose codes are no Unicode characters: only the Symbol font's are known."""


def symbol_text(sym: Any) -> str | None:
    """The character a ``w:sym`` shows, or None where it cannot be read as text."""
    font = (sym.get(_FONT) or "").strip().casefold()
    try:
        code = int(sym.get(_CHAR) or "", 16)
    except ValueError:
        return None
    if font == "symbol":
        return SYMBOL_FONT.get(code - 0xF000 if 0xF000 <= code <= 0xF0FF else code)
    if font in _SYMBOL_FONTS or 0xE000 <= code <= 0xF8FF or not 0x20 <= code <= 0x10FFFF \
            or 0xD800 <= code <= 0xDFFF:
        return None
    return chr(code)


def unread_symbol(sym: Any) -> str:
    """A ``w:sym`` that cannot be read as text, for messages: "a symbol (font Wingdings,
    character F0E0)"."""
    return (f"a symbol (font {sym.get(_FONT) or 'not named'}, character "
            f"{sym.get(_CHAR) or 'not named'})")


def equation_text(equation: Any, limit: int = 40) -> str:
    """An equation for messages: "an equation ('≥30%')"."""
    text = " ".join("".join(t.text or "" for t in equation.iter(_MATH_TEXT)).split())
    shown = text if len(text) <= limit else text[:limit - 3] + "..."
    return f"an equation ('{shown}')" if shown else "an equation"


def refusal(what: str, state: str, author: str | None, paragraph: Any) -> str:
    """Why a tracked change inserting or deleting ``what`` (`unread_symbol`,
    `equation_text`) in ``paragraph`` (a ``w:p``) by ``author`` cannot be read; ``state``
    is the change's ("inserted", "deleted"; "normal" for one inside an equation)."""
    words = "".join(t.text or " " for t in paragraph.iter(_TEXT, _DELETED_TEXT, _TAB))
    opening = " ".join(words.split()[:8])
    where = f"the paragraph beginning '{opening}'" if opening else "a paragraph without words"
    verb = {"inserted": "inserts", "deleted": "deletes"}.get(state, "changes")
    by = f" by {author}" if author else ""
    return (f"a change{by} in {where} {verb} {what}, which cannot be read as text: the "
            "change cannot be recorded as the file shows it, so nothing was recorded. "
            "Type it as text (a character from a text font, or words), or propose it "
            "with `drafting amend`, and send the file again")
