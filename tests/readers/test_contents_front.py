"""A table of contents between a convention's title and its chapeau (Word's TOC field of
hyperlinked entries, or lines typed by hand "Article 1<tab>Purpose<tab>1") is front
matter: its lines name articles as their headings do, and read as headings they made the
preamble an article's own text ("OP1 Recalling ...", "OP2 Have agreed as follows:").
A delegation's copy draws no warning for the links the draft's contents hold."""

from __future__ import annotations

import pytest
from contents_drafts import FRONT, PREAMBLE, convention

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

EXPECTED = [("PP1", PREAMBLE[1]), ("T1", PREAMBLE[2]), ("H1", "Article 1"), ("H2", "Purpose")]


@pytest.mark.parametrize("contents", ["field", "typed"])
def test_a_table_of_contents_is_front_matter(tmp_path, contents):
    read = read_docx_draft(convention(tmp_path / "L1.docx", contents))
    assert [(p.label, p.text) for p in read.paragraphs][:4] == EXPECTED
    assert [p.label for p in read.paragraphs][-2:] == ["3.1", "3.2"]
    assert [" ".join(line.split()) for line in read.front_matter] == [
        *FRONT[:3], "Contents", "Article 1 Purpose 1", "Article 2 Definitions 1",
        "Article 3 Obligations 2"]
    assert read.title == FRONT[3]
    assert read.chapeau == PREAMBLE[0]
    assert read.warnings == ()


def test_without_contents_the_draft_reads_the_same(tmp_path):
    read = read_docx_draft(convention(tmp_path / "L1.docx", ""))
    assert [(p.label, p.text) for p in read.paragraphs][:4] == EXPECTED
    assert read.front_matter == tuple(FRONT[:3])


@pytest.mark.parametrize("anchor", ["_Toc", "Art"])
def test_a_copy_draws_no_warning_for_the_contents_links(tmp_path, anchor):
    """Each entry drew "the words 'Article 1 Purpose1' come with a hyperlink, which is
    not kept ... ask the secretariat to add it", though nobody touched the contents."""
    document = read_docx_draft(convention(tmp_path / "L1.docx", anchor=anchor)
                               ).to_document("A/CONF.300/L.1")
    copy = convention(tmp_path / "eu.docx", anchor=anchor,
                      edits=[("every four years", "every five years")])
    read = read_docx_submission(copy, document, delegation="EU")
    labels = {p.id: p.label for p in document.current}
    assert [(labels[a.paragraph_id], a.old_text, a.new_text) for a in read.amendments] == [
        ("3.2", "every four years", "every five years")]
    assert read.warnings == ()
