"""A tracked change of a paragraph's settings (``w:pPrChange``) is formatting, no
amendment, and the copy is read as its paragraphs were before it: a delegation that
demoted "Decides to remain seized" one list level (making Word show it as item "(c)"
of the paragraph before) proposed that paragraph deleted and a new item in its name,
while the warning said formatting was not read."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import SYMBOL, numbered_draft

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission


def test_a_paragraph_demoted_with_track_changes_is_read_as_it_was(tmp_path):
    draft = numbered_draft(tmp_path / "draft.docx", ("To adopt policies;", "To act;"))
    document = read_docx_draft(draft).to_document(SYMBOL)
    word = docx.Document(str(draft))
    last = word.paragraphs[-1]._p
    properties = last.get_or_add_pPr()
    before = copy.deepcopy(properties)
    properties.numPr.ilvl.val = 1  # Word shows it as "(c)" now
    change = properties.makeelement(qn("w:pPrChange"), {
        qn("w:id"): "901", qn("w:author"): "RUS", qn("w:date"): "2026-12-06T10:00:00Z"})
    change.append(before)
    properties.append(change)
    word.save(str(tmp_path / "rus.docx"))
    read = read_docx_submission(tmp_path / "rus.docx", document, delegation="RUS")
    assert read.amendments == ()
    assert any("formatting is not an amendment" in w.message for w in read.warnings)
