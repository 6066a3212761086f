"""A General Assembly decision: front matter, a title, "The General Assembly decides:"
and its items lettered "(a) To take note ...;" (French "a) De prendre note ... ;"). The
opening is the chapeau and each item an operative paragraph of its own (OP1, OP2, ...),
an item's own list ("(i)", "(ii)" after "(b) To request the Secretary-General:") its
lines. The items were all one preambular paragraph, PP1, each item a line of it."""

from __future__ import annotations

import pytest
from docx_builders import para, word_lettered, write_docx

from drafting.readers import read_draft, read_text

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


def test_past_z_the_items_are_lettered_aa_bb_as_the_united_nations_letters_on():
    letters = [chr(ord("a") + n % 26) * (n // 26 + 1) for n in range(28)]
    items = [f"({letter}) To take note of document A/80/{n};"
             for n, letter in enumerate(letters, 1)]
    read = read_text("\n\n".join([*FRONT, TITLE, OPENING, *items]))
    assert [p.label for p in read.paragraphs] == [f"OP{n}" for n in range(1, 29)]
    assert read.paragraphs[27].text == "To take note of document A/80/28;"


def test_a_doubled_letter_is_no_item_where_it_does_not_follow_the_item_before():
    read = read_text("\n\n".join([
        *FRONT, TITLE, OPENING, *(f"({letter}) To take note of document A/80/{n};"
                                  for n, letter in enumerate(LETTERS[:9], 1)),
        "(ii) To take note of document A/80/10."]))
    labels = [p.label for p in read.paragraphs]
    assert labels[:9] == [f"OP{n}" for n in range(1, 10)] and "OP35" not in labels


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


def test_items_word_letters_after_the_decision_formula_are_its_operative_paragraphs(
        tmp_path):
    read = read_draft(word_lettered(tmp_path / "L12.docx", [
        *FRONT, TITLE, OPENING, "#To take note of the report of the Secretary-General;",
        "#To request the Secretary-General:", "##To report on the commitment authority;",
        "#To consider the question further at its resumed eightieth session."]))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("OP1", "To take note of the report of the Secretary-General;"),
        ("OP2", "To request the Secretary-General:\n(i) To report on the commitment "
                "authority;"),
        ("OP3", "To consider the question further at its resumed eightieth session.")]


def test_items_word_letters_under_a_resolutions_paragraph_stay_its_lines(tmp_path):
    read = read_draft(word_lettered(tmp_path / "L13.docx", [
        *FRONT, TITLE, "The General Assembly,", "Recalling its resolution 79/1,",
        "1.\tRequests the Secretary-General:", "#To report to it;", "#To act."]))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", "Recalling its resolution 79/1,"),
        ("OP1", "Requests the Secretary-General:\n(a) To report to it;\n(b) To act.")]


ITEMS_ON_BREAKS = ("(a)\tTo take note of the report of the Secretary-General;\n"
                   "(b)\tTo authorize commitments not exceeding [50 million] dollars;\n"
                   "(c)\tTo consider the question further.")


@pytest.mark.parametrize(("paragraphs", "warned"), [
    ([OPENING, ITEMS_ON_BREAKS], "the line '(b) ...' opens a decision's item but stands in "
                                 "the Word paragraph of OP1"),
    ([f"{OPENING}\n{ITEMS_ON_BREAKS}"], "the line '(a) ...' opens a decision's item but "
                                        "stands in the Word paragraph of PP1")])
def test_items_on_manual_line_breaks_are_warned_as_lines_of_one_paragraph(
        tmp_path, paragraphs, warned):
    path = write_docx(tmp_path / "L12.docx", [para(None, text) for text in
                                              [*FRONT, TITLE, *paragraphs]],
                      title="", subtitle="")
    read = read_draft(path)
    assert len(read.paragraphs) == 1 and "\n(c)\tTo consider" in read.paragraphs[0].text
    assert [w.message for w in read.warnings if warned in w.message] != []
    assert "Enter, not Shift+Enter" in read.warnings[-1].message


def test_an_items_own_list_on_manual_line_breaks_is_not_warned(tmp_path):
    path = write_docx(tmp_path / "L12.docx", [para(None, text) for text in [
        *FRONT, TITLE, OPENING, *(f"({letter})\tTo take note of document A/80/{n};"
                                  for n, letter in enumerate(LETTERS[:7], 1)),
        "(h)\tTo request the Secretary-General:\n(i)\tTo report;\n(ii)\tTo act;",
        "(i)\tTo consider the question further."]], title="", subtitle="")
    read = read_draft(path)
    assert [p.label for p in read.paragraphs] == [f"OP{n}" for n in range(1, 10)]
    assert read.warnings == ()


@pytest.mark.parametrize(("opening", "letters"), [
    ("Генеральная Ассамблея, рассмотрев доклад Генерального секретаря, постановляет:",
     ("а)", "б)", "в)")),
    ("إن الجمعية العامة تقرر ما يلي:", ("(أ)", "(ب)", "(ج)")),
    ("大会决定：", ("(a)", "(b)", "(c)"))])
def test_decisions_in_russian_arabic_and_chinese_letter_their_operative_paragraphs(
        opening, letters):
    read = read_text("\n\n".join([*FRONT, TITLE, opening,
                                  *(f"{letter} Item {n};" for n, letter in enumerate(letters, 1))]))
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("OP1", "Item 1;"), ("OP2", "Item 2;"), ("OP3", "Item 3;")]
    assert read.chapeau == opening


def test_arabic_items_letter_on_in_the_abjad_order():
    letters = ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)"]
    read = read_text("\n\n".join([*FRONT, TITLE, "إن الجمعية العامة تقرر ما يلي:",
                                  *(f"{letter} Item {n};" for n, letter in enumerate(letters, 1))]))
    assert [p.label for p in read.paragraphs] == [f"OP{n}" for n in range(1, 7)]
