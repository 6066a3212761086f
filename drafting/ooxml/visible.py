"""What a reader sees of one Word paragraph: its text as if every tracked change were
accepted, and where each piece of that text stands in the XML.

Runs in ``w:ins``/``w:moveTo`` count, runs in ``w:del``/``w:moveFrom`` do not; tabs and
breaks read as ``\\t`` and ``\\n``; a footnote reference reads as its marker ``[^N]``
(numbered by `drafting.ooxml.notes.Footnotes`); a symbol (``w:sym``) reads as its
character where it is known (`drafting.ooxml.symbols`); hidden runs, images, text boxes,
equations, other symbols and the like read as nothing and are counted in ``notes``. Of an
``mc:AlternateContent``, the branch Word shows is read (`drafting.ooxml.alternate`), and
another branch holding other text is counted in ``notes``, quoted. Each
piece of the text is an `Atom` naming the run and the element it came from, so a writer
can find any character of the text in the document again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from drafting.ooxml import alternate
from drafting.ooxml.body import child_of
from drafting.ooxml.notes import REFERENCE, Footnotes
from drafting.ooxml.run_styles import RunStyles
from drafting.ooxml.symbols import EQUATIONS, SYM, symbol_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
GONE = frozenset({f"{W}del", f"{W}moveFrom"})
_RUN_TEXT = {
    f"{W}tab": "\t", f"{W}ptab": "\t", f"{W}br": "\n", f"{W}cr": "\n",
    f"{W}noBreakHyphen": "-", f"{W}softHyphen": "",
}
_RUN_NOTES = {
    f"{W}sym": "symbol", f"{W}footnoteReference": "footnote",
    f"{W}endnoteReference": "endnote", f"{W}commentReference": "comment",
    f"{W}object": "embedded object",
}
_ALTERNATE = alternate.ALTERNATE
_GRAPHICS = {f"{W}drawing", f"{W}pict", _ALTERNATE}
_P_PR, _R_PR, _R, _T, _VANISH, _VAL = (
    f"{W}pPr", f"{W}rPr", f"{W}r", f"{W}t", f"{W}vanish", f"{W}val")
_OPAQUE = frozenset({f"{W}sdtPr", f"{W}rPr"})
_RUBY, _RUBY_BASE = f"{W}ruby", f"{W}rubyBase"
_ID = f"{W}id"


@dataclass(frozen=True, slots=True)
class Atom:
    """A piece of a paragraph's visible text: ``text`` read from ``node`` (a ``w:t``,
    ``w:tab``, ``w:footnoteReference``, ...) of the run ``run``."""

    text: str
    run: etree._Element
    node: etree._Element


@dataclass(slots=True)
class Visible:
    """One Word paragraph's visible text, its atoms, the footnotes it cites (by number,
    marked ``[^N]`` in the text) and what was left out of it."""

    element: etree._Element
    footnotes: Footnotes | None = None
    text: str = ""
    atoms: list[Atom] = field(default_factory=list)
    cited: list[int] = field(default_factory=list)
    notes: Counter[str] = field(default_factory=Counter)
    mark_deleted: bool = False
    styles: RunStyles | None = None
    """The document's styles, where they may hide words of this paragraph."""
    given: dict[str, bool] = field(default_factory=dict)
    """What the paragraph's style gives its runs (`RunStyles.paragraph`)."""


def visible(paragraph: etree._Element, footnotes: Footnotes | None = None) -> Visible:
    """What a reader sees of the ``w:p`` ``paragraph``; footnote references read as
    markers when ``footnotes`` is given, else as nothing (counted as a footnote)."""
    found = Visible(paragraph, footnotes)
    styles = footnotes.styles if footnotes is not None else None
    if styles is not None and styles.touches(paragraph):  # rarely: a style hides words
        found.styles, found.given = styles, styles.paragraph(paragraph)
    for child in paragraph:
        if child.tag == _P_PR:
            mark = child_of(child, _R_PR)
            found.mark_deleted = mark is not None and any(m.tag in GONE for m in mark)
        else:
            _walk(child, found)
    found.text = "".join([atom.text for atom in found.atoms])
    return found


