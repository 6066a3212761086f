"""A paragraph proposed for deletion (merge) or deleted by a revision (diff) goes whole:
its typed number and tab, its sub-paragraph lines and any spaces around its words are in
the tracked deletion, so Accept All leaves nothing of it and Reject All gives it back."""

from __future__ import annotations

import dataclasses
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, Styled, numbered, write_docx
from libreoffice import lo_track
from ooxml_views import body, rejected
from source_merges import merge_into, proposed

from drafting.engine import Decisions, diff_revisions, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_merged import write_merged_docx
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/C.2/81/L.96"
W_DEL, W_T, W_TAB = qn("w:del"), qn("w:t"), qn("w:tab")
TYPED = [Para(["1.\t", Styled("Decides"), " to convene a meeting;"]),
         Para(["2.\tCalls upon States:"]),  # the number shares a run with the words
         Para(["(a)\tTo protect fishers;"], style="Sub"),
         Para(["(b)\tTo support fish workers;"], style="Sub"),
         Para(["3.\t", Styled("Requests"), " a report on fisheries; "]),  # a space after
         Para(["4.\t", Styled("Invites"), " States to act;"])]
"""Operative paragraphs with typed numbers, OP2 with two sub-paragraph lines."""
ASKED = [("EU", "OP3", {"delete_paragraph": True, "reason": "Covered by OP1."}),
         ("EU", "OP2", {"delete_paragraph": True}),
         ("USA", "OP2", {"insert": "Also ", "before": "Calls upon"})]


def _draft(path: Path, operative: list[Para], *, auto: bool = False) -> Path:
    lines = [Para([line]) for line in ("United Nations", SYMBOL, "Fiji: draft resolution")]
    lines += [Para(["Oceans and seas"], style="UN Title"), Para(["The General Assembly,"]),
              Para([Styled("Recalling"), " its resolution 70/1,"]), *operative]
    write_docx(path, lines, title="", subtitle="", styles=("UN Title", "Sub", "Operative"),
               header=SYMBOL)
    return numbered(path, "Operative") if auto else path


def _written(element) -> str:
    """Every character a paragraph (or part of one) holds, deleted or not."""
    return "".join("\t" if n.tag == W_TAB else n.text or ""
                   for n in element.iter(W_T, qn("w:delText"), W_TAB))


def _shown(paragraph) -> str:
    """What Accept All leaves of a paragraph: its text and tabs outside every deletion."""
    return "".join("\t" if n.tag == W_TAB else n.text or ""
                   for n in paragraph.iter(W_T, W_TAB)
                   if not any(a.tag == W_DEL for a in n.iterancestors()))


def _paragraph(path: Path, opening: str):
    (found,) = [p for p in body(path).iter(qn("w:p")) if _written(p).startswith(opening)]
    return found


def _mark_deleted(paragraph) -> bool:
    return paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None


@pytest.fixture(scope="module")
def typed(tmp_path_factory) -> tuple[Path, Path]:
    """(source, merged): the typed draft with `ASKED` merged into it."""
    folder = tmp_path_factory.mktemp("typed")
    source = _draft(folder / "L96.docx", TYPED)
    return source, merge_into(source, ASKED, folder / "merged.docx", SYMBOL)


def test_a_deleted_paragraphs_typed_number_is_deleted_with_it(typed):
    _, merged = typed
    paragraph = _paragraph(merged, "3.\tRequests")
    assert _shown(paragraph) == "" and _mark_deleted(paragraph)
    first = paragraph.find(W_DEL)
    assert first.get(qn("w:author")) == "EU" and _written(first).startswith("3.\t")
    assert _shown(_paragraph(merged, "4.\tInvites")) == "4.\tInvites States to act;"


def test_the_reasons_for_the_deletion_anchor_on_the_paragraph_number_first(typed):
    _, merged = typed
    paragraph = _paragraph(merged, "3.\tRequests")
    start = paragraph.find(qn("w:commentRangeStart"))
    assert start is not None and _written(start.getnext()) == "3.\t"
    with zipfile.ZipFile(merged) as package:
        assert b"Covered by OP1." in package.read("word/comments.xml")


def test_every_line_of_a_deleted_paragraph_with_sub_paragraphs_goes(typed):
    _, merged = typed
    lines = [_paragraph(merged, opening) for opening in ("2.\t", "(a)\t", "(b)\t")]
    assert all(_shown(line) == "" and _mark_deleted(line) for line in lines)
    number, inserted = lines[0].find(W_DEL), lines[0].find(qn("w:ins"))
    assert _written(number) == "2.\t" and number.getnext() is inserted
    assert inserted.get(qn("w:author")) == "USA"
    assert inserted.find(W_DEL) is not None  # USA's words: inserted, and deleted by EU


def test_rejecting_every_change_gives_the_source(typed):
    source, merged = typed
    assert rejected(merged) == rejected(source)


def test_a_paragraph_a_revision_deleted_is_struck_number_and_all_in_the_diff(tmp_path):
    source = _draft(tmp_path / "L96.docx", TYPED)
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, ASKED[:1])
    rev1 = revise(document, amendments, Decisions(accepted=frozenset({"A1"})),
                  label="Rev.1").revision
    both = dataclasses.replace(document, revisions=(*document.revisions, rev1))
    target = tmp_path / "diff.docx"
    write_merged_into_source(source.read_bytes(), diff_revisions(both, "Zero draft", "Rev.1"),
                             target)
    assert _shown(_paragraph(target, "3.\tRequests")) == ""
    assert _shown(_paragraph(target, "4")) == "3.\tInvites States to act;"  # renumbered
    assert rejected(target) == rejected(source)


def test_word_numbered_paragraphs_are_deleted_whole_and_keep_their_numbering(tmp_path):
    operative = [Para([text], style="Operative") for text in (
        "Decides to convene a meeting;", "Requests a report;", "Invites States to act;")]
    source = _draft(tmp_path / "L96.docx", operative, auto=True)
    asked = [("EU", "OP2", {"delete_paragraph": True, "reason": "Not needed."})]
    merged = merge_into(source, asked, tmp_path / "merged.docx", SYMBOL)
    paragraph = _paragraph(merged, "Requests")
    assert _shown(paragraph) == "" and _mark_deleted(paragraph)
    assert paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    assert paragraph.find(qn("w:commentRangeStart")) is not None  # the reason
    assert rejected(merged) == rejected(source)


def test_our_template_deletes_the_label_with_the_paragraph(tmp_path):
    document = read_docx_draft(_draft(tmp_path / "L96.docx", TYPED)).to_document(SYMBOL)
    target = tmp_path / "merged.docx"
    write_merged_docx(merge(document, proposed(document, ASKED)), target)
    for opening in ("OP3\tRequests", "OP2\t"):
        paragraph = _paragraph(target, opening)
        assert _shown(paragraph) == "" and _mark_deleted(paragraph)


def test_libreoffice_accepts_the_deletions_whole_and_rejects_to_the_source(typed):
    source, merged = typed
    original = lo_track("reject", source).stdout.splitlines()
    assert lo_track("reject", merged).stdout.splitlines() == original
    gone = {"2.\tCalls upon States:", "(a)\tTo protect fishers;",
            "(b)\tTo support fish workers;", "3.\tRequests a report on fisheries; "}
    assert gone <= set(original)
    assert lo_track("accept", merged).stdout.splitlines() == \
        [line for line in original if line not in gone]
