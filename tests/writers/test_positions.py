from dataclasses import FrozenInstanceError

import pytest

from drafting.engine.positions import PositionMatrix, PositionRow, positions
from drafting.engine.segments import Alternatives, Change, NewParagraph, Option, Text
from drafting.model import ParagraphKind
from drafting.writers.positions_markdown import render_positions_markdown


def negotiation(make):
    return make.compilation(
        # nobody touched it: a row with no cells
        make.paragraph("H1", Text("The General Assembly,"), kind=ParagraphKind.HEADING),
        # JPN supports one change and proposes another
        make.paragraph("OP1", Text("Requests "),
                       Change("", "urgently ", make.credit("EU", supporters=("JPN",))),
                       Text("a report "),
                       Change("annually", "biennially", make.credit("USA", "JPN")),
                       Text(";")),
        # a bracket: CAN wants the words kept, EU and G77 (with BRA) offer others
        make.paragraph("OP2", Text("Decides to "),
                       Alternatives("convene", ("CAN",), (
                           Option("hold", make.credit("EU")),
                           Option("", make.credit("G77", supporters=("BRA",))),
                       )),
                       Text(" a meeting;")),
        NewParagraph("OP2 bis", "OP2", "Invites States;", make.credit("USA", supporters=("CAN",))),
        # G77 proposes a change yet asks to keep the paragraph against USA's deletion
        make.paragraph("OP3", Text("Decides to act "), Change("", "now", make.credit("G77")),
                       Text(";"),
                       deletion=make.credit("USA"),
                       retains=make.credit("G77", supporters=("EGY",)),
                       alternatives=(Option("Agrees to act;", make.credit("CHN")),)),
    )


def test_matrix_lists_every_paragraph_and_every_delegation_sorted(make):
    matrix = positions(negotiation(make))
    assert matrix.delegations == ("BRA", "CAN", "CHN", "EGY", "EU", "G77", "JPN", "USA")
    assert [row.label for row in matrix.rows] == ["H1", "OP1", "OP2", "OP2 bis", "OP3"]


def test_cells_say_who_proposed_supported_or_asked_to_retain(make):
    matrix = positions(negotiation(make))
    assert {row.label: row.cells for row in matrix.rows} == {
        "H1": (),
        "OP1": (("EU", "proposed"), ("JPN", "proposed, supported"), ("USA", "proposed")),
        "OP2": (("BRA", "supported"), ("CAN", "retain"), ("EU", "proposed"),
                ("G77", "proposed")),
        "OP2 bis": (("CAN", "supported"), ("USA", "proposed")),
        "OP3": (("CHN", "proposed"), ("EGY", "retain"), ("G77", "proposed, retain"),
                ("USA", "proposed")),
    }


def test_a_row_answers_for_any_delegation(make):
    op3 = positions(negotiation(make)).rows[4]
    assert op3.cell("G77") == "proposed, retain"
    assert op3.cell("EU") == ""


def test_matrix_is_frozen_data(make):
    matrix = positions(negotiation(make))
    with pytest.raises(FrozenInstanceError):
        matrix.rows = ()  # type: ignore[misc]
    assert hash(matrix) == hash(positions(negotiation(make)))


def test_a_text_without_proposals_has_no_delegations(make):
    matrix = positions(make.compilation(make.paragraph("OP1", Text("Decides;"))))
    assert matrix == PositionMatrix((), (PositionRow("OP1"),))
    assert render_positions_markdown(matrix) == "No delegation has taken a position on this text.\n"


def test_markdown_table_has_a_column_per_delegation(make):
    assert render_positions_markdown(positions(negotiation(make))) == (
        "| Paragraph | BRA | CAN | CHN | EGY | EU | G77 | JPN | USA |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
        "| H1 |  |  |  |  |  |  |  |  |\n"
        "| OP1 |  |  |  |  | proposed |  | proposed, supported | proposed |\n"
        "| OP2 | supported | retain |  |  | proposed | proposed |  |  |\n"
        "| OP2 bis |  | supported |  |  |  |  |  | proposed |\n"
        "| OP3 |  |  | proposed | retain |  | proposed, retain |  | proposed |\n"
    )


def test_markdown_table_cells_cannot_break_the_table():
    matrix = PositionMatrix(("G77|China",), (PositionRow("OP*1", (("G77|China", "proposed"),)),))
    assert render_positions_markdown(matrix) == (
        "| Paragraph | G77\\|China |\n"
        "| --- | --- |\n"
        "| OP\\*1 | proposed |\n"
    )


def test_who_withdrew_an_amendment_shows_beside_what_it_still_proposes(make):
    matrix = positions(negotiation(make), {"OP1": ["EU", "CHN"], "OP9": ["JPN"]})
    rows = {row.label: row for row in matrix.rows}
    assert rows["OP1"].cell("EU") == "proposed, withdrew"
    assert rows["OP1"].cell("CHN") == "withdrew"
    assert "OP9" not in rows  # a paragraph the text no longer has is not invented


def test_the_matrix_as_a_page_and_a_word_table(make, tmp_path):
    import docx

    from drafting.writers.positions_tables import render_positions_html, write_positions_docx

    matrix = positions(negotiation(make))
    page = render_positions_html(matrix, symbol="A/C.2/81/L.7", title="Fisheries <draft>")
    assert "<h1 dir=\"auto\">Fisheries &lt;draft&gt;</h1>" in page
    assert ('<tr><th scope="row">OP2 bis</th><td></td><td>supported</td><td></td><td></td>'
            '<td></td><td></td><td></td><td>proposed</td></tr>') in page
    path = tmp_path / "p.docx"
    write_positions_docx(matrix, path, symbol="A/C.2/81/L.7", title="Fisheries")
    (table,) = docx.Document(str(path)).tables
    assert [c.text for c in table.rows[0].cells] == ["Paragraph", *matrix.delegations]
    assert [c.text for c in table.rows[5].cells][:3] == ["OP3", "", ""]
    assert table.rows[5].cells[matrix.delegations.index("G77") + 1].text == "proposed, retain"
