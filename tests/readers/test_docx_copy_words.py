"""An edited copy is diffed word by word, and still gives the smallest amendment.

The clean-copy diff codes each word as one character (diff-match-patch's line-mode trick)
so that its work grows with the words, not the characters; these cases hold it to the
amendment a negotiator would write by hand.
"""

from __future__ import annotations

import time

import pytest
from docx_builders import DOCUMENT, ZERO, Para, house, write_docx

from drafting.engine.anchoring import similarity
from drafting.model import AmendmentKind, Document, Paragraph, ParagraphKind, Revision, Span
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind
OP1, OP2, PP1 = (ZERO.by_label(label).text for label in ("OP1", "OP2", "PP1"))


def amendments(tmp_path, edits):
    path = write_docx(tmp_path / "copy.docx", house(ZERO, edits))
    result = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert not result.tracked and not result.warnings
    return [(a.kind, a.paragraph_id, a.span, a.anchor, a.old_text, a.new_text)
            for a in result.amendments]


@pytest.mark.parametrize(("edits", "expected"), [
    pytest.param({"OP1": [OP1.replace("submit", "present")]},
                 [(K.REPLACE, "op1", Span(34, 40), None, "submit", "present")],
                 id="a word replaced in the middle"),
    pytest.param({"OP1": [OP1.replace("report", "reports")]},
                 [(K.REPLACE, "op1", Span(43, 49), None, "report", "reports")],
                 id="a word given an ending: the whole word is replaced"),
    pytest.param({"OP2": [OP2.replace(", within", " within").replace(";", ".")]},
                 [(K.DELETE, "op2", Span(53, 54), None, ",", ""),
                  (K.REPLACE, "op2", Span(80, 81), None, ";", ".")],
                 id="punctuation removed and changed"),
    pytest.param({"PP1": ["Further " + PP1]},
                 [(K.INSERT, "pp1", Span(0, 0), Span(0, 9), "Recalling", "Further ")],
                 id="a word inserted at the start"),
    pytest.param({"OP1": [OP1[:-1] + " and fish workers;"]},
                 [(K.INSERT, "op1", Span(72, 72), Span(65, 72), "fishers",
                   " and fish workers")],
                 id="words inserted before the final semicolon"),
    pytest.param({"OP2": [OP2 + " Welcomes"]},
                 [(K.INSERT, "op2", Span(81, 81), Span(71, 81), "resources;", " Welcomes")],
                 id="a word inserted at the very end"),
    pytest.param({"PP1": [PP1.replace("Recalling", "Also recalling")]},
                 [(K.REPLACE, "pp1", Span(0, 9), None, "Recalling", "Also recalling")],
                 id="the first word changed and one put before it"),
])
def test_a_word_level_diff_gives_the_smallest_amendment(tmp_path, edits, expected):
    assert amendments(tmp_path, edits) == expected


def test_a_long_unlabelled_paragraph_is_matched_and_diffed_word_by_word(tmp_path):
    """Matching a paragraph without a label compares it word by word: a 60,000-character
    paragraph with one word changed is found, and its one change read, at once (compared
    character by character, as before, it took 80 seconds)."""
    long = " ".join(f"measure{n % 3000} of item {n}," for n in range(2_500)) + " done;"
    revision = Revision("Zero draft", (
        Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolutions,"),
        Paragraph("pp2", "PP2", ParagraphKind.PREAMBULAR, "Noting " + long),
        Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;")))
    document = Document(DOCUMENT.symbol, DOCUMENT.title, (revision,))
    edited = "Noting " + long.replace(" of item 1207,", " of item 1207 bis,")
    paragraphs = [Para(["Recalling its resolutions,"]), Para([edited]), Para(["Decides to act;"])]
    path = write_docx(tmp_path / "copy.docx", paragraphs, title="", subtitle="")
    started = time.perf_counter()
    result = read_docx_submission(path, document, delegation="EU")
    assert time.perf_counter() - started < 10
    [amendment] = result.amendments
    assert (amendment.kind, amendment.paragraph_id) == (K.INSERT, "pp2")
    assert (amendment.old_text, amendment.new_text) == ("1207", " bis")


def test_similarity_counts_the_characters_of_the_words_left_unchanged():
    assert similarity("", "") == 1.0
    assert similarity("submit a report", "submit a report") == 1.0
    assert similarity("submit a report", "present a report") == 2 * len(" a report") / 31
    assert similarity("alpha", "beta") == 0.0
