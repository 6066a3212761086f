"""A treaty article whose options are bracketed blocks ("[Option 1", "2.", "3. ...
Parties.]", "[Option 2", "2. ... plan.]", then the article's "4.") through a revision: the
block's closing "]" stays at the end of the option's last paragraph (a new paragraph
accepted after it takes it; a deleted last paragraph hands it back), an accepted change
that takes the "]" away is said, the options number on after the article's paragraphs
before them, and a citation of a number inside the blocks names the option paragraphs
that carried it."""

from __future__ import annotations

from datetime import UTC, datetime

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, RevisionOutcome, revise
from drafting.model import Document, Paragraph, ParagraphKind, Revision

OP, H = ParagraphKind.OPERATIVE, ParagraphKind.HEADING
T0 = datetime(2026, 11, 2, tzinfo=UTC)
ARTICLE = Revision("Zero draft", (
    Paragraph("h1", "H1", H, "Article 3"),
    Paragraph("a", "3.1", OP, "Each Party shall report."),
    Paragraph("h2", "H2", H, "[Option 1"),
    Paragraph("b", "3 OPTION 1.2", OP, "Each Party shall submit a plan by 2030."),
    Paragraph("c", "3 OPTION 1.3", OP, "The plan shall be reviewed by the Parties.]"),
    Paragraph("h3", "H3", H, "[Option 2"),
    Paragraph("d", "3 OPTION 2.2", OP, "Each Party may submit a plan.]"),
    Paragraph("e", "3.4", OP, "The review referred to in paragraph 3 of this article shall "
                              "be public."),
))


def _revised(*proposals: Proposal) -> RevisionOutcome:
    document = Document("T.1", "Agreement", (ARTICLE,))
    amendments = [draft_amendment(ARTICLE, proposal, id=f"A{n}", proponents=["JPN"],
                                  submitted_at=T0) for n, proposal in enumerate(proposals, 1)]
    return revise(document, amendments, Decisions(
        accepted=frozenset(a.id for a in amendments)), label="Rev.1")


def _text(outcome: RevisionOutcome) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in outcome.revision]


def test_a_new_paragraph_after_an_options_last_takes_the_blocks_closing_bracket():
    outcome = _revised(Proposal("3 OPTION 1.3", new_paragraph="The plan shall be published."))
    assert _text(outcome)[3:7] == [
        ("3 OPTION 1.2", "Each Party shall submit a plan by 2030."),
        ("3 OPTION 1.3", "The plan shall be reviewed by the Parties."),
        ("3 OPTION 1.4", "The plan shall be published.]"),
        ("H3", "[Option 2")]
    assert outcome.closings == (
        "the ']' closing '[Option 1' (H2) moves from 3 OPTION 1.3 to the end of "
        "3 OPTION 1.3 bis (now 3 OPTION 1.4), now the option's last paragraph",)
    assert _text(outcome)[-1] == ("3.5", ARTICLE.paragraphs[-1].text)


def test_a_deleted_last_paragraph_hands_the_bracket_back_and_the_options_number_on():
    outcome = _revised(Proposal("3.1", new_paragraph="Each Party shall publish its report."),
                       Proposal("3 OPTION 1.3", delete_paragraph=True))
    assert _text(outcome)[1:] == [
        ("3.1", "Each Party shall report."),
        ("3.2", "Each Party shall publish its report."),
        ("H2", "[Option 1"),
        ("3 OPTION 1.3", "Each Party shall submit a plan by 2030.]"),
        ("H3", "[Option 2"),
        ("3 OPTION 2.3", "Each Party may submit a plan.]"),
        ("3.4", ARTICLE.paragraphs[-1].text)]
    assert outcome.closings == (
        "the ']' closing '[Option 1' (H2) of 3 OPTION 1.3 (deleted) goes to the end of "
        "3 OPTION 1.2 (now 3 OPTION 1.3), now the option's last paragraph",)


def test_a_citation_of_a_number_inside_the_blocks_names_the_option_paragraphs():
    outcome = _revised(Proposal("3 OPTION 1.3", delete_paragraph=True))
    assert _text(outcome)[-1] == ("3.3", ARTICLE.paragraphs[-1].text)  # "3." is itself now
    assert outcome.references == {
        "3.3": "cites 'paragraph 3 of this article': 3 OPTION 1.3 is deleted in Rev.1"}


def test_an_accepted_change_taking_the_closing_bracket_away_is_said():
    outcome = _revised(Proposal("3 OPTION 2.2", replace="plan.]", with_="plan."))
    assert outcome.closings == (
        "the accepted amendments to 3 OPTION 2.2 took out the ']' closing '[Option 2' (H3): "
        "its '[' is left open; settle the bracket before the next revision",)


def test_taking_both_brackets_of_a_block_away_is_no_warning():
    outcome = _revised(Proposal("H3", replace="[Option 2", with_="Option 2"),
                       Proposal("3 OPTION 2.2", replace="plan.]", with_="plan."))
    assert outcome.closings == ()
    assert _text(outcome)[5:7] == [("H3", "Option 2"),
                                   ("3 OPTION 2.2", "Each Party may submit a plan.")]


def test_where_the_options_number_on_a_new_paragraph_after_the_last_stays_outside():
    numbered_on = Revision("Zero draft", (
        Paragraph("h1", "H1", H, "Article 3"),
        Paragraph("a", "3.1", OP, "Each Party shall report."),
        Paragraph("h2", "H2", H, "[Option 1"),
        Paragraph("b", "3.2", OP, "Each Party shall submit a plan by 2030.]"),
        Paragraph("h3", "H3", H, "[Option 2"),
        Paragraph("d", "3.3", OP, "Each Party may submit a plan.]"),
        Paragraph("e", "3.4", OP, "The plans shall be public."),
    ))
    document = Document("T.1", "Agreement", (numbered_on,))
    amendment = draft_amendment(numbered_on, Proposal(
        "3.3", new_paragraph="The Parties shall meet."), id="A1", proponents=["JPN"],
        submitted_at=T0)
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    assert outcome.closings == ()  # as the compilation showed it: "3.3 bis", after the "]"
    assert _text(outcome)[-3:] == [("3.3", "Each Party may submit a plan.]"),
                                   ("3.4", "The Parties shall meet."),
                                   ("3.5", "The plans shall be public.")]


def test_a_deleted_heading_whose_closing_bracket_stays_is_said():
    outcome = _revised(Proposal("H3", delete_paragraph=True))
    assert outcome.closings == (
        "the heading '[Option 2' (H3) was deleted but not the ']' ending 3 OPTION 2.2 "
        "(now 3.4): that ']' is left without its '['",)  # Option 1 is the article's now
    chosen = _revised(Proposal("H3", delete_paragraph=True),
                      Proposal("3 OPTION 2.2", delete_paragraph=True))
    assert chosen.closings == ()  # Option 2 taken out whole: Option 1 chosen
