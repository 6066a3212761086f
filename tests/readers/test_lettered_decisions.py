"""A General Assembly decision: front matter, a title, "The General Assembly decides:"
and its items lettered "(a) To take note ...;" (French "a) De prendre note ... ;"). The
opening is the chapeau and each item an operative paragraph of its own (OP1, OP2, ...),
an item's own list ("(i)", "(ii)" after "(b) To request the Secretary-General:") its
lines. The items were all one preambular paragraph, PP1, each item a line of it."""

from __future__ import annotations

import pytest

from drafting.readers import read_text

SYMBOL = "A/C.5/80/L.12"
FRONT = [SYMBOL, "Eightieth session", "Fifth Committee", "Agenda item 140"]
TITLE = "Financing of the United Nations Interim Force in Lebanon"
OPENING = "The General Assembly decides:"
LETTERS = "abcdefghijk"


def test_a_general_assembly_decisions_lettered_items_are_its_operative_paragraphs():
    read = read_text("\n\n".join([
        *FRONT, TITLE, OPENING,
        "(a) To take note of the report of the Secretary-General;",
        "(b) To request the Secretary-General:",
        "(i) To report on the use of the commitment authority;",
        "(ii) To ensure full implementation of the relevant provisions;",
        "(c) To consider the question further at its resumed eightieth session."]))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("OP1", "To take note of the report of the Secretary-General;"),
        ("OP2", "To request the Secretary-General:\n(i) To report on the use of the "
                "commitment authority;\n(ii) To ensure full implementation of the relevant "
                "provisions;"),
        ("OP3", "To consider the question further at its resumed eightieth session.")]
    assert read.chapeau == OPENING and read.front_matter == tuple(FRONT)


def test_the_ninth_item_is_the_letter_i_not_a_list_of_the_eighth():
    items = [f"({letter}) To take note of document A/80/{n};"
             for n, letter in enumerate(LETTERS[:9], 1)]
    read = read_text("\n\n".join([*FRONT, TITLE, OPENING, *items]))
    assert [p.label for p in read.paragraphs] == [f"OP{n}" for n in range(1, 10)]
    assert read.paragraphs[8].text == "To take note of document A/80/9;"


def test_french_items_lettered_without_an_opening_bracket():
    read = read_text("\n\n".join([
        *FRONT, TITLE, "L\u2019Assemblée générale décide :",
        "a) De prendre note du rapport du Secrétaire général ;",
        "b) De prier le Secrétaire général :", "i) De faire rapport ;",
        "c) D\u2019examiner de nouveau la question."]))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("OP1", "De prendre note du rapport du Secrétaire général ;"),
        ("OP2", "De prier le Secrétaire général :\ni) De faire rapport ;"),
        ("OP3", "D\u2019examiner de nouveau la question.")]


@pytest.mark.parametrize("preamble", [
    ["The General Assembly,", "Recalling its resolution 79/1,", "Decides:"],
    ["The General Assembly,", "Having considered the report of the Secretary-General, "
                              "decides:"]])
def test_the_decision_formula_at_the_end_of_the_preamble_opens_lettered_items(preamble):
    read = read_text("\n\n".join([*FRONT, TITLE, *preamble, "(a) To take note of it;",
                                  "(b) To revert to it."]))
    assert [(p.label, p.text) for p in read.paragraphs][-2:] == [
        ("OP1", "To take note of it;"), ("OP2", "To revert to it.")]


def test_lettered_lines_after_a_resolutions_chapeau_stay_lines_of_a_paragraph():
    read = read_text("\n\n".join([
        *FRONT, TITLE, "The General Assembly,", "Recalling its resolution 79/1,",
        "1. Requests the Secretary-General:", "(a) To report to it;", "(b) To act.",
        "2. Decides to remain seized of the matter."]))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", "Recalling its resolution 79/1,"),
        ("OP1", "Requests the Secretary-General:\n(a) To report to it;\n(b) To act."),
        ("OP2", "Decides to remain seized of the matter.")]
