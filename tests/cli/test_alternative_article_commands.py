"""Alternatives to a whole article as chairs' texts write them, end to end: "[Alt Article
13", "[Article 13 alt 2" (a second alternative), "[Article 13 bis alt", "[Article 13
(alternative)". Each was refused at import ("the label 13.1 is used twice"); each is now
a section of its own (``13alt``, ``13alt2``, ``13bisalt``), amended from the command line
and by a delegation's copy, and written back by Rev.1. And an alternative follows its
article's number when Rev.1 renumbers the articles ("Article 2 alt" stayed so after
Article 1 was deleted and Article 2 became Article 1)."""

from __future__ import annotations

import json

import docx
import pytest
from test_workflow_commands import drafting

from drafting.readers import read_draft

SYMBOL = "A/CONF.999/L.3"
HEAD = ["United Nations", SYMBOL, "Draft agreement on plastic pollution",
        "The Parties to this Agreement,", "Recognizing that plastic pollution is serious,",
        "Have agreed as follows:"]
ARTICLE_13 = ["Article 13", "Waste management",
              "1.\tEach Party shall ensure environmentally sound waste management.",
              "2.\tParties shall cooperate on capacity-building."]
ARTICLE_14 = ["Article 14", "Financial mechanism", "1.\tA mechanism is hereby defined."]


def _alternative(heading: str, words: str) -> list[str]:
    return [heading, "Waste management", f"1.\tEach Party shall, {words}, manage waste.",
            "2.\tParties may cooperate on capacity-building.]"]


def _word(path, lines):
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _ok(db, *args):
    done = drafting(db, *args)
    assert done.returncode == 0, (args, done.stderr)
    return done.stdout


LAYOUTS = {
    "Alt Article 13": ([*ARTICLE_13, *_alternative("[Alt Article 13", "as it sees fit")],
                       "13alt"),
    "Article 13 alt 2": ([*ARTICLE_13, *_alternative("[Article 13 alt", "where feasible"),
                          *_alternative("[Article 13 alt 2", "as it sees fit")], "13alt2"),
    "Article 13 bis alt": ([*ARTICLE_13, "Article 13 bis", "Plastic products",
                            "1.\tEach Party shall phase out single-use plastic products.",
                            *_alternative("[Article 13 bis alt", "as it sees fit")],
                           "13bisalt"),
    "Article 13 (alternative)": (
        [*ARTICLE_13, *_alternative("[Article 13 (alternative)", "as it sees fit")], "13alt"),
}


