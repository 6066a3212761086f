"""`drafting.workflow`: the steps the command line takes, on a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.engine import Proposal
from drafting.errors import DraftingError, InputError
from drafting.model import AmendmentStatus, ParagraphStatus
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    agree_paragraph,
    compile_to,
    export_json,
    import_draft,
    list_amendments,
    merge_to,
    prepare_amendment,
    prepare_files,
    proposals_preview,
    record,
    revise_document,
    write_atomically,
)

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'w.db'}"
    init_store(url)
    with open_store(url) as opened:
        document, warnings = import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL,
                                          title="Fisheries", actor="secretariat")
        assert document.title == "Fisheries" and warnings == []
        add_delegations(opened, ["EU", "G77", "USA", "JPN", "AOSIS", "AUS", "NZL", "FJI"])
        yield opened


def test_prepared_amendment_is_previewed_and_recorded_only_by_record(store):
    proposal = Proposal("op 24", replace="submit", with_="transmit")
    amendment = prepare_amendment(store, SYMBOL, proposal, "JPN")
    lines = proposals_preview(store.document(SYMBOL), [amendment])
    assert lines == ["OP24: replace 'submit' -> 'transmit'  (JPN)"]
    assert store.amendments(SYMBOL) == []
    result = record(store, SYMBOL, [amendment])
    assert result.ids == ("A1",)
    assert [a.new_text for a in store.amendments(SYMBOL)] == ["transmit"]


def test_unknown_delegation_and_paragraph_are_refused(store):
    with pytest.raises(InputError, match="unknown delegation XYZ"):
        prepare_amendment(store, SYMBOL, Proposal("OP1", retain=True), "XYZ")
    with pytest.raises(DraftingError, match="OP99"):
        prepare_amendment(store, SYMBOL, Proposal("OP99", retain=True), "EU")
    with pytest.raises(InputError, match="already in the store"):
        add_delegations(store, ["CAN", "EU"])
    assert "CAN" not in {d.code for d in store.delegations()}


def test_prepare_files_checks_every_file_before_anything(store):
    files = sorted((SAMPLES / "submissions").glob("*.json"))
    prepared = prepare_files(store, SYMBOL, files)
    assert [p.path.name for p in prepared] == [f.name for f in files]
    assert store.amendments(SYMBOL) == []
    with pytest.raises(InputError, match=r"cannot submit '\.txt'"):
        prepare_files(store, SYMBOL, [*files, Path("notes.txt")])


def test_compile_merge_and_export(store, tmp_path):
    for path in sorted((SAMPLES / "submissions").glob("*.json")):
        [prepared] = prepare_files(store, SYMBOL, [path])
        record(store, SYMBOL, prepared.amendments)
    compilation = compile_to(store, SYMBOL, tmp_path / "c.md")
    assert "(EU)" in (tmp_path / "c.md").read_text(encoding="utf-8")
    assert compilation.revision == "Zero draft"
    merge_to(store, SYMBOL, tmp_path / "m.docx", delegations=["USA"])
    assert (tmp_path / "m.docx").stat().st_size > 0
    with pytest.raises(InputError, match=r"use \.docx"):
        merge_to(store, SYMBOL, tmp_path / "m.md")
    _, submitted = list_amendments(store, SYMBOL, paragraph="OP24", statuses=["submitted"])
    assert {a.proponents[0] for a in submitted} == {"EU", "G77"}
    with pytest.raises(InputError, match="unknown status"):
        list_amendments(store, SYMBOL, statuses=["pending"])
    data = export_json(store, SYMBOL, tmp_path / "e.json")
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8")) == data
    assert data["events"][0]["kind"] == "import"


def test_revise_applies_decisions_and_keeps_agreed_paragraphs(store):
    eu = prepare_amendment(store, SYMBOL, Proposal("OP24", replace="submit", with_="present"),
                           "EU")
    usa = prepare_amendment(store, SYMBOL, Proposal("OP21", delete="high-level"), "USA")
    jpn = prepare_amendment(store, SYMBOL, Proposal("OP17", retain=True), "JPN")
    ids = [record(store, SYMBOL, [a]).ids[0] for a in (eu, usa, jpn)]
    store.decide(ids[0], "accept")
    store.decide(ids[1], "reject")
    agree_paragraph(store, SYMBOL, "OP1", ad_ref=True)
    outcome = revise_document(store, SYMBOL, "Rev.1")
    document = store.document(SYMBOL)
    current = document.current
    assert current.label == outcome.revision.label == "Rev.1"
    assert "submit" not in current.by_label("OP24").text
    assert "high-level" in current.by_label("OP21").text
    assert current.by_label("OP1").status is ParagraphStatus.AGREED_AD_REF
    statuses = {a.id: a.status for a in store.amendments(SYMBOL)}
    assert statuses == {ids[0]: AmendmentStatus.ACCEPTED, ids[1]: AmendmentStatus.REJECTED,
                        ids[2]: AmendmentStatus.SUBMITTED}
    assert next(a for a in store.amendments(SYMBOL) if a.id == ids[2]).revision == "Rev.1"
    second = revise_document(store, SYMBOL, "Rev.2")  # the accepted one is not applied twice
    assert second.revision.by_label("OP24").text == current.by_label("OP24").text
    assert store.verify().ok


def test_write_atomically_replaces_whole_or_names_the_file(tmp_path):
    target = tmp_path / "out.md"
    write_atomically(target, "one")
    write_atomically(target, "two")
    assert target.read_text(encoding="utf-8") == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
    with pytest.raises(DraftingError, match="cannot write the file"):
        write_atomically(tmp_path / "missing" / "out.md", "x")
