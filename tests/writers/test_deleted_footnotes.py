"""A footnote goes with its marker, as in Word: words deleted with the footnote marker
they carry ("Summit[^1]" retyped without it, as a delegation's copy made with Track
Changes proposes), or the footnote itself deleted, leave no footnote cited by nothing
and no marker citing nothing; the footnotes after it are numbered again, their markers
too. The revision issued kept FN1 with no marker (or the marker, citing the next note's
text), and its Word document could not be made: Rev.1 came out in drafting's own layout.
Now Rev.1 is the secretariat's document with the footnote gone, and the diff accepted
gives Rev.1 (Word numbers the notes itself: no marker number is a change)."""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import footnote, para, write_docx
from ooxml_views import rejected
from test_diff_renumbered_items import accepted

from drafting.engine import Decisions, Proposal, diff_revisions, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

SYMBOL = "A/C.2/81/L.50"
PP1 = "Recalling the outcome of the Food Systems Summit"


@pytest.fixture
def draft(tmp_path) -> Path:
    return write_docx(tmp_path / "draft.docx", [
        para("PP1", PP1, footnote("See A/76/PV.3."), " and its follow-up,"),
        para("OP1", "Encourages investment in research", footnote("As defined in 78/1."), ";"),
        para("OP2", "Requests a report.")])


def _rev1(draft: Path, proposal: Proposal, tmp_path: Path):
    document = read_docx_draft(draft).to_document(SYMBOL)
    amendment = draft_amendment(document.current, proposal, id="A1", proponents=("KEN",))
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(draft.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    return document, outcome, rev1


def _references(path: Path) -> tuple[int, list[str]]:
    """How many footnote references the body holds, and the ids of the notes kept."""
    with zipfile.ZipFile(path) as package:
        body = etree.fromstring(package.read("word/document.xml"))
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    kept = [n.get(qn("w:id")) for n in notes.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]
    return len(list(body.iter(qn("w:footnoteReference")))), kept


@pytest.mark.parametrize("proposal", [
    Proposal("PP1", replace="Food Systems Summit[^1]", with_="United Nations Food Systems Summit"),
    Proposal("FN1", delete_paragraph=True)], ids=["marker deleted", "footnote deleted"])
def test_the_footnote_goes_with_its_marker_and_the_next_is_numbered_again(draft, tmp_path,
                                                                           proposal):
    _, outcome, rev1 = _rev1(draft, proposal, tmp_path)
    texts = {p.label: p.text for p in outcome.revision}
    assert "[^" not in texts["PP1"]
    assert texts["OP1"] == "Encourages investment in research[^1];"
    assert texts["FN1"] == "As defined in 78/1."
    assert "FN2" not in texts
    assert dict(outcome.label_table)["FN1"] == "" and dict(outcome.label_table)["FN2"] == "FN1"
    again = read_docx_draft(rev1)  # the secretariat's document, read as Rev.1
    assert [(p.label, p.text) for p in again.paragraphs] == \
        [(p.label, p.text) for p in outcome.revision]
    assert _references(rev1)[0] == 1 and len(_references(rev1)[1]) == 1


def test_the_diff_accepted_is_the_revision_and_no_marker_number_changes(draft, tmp_path):
    document, outcome, rev1 = _rev1(draft, Proposal("FN1", delete_paragraph=True), tmp_path)
    both = dataclasses.replace(document, revisions=(*document.revisions, outcome.revision))
    target = tmp_path / "diff.docx"
    assert write_merged_into_source(draft.read_bytes(), diff_revisions(
        both, "Zero draft", "Rev.1", renumbered=True), target, revised=(SYMBOL, "Rev.1")) == []
    assert [t for t in accepted(target) if "\t" in t] == \
        [t for t in accepted(rev1) if "\t" in t]
    assert rejected(target) == rejected(draft)


def test_a_footnotes_deletion_proposed_is_its_words_struck_in_the_merged_draft(draft,
                                                                                tmp_path):
    """It crashed the writer (a footnote's paragraph mark was marked deleted), and the
    merged draft fell back to drafting's own layout."""
    document = read_docx_draft(draft).to_document(SYMBOL)
    amendment = draft_amendment(document.current, Proposal("FN1", delete_paragraph=True),
                                id="A1", proponents=("KEN",))
    target = tmp_path / "merged.docx"
    assert write_merged_into_source(draft.read_bytes(), merge(document, [amendment]),
                                    target) == []
    with zipfile.ZipFile(target) as package:
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    assert ["".join(t.text for t in d.iter(qn("w:delText"))) for d in notes.iter(qn("w:del"))
            ] == ["See A/76/PV.3."]