def atoms_by_child(paragraph: etree._Element,
                   children: Iterable[etree._Element]) -> Iterator[list[Atom]]:
    """The atoms each of ``children`` (of the ``w:p`` ``paragraph``, its ``w:pPr`` passed
    over) gives, as `visible` reads them with no footnotes given: what stands at the
    start or the end of a long paragraph, read without reading all of it."""
    found = Visible(paragraph)
    for child in children:
        if child.tag != _P_PR:
            found.atoms = []
            _walk(child, found)
            yield found.atoms


def _walk(element: etree._Element, found: Visible) -> None:
    """Collect the visible text under a paragraph-level element."""
    tag = element.tag
    if tag == _R:
        _run(element, found)
    elif tag in GONE or not isinstance(tag, str):
        return
    elif tag in EQUATIONS:
        found.notes["equation"] += 1
    elif tag == _ALTERNATE:  # the branch Word shows; another's text said (a warning)
        shown = alternate.shown(element)
        for child in shown if shown is not None else ():
            _walk(child, found)
        for other in alternate.other_texts(element, shown, _branch_text):
            found.notes[_other_branch(other)] += 1
    elif tag not in _OPAQUE:
        for child in element:  # hyperlinks, fields, smart tags, content controls ...
            _walk(child, found)


def _branch_text(branch: etree._Element) -> str:
    """The text of one branch of an ``mc:AlternateContent``, as `visible` reads it."""
    seen = Visible(branch)
    for child in branch:
        _walk(child, seen)
    return "".join([atom.text for atom in seen.atoms])


def _other_branch(text: str) -> str:
    """What a warning says of ``text``, another branch's than the one read: "... in OP3
    not imported"."""
    shown = text if len(text) <= 40 else text[:37] + "..."
    what = f"text '{shown}'" if text.strip() else "nothing (no text)"
    return (f"{what} in another branch of an mc:AlternateContent (the one Word shows was "
            "read; a program that cannot show it shows this one instead)")


def _run(run: etree._Element, found: Visible) -> None:
    children = list(run)
    if found.styles is not None:  # its own properties, else its styles, decide
        if found.styles.on(run, found.given, (_VANISH,)):
            if any(item.tag == _T and item.text for item in children):
                found.notes["hidden text"] += 1
            return
    else:
        for child in children:  # the run's properties come first
            if child.tag == _R_PR:
                if is_on(child_of(child, _VANISH)):
                    if any(item.tag == _T and item.text for item in children):
                        found.notes["hidden text"] += 1
                    return
                break
    atoms = found.atoms
    for child in children:
        tag = child.tag
        if tag == _T:
            if child.text:
                atoms.append(Atom(child.text, run, child))
        elif tag in _RUN_TEXT:
            if _RUN_TEXT[tag]:
                atoms.append(Atom(_RUN_TEXT[tag], run, child))
        elif tag == SYM and (text := symbol_text(child)) is not None:  # Insert > Symbol
            atoms.append(Atom(text, run, child))
        elif tag == REFERENCE and found.footnotes is not None and \
                (number := found.footnotes.cite(child)) is not None:
            atoms.append(Atom(f"[^{number}]", run, child))
            found.cited.append(number)
        elif tag == REFERENCE and found.footnotes is not None and \
                child.get(_ID) in found.footnotes.own_marks:  # its "*" is the next text
            found.notes["custom-mark footnote"] += 1
        elif tag in _RUN_NOTES:
            found.notes[_RUN_NOTES[tag]] += 1
        elif tag in _GRAPHICS:
            found.notes["text box" if _has(child, "txbxContent") else "image"] += 1
        elif tag == _RUBY:
            base = child.find(_RUBY_BASE)
            for inner in base if base is not None else ():
                _walk(inner, found)


def is_on(toggle: etree._Element | None) -> bool:
    """Whether a toggle property (``w:vanish``, ``w:b``, ...) is present and not off."""
    return toggle is not None and toggle.get(_VAL) not in ("0", "false", "off")


def _has(element: etree._Element, name: str) -> bool:
    return next(element.iter(f"{W}{name}"), None) is not None
