"""Whether a run is hidden (``w:vanish``) or struck through (``w:strike``, ``w:dstrike``)
through the styles, as Word resolves it: the run's own properties, else its character
style (``w:rStyle``, with the styles it is based on), else its paragraph's style's run
properties (``w:pStyle``, or the default paragraph style, with theirs), else the
document defaults (``w:docDefaults/w:rPrDefault``). The nearest that names the property
decides; ``w:val="0"`` (or "false", "off") turns it off.

Nearly no style sheet sets these: `run_styles` gives None then, and a reader looks at the
run's own properties alone, as before. Otherwise the styles are resolved once per style
sheet (the copies of one draft share theirs) and once per style.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from drafting.ooxml.style_chains import StyleChains

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VANISH = f"{_W}vanish"
STRIKES = (f"{_W}strike", f"{_W}dstrike")
_FLAGS = (VANISH, *STRIKES)
_STYLE, _STYLE_ID, _TYPE, _DEFAULT, _BASED_ON = (
    f"{_W}style", f"{_W}styleId", f"{_W}type", f"{_W}default", f"{_W}basedOn")
_R_PR, _P_PR, _R_STYLE, _P_STYLE, _VAL = (
    f"{_W}rPr", f"{_W}pPr", f"{_W}rStyle", f"{_W}pStyle", f"{_W}val")
_R_PR_DEFAULT = f"{_W}rPrDefault"
_OFF = ("0", "false", "off")

Flags = dict[str, bool]
"""The properties named at one level, by tag: on (True) or turned off (False)."""


def run_styles(styles: Any) -> RunStyles | None:
    """The `RunStyles` of a style sheet (the ``w:styles`` root), or None where no style
    and no default names one of the properties (nearly always)."""
    return _resolved(styles) if styles is not None else None


@lru_cache(maxsize=4)
def _resolved(styles: Any) -> RunStyles | None:
    if next(styles.iter(*_FLAGS), None) is None:
        return None
    return RunStyles(styles)


def based_on(style: Any) -> str | None:
    """The id of the style ``style`` is based on (``w:basedOn``), if any."""
    based = style.find(_BASED_ON)
    return based.get(_VAL) if based is not None else None


def _named(properties: Any) -> Flags:
    """The properties a ``w:rPr`` names."""
    if properties is None:
        return {}
    return {child.tag: child.get(_VAL) not in _OFF for child in properties
            if child.tag in _FLAGS}


class RunStyles:
    """A style sheet's hidden and struck-through run properties, resolved style by
    style on first use."""

    def __init__(self, styles: Any) -> None:
        self._styles: dict[str, Any] = {}
        self._default_paragraph: str | None = None
        for style in styles.iterchildren(_STYLE):
            style_id = style.get(_STYLE_ID)
            if style_id is None:
                continue
            self._styles.setdefault(style_id, style)
            if style.get(_TYPE) == "paragraph" and style.get(_DEFAULT) in ("1", "true", "on"):
                self._default_paragraph = self._default_paragraph or style_id
        defaults = styles.find(f"{_W}docDefaults/{_R_PR_DEFAULT}/{_R_PR}")
        self._defaults = _named(defaults)
        # what a style and the styles it is based on name, the nearest deciding
        self._chain = StyleChains(self._styles, based_on,
                                  lambda style: _named(style.find(_R_PR)))
        self._paragraphs: dict[str | None, Flags] = {}

    def paragraph(self, p: Any) -> Flags:
        """What the paragraph ``p``'s style and the defaults give its runs."""
        properties = p.find(_P_PR)
        style = properties.find(_P_STYLE) if properties is not None else None
        style_id = style.get(_VAL) if style is not None else self._default_paragraph
        if style_id not in self._paragraphs:
            self._paragraphs[style_id] = {**self._defaults, **self._chain(style_id)}
        return self._paragraphs[style_id]

    def on(self, run: Any, paragraph: Flags, tags: tuple[str, ...]) -> bool:
        """Whether one of ``tags`` is on for ``run`` (in a paragraph whose style gives
        ``paragraph``: `paragraph`)."""
        properties = run.find(_R_PR)
        own = _named(properties)
        style = properties.find(_R_STYLE) if properties is not None else None
        character = self._chain(style.get(_VAL)) if style is not None else {}
        for tag in tags:
            value = own.get(tag, character.get(tag, paragraph.get(tag, False)))
            if value:
                return True
        return False

    def touches(self, p: Any) -> bool:
        """Whether the styles may hide or strike some of ``p``'s words: its style (or
        the defaults) does, or a run of it has a character style that does."""
        if any(self.paragraph(p).values()):
            return True
        return any(any(self._chain(style.get(_VAL)).values()) for style in p.iter(_R_STYLE))
