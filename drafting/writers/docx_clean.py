"""Write one revision of a draft as a clean Word document, in the house style.

The house style (read back by `drafting.readers.docx_draft`):

- the revision's front matter first, one plain ("Normal") paragraph a line,
  written exactly as stored (a delegation's copy is read back against it);
- the document title in style "Title", then one "Subtitle" line with the
  symbol and the revision ("A/C.2/81/L.7 — Zero draft");
- the chapeau ("The General Assembly,"), if any, as a plain paragraph with no
  label, exactly as stored;
- headings in "Heading N" (N = the heading's level);
- every other paragraph opens with its label as a bold run ("PP1", "OP5 bis",
  "T1"), then a run holding one tab, then the text; the label hangs in the
  margin of a hanging indent, so the text lines up;
- a preambular paragraph's opening words are in italics: the first word and
  the words from `OPENING_WORDS` directly after it ("Noting with concern");
- sub-paragraph lines ("\\n(a) To ...") are line breaks in the same paragraph;
- A4 paper, Times New Roman 12 throughout.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import docx
import docx.document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from lxml import etree

from drafting.characters import right_to_left
from drafting.errors import InputError
from drafting.lazy_re import lazy_compile
from drafting.model import Document, Mark, Paragraph, ParagraphKind, Revision
from drafting.model.marks import pieces
from drafting.ooxml.markup import form_of
from drafting.ooxml.revisions import (
    save_atomically,
    set_right_to_left,
)
from drafting.writers.blank_word import blank_word
from drafting.writers.pieces import carries_formatting, shown_marks

FONT = "Times New Roman"
FONT_SIZE = Pt(12)
DRAFT_STYLE = "Draft Paragraph"
"""The style of labelled paragraphs: Normal with a hanging indent for the label."""
HANGING = Cm(1.5)

_PIECES = lazy_compile(r"(\n|\t)")
_SECT_PR = qn("w:sectPr")
_WORD = lazy_compile(r"\S+")
_PUNCTUATION = ".,;:!?"


def write_docx_revision(
    document: Document, path: str | os.PathLike[str], *, revision: str | None = None
) -> None:
    """Write ``revision`` of ``document`` (default: the current one) to ``path``.

    The file is written to a temporary file in the same folder and then moved
    into place, so ``path`` holds either its old content or the whole new
    document. An empty title writes no "Title" line. Raises InputError when
    the document has no such revision (or none at all), and DraftingError,
    naming the file, when it cannot be written (no temporary file is left).
    """
    chosen = _revision(document, revision)
    word = blank_word(document.title or document.symbol, document.symbol,
                      when=chosen.created_at)
    _house_style(word)
    body = word.element.body
    for line in chosen.front_matter:
        _append(body, _plain(line))
    if document.title:
        add_title(word, document.title)
    word.add_paragraph(f"{document.symbol} — {chosen.label}", style="Subtitle")
    for line in chosen.after_title:
        _append(body, _plain(line))
    if chosen.chapeau:
        _append(body, _plain(chosen.chapeau))
    formatted = carries_formatting(chosen.paragraphs)
    for paragraph in chosen.paragraphs:
        _append(body, _paragraph_element(paragraph, shown_marks(paragraph, formatted)))
    save_atomically(word, Path(path))


def _revision(document: Document, label: str | None) -> Revision:
    if label is None:
        if document.current is None:
            raise InputError(f"{document.symbol} has no revision yet; import a draft first")
        return document.current
    found = document.revision(label)
    if found is None:
        known = ", ".join(r.label for r in document.revisions) or "none"
        raise InputError(f"{document.symbol} has no revision '{label}'; it has: {known}")
    return found



def _append(body: etree._Element, paragraph: etree._Element) -> None:
    """Add a paragraph at the end of the body, before its section properties."""
    last = body[-1] if len(body) else None  # they close the body: no search past it all
    section = last if last is not None and last.tag == _SECT_PR else body.find(_SECT_PR)
    if section is None:
        body.append(paragraph)
    else:
        section.addprevious(paragraph)


def _paragraph_element(paragraph: Paragraph, marks: Sequence[Mark]) -> etree._Element:
    if paragraph.kind is ParagraphKind.HEADING:
        level = min(max(paragraph.level, 1), 9)
        return _p(f"Heading{level}", [_run(paragraph.text)])
    text = paragraph.text
    runs = [_run(paragraph.label, bold=True), _run("\t"), *_marked(text, marks)]
    made = _p(_style_id(DRAFT_STYLE), [run for run in runs if len(run)])
    return set_right_to_left(made) if right_to_left(text) else made



def _plain(text: str) -> etree._Element:
    """A paragraph in the Normal style holding ``text`` as it is (none for ""), right to
    left when its script is."""
    p = OxmlElement("w:p")
    if text:
        p.append(_run(text))
    return directed(p, text)


def directed(p: etree._Element, text: str) -> etree._Element:
    """``p`` (holding ``text``) marked right to left when ``text`` is Arabic or Hebrew."""
    return set_right_to_left(p) if right_to_left(text) else p


def add_title(word: docx.document.Document, text: str, style: str = "Title") -> None:
    """A paragraph in ``style`` holding ``text`` at the end of ``word`` (python-docx's
    document), right to left when its script is."""
    directed(word.add_paragraph(text, style=style)._p, text)


def _p(style_id: str, runs: list[etree._Element]) -> etree._Element:
    p = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    properties.append(OxmlElement("w:pStyle", attrs={qn("w:val"): style_id}))
    p.append(properties)
    p.extend(runs)
    return p


def _marked(text: str, marks: Sequence[Mark], offset: int = 0) -> list[etree._Element]:
    """Runs for ``text`` (at ``offset`` in its paragraph) in the formatting ``marks`` give."""
    return [_run(piece, **form_of(styles)) for piece, styles in pieces(text, marks, offset)
            if piece]


def _run(text: str, *, bold: bool = False, italic: bool = False, underline: bool = False,
         small_caps: bool = False, raised: str = "") -> etree._Element:
    """A run holding ``text`` (tabs as ``w:tab``, line breaks as ``w:br``); an
    empty text gives an empty run, which callers leave out. ``raised`` is "superscript"
    or "subscript"."""
    run = OxmlElement("w:r")
    if not text:
        return run
    if bold or italic or underline or small_caps or raised:
        properties = OxmlElement("w:rPr")
        for flag, tag in ((bold, "w:b"), (bold, "w:bCs"), (italic, "w:i"),  # bCs: Arabic
                          (small_caps, "w:smallCaps")):
            if flag:
                properties.append(OxmlElement(tag))
        if underline:
            properties.append(OxmlElement("w:u", attrs={qn("w:val"): "single"}))
        if raised:
            properties.append(OxmlElement("w:vertAlign", attrs={qn("w:val"): raised}))
        run.append(properties)
    for piece in _PIECES.split(text):
        if piece == "\n":
            run.append(OxmlElement("w:br"))
        elif piece == "\t":
            run.append(OxmlElement("w:tab"))
        elif piece:
            element = OxmlElement("w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = piece
            run.append(element)
    return run


def _style_id(name: str) -> str:
    return name.replace(" ", "")


def _house_style(word: docx.document.Document) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    styles = word.styles
    normal = styles["Normal"]
    _font(normal, FONT_SIZE)
    normal.paragraph_format.space_after = Pt(6)
    draft = styles.add_style(DRAFT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    draft.base_style = normal
    draft.paragraph_format.left_indent = HANGING
    draft.paragraph_format.first_line_indent = -HANGING
    _font(styles["Title"], Pt(14), bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _font(styles["Subtitle"], FONT_SIZE, align=WD_ALIGN_PARAGRAPH.CENTER)
    styles["Subtitle"].font.italic = False
    for level in range(1, 10):
        _font(styles[f"Heading {level}"], FONT_SIZE, bold=True)
        styles[f"Heading {level}"].font.italic = False


def _font(
    style: ParagraphStyle, size: Pt, *, bold: bool | None = None,
    align: WD_ALIGN_PARAGRAPH | None = None,
) -> None:
    """Set the house font on a style, dropping theme fonts (which would win)
    and the template's colours and borders."""
    style.font.name = FONT
    style.font.size = size
    style.font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        style.font.bold = bold
    if align is not None:
        style.paragraph_format.alignment = align
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:cs"), FONT)
    _complex_script(style.element.get_or_add_rPr(), size, bold)
    properties = style.element.pPr
    if properties is not None:
        for border in properties.findall(qn("w:pBdr")):
            properties.remove(border)


def _complex_script(run_properties: etree._Element, size: Pt, bold: bool | None) -> None:
    """Arabic and Hebrew (complex scripts) in the same size and weight as the rest
    (``w:szCs``, ``w:bCs``: the template's Title has 26 points there), and no letter
    spacing (``w:spacing``), which pulls Arabic letters apart where they join."""
    for spacing in run_properties.findall(qn("w:spacing")):
        run_properties.remove(spacing)
    for tag, value, after in (("w:szCs", str(round(size.pt * 2)), "w:sz"),
                              ("w:bCs", None if bold else "0", "w:b")):
        if tag == "w:bCs" and bold is None:
            continue
        found = run_properties.find(qn(tag))
        if found is None:
            found = OxmlElement(tag)
            run_properties.find(qn(after)).addnext(found)
        if value is None:
            found.attrib.pop(qn("w:val"), None)
        else:
            found.set(qn("w:val"), value)
