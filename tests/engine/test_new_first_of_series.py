"""A new paragraph before the first paragraph of a series: OP0 before OP1, 3.0 before 3.1."""

from datetime import UTC, datetime

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.engine.segments import NewParagraph
from drafting.engine.series import opens_series
from drafting.errors import AmendmentError
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.wording import describe

PP, OP, H = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE, ParagraphKind.HEADING
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
RESOLUTION = Revision("Zero draft", (
    Paragraph("p1", "PP1", PP, "Recalling its resolution 70/1,"),
    Paragraph("p2", "PP2", PP, "Stressing the importance of civic space,"),
    Paragraph("p3", "OP1", OP, "Decides to convene a panel discussion;"),
    Paragraph("p4", "OP2", OP, "Requests a report;"),
))
TREATY = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "Article 1", level=1),
    Paragraph("a1", "1.1", OP, "Parties shall act."),
    Paragraph("h2", "H2", H, "Article 2", level=1),
    Paragraph("a2", "2.1", OP, "Parties shall report."),
    Paragraph("a3", "2.2", OP, "Reports are public."),
))
SECTIONS = Revision("Zero draft", (
    Paragraph("p1", "PP1", PP, "Recalling,"),
    Paragraph("p2", "OP1", OP, "Decides;"),
    Paragraph("h1", "H1", H, "II. Follow-up", level=1),
    Paragraph("p3", "OP2", OP, "Requests;"),
))


def amendments(revision, *proposals):
    return [draft_amendment(revision, proposal, id=f"A{n}", proponents=["CHL"],
                            submitted_at=T0) for n, proposal in enumerate(proposals, 1)]


def shown(compilation):
    return [(e.label, e.before) if isinstance(e, NewParagraph) else e.paragraph.label
            for e in compilation.entries]


def test_a_series_opens_where_no_paragraph_of_its_prefix_and_section_stands_before():
    assert [opens_series(list(RESOLUTION), k) for k in range(4)] == [True, False, True, False]
    assert [opens_series(list(TREATY), k) for k in range(5)] == [
        True, True, False, True, False]
    assert [opens_series(list(SECTIONS), k) for k in range(4)] == [True, True, False, False]


def test_a_new_paragraph_before_op1_is_op0_and_the_revision_makes_it_op1():
    first, second, after = amendments(
        RESOLUTION, Proposal("OP1", new_paragraph="Condemns all reprisals;", place_before=True),
        Proposal("op1", new_paragraph="Welcomes the report;", place_before=True),
        Proposal("PP2", new_paragraph="Noting,"))
    assert first.precedes and first.paragraph_id == "p3"
    assert describe(first) == "new paragraph before it: 'Condemns all reprisals;'"
    compilation = merge(Document("X", "X", (RESOLUTION,)), [first, second, after])
    assert shown(compilation) == ["PP1", "PP2", ("PP2 bis", ""), ("OP0", "OP1"),
                                  ("OP0 bis", "OP1"), "OP1", "OP2"]
    outcome = revise(Document("X", "X", (RESOLUTION,)), [first, second, after],
                     Decisions(accepted=frozenset({"A1", "A2", "A3"})), label="Rev.1")
    assert [(p.label, p.kind, p.text) for p in outcome.revision] == [
        ("PP1", PP, "Recalling its resolution 70/1,"),
        ("PP2", PP, "Stressing the importance of civic space,"), ("PP3", PP, "Noting,"),
        ("OP1", OP, "Condemns all reprisals;"), ("OP2", OP, "Welcomes the report;"),
        ("OP3", OP, "Decides to convene a panel discussion;"), ("OP4", OP, "Requests a report;")]
    assert outcome.label_table["OP0"] == "OP1" and outcome.label_table["OP1"] == "OP3"
    assert outcome.revision.by_label("OP3").id == "p3"


def test_a_new_paragraph_before_an_articles_first_is_numbered_in_the_article():
    before, after_heading = amendments(
        TREATY, Proposal("2.1", new_paragraph="Each Party shall designate a focal point.",
                         place_before=True),
        Proposal("H2", new_paragraph="Parties shall cooperate."))
    compilation = merge(Document("X", "X", (TREATY,)), [before, after_heading])
    assert shown(compilation) == ["H1", "1.1", "H2", ("2.0", ""), ("2.0 bis", "2.1"),
                                  "2.1", "2.2"]
    outcome = revise(Document("X", "X", (TREATY,)), [before, after_heading],
                     Decisions(accepted=frozenset({"A1", "A2"})), label="Rev.1")
    assert [(p.label, p.text) for p in outcome.revision][2:] == [
        ("H2", "Article 2"), ("2.1", "Parties shall cooperate."),
        ("2.2", "Each Party shall designate a focal point."),
        ("2.3", "Parties shall report."), ("2.4", "Reports are public.")]


@pytest.mark.parametrize(("revision", "label", "instead"), [
    (RESOLUTION, "OP2", "OP1"), (RESOLUTION, "PP2", "PP1"), (TREATY, "2.2", "2.1"),
    (SECTIONS, "OP2", "H1"),  # numbered on from OP1: it follows the heading
])
def test_a_paragraph_in_the_middle_of_a_series_takes_no_new_one_before_it(
        revision, label, instead):
    with pytest.raises(AmendmentError, match=f"^{label}: a new paragraph goes after the "
                       f"paragraph it follows; .* propose it after {instead}$"):
        amendments(revision, Proposal(label, new_paragraph="Decides;", place_before=True))
