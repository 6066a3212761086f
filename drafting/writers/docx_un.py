"""A revision written as the United Nations lays out a draft resolution.

For a text that did not come from Word, the Word document every writer starts from:
A4, Times New Roman 12 (`drafting.writers.docx_clean`'s house fonts), the symbol in the
page header and the properties (naming the revision: ``A/C.2/81/L.50/Rev.1``), the front
matter one line a paragraph, the title in bold, the chapeau,
preambular paragraphs unlabelled with their opening words in italics, operative
paragraphs typed ``1.<tab>`` (``1 bis.<tab>``; within an article, its own number; in
Arabic ``1 -<tab>``) with their first word in italics, sub-paragraphs ``(a)`` as
paragraphs of their own, headings in "Heading N". Arabic lines run right to left
(``w:bidi``, ``w:rtl``), the front matter, title and chapeau included; no italics
are forced on Arabic, Chinese or Japanese openings. Footnotes stand as ``[^1]: text``
paragraphs after the paragraph citing them, as the text form writes them. A paragraph
read from options (``[first][second][]``) is written as its options, a Word paragraph
each: ``3.<tab>Option 1: ...``, ``Option 2: ...``, ``Option 3: No text``
(`drafting.writers.options`). No text is written that the import would not read back as
the same paragraphs.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from lxml import etree

from drafting.characters import right_to_left
from drafting.engine.revision_symbols import symbol_with_revision
from drafting.lazy_re import lazy_compile
from drafting.model import Document, Mark, Paragraph, ParagraphKind
from drafting.model.labels import typed_number
from drafting.model.marks import pieces
from drafting.ooxml import markup
from drafting.ooxml.markup import form_of
from drafting.ooxml.revisions import set_right_to_left
from drafting.readers.formulas import formula
from drafting.writers.blank_word import blank_word
from drafting.writers.docx_clean import (
    _append,
    _house_style,
    _marked,
    _p,
    _plain,
    _revision,
    _run,
    add_title,
    directed,
)
from drafting.writers.options import NO_TEXT, option_lead, option_marks, paragraph_options
from drafting.writers.pieces import carries_formatting, shown_marks

INDENT = Cm(1.27)


def un_document(document: Document, *, revision: str | None = None,
                author: str = "") -> bytes:
    """The ``.docx`` of ``revision`` (default: the current one) in the UN layout.

    ``author`` names who made it in the document's properties (the secretariat); the
    time is the revision's. InputError for a revision the document does not have.
    """
    buffer = io.BytesIO()
    un_word(document, revision=revision, author=author).save(buffer)
    return buffer.getvalue()


def un_word(document: Document, *, revision: str | None = None, author: str = "",
            body: bool = True) -> DocxDocument:
    """`un_document` as python-docx's document, not saved; with ``body`` False, only
    what stands around the text (page setup, styles, header, properties), the body
    empty."""
    chosen = _revision(document, revision)
    symbol = symbol_with_revision(document.symbol, chosen.label)  # "…/L.50/Rev.1"
    word = blank_word(document.title or symbol, symbol, author=author,
                      when=chosen.created_at)
    _house_style(word)
    header = word.sections[0].header.paragraphs[0]
    header.text = symbol
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not body:
        return word
    element = word.element.body
    for line in chosen.front_matter:
        _append(element, _tight(_plain(line)))
    if document.title:
        add_title(word, document.title)
    for line in chosen.after_title:
        _append(element, _tight(_plain(line)))
    if chosen.chapeau:
        _append(element, directed(_indented(_p("Normal", [_run(chosen.chapeau)]), first=0),
                                  chosen.chapeau))
    formatted = carries_formatting(chosen.paragraphs)
    for paragraph in chosen.paragraphs:
        for made in _elements(paragraph, shown_marks(paragraph, formatted)):
            _append(element, made)
    return word


@dataclass(frozen=True)
class UnLayout:
    """The UN-layout Word document of ``document``'s current revision, built only when a
    writer asks for it, and never saved to be opened again: a merged draft is written
    into it as built (`word`), a compilation keeps only what stands around the text
    (``word(body=False)``)."""

    document: Document

    def word(self, *, body: bool = True) -> DocxDocument:
        """The document, built afresh at each call."""
        return un_word(self.document, body=body)


def _elements(paragraph: Paragraph, marks: Sequence[Mark],
              option: tuple[str, str] | None = None) -> list[etree._Element]:
    """The ``w:p`` of ``paragraph``: one, and one a line after the first of a paragraph of
    lines; for a paragraph read from options, those of each option (``option``: its text
    and what opens it, "3.<tab>Option 1: "). Spelt out as markup and parsed once each (see
    `drafting.ooxml.markup`); element by element where the text holds a character that
    markup would not give back as it is (a carriage return, a control character)."""
    if option is None and (found := paragraph_options(paragraph)) is not None:
        return _each_option(paragraph, marks, found, _elements)
    text, lead = option if option is not None else (paragraph.text, None)
    if _AS_IS.search(text) or _AS_IS.search(paragraph.label):
        return _built(paragraph, marks, option)
    kind = paragraph.kind
    if kind is ParagraphKind.HEADING:
        style = f"Heading{min(max(paragraph.level, 1), 9)}"
        return [_parsed(style, "", _marked_xml(text, marks))]
    if kind is ParagraphKind.FOOTNOTE:
        return [_parsed("Normal", _indent_xml(), [markup.run_xml(
            f"[^{paragraph.label[2:]}]: "), *_marked_xml(text, marks)])]
    first, *lines = text.split("\n")
    runs = _marked_xml(first, marks)
    if lead is not None:
        runs.insert(0, markup.run_xml(lead))
    elif kind is ParagraphKind.OPERATIVE:
        runs.insert(0, markup.run_xml(_typed(paragraph)))
    elif kind is ParagraphKind.OTHER and not formula(text):  # a formula is read back so
        runs.insert(0, markup.run_xml(f"{paragraph.label}\t"))
    made = [_parsed("Normal", _indent_xml(), runs)]
    offsets = itertools.accumulate((len(line) + 1 for line in [first, *lines]), initial=0)
    made += [_parsed("Normal", _indent_xml(left=3 * INDENT, first=-INDENT),
                     _marked_xml(line, marks, at))
             for line, at in zip(lines, list(offsets)[1:], strict=False)]
    return [set_right_to_left(p) for p in made] if right_to_left(text) else made


_Make = Callable[[Paragraph, Sequence[Mark], tuple[str, str]], list[etree._Element]]


def _each_option(paragraph: Paragraph, marks: Sequence[Mark],
                 found: tuple[tuple[int, str], ...], make: _Make) -> list[etree._Element]:
    """The ``w:p`` of each option of ``paragraph`` (``found``), as ``make`` makes them."""
    return [p for number, (start, words) in enumerate(found, start=1)
            for p in make(paragraph, option_marks(marks, start, len(words)),
                          (words or NO_TEXT, _option_lead(paragraph, number)))]


def _option_lead(paragraph: Paragraph, number: int) -> str:
    """What opens option ``number`` of ``paragraph``: "Option 2: ", after the typed
    number for an operative paragraph's first ("3.<tab>Option 1: ")."""
    first = number == 1 and paragraph.kind is ParagraphKind.OPERATIVE
    return f"{_typed(paragraph) if first else ''}{option_lead(number)}"


