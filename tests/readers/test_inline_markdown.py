"""Inline formatting in Markdown: written from marks, read back as the same marks; a
lone asterisk or a symbol's star stays text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from un_documents import ga_draft, libreoffice_docx

from drafting.inline_markdown import marked, unmarked
from drafting.model import Mark, Style
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.textfile import read_text
from drafting.writers.textfile import write_text

IT, BOLD, SUP = Style.ITALIC, Style.BOLD, Style.SUPERSCRIPT


@pytest.mark.parametrize(("written", "text", "marks"), [
    ("*Recalling* its resolution", "Recalling its resolution", [Mark(0, 9, IT)]),
    ("**Decides** to act", "Decides to act", [Mark(0, 7, BOLD)]),
    ("***Urges*** States", "Urges States", [Mark(0, 5, BOLD), Mark(0, 5, IT)]),
    ("the 25<sup>th</sup> session", "the 25th session", [Mark(6, 8, SUP)]),
    ("<em>a</em><strong>b</strong>", "ab", [Mark(0, 1, IT), Mark(1, 2, BOLD)]),
    ("A/C.2/81/L.7* and 5 * 3", "A/C.2/81/L.7* and 5 * 3", []),
    ("a\\*b\\* \\<u> \\\\", "a*b* <u> \\", []),
    ("an *unclosed emphasis", "an *unclosed emphasis", []),
])
def test_inline_markdown_reads_as_marks(written, text, marks):
    assert unmarked(written) == (text, tuple(sorted(marks)))


words = st.lists(st.sampled_from(["Recalling", "its", "resolution", "a*b", "<x>", "25th",
                                  "\\", "States", "*"]), min_size=1, max_size=8)


@settings(max_examples=200)
@given(words=words, data=st.data())
def test_what_is_written_reads_back_as_the_same_text_and_marks(words, data):
    text = " ".join(words)
    starts = [0]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    marks = []
    for style in (IT, BOLD, SUP):  # each style on a run of whole words
        first = data.draw(st.integers(0, len(words) - 1))
        last = data.draw(st.integers(first, len(words) - 1))
        if data.draw(st.booleans()):
            marks.append(Mark(starts[first], starts[last] + len(words[last]), style))
    written = marked(text, marks)
    assert unmarked(written) == (text, tuple(sorted(marks)))


def test_a_word_drafts_formatting_survives_markdown_and_back(tmp_path):
    draft = read_docx_draft(libreoffice_docx(ga_draft(), tmp_path / "ga.docx"))
    written = write_text(draft.title, draft.paragraphs, front_matter=draft.front_matter,
                         chapeau=draft.chapeau, markdown=True)
    assert "*Noting with concern* the state" in written
    back = read_text(written, markdown=True)
    assert [(p.label, p.text, p.marks) for p in back.paragraphs] == [
        (p.label, p.text, p.marks) for p in draft.paragraphs]
    assert any(p.marks for p in back.paragraphs)
    plain = write_text(draft.title, draft.paragraphs)  # text: no markup at all
    assert "*" not in plain and read_text(plain).paragraphs[0].marks == ()


def test_a_paragraph_of_lone_asterisks_or_tags_is_read_in_one_pass():
    """Each asterisk that might open emphasis looked through the rest of the paragraph for
    its closing one, and the text read so far was joined again at each: a paragraph of
    lone asterisks ("*a *a *a ...") took time growing as its length squared (13,000 of
    them: more than ten seconds). Now where runs could close is found once, and the same
    text and marks come out."""
    lone = "*a " * 33_000
    assert unmarked(lone) == (lone, ())
    tags = "<u>" * 33_000
    assert unmarked(tags) == (tags, ())
    closed = "a* " * 33_000 + "*b*"
    text, marks = unmarked(closed)
    assert text == "a* " * 33_000 + "b" and marks == (Mark(99_000, 99_001, IT),)
