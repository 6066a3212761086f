"""Texts numbered in clauses, as IMO, ICAO and ISO number them ("1.", "1.1", "1.1.1"),
and a treaty whose titled headings ("Objective", "Definitions") each restart its list:
written by python-docx with real ``w:numbering`` (a Word multilevel list, or the numbers
typed), or by LibreOffice from a Flat ODT file (its own Word file, lists and all).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from libreoffice import convert

CLAUSES: list[tuple[int | str, str]] = [
    ("heading", "1 GENERAL"),
    (0, "These Guidelines apply to ships of 500 gross tonnage and above."),
    (1, "Each Administration should ensure that ships flying its flag comply."),
    (2, "The master should keep a record on board."),
    (1, "Ships built before 1 January 2028 should comply by the first survey."),
    (0, "Definitions apply as follows."),
    (1, "Organization means the International Maritime Organization."),
    ("heading", "2 REQUIREMENTS"),
    (0, "Ships should carry the equipment listed in the annex."),
    (1, "The equipment should be of a type approved by the Administration."),
]
"""A level (0 for "1.") and a clause's text, or a heading."""
LABELS = ["H1", "OP1", "1.1", "1.1.1", "1.2", "OP2", "2.1", "H2", "OP3", "3.1"]
"""The labels `CLAUSES` read with (the title first)."""
NEW = "Each ship should carry a copy of these Guidelines."
"""A new clause a delegation proposes after 1.1.1, numbered 1.2 in its copy."""
_LIST = "90"
_LEVELS = ["%1.", "%1.%2", "%1.%2.%3"]
_DATE = 'w:date="2026-12-01T10:00:00Z"'


def clauses_docx(path: Path, *, word: bool) -> Path:
    """`CLAUSES` under a title, numbered by a Word multilevel list (``word``: lvlText
    "%1.", "%1.%2", "%1.%2.%3", each paragraph at its ``w:ilvl``) or typed ("1.1<tab>")."""
    document = docx.Document()
    document.add_paragraph("GUIDELINES ON SHIP EQUIPMENT", style="Title")
    if word:
        levels = "".join(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind '
            f'w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
            for i, text in enumerate(_LEVELS))
        numbering = document.part.numbering_part.element
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_LIST}"><w:multiLevelType '
            f'w:val="multilevel"/>{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{_LIST}">'
                                   f'<w:abstractNumId w:val="{_LIST}"/></w:num>'))
    counters = [0, 0, 0]
    for level, text in CLAUSES:
        if level == "heading":
            document.add_paragraph(text, style="Heading 1")
            continue
        assert isinstance(level, int)
        counters[level] += 1
        counters[level + 1:] = [0] * (2 - level)
        if word:
            paragraph = document.add_paragraph(text)
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{_LIST}"/></w:numPr>'))
        else:
            number = ".".join(map(str, counters[:level + 1])) + ("." if not level else "")
            document.add_paragraph(f"{number}\t{text}")
    document.save(path)
    return path


def new_clause_copy(source: Path, path: Path, *, typed: str = "", level: int = 1,
                    author: str = "Norway") -> Path:
    """A delegation's copy of ``source`` with `NEW` inserted (Track Changes) after the
    clause 1.1.1: numbered by the Word list at ``level``, or with ``typed`` before it
    ("1.2<tab>", the delegate typing the number it shows)."""
    document = docx.Document(source)
    after = next(p for p in document.paragraphs if "The master" in p.text)
    numbered = after._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    number = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{_LIST}"/></w:numPr>' \
        if numbered else ""
    mark = f'w:author="{author}" {_DATE}'
    after._p.addnext(parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr>{number}<w:rPr><w:ins w:id="901" {mark}/></w:rPr>'
        f'</w:pPr><w:ins w:id="902" {mark}><w:r><w:t xml:space="preserve">{typed}{NEW}'
        "</w:t></w:r></w:ins></w:p>"))
    document.save(path)
    return path


