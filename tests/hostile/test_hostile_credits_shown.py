"""The compilation's credit as it shows (probe 13): "present (G77<U+200E>) / deliver",
tabled by the USA, compiled as an alternative of G77's with nothing to tell it apart; so
did "(G77)" in ornament or white parentheses, "(G-77)" and "(EU and G77)". Refused, by
``drafting amend``, a JSON file and a Word copy, nothing recorded. "the European Union
(EU)", tabled by the EU itself, was refused though the compilation credits it "(EU)"
anyway: recorded. A CJK ideograph newer than Python's Unicode table was refused as "not a
character": recorded, while an unassigned code point stays refused."""

from __future__ import annotations

import sys
import unicodedata

import pytest
from corpus import SYMBOL, fingerprint, refused_line, run_cli
from test_hostile_disguises import _json, _refused_everywhere, _word

from drafting.attributions import PARENTHESES
from drafting.characters import NEWER_IDEOGRAPHS, describe
from drafting.engine import Proposal, draft_amendment
from drafting.errors import AmendmentError
from drafting.model import Paragraph, ParagraphKind, Revision
from drafting.store import open_store

BEFORE, AFTER = ("OP1 Requests the Secretary-General to submit a ",
                 "report [within existing resources];")


def _forged(tag: str, who: str = "G77", at: int = 8) -> str:
    return (f"character {at}: '{tag}' is written as the compilation names who proposes "
            f"words, so that the words before it would read as {who}'s proposal; write the "
            f"name out instead of '{tag}', or let {who} table its own words")


def _word_refused(capsys, negotiation, word, tag: str, who: str = "G77") -> None:
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(word), "--delegation", "EU", "--yes",
                      "--db", negotiation)
    line = refused_line(outcome)
    assert line.startswith(f"drafting: {word}, the change to OP1: the new text, character ")
    assert f"'{tag}' is written as the compilation names who proposes words, so that the " \
           f"words before it would read as {who}'s proposal" in line
    assert fingerprint(negotiation) == before


# What shows nothing inside the tag


@pytest.mark.parametrize("tag", ["(G77\u200e)", "(\u200eG77)", "(G\u200d77)", "(G77\u200f)",
                                 "(G\u200c77)", "(G77\u061c)"],
                         ids=["LRM after", "LRM before", "ZWJ", "RLM", "ZWNJ", "ALM"])
def test_a_credit_with_a_mark_that_shows_nothing_inside_is_refused(tag, tmp_path, negotiation,
                                                                   capsys):
    """Each compiled as "[submit / present (G77) / deliver (USA)]" to the eye."""
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "submit", "with": f"present {tag} / deliver"}, None,
                        _forged("(G77)"))
    word = _word(tmp_path / "eu.docx", BEFORE, f"short {tag} / long ", AFTER)
    _word_refused(capsys, negotiation, word, "(G77)")


def test_the_offset_is_the_tags_in_the_words_as_sent():
    """Counted with the marks that show nothing (6 without them)."""
    current = Revision("Zero draft", (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE,
                                                "Decides to meet;"),))
    with pytest.raises(AmendmentError, match=r"character 8: '\(G77\)' is written"):
        draft_amendment(current, Proposal("OP1", insert=" \u200esoon\u200e (G\u200d77)",
                                          after="meet"),
                        id="x", proponents=["USA"], delegations=["USA", "G77"])


# Other parentheses, hyphens, separators


def test_every_parenthesis_unicode_names_draws_a_tag():
    named = {char for code in range(sys.maxunicode + 1)
             if unicodedata.category(char := chr(code)) in ("Ps", "Pe")
             and "PARENTHESIS" in unicodedata.name(char, "")}
    assert named == set("".join(PARENTHESES))
    assert all("LEFT" in unicodedata.name(char) for char in PARENTHESES[0])
    assert all("RIGHT" in unicodedata.name(char) for char in PARENTHESES[1])


@pytest.mark.parametrize("tag", ["\u2768G77\u2769", "\u276aG77\u276b", "\u27eeG77\u27ef",
                                 "\u2985G77\u2986", "\ufd3eG77\ufd3f", "\u2e28G77\u2e29",
                                 "\uff5fG77\uff60", "(G-77)", "(g\u201177)", "(EU and G77)",
                                 "(EU & G77)", "(EU / G77)", "(EU et G77)", "(EU y G77)",
                                 "(EU; supported by USA and G77)", "(G77) \u2215",
                                 "(G77)\u2044", "(G 77)", "(G\u00a077)", "(EU, G 77)"],
                         ids=["ornament", "flattened ornament", "mathematical", "white",
                              "ornate", "double", "full-width white", "hyphen",
                              "no-break hyphen", "and", "ampersand", "slash", "et", "y",
                              "supported and", "division slash", "fraction slash", "space",
                              "no-break space", "two codes, one spaced"])
def test_a_credit_in_other_parentheses_or_words_is_refused(tag, negotiation, capsys):
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--insert", f" soon {tag}",
                      "--after", "report", "--yes", "--db", negotiation)
    line = refused_line(outcome)
    tag = tag.rstrip(" \u2215\u2044")  # a slash drawn as " / " after it: the next alternative
    assert f"'{tag}' is written as the compilation names who proposes words" in line
    assert fingerprint(negotiation) == before


