"""The compilation (Word, HTML, Markdown) shows the words a delegation proposes in the
formatting it typed them in: a title in italics, a word in bold, inside an insertion, an
option of a bracket, a new option of an option block, an "OP1 Alt" paragraph and a new
paragraph. They used to come out in the insertion's own form alone: only the words the
paragraph already held kept their formatting."""

from __future__ import annotations

from dataclasses import replace

import docx
import pytest

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.model import Mark, Style
from drafting.readers import read_draft
from drafting.writers import render_html, render_markdown
from drafting.writers.docx_compilation import write_compilation_docx

DRAFT = """\
A/C.2/81/L.20

# Oceans

The General Assembly,

1. *Invites* Member States to contribute;

2. Option 1: Requests a report;

Option 2: No text

3. Requests the secretariat to submit a report;
"""
ITALIC, BOLD = Style.ITALIC, Style.BOLD
ASKED = [  # (delegation, paragraph, proposal, the formatting its words were typed in)
    ("EU", "OP1", {"insert": " to the Ocean Decade", "after": "contribute"},
     (Mark(8, 20, ITALIC),)),
    ("EU", "OP3", {"replace": "submit", "with_": "transmit"}, (Mark(0, 8, ITALIC),)),
    ("USA", "OP3", {"replace": "submit", "with_": "present"}, (Mark(0, 7, BOLD),)),
    ("JPN", "OP1", {"alternative": "Encourages Member States to contribute;"},
     (Mark(0, 10, ITALIC),)),
    ("CAN", "OP3", {"new_paragraph": "Welcomes the report of the Commission;"},
     (Mark(27, 37, ITALIC),)),
    ("AOSIS", "OP2", {"insert": "[Decides to act now;]", "after": "report;][]"},
     (Mark(16, 19, ITALIC),)),
]


@pytest.fixture
def compilation(tmp_path):
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    document = read_draft(tmp_path / "draft.md").to_document("A/C.2/81/L.20")
    amendments = [replace(draft_amendment(document.current, Proposal(label, **fields),
                                          id=f"A{n}", proponents=[code]), marks=marks)
                  for n, (code, label, fields, marks) in enumerate(ASKED, 1)]
    return merge(document, amendments)


def test_the_word_compilation_shows_proposed_words_as_typed(compilation, tmp_path):
    write_compilation_docx(compilation, tmp_path / "compilation.docx")
    runs = [(run.text, bool(run.italic), bool(run.bold))
            for p in docx.Document(str(tmp_path / "compilation.docx")).paragraphs
            for run in p.runs]
    assert ("Invites", True, False) in runs  # the paragraph's own, as before
    for words in ("Ocean Decade", "transmit", "Encourages", "Commission", "now"):
        assert (words, True, True) in runs, words  # italic, in the insertion's bold
    assert ("present", False, True) in runs
    assert ("to the ", False, True) in runs and ("Decides to act ", False, True) in runs


def test_the_html_compilation_shows_proposed_words_as_typed(compilation):
    html = render_html(compilation)
    assert "<ins>to the <em>Ocean Decade</em></ins>" in html
    assert "<ins><em>transmit</em></ins>" in html
    assert "<ins><strong>present</strong></ins>" in html
    assert "<ins><em>Encourages</em> Member States to contribute;</ins>" in html
    assert "<ins>Welcomes the report of the <em>Commission</em>;</ins>" in html
    assert "Option 3: <ins>Decides to act <em>now</em>;</ins>" in html


def test_the_markdown_compilation_shows_proposed_italics(compilation):
    blocks = render_markdown(compilation).rstrip("\n").split("\n\n")
    assert "**OP1** *Invites* Member States to contribute **to the *Ocean Decade*** (EU);" \
        in blocks
    assert "**OP1 Alt** (JPN) ***Encourages* Member States to contribute;**" in blocks
    assert "Option 3: **Decides to act *now*;** (AOSIS)" in blocks
    assert "**OP3 bis** (CAN) **Welcomes the report of the *Commission*;**" in blocks
    assert "[submit / ***transmit*** (EU) / **present** (USA)]" in blocks[-2]
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render("\n\n".join(blocks))
    assert "<strong>to the <em>Ocean Decade</em></strong>" in html
    assert "<strong><em>Encourages</em> Member States to contribute;</strong>" in html
