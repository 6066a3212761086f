"""Negotiation texts laid out as they are circulated, written by a real word processor.

A draft is described once (`GA_DRAFT`: front matter, a title in its own style, the
chapeau, preambular paragraphs opening in italics, operative paragraphs typed "1.<tab>",
sub-paragraphs "(a)<tab>", a footnote, a page header) and written as a Flat ODT file that
LibreOffice headless turns into a ``.docx``: the Word file is LibreOffice's own, as a
secretariat using it would send. Tracked changes are written in ODF's own form
(``text:changed-region``), so LibreOffice writes them as Word revisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from libreoffice import convert


@dataclass(frozen=True)
class Ins:
    """Text a delegation inserted (a tracked change by ``author``)."""

    text: str
    author: str = "EU delegate"


@dataclass(frozen=True)
class Del:
    """Text a delegation deleted (a tracked change by ``author``)."""

    text: str
    author: str = "EU delegate"


@dataclass(frozen=True)
class Note:
    """A footnote cited here: its text, or its pieces (tracked changes inside it)."""

    text: str | tuple[str | Ins | Del, ...]


Piece = str | Ins | Del | Note


@dataclass(frozen=True)
class Para:
    """One paragraph: its pieces, its style (see `_STYLES`) and whether its first piece is
    in italics (the opening participle or verb of a resolution's paragraph)."""

    pieces: tuple[Piece, ...]
    style: str = "Body"
    italic_opening: bool = False
    new: Ins | None = None
    """Set for a paragraph a delegation inserted whole (its mark is tracked too)."""


@dataclass(frozen=True)
class Table:
    """A table among the paragraphs (never a paragraph of the draft): its rows of cells."""

    rows: tuple[tuple[str, ...], ...]


@dataclass
class Draft:
    """A whole document: a page header and its paragraphs (and tables)."""

    header: str
    paragraphs: list[Para | Table] = field(default_factory=list)


FRONT = ["United Nations", "A/C.2/81/L.99", "General Assembly", "Distr.: Limited",
         "14 October 2026", "Original: English", "Eighty-first session", "Second Committee",
         "Agenda item 19 (a)", "Sustainable development: oceans and seas",
         "Fiji and Samoa: draft resolution"]
TITLE = "Sustainable small-scale fisheries and the ocean economy"
PREAMBULAR = [
    ("Recalling", " its resolution 70/1 of 25 September 2015, entitled \"Transforming our "
                  "world: the 2030 Agenda for Sustainable Development\","),
    ("Noting with concern", " the state of small-scale fisheries,"),
    ("Recognizing", " the role of women in post-harvest processing and trade,"),
]
OPERATIVE = [
    ("Decides", " to convene a one-day high-level meeting on small-scale fisheries;"),
    ("Calls upon", " States:"),
    ("Requests", " the Secretary-General to submit a report on the implementation of the "
                 "present resolution [within existing resources];"),
    ("Invites", " Member States to contribute to the trust fund;"),
]
SUBPARAGRAPHS = ["To protect the tenure rights of small-scale fishers;",
                 "To report on progress every two years;"]


TABLE = Table((("Region", "Share of catch"), ("Pacific", "12 per cent"),
               ("Caribbean", "4 per cent")))
"""The table that stands after OP3 when a draft is asked for one."""


def ga_draft(changes: dict[str, list[Piece]] | None = None,
             extra: dict[str, Para] | None = None, *, table: bool = False) -> Draft:
    """The GA draft; ``changes`` replaces a paragraph's pieces by key (``PP2``, ``OP3``,
    ``OP2(a)``) and ``extra`` adds a paragraph after the one named (``chapeau``: before
    the first paragraph); ``table`` puts `TABLE` after OP3."""
    changes, extra = changes or {}, extra or {}
    draft = Draft("A/C.2/81/L.99")
    draft.paragraphs += [Para((line,), "Front") for line in FRONT]
    draft.paragraphs.append(Para((TITLE,), "UNTitle"))
    draft.paragraphs.append(Para(("The General Assembly,",), "Chapeau"))
    if "chapeau" in extra:
        draft.paragraphs.append(extra["chapeau"])

    def add(key: str, para: Para) -> None:
        draft.paragraphs.append(Para(tuple(changes.get(key, para.pieces)), para.style,
                                     para.italic_opening and key not in changes, para.new))
        if key in extra:
            draft.paragraphs.append(extra[key])
        if table and key == "OP3":
            draft.paragraphs.append(TABLE)

    for n, (opening, rest) in enumerate(PREAMBULAR, 1):
        pieces: tuple[Piece, ...] = (opening, rest)
        if n == 2:
            pieces = (opening, rest[:-1], Note("See A/79/123, para. 4."), ",")
        add(f"PP{n}", Para(pieces, italic_opening=True))
    for n, (opening, rest) in enumerate(OPERATIVE, 1):
        add(f"OP{n}", Para((f"{n}.\t", opening, rest), italic_opening=True))
        if n == 2:
            for letter, text in zip("ab", SUBPARAGRAPHS, strict=True):
                add(f"OP2({letter})", Para((f"({letter})\t{text}",), "Sub"))
    return draft


_STYLES = """
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph">
   <style:text-properties style:font-name="Times New Roman" fo:font-size="12pt"/>
  </style:style>
  <style:style style:name="Front" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="UNTitle" style:display-name="UN Title" style:family="paragraph"
     style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.4cm"/>
   <style:text-properties fo:font-size="14pt" fo:font-weight="bold"/>
  </style:style>
  <style:style style:name="Chapeau" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="1.25cm"/>
  </style:style>
  <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="1.25cm" fo:text-indent="1.25cm"
      fo:margin-bottom="0.2cm"/>
  </style:style>
  <style:style style:name="Sub" style:family="paragraph" style:parent-style-name="Standard">
   <style:paragraph-properties fo:margin-left="2.5cm"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
   <style:text-properties fo:font-size="10pt"/>
  </style:style>
  <style:style style:name="Em" style:family="text">
   <style:text-properties fo:font-style="italic"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
      fo:margin-top="1.5cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
  </style:page-layout>
 </office:automatic-styles>
"""

_NS = " ".join(f'xmlns:{k}="{v}"' for k, v in {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
}.items())


class _Writer:
    def __init__(self) -> None:
        self.regions: list[str] = []
        self.notes = 0

    def region(self, kind: str, author: str, deleted: str = "") -> str:
        name = f"ct{len(self.regions) + 1}"
        body = f"<text:p>{_kept(deleted)}</text:p>" if kind == "deletion" else ""
        self.regions.append(
            f'<text:changed-region xml:id="{name}" text:id="{name}"><text:{kind}>'
            f"<office:change-info><dc:creator>{escape(author)}</dc:creator>"
            f"<dc:date>2026-11-02T10:00:00</dc:date></office:change-info>{body}"
            f"</text:{kind}></text:changed-region>")
        return name

    def piece(self, piece: Piece, italic: bool) -> str:
        if isinstance(piece, Ins):
            name = self.region("insertion", piece.author)
            return (f'<text:change-start text:change-id="{name}"/>{_text(piece.text)}'
                    f'<text:change-end text:change-id="{name}"/>')
        if isinstance(piece, Del):
            name = self.region("deletion", piece.author, piece.text)
            return f'<text:change text:change-id="{name}"/>'
        if isinstance(piece, Note):
            self.notes += 1
            return (f'<text:note text:id="ftn{self.notes}" text:note-class="footnote">'
                    f"<text:note-citation>{self.notes}</text:note-citation><text:note-body>"
                    f'<text:p text:style-name="Footnote">{self.pieces(piece.text)}</text:p>'
                    "</text:note-body></text:note>")
        return f'<text:span text:style-name="Em">{_text(piece)}</text:span>' if italic \
            else _text(piece)

    def pieces(self, text: str | tuple[str | Ins | Del, ...]) -> str:
        return _text(text) if isinstance(text, str) else "".join(
            self.piece(p, False) for p in text)

    def paragraph(self, para: Para) -> str:
        inner = "".join(self.piece(p, para.italic_opening and i == (1 if isinstance(
            para.pieces[0], str) and para.pieces[0].endswith("\t") else 0))
            for i, p in enumerate(para.pieces))
        if para.new is not None:
            name = self.region("insertion", para.new.author)
            inner = f'<text:change-start text:change-id="{name}"/>{inner}'
            return (f'<text:p text:style-name="{para.style}">{inner}</text:p>', name)
        return f'<text:p text:style-name="{para.style}">{inner}</text:p>', None


def _text(text: str) -> str:
    return escape(text).replace("\t", "<text:tab/>")


def _kept(text: str) -> str:
    """``text`` alone in a paragraph, its leading space kept (ODF drops it unless it is
    written as ``text:s``): the deleted " [within existing resources]"."""
    spaces = len(text) - len(text.lstrip(" "))
    return "<text:s/>" * spaces + _text(text[spaces:])


def fodt(draft: Draft, styles: str = _STYLES) -> str:
    """The draft as a Flat ODT document (``styles``: its ``office:styles`` and
    ``office:automatic-styles``, `_STYLES` unless given)."""
    writer = _Writer()
    body, open_change = [], None
    for para in draft.paragraphs:
        if isinstance(para, Table):
            body.append(_table(para))
            continue
        xml, started = writer.paragraph(para)
        if open_change is not None:  # an inserted paragraph ends where the next begins
            xml = xml.replace(">", f'><text:change-end text:change-id="{open_change}"/>', 1)
        body.append(xml)
        open_change = started
    if open_change is not None:
        body[-1] = body[-1].replace("</text:p>",
                                    f'<text:change-end text:change-id="{open_change}"/></text:p>')
    changes = (f'<text:tracked-changes text:track-changes="false">{"".join(writer.regions)}'
               "</text:tracked-changes>") if writer.regions else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">'
            f"{styles}"
            '<office:master-styles><style:master-page style:name="Standard" '
            'style:page-layout-name="pm1"><style:header>'
            f'<text:p text:style-name="Header">{escape(draft.header)}</text:p>'
            '</style:header><style:footer><text:p text:style-name="Header">26-18542 (E)'
            "</text:p></style:footer></style:master-page></office:master-styles>"
            f"<office:body><office:text>{changes}{''.join(body)}</office:text></office:body>"
            "</office:document>\n")


def _table(table: Table) -> str:
    columns = max(len(row) for row in table.rows)
    rows = "".join(
        "<table:table-row>" + "".join(
            '<table:table-cell office:value-type="string">'
            f'<text:p text:style-name="Standard">{escape(cell)}</text:p></table:table-cell>'
            for cell in row) + "</table:table-row>"
        for row in table.rows)
    return (f'<table:table table:name="Table1"><table:table-column '
            f'table:number-columns-repeated="{columns}"/>{rows}</table:table>')


def libreoffice_docx(draft: Draft, path: Path, styles: str = _STYLES) -> Path:
    """Write ``draft`` to ``path`` as LibreOffice writes a Word file, with ``styles`` (see
    `fodt`); skips the test when LibreOffice is not installed."""
    source = path.with_suffix(".fodt")
    source.write_text(fodt(draft, styles), encoding="utf-8")
    written = convert(source, "docx", filter_name="MS Word 2007 XML")
    if written != path:
        written.rename(path)
    return path
