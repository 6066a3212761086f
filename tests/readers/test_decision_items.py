"""A decision as the World Health Organization's Executive Board lays it out: front
matter, a title, then one paragraph opening the decision ("The Executive Board, having
considered the report by the Director-General, decided:") and its items, each a Word
paragraph typed "(1)<tab>to ...;". The opening is the chapeau and each item an operative
paragraph of its own (OP1, OP2, its typed number kept); it was all one preambular
paragraph (PP6, after PP1 to PP5 made of the front matter), the items its lines, and a
delegation's new item "(3)" an insertion inside it."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from un_documents import Del, Draft, Ins, Para, libreoffice_docx

from drafting.model import AmendmentKind
from drafting.readers import read_docx_submission, read_draft, read_text

SYMBOL = "EB160/CONF./3"
FRONT = ["EXECUTIVE BOARD", "160th session", "Agenda item 12", SYMBOL]
TITLE = "Global strategy on digital health: draft decision proposed by Brazil and Ghana"
OPENING = ("The Executive Board, having considered the report by the Director-General, "
           "decided:")
ITEMS = ["to welcome the progress made in the implementation of the global strategy on "
         "digital health;",
         "to request the Director-General to extend the global strategy until [2030][2028];",
         "to note the financial and administrative implications in document EB160/12 Add.1."]
NEW = "to urge Member States to strengthen digital public infrastructure for health;"


def _labels(result) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in result.paragraphs]


def who_decision(path: Path, *, changed: bool = False) -> Path:
    """The decision as LibreOffice writes it; ``changed``: BRA's tracked copy, replacing
    the bracket of item (2) and inserting a new item "(3)" after it (not renumbering the
    next one)."""
    paragraphs = [Para((line,), "Front") for line in FRONT]
    paragraphs += [Para((TITLE,), "UNTitle"), Para((OPENING,), "Chapeau")]
    for number, item in enumerate(ITEMS, 1):
        if changed and number == 2:
            head, _, _ = item.partition("[")
            paragraphs.append(Para((f"(2)\t{head}", Del("[2030][2028]", "BRA"),
                                    Ins("2030", "BRA"), ";")))
            paragraphs.append(Para((f"(3)\t{NEW}",), "Body", False, Ins("x", "BRA")))
        else:
            paragraphs.append(Para((f"({number})\t{item}",)))
    draft = Draft(SYMBOL)
    draft.paragraphs = paragraphs
    return libreoffice_docx(draft, path)


@pytest.mark.parametrize("number", ["({})\t", "{}.\t"])
def test_the_items_of_a_decision_are_its_operative_paragraphs(number):
    lines = [*FRONT, TITLE, OPENING] + [number.format(n) + item for n, item in
                                         enumerate(ITEMS, 1)]
    read = read_text("\n\n".join(lines))
    assert _labels(read) == [("OP1", ITEMS[0]), ("OP2", ITEMS[1]), ("OP3", ITEMS[2])]
    assert read.chapeau == OPENING
    assert read.front_matter == tuple(FRONT) and read.title == TITLE


@pytest.mark.parametrize("opening", [
    "The Health Assembly decided:",
    "The Conference of the Parties decides as follows:",
    "The Seventy-ninth World Health Assembly, having considered the consolidated report by "
    "the Director-General, and noting the recommendations of the Executive Board, decided:",
    "Le Conseil exécutif, ayant examiné le rapport du Directeur général, a décidé :"])
def test_other_openings_of_a_decision(opening):
    read = read_text(f"{SYMBOL}\n\n{TITLE}\n\n{opening}\n\n(1) {ITEMS[0]}\n\n(2) {ITEMS[1]}")
    assert [p.label for p in read.paragraphs] == ["OP1", "OP2"]
    assert read.chapeau == opening


@pytest.mark.parametrize("preamble", [
    ["Having considered the report by the Director-General,", "Decided:"],
    ["Having considered the report by the Director-General, decided:"]])
def test_a_decision_formula_after_a_chapeau_opens_the_items(preamble):
    read = read_text("\n\n".join(["The Executive Board,", *preamble, f"(1) {ITEMS[0]}",
                                   f"(2) {ITEMS[1]}"]))
    assert _labels(read) == [*((f"PP{n}", text) for n, text in enumerate(preamble, 1)),
                             ("OP1", ITEMS[0]), ("OP2", ITEMS[1])]
    assert read.warnings == ()


def test_items_after_a_paragraph_ending_with_a_colon_stay_its_lines():
    read = read_text("The General Assembly,\n\nRecalling its resolution 70/1,\n\n"
                     "1. Requests the Secretary-General, as decided:\n\n(1) To act;\n\n"
                     "(2) To report;\n\n2. Decides to remain seized of the matter.")
    assert _labels(read) == [
        ("PP1", "Recalling its resolution 70/1,"),
        ("OP1", "Requests the Secretary-General, as decided:\n(1) To act;\n(2) To report;"),
        ("OP2", "Decides to remain seized of the matter.")]


def test_a_list_numbered_as_the_paragraphs_stays_the_lines_of_its_paragraph():
    """A number that repeats the paragraph's ("(2)" after "(2) ...:" and its "(1) ...")
    is the list's next item: only a number the list does not go on with opens one."""
    read = read_text("The Executive Board,\n\nHaving considered the report, decided:\n\n"
                     "(1) to welcome it;\n\n(2) to request, as follows:\n\n(1) one;\n\n"
                     "(2) two;\n\n(3) to note it.")
    assert _labels(read)[1:] == [("OP1", "to welcome it;"),
                                 ("OP2", "to request, as follows:\n(1) one;\n(2) two;"),
                                 ("OP3", "to note it.")]


