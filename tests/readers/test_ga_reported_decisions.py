"""A General Assembly preamble that reports a decision taken elsewhere ("Recalling its
resolution 71/243, in which it decided:", "Recalling that ... the Conference of the
Parties decides:", then "(a) ...", "(b) ...") keeps those items as its paragraph's lines:
they are no operative paragraphs and the preamble goes on after them (the items were
read as OP1, OP2, the rest of the preamble and the real operative paragraphs as other
text, or the import refused: "the label OP1 is used twice"). And in a text that numbers
none of its paragraphs, the operative part begins with its first paragraph after the
preamble ("Welcomes the report;"), not at its first "Decides"."""

from __future__ import annotations

import pytest

from drafting.readers import read_draft

PREAMBLE = ["The General Assembly,", "", "Recalling its resolution 70/1,", ""]


def _read(tmp_path, lines):
    path = tmp_path / "draft.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return read_draft(path)


@pytest.mark.parametrize("reporting", [
    "Recalling also its resolution 71/243, in which it decided:",
    "Recalling also that in the Paris Agreement the Conference of the Parties decides:",
    "Rappelant sa résolution 71/243, dans laquelle elle a décidé :",
])
@pytest.mark.parametrize("numbered", [True, False])
def test_a_preamble_reporting_a_decision_keeps_its_items(tmp_path, reporting, numbered):
    operative = ["Welcomes the work;", "", "Requests a report."]
    if numbered:
        operative = ["1. Welcomes the work;", "", "2. Requests a report."]
    read = _read(tmp_path, [*PREAMBLE, reporting, "(a) To enhance action;",
                            "(b) To support developing countries;", "",
                            "Noting the report,", "", *operative])
    assert [p.label for p in read.paragraphs] == ["PP1", "PP2", "PP3", "OP1", "OP2"]
    assert read.paragraphs[1].text == "\n".join([
        reporting, "(a) To enhance action;", "(b) To support developing countries;"])
    assert read.paragraphs[3].text.endswith("Welcomes the work;")


def test_a_decision_of_the_who_still_opens_its_items(tmp_path):
    """"having considered ..., decided:" after the chapeau: its subject is the chapeau's,
    and its items are the decision's operative paragraphs."""
    read = _read(tmp_path, ["The Executive Board,", "",
                            "having considered the report by the Director-General, decided:",
                            "", "(1) to note the report;", "",
                            "(2) to request a further report."])
    assert [p.label for p in read.paragraphs][-2:] == ["OP1", "OP2"]


def test_an_unnumbered_texts_operative_part_begins_after_its_preamble(tmp_path):
    read = _read(tmp_path, [*PREAMBLE, "Noting the report of the Secretary-General,", "",
                            "Welcomes the report;", "", "Encourages Member States to act;",
                            "", "Decides to convene a high-level meeting in 2027;", "",
                            "Requests the Secretary-General to report."])
    assert [(p.label, p.text.split()[0]) for p in read.paragraphs] == [
        ("PP1", "Recalling"), ("PP2", "Noting"), ("OP1", "Welcomes"),
        ("OP2", "Encourages"), ("OP3", "Decides"), ("OP4", "Requests")]
