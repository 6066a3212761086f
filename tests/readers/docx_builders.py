"""Build small house-style .docx files with real tracked changes and comments.

python-docx writes the package, the Title/Subtitle/heading paragraphs and the bold label
runs; the revision marks (``w:ins``, ``w:del``, ``w:moveFrom``, ``w:moveTo``, a paragraph
mark's ``w:pPr/w:rPr/w:ins``) and comment ranges are written here with lxml, as Word
writes them. A paragraph is a list of parts:

* a ``str`` is normal text (``"\\t"`` becomes ``w:tab`` and ``"\\n"`` ``w:br``);
* `ins`, `dele`, `move_to`, `move_from` are revision marks around parts (nestable);
* `note` puts a comment range (and its reference) around parts;
* `Styled` is text in italics, bold, ... (its own run);
* `footnote` cites a footnote (its text as parts, tracked changes allowed) in a
  footnotes part of its own, as Word writes one.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import count
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part as OpcPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from drafting.model import Document, Paragraph, ParagraphKind, Revision

AUTHOR = "Jane Delegate"
DATE = "2026-11-02T10:00:00Z"
SYMBOL = "A/C.2/81/L.7"
TITLE = "Sustainable fisheries"


@dataclass
class Mark:
    """A revision mark around ``parts``; ``author``/``date`` None leave the attribute out."""

    tag: str
    parts: list[Part]
    author: str | None = AUTHOR
    date: str | None = DATE


@dataclass
class Note:
    """A comment by ``author`` on ``parts``."""

    text: str
    parts: list[Part]
    author: str = "Reviewer"


@dataclass
class Styled:
    """Text in a run of its own with these run properties (``w:i``, ``w:b``, ``w:u``...;
    ``w:vertAlign=superscript`` gives one its ``w:val``)."""

    text: str
    properties: tuple[str, ...] = ("w:i",)


@dataclass
class Footnote:
    """A footnote cited here: its reference in the text, its own text as ``parts``."""

    parts: list[Part]


Part = str | Mark | Note | Styled | Footnote


def footnote(*parts: Part) -> Footnote:
    return Footnote(list(parts))


def ins(*parts: Part, author: str | None = AUTHOR, date: str | None = DATE) -> Mark:
    return Mark("w:ins", list(parts), author, date)


def dele(*parts: Part, author: str | None = AUTHOR, date: str | None = DATE) -> Mark:
    return Mark("w:del", list(parts), author, date)


def move_to(*parts: Part, author: str | None = AUTHOR, date: str | None = DATE) -> Mark:
    return Mark("w:moveTo", list(parts), author, date)


def move_from(*parts: Part, author: str | None = AUTHOR, date: str | None = DATE) -> Mark:
    return Mark("w:moveFrom", list(parts), author, date)


def note(text: str, *parts: Part, author: str = "Reviewer") -> Note:
    return Note(text, list(parts), author)


@dataclass
class Para:
    """One Word paragraph: ``label`` (a bold run and a tab) then ``parts``. ``mark`` is the
    state of its paragraph mark (a Mark with no parts). ``label_mark`` wraps the label and
    tab in a revision mark too (for wholly inserted or deleted paragraphs)."""

    parts: list[Part]
    label: str | None = None
    style: str | None = None
    mark: Mark | None = None
    label_mark: Mark | None = None


def para(label: str | None, *parts: Part, mark: Mark | None = None,
         whole: str | None = None, style: str | None = None) -> Para:
    """A paragraph; ``whole`` ("ins" or "del") puts the label and tab in that mark too."""
    label_mark = {"ins": ins(), "del": dele(), None: None}[whole]
    return Para(list(parts), label, style, mark, label_mark)


class _Writer:
    def __init__(self) -> None:
        self.word = docx.Document()
        self.ids = count(100)
        self.notes: list[list] = []  # the footnotes' paragraph children, in citation order

    def paragraph(self, spec: Para) -> None:
        p = self.word.add_paragraph(style=spec.style)
        if spec.label is not None:
            mark = spec.label_mark
            deleted = mark is not None and mark.tag in ("w:del", "w:moveFrom")
            head = [*self._runs(spec.label, deleted, bold=True), *self._runs("\t", deleted)]
            if mark is not None:
                wrapper = self._mark(mark)
                for run in head:
                    wrapper.append(run)
                head = [wrapper]
            for element in head:
                p._p.append(element)
        for element in self._parts(spec.parts, deleted=False):
            p._p.append(element)
        if spec.mark is not None:
            rpr = OxmlElement("w:rPr")
            rpr.append(self._mark(spec.mark))
            p._p.get_or_add_pPr().append(rpr)

    def _parts(self, parts: list[Part], deleted: bool) -> list:
        elements = []
        for part in parts:
            if isinstance(part, str):
                elements.extend(self._runs(part, deleted))
            elif isinstance(part, Styled):
                (run,) = self._runs(part.text, deleted)
                rpr = OxmlElement("w:rPr")
                for tag in part.properties:  # "w:vertAlign=superscript": with its w:val
                    name, _, value = tag.partition("=")
                    rpr.append(OxmlElement(name, {qn("w:val"): value} if value else None))
                run.insert(0, rpr)
                elements.append(run)
            elif isinstance(part, Footnote):
                self.notes.append(self._parts(part.parts, deleted=False))
                run = OxmlElement("w:r")
                rpr = OxmlElement("w:rPr")
                align = OxmlElement("w:vertAlign")
                align.set(qn("w:val"), "superscript")
                rpr.append(align)
                run.append(rpr)
                run.append(_with_id("w:footnoteReference", str(len(self.notes))))
                elements.append(run)
            elif isinstance(part, Mark):
                wrapper = self._mark(part)
                inner = deleted or part.tag in ("w:del", "w:moveFrom")
                for element in self._parts(part.parts, inner):
                    wrapper.append(element)
                elements.append(wrapper)
            else:
                comment = self.word.comments.add_comment(text=part.text, author=part.author)
                cid = str(comment.comment_id)
                elements.append(_with_id("w:commentRangeStart", cid))
                elements.extend(self._parts(part.parts, deleted))
                elements.append(_with_id("w:commentRangeEnd", cid))
                run = OxmlElement("w:r")
                run.append(_with_id("w:commentReference", cid))
                elements.append(run)
        return elements

    def footnotes_part(self) -> None:
        """The footnotes part: Word's two separators, then each note, numbered 1, 2, ..."""
        root = parse_xml(f'<w:footnotes {nsdecls("w")}>'
                         '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
                         '</w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator"'
                         ' w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
                         "</w:footnote></w:footnotes>")
        for number, children in enumerate(self.notes, 1):
            note = parse_xml(f'<w:footnote {nsdecls("w")} w:id="{number}"><w:p><w:r>'
                             '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/>'
                             '</w:r><w:r><w:t xml:space="preserve"> </w:t></w:r></w:p>'
                             "</w:footnote>")
            for child in children:
                note[0].append(child)
            root.append(note)
        part = OpcPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES,
                       etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True), self.word.part.package)
        self.word.part.relate_to(part, RT.FOOTNOTES)

    def _mark(self, mark: Mark):
        element = _with_id(mark.tag, str(next(self.ids)))
        if mark.author is not None:
            element.set(qn("w:author"), mark.author)
        if mark.date is not None:
            element.set(qn("w:date"), mark.date)
        return element

    @staticmethod
    def _runs(text: str, deleted: bool, bold: bool = False) -> list:
        run = OxmlElement("w:r")
        if bold:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:b"))
            run.append(rpr)
        buffer = ""

        def flush() -> None:
            nonlocal buffer
            if buffer:
                t = OxmlElement("w:delText" if deleted else "w:t")
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                t.text = buffer
                run.append(t)
                buffer = ""

        for char in text:
            if char in "\t\n":
                flush()
                run.append(OxmlElement("w:tab" if char == "\t" else "w:br"))
            else:
                buffer += char
        flush()
        return [run]


