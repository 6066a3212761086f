"""`revise --choose 2=alt`: the chair chooses between Article 2 and the alternatives set out
after it ("[Article 2 alt", "[Article 2 alt 2"). Before, "2=alt" was refused ("Zero draft
has no paragraph 2") and nothing could choose an article. Now the one chosen is Article 2,
its brackets gone, and the others are removed with their headings and paragraphs."""

from __future__ import annotations

import pytest

from drafting.bracket_choices import bracket_decisions
from drafting.engine import bracket_report
from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.decisions import split_choices
from drafting.engine.revise import Decisions, revise
from drafting.errors import InputError
from drafting.model import AmendmentStatus, Document, Revision
from drafting.readers import read_text

LINES = ["The Parties to this Agreement,", "Recognizing that plastic pollution is serious,",
         "Have agreed as follows:", "Article 1", "Definitions", "1. Terms are defined.",
         "Article 2", "Waste management", "1. Each Party shall manage waste.",
         "2. Parties shall [cooperate].",
         "[Article 2 alt", "Waste management", "1. Each Party may manage waste.",
         "2. Parties may cooperate.]",
         "[Article 2 alt 2", "Waste management", "1. Parties shall reduce waste.]",
         "Article 3", "Financial mechanism", "1. A mechanism is hereby defined."]
ZERO = Revision("Zero draft", tuple(read_text("\n\n".join(LINES) + "\n", name="L3.md")
                                    .paragraphs))
DOC = Document("L3", "Plastics", (ZERO,))


def _revised(choose, proposals=(), accepted=()):
    amendments = [draft_amendment(ZERO, Proposal(label, replace=old, with_=new),
                                  id=f"A{n}", proponents=["NOR"])
                  for n, (label, old, new) in enumerate(proposals, 1)]
    on_brackets, articles = split_choices(bracket_decisions(ZERO, choose=choose))
    decisions = Decisions(accepted=frozenset(accepted), brackets=on_brackets,
                          articles=articles)
    return revise(DOC, amendments, decisions, label="Rev.1")


def _text(outcome):
    return [(p.label, p.text) for p in outcome.revision.paragraphs if p.label[:1] in "H123"]


def test_the_alternative_chosen_is_the_article_its_brackets_settled():
    outcome = _revised(["2=alt"])
    assert _text(outcome) == [
        ("H1", "Article 1"), ("H2", "Definitions"), ("1.1", "Terms are defined."),
        ("H3", "Article 2"), ("H4", "Waste management"),
        ("2.1", "Each Party may manage waste."), ("2.2", "Parties may cooperate."),
        ("H5", "Article 3"), ("H6", "Financial mechanism"),
        ("3.1", "A mechanism is hereby defined.")]
    table = outcome.label_table
    assert (table["2alt.1"], table["2.1"], table["2alt2.1"]) == ("2.1", "", "")
    assert outcome.revision.by_label("2.1").id == ZERO.by_label("2alt.1").id
    assert bracket_report(ZERO).total == 3
    assert bracket_report(outcome.revision).total == 0


def test_a_second_alternative_is_chosen_by_its_number():
    outcome = _revised(["2 = alt 2"])
    assert _text(outcome)[3:6] == [("H3", "Article 2"), ("H4", "Waste management"),
                                   ("2.1", "Parties shall reduce waste.")]
    assert "Each Party may manage waste." not in [p.text for p in outcome.revision]


def test_choosing_the_original_removes_the_alternatives_and_their_proposals():
    outcome = _revised(["2=original"], [("2alt.1", "may", "shall"), ("2alt.2", "may", "must"),
                                        ("2.1", "manage", "reduce")], accepted=["A1"])
    assert _text(outcome)[3:7] == [
        ("H3", "Article 2"), ("H4", "Waste management"), ("2.1", "Each Party shall manage waste."),
        ("2.2", "Parties shall [cooperate].")]
    assert not any("alt" in p.text for p in outcome.revision)
    assert outcome.moot == {"A1": "2alt.1: '[Article 2 alt', where it stands, was not chosen "
                                  "(2=original); it has no effect"}
    assert [(s.amendment.id, s.reason) for s in outcome.stale] == [
        ("A2", "2alt.2: '[Article 2 alt', where it stands, was not chosen (2=original)")]
    status = {a.id: (a.status, a.paragraph_id) for a in outcome.amendments}
    assert status["A1"][0] is AmendmentStatus.ACCEPTED  # the decision stands, in the record
    assert status["A3"] == (AmendmentStatus.SUBMITTED, ZERO.by_label("2.1").id)


