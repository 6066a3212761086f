"""Text tricks in amendments: a fake numbered paragraph planted through a line that only
looks empty (or through U+2029), words that look other than they are (a Cyrillic letter
in a Latin word, a combining stroke drawing inserted words as struck through, a Hangul
filler), and invisible characters that make two texts differ unseen. Each is refused
with its place, nothing recorded; texts that only look unusual (Russian beside a Latin
acronym, Persian with its joiners) are recorded; a draft holding such words is the
secretariat's, and is imported with a warning."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from corpus import DRAFT as DRAFT_TEXT
from corpus import SYMBOL, fingerprint, refused_line, run_cli

from drafting import characters
from drafting.engine import Proposal, draft_amendment
from drafting.engine.equivalent import same_made
from drafting.errors import AmendmentError
from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.readers import read_text
from drafting.store import StoreError, open_store

FAKE = "11.\tDecides to abolish small-scale fisheries quotas;"


def _json(path: Path, *amendments: dict, delegation: str = "EU") -> Path:
    data = {"document": SYMBOL, "delegation": delegation, "amendments": list(amendments)}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _refused(capsys, negotiation: str, path: Path) -> str:
    """What ``drafting submit`` says refusing ``path`` (checked to record nothing)."""
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {path}: 1 problem; nothing was recorded"
    assert fingerprint(negotiation) == before
    return outcome.err


# A line that only looks empty


@pytest.mark.parametrize("blank", ["\u200b", "\u00a0", "\u3000", "\u3164", " \u2060\t\u00a0"],
                         ids=["zero-width space", "no-break space", "ideographic space",
                              "Hangul filler", "mixed"])
def test_a_line_that_only_looks_empty_is_an_empty_line(blank, tmp_path, negotiation, capsys):
    text = f"report;\n{blank}\n{FAKE}"
    found = characters.problem(text, "paragraph")
    assert found is not None and found[0] == 7 and "an empty line" in found[1]
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--replace", "report",
                      "--with", text, "--yes", "--db", negotiation)
    assert refused_line(outcome).startswith(
        "drafting: OP1: the new text has a character 7: an empty line")
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", "replace": "report", "with": text})
    assert "amendment 1 (OP1): 'with', character 7: an empty line" in \
        _refused(capsys, negotiation, path)
    with open_store(negotiation) as store:  # the store's own check, for any other client
        current = store.document(SYMBOL).current
        forged = draft_amendment(current, Proposal("OP1", replace="report", with_="report;"),
                                 id="x", proponents=["EU"])
        forged = replace(forged, new_text=text)
        with pytest.raises(StoreError, match="amendment 1: the new text, character 7: an "
                                             "empty line"):
            store.submit(SYMBOL, [forged])
    assert fingerprint(negotiation) == before
    assert characters.problem(f"report;\n(a)\u200b to act;\n{FAKE}", "paragraph") is None


def test_a_draft_paragraph_with_a_line_that_only_looks_empty_is_refused(negotiation):
    before = fingerprint(negotiation)
    text = Document("NEW/1", "T", (Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides:\n\u00a0\n2. to act;"),)),))
    with open_store(negotiation) as store, \
            pytest.raises(StoreError, match="NEW/1 Zero draft, OP1, character 8: an empty"):
        store.add_document(text)
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize("separator", ["\u2029", "\u2028"])
def test_a_line_or_paragraph_separator_in_new_text_is_refused(separator, tmp_path, negotiation,
                                                               capsys):
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", "replace": "submit", "with":
                                        f"submit{separator}{separator}OP99 Decides to dissolve"
                                        f" the Committee;{separator}submit"})
    name = "PARAGRAPH SEPARATOR" if separator == "\u2029" else "LINE SEPARATOR"
    err = _refused(capsys, negotiation, path)
    assert f"amendment 1 (OP1): 'with', character 6: U+{ord(separator):04X} ({name}) is a " \
        "break that Word, Markdown and plain text do not read alike" in err
    assert separator not in err


# Words that look other than they are


@pytest.mark.parametrize(("new", "said"), [
    ("take n\u0336o\u0336 measures", "character 6: U+0336 (COMBINING LONG STROKE OVERLAY) draws "
     "the letter before it struck through, so that inserted words look deleted; remove it"),
    ("take measures \u0338", "character 14: U+0338 (COMBINING LONG SOLIDUS OVERLAY) draws"),
    ("take mea\u3164sures", "character 8: U+3164 (HANGUL FILLER) shows as a gap"),
    ("take \uffa0measures", "character 5: U+FFA0 (HALFWIDTH HANGUL FILLER) shows as a gap"),
    ("take effec\u200btive measures", "character 10: U+200B (ZERO WIDTH SPACE) shows nothing"),
    ("take effec\u2060tive measures", "character 10: U+2060 (WORD JOINER) shows nothing"),
    ("take effec\ufefftive measures", "character 10: U+FEFF (ZERO WIDTH NO-BREAK SPACE) shows"),
    ("take effective m\u0435asures", "character 16: the word 'm\u0435asures' mixes letters of two "
     "scripts: U+0435 (CYRILLIC SMALL LETTER IE) is its character 2, so it looks like a word "
     "it is not; type it in one script"),
    ("take \u03bfwn measures",
     "character 5: the word '\u03bfwn' mixes letters of two scripts: U+03BF (GREEK SMALL "
     "LETTER OMICRON) is its character 1"),
    ("take effective measures to \u0440rotect",
     "character 27: the word '\u0440rotect' mixes letters of two scripts: U+0440 (CYRILLIC "
     "SMALL LETTER ER) is its character 1, so it looks like a word it is not"),
], ids=["long stroke", "solidus", "filler", "halfwidth filler", "ZWSP", "WJ", "BOM",
        "Cyrillic", "Greek", "Cyrillic first"])
def test_words_that_look_other_than_they_are_are_refused(new, said, tmp_path, negotiation,
                                                         capsys):
    path = _json(tmp_path / "jpn.json", {"paragraph": "OP1", "replace": "submit", "with": new})
    err = _refused(capsys, negotiation, path)
    assert f"amendment 1 (OP1): the new text, {said}" in err
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--insert", new,
                      "--after", "report", "--yes", "--db", negotiation)
    assert refused_line(outcome).startswith(f"drafting: OP1: the new text, {said}")
    assert fingerprint(negotiation) == before


def test_a_replacement_that_looks_the_same_is_no_change(tmp_path, negotiation, capsys):
    for new in ("Requ\u0435sts", "Requ\u200bests", "R\u0435qu\u0435sts"):
        path = _json(tmp_path / "g77.json", {"paragraph": "OP1", "replace": "Requests",
                                             "with": new}, delegation="G77")
        err = _refused(capsys, negotiation, path)
        assert f"amendment 1 (OP1): replacing 'Requests' with '{new}' changes nothing a " \
            "reader sees (they differ only in characters that look alike or show nothing)" \
            in err


def test_texts_that_only_look_unusual_are_recorded(tmp_path, negotiation, capsys):
    # Russian with Latin words, Persian with its non-joiner, Greek beside Latin
    texts = ("представить ООН и UNESCO", "COVID-инфекция", "می\u200cخواهم", "CO₂ and Ελλάδα")
    path = _json(tmp_path / "eu.json", *({"paragraph": "OP1", "insert": f" {text}",
                                          "after": "report"} for text in texts))
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        assert [a.new_text for a in store.amendments(SYMBOL)] == [f" {t}" for t in texts]


def test_words_the_paragraph_holds_already_may_stay_in_the_new_words():
    """The secretariat's draft holds a mixed word and a zero-width space (read with a
    warning): a delegation proposing words around them is not refused for them."""
    draft = read_text("# T\n\nOP1 Requests the Secr\u0435tary-General to sub\u200bmit a report;\n")
    assert [w.message for w in draft.warnings] == [
        "line 3, character 21: the word 'Secr\u0435tary' mixes letters of two scripts: U+0435 "
        "(CYRILLIC SMALL LETTER IE) is its character 5, so it looks like a word it is not; "
        "type it in one script"]
    current = draft.to_document("X/1").current
    amendment = draft_amendment(current, Proposal(
        "OP1", replace="Secr\u0435tary-General to sub\u200bmit",
        with_="Secr\u0435tary-General to sub\u200bmit annually"), id="x", proponents=["EU"])
    assert amendment.new_text.endswith("annually")
    with pytest.raises(AmendmentError, match="the word 'Gen\u0435ral'"):
        draft_amendment(current, Proposal("OP1", replace="report", with_="Gen\u0435ral report"),
                        id="x", proponents=["EU"])


# Probe 9: what shows nothing, by one rule; a typed paragraph number; other alphabets


@pytest.mark.parametrize("blank", ["\u2800", "\u2062", "\u034f", "\ufe0f", "\u17b4",
                                   "\U0001d173", "\U000e0101", "\u0301", "\u200f\u180e"],
                         ids=["braille blank", "invisible times", "CGJ", "VS16", "Khmer",
                              "musical", "VS18", "mark with no base", "marks"])
def test_a_line_of_any_character_that_shows_nothing_is_an_empty_line(blank, negotiation,
                                                                      capsys):
    text = f"report;\n{blank}\n{FAKE}"
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--replace", "report",
                      "--with", text, "--yes", "--db", negotiation)
    assert refused_line(outcome).startswith(
        "drafting: OP1: the new text has a character 7: an empty line")
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize("number", ["11.\t", "11. ", "11 bis. ", "OP11 ", "  12.\t"])
def test_a_new_line_typed_as_a_numbered_paragraph_is_refused(number, tmp_path, negotiation,
                                                             capsys):
    """No empty line needed: one line feed, then "11.<tab>", reads in Rev.1 as a
    paragraph of the text's own."""
    new = f"report;\n{number}Decides to abolish small-scale fisheries quotas;"
    said = (f"character 8: the line '{number.strip()} ...' starts with a number as the "
            "text's own paragraphs do, so that once accepted it reads as a paragraph of its "
            "own; propose a new paragraph instead")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", "--replace", "report",
                      "--with", new, "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: OP1: the new text, {said}"
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", "replace": "report", "with": new})
    assert f"amendment 1 (OP1): the new text, {said}" in _refused(capsys, negotiation, path)
    assert fingerprint(negotiation) == before


