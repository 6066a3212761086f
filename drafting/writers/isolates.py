"""English words in a right-to-left line of a compilation, kept whole and in order.

A credit (``(EGY)``), a note (``delete paragraph (EGY)``), a status (``(agreed)``) or an
English lead standing in an Arabic line is put between a FIRST STRONG ISOLATE (U+2068)
and a POP DIRECTIONAL ISOLATE (U+2069): the Unicode bidirectional algorithm (Word,
LibreOffice, browsers, text viewers) then lays it out on its own, in its own direction,
and as one neutral among the Arabic words, so "(EGY)" is never torn into "EGY)" and "(".
A left-to-right line is written as it always was. The library refuses these characters
in a text; it never reads a compilation back as one
(`drafting.readers.copy_identity.compilation`).
"""

from __future__ import annotations

from drafting.characters import right_to_left

FSI, PDI = "\u2068", "\u2069"
"""FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE."""

__all__ = ["FSI", "PDI", "isolated", "right_to_left"]


def isolated(text: str, rtl: bool) -> str:
    """``text`` between `FSI` and `PDI` in a right-to-left line (``rtl``); as it is in a
    left-to-right one, or when empty."""
    return f"{FSI}{text}{PDI}" if rtl and text else text
