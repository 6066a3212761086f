"""The lines between the title and the chapeau ("Preamble", `Revision.after_title`) in the
store: rows of their own between the front matter and the chapeau, loaded back in their
place, recorded in the events only when there are some (older events keep their hashes),
checked by verify, exported."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from sqlalchemy import text
from store_scenario import FRONT_MATTER, ZERO

from drafting.model import Document
from drafting.store.payloads import revision_from, revision_json
from drafting.workflow import export_json, revise_document

CONVENTION = Document("COE/1", "Convention on Coastal Heritage", (
    replace(ZERO, after_title=("Preamble",), created_at=datetime(2026, 10, 1, tzinfo=UTC),
            chapeau="The member States of the Council of Europe, signatories hereto,"),))


def test_the_lines_after_the_title_come_back_in_their_place(empty_store, raw):
    empty_store.add_document(CONVENTION)
    assert empty_store.document("COE/1") == CONVENTION
    with raw.connect() as connection:
        roles = [tuple(row) for row in connection.execute(text(
            "SELECT role, text FROM revision_front ORDER BY position"))]
    assert roles == [*(("front", line) for line in FRONT_MATTER), ("after_title", "Preamble"),
                     ("chapeau", CONVENTION.current.chapeau)]
    assert empty_store.verify().ok


def test_an_event_holds_them_only_when_there_are_some():
    assert "after_title" not in revision_json(ZERO)  # events before them: the same hash
    data = revision_json(CONVENTION.current)
    assert data["after_title"] == ["Preamble"]
    assert revision_from(data) == CONVENTION.current


def test_verify_names_a_line_after_the_title_changed_in_the_store(empty_store, raw):
    empty_store.add_document(CONVENTION)
    with raw.begin() as connection:
        connection.execute(text("UPDATE revision_front SET text = 'Annex' "
                                "WHERE role = 'after_title'"))
    report = empty_store.verify()
    assert not report.ok
    assert any("after title is ('Annex',) in the store" in m.what for m in report.mismatches)


def test_a_revision_carries_them_and_the_export_holds_them(empty_store, tmp_path):
    empty_store.add_document(CONVENTION)
    revise_document(empty_store, "COE/1", "Rev.1")
    assert empty_store.document("COE/1").current.after_title == ("Preamble",)
    data = export_json(empty_store, "COE/1", tmp_path / "coe.json")
    assert [r.get("after_title") for r in data["revisions"]] == [["Preamble"]] * 2
    assert json.loads((tmp_path / "coe.json").read_text(encoding="utf-8")) == data
