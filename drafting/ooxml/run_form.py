"""Inline formatting put on runs a writer makes: the italics, bold, underline, raised or
lowered text and small capitals a delegation typed its words in (`drafting.model.marks`).

A new run first takes the properties of the run it is modelled on (the words beside it:
`drafting.ooxml.weave`); the styles of its words are then turned on in its ``w:rPr``, each
property in its schema place (`drafting.ooxml.schema_order`). A style is only ever added:
words typed plain keep the form of the words around them. Read back, `own_styles` gives
the styles a run's own properties turn on (`styles_set` what one property sets).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import qn

from drafting.model.marks import Style
from drafting.ooxml.revisions import element
from drafting.ooxml.schema_order import place

_RPR, _VAL = qn("w:rPr"), qn("w:val")
_OFF = {"0", "false", "off", "none"}
_TOGGLES = {qn("w:i"): Style.ITALIC, qn("w:b"): Style.BOLD, qn("w:smallCaps"): Style.SMALL_CAPS}
_RAISED = {"superscript": Style.SUPERSCRIPT, "subscript": Style.SUBSCRIPT}
_U, _VERT_ALIGN = qn("w:u"), qn("w:vertAlign")
_PROPERTIES: dict[Style, tuple[str, str | None]] = {
    Style.BOLD: ("w:b", None), Style.ITALIC: ("w:i", None),
    Style.SMALL_CAPS: ("w:smallCaps", None), Style.UNDERLINE: ("w:u", "single"),
    Style.SUPERSCRIPT: ("w:vertAlign", "superscript"),
    Style.SUBSCRIPT: ("w:vertAlign", "subscript"),
}


def with_styles(run: Any, styles: Iterable[Style]) -> Any:
    """``run`` (a ``w:r``) with each of ``styles`` on: a property it had turned off, or set
    otherwise (``w:u w:val="none"``, another ``w:vertAlign``), is replaced; returns it."""
    wanted = sorted(set(styles))
    if not wanted:
        return run
    properties = run.find(_RPR)
    if properties is None:
        properties = element("w:rPr")
        run.insert(0, properties)
    for style in wanted:
        tag, value = _PROPERTIES[style]
        for old in properties.findall(qn(tag)):
            properties.remove(old)
        made = element(tag)
        if value is not None:
            made.set(_VAL, value)
        place(properties, made)
    return run


def styles_set(child: Any) -> list[tuple[Style, bool]]:
    """What one run property sets: (style, on or off); [] for one that is no style."""
    value = child.get(_VAL)
    if child.tag in _TOGGLES:
        return [(_TOGGLES[child.tag], value is None or value.lower() not in _OFF)]
    if child.tag == _U:
        return [(Style.UNDERLINE, value is None or value.lower() not in _OFF)]
    if child.tag == _VERT_ALIGN:
        return [(style, value == name) for name, style in _RAISED.items()]
    return []


def own_styles(run: Any) -> frozenset[Style]:
    """The styles ``run``'s own properties turn on (not those of its character style)."""
    properties = run.find(_RPR)
    if properties is None:
        return frozenset()
    shown: dict[Style, bool] = {}
    for child in properties:
        for style, on in styles_set(child):
            shown[style] = on
    return frozenset(style for style, on in shown.items() if on)
