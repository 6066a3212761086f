"""Bulleted items typed or written in Markdown are lines of the paragraph they follow.

Word's own bullets below a paragraph ending with ":" are lines of it ("\\n• Double ...").
The same items typed ("•<tab>Double ...", as Word's "Save as text" or a PDF gives them),
or written as a Markdown list ("- Double ...", as pandoc writes Word's bullets), were
paragraphs of their own (other text, with warnings), or joined into one line.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from drafting.model import Paragraph, ParagraphKind
from drafting.readers import read_draft
from drafting.readers.textfile import read_text
from drafting.writers import write_text

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import numbered_draft

OPENING = "# Target\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"
LINES = "Urges States to:\n\u2022 Double their contributions;\n\u2022 Report on progress;"


@pytest.mark.parametrize("body", [
    "1. Urges States to:\n\n-   Double their contributions;\n\n-   Report on progress;\n\n",
    "1. Urges States to:\n   - Double their contributions;\n   + Report on progress;\n\n",
    "1. Urges States to:\n\n    * Double their contributions;\n\n    * Report on progress;\n\n",
], ids=["pandoc", "tight", "indented"])
def test_a_markdown_list_of_bullets_is_lines_of_its_paragraph(body: str):
    result = read_text(f"{OPENING}{body}2. Decides to act.\n", name="d.md", markdown=True)

    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolutions,"), ("OP1", LINES), ("OP2", "Decides to act.")]
    assert result.warnings == ()


@pytest.mark.parametrize("bullet", ["\u2022\t", "\u2022 ", "-\t"])
def test_typed_bullets_after_a_colon_are_lines_of_their_paragraph(bullet: str):
    body = (f"1.\tUrges States to:\n{bullet}Double their contributions;\n"
            f"{bullet}Report on progress;\n2.\tDecides to act.\n")
    result = read_text(OPENING.replace("\n\n", "\n") + body, name="d.txt")

    op1 = next(p for p in result.paragraphs if p.label == "OP1")
    assert op1.text == (f"Urges States to:\n{bullet}Double their contributions;\n"
                        f"{bullet}Report on progress;")


def test_a_hyphen_as_a_dash_where_a_typed_line_wraps_stays_text():
    result = read_text(OPENING + "1.\tDecides that the so-called\n- and only - option is "
                       "open;\n\n2.\tDecides to act.\n", name="d.txt")

    assert result.paragraphs[1].text == \
        "Decides that the so-called - and only - option is open;"


def test_word_bullets_through_pandoc_read_as_the_word_draft(tmp_path: Path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    word = docx.Document()
    for line in ("United Nations", "A/RES/81/1", "The General Assembly,",
                 "Recalling its resolutions,", "1.\tUrges States to:"):
        word.add_paragraph(line)
    for item in ("Double their contributions;", "Report on progress;"):
        word.add_paragraph(item, style="List Bullet 2")
    word.add_paragraph("2.\tDecides to act.")
    draft = tmp_path / "draft.docx"
    word.save(str(draft))
    markdown = tmp_path / "draft.md"
    subprocess.run(["pandoc", str(draft), "-t", "markdown", "-o", str(markdown)],
                   check=True, timeout=60)

    read = [(p.label, p.text) for p in read_draft(markdown).paragraphs]
    assert read == [(p.label, p.text) for p in read_draft(draft).paragraphs]
    assert read[1] == ("OP1", LINES)


@pytest.mark.parametrize("markdown", [True, False], ids=["markdown", "text"])
def test_lettered_and_bulleted_lines_written_back_read_as_themselves(markdown: bool):
    paragraphs = (
        Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolutions,"),
        Paragraph("p2", "OP1", ParagraphKind.OPERATIVE, "Urges States to:\na. Double their "
                  "contributions;\nb. Report on progress;"),
        Paragraph("p3", "OP2", ParagraphKind.OPERATIVE, LINES),
        Paragraph("p4", "OP3", ParagraphKind.OPERATIVE, "Decides (2021\u20132030) -- to act."))
    written = write_text("Target", paragraphs, chapeau="The General Assembly,",
                         markdown=markdown)

    read = read_text(written, name="d.md" if markdown else "d.txt", markdown=markdown)
    assert [(p.label, p.text) for p in read.paragraphs] == \
        [(p.label, p.text) for p in paragraphs]


def test_a_numbered_markdown_list_written_tight_is_one_paragraph_an_item():
    result = read_text(f"{OPENING}1. *Urges* States to:\n   a. Double their contributions;\n"
                       "   b. Report on progress;\n2. *Requests* a report;\n3. *Decides* to "
                       "act, as\\\n4. it said.\n", name="d.md", markdown=True)

    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolutions,"),
        ("OP1", "Urges States to:\na. Double their contributions;\nb. Report on progress;"),
        ("OP2", "Requests a report;"), ("OP3", "Decides to act, as\n4. it said.")]
    assert result.warnings == ()


def test_numbered_lines_of_plain_text_are_not_markdown_items():
    result = read_text(OPENING + "1. Urges States to act\n2. for the reasons given;\n",
                       name="d.txt")

    assert result.paragraphs[-1].text == "Urges States to act 2. for the reasons given;"


def test_numbered_lines_of_a_paragraph_written_as_markdown_read_back_as_themselves():
    """Word's "List Number 2" numbers a paragraph's lines "1.", "2.": written back as
    Markdown they were joined into one line, with a warning each (they open like
    paragraphs); each now follows a hard line break."""
    paragraphs = (
        Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolutions,"),
        Paragraph("p2", "OP1", ParagraphKind.OPERATIVE, "Calls upon States:\n1. To protect;"
                  "\n2. To report, as\nit said;\n(a) an item;"),
        Paragraph("p3", "OP2", ParagraphKind.OPERATIVE, "Decides to act."))
    written = write_text("Target", paragraphs, chapeau="The General Assembly,", markdown=True)

    assert "Calls upon States:\\\n1. To protect;\\\n2. To report, as\\\nit said;\n(a)" in written
    read = read_text(written, name="d.md", markdown=True)
    assert [(p.label, p.text) for p in read.paragraphs] == \
        [(p.label, p.text) for p in paragraphs]
    assert read.warnings == ()


@pytest.mark.parametrize("gap", ["", "\n"], ids=["tight", "loose"])
def test_a_numbered_list_indented_under_an_item_is_lines_of_it(gap: str):
    result = read_text(f"{OPENING}1. *Urges* States to:\n{gap}   1. Double their "
                       f"contributions;\n{gap}   2. Report on progress;\n{gap}2. *Decides* to "
                       "act.\n", name="d.md", markdown=True)

    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolutions,"),
        ("OP1", "Urges States to:\n1. Double their contributions;\n2. Report on progress;"),
        ("OP2", "Decides to act.")]
    assert result.warnings == ()
    again = read_text(write_text(result.title, result.paragraphs, chapeau=result.chapeau,
                                 markdown=True), name="d.md", markdown=True)
    assert [(p.label, p.text) for p in again.paragraphs] == \
        [(p.label, p.text) for p in result.paragraphs]


def test_word_sub_items_through_pandoc_gfm_read_as_lines_of_their_paragraph(tmp_path: Path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    draft = numbered_draft(tmp_path / "draft.docx", ("To protect tenure rights;",
                                                     "To improve access to markets;"))
    markdown = tmp_path / "draft.md"
    subprocess.run(["pandoc", str(draft), "-t", "gfm", "-o", str(markdown)], check=True,
                   timeout=60)
    assert "    1.  To protect" in markdown.read_text()  # gfm numbers what Word letters

    read = [(p.label, p.text) for p in read_draft(markdown).paragraphs]
    assert read[2] == ("OP2", "Calls upon States:\n1. To protect tenure rights;\n"
                              "2. To improve access to markets;")
    assert [label for label, _ in read] == [p.label for p in read_draft(draft).paragraphs]


_OPENINGS = ("- ", "> ", "+ ", "* ", "=====", "---", "1. ", "2) ", "a. ", "\u2022 ", "(a) ",
             "-\t", "# ", "\\", "&amp; ", "")
_MARKUP_OPENINGS = ("- ", "> ", "+ ", "* ", "=====", "---", "# ", "&amp; ", "")


def test_any_paragraph_of_lines_opening_as_markdown_blocks_do_reads_back_as_itself():
    pick = random.Random(41)
    for _ in range(300):
        lines = [f"{pick.choice(_OPENINGS)}{pick.choice(('words', 'To act;', 'x--y', ''))}"
                 .strip() or "word" for _ in range(pick.randint(1, 4))]
        paragraphs = (Paragraph("p1", "OP1", ParagraphKind.OPERATIVE, "Decides:\n" +
                                "\n".join(lines)),
                      Paragraph("p2", "OP2", ParagraphKind.OPERATIVE, "Decides to act."))
        front = [f"{pick.choice(_MARKUP_OPENINGS)}United Nations".strip()
                 for _ in range(pick.randint(1, 3))]  # what Markdown alone would take
        written = write_text("Target", paragraphs, chapeau="The General Assembly,",
                             front_matter=front, markdown=True)
        read = read_text(written, name="d.md", markdown=True)
        assert [p.text for p in read.paragraphs] == [p.text for p in paragraphs], written
        assert read.front_matter == tuple(front), written