def test_ornament_parentheses_are_refused_in_a_json_file_and_a_word_copy(tmp_path, negotiation,
                                                                         capsys):
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "submit", "with": "present \u2768G-77\u2769 / deliver"},
                        None, _forged("\u2768G-77\u2769"))
    word = _word(tmp_path / "eu.docx", BEFORE, "short \u2985USA\u2986 / long ", AFTER)
    _word_refused(capsys, negotiation, word, "\u2985USA\u2986", "USA")


def test_words_in_parentheses_with_spaces_that_name_no_code_are_recorded(negotiation, capsys):
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--insert",
                      " soon (G 20 members)", "--after", "report", "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err


def test_a_code_written_with_a_hyphen_is_the_code_without():
    current = Revision("Zero draft", (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE,
                                                "Decides to meet;"),))
    with pytest.raises(AmendmentError, match=r"would read as G-77's proposal"):
        draft_amendment(current, Proposal("OP1", insert=" soon (G77)", after="meet"),
                        id="x", proponents=["USA"], delegations=["USA", "G-77"])


# The proponent's own name


def test_a_tag_naming_the_proponent_alone_is_recorded(tmp_path, negotiation, capsys):
    """"the European Union (EU)" by the EU compiles "the European Union (EU) (EU)" at
    worst: nothing another delegation did not propose."""
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--insert",
                      " by the European Union (EU)", "--after", "report", "--yes", "--db",
                      negotiation)
    assert outcome.code == 0, outcome.err
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", "replace": "submit",
                                        "with": "ask the European Union (EU) to submit"})
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    word = _word(tmp_path / "eu.docx", BEFORE, "short (EU) ", AFTER)
    outcome = run_cli(capsys, "submit", SYMBOL, str(word), "--delegation", "EU", "--yes",
                      "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        made = [(a.proponents, a.new_text.strip()) for a in store.amendments(SYMBOL)]
    assert made == [(("EU",), "by the European Union (EU)"),
                    (("EU",), "ask the European Union (EU) to submit"),
                    (("EU",), "short (EU)")]


def test_a_tag_naming_the_proponent_and_another_is_refused(tmp_path, negotiation, capsys):
    """The EU's own code is no excuse for G77's beside it: the refusal names G77 alone."""
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--insert", " soon (EU, G77)",
                      "--after", "report", "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: OP1: the new text, {_forged('(EU, G77)', at=6)}"
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", "replace": "submit",
                                        "with": "present (G77 and EU) / deliver"})
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {path}: 1 problem; nothing was recorded"
    assert f"amendment 1 (OP1): the new text, {_forged('(G77 and EU)')}" in outcome.err
    word = _word(tmp_path / "eu.docx", BEFORE, "short (EU/G77) / long ", AFTER)
    _word_refused(capsys, negotiation, word, "(EU/G77)")
    assert fingerprint(negotiation) == before


def test_a_standing_the_proponents_words_do_not_have_is_refused(negotiation, capsys):
    """"(retain: EU)" or "(supported by EU)" by the EU: the compilation marks no such
    standing of these words."""
    before = fingerprint(negotiation)
    for tag in ("(retain: EU)", "(supported by EU)"):
        outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "EU", "--insert", f" soon {tag}",
                          "--after", "report", "--yes", "--db", negotiation)
        assert refused_line(outcome) == (
            f"drafting: OP1: the new text, character 6: '{tag}' is written as the compilation "
            "marks a proposal to retain words or one supported by others, which these words "
            f"are not; remove '{tag}'")
    assert fingerprint(negotiation) == before


# Characters newer than Python's table


@pytest.mark.parametrize("char", ["\U00031350", "\U0002ebf0", "\U00033479"],
                         ids=["extension H", "extension I", "extension J"])
def test_a_cjk_ideograph_newer_than_pythons_table_is_recorded(char, tmp_path, negotiation,
                                                              capsys):
    """U+31350 (Unicode 15.0) was refused as "not a character of Unicode 14.0.0"."""
    words = f" \u4e2d\u56fd{char}\u57ce"
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "G77", "--insert", words,
                      "--after", "report", "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", "replace": "submit",
                                        "with": f"submit{words}"})
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        assert [a.new_text for a in store.amendments(SYMBOL)] == [words, f"submit{words}"]


@pytest.mark.parametrize("char", ["\U0003347a", "\U0002ee5e", "\U0003ffff", "\u0378"],
                         ids=["after J", "after I", "plane 3 end", "Greek hole"])
def test_a_code_point_unassigned_still_is_refused(char, tmp_path, negotiation, capsys):
    """"firmly" with one after it passed "already proposes" and compiled as a third
    "firmly" (probe 11): the newer ideographs open no such gap."""
    assert unicodedata.category(char) == "Cn"
    assert not any(low <= ord(char) <= high for low, high in NEWER_IDEOGRAPHS)
    said = (f"character 7: {describe(char)} is not a character of Unicode "
            f"{unicodedata.unidata_version} (this installation's table: one added since is "
            "taken once its Python knows it), which the fonts of a UN text draw as nothing or "
            "as a box, so that the text differs where no one sees it; remove it (or type the "
            "character it stands for)")
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"insert": f" firmly{char}", "after": "submit"}, None, said)
