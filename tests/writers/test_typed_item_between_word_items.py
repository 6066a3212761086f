"""A line typed between two items Word numbers ("(a bis)<tab>...", or a line with no
number): the merged draft shows it a Word paragraph out of Word's list (no "(b)" of
Word's before "(a bis)", the old "(b)" still "(b)"). Accepted, Rev.1 is the secretariat's
own document: a line with no number stays out of Word's list, and "(a bis)" is an item
of it, numbered "(b)" by Word, the old "(b)" "(c)" (a revision renumbers)."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parent))
from ooxml_views import body_of

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds, write_merged_into_source
from tests.readers.test_copy_auto_numbers import BODY
from tests.readers.test_copy_auto_numbers import _word as _numbered_by_word

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/C.2/81/L.9"
LINES = {"(a bis)": "(a bis)\tTo consult Member States;", "no number": "To consult Member States;"}


def _numbered(path: Path) -> list[bool]:
    """Whether each Word paragraph holding "consult" or an item's words is in Word's list."""
    found = []
    for paragraph in body_of(path).iter(qn("w:p")):
        words = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if words.startswith(("The fair", "The building")) or "To consult" in words:
            ids = [n.get(qn("w:val")) for n in paragraph.iter(qn("w:numId"))]
            found.append(bool(ids) and ids[-1] != "0")
    return found


@pytest.mark.parametrize("line", LINES.values(), ids=LINES)
def test_a_line_typed_between_word_items_stays_out_of_words_list(tmp_path, line):
    source = _numbered_by_word(tmp_path / "draft.docx", BODY)
    document = read_docx_draft(source).to_document(SYMBOL)
    amendment = draft_amendment(document.current, Proposal(
        "OP1", insert=f"\n{line}", after="benefits;"), id="A1", proponents=["EU"],
        submitted_at=T0)
    revision = revise(document, [amendment], Decisions(accepted=frozenset({"A1"})),
                      label="Rev.1").revision
    between = line.startswith("(a bis)")
    assert revision.by_label("OP1").text == (  # "(a bis)" numbered in turn
        "Decides that the objectives are:\n(a) The fair sharing of benefits;\n"
        + ("(b) To consult Member States;\n(c)" if between else f"{line}\n(b)")
        + " The building of capacity;")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(made := revise_source(source.read_bytes(), document.current, revision,
                                           symbol=SYMBOL))
    assert source_holds(made, revision)  # the secretariat's document, not our layout
    assert _numbered(rev1) == [True, between, True]
    assert "(a bis)" not in "".join(t.text or "" for t in body_of(rev1).iter(qn("w:t")))
    merged = tmp_path / "merged.docx"
    assert write_merged_into_source(source.read_bytes(), merge(document, [amendment]),
                                    merged) == []
    assert _numbered(merged) == [True, False, True]
