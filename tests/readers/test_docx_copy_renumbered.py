"""A delegation that inserts a paragraph in its copy types a number for it: "2 bis.", or
the next number ("3.") with the rest renumbered, or left as they were. Each is the same
proposal: a new paragraph after OP2, the old OP3 unchanged wherever its number went."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn
from docx_builders import lines_docx

from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

HEAD = ["United Nations", "A/C.2/81/L.5", "Fisheries", "The General Assembly,",
        "Recalling its resolution 70/1,"]
OP1, OP2, OP3 = ("Decides to convene a meeting;", "Requests the Secretary-General to report;",
                 "Decides to remain seized of the matter.")
NEW = "Invites Member States to contribute to the fund;"


def _word(path, lines):
    return lines_docx(path, [*HEAD, *lines])


@pytest.mark.parametrize("typed", [
    pytest.param(["1.", "2.", "2 bis.", "3."], id="typed 2 bis"),
    pytest.param(["1.", "2.", "3.", "4."], id="typed 3, the old 3 renumbered 4"),
    pytest.param(["1.", "2.", "3.", "3."], id="typed 3, the old 3 left as it was"),
])
def test_a_paragraph_inserted_in_a_copy_is_new_however_it_is_numbered(tmp_path, typed):
    draft = _word(tmp_path / "draft.docx", [f"{n}.\t{t}" for n, t in
                                            zip("123", (OP1, OP2, OP3), strict=True)])
    document = read_draft(draft).to_document("A/C.2/81/L.5")
    copy = _word(tmp_path / "copy.docx", [f"{n}\t{t}" for n, t in
                                          zip(typed, (OP1, OP2, NEW, OP3), strict=True)])
    (amendment,) = read_docx_submission(copy, document, delegation="EU").amendments
    assert (amendment.kind, amendment.paragraph_id, amendment.new_text) == (
        AmendmentKind.NEW_PARAGRAPH, document.current.by_label("OP2").id, NEW)


def test_a_paragraph_rewritten_whole_under_its_own_number_is_still_that_paragraph(tmp_path):
    draft = _word(tmp_path / "draft.docx", [f"{n}.\t{t}" for n, t in
                                            zip("123", (OP1, OP2, OP3), strict=True)])
    document = read_draft(draft).to_document("A/C.2/81/L.5")
    copy = _word(tmp_path / "copy.docx", [f"1.\t{OP1}", f"2.\t{OP2}", f"3.\t{NEW}"])
    amendments = read_docx_submission(copy, document, delegation="EU").amendments
    assert {(a.kind, a.paragraph_id) for a in amendments} == {
        (AmendmentKind.REPLACE, document.current.by_label("OP3").id)}
    assert amendments[0].new_text.startswith("Invites")  # no new paragraph, no deletion


OP4 = "Requests the Secretary-General to report on the implementation of this resolution;"
OP5 = "Decides to include in the provisional agenda of its eighty-third session the item;"


def test_paragraphs_renumbered_past_a_new_one_and_edited_are_still_their_own(tmp_path):
    """The old 3 and 4, typed "4." and "5." after a paragraph inserted as "3." and both
    edited, amend OP3 and OP4: not OP3 rewritten as the new text, OP4 as OP3's."""
    draft = _word(tmp_path / "draft.docx", [f"{n}.\t{t}" for n, t in
                                            zip("1234", (OP1, OP2, OP4, OP5), strict=True)])
    document = read_draft(draft).to_document("A/C.2/81/L.5")
    edited_4 = OP4.replace("report on", "report annually on")
    edited_5 = OP5.replace("eighty-third", "eighty-fourth")
    copy = _word(tmp_path / "copy.docx", [f"1.\t{OP1}", f"2.\t{OP2}", f"3.\t{NEW}",
                                          f"4.\t{edited_4}", f"5.\t{edited_5}"])
    amendments = read_docx_submission(copy, document, delegation="EU").amendments
    label = {p.id: p.label for p in document.current.paragraphs}
    assert sorted((label[a.paragraph_id], a.kind.value, a.old_text, a.new_text)
                  for a in amendments) == [
        ("OP2", "new paragraph", "", NEW),
        ("OP3", "insert", "report", " annually"),  # after "report"
        ("OP4", "replace", "third", "fourth")]  # words are cut at hyphens


