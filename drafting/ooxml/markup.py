"""WordprocessingML written as text and parsed once per paragraph.

Building a large document element by element through lxml costs a few microseconds an
element; a merged draft of thousands of proposals has tens of thousands of them. The
writers therefore spell each paragraph's runs and revisions out as markup (escaped
here, and nowhere else) and turn the whole paragraph into python-docx elements with one
parse (`paragraph`), several times faster. The markup is the same as the element
builders of `drafting.ooxml.revisions` make: ``w:r`` with ``w:rPr`` (b, i, smallCaps,
strike, u, vertAlign),
``w:t xml:space="preserve"`` (``w:delText`` inside a deletion), ``w:tab`` and ``w:br``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from docx.oxml.ns import nsmap
from docx.oxml.parser import oxml_parser
from lxml import etree

from drafting.lazy_re import lazy_compile
from drafting.model.marks import Mark, Style, normalised, pieces

_PIECES = lazy_compile(r"(\t|\n)")
_OPEN_P = f'<w:p xmlns:w="{nsmap["w"]}">'
_OPEN_ANY = f' xmlns:w="{nsmap["w"]}"'


def text(value: str) -> str:
    """``value`` escaped for element content."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def attribute(value: str) -> str:
    """``value`` escaped for a double-quoted attribute."""
    return text(value).replace('"', "&quot;")


@dataclass(frozen=True, slots=True)
class Run:
    """A run to be written: its text and formatting (see `run_xml`)."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    small_caps: bool = False
    raised: str = ""
    """"superscript" or "subscript"; "" for neither."""

    def xml(self, *, deleted: bool = False) -> str:
        """The run's markup; ``deleted`` writes its text as ``w:delText``."""
        return run_xml(self.text, bold=self.bold, italic=self.italic,
                       underline=self.underline, strike=self.strike,
                       small_caps=self.small_caps, raised=self.raised, deleted=deleted)


def styled(text: str, marks: Sequence[Mark], offset: int = 0, **form: Any) -> list[Run]:
    """Runs for ``text`` (standing at ``offset`` in its paragraph), cut where the
    paragraph's ``marks`` change its formatting; ``form`` (``strike=True``) goes on all."""
    if not marks:  # one run, as the pieces of unmarked text would give it
        return [Run(text, **form)] if text else []
    return [Run(piece, **{**form_of(styles), **form})
            for piece, styles in pieces(text, marks, offset) if piece]


def marks_of(runs: Sequence[Run]) -> tuple[Mark, ...]:
    """The marks of the text ``runs`` make together (`styled`'s inverse; struck-through
    text is no mark)."""
    if not any(run.italic or run.bold or run.underline or run.small_caps or run.raised
               for run in runs):  # most words: plain
        return ()
    found, at = [], 0
    for run in runs:
        shown = [style for style, name in _FLAGS.items() if getattr(run, name)]
        shown += [style for style, name in _RAISED.items() if run.raised == name]
        found += [Mark(at, at + len(run.text), style) for style in shown if run.text]
        at += len(run.text)
    return normalised(found)


def form_of(styles: Iterable[Style]) -> dict[str, Any]:
    """The `Run` / `run_xml` keywords that show ``styles``."""
    return dict(_form(frozenset(styles)))  # a writer asks for one of a few, thousands of times


@cache
def _form(shown: frozenset[Style]) -> dict[str, Any]:
    form: dict[str, Any] = {name: True for style, name in _FLAGS.items() if style in shown}
    raised = next((name for style, name in _RAISED.items() if style in shown), "")
    return {**form, "raised": raised} if raised else form


_FLAGS = {Style.ITALIC: "italic", Style.BOLD: "bold", Style.UNDERLINE: "underline",
          Style.SMALL_CAPS: "small_caps"}
_RAISED = {Style.SUPERSCRIPT: "superscript", Style.SUBSCRIPT: "subscript"}


def run_xml(value: str, *, bold: bool = False, italic: bool = False, underline: bool = False,
            strike: bool = False, small_caps: bool = False, raised: str = "",
            deleted: bool = False) -> str:
    """A ``w:r`` holding ``value`` (``\\t`` a ``w:tab``, ``\\n`` a ``w:br``); empty text
    gives a run with only its properties; ``raised`` is "superscript" or "subscript"."""
    properties = ""
    if bold or italic or underline or strike or small_caps or raised:
        properties = ("<w:rPr>" + ("<w:b/><w:bCs/>" if bold else "")  # bCs: Arabic too
                      + ("<w:i/>" if italic else "")
                      + ("<w:smallCaps/>" if small_caps else "")
                      + ("<w:strike/>" if strike else "")
                      + ('<w:u w:val="single"/>' if underline else "")
                      + (f'<w:vertAlign w:val="{raised}"/>' if raised else "") + "</w:rPr>")
    tag = "w:delText" if deleted else "w:t"
    if "\t" not in value and "\n" not in value:
        body = f'<{tag} xml:space="preserve">{text(value)}</{tag}>' if value else ""
        return f"<w:r>{properties}{body}</w:r>"
    parts = []
    for piece in _PIECES.split(value):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece == "\n":
            parts.append("<w:br/>")
        elif piece:
            parts.append(f'<{tag} xml:space="preserve">{text(piece)}</{tag}>')
    return f"<w:r>{properties}{''.join(parts)}</w:r>"


def paragraph(parts: Iterable[str], style_id: str | None = None) -> Any:
    """A ``w:p`` (python-docx's element class) holding the markup ``parts``, with paragraph
    style ``style_id`` if given."""
    style = f'<w:pPr><w:pStyle w:val="{attribute(style_id)}"/></w:pPr>' if style_id else ""
    return etree.fromstring(f"{_OPEN_P}{style}{''.join(parts)}</w:p>", oxml_parser)


def element(markup: str) -> Any:
    """One element from its markup (``<w:comments>...</w:comments>``), ``w:`` declared on
    it (its start tag must end in ``>``, not ``/>``)."""
    start_tag = markup[:markup.index(">")]
    name_end = start_tag.index(" ") if " " in start_tag else len(start_tag)
    return etree.fromstring(markup[:name_end] + _OPEN_ANY + markup[name_end:], oxml_parser)
