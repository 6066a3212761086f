"""A negotiating text laid out in a table as treaty conferences lay it out: the chapeau,
then one table with a header row ("Para | Text | Proposals / comments"), section headings
in rows of one merged cell, and a proposals column beside the text. The import reads the
rows as the draft's paragraphs (it recorded an empty draft, exit 0); a delegation's copy
tracked in the cells, the merged draft in the secretariat's document and Rev.1 keep the
table. A table that holds the text in a layout that cannot be read is refused."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from negotiating_tables import HEAD, ROWS, negotiating_table, with_new_row

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.errors import InputError
from drafting.model import AmendmentKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.store import init_store, open_store
from drafting.workflow import import_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
READ = [("PP1", ROWS[0][1]), ("PP2", ROWS[1][1]), ("H1", "I. General provisions"),
        ("OP1", ROWS[3][1]), ("OP2", ROWS[4][1]), ("H2", "II. Marine genetic resources"),
        ("OP3", ROWS[6][1]), ("H3", "Annex")]


def test_header_headings_and_a_proposals_column_are_read_as_the_text(tmp_path):
    read = read_docx_draft(negotiating_table(tmp_path / "L3.docx"))
    assert [(p.label, p.text) for p in read.paragraphs] == READ
    assert read.chapeau == "The Parties to this Agreement,"
    assert not any("G77" in p.text or "Option 1" in p.text for p in read.paragraphs)
    assert [w.message for w in read.warnings] == [
        "the table's text is read from its second column; its column 'Proposals / "
        "comments' is not part of the text and not imported (neither are changes made "
        "there)"]


@pytest.mark.parametrize("columns", [2, 3])
def test_a_header_row_alone_is_skipped(tmp_path, columns):
    rows = [row for row in ROWS if len(row) > 1]
    read = read_docx_draft(negotiating_table(tmp_path / "L3.docx", rows=rows,
                                             columns=columns))
    assert [p.label for p in read.paragraphs] == ["PP1", "PP2", "OP1", "OP2", "OP3", "H1"]
    assert read.paragraphs[2].text == ROWS[3][1]


def test_a_data_table_with_a_header_stays_out_of_the_text(tmp_path):
    """Figures are no paragraphs: "1. | 45 | per cent" under "No. | Value | Unit"."""
    word = docx.Document()
    for line in [*HEAD, "Recalling the Convention,", "1.\tDecides to act;"]:
        word.add_paragraph(line)
    table = word.add_table(rows=3, cols=3)
    for n, cells in enumerate([("No.", "Value", "Unit"), ("1.", "45", "per cent"),
                               ("2.", "[60 / 70]", "per cent")]):
        for m, words in enumerate(cells):
            table.cell(n, m).text = words
    word.save(str(path := tmp_path / "data.docx"))
    read = read_docx_draft(path)
    assert [p.label for p in read.paragraphs] == ["PP1", "OP1"]
    assert [w.message.split(";")[0] for w in read.warnings] == [
        "table after OP1 (3 rows) not imported"]


def test_a_table_holding_the_text_that_cannot_be_read_is_refused(tmp_path):
    """The text column first, the numbers last: it was recorded as an empty draft."""
    reversed_rows = [tuple(reversed(row[:2])) if len(row) > 1 else row for row in ROWS]
    path = negotiating_table(tmp_path / "L3.docx", header=("Text", "Para"),
                             rows=reversed_rows, columns=2)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    init_store(url)
    with open_store(url) as store, pytest.raises(InputError) as refused:
        import_draft(store, path, "A/CONF.232/2026/L.3")
    assert "the draft's text seems to be in the table after its paragraph 5 (8 rows" in \
        refused.value.message
    assert "nothing was imported" in refused.value.message
    with open_store(url) as store:
        assert store.documents() == []


def _amendments(document, asked):
    return [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                            proponents=["EU"], submitted_at=T0)
            for n, (label, fields) in enumerate(asked, 1)]


def _table(path):
    """Each row of the first table: its cells' text (deleted words in ``-{}-``, inserted
    ones in ``+{}+``)."""
    def shown(cell):
        out = []
        for node in cell.iter(qn("w:t"), qn("w:delText")):
            inserted = next(node.iterancestors(qn("w:ins")), None) is not None
            out.append(f"-{{{node.text}}}-" if node.tag == qn("w:delText") else
                       f"+{{{node.text}}}+" if inserted else node.text or "")
        return "".join(out)

    table = docx.Document(str(path)).tables[0]._tbl
    return [[shown(cell) for cell in row.iter(qn("w:tc"))] for row in table.iter(qn("w:tr"))]


def test_a_delegations_copy_tracked_in_the_cells(tmp_path):
    document = read_docx_draft(negotiating_table(tmp_path / "L3.docx")).to_document("X/L.3")
    copy = negotiating_table(tmp_path / "eu.docx",
                             changes=[(4, 1, "conservation", "long-term conservation"),
                                      (4, 2, "EU:", "EU, AUS:")])
    with_new_row(copy, 5, ("2 bis.", "Nothing in this Agreement shall prejudice the "
                           "rights of coastal States.", ""))
    read = read_docx_submission(copy, document, delegation="EU")
    labels = {p.id: p.label for p in document.current}
    assert [(labels[a.paragraph_id], a.kind, a.new_text) for a in read.amendments] == [
        ("OP1", AmendmentKind.REPLACE, "long-term conservation"),
        ("OP2", AmendmentKind.NEW_PARAGRAPH,
         "Nothing in this Agreement shall prejudice the rights of coastal States.")]
    assert [w.message for w in read.warnings] == [  # the proposals column's change: said
        "the table holding the text has changes in its header or in a column beside the "
        "text ('EU: \u201clong-term\u201d' -> 'EU, AUS: \u201clong-term\u201d'): only the "
        "text column is the draft's, so they were not read; put proposals in the text"]


def test_merged_draft_and_rev1_keep_the_table(tmp_path):
    source = negotiating_table(tmp_path / "L3.docx")
    document = read_docx_draft(source).to_document("X/L.3")
    amendments = _amendments(document, [
        ("OP1", {"replace": "conservation", "with_": "long-term conservation"}),
        ("H2", {"new_paragraph": "Parties shall cooperate on benefit-sharing."}),
        ("OP2", {"delete_paragraph": True})])
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    rows = _table(merged)
    assert rows[0] == ["Para", "Text", "Proposals / comments"]
    assert rows[5][0] == "-{2.}-"
    assert rows[7] == ["+{2 bis.}+", "+{Parties shall cooperate on benefit-sharing.}+", ""]
    accepted = lo_track("accept", merged).stdout
    assert "long-term conservation" in accepted and "G77: add" in accepted
    assert ROWS[4][1] not in accepted
    assert lo_track("reject", merged).stdout == lo_track("reject", source).stdout
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert [cells[:2] for cells in _table(rev1)] == [
        ["Para", "Text"], ["PP1", ROWS[0][1]], ["PP2", ROWS[1][1]],
        ["I. General provisions"], ["1.", ROWS[3][1].replace("the conservation",
                                                             "the long-term conservation")],
        ["II. Marine genetic resources"],
        ["2.", "Parties shall cooperate on benefit-sharing."], ["3.", ROWS[6][1]]]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


ARTICLES = [("PP1", ROWS[0][1], ""), ("Article 1", "Use of terms", ""),
            ("1.", "For the purposes of this Agreement, the following terms apply to all "
             "Parties.", ""),
            ("2.", "Parties shall [promote][ensure] cooperation in marine scientific research.",
             ""),
            ("Article 2", "Objective", ""),
            ("", "The objective of this Agreement is to ensure conservation and sustainable "
             "use.", "")]
"""An article's number where a label stands, its title in the text cell; its paragraphs
numbered within it, or unnumbered."""


def test_article_headings_in_the_label_column(tmp_path):
    source = negotiating_table(tmp_path / "L3.docx", rows=ARTICLES,
                               header=("No.", "Draft text", "Comments"))
    read = read_docx_draft(source)
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", ROWS[0][1]), ("H1", "Article 1\tUse of terms"), ("1.1", ARTICLES[2][1]),
        ("1.2", ARTICLES[3][1]), ("H2", "Article 2\tObjective"), ("2.1", ARTICLES[5][1]),
        ("H3", "Annex")]
    document = read.to_document("X/L.3")
    amendments = _amendments(document, [
        ("1.1", {"delete_paragraph": True}),
        ("1.2", {"new_paragraph": "Parties shall share data."}),
        ("H1", {"replace": "Use of terms", "with_": "Definitions"})])
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    assert _table(merged)[2:6] == [
        ["Article 1", "-{Use of terms}-+{Definitions}+", ""],
        ["-{1.}-", f"-{{{ARTICLES[2][1]}}}-", ""], ["2.", ARTICLES[3][1], ""],
        ["+{2 bis.}+", "+{Parties shall share data.}+", ""]]
    outcome = revise(document, amendments,
                     Decisions(accepted=frozenset(a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "rev1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert _table(rev1)[2:5] == [["Article 1", "Definitions", ""],
                                 ["1.", ARTICLES[3][1], ""],
                                 ["2.", "Parties shall share data.", ""]]
    assert [(p.label, p.text) for p in read_docx_draft(rev1).paragraphs] == [
        (p.label, p.text) for p in outcome.revision]


def test_a_table_after_the_chapeau_is_said_to_stand_there(tmp_path):
    """The warning said "table at the start", though it stood after the chapeau."""
    word = docx.Document()
    for line in HEAD:
        word.add_paragraph(line)
    table = word.add_table(rows=2, cols=2)
    for n, cells in enumerate([("Region", "Share"), ("Pacific", "45 per cent")]):
        for m, words in enumerate(cells):
            table.cell(n, m).text = words
    for line in ("Recalling the Convention,", "1.\tDecides to act;"):
        word.add_paragraph(line)
    word.save(str(path := tmp_path / "L3.docx"))
    read = read_docx_draft(path)
    assert [p.label for p in read.paragraphs] == ["PP1", "OP1"]
    assert [w.message for w in read.warnings] == [
        "table after the chapeau (2 rows) not imported; copy its text into paragraphs if it "
        "belongs to the draft"]
