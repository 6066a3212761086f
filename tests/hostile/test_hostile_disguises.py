"""Text tricks that got past the look-alike checks: a space of another width inside a word
("sustain<U+3000>able", read as a word of its own beside "sustain able"), a hyphen of
another script in a Latin word ("non<U+058A>binding"), a numbered line planted at the
very start of a paragraph ("11.<tab>Decides ...;" and a line feed before its first
word), and option lines a direction mark hid from the reader ("Option 1<U+200F>").
Each refusal names the place and records nothing, by ``drafting amend``, a JSON file and
a Word file alike; the no-break spaces of French typography, the hyphens U+2010 and
U+2011, and the ideographic space of Chinese text are recorded as sent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import (
    MAIN,
    SYMBOL,
    document_xml,
    fingerprint,
    package_parts,
    paragraph,
    refused_line,
    run_cli,
    write_package,
)

from drafting.engine import Proposal, draft_amendment
from drafting.errors import AmendmentError
from drafting.model import Paragraph, ParagraphKind, Revision
from drafting.readers import read_text
from drafting.store import open_store


def _json(path: Path, *amendments: dict, delegation: str = "EU") -> Path:
    data = {"document": SYMBOL, "delegation": delegation, "amendments": list(amendments)}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _word(path: Path, before: str, inserted: str, after: str) -> Path:
    """A Word copy of the corpus draft whose OP1 reads ``before``, then ``inserted``
    as a tracked insertion by EU (a line feed in it a line break), then ``after``."""
    mark = 'w:author="EU" w:date="2026-11-02T10:00:00Z"'
    runs = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>'
                          for line in inserted.split("\n"))
    parts = package_parts()
    parts[MAIN] = document_xml(
        paragraph("Sustainable fisheries")
        + paragraph("PP1 Recalling its resolution 70/1 of 25 September 2015,")
        + f'<w:p><w:r><w:t xml:space="preserve">{before}</w:t></w:r>'
        f'<w:ins w:id="1" {mark}><w:r>{runs}</w:r></w:ins>'
        f'<w:r><w:t xml:space="preserve">{after}</w:t></w:r></w:p>'
        + paragraph("OP2 Decides to include the item in its provisional agenda;"))
    return write_package(path, parts)


def _refused_everywhere(capsys, negotiation: str, tmp_path: Path, proposal: dict,
                        word: Path | None, said: str, word_said: str = "") -> None:
    """``proposal`` (a JSON amendment to OP1) refused as ``said`` by ``drafting amend``,
    by a JSON file and (``word``) by a Word copy (as ``word_said``, if the Word reader
    reads the new words with the space before them), with nothing recorded."""
    before = fingerprint(negotiation)
    amend = [word for key, value in proposal.items() for word in (f"--{key}", value)]
    outcome = run_cli(capsys, "amend", SYMBOL, "OP1", "-d", "USA", *amend, "--yes", "--db",
                      negotiation)
    assert refused_line(outcome) == f"drafting: OP1: the new text, {said}"
    path = _json(tmp_path / "eu.json", {"paragraph": "OP1", **proposal})
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert refused_line(outcome) == f"drafting: {path}: 1 problem; nothing was recorded"
    assert f"amendment 1 (OP1): the new text, {said}" in outcome.err
    if word is not None:
        outcome = run_cli(capsys, "submit", SYMBOL, str(word), "--delegation", "EU", "--yes",
                          "--db", negotiation)
        assert refused_line(outcome) == \
            f"drafting: {word}, paragraph 3 (OP1), the new text, {word_said or said}"
    assert fingerprint(negotiation) == before


# Spaces of another width


@pytest.mark.parametrize("space", ["\u3000", "\u2003", "\u2009", "\u200a", "\u205f", "\u1680",
                                   "\u2007"],
                         ids=["ideographic", "em", "thin", "hair", "math", "Ogham", "figure"])
def test_a_space_of_another_width_in_new_words_is_refused(space, tmp_path, negotiation,
                                                          capsys):
    """It was recorded, and compiled as an alternative of its own beside the very same
    words typed with a space: "[submit / sustain able (EU) / sustain able (USA)]"."""
    from drafting.characters import describe

    said = (f"character 7: {describe(space)} is a space of another width than a "
            "keyboard's, so that the words it parts look like others they differ from; "
            "type an ordinary space (the no-break spaces U+00A0 and U+202F may stay)")
    word = _word(tmp_path / "eu.docx", "OP1 Requests the Secretary-General to submit a ",
                 f"sustain{space}able ", "report [within existing resources];")
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "submit", "with": f"sustain{space}able"}, word, said,
                        said.replace("character 7", "character 8"))


def test_every_space_separator_but_three_is_refused():
    """The refused spaces are every one Unicode calls a space separator (Zs) but the
    keyboard's and the no-break spaces U+00A0 and U+202F."""
    import sys
    import unicodedata

    from drafting.lookalikes import disguise

    spaces = [chr(n) for n in range(sys.maxunicode + 1) if unicodedata.category(chr(n)) == "Zs"]
    refused = [space for space in spaces if disguise(f"a{space}b") is not None]
    assert refused == [space for space in spaces if space not in " \u00a0\u202f"]


