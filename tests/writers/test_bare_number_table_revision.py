"""A table (number | text) whose number cells hold a number alone ("1", no full stop):
the merged draft types a new row's number so ("2 bis", not "OP2 bis"), and Rev.1
renumbers the cells so ("2" for "1"), where it emptied them (no word left to put the new
number beside) and typed new rows' numbers as labels ("OP1")."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from table_drafts import tabled
from test_table_paragraphs import _rows

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
BARE = [("1", "Encourages Member States to strengthen ocean observation;"),
        ("2", "[Invites / Urges] the Commission to submit a report on data gaps;"),
        ("3", "Decides that the programme shall cover coastal waters;"),
        ("4", "Requests the Secretary-General to report at its eighty-third session.")]
ASKED = [("G77", "OP1", {"replace": "strengthen", "with_": "sustain"}),
         ("EU", "OP2", {"new_paragraph": "Calls upon donors to support data centres;"}),
         ("JPN", "OP3", {"delete_paragraph": True}),
         ("CHL", "OP1", {"new_paragraph": "Welcomes the data portal;", "place_before": True})]


def test_new_rows_and_rev1_number_their_cells_as_the_table_does(tmp_path):
    source = tabled(tmp_path / "L50.docx", rows=BARE)
    document = read_docx_draft(source).to_document("A/C.2/81/L.50")
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(ASKED, 1)]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    assert _rows(merged) == [
        (["ins"], ["+{0}+", "+{Welcomes the data portal;}+"]),
        ([], ["1", "Encourages Member States to -{strengthen}-+{sustain}+ ocean observation;"]),
        ([], ["2", BARE[1][1]]),
        (["ins"], ["+{2 bis}+", "+{Calls upon donors to support data centres;}+"]),
        (["del"], ["-{3}-", f"-{{{BARE[2][1]}}}-"]),
        ([], ["4", BARE[3][1]])]
    assert lo_track("reject", merged).stdout == lo_track("reject", source).stdout

    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert [cells for _, cells in _rows(rev1)] == [
        ["1", "Welcomes the data portal;"],
        ["2", "Encourages Member States to sustain ocean observation;"],
        ["3", BARE[1][1]],
        ["4", "Calls upon donors to support data centres;"],
        ["5", BARE[3][1]]]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]
