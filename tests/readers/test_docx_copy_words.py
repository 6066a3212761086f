"""An edited copy is diffed word by word, and still gives the smallest amendment.

The clean-copy diff codes each word as one character (diff-match-patch's line-mode trick)
so that its work grows with the words, not the characters; these cases hold it to the
amendment a negotiator would write by hand.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from docx_builders import DOCUMENT, ZERO, Para, house, ins, write_docx

from drafting.engine.anchoring import similarity
from drafting.limits import MAX_PARAGRAPH_CHARS
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


def _long_paragraph() -> tuple[Document, str, list[int]]:
    """A document whose PP2 is just under the length limit ("Noting measure0 of item 0,
    measure1 of item 1, ..."), and five items of it, spread over the paragraph, that an
    edit calls "N bis"."""
    items = []
    while sum(map(len, items)) + len(items) < MAX_PARAGRAPH_CHARS - 300:
        items.append(f"measure{len(items) % 3000} of item {len(items)},")
    text = "Noting " + " ".join(items) + " done;"
    revision = Revision("Zero draft", (
        Paragraph("pp1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolutions,"),
        Paragraph("pp2", "PP2", ParagraphKind.PREAMBULAR, text),
        Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;")))
    numbers = [k * len(items) // 6 for k in range(1, 6)]
    return Document(DOCUMENT.symbol, DOCUMENT.title, (revision,)), text, numbers


def _edited(path: Path, text: str, numbers: list[int], tracked: bool) -> Path:
    """A copy of `_long_paragraph`'s document with " bis" after each of ``numbers``."""
    parts: list = []
    rest = text
    for number in numbers:
        before, found, rest = rest.partition(f" of item {number},")
        assert found
        parts += [f"{before} of item {number}", ins(" bis") if tracked else " bis", ","]
    parts.append(rest)
    return write_docx(path, [Para(["Recalling its resolutions,"], "PP1"), Para(parts, "PP2"),
                             Para(["Decides to act;"], "OP1")])


@pytest.mark.parametrize("tracked", [False, True], ids=["edited copy", "tracked copy"])
def test_a_paragraph_near_the_limit_edited_in_five_places_reads_in_little_memory(
        tmp_path, tracked):
    """A paragraph of nearly 100,000 characters with " bis" put after five numbers gives
    the five insertions, whether diffed word by word (an edited copy) or tracked, and
    reading it takes a few megabytes, not the hundreds that a character diff (or reading
    the file with room for the largest file allowed) took."""
    document, text, numbers = _long_paragraph()
    path = _edited(tmp_path / "copy.docx", text, numbers, tracked)
    result = read_docx_submission(path, document, delegation="EU")
    assert result.tracked is tracked and not result.warnings
    found = [(a.kind, a.paragraph_id, a.old_text, a.new_text) for a in result.amendments]
    assert found == [(K.INSERT, "pp2", str(number), " bis") for number in numbers]
    for amendment, number in zip(result.amendments, numbers, strict=True):
        point = text.index(f" of item {number},") + len(f" of item {number}")
        assert amendment.span == Span(point, point)
    # Memory, on other places (so that no diff is remembered from the reading above);
    # tracing slows the diff down, past its time bound here, so only memory is checked.
    other = _edited(tmp_path / "other.docx", text, [n + 1 for n in numbers], tracked)
    tracemalloc.start()
    try:
        read_docx_submission(other, document, delegation="EU")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024, f"{peak / 1e6:.0f} MB"