def test_no_break_spaces_and_chinese_spacing_are_recorded(tmp_path, negotiation, capsys):
    """French typography's no-break spaces (before ";", in "10 000") and the ideographic
    space between Chinese words are text as typed."""
    texts = (" 10\u00a0000 reports", " d\u2019ici\u202f;", " \u53ef\u6301\u7eed\u3000\u53d1\u5c55",
             " non\u2010binding and non\u2011binding", " \u0565\u0582\u058a\u0570\u0561\u0575")
    path = _json(tmp_path / "eu.json", *({"paragraph": "OP1", "insert": text, "after": "report"}
                                         for text in texts))
    outcome = run_cli(capsys, "submit", SYMBOL, str(path), "--yes", "--db", negotiation)
    assert outcome.code == 0, outcome.err
    with open_store(negotiation) as store:
        assert [a.new_text for a in store.amendments(SYMBOL)] == list(texts)


def test_a_space_the_paragraph_holds_may_stay_in_the_new_words():
    current = Revision("Zero draft", (Paragraph(
        "p1", "OP1", ParagraphKind.OPERATIVE, "Decides to act by 25\u2009September;"),))
    made = draft_amendment(current, Proposal("OP1", replace="25\u2009September",
                                             with_="30\u2009September"),
                           id="x", proponents=["EU"])
    assert made.new_text == "30\u2009September"


# Hyphens of other scripts


@pytest.mark.parametrize("hyphen", ["\u058a", "\u05be", "\u1806", "\ufe63", "\uff0d",
                                    "\u2e17", "\u02d7"],
                         ids=["Armenian", "maqaf", "Mongolian", "small", "full-width",
                              "double oblique", "modifier minus"])
def test_a_hyphen_of_another_script_in_a_latin_word_is_refused(hyphen, tmp_path, negotiation,
                                                               capsys):
    """It passed the mixed-script check (a hyphen parts words there): "non<U+058A>binding"
    reads as "non-binding", and no search for that finds it."""
    from drafting.characters import describe

    said = (f"character 3: the word 'non{hyphen}binding' holds {describe(hyphen)}, a hyphen "
            "of another script, as its character 4, so it looks like a word it is not; type "
            "the hyphen '-'")
    word = _word(tmp_path / "eu.docx", "OP1 Requests the Secretary-General to submit a ",
                 f"non{hyphen}binding ", "report [within existing resources];")
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "submit", "with": f"non{hyphen}binding"}, word, said,
                        said.replace("character 3", "character 4"))


def test_a_hyphen_after_a_latin_word_is_refused_but_not_beside_its_own_letters():
    current = read_text("# T\n\nOP1 Decides to act;\n").to_document("X/1").current
    with pytest.raises(AmendmentError, match=r"character 5: the word 'long\u058a' holds "
                                             r"U\+058A \(ARMENIAN HYPHEN\)"):
        draft_amendment(current, Proposal("OP1", insert=" long\u058a term", after="act"),
                        id="x", proponents=["EU"])
    for text in (" \u05d1\u05be\u05d0\u05d5\u05de\u05d5\u05ea", " \u05d4\u05beUNESCO",
                 " UNESCO\uff0d\u65e5\u672c"):  # Hebrew maqaf; before Latin; full-width in CJK
        made = draft_amendment(current, Proposal("OP1", insert=text, after="act"), id="x",
                               proponents=["EU"])
        assert made.new_text == text


# A numbered line at the very start of a paragraph


