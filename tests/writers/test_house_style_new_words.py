"""In a house-style draft (each paragraph opens with its label in a bold run and a tab,
"OP1<tab>Invites ..."), a new paragraph or an "OP1 Alt" written into the secretariat's
document takes its label's form from the draft's label (bold) and its opening words'
form from the draft's opening words (italic), plus what the delegation typed. The
label run was taken for the first words: "Encourages" came out bold as well as italic,
and the new label plain."""

from __future__ import annotations

import io
import sys
from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Styled, para, write_docx

from drafting.engine.amend import Proposal
from drafting.model import Mark, Style
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

SYMBOL = "A/C.2/81/L.14"


@pytest.fixture
def store(tmp_path):
    draft = write_docx(tmp_path / "draft.docx",
                       [para("PP1", Styled("Recalling"), " its resolution 70/1,"),
                        para("OP1", Styled("Invites"), " Member States to contribute;")],
                       title="Draft resolution", subtitle=f"{SYMBOL} \u2014 Zero draft")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, draft, SYMBOL)
        add_delegations(opened, ["JPN", "CAN"])
        yield opened


def _propose(store, code: str, proposal: Proposal, marks: tuple[Mark, ...]) -> str:
    amendment = prepare_amendment(store, SYMBOL, proposal, code)
    (recorded,) = record(store, SYMBOL, [replace(amendment, marks=marks)]).amendments
    return recorded.id


def _forms(document, opening: str) -> list[tuple[str, set[str]]]:
    """(words, which of bold/italic) for each run with words of the paragraph opening so."""
    paragraph = next(p for p in document.element.body.iter(qn("w:p")) if "".join(
        t.text or "" for t in p.iter(qn("w:t"))).startswith(opening))
    found = []
    for run in paragraph.iter(qn("w:r")):
        words = "".join(t.text or "" for t in run.iter(qn("w:t")))
        properties = run.find(qn("w:rPr"))
        shown = set() if properties is None else {
            child.tag.split("}")[1] for child in properties if child.tag in (qn("w:i"), qn("w:b"))}
        if words:
            found.append((words, shown))
    return found


def test_new_words_take_the_body_form_and_the_label_the_labels(store, tmp_path):
    _propose(store, "JPN", Proposal("OP1", alternative="Encourages Member States to act;"),
             (Mark(0, 10, Style.ITALIC),))
    _propose(store, "CAN", Proposal("OP1", new_paragraph="Welcomes the Ocean Decade;"),
             (Mark(13, 25, Style.ITALIC),))
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    merged = docx.Document(str(tmp_path / "merged.docx"))
    assert _forms(merged, "OP1 Alt") == [
        ("OP1 Alt", {"b"}), ("Encourages", {"i"}), (" Member States to act;", set())]
    assert _forms(merged, "OP1 bis") == [
        ("OP1 bis", {"b"}), ("Welcomes", {"i"}), (" the ", set()), ("Ocean Decade", {"i"}),
        (";", set())]


def test_a_new_paragraph_in_rev1_takes_the_body_form_too(store):
    accepted = _propose(store, "CAN", Proposal("OP1", new_paragraph="Welcomes the report;"),
                        ())
    store.decide(accepted, "accept")
    revise_document(store, SYMBOL, "Rev.1")
    made = docx.Document(io.BytesIO(store.source(SYMBOL, "Rev.1")))
    assert _forms(made, "OP2") == [("OP2", {"b"}), ("Welcomes", {"i"}),
                                   (" the report;", set())]
