"""Paragraphs laid out in a table (number | text) in the secretariat's own document: the
merged draft tracks each proposal in the row's own cells (a new paragraph as a row of its
own after its row, a deleted one as its row deleted), and Rev.1 takes the accepted ones
into the table, its numbers renumbered in their cells. Brackets left in another table
are named when a revision is issued."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from ooxml_views import body as _body
from table_drafts import ROWS, tabled

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft, revise_document
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
ASKED = [("G77", "OP1", {"replace": "strengthen", "with_": "sustain"}),
         ("EU", "OP2", {"new_paragraph": "Calls upon donors to support data centres;"}),
         ("JPN", "OP2 bis", {"delete_paragraph": True}),
         ("CHL", "OP1", {"new_paragraph": "Welcomes the data portal;", "place_before": True})]


@pytest.fixture
def drafted(tmp_path):
    source = tabled(tmp_path / "L50.docx")
    document = read_docx_draft(source).to_document("A/C.2/81/L.50")
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(ASKED, 1)]
    return source, document, amendments


def _rows(path):
    """Each row of the first table: its row marks and its cells' text, deleted words in
    ``-{}-`` and inserted ones in ``+{}+``."""
    def shown(cell):
        out = []
        for node in cell.iter(qn("w:t"), qn("w:delText")):
            inserted = next(node.iterancestors(qn("w:ins")), None) is not None
            text = node.text or ""
            out.append(f"-{{{text}}}-" if node.tag == qn("w:delText") else
                       f"+{{{text}}}+" if inserted else text)
        return "".join(out)

    table = next(_body(path).iter(qn("w:tbl")))
    return [([m.tag.split("}")[1] for m in row.iterfind(f"{qn('w:trPr')}/*")],
             [shown(cell) for cell in row.iter(qn("w:tc"))]) for row in table.iter(qn("w:tr"))]


def test_the_merged_draft_tracks_each_proposal_in_the_tables_rows(drafted, tmp_path):
    """The table was not imported, so no proposal could reach it. A new paragraph before
    OP1 is a row before OP1's; OP2's follows OP2 bis (and its item's row), as OP2 ter."""
    source, document, amendments = drafted
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    assert _rows(target) == [
        (["ins"], ["+{0.}+", "+{Welcomes the data portal;}+"]),
        ([], ["1.", "Encourages Member States to -{strengthen}-+{sustain}+ ocean observation;"]),
        ([], ["2.", ROWS[1][1]]),
        (["del"], ["-{2 bis.}-", f"-{{{ROWS[2][1]}}}-"]),
        (["del"], ["-{(a)}-", f"-{{{ROWS[3][1]}}}-"]),
        (["ins"], ["+{2 ter.}+", "+{Calls upon donors to support data centres;}+"]),
        ([], ["3.", ROWS[4][1]])]
    rejected = lo_track("reject", target).stdout
    assert rejected == lo_track("reject", source).stdout


def test_rev1_takes_the_accepted_proposals_into_the_table_renumbered(drafted, tmp_path):
    source, document, amendments = drafted
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert [cells for _, cells in _rows(rev1)] == [
        ["1.", "Welcomes the data portal;"],
        ["2.", "Encourages Member States to sustain ocean observation;"],
        ["3.", ROWS[1][1]],
        ["4.", "Calls upon donors to support data centres;"],
        ["5.", ROWS[4][1]]]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


def test_issuing_a_revision_names_the_brackets_a_data_table_keeps(tmp_path):
    """Rev.1 said "0 brackets" while its annex table still showed "[80 / 90]"."""
    annex = [("Indicator", "Target"), ("Share of open data", "[80 / 90] per cent")]
    source = tabled(tmp_path / "L50.docx", annex=annex)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    warnings: list[str] = []
    with open_store(url) as store:
        import_draft(store, source, "A/C.2/81/L.50")
        add_delegations(store, ["EU"])
        revise_document(store, "A/C.2/81/L.50", "Rev.1", warn=warnings.append)
    assert warnings == [
        "A/C.2/81/L.50 Rev.1: its Word document keeps 1 bracket in a table ('[80 / 90] per "
        "cent'), not counted with the text's and left as written (a table is not part of the "
        "text)"]


PREAMBLE_ROWS = [("", "Reaffirming its commitment to ocean science,"),
                 ("", "Welcoming the Decade of Ocean Science,"), *ROWS]
"""Preambular paragraphs in the table too, unnumbered, their label cells empty (the
table was refused as no paragraphs: "table not imported")."""


def test_a_table_holding_preambular_rows_with_empty_label_cells(tmp_path):
    source = tabled(tmp_path / "L50.docx", rows=PREAMBLE_ROWS)
    read = read_docx_draft(source)
    assert [(p.label, p.text) for p in read.paragraphs][2:5] == [
        ("PP3", "Reaffirming its commitment to ocean science,"),
        ("PP4", "Welcoming the Decade of Ocean Science,"),
        ("OP1", "Encourages Member States to strengthen ocean observation;")]
    document = read.to_document("A/C.2/81/L.50")
    asked = [Proposal("PP3", new_paragraph="Recognizing the role of science,"),
             Proposal("PP4", replace="Decade", with_="United Nations Decade")]
    amendments = [draft_amendment(document.current, proposal, id=f"A{n}", proponents=["EU"],
                                  submitted_at=T0) for n, proposal in enumerate(asked, 1)]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    assert _rows(merged)[1] == (["ins"], ["", "+{Recognizing the role of science,}+"])
    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs][2:6] == [
        ("PP3", "Reaffirming its commitment to ocean science,"),
        ("PP4", "Recognizing the role of science,"),
        ("PP5", "Welcoming the United Nations Decade of Ocean Science,"),
        ("OP1", "Encourages Member States to strengthen ocean observation;")]
    assert [cells for _, cells in _rows(rev1)][:3] == [
        ["", "Reaffirming its commitment to ocean science,"],
        ["", "Recognizing the role of science,"],
        ["", "Welcoming the United Nations Decade of Ocean Science,"]]