@pytest.mark.parametrize("edited", [False, True], ids=["as it was", "edited"])
def test_a_paragraph_deleted_with_the_rest_renumbered_is_a_deletion(tmp_path, edited):
    """The old 4 and 5, typed "3." and "4." once OP3 is gone, are OP4 and OP5: not OP3
    rewritten as OP4, OP4 as OP5, and OP5 deleted."""
    ops = (OP1, OP2, NEW, OP4, OP5)
    draft = _word(tmp_path / "draft.docx", [f"{n}.\t{t}" for n, t in
                                            zip("12345", ops, strict=True)])
    document = read_draft(draft).to_document("A/C.2/81/L.5")
    fourth = OP4.replace("report on", "report annually on") if edited else OP4
    copy = _word(tmp_path / "copy.docx", [f"1.\t{OP1}", f"2.\t{OP2}", f"3.\t{fourth}",
                                          f"4.\t{OP5}"])
    amendments = read_docx_submission(copy, document, delegation="EU").amendments
    label = {p.id: p.label for p in document.current.paragraphs}
    expected = [("OP3", "delete paragraph", NEW, "")]
    if edited:
        expected.append(("OP4", "insert", "report", " annually"))
    assert sorted((label[a.paragraph_id], a.kind.value, a.old_text, a.new_text)
                  for a in amendments) == expected



CALLS = "Calls upon States:"
ITEMS = ("(a)\tTo protect mangroves and coral reefs;", "(b)\tTo extend social protection;")
_TRACKED = {qn("w:author"): "Taro Yamada", qn("w:date"): "2026-12-06T00:00:00Z"}


@pytest.mark.parametrize("tracked", [False, True], ids=["edited copy", "tracked copy"])
def test_a_number_typed_twice_leaves_the_other_paragraphs_lines_their_own(tmp_path, tracked):
    """A new paragraph typed "3." before the old 3 (not renumbered) leaves OP1's
    sub-paragraph lines lines of OP1: they are not proposed as new paragraphs, nor
    deleted from OP1 (the repeated number used to make every Word paragraph a
    paragraph of its own)."""
    body = [f"1.\t{CALLS}", *ITEMS, f"2.\t{OP2}", f"3.\t{OP3}"]
    document = read_draft(_word(tmp_path / "draft.docx", body)).to_document("A/C.2/81/L.5")
    assert document.current.by_label("OP1").text.count("\n") == 2
    path = _word(tmp_path / "copy.docx", [*body[:-1], f"3.\t{NEW}", body[-1]])
    if tracked:  # the new paragraph, its words and its mark, inserted with Track Changes
        word = docx.Document(str(path))
        new = word.paragraphs[-2]._p
        inserted = new.makeelement(qn("w:ins"), {qn("w:id"): "1", **_TRACKED})
        for run in new.findall(qn("w:r")):
            inserted.append(run)
        new.append(inserted)
        mark = new.get_or_add_pPr().makeelement(qn("w:rPr"), {})
        mark.append(mark.makeelement(qn("w:ins"), {qn("w:id"): "2", **_TRACKED}))
        new.get_or_add_pPr().append(mark)
        word.save(str(path))
    read = read_docx_submission(path, document, delegation="JPN")
    assert read.tracked is tracked
    assert [(a.kind, a.paragraph_id, a.new_text) for a in read.amendments] == [
        (AmendmentKind.NEW_PARAGRAPH, document.current.by_label("OP2").id, NEW)]


BIS = "Invites Member States to cooperate;"
DECIDES = ("Decides:", "(a)\tTo consider the question at its eighty-second session;",
           "(b)\tTo include the item in the provisional agenda;")


