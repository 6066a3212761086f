"""A new article proposed in a treaty whose headings Word numbers by their styles
("Article %2" on Heading 2) and whose paragraphs are numbered straight through: accepted,
it is a heading of Rev.1 and the articles after it are numbered on ("Article 3 Scope"),
as Word shows them; the merged draft and Rev.1 make it a paragraph in the heading style,
its words alone (Word numbers it), in the secretariat's own document."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from heading_documents import NEW, TREATY, styled_treaty
from ooxml_views import rejected

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.model import ParagraphKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds, write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/CONF.301/L.1"


@pytest.fixture
def treaty(tmp_path):
    source = styled_treaty(tmp_path / "L1.docx", TREATY)
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = [draft_amendment(document.current, Proposal("OP1", new_paragraph=text),
                                  id=f"A{n}", proponents=["EU"], submitted_at=T0)
                  for n, text in enumerate(("Article 2 Objective", NEW[1][1]), 1)]
    return source, document, amendments


def _headings(path: Path) -> list[tuple[str, str]]:
    """Each heading's style and words (inserted ones too)."""
    return [(p.style.name, "".join(t.text or "" for t in p._p.iter(qn("w:t"))))
            for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")]


def test_rev1_holds_the_new_article_and_numbers_the_next_on(treaty, tmp_path):
    source, document, amendments = treaty
    revision = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2"})),
                      label="Rev.1").revision
    assert [(p.label, p.kind, p.text) for p in revision][3:7] == [
        ("H3", ParagraphKind.HEADING, "Article 2 Objective"),
        ("OP2", ParagraphKind.OPERATIVE, NEW[1][1]),
        ("H4", ParagraphKind.HEADING, "Article 3 Scope"),
        ("OP3", ParagraphKind.OPERATIVE, TREATY[4][1])]
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(made := revise_source(source.read_bytes(), document.current, revision,
                                           symbol=SYMBOL))
    assert source_holds(made, revision)  # no fall back to drafting's own layout
    assert _headings(rev1) == [  # Word numbers them: their words alone
        ("Heading 1", "General provisions"), ("Heading 2", "Use of terms"),
        ("Heading 2", "Objective"), ("Heading 2", "Scope"),
        ("Heading 1", "Institutional arrangements"), ("Heading 2", "Secretariat")]


def test_merged_draft_shows_the_new_article_in_the_heading_style(treaty, tmp_path):
    source, document, amendments = treaty
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, amendments),
                                    merged) == []
    assert ("Heading 2", "Objective") in _headings(merged)  # no "Article 2" typed
    assert rejected(merged) == rejected(source)