def _typed(paragraph: Paragraph) -> str:
    """An operative paragraph's typed number: "5.<tab>", and "5 -<tab>" in Arabic, as the
    United Nations types it there."""
    number = typed_number(paragraph.label)
    return f"{number} -\t" if right_to_left(paragraph.text) else f"{number}.\t"


_AS_IS = lazy_compile("[\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What markup would not give back as it is: a carriage return (read as a line end) and
what XML cannot hold (the element builders refuse it, as they always have)."""


def _parsed(style_id: str, properties: str, runs: Sequence[str]) -> etree._Element:
    """A ``w:p`` in ``style_id`` with more ``properties`` after its style, holding ``runs``
    (markup), as `_p` and `_indented` build it element by element."""
    return markup.element(f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{properties}</w:pPr>'
                          f"{''.join(runs)}</w:p>")


def _indent_xml(*, left: int = INDENT, first: int = INDENT) -> str:
    """`_indented`'s tab stop and indents, as markup."""
    return (f'<w:tabs><w:tab w:val="left" w:pos="{_twips(left + INDENT)}"/></w:tabs>'
            f'<w:ind w:left="{_twips(left)}" w:{"firstLine" if first >= 0 else "hanging"}='
            f'"{_twips(abs(first))}"/>')


def _marked_xml(text: str, marks: Sequence[Mark], offset: int = 0) -> list[str]:
    """`_marked`, as markup."""
    return [markup.run_xml(piece, **form_of(styles))
            for piece, styles in pieces(text, marks, offset) if piece]


def _built(paragraph: Paragraph, marks: Sequence[Mark],
           option: tuple[str, str] | None = None) -> list[etree._Element]:
    """`_elements`, element by element."""
    if option is None and (found := paragraph_options(paragraph)) is not None:
        return _each_option(paragraph, marks, found, _built)
    text, lead = option if option is not None else (paragraph.text, None)
    kind = paragraph.kind
    if kind is ParagraphKind.HEADING:
        return [_p(f"Heading{min(max(paragraph.level, 1), 9)}", _marked(text, marks))]
    if kind is ParagraphKind.FOOTNOTE:
        return [_indented(_p("Normal", [_run(f"[^{paragraph.label[2:]}]: "),
                                        *_marked(text, marks)]))]
    first, *lines = text.split("\n")
    runs = _marked(first, marks)
    if lead is not None:
        runs.insert(0, _run(lead))
    elif kind is ParagraphKind.OPERATIVE:
        runs.insert(0, _run(_typed(paragraph)))
    elif kind is ParagraphKind.OTHER and not formula(text):
        runs.insert(0, _run(f"{paragraph.label}\t"))  # read back as other text, not a PP
    made = [_indented(_p("Normal", [r for r in runs if len(r)]))]
    offsets = itertools.accumulate((len(line) + 1 for line in [first, *lines]), initial=0)
    made += [_indented(_p("Normal", _marked(line, marks, at)), left=3 * INDENT,
                       first=-INDENT) for line, at in zip(lines, list(offsets)[1:], strict=False)]
    return [set_right_to_left(p) for p in made] if right_to_left(text) else made


def _indented(p: etree._Element, *, left: int = INDENT, first: int = INDENT) -> etree._Element:
    """``p`` indented ``left`` (EMU) with its first line ``first`` further (negative:
    hanging), and a tab stop one indent further in."""
    properties = p.find(qn("w:pPr"))
    tabs = OxmlElement("w:tabs")
    tabs.append(OxmlElement("w:tab", attrs={qn("w:val"): "left",
                                            qn("w:pos"): str(_twips(left + INDENT))}))
    properties.append(tabs)
    properties.append(OxmlElement("w:ind", attrs={
        qn("w:left"): str(_twips(left)),
        qn("w:firstLine" if first >= 0 else "w:hanging"): str(_twips(abs(first)))}))
    return p


def _tight(p: etree._Element) -> etree._Element:
    """``p`` with no space after it (the front matter's lines stand together)."""
    properties = p.find(qn("w:pPr"))
    if properties is None:
        properties = OxmlElement("w:pPr")
        p.insert(0, properties)
    properties.append(OxmlElement("w:spacing", attrs={qn("w:after"): "0"}))
    return p


def _twips(emu: int) -> int:
    return round(emu / 635)
