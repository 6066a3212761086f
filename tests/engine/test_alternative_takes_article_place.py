"""Article 13 deleted whole in Rev.1 while "[Article 13 alt" stands: the alternative kept
its name and stood before "Article 13" (the old Article 14), numbered on over the gap.
Negotiators deleting an article beside its alternative mean the alternative to replace
it: it takes the article's number and its paragraphs the article's labels (``13alt.1 ->
13.1``), its brackets kept (no word of it is agreed by deleting the other)."""

from __future__ import annotations

import pytest

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.model import Document, Revision
from drafting.readers import read_text

LINES = ["The Parties to this Agreement,", "Recognizing that plastic pollution is serious,",
         "Have agreed as follows:", "Article 1", "Definitions", "1. Terms are defined.",
         "Article 2", "Waste management", "1. Each Party shall manage waste.",
         "2. Parties shall cooperate.",
         "[Article 2 alt", "Waste management", "1. Each Party may manage waste.",
         "2. Parties may cooperate.]",
         "[Article 2 alt 2", "Waste management", "1. Parties shall reduce waste.]",
         "Article 3", "Financial mechanism", "1. A mechanism is hereby defined."]


def _revised(deleted: tuple[str, ...]):
    read = read_text("\n\n".join(LINES) + "\n", name="L3.md")
    zero = Revision("Zero draft", tuple(read.paragraphs))
    document = Document("L3", "Plastics", (zero,))
    amendments = [draft_amendment(zero, Proposal(label, delete_paragraph=True),
                                  id=f"A{n}", proponents=["NOR"])
                  for n, label in enumerate(deleted, 1)]
    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    return zero, outcome, [(p.label, p.text) for p in outcome.revision.paragraphs
                     if p.label[:1] in "H123"]


def test_the_first_alternative_takes_the_place_of_its_deleted_article():
    zero, outcome, shown = _revised(("H3", "H4", "2.1", "2.2"))  # Article 2 and its title
    assert shown == [
        ("H1", "Article 1"), ("H2", "Definitions"), ("1.1", "Terms are defined."),
        ("H3", "[Article 2"), ("H4", "Waste management"),
        ("2.1", "Each Party may manage waste."), ("2.2", "Parties may cooperate.]"),
        ("H5", "[Article 2 alt 2"), ("H6", "Waste management"),
        ("2alt2.1", "Parties shall reduce waste.]"),
        ("H7", "Article 3"), ("H8", "Financial mechanism"),
        ("3.1", "A mechanism is hereby defined.")]
    assert outcome.label_table["2alt.1"] == "2.1" and outcome.label_table["2.1"] == ""
    assert outcome.revision.by_label("2.1").id == zero.by_label("2alt.1").id  # its own


@pytest.mark.parametrize("deleted", [("2.1", "2.2"), ("H3", "2.1")],
                         ids=["its paragraphs only", "its heading and one paragraph"])
def test_an_alternative_stays_one_while_its_article_stands(deleted):
    _, _, shown = _revised(deleted)
    assert ("2alt.1", "Each Party may manage waste.") in shown
    assert any(text == "[Article 2 alt" for _, text in shown)
