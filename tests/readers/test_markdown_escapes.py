"""Markdown's backslash escapes, as pandoc writes them when it turns a Word draft into
Markdown: ``\\(a\\)`` is "(a)", ``\\[x\\]`` a bracket, a backslash at the end of a line
a line break; and what drafting's own Markdown writers escape reads back the same."""

from __future__ import annotations

import shutil
import string
import subprocess

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.engine.bracket_report import bracket_report
from drafting.inline_markdown import marked, unescaped, unmarked
from drafting.model import Mark, Paragraph, ParagraphKind, Style
from drafting.readers import read_draft
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.textfile import read_text
from drafting.writers.compilation_markdown import escape
from drafting.writers.textfile import write_text

PANDOC_MD = r"""A/HRC/58/L.40

Albania,\* Andorra\* and Spain: draft resolution

# Freedom of expression

The Human Rights Council,

*Recalling* all previous resolutions,

1\. *Calls upon* all States:

\(a\) To respect the right to freedom of expression;

\(b\) To refrain from \[arbitrary\] restrictions;

2\. *Urges* States to ensure \[that journalists are protected\] in law,\
and in practice;

3\. Decides to remain seized of the matter\_
"""


@pytest.mark.parametrize(("written", "read"), [
    (r"\(a\) To respect", "(a) To respect"),
    (r"\[arbitrary\] restrictions", "[arbitrary] restrictions"),
    (r"1\. Decides", "1. Decides"),
    (r"\#5 \_ \~ \` \| \{ \} \! \@ \$ \% \& \+ \= \> \? \^ \' \"",
     "#5 _ ~ ` | { } ! @ $ % & + = > ? ^ ' \""),
    (r"C:\\reports\[sic\]", r"C:\reports[sic]"),  # an escaped backslash, then a bracket
    (r"\a \é \ x", r"\a \é \ x"),  # before a letter, a non-ASCII one or a space: text
])
def test_a_backslash_before_ascii_punctuation_is_that_character(written, read):
    assert unescaped(written) == read
    assert unmarked(written) == (read, ())


def test_escapes_of_markup_can_be_kept_for_later():
    assert unescaped(r"\*not italic\* \[x\] \\\[", keep="\\*<") == r"\*not italic\* [x] \\["


def test_escaped_brackets_among_formatting_keep_the_marks_in_place():
    assert unmarked(r"*Urges* States to ensure \[that journalists are protected\]") == (
        "Urges States to ensure [that journalists are protected]",
        (Mark(0, 5, Style.ITALIC),))


def test_a_draft_converted_by_pandoc_reads_its_escapes():
    result = read_text(PANDOC_MD, name="pandoc.md", markdown=True)
    assert result.front_matter == ("A/HRC/58/L.40",
                                   "Albania,* Andorra* and Spain: draft resolution")
    assert [(p.label, p.kind, p.text) for p in result.paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR, "Recalling all previous resolutions,"),
        ("OP1", ParagraphKind.OPERATIVE, "Calls upon all States:\n(a) To respect the right "
         "to freedom of expression;\n(b) To refrain from [arbitrary] restrictions;"),
        ("OP2", ParagraphKind.OPERATIVE,
         "Urges States to ensure [that journalists are protected] in law,\nand in practice;"),
        ("OP3", ParagraphKind.OPERATIVE, "Decides to remain seized of the matter_"),
    ]
    assert result.paragraphs[2].marks == (Mark(0, 5, Style.ITALIC),)
    assert bracket_report(result.paragraphs).total == 2
    assert result.warnings == ()


def test_only_a_backslash_inside_a_paragraph_breaks_its_line():
    result = read_text("OP1 Decides, as C:\\\\\nreports say,\\\nto act\\\n\nOP2 Urges\\\n",
                       markdown=True)
    # an escaped backslash ends the first line; the one closing a block is text
    assert [p.text for p in result.paragraphs] == ["Decides, as C:\\ reports say,\nto act\\",
                                                   "Urges\\"]


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_a_markdown_file_reads_its_escapes_whatever_its_suffix(tmp_path, suffix):
    path = tmp_path / f"draft{suffix}"
    path.write_text("1\\. Decides to act \\[in 2027\\];\n", encoding="utf-8")
    assert [p.text for p in read_draft(path).paragraphs] == ["Decides to act [in 2027];"]


def test_an_escaped_hash_opens_no_heading():
    result = read_text("The General Assembly,\n\n\\# 5 is not a heading,\n\n1. Decides.\n",
                       markdown=True)
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "# 5 is not a heading,"), ("OP1", "Decides.")]


