"""Operative paragraphs laid out in a two-column table (number | text), as some
secretariats and compilation texts lay them out: the import reads each row as a paragraph,
labelled as the body would label it, and a delegation's change tracked in a cell is an
amendment to that paragraph. Any other table stays out of the text, with a warning that
names the brackets it holds; a change tracked in one is named by its changed words."""

from __future__ import annotations

from table_drafts import ROWS, tabled, with_new_row

from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission


def test_a_number_and_text_table_is_read_as_the_operative_paragraphs(tmp_path):
    """It imported only the preambular paragraphs, with one warning: the whole operative
    part could not be negotiated."""
    read = read_docx_draft(tabled(tmp_path / "draft.docx"))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"),
        ("PP2", "Noting with concern the gaps in ocean data,"),
        ("OP1", ROWS[0][1]), ("OP2", ROWS[1][1]),
        ("OP2 bis", f"{ROWS[2][1]}\n(a)\t{ROWS[3][1]}"),
        ("OP3", ROWS[4][1]), ("H1", "Annex")]
    assert read.warnings == ()


def test_a_data_table_stays_out_and_its_brackets_are_named(tmp_path):
    """Brackets in an annex table were counted nowhere and said nowhere: `brackets` gave
    the body's alone and Rev.1 "0 brackets" while the table still showed one."""
    annex = [("Indicator", "Target"), ("Share of open data", "[80 / 90] per cent")]
    read = read_docx_draft(tabled(tmp_path / "draft.docx", annex=annex))
    assert [p.label for p in read.paragraphs][-1] == "H1"
    assert [w.message for w in read.warnings] == [
        "table after H1 (2 rows) not imported; copy its text into paragraphs if it belongs "
        "to the draft; it holds 1 bracket ('[80 / 90] per cent'), not counted with the "
        "draft's and left as written by every revision"]


def test_a_change_tracked_in_a_cell_is_an_amendment_to_its_paragraph(tmp_path):
    """The copy's table was "not part of the text": every operative paragraph read as
    deleted, and the change in the cell not read."""
    document = read_docx_draft(tabled(tmp_path / "draft.docx")).to_document("A/C.2/81/L.50")
    copy = tabled(tmp_path / "usa.docx", changes=[(0, 1, 1, "submit", "present"),
                                                 (0, 4, 1, "eighty-third", "eighty-fourth")])
    read = read_docx_submission(copy, document, delegation="USA")
    labels = {p.id: p.label for p in document.current}
    assert [(labels[a.paragraph_id], a.kind, a.old_text, a.new_text)
            for a in read.amendments] == [
        ("OP2", AmendmentKind.REPLACE, "submit", "present"),
        ("OP3", AmendmentKind.REPLACE, "eighty-third", "eighty-fourth")]
    assert read.warnings == ()


def test_a_row_inserted_with_track_changes_is_a_new_paragraph(tmp_path):
    document = read_docx_draft(tabled(tmp_path / "draft.docx")).to_document("A/C.2/81/L.50")
    copy = with_new_row(tabled(tmp_path / "eu.docx"), 1, "2 bis.",
                        "Welcomes the new data portal;")
    read = read_docx_submission(copy, document, delegation="EU")
    labels = {p.id: p.label for p in document.current}
    assert [(labels[a.paragraph_id], a.kind, a.new_text) for a in read.amendments] == [
        ("OP2", AmendmentKind.NEW_PARAGRAPH, "Welcomes the new data portal;")]
    assert read.warnings == ()


def test_a_change_to_a_number_cell_is_a_label_change_not_read(tmp_path):
    document = read_docx_draft(tabled(tmp_path / "draft.docx")).to_document("A/C.2/81/L.50")
    copy = tabled(tmp_path / "usa.docx", changes=[(0, 4, 0, "3.", "4.")])
    read = read_docx_submission(copy, document, delegation="USA")
    assert read.amendments == ()
    assert [w.message for w in read.warnings] == [
        "the paragraph's label was changed; labels are set by the secretariat, so the "
        "change was not read"]


def test_a_change_in_a_data_table_is_named_by_its_changed_words(tmp_path):
    """The warning cut both sides at 60 characters, before the change: they read the same."""
    annex = [("Report", "Invites the Intergovernmental Oceanographic Commission to submit "
              "a report on data gaps in the regions;")]
    document = read_docx_draft(tabled(tmp_path / "draft.docx", annex=annex)).to_document(
        "A/C.2/81/L.50")
    copy = tabled(tmp_path / "usa.docx", annex=annex, changes=[(1, 0, 1, "submit",
                                                                     "present")])
    read = read_docx_submission(copy, document, delegation="USA")
    (warning,) = [w.message for w in read.warnings]
    assert "holds changes by USA ('... Oceanographic Commission to submit a report on ...' " \
        "-> '... Oceanographic Commission to present a report on ...')" in warning
