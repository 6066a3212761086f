"""The inline formatting a run shows through its character style, as Word resolves it.

A run's italics, bold, underline, raised or lowered text and small capitals come from its
own properties (``w:rPr``) over those of its character style (``w:rStyle``: Word's
"Emphasis" is italic, "Strong" bold), and that style's over those of the styles it is
based on (``w:basedOn``, followed as `drafting.ooxml.style_chains` follows it: once per
style, a loop in a damaged file read as far as it goes). A style the style sheet does not
have gives nothing. A paragraph style's formatting is the paragraph's form, not the
run's: it is not read here.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from drafting.model.marks import Style
from drafting.ooxml.body import child_of, first_child
from drafting.ooxml.run_form import styles_set
from drafting.ooxml.run_styles import based_on
from drafting.ooxml.style_chains import StyleChains

_STYLE, _TYPE, _STYLE_ID, _VAL = qn("w:style"), qn("w:type"), qn("w:styleId"), qn("w:val")
_RPR, _RSTYLE = qn("w:rPr"), qn("w:rStyle")
_NONE: frozenset[Style] = frozenset()


class CharacterForms:
    """The formatting runs show: their own properties over their character style's."""

    def __init__(self, styles: Any | None) -> None:
        """``styles``: the style sheet's ``w:styles`` root (None: a file without one)."""
        found: dict[str, Any] = {}
        for style in styles.iterchildren(_STYLE) if styles is not None else ():
            if style.get(_TYPE) == "character" and style.get(_STYLE_ID) is not None:
                found.setdefault(style.get(_STYLE_ID), style)
        self._chains = StyleChains(found, based_on, _style_sets)

    def of(self, run: Any | None) -> frozenset[Style]:
        """The styles ``run`` (a ``w:r``; None: none) shows; empty for a run without
        properties."""
        properties = first_child(run, _RPR) if run is not None else None
        if properties is None:
            return _NONE
        style = child_of(properties, _RSTYLE)
        shown = self._chains(style.get(_VAL)) if style is not None else {}
        own = sets(properties)
        if own:
            shown = {**shown, **own}
        return frozenset(style for style, on in shown.items() if on)


def sets(properties: Any) -> dict[Style, bool]:
    """What a ``w:rPr`` sets, a later property over an earlier one."""
    return {style: on for child in properties for style, on in styles_set(child)}


def _style_sets(style: Any) -> dict[Style, bool]:
    """What a character style itself sets."""
    own = child_of(style, _RPR)
    return sets(own) if own is not None else {}