def test_the_brackets_report_lists_the_choice_on_the_article_and_its_alternatives():
    report = bracket_report(ZERO)
    choice = ("2=original", "2=alt", "2=alt2")
    assert [(c.label, c.choice) for c in report.paragraphs if c.choice] == [
        ("H3", choice), ("H5", choice), ("H7", choice)]
    assert report.count_of("2").label == "H3"  # by the article's number
    assert report.to_json()["paragraphs"][0]["choice"] == []
    assert _text(_revised(["H5=alt"]))[3] == ("H3", "Article 2")  # by a heading's label


@pytest.mark.parametrize(("choose", "said"), [
    (["2=alt3"], "Article 2 has no 'alt3' to choose; choose one of 2=original, 2=alt, 2=alt2"),
    (["2=alt", "2=original"], "Article 2 is chosen twice"),
    (["2=alt", "2.2=cooperate"], "2.2: --choose 2=alt removes it"),
    # an article with no alternative: said so, not "has no paragraph 3"
    (["3=alt"], r"'3=alt': Article 3 \(H9\) has no alternative set out after it to "
                r"choose; .* \(e\.g\. 3\.1=alt\)"),
])
def test_a_choice_that_does_not_fit_is_refused(choose, said):
    with pytest.raises(InputError, match=said):
        _revised(choose)


def test_a_new_article_after_an_alternative_not_chosen_stands_after_the_article():
    """ "Article 2 bis" (its title and text), accepted after 2alt.2, went with 2alt when
    2=original was chosen; it is an article of its own, after Article 2. A new paragraph
    inside 2alt still goes with it."""
    texts = ["Article 2 bis", "Reporting", "Parties shall report.", "They shall publish it."]
    amendments = [draft_amendment(ZERO, Proposal("2alt.2", new_paragraph=text), id=f"N{n}",
                                  proponents=["NOR"]) for n, text in enumerate(texts, 1)]
    amendments.append(draft_amendment(ZERO, Proposal("2alt.1", new_paragraph="Each Party "
                                                     "shall act."), id="N5", proponents=["NOR"]))
    for choose in ("2=original", "2=alt2"):
        on_brackets, articles = split_choices(bracket_decisions(ZERO, choose=[choose]))
        outcome = revise(DOC, amendments, Decisions(
            accepted=frozenset(a.id for a in amendments), brackets=on_brackets,
            articles=articles), label="Rev.1")
        shown = _text(outcome)
        start = shown.index(("H5", "Article 2 bis"))
        assert shown[start - 1][0].startswith("2.")
        assert shown[start:] == [
            ("H5", "Article 2 bis"), ("H6", "Reporting"), ("2bis.1", "Parties shall report."),
            ("2bis.2", "They shall publish it."), ("H7", "Article 3"),
            ("H8", "Financial mechanism"), ("3.1", "A mechanism is hereby defined.")]
        assert list(outcome.moot) == ["N5"]
        assert outcome.label_table["2alt.2 bis"] == "H5"


def test_a_choice_tells_what_it_kept_and_removed():
    (alt2,) = bracket_decisions(ZERO, choose=["2=alt2"])
    assert alt2.told == "2=alt2: kept Article 2 alt 2, as Article 2; removed Article 2, " \
                        "Article 2 alt"
    (original,) = bracket_decisions(ZERO, choose=["2=original"])
    assert original.told == "2=original: kept Article 2; removed Article 2 alt, Article 2 alt 2"