@pytest.mark.parametrize("number", ["11.\t", "11. ", "OP11 ", "11 bis. "])
def test_a_numbered_line_put_at_the_start_of_a_paragraph_is_refused(number, tmp_path,
                                                                    negotiation, capsys):
    """Only the lines after the new words' first were checked: inserted before the
    paragraph's first word, "11.<tab>Decides ...;" and a line feed made OP1 open with a
    paragraph 11 of the text's own."""
    new = f"{number}Decides to abolish small-scale fisheries quotas;\n"
    said = (f"character 0: the line '{number.strip()} ...' starts with a number as the text's "
            "own paragraphs do, so that once accepted it reads as a paragraph of its own; "
            "propose a new paragraph instead")
    word = _word(tmp_path / "eu.docx", "OP1 ", new, "Requests the Secretary-General to "
                 "submit a report [within existing resources];")
    _refused_everywhere(capsys, negotiation, tmp_path, {"insert": new, "before": "Requests"},
                        word, said)
    _refused_everywhere(capsys, negotiation, tmp_path,
                        {"replace": "Requests", "with": f"{new}Requests"}, None, said)


def test_a_line_start_inside_a_paragraph_is_a_start_too_and_words_after_one_are_not():
    current = Revision("Zero draft", (
        Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides:\nto act;"),
        Paragraph("p2", "OP2", ParagraphKind.OPERATIVE, "Decides:\n1.\tto act;")))
    with pytest.raises(AmendmentError, match=r"character 0: the line '12\. \.\.\.' starts"):
        draft_amendment(current, Proposal("OP1", insert="12. Decides to end;\n",
                                          before="to act"), id="x", proponents=["EU"])
    for proposal in (Proposal("OP1", insert=" 12. and", after="Decides:"),  # mid-line
                     Proposal("OP2", insert="2.\tto report;\n", before="1.\tto act")):
        assert draft_amendment(current, proposal, id="x", proponents=["EU"]).new_text


# Option lines a character that shows nothing hid


OPTION_BLOCKS = """# T

The Parties to this Agreement,

Have agreed as follows:

## Article 5

Option 1{mark}

1. Each Party shall establish a registry.

2. Each Party shall report on it.

Option 2:{mark}

1. Each Party shall take measures.

## Article 6

1. Parties shall cooperate.

2. Option 1:{mark} Parties shall establish a fund.

Option 2:{mark} No text
"""


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u061c", "\u00a0"],
                         ids=["RLM", "LRM", "ALM", "no-break space"])
def test_an_option_line_with_a_mark_after_it_is_an_option_line(mark):
    """"Option 1<U+200F>" was no option line: the import was refused ("the label 5.1 is
    used twice"), and "Option 2:<U+200F> No text" became the words "No text". The lines
    are stored as written, the mark kept."""
    draft = read_text(OPTION_BLOCKS.format(mark=mark))
    shown = [(str(p.label), p.text) for p in draft.to_document("X/1").current.paragraphs]
    kept = mark if mark != "\u00a0" else ""  # a line's trailing spaces are trimmed
    assert shown == [
        ("T1", "Have agreed as follows:"), ("H1", "Article 5"), ("H2", f"Option 1{kept}"),
        ("5 OPTION 1.1", "Each Party shall establish a registry."),
        ("5 OPTION 1.2", "Each Party shall report on it."), ("H3", f"Option 2:{kept}"),
        ("5 OPTION 2.1", "Each Party shall take measures."), ("H4", "Article 6"),
        ("6.1", "Parties shall cooperate."), ("6.2", "[Parties shall establish a fund.][]")]


def test_a_word_draft_with_a_mark_after_its_option_lines_reads_them_as_options(tmp_path):
    import docx

    from drafting.readers.docx_draft import read_docx_draft

    word = docx.Document()
    for line in ("UNEP/PP/INC.6/5", "The Parties to this Convention,", "Have agreed as follows:",
                 "Article 5", "Option 1\u200f", "1.\tEach Party shall establish a registry.",
                 "Option 2:\u200f", "1.\tEach Party shall take measures.", "Article 6",
                 "1.\tOption 1:\u200f Parties shall establish a fund.", "Option 2:\u200f No text"):
        word.add_paragraph(line)
    word.save(tmp_path / "draft.docx")
    draft = read_docx_draft(tmp_path / "draft.docx")
    shown = [(str(p.label), p.text) for p in draft.to_document("X/1").current.paragraphs]
    assert shown[2:] == [
        ("H2", "Option 1\u200f"), ("5 OPTION 1.1", "Each Party shall establish a registry."),
        ("H3", "Option 2:\u200f"), ("5 OPTION 2.1", "Each Party shall take measures."),
        ("H4", "Article 6"), ("6.1", "[Parties shall establish a fund.][]")]
