"""A code after its own name (probe 17): "and the African Union (AU)", tabled by the USA
with AU a delegation, was refused as a credit forged to AU, though the compilation
writes it "+{and the African Union (AU)}+ (USA)": an abbreviation, ordinary UN drafting.
Recorded where the words before the tag spell the code out and the tag ends the words;
"the proposal of the Group (G77)", or a spelled-out name before " / " (where nothing
follows the tag and it reads as the alternative's credit), are refused still."""

from __future__ import annotations

import pytest
from corpus import SYMBOL, fingerprint, refused_line, run_cli

from drafting.attributions import forged_credit, spelled_out
from drafting.engine import Proposal, draft_amendment
from drafting.errors import AmendmentError
from drafting.model import Delegation, Paragraph, ParagraphKind, Revision
from drafting.store import open_store

CODES = ("USA", "EU", "AU", "G77", "AOSIS", "CARICOM")


@pytest.mark.parametrize(("words", "code"), [
    ("and the African Union", "AU"), ("with the European Union", "EU"),
    ("the Alliance of Small Island States", "AOSIS"), ("the Group of 77", "G77"),
    ("the Group of 77", "G-77"), ("the Caribbean Community", "CARICOM"),
    ("the non-aligned movement", "NAM"), ("Organisation internationale de la Francophonie",
                                          "OIF"),
    ("the Economic Community of West African States", "ECOWAS"),
    ("United States of America", "USA")])
def test_a_name_spells_its_code_out(words, code):
    assert spelled_out(words, code)


@pytest.mark.parametrize(("words", "code"), [
    ("the proposal of the Group", "G77"), ("soon", "G77"), ("", "EU"), ("Europe", "EU"),
    ("the G77", "G77"), ("the Group of 77 and China", "G77"), ("African Union and", "AU"),
    ("Union African", "AU"), ("and the Union", "AU"), ("of the Group of 77", "OG77")],
    ids=["no figures", "other word", "nothing", "one word", "the code itself",
         "a word after the name", "a linking word last", "out of order",
         "a linking word first", "a linking word first, skipped after"])
def test_other_words_do_not_spell_the_code_out(words, code):
    assert not spelled_out(words, code)


@pytest.mark.parametrize("new", [" and the African Union (AU)", " the Group of 77 (G 77)",
                                 " the Alliance of Small Island States (AOSIS)",
                                 " and the Caribbean Community \uff08CARICOM\uff09",
                                 " and the African Union (AU)\u200e"],
                         ids=["AU", "spaced", "of", "full-width", "a mark after"])
def test_a_code_ending_the_words_after_its_name_is_no_credit(new):
    assert forged_credit(new, CODES, "", ["USA"]) is None


@pytest.mark.parametrize(("new", "tag"), [
    (" the African Union (AU) / deliver", "(AU)"), (" [African Union (AU)] soon", "(AU)"),
    (" the proposal of the Group (G77)", "(G77)"), (" the African Union (AU, EU)", "(AU, EU)"),
    (" the Group of 77 (G77 and AU)", "(G77 and AU)"),
    (" the European Union (EU) (AU)", "(AU)")],
    ids=["before a slash", "before a bracket's close", "not spelled out", "two codes",
         "and", "after another tag"])
def test_a_tag_the_name_does_not_account_for_is_a_credit(new, tag):
    found = forged_credit(new, CODES, "", ["USA"])
    assert found is not None and f"'{tag}' is written as the compilation names" in found[1]


def test_retain_after_the_name_is_refused():
    found = forged_credit(" the Group of 77 (retain: G77)", CODES, "", ["USA"])
    assert found is not None and "'(retain: G77)'" in found[1]


def test_an_amendment_naming_the_african_union_is_drafted():
    current = Revision("Zero draft", (Paragraph(
        "p1", "OP1", ParagraphKind.OPERATIVE, "Welcomes the report of the Secretary-General;"),))
    made = draft_amendment(current, Proposal("OP1", insert=" and the African Union (AU)",
                                             after="Secretary-General"),
                           id="x", proponents=["USA"], delegations=CODES)
    assert made.new_text == " and the African Union (AU)"
    with pytest.raises(AmendmentError, match=r"character 14: '\(AU\)' is written as the "):
        draft_amendment(current, Proposal("OP1", replace="report", with_="African Union (AU) "
                                          "/ report"), id="x", proponents=["USA"],
                        delegations=CODES)


def test_amend_records_the_african_union_by_the_usa(negotiation, capsys):
    with open_store(negotiation) as store:
        store.add_delegation(Delegation("AU"))
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--insert",
                      " with the African Union (AU)", "--after", "report", "--yes", "--db",
                      negotiation)
    assert outcome.code == 0, outcome.err
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--insert",
                      " with the Group (G77)", "--after", "report", "--yes", "--db",
                      negotiation)
    assert "'(G77)' is written as the compilation names who proposes words" \
        in refused_line(outcome)
    assert fingerprint(negotiation) == before
    with open_store(negotiation) as store:
        assert [(a.proponents, a.new_text) for a in store.amendments(SYMBOL)] == [
            (("USA",), " with the African Union (AU)")]