def test_a_paragraph_of_numbered_items_takes_another():
    """Word-numbered sub-items "1.", "2." in the paragraph: a third is a sub-item too; and
    a line feed before words that are no paragraph number stays allowed."""
    current = Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides:\n1.\tto act;\n2.\tto report;"),
        Paragraph("p2", "OP2", ParagraphKind.OPERATIVE, "Requests a report;")))
    added = draft_amendment(current, Proposal("OP1", insert="\n3.\tto review;",
                                              after="to report;"), id="x", proponents=["EU"])
    assert added.new_text == "\n3.\tto review;"
    other = draft_amendment(current, Proposal("OP2", replace="report;", with_=(
        "report\nin 2027, in the six languages;")), id="y", proponents=["EU"])
    assert other.new_text.endswith("in 2027, in the six languages;")
    with pytest.raises(AmendmentError, match=r"the line '3\. \.\.\.' starts with a number"):
        draft_amendment(current, Proposal("OP2", replace="report;", with_=(
            "report;\n3.\tDecides to act;")), id="z", proponents=["EU"])


@pytest.mark.parametrize("char", ["\u2800", "\u180e", "\u2062", "\u2063", "\u034f", "\ufe0f",
                                  "\U000e0101", "\u17b4", "\U0001d173"])
def test_every_character_that_shows_nothing_is_refused_in_new_words(char, tmp_path,
                                                                    negotiation, capsys):
    path = _json(tmp_path / "usa.json", {"paragraph": "OP1", "replace": "submit",
                                         "with": f"pre{char}sent"}, delegation="USA")
    err = _refused(capsys, negotiation, path)
    assert f"amendment 1 (OP1): the new text, character 3: {characters.describe(char)} " in err