@pytest.mark.parametrize(("body", "key"), LAYOUTS.values(), ids=LAYOUTS)
def test_an_alternative_article_is_negotiated_and_revised(tmp_path, body, key):
    db, lines = tmp_path / "s.db", [*HEAD, *body, *ARTICLE_14]
    source = _word(tmp_path / "L3.docx", lines)
    _ok(db, "init")
    imported = drafting(db, "import", str(source), "--doc", SYMBOL)
    assert imported.returncode == 0 and "unbalanced" not in imported.stderr, imported.stderr
    _ok(db, "delegation", "add", "NOR", "EU")
    assert "Each Party shall, as it sees fit, manage waste." in _ok(
        db, "show", SYMBOL, "--para", f"{key}.1")
    counted = json.loads(_ok(db, "brackets", SYMBOL, "--json"))  # "[Article 13 alt" ... "]"
    alternatives = sum(line.startswith("[") for line in body)  # one bracket each
    assert (counted["total"], counted["unbalanced"]) == (alternatives, 0)
    _ok(db, "amend", SYMBOL, f"{key}.1", "-d", "NOR", "--replace", "as it sees fit",
        "--with", "in accordance with national circumstances", "--yes")
    copy = docx.Document(str(source))  # the EU's copy: a word of the alternative's 2.
    at = len(lines) - len(ARTICLE_14) - 1
    copy.paragraphs[at].runs[0].text = copy.paragraphs[at].text.replace("may", "shall")
    copy.save(str(tmp_path / "eu.docx"))
    submitted = _ok(db, "submit", SYMBOL, str(tmp_path / "eu.docx"), "-d", "EU", "--yes")
    assert f"{key}.2: replace 'may' -> 'shall'" in submitted
    _ok(db, "decide", "A1", "accept")
    _ok(db, "decide", "A2", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert written.returncode == 0 and "own layout" not in written.stderr, written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[-7:-3] == [
        lines[-7], "Waste management",
        "1.\tEach Party shall, in accordance with national circumstances, manage waste.",
        "2.\tParties shall cooperate on capacity-building.]"]
    labels = [p.label for p in read_draft(tmp_path / "rev1.docx").paragraphs]
    assert [label for label in labels if label[:1].isdigit()][-3:] == [
        f"{key}.1", f"{key}.2", "14.1"]


def test_an_alternative_follows_its_article_when_rev1_renumbers(tmp_path):
    """Article 1 deleted: Article 2 is Article 1 in Rev.1, and so is its alternative,
    its paragraphs ``1alt.1``, ``1alt.2``, in the text and in the Word document."""
    db = tmp_path / "s.db"
    lines = [*HEAD, "Article 1", "Definitions", "1.\tTerms are defined in the annex.",
             *(line.replace("13", "2") for line in ARTICLE_13),
             *_alternative("[Article 2 alt", "as it sees fit"),
             *(line.replace("14", "3") for line in ARTICLE_14)]
    _ok(db, "init")
    _ok(db, "import", str(_word(tmp_path / "L3.docx", lines)), "--doc", SYMBOL)
    _ok(db, "delegation", "add", "NOR")
    for n, label in enumerate(("H1", "H2", "1.1"), 1):
        _ok(db, "amend", SYMBOL, label, "-d", "NOR", "--delete-paragraph", "--yes")
        _ok(db, "decide", f"A{n}", "accept")
    revised = _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    assert "2alt.1 -> 1alt.1" in revised and "3.1 -> 2.1" in revised
    shown = _ok(db, "show", SYMBOL)
    assert "[Article 1 alt" in shown and "Article 2 alt" not in shown
    _ok(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[len(HEAD):] == [
        "Article 1", "Waste management", *ARTICLE_13[2:], "[Article 1 alt",
        "Waste management", "1.\tEach Party shall, as it sees fit, manage waste.",
        "2.\tParties may cooperate on capacity-building.]", "Article 2",
        "Financial mechanism", "1.\tA mechanism is hereby defined."]


def test_an_alternative_takes_the_place_of_its_article_deleted_in_rev1(tmp_path):
    """Article 2 deleted whole (heading, title, paragraphs): "[Article 2 alt" stood on
    before "Article 2" (the old Article 3). It is now Article 2, still bracketed, its
    paragraphs ``2.1``, ``2.2``, a proposal pending on ``2alt.1`` moved onto ``2.1``."""
    db = tmp_path / "s.db"
    lines = [*HEAD, "Article 1", "Definitions", "1.\tTerms are defined in the annex.",
             *(line.replace("13", "2") for line in ARTICLE_13),
             *_alternative("[Article 2 alt", "as it sees fit"),
             *(line.replace("14", "3") for line in ARTICLE_14)]
    _ok(db, "init")
    _ok(db, "import", str(_word(tmp_path / "L3.docx", lines)), "--doc", SYMBOL)
    _ok(db, "delegation", "add", "NOR")
    for n, label in enumerate(("H3", "H4", "2.1", "2.2"), 1):
        _ok(db, "amend", SYMBOL, label, "-d", "NOR", "--delete-paragraph", "--yes")
        _ok(db, "decide", f"A{n}", "accept")
    _ok(db, "amend", SYMBOL, "2alt.1", "-d", "NOR", "--replace", "as it sees fit", "--with",
        "where feasible", "--yes")
    revised = _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    assert "2alt.1 -> 2.1" in revised and "3.1 ->" not in revised
    shown = _ok(db, "show", SYMBOL)
    assert "[Article 2\n" in shown and "alt" not in shown and "Article 3" in shown
    assert "A5     2.1 " in _ok(db, "amendments", SYMBOL, "--status", "submitted")
    _ok(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[len(HEAD):] == [
        "Article 1", "Definitions", "1.\tTerms are defined in the annex.", "[Article 2",
        "Waste management", "1.\tEach Party shall, as it sees fit, manage waste.",
        "2.\tParties may cooperate on capacity-building.]", "Article 3",
        "Financial mechanism", "1.\tA mechanism is hereby defined."]


def test_the_chair_chooses_the_alternative_article_in_rev1(tmp_path):
    """`revise --choose 13=alt` was refused ("Zero draft has no paragraph 13"): now the
    alternative is Article 13 of Rev.1, its brackets gone, the article it replaces
    removed, in the text and in the secretariat's own Word document."""
    db, lines = tmp_path / "s.db", [*HEAD, *ARTICLE_13,
                                    *_alternative("[Article 13 alt", "as it sees fit"),
                                    *ARTICLE_14]
    _ok(db, "init")
    _ok(db, "import", str(_word(tmp_path / "L3.docx", lines)), "--doc", SYMBOL)
    assert "choose one: 13=original / 13=alt" in _ok(db, "brackets", SYMBOL, "--para", "H3")
    _ok(db, "delegation", "add", "NOR")
    _ok(db, "amend", SYMBOL, "13.1", "-d", "NOR", "--replace", "environmentally sound",
        "--with", "sound", "--yes")
    _ok(db, "decide", "A1", "accept")
    revised = _ok(db, "revise", SYMBOL, "--label", "Rev.1", "--choose", "13=alt")
    assert "13alt.1 -> 13.1" in revised and "13.1 -> (deleted)" in revised
    assert "A1 (NOR): 13.1: 'Article 13', where it stands, was not chosen (13=alt)" in revised
    assert "chose 13=alt: kept Article 13 alt, as Article 13; removed Article 13\n" in revised
    shown = _ok(db, "show", SYMBOL)
    assert "13.1              Each Party shall, as it sees fit, manage waste." in shown
    assert "alt" not in shown and "[" not in shown and "]" not in shown
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert written.returncode == 0 and "own layout" not in written.stderr, written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[len(HEAD):] == [
        "Article 13", "Waste management", "1.\tEach Party shall, as it sees fit, manage waste.",
        "2.\tParties may cooperate on capacity-building.", *ARTICLE_14]
