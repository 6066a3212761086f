"""An item emptied in a delegation's copy while its number stays: in an edited copy
(untracked), a Word-numbered item whose words are all removed, its empty numbered
paragraph left; in a copy made with LibreOffice (tracked), a typed item ("(2)<tab>")
whose words are struck, its typed number left. Either is the item deleted whole: one
amendment deleting its line, nothing else (the items after it stay in the paragraph),
and the revision, in the secretariat's own Word document, renumbers the items after."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice_copies import Edited, make_edited
from numbered_drafts import SYMBOL, numbered_draft
from test_typed_list_items import ITEMS as TYPED
from test_typed_list_items import SYMBOL as TYPED_SYMBOL
from test_typed_list_items import _draft as typed_draft
from test_typed_list_items import _op1

from drafting.engine import Decisions, revise
from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source

ITEMS = ("To adopt policies;", "To build capacities;", "To share good practices;")
AUTHOR = "John Doe (USA)"
NEW = "to mobilize financial resources;"


def _revised(draft: Path, copy: Path, symbol: str, tmp_path: Path, **authors: str):
    """``copy`` read against ``draft`` and every amendment accepted: the amendments and
    the revision, checked to read back from its Word document made from ``draft``."""
    document = read_docx_draft(draft).to_document(symbol)
    read = read_docx_submission(copy, document, delegation="USA", authors=authors)
    outcome = revise(document, read.amendments,
                     Decisions(accepted=frozenset(a.id for a in read.amendments)),
                     label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(draft.read_bytes(), document.current, outcome.revision,
                                   symbol=symbol))
    again = read_docx_draft(rev1).to_document(symbol)  # the revision, in the draft's file
    assert [(p.label, p.text) for p in again.current] == [
        (p.label, p.text) for p in outcome.revision]
    return read.amendments, outcome.revision


def test_a_numbered_item_emptied_in_an_edited_copy_is_its_line_deleted(tmp_path):
    draft = numbered_draft(tmp_path / "draft.docx", ITEMS)
    word = docx.Document(str(draft))
    emptied = next(p for p in word.paragraphs if p.text == ITEMS[1])
    for run in emptied.runs:
        run.text = ""
    assert emptied._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None  # still numbered
    copy = tmp_path / "copy.docx"
    word.save(str(copy))
    amendments, revision = _revised(draft, copy, SYMBOL, tmp_path)
    [amendment] = amendments
    assert (amendment.kind, amendment.old_text) == (AmendmentKind.DELETE,
                                                    f"\n(b) {ITEMS[1]}")
    assert revision.by_label("OP2").text == \
        f"Calls upon States:\n(a) {ITEMS[0]}\n(b) {ITEMS[2]}"
    assert [p.label for p in revision] == ["PP1", "OP1", "OP2", "OP3"]  # no new one


def test_a_typed_item_struck_with_its_number_left_is_deleted_and_renumbered(tmp_path):
    draft = typed_draft(tmp_path / "draft.docx")
    copy = tmp_path / "copy.docx"
    make_edited([Edited(str(draft), str(copy), (("replace", TYPED[1], "", ""),), AUTHOR)])
    amendments, revision = _revised(draft, copy, TYPED_SYMBOL, tmp_path,
                                    **{AUTHOR: "USA"})
    [amendment] = amendments
    assert (amendment.kind, amendment.old_text) == (AmendmentKind.DELETE,
                                                    f"\n(2)\t{TYPED[1]}")
    assert revision.by_label("OP1").text == _op1(TYPED[0], TYPED[2])  # "(3)" is "(2)"


def test_typed_items_renumbered_by_hand_after_a_new_one_are_no_amendment(tmp_path):
    """An edited copy that types a new "(2)" and numbers the items after it again by
    hand ("(2)" is "(3)"...): the new item alone is proposed, as for items Word numbers;
    the revision renumbers the items after it."""
    draft = typed_draft(tmp_path / "draft.docx")
    word = docx.Document(str(draft))
    items = [p for p in word.paragraphs if p.text.endswith(TYPED[1:])]
    items[0].insert_paragraph_before(f"(2)\t{NEW}").paragraph_format.left_indent = \
        items[0].paragraph_format.left_indent
    for number, paragraph in enumerate(items, 3):
        paragraph.runs[0].text = f"({number})\t{paragraph.text.split(chr(9), 1)[1]}"
        for run in paragraph.runs[1:]:
            run.text = ""
    copy = tmp_path / "copy.docx"
    word.save(str(copy))
    amendments, revision = _revised(draft, copy, TYPED_SYMBOL, tmp_path)
    [amendment] = amendments
    assert (amendment.kind, amendment.new_text) == (AmendmentKind.INSERT, f"\n(2)\t{NEW}")
    assert revision.by_label("OP1").text == _op1(TYPED[0], NEW, *TYPED[1:])
