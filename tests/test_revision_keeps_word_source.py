"""A revision keeps the secretariat's own Word document where treaty drafts met two traps:
a new paragraph accepted after one that cites a footnote (the revision put it before the
footnote, which the document reads after its paragraph), and a document whose id in the
store is a word of its front matter (`--doc WHO`: "WHO Intergovernmental Negotiating
Body" became "WHO/Rev.1 ..."). Each time Rev.1 fell back to drafting's own layout."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parent / "readers"))
from docx_builders import Para, footnote, write_docx

from drafting.engine import Proposal
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

FRONT = ["WHO Intergovernmental Negotiating Body", "A/INB/9/3"]


@pytest.fixture
def store(tmp_path):
    path = write_docx(tmp_path / "draft.docx", [
        *(Para([line]) for line in FRONT),
        Para(["The Parties to this Agreement,"]),
        Para(["Recalling the International Health Regulations (2005),"]),
        Para(["Article 4. Pandemic prevention"], style="Heading 2"),
        Para(["1.\tThe Parties shall strengthen pandemic prevention.",
              footnote("See document A/INB/7/3.")]),
        Para(["2.\tEach Party shall develop plans."]),
    ], title="Proposal for the WHO Pandemic Agreement", subtitle="")
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, path, "WHO")
        add_delegations(opened, ["BRA"])
        yield opened


def _accepted(store, label: str, **fields) -> None:
    amendment = prepare_amendment(store, "WHO", Proposal(label, **fields), "BRA")
    (recorded,) = record(store, "WHO", [amendment]).amendments
    store.decide(recorded.id, "accept")


def test_a_new_paragraph_after_one_citing_a_footnote_keeps_the_word_document(store):
    _accepted(store, "OP1", new_paragraph="Each Party shall do more.")
    warnings: list[str] = []
    revise_document(store, "WHO", "Rev.1", warn=warnings.append)
    assert warnings == []
    rev1 = store.document("WHO").current
    assert [p.label for p in rev1 if not p.label.startswith("H")] == [
        "PP1", "OP1", "FN1", "OP2", "OP3"]
    assert rev1.by_label("OP2").text == "Each Party shall do more."
    made = docx.Document(io.BytesIO(store.source("WHO", "Rev.1")))
    assert [p.text for p in made.paragraphs][-3:] == [
        "1.\tThe Parties shall strengthen pandemic prevention.",
        "2.\tEach Party shall do more.", "3.\tEach Party shall develop plans."]


def test_a_document_named_by_a_word_of_its_front_matter_keeps_that_word(store):
    _accepted(store, "OP2", delete_paragraph=True)
    warnings: list[str] = []
    revise_document(store, "WHO", "Rev.1", warn=warnings.append)
    assert warnings == []
    assert list(store.document("WHO").current.after_title[:2]) == FRONT  # under the title
    made = docx.Document(io.BytesIO(store.source("WHO", "Rev.1")))
    assert [p.text for p in made.paragraphs[1:3]] == FRONT


def _draft_of(tmp_path, lines: list[str]) -> Path:
    word = docx.Document()
    word.add_paragraph("Draft resolution", style="Title")
    for line in ["The General Assembly,", "Recalling its resolutions,", *lines]:
        word.add_paragraph(line)
    path = tmp_path / "typed.docx"
    word.save(str(path))
    return path


@pytest.mark.parametrize(("lines", "revised"), [
    (["1.\tDecides to act;", "[2.\tInvites States;]", "3.\tDecides to remain seized."],
     ["1.\tDecides to act;", "2.\tWelcomes the report;", "[3.\tInvites States;]",
      "4.\tDecides to remain seized."]),
    (["1.\tDecides to act;", "2.\tRequests a report;", "OP2 Alt\tRequests two reports;",
      "3.\tDecides to remain seized."],
     ["1.\tDecides to act;", "2.\tWelcomes the report;", "3.\tRequests a report;",
      "OP3 Alt\tRequests two reports;", "4.\tDecides to remain seized."]),
    (["1.\tDecides to act;", "2.\tRequests a report;", "2 alt.\tRequests two reports;",
      "3.\tDecides to remain seized."],
     ["1.\tDecides to act;", "2.\tWelcomes the report;", "3.\tRequests a report;",
      "3 alt.\tRequests two reports;", "4.\tDecides to remain seized."]),
])
def test_typed_numbers_after_a_bracket_or_before_alt_follow_the_renumbering(
        tmp_path, lines, revised):
    url = f"sqlite:///{tmp_path / 't.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, _draft_of(tmp_path, lines), "A/C.3/81/L.5")
        add_delegations(store, ["EU"])
        amendment = prepare_amendment(store, "A/C.3/81/L.5", Proposal(
            "OP1", new_paragraph="Welcomes the report;"), "EU")
        (recorded,) = record(store, "A/C.3/81/L.5", [amendment]).amendments
        store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "A/C.3/81/L.5", "Rev.1", warn=warnings.append)
        assert warnings == []  # it used to refuse: "the label OP2 is used twice"
        made = docx.Document(io.BytesIO(store.source("A/C.3/81/L.5", "Rev.1")))
        assert [p.text for p in made.paragraphs][3:] == revised


def test_a_document_that_reads_otherwise_once_made_leaves_the_revision_issued(
        store, monkeypatch):
    from drafting.errors import ReaderError

    def unreadable(*args):
        raise ReaderError("source, paragraph 7: the label OP2 is used twice")

    monkeypatch.setattr("drafting.writers.docx_source.source_holds", unreadable)
    _accepted(store, "OP2", delete_paragraph=True)
    warnings: list[str] = []
    revise_document(store, "WHO", "Rev.1", warn=warnings.append)
    assert store.document("WHO").current.label == "Rev.1"
    assert len(warnings) == 1 and "drafting's own layout" in warnings[0]
