"""New words that change what is not theirs, or hide, or credit another (probe 11): a lone
combining mark inserted after the draft's "Requests" (its "s" became "ś" in Rev.1, stored
apart from its letter), overlays and enclosing marks that strike a letter through,
private-use and unassigned characters that the fonts of a UN text draw as nothing
("+{}+ (EU)", "[firmly (EU) / firmly (EU) / firmly (USA)]"), and words holding the
compilation's own credit, "present (G77) / deliver", tabled by the USA and compiled as an
alternative of G77's. Each refusal names the place and records nothing, by ``drafting
amend``, a JSON file and a Word file alike; what reads as text is recorded as sent."""

from __future__ import annotations

import unicodedata

import pytest
from corpus import SYMBOL, fingerprint, refused_line, run_cli
from test_hostile_disguises import _json, _refused_everywhere, _word

from drafting.characters import describe, visible
from drafting.engine import Proposal, draft_amendment, revise
from drafting.engine.decisions import Decisions
from drafting.errors import AmendmentError
from drafting.model import Amendment, AmendmentKind, Document, Paragraph, ParagraphKind, Revision
from drafting.model.amendment import Span
from drafting.readers import read_text
from drafting.store import open_store

OP1 = "OP1 Requests the Secretary-General to submit a report [within existing resources];"

# Marks: on a letter not the proponent's, striking letters through


def test_a_lone_mark_inserted_after_the_drafts_word_is_refused(tmp_path, negotiation, capsys):
    """It was recorded, compiled as "Requests+{\u0301}+ (EU)", and Rev.1 read "Requestś":
    the secretariat's "s" changed, and the text no longer NFC."""
    said = ("character 0: U+0301 (COMBINING ACUTE ACCENT) is a mark that stands on the "
            "character before the new words, which is not theirs, and changes it; give whole "
            "words (to change a word's accents, replace the word)")
    _refused_everywhere(capsys, negotiation, tmp_path, {"insert": "\u0301", "after": "Requests"},
                        None, said)
    _refused_everywhere(capsys, negotiation, tmp_path, {"replace": "the", "with": "\u0301the"},
                        None, said)
    # Word reads the insertion as the whole word it changes: refused as written apart
    word = _word(tmp_path / "eu.docx", "OP1 Requests", "\u0301",
                 " the Secretary-General to submit a report [within existing resources];")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(word), "--delegation", "EU", "--yes",
                      "--db", negotiation)
    assert refused_line(outcome) == (
        f"drafting: {word}, paragraph 3 (OP1), the new text, character 8: U+0301 (COMBINING "
        "ACUTE ACCENT) is written apart from the letter it goes on, not composed with it "
        "(Unicode NFC) as every text is kept; type the letter with its accent, '\u015b'")
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize("mark", ["\u20d2", "\u20d3", "\u20e5", "\u20e6", "\u20ea", "\u20eb",
                                  "\u20dd", "\u20e0", "\u20e4", "\u0488", "\u0489", "\u20d8"])
def test_an_overlay_or_enclosing_mark_in_new_words_is_refused(mark, tmp_path, negotiation,
                                                              capsys):
    """U+0334-U+0338 were refused, the vertical-line, reverse-solidus and arrow overlays and
    the enclosing marks (a "prohibited" circle-backslash over a letter) were not."""
    said = f"character 3: {describe(mark)} " + (
        "draws a sign around the letter before it (a circle, a crossed-out circle, a square "
        "...), so that the words look struck out or marked; remove it"
        if unicodedata.category(mark) == "Me" else
        "draws the letter before it struck through, so that inserted words look deleted; "
        "remove it")
    word = _word(tmp_path / "eu.docx", "OP1 Requests the Secretary-General to ",
                 f"sub{mark}mit ", "a report [within existing resources];")
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "submit", "with": f"sub{mark}mit"}, word, said,
                        said.replace("character 3", "character 4"))


def test_words_going_between_a_letter_and_its_mark_are_refused():
    """"x\u0331" has no composed form: its mark stays a character of its own, and new
    words put before it, or quoted words ending before it, would take it."""
    current = Revision("Zero draft", (Paragraph(
        "p1", "OP1", ParagraphKind.OPERATIVE, "Welcomes the x\u0331ala programme;"),))
    for proposal in (Proposal("OP1", insert="y", after="the x"),
                     Proposal("OP1", replace="the x", with_="an")):
        with pytest.raises(AmendmentError, match=r"the change begins or ends inside a letter: "
                                                 r"the paragraph's character 14, U\+0331"):
            draft_amendment(current, proposal, id="x", proponents=["EU"])
    made = draft_amendment(current, Proposal("OP1", replace="x\u0331ala", with_="new"),
                           id="x", proponents=["EU"])
    assert made.new_text == "new"


def test_accents_typed_apart_on_the_command_line_are_stored_composed(negotiation, capsys):
    """They were stored as typed, and Rev.1 then held text not in NFC."""
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--insert", " re\u0301sume\u0301",
                      "--after", "report", "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    assert "warning: insert: accents written as a letter plus a combining mark were stored " \
           "composed (Unicode NFC)" in outcome.err
    with open_store(negotiation) as store:
        assert [a.new_text for a in store.amendments(SYMBOL)] == [" r\u00e9sum\u00e9"]


def test_a_revised_paragraph_is_kept_composed():
    """An amendment recorded before marks were refused (built here as stored) still
    leaves Rev.1 in NFC."""
    text = "Reaffirms its commitment;"
    document = Document("X/1", "", (Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, text),)),))
    mark = Amendment(id="A1", kind=AmendmentKind.INSERT, paragraph_id="p1",
                     revision="Zero draft", proponents=("EU",), span=Span(9, 9),
                     anchor=Span(0, 9), old_text="Reaffirms", new_text="\u0301")
    outcome = revise(document, [mark], Decisions(accepted=frozenset({"A1"})), label="Rev.1")
    assert outcome.revision.paragraphs[0].text == "Reaffirm\u015b its commitment;"