def test_joiners_and_marks_stay_but_compare_as_nothing(tmp_path, negotiation, capsys):
    """ZWJ and ZWNJ are needed by Arabic, Persian and Indic text: recorded; two proposals
    that differ only in them are one (`same_made`), and a delegation's repeat."""
    current = read_text(DRAFT_TEXT).to_document("X/1").current
    made = [same_made(current.by_label("OP1").text, draft_amendment(current, Proposal(
        "OP1", replace="submit", with_=f"present{joiner}ly"), id="x", proponents=["EU"]))
        for joiner in ("", "\u200c", "\u200d", "\u200e")]
    assert len(set(made)) == 1
    # where a joiner changes how letters are drawn (Persian, Hindi), it tells texts apart
    assert characters.visible("\u0645\u06cc\u200c\u062e") != characters.visible(
        "\u0645\u06cc\u062e")
    assert characters.visible("\u0915\u094d\u200d\u0937") != characters.visible(
        "\u0915\u094d\u0937")
    path = _json(tmp_path / "usa.json", {"paragraph": "OP1", "replace": "submit",
                                         "with": "presently"}, delegation="USA")
    assert run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation).code == 0
    path = _json(tmp_path / "usa.json", {"paragraph": "OP1", "replace": "submit",
                                         "with": "present\u200cly"}, delegation="USA")
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert "repeat what is already proposed" in refused_line(outcome)
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize(("new", "at", "said"), [
    ("\u13acmphasizes", 0, "mixes letters of two scripts: U+13AC (CHEROKEE LETTER GV)"),
    ("Empha\uabaaizes", 5, "mixes letters of two scripts: U+ABAA (CHEROKEE SMALL LETTER DU)"),
    ("Emp\u0570asizes", 3, "mixes letters of two scripts: U+0570 (ARMENIAN SMALL LETTER HO)"),
    ("Empha\u2c8fizes", 5, "mixes letters of two scripts: U+2C8F (COPTIC SMALL LETTER HATE)"),
    ("\uff35SA", 0, "two scripts: U+FF35 (FULLWIDTH LATIN CAPITAL LETTER U) is its character 1"),
    ("Empha\ua731izes", 5, "U+A731 (LATIN LETTER SMALL CAPITAL S) is a phonetic letter"),
    ("\U0001d5a4mphasizes", 0, "U+1D5A4 (MATHEMATICAL SANS-SERIF CAPITAL E) is a mathematical"),
], ids=["Cherokee E", "Cherokee s", "Armenian", "Coptic", "fullwidth", "small capital",
        "mathematical"])
