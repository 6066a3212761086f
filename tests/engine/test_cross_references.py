"""A revision renumbers paragraphs; the words of a paragraph citing one by number ("the
report referred to in paragraph 2 above") stay as they are, and then cite another one.
The revision names each such paragraph for the secretariat to check."""

from __future__ import annotations

from datetime import UTC, datetime

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.model import Document, Paragraph, ParagraphKind, Revision

OP = ParagraphKind.OPERATIVE
ZERO = Revision("Zero draft", (
    Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR,
              "Recalling paragraph 2 of its resolution 70/1,"),
    Paragraph("p2", "OP1", OP, "Decides to convene a meeting;"),
    Paragraph("p3", "OP2", OP, "Requests the Secretary-General to submit a report;"),
    Paragraph("p4", "OP3", OP, "Decides that the report referred to in paragraph 2 above "
                               "shall cover paragraphs 1 and 4 of the present resolution;"),
    Paragraph("p5", "OP4", OP, "Invites States to consider paragraph 2 of decision 1/CP.29;"),
))
DOC = Document("A/C.3/81/L.30", "Reports", (ZERO,))


def _revised(**fields):
    amendment = draft_amendment(ZERO, Proposal(**fields), id="A1", proponents=["EU"],
                                submitted_at=datetime(2026, 11, 2, tzinfo=UTC))
    return revise(DOC, [amendment], Decisions(accepted=frozenset({"A1"})), label="Rev.1")


def test_a_paragraph_citing_one_renumbered_is_named():
    outcome = _revised(paragraph="OP1", new_paragraph="Decides also to act;")
    assert outcome.revision.by_label("OP4").text.startswith("Decides that the report")
    assert outcome.references == {  # the citations of other texts are not this one's
        "OP4": "cites 'paragraph 2 above': OP2 is OP3 in Rev.1; "
               "cites 'paragraphs 1 and 4 of the present resolution': OP4 is OP5 in Rev.1"}


def test_a_paragraph_citing_one_deleted_is_named():
    outcome = _revised(paragraph="OP2", delete_paragraph=True)
    assert outcome.references == {
        "OP2": "cites 'paragraph 2 above': OP2 is deleted in Rev.1; "
               "cites 'paragraphs 1 and 4 of the present resolution': OP4 is OP3 in Rev.1"}


def test_no_paragraph_renumbered_names_none():
    assert _revised(paragraph="OP2", replace="submit", with_="present").references == {}