# Characters no font draws alike


@pytest.mark.parametrize("char", ["\ue000", "\U0010fffd", "\U000f0000", "\u0378"],
                         ids=["private use", "plane 16", "plane 15", "unassigned"])
def test_a_private_use_or_unassigned_character_in_new_words_is_refused(char, tmp_path,
                                                                      negotiation, capsys):
    """Recorded before: " firmly" with one after it passed the "already proposes" check and
    compiled as a third "firmly" beside EU's and USA's."""
    kind = ("a private-use character" if unicodedata.category(char) == "Co" else
            f"not a character of Unicode {unicodedata.unidata_version} (this installation's "
            "table: one added since is taken once its Python knows it)")
    said = (f"character 7: {describe(char)} is {kind}, which the fonts of a UN text draw as "
            "nothing or as a box, so that the text differs where no one sees it; remove it "
            "(or type the character it stands for)")
    word = _word(tmp_path / "eu.docx", "OP1 Requests the Secretary-General to submit",
                 f" firmly{char}", " a report [within existing resources];")
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"insert": f" firmly{char}", "after": "submit"}, word, said)


def test_a_private_use_character_alone_changes_nothing_a_reader_sees(negotiation, capsys):
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--insert", "\ue000",
                      "--after", "Requests", "--yes", "--db", negotiation)
    assert refused_line(outcome) == (
        "drafting: OP1: inserting U+E000 changes nothing a reader sees (it holds only "
        "characters that show nothing); give the words to insert")
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--replace", "report",
                      "--with", "report\U0010fffd", "--yes", "--db", negotiation)
    assert "changes nothing a reader sees" in refused_line(outcome)
    assert fingerprint(negotiation) == before
    assert visible("firmly\U0010fffd") == visible("firmly\u0378") == "firmly"


def test_a_draft_with_a_private_use_character_is_read_with_a_warning():
    """The secretariat's text is never refused for what its words hold: said."""
    result = read_text("# T\n\nOP1 Decides to act \uf0b7 now;\n")
    assert result.paragraphs[0].text == "Decides to act \uf0b7 now;"
    assert any("U+F0B7 is a private-use character" in str(w) for w in result.warnings)


# The compilation's credit in new words


def test_new_words_crediting_another_delegation_are_refused(tmp_path, negotiation, capsys):
    """"present (G77) / deliver" by the USA compiled as "[submit / present (G77) / deliver
    (USA)]": an alternative G77 never proposed."""
    said = ("character 8: '(G77)' is written as the compilation names who proposes words, "
            "so that the words before it would read as G77's proposal; write the name out "
            "instead of '(G77)', or let G77 table its own words")
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "submit", "with": "present (G77) / deliver"}, None, said)
    word = _word(tmp_path / "eu.docx", "OP1 Requests the Secretary-General to submit a ",
                 "short (USA) / long ", "report [within existing resources];")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(word), "--delegation", "EU", "--yes",
                      "--db", negotiation)
    assert refused_line(outcome) == (
        f"drafting: {word}, the change to OP1: the new text, character 7: '(USA)' is written "
        "as the compilation names who proposes words, so that the words before it would read "
        "as USA's proposal; write the name out instead of '(USA)', or let USA table its own "
        "words")
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize("tag", ["(g77)", "(EU, USA)", "(EU; supported by G77)",
                                 "(retain: USA)", "\uff08\uff27\uff17\uff17\uff09",
                                 "(\u0415U)"],
                         ids=["small letters", "two", "supported", "retain", "full-width",
                              "Cyrillic E"])
def test_every_form_of_the_credit_is_refused(tag, negotiation, capsys):
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--insert", f" soon {tag}",
                      "--after", "report", "--yes", "--db", negotiation)
    assert "is written as the compilation names who proposes words" in refused_line(outcome) \
        or "mixes letters of two scripts" in refused_line(outcome) \
        or "(retain: USA)' is written as the compilation marks a proposal to retain words" \
        in refused_line(outcome)  # the USA's own: no retain of its
    assert fingerprint(negotiation) == before


def test_parentheses_that_read_as_text_are_recorded(tmp_path, negotiation, capsys):
    texts = (" (as G77 proposed)", " (FAO)", " under paragraph 3 (a)", " (2015)",
             " under Regulation (EU) 2023/1115 on deforestation-free products")  # EU law
    path = _json(tmp_path / "eu.json", *({"paragraph": "OP1", "insert": text, "after": "report"}
                                         for text in texts))
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        assert [a.new_text for a in store.amendments(SYMBOL)] == list(texts)


def test_a_credit_the_replaced_words_hold_may_stay():
    current = Revision("Zero draft", (Paragraph(
        "p1", "OP1", ParagraphKind.OPERATIVE,
        "Welcomes the proposal of the Group of 77 and China (G77);"),))
    made = draft_amendment(current, Proposal("OP1", replace="proposal of the Group of 77 and "
                                             "China (G77)", with_="Group of 77 (G77) plan"),
                           id="x", proponents=["EU"], delegations=["EU", "G77"])
    assert made.new_text == "Group of 77 (G77) plan"
    with pytest.raises(AmendmentError, match=r"'\(G77\)' is written as the compilation"):
        draft_amendment(current, Proposal("OP1", insert=" (G77)", after="Welcomes"), id="x",
                        proponents=["EU"], delegations=["EU", "G77"])
