"""The secretariat's draft whose operative paragraph holds sub-items Word numbers: "2.
Calls upon States:" then "(a)", "(b)", ... (or "(i)", "(ii)": ``form``), as a Human
Rights Council resolution lays them out."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

SYMBOL = "A/HRC/61/L.12"
_LEVELS = ('<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
           '<w:lvlText w:val="%1."/></w:lvl>'
           '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{form}"/>'
           '<w:lvlText w:val="{shown}"/></w:lvl>')


def numbered_draft(path: Path, items: tuple[str, ...], form: str = "lowerLetter",
                   shown: str = "(%2)") -> Path:
    """The draft at ``path``: OP2's ``items`` numbered by Word, ``shown`` ("(%2)", or
    "%2." as Word's own lettered list) in ``form``."""
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
                                  f'{_LEVELS.format(form=form, shown=shown)}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70">'
                               '<w:abstractNumId w:val="70"/></w:num>'))
    for line in ("United Nations", SYMBOL, "The Human Rights Council,",
                 "Guided by the Charter,"):
        word.add_paragraph(line)
    body = [(0, "Recognizes the right;"), (0, "Calls upon States:"),
            *((1, item) for item in items), (0, "Decides to remain seized of the matter.")]
    for level, text in body:
        num_pr = word.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = 70
    word.save(str(path))
    return path