def _with_id(tag: str, value: str):
    element = OxmlElement(tag)
    element.set(qn("w:id"), value)
    return element


def write_docx(path: Path, paragraphs: list[Para], *, title: str = TITLE,
               subtitle: str = f"{SYMBOL} \u2014 Zero draft", styles: tuple[str, ...] = (),
               header: str = "") -> Path:
    """Write a house-style file: Title, Subtitle, then ``paragraphs``; ``styles`` names
    paragraph styles of the secretariat's own to add, ``header`` a page header's text."""
    writer = _Writer()
    for name in styles:
        writer.word.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).font.bold = True
    if header:
        writer.word.sections[0].header.paragraphs[0].text = header
    if title:
        writer.word.add_paragraph(title, style="Title")
    if subtitle:
        writer.word.add_paragraph(subtitle, style="Subtitle")
    for spec in paragraphs:
        writer.paragraph(spec)
    if writer.notes:
        writer.footnotes_part()
    writer.word.save(str(path))
    return path


def house(revision: Revision, edits: dict[str, list[Part]] | None = None) -> list[Para]:
    """The revision's paragraphs in house style, with ``edits`` (label -> parts) in place
    of some paragraphs' text. Headings go in "Heading N" without a label."""
    edits = edits or {}
    result = []
    for p in revision:
        parts = edits.get(p.label, [p.text])
        if p.kind is ParagraphKind.HEADING:
            result.append(Para(parts, None, f"Heading {p.level or 1}"))
        else:
            result.append(Para(parts, p.label))
    return result


