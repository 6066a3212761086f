"""A new item typing its own number ("(c bis)<tab>...") among items Word letters stands out
of Word's list in the merged draft (so that Word letters no "(d)" before it): it stood at
the left margin, its list level's indents lost with its numbering. It keeps them now."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

sys.path.insert(0, str(Path(__file__).parent))
from ooxml_views import body_of

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_source import write_merged_into_source

_LEVEL = (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70"><w:lvl w:ilvl="0">'
          '<w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/>'
          '<w:pPr><w:ind w:left="1701" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>')


def _draft(path: Path) -> Path:
    word = docx.Document()
    numbering = word.part.numbering_part.element
    abstract = parse_xml(_LEVEL)
    numbering.find(abstract.tag.replace("abstractNum", "num")).addprevious(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70">'
                               '<w:abstractNumId w:val="70"/></w:num>'))
    for line in ("A/C.2/81/L.55", "Fisheries", "The General Assembly,",
                 "Recalling its resolution 70/1,", "1.\tCalls upon States:"):
        word.add_paragraph(line)
    for item in ("To protect fishers;", "To support fish workers;", "To report on progress."):
        numbers = word.add_paragraph(item)._p.get_or_add_pPr().get_or_add_numPr()
        numbers.get_or_add_ilvl().val = 0
        numbers.get_or_add_numId().val = 70
    word.add_paragraph("2.\tDecides to remain seized of the matter.")
    word.save(str(path))
    return path


def test_a_typed_item_out_of_words_list_keeps_its_items_indents(tmp_path):
    source = _draft(tmp_path / "draft.docx")
    document = read_docx_draft(source).to_document("A/C.2/81/L.55")
    amendment = draft_amendment(document.current, Proposal(
        "OP1", insert="\n(c bis)\tTo share data.", after="progress."), id="A1",
        proponents=["EU"], submitted_at=datetime(2026, 11, 2, tzinfo=UTC))
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, [amendment]),
                                    merged) == []
    (item,) = [p for p in body_of(merged).iter(qn("w:p"))
               if "To share data." in "".join(t.text or "" for t in p.iter(qn("w:t")))]
    properties = item.find(qn("w:pPr"))
    assert [n.get(qn("w:val")) for n in properties.iter(qn("w:numId"))] == ["0"]
    indents = properties.find(qn("w:ind"))
    assert indents is not None
    assert (indents.get(qn("w:left")), indents.get(qn("w:hanging"))) == ("1701", "567")