# LibreOffice's own Word files

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"')
_STYLES = (
    '<office:styles><style:style style:name="Standard" style:family="paragraph"/>'
    '<style:style style:name="Title" style:family="paragraph"/>'
    '<style:style style:name="Heading_20_1" style:display-name="Heading 1" '
    'style:family="paragraph" style:default-outline-level="1"/></office:styles>'
    '<office:automatic-styles><style:style style:name="P1" style:family="paragraph" '
    'style:parent-style-name="Standard" style:list-style-name="L1"/>'
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-format="1" '
    'text:display-levels="2"/>'
    '<text:list-level-style-number text:level="3" style:num-format="1" '
    'text:display-levels="3"/></text:list-style></office:automatic-styles>')
TITLED = [
    ("Objective", ["The objective of this Agreement is to protect the ocean.",
                   "Parties shall cooperate to that end."]),
    ("Definitions", ["For the purposes of this Agreement:",
                     "Party means a State that has consented to be bound.",
                     "Secretariat means the secretariat established under Article 9."]),
    ("Scope", ["This Agreement applies to areas beyond national jurisdiction."]),
]
"""A treaty's titled sections, each numbering its paragraphs from 1."""


def _items(items: list[tuple[str, list]], restart: bool | None = None) -> str:
    restarted = "" if restart is None else \
        f' text:continue-numbering="{"false" if restart else "true"}"'
    return f'<text:list text:style-name="L1"{restarted}>' + "".join(
        f'<text:list-item><text:p text:style-name="P1">{escape(text)}</text:p>'
        f"{_items(under) if under else ''}</text:list-item>" for text, under in items) + \
        "</text:list>"


def _clause_tree() -> list[str]:
    """`CLAUSES` as Flat ODT: headings, and each run of clauses one nested list."""
    body, run, stack = [], [], []
    for level, text in [*CLAUSES, ("heading", "")]:
        if level == "heading":
            if run:
                body.append(_items(run, restart=False if body[1:] else None))
                run = []
            if text:
                body.append(f'<text:h text:style-name="Heading_20_1" '
                            f'text:outline-level="1">{escape(text)}</text:h>')
            continue
        assert isinstance(level, int)
        item: tuple[str, list] = (text, [])
        stack[level:] = [item]
        (stack[level - 1][1] if level else run).append(item)
    return body


def libreoffice_clauses(path: Path) -> Path:
    """`CLAUSES` in a list LibreOffice numbers on three levels ("1.", "1.1", "1.1.1")."""
    return _libreoffice(path, ['<text:p text:style-name="Title">GUIDELINES ON SHIP '
                               "EQUIPMENT</text:p>", *_clause_tree()])


def libreoffice_titled(path: Path) -> Path:
    """A treaty under titled headings (`TITLED`) whose list starts again under each."""
    body = ['<text:p text:style-name="Title">DRAFT AGREEMENT ON THE OCEAN</text:p>',
            '<text:p text:style-name="Standard">The Parties to this Agreement,</text:p>',
            '<text:p text:style-name="Standard">Recalling the United Nations Convention on '
            "the Law of the Sea,</text:p>",
            '<text:p text:style-name="Standard">Have agreed as follows:</text:p>']
    for title, items in TITLED:
        body.append(f'<text:h text:style-name="Heading_20_1" text:outline-level="1">'
                    f"{title}</text:h>")
        body.append(_items([(text, []) for text in items], restart=True))
    return _libreoffice(path, body)


def _libreoffice(path: Path, body: list[str]) -> Path:
    source = path.with_suffix(".fodt")
    source.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {_NS} office:version="1.3" '
        f'office:mimetype="application/vnd.oasis.opendocument.text">{_STYLES}<office:body>'
        f"<office:text>{''.join(body)}</office:text></office:body></office:document>\n",
        encoding="utf-8")
    written = convert(source, "docx", filter_name="MS Word 2007 XML")
    if written != path:
        written.rename(path)
    return path