@pytest.mark.parametrize(("bis", "last"), [
    pytest.param(BIS, OP3, id="the rest as it was"),
    pytest.param(BIS.replace("cooperate", "cooperate closely"), OP3, id="2 bis edited"),
    pytest.param(BIS, OP3.replace("seized", "actively seized"), id="the old 3 edited"),
])
def test_a_paragraph_typed_3_before_2_bis_is_new_and_the_others_their_own(tmp_path, bis,
                                                                          last):
    """A new paragraph typed "3." between OP2 (its sub-items too) and "2 bis.", the rest
    left as it was: one new paragraph after OP2, the typed number a guess; "2 bis." and
    the old "3." are matched by their text, not OP2 bis deleted, OP3 rewritten as the new
    text, and both re-added after it."""
    body = [f"1.\t{OP1}", f"2.\t{DECIDES[0]}", *DECIDES[1:], f"2 bis.\t{BIS}", f"3.\t{OP3}"]
    document = read_draft(_word(tmp_path / "draft.docx", body)).to_document("A/C.2/81/L.5")
    copy = _word(tmp_path / "copy.docx", [*body[:4], f"3.\t{NEW}", f"2 bis.\t{bis}",
                                          f"3.\t{last}"])
    amendments = read_docx_submission(copy, document, delegation="RUS").amendments
    label = {p.id: p.label for p in document.current.paragraphs}
    expected = [("OP2", "new paragraph", "", NEW)]
    if bis != BIS:
        expected.append(("OP2 bis", "insert", "cooperate", " closely"))
    if last != OP3:
        expected.append(("OP3", "insert", "remain", " actively"))
    assert sorted((label[a.paragraph_id], a.kind.value, a.old_text, a.new_text)
                  for a in amendments) == expected


def test_a_paragraph_typed_3_before_2_bis_in_a_french_draft(tmp_path):
    """As typed in a French draft ("a)", "b)", "2 bis."): one new paragraph after OP2."""
    body = ["1.\tPrie le Secrétaire général de lui présenter un rapport ;",
            "2.\tDécide :", "a)\tD'examiner la question à sa quatre-vingt-deuxième session ;",
            "b)\tD'inscrire la question à l'ordre du jour provisoire ;",
            "2 bis.\tInvite les États Membres à coopérer ;",
            "3.\tDécide de rester saisie de la question."]
    head = ["Nations Unies", "A/C.2/81/L.7", "Océans", "L'Assemblée générale,",
            "Rappelant sa résolution 78/10,"]
    new = "Encourage les organisations régionales à participer ;"

    def word(path, lines):
        made = docx.Document()
        for line in [*head, *lines]:
            made.add_paragraph(line)
        made.save(str(path))
        return path

    document = read_draft(word(tmp_path / "draft.docx", body)).to_document("A/C.2/81/L.7")
    copy = word(tmp_path / "copy.docx", [*body[:4], f"3.\t{new}", *body[4:]])
    amendments = read_docx_submission(copy, document, delegation="RUS").amendments
    assert [(a.kind, a.paragraph_id, a.new_text) for a in amendments] == [
        (AmendmentKind.NEW_PARAGRAPH, document.current.by_label("OP2").id, new)]


def test_a_paragraph_typed_3_before_2_bis_where_the_old_3_is_deleted(tmp_path):
    """The new "3." before "2 bis." and the old 3 deleted: a new paragraph after OP2 and
    OP3's deletion; "2 bis." stays OP2 bis (not deleted and re-added)."""
    body = [f"1.\t{OP1}", f"2.\t{OP2}", f"2 bis.\t{BIS}", f"3.\t{OP3}"]
    document = read_draft(_word(tmp_path / "draft.docx", body)).to_document("A/C.2/81/L.5")
    copy = _word(tmp_path / "copy.docx", [*body[:2], f"3.\t{NEW}", body[2]])
    amendments = read_docx_submission(copy, document, delegation="RUS").amendments
    label = {p.id: p.label for p in document.current.paragraphs}
    assert sorted((label[a.paragraph_id], a.kind.value, a.old_text, a.new_text)
                  for a in amendments) == [("OP2", "new paragraph", "", NEW),
                                           ("OP3", "delete paragraph", OP3, "")]
