"""A paragraph whose sub-paragraphs are items Word numbers ("2. Calls upon States:", then
"(a)", "(b)", each a Word paragraph of its own, ``numPr`` level 1, "(%2)"): a line a
delegation inserts there is a new item of that list, numbered by Word, in the merged draft
(a tracked new paragraph) and in the revision (a plain one, the items after it
relettered in the text as Word letters them)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

sys.path.insert(0, str(Path(__file__).parent))
from ooxml_views import body_of, rejected

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/HRC/61/L.12"
_NUMBERING = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="70">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum>')
BODY = ((0, "Recognizes the right;"), (0, "Calls upon States:"), (1, "To adopt policies;"),
        (1, "To build capacities;"), (1, "To share good practices;"),
        (0, "Decides to remain seized of the matter."))
OP2 = ("Calls upon States:\n(a) To adopt policies;\n(b) To build capacities;\n"
       "(c) To share good practices;")


def _draft(path: Path) -> Path:
    word = docx.Document()
    numbering = word.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="70">'
                               '<w:abstractNumId w:val="70"/></w:num>'))
    for line in ("United Nations", SYMBOL, "The Human Rights Council,",
                 "Guided by the Charter,"):
        word.add_paragraph(line)
    for level, text in BODY:
        num_pr = word.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = level
        num_pr.get_or_add_numId().val = 70
    word.save(str(path))
    return path


def _items(path: Path) -> list[tuple[str, str]]:
    """Each paragraph Word numbers at level 1: its level and its words (inserted ones
    too), in order."""
    found = []
    for p in body_of(path).iter(qn("w:p")):
        level = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:ilvl')}")
        if level is not None and level.get(qn("w:val")) == "1":
            found.append("".join(t.text or "" for t in p.iter(qn("w:t"))))
    return found


@pytest.mark.parametrize(("after", "line", "where"), [
    ("share good practices;", "(d) To promote education;", 3),
    ("adopt policies;", "(b) To integrate the right;", 1)], ids=["at the end", "between"])
def test_a_new_item_is_a_word_list_item_in_merged_and_revision(tmp_path, after, line, where):
    source = _draft(tmp_path / "L12.docx")
    document = read_docx_draft(source).to_document(SYMBOL)
    op2 = document.current.by_label("OP2")
    assert op2.text == OP2
    amendment = draft_amendment(document.current, Proposal(
        "OP2", insert=f"\n{line}", after=after), id="A1", proponents=["EU"], submitted_at=T0)
    words = line.split(" ", 1)[1]
    expected = ["To adopt policies;", "To build capacities;", "To share good practices;"]
    expected.insert(where, words)

    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, [amendment]),
                                    merged) == []
    assert _items(merged) == expected  # a paragraph of its own, no "(d)" typed
    new = next(p for p in body_of(merged).iter(qn("w:p"))
               if "".join(t.text or "" for t in p.iter(qn("w:t"))) == words)
    assert all(r.getparent().tag == qn("w:ins") for r in new.iter(qn("w:r")))
    assert new.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}") is not None  # its mark
    assert new.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val")) == "70"
    assert rejected(merged) == rejected(source)

    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    letters = ["(a)", "(b)", "(c)", "(d)"]
    assert outcome.revision.by_label("OP2").text == "Calls upon States:\n" + "\n".join(
        f"{letter} {text}" for letter, text in zip(letters, expected, strict=True))
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    assert _items(rev1) == expected
    assert next(body_of(rev1).iter(qn("w:br")), None) is None  # no line typed into (c)
    again = read_docx_draft(rev1).to_document(SYMBOL)  # Word letters the items
    assert [p.text for p in again.current] == [p.text for p in outcome.revision]
