"""A Word draft turned into Markdown by pandoc reads as the Word draft itself.

pandoc writes a Word draft's indented paragraphs as block quotes, its italic chapeau
and opening words in asterisks, and the formatting Markdown has no asterisks for as its
own forms: ``[words]{.underline}``, ``[words]{.smallcaps}``, ``^st^``, ``~2~``,
``~~struck~~``. A span's brackets are no negotiators' brackets. The pandoc checks run
where pandoc is installed (CI installs it); the forms are read without it too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from drafting.inline_markdown import marked, unmarked
from drafting.model import Style
from drafting.readers import read_draft
from drafting.readers.textfile import read_text
from drafting.writers.compilation_markdown import escape

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import numbered_draft

SAMPLE = Path(__file__).parents[2] / "samples" / "docx" / "zero-draft.docx"


def _pandoc(source: Path, target: Path, flavour: str) -> Path:
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    subprocess.run(["pandoc", str(source), "-t", flavour, "-o", str(target)], check=True,
                   timeout=60)
    return target


def _read(path: Path) -> tuple:
    result = read_draft(path)
    return (result.title, result.chapeau,
            [(p.label, p.text, p.marks) for p in result.paragraphs])


def _formatted_draft(path: Path) -> Path:
    word = docx.Document()
    for line in ("United Nations", "A/C.3/81/L.9", "The General Assembly,"):
        word.add_paragraph(line)
    for runs in ((("1.\t", ""), ("Decides", "italic"), (" to ", ""),
                  ("strengthen", "underline"), (" cooperation [in the 21", ""),
                  ("st", "superscript"), (" century];", "")),
                 (("2.\t", ""), ("Requests", "italic"), (" a report on H", ""),
                  ("2", "subscript"), ("O, ", ""), ("old words", "strike"), (" and the ", ""),
                  ("Small Caps", "small_caps"), (" style.", ""))):
        paragraph = word.add_paragraph()
        for words, form in runs:
            run = paragraph.add_run(words)
            if form in ("italic", "underline"):
                setattr(run, form, True)
            elif form:
                setattr(run.font, form, True)
    word.save(str(path))
    return path


@pytest.mark.parametrize("flavour", ["markdown", "gfm", "commonmark"])
def test_the_sample_draft_through_pandoc_reads_as_the_word_draft(tmp_path: Path, flavour):
    markdown = _pandoc(SAMPLE, tmp_path / "draft.md", flavour)

    assert _read(markdown) == _read(SAMPLE)


def test_formatting_pandoc_writes_in_its_own_forms_reads_as_the_word_draft(tmp_path: Path):
    draft = _formatted_draft(tmp_path / "draft.docx")
    markdown = _pandoc(draft, tmp_path / "draft.md", "markdown")
    assert "{.underline}" in markdown.read_text()  # pandoc's own form, read below

    assert _read(markdown) == _read(draft)
    op1 = read_draft(markdown).paragraphs[0]
    assert op1.text.count("[") == 1


def test_pandoc_forms_are_read_as_marks_and_their_brackets_as_no_brackets():
    text, marks = unmarked("*Decides* to [strengthen]{.underline} cooperation \\[in the "
                           "21^st^ century\\]; H~2~O, ~~old words~~ and "
                           "[Small Caps]{.smallcaps} [as said]{lang=\"fr\"}.")

    assert text == ("Decides to strengthen cooperation [in the 21st century]; H2O, old words "
                    "and Small Caps as said.")
    assert [(text[m.start:m.end], m.style) for m in marks] == [
        ("Decides", Style.ITALIC), ("strengthen", Style.UNDERLINE), ("st", Style.SUPERSCRIPT),
        ("2", Style.SUBSCRIPT), ("Small Caps", Style.SMALL_CAPS)]


@pytest.mark.parametrize("text", ["10^6 and 2^ words", "~5 per cent, ~ 7", "[USD 100] {x}",
                                  "[a]{not an attribute}", "a ~~ b ~~"])
def test_carets_tildes_and_braces_that_make_no_form_are_text(text):
    assert unmarked(text) == (text, ())


def test_a_draft_with_a_span_reads_one_bracket_where_it_has_one():
    result = read_text("# T\n\nThe General Assembly,\n\n1. *Decides* [to act]{.underline} "
                       "[now];\n", name="d.md", markdown=True)

    (op1,) = result.paragraphs
    assert op1.text == "Decides to act [now];"
    assert [(op1.text[m.start:m.end], m.style) for m in op1.marks] == [
        ("Decides", Style.ITALIC), ("to act", Style.UNDERLINE)]


def test_a_word_lettered_list_through_pandoc_reads_as_the_word_draft(tmp_path: Path):
    draft = numbered_draft(tmp_path / "draft.docx", (
        "To protect tenure rights;", "To improve access to markets;",
        "Option 1: [grant] Option 2: [loan];"), shown="%2.")
    markdown = _pandoc(draft, tmp_path / "draft.md", "markdown")
    assert "    a.  To protect" in markdown.read_text()  # an indented list, padded

    assert _read(markdown) == _read(draft)
    assert read_draft(markdown).paragraphs[2].text == (
        "Calls upon States:\na. To protect tenure rights;\nb. To improve access to markets;"
        "\nc. Option 1: [grant] Option 2: [loan];")


LISTED = """\
The General Assembly,

