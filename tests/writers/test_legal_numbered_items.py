"""Sub-items numbered by Word's legal numbering ("2.", "2.1", "2.1.1": one multilevel list,
lvlText "%1.%2.%3", ``w:isLgl``), as treaty articles number them: a new sub-item "2.1.2"
is Word's number, not text. A revision numbers the item after it "2.1.3", the merged
draft and Rev.1 leave the new item's number to Word (no "2.1.2 2.1.2"), and Rev.1 is the
secretariat's own document."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

sys.path.insert(0, str(Path(__file__).parent))
from ooxml_views import body_of, rejected

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.engine.sublists import relettered
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds, write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/CONF.300/L.1"
_LIST = "90"
ARTICLES = [
    ("Article 1", "Use of terms", [
        (0, "For the purposes of this Agreement:"),
        (1, "\u201cParty\u201d means a State that has consented to be bound;"),
        (1, "\u201cArea\u201d means the seabed beyond national jurisdiction;")]),
    ("Article 2", "Objective", [
        (0, "The objective of this Agreement is conservation."),
        (1, "Parties shall cooperate through:"),
        (2, "capacity-building;"),
        (2, "transfer of technology."),
        (1, "Nothing in this article shall prejudice the rights of States.")]),
]
OP2 = ("The objective of this Agreement is conservation.\n"
       "2.1 Parties shall cooperate through:\n2.1.1 capacity-building;\n"
       "2.1.2 transfer of technology.\n"
       "2.2 Nothing in this article shall prejudice the rights of States.")


def _draft(path: Path) -> Path:
    document = docx.Document()
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:isLgl/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind '
        f'w:left="{567 * (i + 1)}" w:hanging="567"/></w:pPr></w:lvl>'
        for i, text in enumerate(["%1.", "%1.%2", "%1.%2.%3"]))
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{_LIST}"><w:multiLevelType '
        f'w:val="multilevel"/>{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{_LIST}">'
                               f'<w:abstractNumId w:val="{_LIST}"/></w:num>'))
    document.add_paragraph("Draft agreement on marine cooperation", style="Title")
    for number, title, items in ARTICLES:
        document.add_paragraph(number, style="Heading 1")
        document.add_paragraph(title, style="Heading 1")
        for level, text in items:
            paragraph = document.add_paragraph(text)
            paragraph._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/>'
                f'<w:numId w:val="{_LIST}"/></w:numPr>'))
    document.save(str(path))
    return path


def _numbered(path: Path) -> list[str]:
    """The words of each paragraph Word numbers at the third level (inserted ones too)."""
    return ["".join(t.text or "" for t in p.iter(qn("w:t"), qn("w:delText")))
            for p in body_of(path).iter(qn("w:p"))
            if (level := p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")) is not None
            and level.get(qn("w:val")) == "2"]


def _setup(tmp_path: Path):
    source = _draft(tmp_path / "L1.docx")
    document = read_docx_draft(source).to_document(SYMBOL)
    assert document.current.by_label("OP2").text == OP2
    amendment = draft_amendment(
        document.current, Proposal("OP2", insert="\n2.1.2 scientific research;",
                                   after="capacity-building;"),
        id="A1", proponents=["USA"], submitted_at=T0)
    return source, document, amendment


def test_a_revision_numbers_the_legal_items_after_a_new_one_on():
    assert relettered(OP2, OP2.replace(
        "2.1.1 capacity-building;", "2.1.1 capacity-building;\n2.1.2 research;")) == \
        OP2.replace("2.1.1 capacity-building;\n2.1.2 transfer",
                    "2.1.1 capacity-building;\n2.1.2 research;\n2.1.3 transfer")


def test_rev1_holds_the_new_legal_item_once_in_the_secretariats_document(tmp_path):
    source, document, amendment = _setup(tmp_path)
    revision = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                      label="Rev.1").revision
    assert revision.by_label("OP2").text == OP2.replace(
        "2.1.2 transfer", "2.1.2 scientific research;\n2.1.3 transfer")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(made := revise_source(source.read_bytes(), document.current, revision,
                                           symbol=SYMBOL))
    assert source_holds(made, revision)  # no fall back to drafting's own layout
    assert _numbered(rev1) == [  # Word's paragraphs, Word's numbers: none typed
        "capacity-building;", "scientific research;", "transfer of technology."]


def test_merged_draft_leaves_the_new_legal_items_number_to_word(tmp_path):
    source, document, amendment = _setup(tmp_path)
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, [amendment]),
                                    merged) == []
    assert _numbered(merged) == [  # no "2.1.2 " typed before Word's 2.1.2
        "capacity-building;", "scientific research;", "transfer of technology."]
    assert rejected(merged) == rejected(source)
