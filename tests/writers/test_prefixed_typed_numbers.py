"""Paragraph numbers typed with their label's prefix, "PP1. Having considered ..." and
"OP1. URGES ...", as WHO resolutions and some conference texts type them: a new paragraph
of the merged draft is typed "OP1 bis. " (not left with no number), and Rev.1 is the
secretariat's own Word document, its numbers typed on ("OP2. ", "PP2. "), not a document
in drafting's layout."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)
from drafting.writers.typed_numbers import typed_label

FRONT = ["SEVENTY-NINTH WORLD HEALTH ASSEMBLY", "A79/A/CONF./3", "Agenda item 13.2",
         "The Seventy-ninth World Health Assembly,"]
PREAMBULAR = ["Having considered the report by the Director-General;",
              "Recalling resolution WHA58.3;"]
OPERATIVE = ["URGES Member States to strengthen core capacities;",
             "INVITES partners to support Member States;",
             "REQUESTS the Director-General to report in 2028."]
NEW_PP = "Recognizing the need for equitable access,"
NEW_OP = "ENCOURAGES regional organizations to share data;"


def _draft(path: Path) -> Path:
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "A79/A/CONF./3"
    for line in FRONT:
        word.add_paragraph(line)
    for n, text in enumerate(PREAMBULAR, 1):
        word.add_paragraph(f"PP{n}. {text}")
    for n, text in enumerate(OPERATIVE, 1):
        word.add_paragraph(f"OP{n}. {text}")
    word.save(path)
    return path


def test_new_paragraphs_are_typed_and_renumbered_with_their_prefix(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, _draft(tmp_path / "draft.docx"), "WHA")
        add_delegations(store, ["USA"])
        recorded = []
        for label, fields in (("PP1", {"new_paragraph": NEW_PP}),
                              ("OP1", {"new_paragraph": NEW_OP}),
                              ("OP2", {"delete_paragraph": True})):
            amendment = prepare_amendment(store, "WHA", Proposal(label, **fields), "USA")
            recorded += record(store, "WHA", [amendment]).amendments
        merge_to(store, "WHA", tmp_path / "merged.docx")
        for amendment in recorded:
            store.decide(amendment.id, "accept")
        warnings: list[str] = []
        revise_document(store, "WHA", "Rev.1", warn=warnings.append)
        made = store.source("WHA", "Rev.1")
    assert warnings == []
    assert made is not None  # the secretariat's document, not drafting's layout
    revised = docx.Document(io.BytesIO(made))
    assert [p.text for p in revised.paragraphs][len(FRONT):] == [
        f"PP1. {PREAMBULAR[0]}", f"PP2. {NEW_PP}", f"PP3. {PREAMBULAR[1]}",
        f"OP1. {OPERATIVE[0]}", f"OP2. {NEW_OP}", f"OP3. {OPERATIVE[2]}"]
    assert revised.sections[0].header.paragraphs[0].text.startswith("A79/A/CONF./3")
    lo_track("accept", tmp_path / "merged.docx", tmp_path / "accepted.docx")
    accepted = [p.text for p in docx.Document(tmp_path / "accepted.docx").paragraphs]
    assert accepted[len(FRONT):] == [
        f"PP1. {PREAMBULAR[0]}", f"PP1 bis. {NEW_PP}", f"PP2. {PREAMBULAR[1]}",
        f"OP1. {OPERATIVE[0]}", f"OP1 bis. {NEW_OP}", f"OP3. {OPERATIVE[2]}"]


@pytest.mark.parametrize(("label", "typed", "made"), [
    ("OP2 bis", "OP2. ", "OP2 bis. "), ("OP3", "OP2.\t", "OP3.\t"),
    ("PP4 ter", "PP4. ", "PP4 ter. "), ("OP1 bis", "OP 1. ", "OP 1 bis. "),
    ("OP5 Alt", "OP5. ", "OP5 Alt. "),
])
def test_a_prefixed_number_is_typed_with_the_new_labels_prefix(label, typed, made):
    assert typed_label(label, typed) == made
