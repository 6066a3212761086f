"""A treaty whose headings Word numbers by their styles ("Part %1" on Heading 1,
"Article %2" on Heading 2, one Word list), its paragraphs numbered straight through
("1.", "2.", ... by another), written by python-docx with real ``w:numbering``."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

_HEADINGS, _PARAGRAPHS = "94", "95"
TREATY = [("Heading 1", "General provisions"), ("Heading 2", "Use of terms"),
          (None, "For the purposes of this Convention, terms have their ordinary meaning."),
          ("Heading 2", "Scope"), (None, "This Convention applies to all maritime areas."),
          ("Heading 1", "Institutional arrangements"),
          ("Heading 2", "Secretariat"), (None, "A secretariat is hereby established.")]
NEW = [("Heading 2", "Objective"), (None, "The objective of this Convention is cooperation.")]


def styled_treaty(path: Path, paragraphs: list[tuple[str | None, str]]) -> Path:
    word = docx.Document()
    numbering = word.part.numbering_part.element

    def level(n: int, form: str, text: str) -> str:
        return (f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{form}"/>'
                f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')

    for number, levels in ((_HEADINGS, level(0, "upperRoman", "Part %1") +
                            level(1, "decimal", "Article %2")),
                           (_PARAGRAPHS, level(0, "decimal", "%1."))):
        numbering.insert(0, parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{number}"><w:multiLevelType '
            f'w:val="multilevel"/>{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{number}">'
                                   f'<w:abstractNumId w:val="{number}"/></w:num>'))
    for n, name in enumerate(("Heading 1", "Heading 2")):  # numbered by the heading styles
        word.styles[name].element.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{n}"/><w:numId w:val="{_HEADINGS}"/>'
            "</w:numPr>"))
    word.add_paragraph("Draft convention on cooperation", style="Title")
    for style, text in paragraphs:
        paragraph = word.add_paragraph(text, style=style)
        if style is None:
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{_PARAGRAPHS}"/>'
                "</w:numPr>"))
    word.save(str(path))
    return path
