"""Clauses numbered on three levels (``1.2.1``, paragraph 1 of section ``1.2``), as IMO,
ICAO and ISO texts number them, and renumbering that carries a clause's sub-clauses
with it (``1.2`` -> ``1.3``: ``1.2.1`` -> ``1.3.1``)."""

from __future__ import annotations

import pytest

from drafting.errors import LabelError
from drafting.model.labels import Label, parse_label, renumber, sub_clause


@pytest.mark.parametrize(("text", "label"), [
    ("1.2.1", Label("OP", 1, 0, "1.2")), ("1.2.1 bis", Label("OP", 1, 1, "1.2")),
    ("1.2.3.4", Label("OP", 4, 0, "1.2.3")),
    ("3.1.21", Label("OP", 1, 20, "3")),  # the figure after 3.1 vicies, as before
])
def test_a_clause_on_three_levels_is_a_label(text, label):
    assert parse_label(text) == label
    assert str(label) == text


def test_a_clause_label_still_refuses_what_is_not_one():
    with pytest.raises(LabelError, match="is not a paragraph label"):
        parse_label("1.2.1.2.1")


def test_renumbering_moves_a_clauses_sub_clauses_with_it():
    table = renumber(["OP1", "1.1", "1.1.1", "1.1 bis", "1.2", "1.2.1", "OP1 bis", "OP2",
                      "2.1"])
    assert table == {"OP1": "OP1", "1.1": "1.1", "1.1.1": "1.1.1", "1.1 bis": "1.2",
                     "1.2": "1.3", "1.2.1": "1.3.1", "OP1 bis": "OP2", "OP2": "OP3",
                     "2.1": "3.1"}


def test_a_treaty_article_keeps_its_paragraphs_numbered_within_it():
    assert renumber(["3.1", "3.1 bis", "3.2", "4.1"]) == {
        "3.1": "3.1", "3.1 bis": "3.2", "3.2": "3.3", "4.1": "4.1"}


def test_sub_clauses_of_a_clause():
    assert sub_clause(parse_label("1.2.1"), parse_label("1.2").family)
    assert sub_clause(parse_label("1.2.1.1"), parse_label("1.2").family)
    assert sub_clause(parse_label("1.2"), parse_label("OP1").family)
    assert not sub_clause(parse_label("1.3.1"), parse_label("1.2").family)
    assert not sub_clause(parse_label("OP2"), parse_label("OP1").family)
    assert not sub_clause(parse_label("ANNEX.1"), parse_label("OP1").family)


def test_an_article_after_a_heading_is_no_sub_clause_of_the_paragraph_before():
    """A decision's OP1, then "Article 1" (a heading) and its paragraphs 1.1, 1.2: a new
    OP1 bis moves OP1's number on, never Article 1's."""
    assert renumber(["OP1", "OP1 bis", "H1", "1.1", "1.2"]) == {
        "OP1": "OP1", "OP1 bis": "OP2", "H1": "H1", "1.1": "1.1", "1.2": "1.2"}