ZERO = Revision("Zero draft", (
    Paragraph("h1", "H1", ParagraphKind.HEADING, "The General Assembly,", level=1),
    Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR,
              "Recalling its resolution 70/1 of 25 September 2015,"),
    Paragraph("pp2", "PP2", ParagraphKind.PREAMBULAR,
              "Noting with concern the state of small-scale fisheries,"),
    Paragraph("op1", "OP1", ParagraphKind.OPERATIVE,
              "Requests the Secretary-General to submit a report on small-scale fishers;"),
    Paragraph("op2", "OP2", ParagraphKind.OPERATIVE,
              "Decides to include the item in its provisional agenda, within existing "
              "resources;"),
    Paragraph("op3", "OP3", ParagraphKind.OPERATIVE,
              "Calls upon States:\n(a) To protect fishers;\n(b) To support fish workers;"),
))
DOCUMENT = Document(SYMBOL, TITLE, (ZERO,))


def numbered(path: Path, style: str) -> Path:
    """Give every paragraph in ``style`` Word's automatic numbering ("%1."), in place."""
    word = docx.Document(str(path))
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0">'
        '<w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90">'
                               '<w:abstractNumId w:val="90"/></w:num>'))
    for paragraph in word.paragraphs:
        if paragraph.style.name == style:
            num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = 90
    word.save(str(path))
    return path


def word_lettered(path: Path, lines: list[str]) -> Path:
    """A Word document of ``lines``; one opening "#" is an item Word letters "(a)" at
    its list's top level, "##" a numeral "(i)" below it (not typed in the text)."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        '<w:lvlText w:val="(%1)"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>')
    numbering.find(abstract.tag.replace("abstractNum", "num")).addprevious(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="70"><w:abstractNumId w:val="70"/></w:num>'))
    for line in lines:
        level = len(line) - len(line.lstrip("#")) - 1
        paragraph = document.add_paragraph(line.lstrip("#"))
        if level >= 0:
            numbers = paragraph._p.get_or_add_pPr().get_or_add_numPr()
            numbers.get_or_add_ilvl().val = level
            numbers.get_or_add_numId().val = 70
    document.save(str(path))
    return path


def lines_docx(path: Path, lines: list[str]) -> Path:
    """A Word document of ``lines``, one plain paragraph each (Word's "Normal" style)."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path
