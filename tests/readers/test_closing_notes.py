"""The editorial note that closes an adopted text, "[Adopted without a vote.]" or a Human
Rights Council voting record in square brackets, on one line or several, is other text
whose brackets are the editor's: no warning asks for its label, `drafting brackets`
counts none of them, and Rev.1 keeps it as written. It used to be counted as a bracket of
negotiation (and a record over several lines as unbalanced brackets)."""

from __future__ import annotations

import io

import docx
import pytest

from drafting.engine import Proposal
from drafting.model import ParagraphKind
from drafting.model.closing_notes import closing_note
from drafting.readers import read_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    bracket_progress,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

FRONT = ["United Nations", "A/HRC/58/L.12", "General Assembly", "Distr.: Limited",
         "Human Rights Council", "Fifty-eighth session", "The right to food"]
BODY = ["The Human Rights Council,", "Recalling its resolution 55/3,",
        "1.\tDecides to [continue] its consideration of the matter;", "2.\tRequests a report;",
        "3.\tDecides to remain seized of the matter."]
RECORD = ["[Adopted by a recorded vote of 32 to 5, with 10 abstentions. The voting was as "
          "follows:", "In favour: Algeria, Benin;", "Against: Japan;", "Abstaining: Brazil]"]
NOTES = {
    "one line": [" ".join(RECORD)],
    "several lines": RECORD,
    "without a vote": ["[Adopted without a vote.]"],
    "French": ["[Adoptée sans vote.]"],
    "Spanish": ["[Aprobada sin votación.]"],
    "Russian": ["[Принята без голосования.]"],
    "Arabic": ["[اعتُمد دون تصويت.]"],
}


def _draft(path, note: list[str]):
    word = docx.Document()
    for line in [*FRONT, *BODY, *note]:
        word.add_paragraph(line)
    word.save(path)
    return path


@pytest.mark.parametrize("case", NOTES)
def test_a_closing_note_is_other_text_whose_brackets_are_not_counted(tmp_path, case):
    note = NOTES[case]
    read = read_draft(_draft(tmp_path / "draft.docx", note))
    last = read.paragraphs[-1]
    assert (last.label, last.kind, last.text) == ("T1", ParagraphKind.OTHER, "\n".join(note))
    assert read.warnings == ()
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, tmp_path / "draft.docx", "L12")
        report = bracket_progress(store.document("L12"))
        assert (report.total, report.unbalanced) == (1, 0)  # OP1's "[continue]" alone
        assert report.count_of("T1").brackets == 0
        add_delegations(store, ["EU"])
        amendment = prepare_amendment(
            store, "L12", Proposal("OP2", insert=" annually", after="report"), "EU")
        (recorded,) = record(store, "L12", [amendment]).amendments
        store.decide(recorded.id, "accept")
        revise_document(store, "L12", "Rev.1")
        revised = docx.Document(io.BytesIO(store.source("L12", "Rev.1")))
    texts = [p.text for p in revised.paragraphs]
    assert texts[-len(note):] == note
    assert "2.\tRequests a report annually;" in texts


@pytest.mark.parametrize(("text", "note"), [
    ("[Adopted by a recorded vote of 32 to 5, with 10 abstentions.]", True),
    ("[ADOPTED WITHOUT A VOTE]", True),
    ("[Adopté sans vote.]", True),
    ("[未经表决获得通过。]", True),
    ("[Adopts the report of the Working Group.]", False),  # a paragraph bracketed whole
    ("[Adopte le rapport du Comité.]", False),  # the same in French: the verb, no participle
    ("[ADOPTÉE SANS VOTE.]", True),
    ("[Adopted language] to be confirmed", False),  # not the whole line
    ("[Adopted by [consensus / a vote]]", False),  # a negotiation's brackets inside
    ("Adopted without a vote.", False),
])
def test_a_closing_note_is_a_whole_line_in_brackets_saying_it_was_adopted(text, note):
    assert closing_note(text) is note
