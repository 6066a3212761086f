"""Numbering set on paragraph styles: the ``w:numPr`` a paragraph has of its own or takes
from its style and the styles that style is based on (``w:basedOn``), for
`drafting.ooxml.numbering`."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from drafting.ooxml.body import child_of, first_child

_PPR, _NUM_PR, _VAL = qn("w:pPr"), qn("w:numPr"), qn("w:val")
_NAMES: dict[str, str] = {}
_MAX_STYLE_DEPTH = 20


def child_value(element: etree._Element | None, child: str) -> str | None:
    """The ``w:val`` of ``element``'s first ``child`` ("w:numId"); None without either."""
    if element is None:
        return None
    name = _NAMES.get(child) or _NAMES.setdefault(child, qn(child))
    found = child_of(element, name)
    return None if found is None else found.get(_VAL)


def whole_number(text: str | None, default: int) -> int:
    """``text`` ("2") as a number; ``default`` when it is None or not a number."""
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


class StyleTable:
    """Numbering set on paragraph styles, with their ``w:basedOn`` chains."""

    def __init__(self, styles: etree._Element) -> None:
        self._styles: dict[str, etree._Element] = {}
        self._by_style: dict[str | None, tuple[list[str], str | None, str | None]] = {}
        self.default: str | None = None
        for style in styles.iterchildren(qn("w:style")):
            if style.get(qn("w:type")) not in ("paragraph", "numbering"):
                continue
            style_id = style.get(qn("w:styleId"), "")
            self._styles[style_id] = style
            if style.get(qn("w:default")) in ("1", "true", "on") and (
                style.get(qn("w:type")) == "paragraph"
            ):
                self.default = style_id

    def chain(self, style_id: str | None) -> list[str]:
        """``style_id`` and the styles it is based on, nearest first."""
        out: list[str] = []
        while style_id and style_id in self._styles and style_id not in out:
            out.append(style_id)
            if len(out) > _MAX_STYLE_DEPTH:
                break
            style_id = child_value(self._styles[style_id], "w:basedOn")
        return out

    def style_num_id(self, style_id: str) -> str | None:
        """The ``w:numId`` a (numbering) style sets, if any."""
        style = self._styles.get(style_id)
        ppr = style.find(qn("w:pPr")) if style is not None else None
        return child_value(ppr.find(qn("w:numPr")) if ppr is not None else None, "w:numId")

    def num_pr(self, paragraph: etree._Element) -> tuple[str, int | None, list[str]] | None:
        """``(numId, ilvl, style chain)`` of a paragraph, from itself or its
        styles; ilvl is None when nothing sets it. None when not numbered."""
        ppr = first_child(paragraph, _PPR)
        num_pr = child_of(ppr, _NUM_PR) if ppr is not None else None
        chain, styled_id, styled_level = self._styled(child_value(ppr, "w:pStyle") or self.default)
        num_id = child_value(num_pr, "w:numId") or styled_id
        level = child_value(num_pr, "w:ilvl") or styled_level
        if num_id is None or num_id == "0":
            return None
        return num_id, None if level is None else whole_number(level, 0), chain

    def sets_number(self, style_id: str | None) -> bool:
        """Whether paragraph style ``style_id`` (or one it is based on) sets a ``numId``."""
        return self._styled(style_id)[1] is not None

    def _styled(self, style_id: str | None) -> tuple[list[str], str | None, str | None]:
        """A paragraph style's chain and the ``numId`` and ``ilvl`` it sets (the nearest
        style that sets each), worked out once per style."""
        if style_id in self._by_style:
            return self._by_style[style_id]
        chain = self.chain(style_id)
        num_id: str | None = None
        level: str | None = None
        for name in chain:
            ppr = self._styles[name].find(_PPR)
            num_pr = child_of(ppr, _NUM_PR) if ppr is not None else None
            num_id = num_id or child_value(num_pr, "w:numId")
            level = level or child_value(num_pr, "w:ilvl")
        self._by_style[style_id] = (chain, num_id, level)
        return chain, num_id, level