ROUND_TRIP = (
    Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR,
              r"Recalling the report \(A/79/123\) and \[sic\] the annex, path C:\reports\\",
              marks=(Mark(0, 9, Style.ITALIC),)),
    Paragraph("p2", "OP1", ParagraphKind.OPERATIVE,
              "Calls upon States, as set out in C:\\\n(a) To act [within existing resources] "
              "*now*;\n"
              "(b) To report\\", marks=(Mark(0, 10, Style.BOLD),)),
    Paragraph("p3", "OP2", ParagraphKind.OPERATIVE, r"Decides that 5 * 3 <u> \# \_ \\ \*"),
)


def test_drafting_s_markdown_reads_back_the_same():
    written = write_text("Title", ROUND_TRIP, chapeau="The General Assembly,", markdown=True)
    back = read_text(written, markdown=True)
    assert [(p.label, p.kind, p.text, p.marks) for p in back.paragraphs] == [
        (p.label, p.kind, p.text, p.marks) for p in ROUND_TRIP]


def test_a_draft_s_markdown_makes_no_link_or_image_of_its_words():
    markdown_it = pytest.importorskip("markdown_it")
    text = "Decides ![t](http://evil.example/t.png) [click](javascript:x) [a][b];"
    written = marked(text, (Mark(8, 12, Style.ITALIC),))
    html = markdown_it.MarkdownIt("commonmark").render(written)
    assert "<a " not in html and "<img" not in html and "[click](javascript:x)" in html
    assert unmarked(written) == (text, (Mark(8, 12, Style.ITALIC),))


def test_a_draft_s_front_matter_title_and_chapeau_make_no_html_or_link():
    """They were written as they stood, where the paragraphs were escaped: a draft's
    front matter could plant a script, a tracking image or a link in `show -o x.md`."""
    markdown_it = pytest.importorskip("markdown_it")
    front = ("<script>alert(1)</script>", '<img src="http://evil.example/p.png">',
             "[Open the annex](javascript:x)")
    title = "<img src=x onerror=alert(2)> Fisheries"
    chapeau = "The General *Assembly*,"
    paragraph = Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, "Decides to act;")
    written = write_text(title, [paragraph], front_matter=front, chapeau=chapeau,
                         markdown=True)
    html = markdown_it.MarkdownIt("commonmark").render(written)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    read = read_text(written, markdown=True)
    assert (read.front_matter, read.title, read.chapeau) == (front, title, chapeau)


@settings(max_examples=300)
@given(st.text(alphabet=string.punctuation + "ab \n", max_size=30))
def test_any_text_marked_up_reads_back_as_itself(text):
    assert unmarked(marked(text, ())) == (text, ())


@settings(max_examples=300)
@given(st.text(alphabet=string.punctuation + "ab ", max_size=30))
def test_what_a_markdown_compilation_escapes_reads_back_as_itself(text):
    assert unmarked(escape(text)) == (text, ())


def test_a_compilation_s_line_break_reads_back_as_a_line_break():
    text = "Urges States to act [now / soon] *_~`<,\nin law and in practice;"
    result = read_text(f"OP1 {escape(text)}\n", markdown=True)
    assert [p.text for p in result.paragraphs] == [text]


@pytest.mark.skipif(shutil.which("pandoc") is None,
                    reason="pandoc is not installed: cannot convert a Word draft to Markdown")
def test_a_word_draft_through_pandoc_reads_as_the_word_draft(tmp_path):
    word = docx.Document()
    for line in ["A/HRC/58/L.40", "Freedom of expression", "The Human Rights Council,",
                 "Recalling all previous resolutions,", "1.\tCalls upon all States:",
                 "(a)\tTo respect the right to freedom of expression;",
                 "(b)\tTo refrain from [arbitrary] restrictions;",
                 "2.\tUrges States to ensure [that journalists are protected] in law,\n"
                 "and in practice;",
                 "3.\tDecides to remain seized of the matter."]:
        word.add_paragraph(line)
    word.save(str(tmp_path / "draft.docx"))
    converted = subprocess.run(["pandoc", "-f", "docx", "-t", "markdown", "draft.docx"],
                               cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert r"\[arbitrary\]" in converted and r"\(a\)" in converted  # what pandoc escapes
    from_markdown = read_text(converted, name="draft.md", markdown=True)
    from_word = read_docx_draft(tmp_path / "draft.docx")

    def shape(result):  # pandoc writes a tab as a space
        return (result.front_matter, result.title, result.chapeau,
                [(p.label, p.kind, p.text.replace("\t", " ")) for p in result.paragraphs])

    assert shape(from_markdown) == shape(from_word)