*Recalling* its resolutions,

1.  *Decides* that the goal shall be \\[USD 100 billion\\] \\[USD 300
    > billion\\] per year;

2.  *Urges* States to:

    a.  Double their contributions;

    b.  Option 1: \\[grant\\] Option 2: \\[loan\\];

    ii.  Report on progress;

3.  *Decides* to remain seized of the matter.
"""


def test_list_items_lettered_padded_and_quoted_inside_read_as_lines_of_their_paragraph():
    result = read_text(LISTED, name="d.md", markdown=True)

    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolutions,"),
        ("OP1", "Decides that the goal shall be [USD 100 billion] [USD 300 billion] per year;"),
        ("OP2", "Urges States to:\na. Double their contributions;\n"
                "b. Option 1: [grant] Option 2: [loan];\nii. Report on progress;"),
        ("OP3", "Decides to remain seized of the matter.")]
    assert result.warnings == ()


def test_dashes_as_pandoc_writes_them_are_dashes_and_escaped_hyphens_hyphens():
    result = read_text("# T\n\nThe General Assembly,\n\n1. *Proclaims* the Decade "
                       "(2021--2030) --- a decade of action; a\\--b stays;\n\n---\n\n"
                       "2. Decides to act.\n", name="d.md", markdown=True)

    assert [p.text for p in result.paragraphs][:1] == [
        "Proclaims the Decade (2021\u20132030) \u2014 a decade of action; a--b stays;"]


def test_the_sample_draft_with_its_dashes_through_pandoc_reads_as_the_word_draft(
        tmp_path: Path):
    word = docx.Document(str(SAMPLE))
    for paragraph in word.paragraphs:
        if "2030" in paragraph.text and paragraph.runs:
            paragraph.runs[-1].text += " (2021\u20132030) \u2014 and a--b"
    draft = tmp_path / "draft.docx"
    word.save(str(draft))
    markdown = _pandoc(draft, tmp_path / "draft.md", "markdown")
    assert "2021--2030" in markdown.read_text()

    assert _read(markdown) == _read(draft)


FOOTNOTED = """\
United Nations

A/HRC/61/L.3

# Human rights and climate change

*The Human Rights Council*,

*Recalling* its resolution 50/9 of 7 July 2022,[^1]

1\\. *Decides* to convene a panel [at its sixty-second session];

2\\. *Requests* a summary report;[^2] and *notes*[^1] again;

3\\. *Decides* to remain seized of the matter.

[^1]: See A/HRC/RES/50/9.

[^2]: To be submitted [by the sixty-third session].

[^3]: A note no paragraph cites.
"""


def test_a_footnote_written_at_the_end_follows_the_paragraph_first_citing_it():
    result = read_text(FOOTNOTED, name="d.md", markdown=True)

    assert [p.label for p in result.paragraphs] == ["PP1", "FN1", "OP1", "OP2", "FN2", "OP3",
                                                    "FN3"]
    assert result.paragraphs[4].text == "To be submitted [by the sixty-third session]."


def test_a_footnoted_draft_through_pandoc_reads_as_the_word_draft(tmp_path: Path):
    source = tmp_path / "source.md"
    source.write_text(FOOTNOTED.replace("\n\n[^3]: A note no paragraph cites.", ""))
    draft = tmp_path / "draft.docx"
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    subprocess.run(["pandoc", str(source), "-o", str(draft)], check=True, timeout=60)
    markdown = _pandoc(draft, tmp_path / "draft.md", "markdown")

    assert _read(markdown) == _read(draft)
    assert [p.label for p in read_draft(draft).paragraphs][:2] == ["PP1", "FN1"]


MARKDOWN_FORMS = """\
Sustainable fisheries
=====================

The General Assembly,

*Recalling* its resolution [70/1](https://undocs.org/A/RES/70/1 "A/RES/70/1"), the
[shall](should) words and <https://www.un.org/oceans>,

Means of implementation
-----------------------

1. *Decides* to act&nbsp;now &amp; here, not &#x202E;there, R&D;

## II. Review ##

2. *Decides* further.
"""


def test_links_entities_and_underlined_or_closed_headings_read_as_markdown_shows_them():
    result = read_text(MARKDOWN_FORMS, name="d.md", markdown=True)

    assert result.title == "Sustainable fisheries"
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1, the [shall](should) words and "
                "https://www.un.org/oceans,"),
        ("H1", "Means of implementation"),
        ("OP1", "Decides to act\u00a0now & here, not &#x202E;there, R&D;"),
        ("H2", "II. Review"),
        ("OP2", "Decides further.")]
    assert [(p.label, p.level) for p in result.paragraphs if p.label.startswith("H")] == \
        [("H1", 2), ("H2", 2)]


def test_what_would_read_as_a_link_or_an_entity_is_written_so_as_to_read_back_as_itself():
    for text in ("[70/1](https://undocs.org/A/RES/70/1) and &amp; &#65; R&D",
                 "<https://un.org> [a](#b)"):
        assert unmarked(marked(text, ())) == (text, ())
        assert unmarked(escape(text)) == (text, ())
