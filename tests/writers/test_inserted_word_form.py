"""Words a delegation puts right after a paragraph's italic opening ("Invites| all Member
States") are words of their own: the merged draft wrote them in the opening's italics (the
run before them lent its form), where Rev.1 writes them roman, as the words after the
opening are; Accept All of the merged draft was not Rev.1."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source


def _draft(path):
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    opening = word.add_paragraph("1.\t")
    opening.add_run("Invites").italic = True
    opening.add_run(" Member States to contribute to the trust fund;")
    word.save(str(path))
    return path


def _runs(document, words):
    """Each run (italic or not) of the paragraph holding ``words``, inserted ones too."""
    body = document.element.body
    paragraph = next(p for p in body.iter(qn("w:p")) if words in "".join(p.itertext()))
    return [("".join(t.text or "" for t in r.iter(qn("w:t"))),
             r.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None) for r in paragraph.iter(qn("w:r"))]


def test_a_word_put_after_the_italic_opening_is_roman_in_the_merged_draft_and_rev1(tmp_path):
    source = _draft(tmp_path / "draft.docx")
    document = read_docx_draft(source).to_document("A/1")
    amendment = draft_amendment(document.current, Proposal("OP1", insert=" all",
                                                           after="Invites"),
                                id="A1", proponents=["EU"])
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, [amendment]), merged)
    runs = _runs(docx.Document(str(merged)), "Invites")
    assert ("Invites", True) in runs and (" all", False) in runs
    outcome = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    rev1 = revise_source(source.read_bytes(), document.current, outcome.revision,
                         symbol="A/1")
    written = _runs(docx.Document(io.BytesIO(rev1)), "Invites")
    assert [text for text, italic in written if italic] == ["Invites"]
    assert "".join(text for text, _ in written).endswith(
        "Invites all Member States to contribute to the trust fund;")