def test_look_alike_letters_of_other_alphabets_are_refused(new, at, said, tmp_path,
                                                           negotiation, capsys):
    path = _json(tmp_path / "g77.json", {"paragraph": "OP1", "replace": "Requests",
                                         "with": new}, delegation="G77")
    assert f"amendment 1 (OP1): the new text, character {at}: " in \
        (err := _refused(capsys, negotiation, path)) and said in err


def test_other_scripts_and_fullwidth_words_are_recorded(tmp_path, negotiation, capsys):
    texts = ("UNESCO的报告", "ＵＮＥＳＣＯの報告", "تقرير UNESCO", "דו\"ח UNESCO",
             "می\u200cخواهم", "क्\u200dष रिपोर्ट", "Türkiye'nin ılımlı", "αβγ δ and Omega")
    path = _json(tmp_path / "eu.json", *({"paragraph": "OP1", "insert": f" {text}",
                                          "after": "report"} for text in texts))
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        assert [a.new_text for a in store.amendments(SYMBOL)] == [f" {t}" for t in texts]


@pytest.mark.parametrize("mark", ["\u061c", "\u200f", "\u200e\u2062"])
def test_an_insertion_that_shows_nothing_is_no_change(mark, negotiation, capsys):
    before = fingerprint(negotiation)
    outcome = run_cli(capsys, "amend", SYMBOL, "OP2", "-d", "G77", "--insert", mark,
                      "--before", "Decides", "--yes", "--db", negotiation)
    assert refused_line(outcome).startswith(
        f"drafting: OP2: inserting {characters.describe(mark[0])}")
    assert "changes nothing a reader sees" in outcome.err
    assert fingerprint(negotiation) == before
    current = read_text("# T\n\nOP1 Decides\u200f to act;\n").to_document("X/1").current
    with pytest.raises(AmendmentError, match=r"deleting U\+200F .* changes nothing a reader"):
        draft_amendment(current, Proposal("OP1", delete="\u200f"), id="x", proponents=["EU"])
