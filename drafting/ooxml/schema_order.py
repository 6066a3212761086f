"""Where a property goes among its siblings: the order the OOXML schema gives the children
of a paragraph's properties (``w:pPr``) and of a run's (``w:rPr``). Word refuses a
document whose properties stand out of that order ("unreadable content"), where
LibreOffice lets it pass, so a writer adding one puts it in its place."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_PARAGRAPH = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
_RUN = (
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
    "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden",
    "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect",
    "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
    "specVanish", "oMath", "rPrChange")
_ORDERS = {qn("w:pPr"): {qn(f"w:{tag}"): n for n, tag in enumerate(_PARAGRAPH)},
           qn("w:rPr"): {qn(f"w:{tag}"): n for n, tag in enumerate(_RUN)}}


def place(properties: Any, child: Any) -> Any:
    """Put ``child`` into ``properties`` (a ``w:pPr`` or ``w:rPr``) before the first
    sibling the schema orders after it (siblings it does not know are passed over);
    returns ``child``."""
    order = _ORDERS[properties.tag]
    rank = order[child.tag]
    for sibling in properties:
        if order.get(sibling.tag, -1) > rank:
            sibling.addprevious(child)
            return child
    properties.append(child)
    return child
