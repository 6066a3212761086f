"""A two-column table (number | text) whose number cells hold a number alone, "1" with no
full stop: its rows are the operative paragraphs 1, 2, ..., as "1." rows are, where the
whole table was left out ("table ... not imported"). A text cell opening with a bracket
is no exception; a short table of figures numbered so ("1 | Pacific") is still data."""

from __future__ import annotations

from table_drafts import tabled, with_new_row

from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

BARE = [("1", "Encourages Member States to strengthen ocean observation;"),
        ("2", "[Invites / Urges] the Commission to submit a report on data gaps;"),
        ("2 bis", "Decides that the programme shall cover coastal waters;"),
        ("3", "Requests the Secretary-General to report at its eighty-third session.")]
PREAMBLE = [("PP1", "Recalling its resolution 70/1,"),
            ("PP2", "Noting with concern the gaps in ocean data,")]


def test_rows_numbered_by_a_number_alone_are_the_operative_paragraphs(tmp_path):
    read = read_docx_draft(tabled(tmp_path / "draft.docx", rows=BARE))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        *PREAMBLE, ("OP1", BARE[0][1]), ("OP2", BARE[1][1]), ("OP2 bis", BARE[2][1]),
        ("OP3", BARE[3][1]), ("H1", "Annex")]
    assert read.warnings == ()


def test_a_short_table_of_figures_numbered_so_stays_data(tmp_path):
    rows = [("1", "Pacific"), ("2", "Caribbean"), ("3", "Indian Ocean")]
    read = read_docx_draft(tabled(tmp_path / "draft.docx", rows=rows))
    assert [(p.label, p.text) for p in read.paragraphs] == [*PREAMBLE, ("H1", "Annex")]
    assert [w.message for w in read.warnings] == [
        "table after PP2 (3 rows) not imported; copy its text into paragraphs if it "
        "belongs to the draft"]


def test_changes_in_a_copy_of_it_amend_its_paragraphs(tmp_path):
    document = read_docx_draft(tabled(tmp_path / "draft.docx", rows=BARE)).to_document(
        "A/C.2/81/L.50")
    copy = with_new_row(tabled(tmp_path / "usa.docx", rows=BARE,
                               changes=[(0, 3, 1, "eighty-third", "eighty-fourth")]),
                        0, "1 bis", "Welcomes the new data portal;", author="USA")
    read = read_docx_submission(copy, document, delegation="USA")
    labels = {p.id: p.label for p in document.current}
    assert [(labels[a.paragraph_id], a.kind, a.old_text, a.new_text)
            for a in read.amendments] == [
        ("OP1", AmendmentKind.NEW_PARAGRAPH, "", "Welcomes the new data portal;"),
        ("OP3", AmendmentKind.REPLACE, "eighty-third", "eighty-fourth")]
    assert read.warnings == ()
