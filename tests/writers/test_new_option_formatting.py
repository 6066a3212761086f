"""A delegation's tracked copy adds "Option 3: ..." to an option block typed as Word
paragraphs ("2.<tab>Option 1: ...", "Option 2: ..."), a word of it in italics: the
merged draft's new tracked "Option 3" paragraph and Rev.1's shows that word in italics,
as a delegation's words inserted within a paragraph do. They were written plain."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
sys.path.insert(0, str(Path(__file__).parent))
from docx_builders import Para, Styled, ins, write_docx
from source_merges import proposed

from drafting.engine import Decisions, revise
from drafting.engine.merge import merge
from drafting.model import Mark, Style
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

SYMBOL = "A/C.2/80/L.5"
OPENING = [Para(["The General Assembly,"]), Para(["Recalling its resolution 70/1,"]),
           Para(["1.\tCalls upon States to act;"]),
           Para(["2.\tOption 1: Invites States to consider measures;"])]
SECOND, CLOSING = "Option 2: Urges States to adopt measures;", \
    [Para(["3.\tDecides to remain seized of the matter."])]


@pytest.fixture
def draft(tmp_path):
    source = write_docx(tmp_path / "draft.docx", [*OPENING, Para([SECOND]), *CLOSING],
                        title="Draft resolution", subtitle="")
    return source, read_docx_draft(source).to_document(SYMBOL)


def _runs(path: Path, opening: str) -> list[tuple[str, bool, bool]]:
    """(words, in italics, inside a w:ins) for each run of the paragraph opening so."""
    body = docx.Document(str(path)).element.body
    paragraph = next(p for p in body.iter(qn("w:p")) if "".join(
        t.text or "" for t in p.iter(qn("w:t"))).startswith(opening))
    found = []
    for run in paragraph.iter(qn("w:r")):
        words = "".join(t.text or "" for t in run.iter(qn("w:t")))
        italic = run.find(f"{qn('w:rPr')}/{qn('w:i')}") is not None
        if words:
            found.append((words, italic, run.getparent().tag == qn("w:ins")))
    return found


def test_a_new_option_typed_in_italics_keeps_them_in_the_merged_draft_and_rev1(
        draft, tmp_path):
    source, document = draft
    added = Para([ins("Option 3: Encourages States to take ", Styled("urgent"), " measures;",
                      author="EU delegate")])
    copy = write_docx(tmp_path / "eu.docx",
                      [*OPENING, Para([SECOND], mark=ins(author="EU delegate")), added,
                       *CLOSING], title="Draft resolution", subtitle="")
    amendments = list(read_docx_submission(copy, document, delegation="EU",
                                           authors={"EU delegate": "EU"}).amendments)
    write_merged_into_source(source.read_bytes(), merge(document, amendments),
                             tmp_path / "merged.docx", dates={})
    assert _runs(tmp_path / "merged.docx", "Option 3") == [
        ("Option 3: ", False, True), ("Encourages States to take ", False, True),
        ("urgent", True, True), (" measures;", False, True)]

    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    (tmp_path / "Rev.1.docx").write_bytes(revise_source(
        source.read_bytes(), document.current, outcome.revision, symbol=SYMBOL))
    assert _runs(tmp_path / "Rev.1.docx", "Option 3") == [
        ("Option 3: ", False, False), ("Encourages States to take ", False, False),
        ("urgent", True, False), (" measures;", False, False)]


def test_competing_new_options_each_keep_their_own_formatting(draft, tmp_path):
    source, document = draft
    after = "adopt measures;]"
    asked = [("EU", "OP2", {"insert": "[Decides to act now;]", "after": after}),
             ("G77", "OP2", {"insert": "[Invites all States to act;]", "after": after})]
    typed = [(Mark(16, 19, Style.ITALIC),), (Mark(9, 12, Style.ITALIC),)]  # "now", "all"
    amendments = [replace(a, marks=marks)
                  for a, marks in zip(proposed(document, asked), typed, strict=True)]
    write_merged_into_source(source.read_bytes(), merge(document, amendments),
                             tmp_path / "merged.docx", dates={})
    assert [w for w, italic, _ in _runs(tmp_path / "merged.docx", "Option 3") if italic] \
        == ["now"]
    assert [w for w, italic, _ in _runs(tmp_path / "merged.docx", "Option 4") if italic] \
        == ["all"]