def test_the_word_decision_and_a_delegations_new_item(tmp_path):
    source = who_decision(tmp_path / "draft.docx")
    read = read_draft(source)
    assert _labels(read) == [("OP1", ITEMS[0]), ("OP2", ITEMS[1]), ("OP3", ITEMS[2])]
    assert read.chapeau == OPENING and read.front_matter == tuple(FRONT)
    document = read.to_document(SYMBOL)
    op2 = document.current.by_label("OP2").id

    copy = read_docx_submission(who_decision(tmp_path / "bra.docx", changed=True), document,
                                delegation="BRA")
    assert [(a.paragraph_id, a.kind, a.old_text, a.new_text) for a in copy.amendments] == [
        (op2, AmendmentKind.REPLACE, "[2030][2028]", "2030"),
        (op2, AmendmentKind.NEW_PARAGRAPH, "", NEW)]
    assert copy.warnings == ()


def test_a_clean_copy_with_a_new_item_not_renumbered(tmp_path):
    source = tmp_path / "draft.docx"
    word = docx.Document()
    for line in [*FRONT, TITLE, OPENING]:
        word.add_paragraph(line)
    for n, item in enumerate(ITEMS, 1):
        word.add_paragraph(f"({n})\t{item}")
    word.save(str(source))
    document = read_draft(source).to_document(SYMBOL)
    op1 = document.current.by_label("OP1").id

    copy = docx.Document(str(source))
    copy.paragraphs[len(FRONT) + 3].insert_paragraph_before(f"(2)\t{NEW}")
    copy.save(str(tmp_path / "usa.docx"))
    read = read_docx_submission(tmp_path / "usa.docx", document, delegation="USA")
    assert [(a.paragraph_id, a.kind, a.new_text) for a in read.amendments] == [
        (op1, AmendmentKind.NEW_PARAGRAPH, NEW)]


def test_a_new_item_typed_before_the_lines_of_the_item_before_it(tmp_path):
    """A new "(3)" typed between "(2) ...:" and its "(a)": the "(3)" after "(b)" is still
    OP3, not a line of the items left after the new one (read as deleted)."""
    source = tmp_path / "draft.docx"
    word = docx.Document()
    for line in [*FRONT, TITLE, OPENING, f"(1)\t{ITEMS[0]}",
                 "(2)\tto request the Director-General:", "(a)\tto extend the strategy;",
                 "(b)\tto report;", f"(3)\t{ITEMS[2]}"]:
        word.add_paragraph(line)
    word.save(str(source))
    read = read_draft(source)
    assert [p.label for p in read.paragraphs] == ["OP1", "OP2", "OP3"]
    document = read.to_document(SYMBOL)
    op3 = document.current.by_label("OP3").id

    copy = docx.Document(str(source))
    copy.paragraphs[len(FRONT) + 4].insert_paragraph_before(f"(3)\t{NEW}")
    copy.save(str(tmp_path / "bra.docx"))
    found = read_docx_submission(tmp_path / "bra.docx", document, delegation="BRA")
    assert NEW in [a.new_text for a in found.amendments]
    assert all(a.paragraph_id != op3 for a in found.amendments)
