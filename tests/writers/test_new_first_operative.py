"""A new paragraph before OP1 (``OP0``) in the secretariat's own Word document: in the
merged draft a tracked paragraph in OP1's form (its Word numbering, or its number typed as
OP1 types its own), Reject All giving the source back; in Rev.1 a plain OP1, the old
paragraphs renumbered ("1." new, the old "1." now "2.")."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from numbered_drafts import numbered_draft
from ooxml_views import body_of, rejected
from source_merges import merge_into, proposed

from drafting.engine.revise import Decisions, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source

SYMBOL = "A/HRC/61/L.12"
NEW = ("CHL", "OP1", {"new_paragraph": "Condemns all reprisals;", "place_before": True})
AFTER = ("EU", "PP2", {"new_paragraph": "Noting the report,"})


def typed_draft(path: Path) -> Path:
    """A draft whose operative paragraphs type their numbers ("1.<tab>") and are indented
    unlike the preambular ones."""
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "The Human Rights Council,"):
        word.add_paragraph(line)
    for text in ("Guided by the Charter,", "Recalling its resolution 5/1,"):
        word.add_paragraph(text).paragraph_format.first_line_indent = Pt(36)
    for n, text in enumerate(("Decides to convene a panel;", "Requests a report;"), 1):
        word.add_paragraph(f"{n}.\t{text}").paragraph_format.left_indent = Pt(18)
    word.save(str(path))
    return path


def body_paragraphs(path):
    return list(body_of(path).iter(qn("w:p")))


def revised(source: Path, asked, target: Path) -> Path:
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, asked)
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    target.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                     symbol=SYMBOL))
    return target


def test_the_merged_draft_puts_op0_before_op1_in_its_typed_form(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    merged = merge_into(source, [NEW, AFTER], tmp_path / "merged.docx", SYMBOL)
    paragraphs = body_paragraphs(merged)
    texts = ["".join(t.text or "" if t.tag == qn("w:t") else "\t"
                     for t in p.iter(qn("w:t"), qn("w:tab"))) for p in paragraphs]
    at = texts.index("0.\tCondemns all reprisals;")
    assert texts[at - 1] == "Noting the report," and texts[at + 1].startswith("1.\tDecides")
    new, op1 = paragraphs[at], paragraphs[at + 1]
    assert new.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:ins')}") is not None
    assert all(r.getparent().tag == qn("w:ins") for r in new.iter(qn("w:r")))
    assert new.find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib == \
        op1.find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib  # OP1's indent, not PP2's
    assert rejected(merged) == rejected(source)  # Reject All: the source


def test_the_merged_draft_numbers_op0_as_a_new_item_of_the_operative_list(tmp_path):
    source = numbered_draft(tmp_path / "draft.docx", ("To act;", "To report;"))
    merged = merge_into(source, [NEW], tmp_path / "merged.docx", SYMBOL)
    paragraphs = body_paragraphs(merged)
    at = next(k for k, p in enumerate(paragraphs)
              if "Condemns" in "".join(t.text for t in p.iter(qn("w:t"))))
    new, op1 = paragraphs[at], paragraphs[at + 1]
    assert "Recognizes the right;" in "".join(t.text for t in op1.iter(qn("w:t")))
    number = f"{qn('w:pPr')}/{qn('w:numPr')}"
    assert etree.tostring(new.find(number)) == etree.tostring(op1.find(number))
    # Word numbers it "1.", OP1 "2."; accepted, it is the list's first item
    assert rejected(merged) == rejected(source)


def test_rev1_makes_the_new_paragraph_op1_and_retypes_the_numbers(tmp_path):
    source = typed_draft(tmp_path / "draft.docx")
    rev1 = revised(source, [NEW, AFTER], tmp_path / "Rev.1.docx")
    texts = [p.text for p in docx.Document(str(rev1)).paragraphs]
    assert texts[3:] == ["Guided by the Charter,", "Recalling its resolution 5/1,",
                         "Noting the report,", "1.\tCondemns all reprisals;",
                         "2.\tDecides to convene a panel;", "3.\tRequests a report;"]
    paragraphs = body_paragraphs(rev1)
    assert paragraphs[6].find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib == \
        paragraphs[7].find(f"{qn('w:pPr')}/{qn('w:ind')}").attrib
    assert not list(body_of(rev1).iter(qn("w:ins")))  # plain, not tracked
    read = read_docx_draft(rev1)
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", "Guided by the Charter,"), ("PP2", "Recalling its resolution 5/1,"),
        ("PP3", "Noting the report,"), ("OP1", "Condemns all reprisals;"),
        ("OP2", "Decides to convene a panel;"), ("OP3", "Requests a report;")]


def test_rev1_puts_the_new_op1_in_the_word_numbered_list(tmp_path):
    source = numbered_draft(tmp_path / "draft.docx", ("To act;", "To report;"))
    rev1 = revised(source, [NEW], tmp_path / "Rev.1.docx")
    read = read_docx_draft(rev1)
    assert [(p.label, p.text) for p in read.paragraphs][:3] == [
        ("PP1", "Guided by the Charter,"), ("OP1", "Condemns all reprisals;"),
        ("OP2", "Recognizes the right;")]
    assert read.paragraphs[3].label == "OP3" and read.paragraphs[3].text.startswith(
        "Calls upon States:")
    new = next(p for p in docx.Document(str(rev1)).paragraphs if "Condemns" in p.text)
    assert new._p.pPr.numPr is not None and new._p.pPr.numPr.ilvl.val == 0
