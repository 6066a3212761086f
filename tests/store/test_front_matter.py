"""What stands before the paragraphs (front matter lines, the chapeau) in the store: kept
row by row and loaded in one query, recorded in the events (older events keep their
hashes), carried into the next revision, checked by verify, and exported."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError
from store_scenario import FRONT_MATTER, SMALL, ZERO

from drafting.model import Document, Revision
from drafting.store import open_store
from drafting.store.payloads import revision_from, revision_json
from drafting.workflow import export_json

ROOT = Path(__file__).parents[2]
CHAPEAU = "The General Assembly,"
WHEN = datetime(2026, 10, 1, 9, 30, 15, 250, tzinfo=UTC)
REV1 = f"document {SMALL.symbol}, revision 'Rev.1'"
REV1_ID = ("(SELECT r.id FROM revisions r JOIN documents d ON d.id = r.document_id "
           "WHERE d.symbol = 'TEST/1' AND r.label = 'Rev.1')")


def sql(raw, statement: str) -> None:
    with raw.begin() as connection:
        connection.execute(text(statement))


def history() -> Document:
    """Four revisions: both, neither, front matter only, a chapeau only."""
    return Document("TEST/2", "History", (
        replace(ZERO, created_at=WHEN),
        Revision("Rev.1", ZERO.paragraphs[:2], created_at=WHEN),
        Revision("Rev.2", ZERO.paragraphs[:1], created_at=WHEN, front_matter=("Only line",)),
        Revision("Rev.3", ZERO.paragraphs[:1], created_at=WHEN,
                 chapeau="The Conference of the Parties,"),
    ))


def test_front_matter_and_chapeau_come_back_as_they_went_in(empty_store):
    empty_store.add_document(history())
    assert empty_store.document("TEST/2") == history()
    assert empty_store.verify().ok


def test_each_line_is_a_row_and_the_chapeau_comes_last(empty_store, raw):
    empty_store.add_document(SMALL)
    with raw.connect() as connection:
        rows = connection.execute(text(
            "SELECT position, role, text FROM revision_front ORDER BY position")).all()
    assert [tuple(row) for row in rows] == [
        *((n, "front", line) for n, line in enumerate(FRONT_MATTER)),
        (len(FRONT_MATTER), "chapeau", CHAPEAU)]


def test_a_row_is_a_front_matter_line_or_the_chapeau_and_nothing_else(empty_store, raw):
    empty_store.add_document(SMALL)
    with pytest.raises(IntegrityError):
        sql(raw, "UPDATE revision_front SET role = 'title' WHERE role = 'chapeau'")


def test_a_document_loads_them_in_one_query_however_many_revisions(empty_store):
    many = Document("TEST/3", "Many", tuple(
        Revision(f"Rev.{n}", ZERO.paragraphs, front_matter=(f"line {n}", "Distr.: Limited"),
                 chapeau=CHAPEAU) for n in range(8)))
    empty_store.add_document(SMALL)
    empty_store.add_document(many)
    statements: list[str] = []

    def seen(connection, cursor, statement, *rest) -> None:
        statements.append(statement)

    def loading(symbol: str) -> tuple[int, int]:
        statements.clear()
        event.listen(empty_store._engine, "before_cursor_execute", seen)
        try:
            loaded = empty_store.document(symbol)
        finally:
            event.remove(empty_store._engine, "before_cursor_execute", seen)
        assert all(r.front_matter and r.chapeau == CHAPEAU for r in loaded.revisions)
        return len(statements), sum("revision_front" in s for s in statements)

    assert loading(SMALL.symbol) == loading("TEST/3")
    assert loading("TEST/3")[1] == 1


def test_events_name_them_only_when_there_are_some(empty_store):
    empty_store.add_document(history())
    [imported] = [e.payload for e in empty_store.events() if e.kind == "import"]
    revisions = imported["document"]["revisions"]
    assert revisions[0]["front_matter"] == list(FRONT_MATTER)
    assert revisions[0]["chapeau"] == CHAPEAU
    # a revision with neither is recorded as before they were kept: old hashes still hold
    assert set(revisions[1]) == {"label", "created_at", "label_table", "paragraphs"}
    assert "chapeau" not in revisions[2] and "front_matter" not in revisions[3]
    assert [revision_from(r) for r in revisions] == list(history().revisions)


def test_a_payload_written_before_them_reads_as_none():
    old = {"label": "Zero draft", "created_at": None, "label_table": [], "paragraphs": []}
    assert revision_from(old) == Revision("Zero draft", ())
    assert revision_json(revision_from(old)) == old
    with pytest.raises(TypeError):
        revision_from({**old, "front_matter": "United Nations"})


def test_a_revision_carries_them_over_unchanged(filled):
    small = filled.document(SMALL.symbol)
    assert [r.label for r in small.revisions] == ["Zero draft", "Rev.1"]
    rev1 = tuple(line.replace("TEST/1", "TEST/1/Rev.1") for line in FRONT_MATTER)
    assert [(r.front_matter, r.chapeau) for r in small.revisions] == [
        (FRONT_MATTER, CHAPEAU), (rev1, CHAPEAU)]  # the symbol gains the revision
    [revised] = [e.payload["revision"] for e in filled.events() if e.kind == "revise"]
    assert (revised["front_matter"], revised["chapeau"]) == (list(rev1), CHAPEAU)
    assert filled.verify().ok


def test_a_front_matter_line_edited_in_the_table_is_named(filled, raw):
    sql(raw, "UPDATE revision_front SET text = 'Distr.: General' "
             f"WHERE text = 'Distr.: Limited' AND revision_id = {REV1_ID}")
    report = filled.verify()
    assert report.first.where == REV1
    assert report.first.what.startswith(
        "front matter line 4 is 'Distr.: General' in the store, but the record (event ")
    assert report.first.what.endswith("says 'Distr.: Limited'")
    assert len(report.mismatches) == 1


def test_a_front_matter_line_added_or_removed_is_named(filled, raw):
    sql(raw, f"UPDATE revision_front SET position = 20 WHERE role = 'chapeau' "
             f"AND revision_id = {REV1_ID}")
    sql(raw, "INSERT INTO revision_front (revision_id, position, role, text) "
             f"SELECT {REV1_ID}, 7, 'front', 'Original: English'")
    report = filled.verify()
    assert report.first.where == REV1
    assert report.first.what.startswith("the number of front matter lines is 8 in the store")
    sql(raw, f"DELETE FROM revision_front WHERE position IN (0, 7) AND revision_id = {REV1_ID}")
    report = filled.verify()
    assert report.first.what.startswith("the number of front matter lines is 6 in the store")
    assert "front matter line 1 is 'TEST/1/Rev.1' in the store" in report.mismatches[1].what


def test_a_chapeau_edited_removed_or_doubled_is_named(filled, raw):
    sql(raw, f"UPDATE revision_front SET text = 'The Security Council,' WHERE role = 'chapeau' "
             f"AND revision_id = {REV1_ID}")
    assert filled.verify().first.what.startswith(
        "chapeau is 'The Security Council,' in the store, but the record")
    sql(raw, f"DELETE FROM revision_front WHERE role = 'chapeau' AND revision_id = {REV1_ID}")
    assert filled.verify().first.what.startswith("chapeau is '' in the store")
    sql(raw, "INSERT INTO revision_front (revision_id, position, role, text) "
             f"SELECT {REV1_ID}, 7, 'chapeau', 'The General Assembly,'")
    assert filled.verify().ok
    sql(raw, "INSERT INTO revision_front (revision_id, position, role, text) "
             f"SELECT {REV1_ID}, 8, 'chapeau', 'The General Assembly,'")
    report = filled.verify()
    assert (report.first.where, report.first.what.split(" in the store")[0]) == (
        REV1, "chapeau is 'The General Assembly,\\nThe General Assembly,'")


def test_drafting_verify_reports_a_tampered_front_matter_row(tmp_path):
    url = f"sqlite:///{tmp_path / 'negotiation.db'}"
    with open_store(url, check_version=False) as store:
        store.init()
        store.add_document(SMALL, actor="secretariat")
    with open_store(url) as store:
        engine = store._engine
        with engine.begin() as connection:
            connection.execute(text("UPDATE revision_front SET text = 'Samoa: draft resolution' "
                                    "WHERE text = 'Fiji and Samoa: draft resolution'"))
    result = subprocess.run([sys.executable, "-m", "drafting_cli", "verify", "--db", url],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith("drafting: the record does not match: document TEST/1, "
                                    "revision 'Zero draft': front matter line 7 is 'Samoa: ")


def test_the_export_shows_them_and_its_schema_describes_them(empty_store, tmp_path):
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    empty_store.add_document(history())
    data = export_json(empty_store, "TEST/2", tmp_path / "e.json")
    validator.validate(data)
    assert [(r["front_matter"], r["chapeau"]) for r in data["revisions"]] == [
        (list(FRONT_MATTER), CHAPEAU), ([], ""), (["Only line"], ""),
        ([], "The Conference of the Parties,")]
    older = json.loads(json.dumps(data))  # an export made before they were kept
    for revision in older["revisions"]:
        del revision["front_matter"], revision["chapeau"]
    validator.validate(older)
    broken = json.loads(json.dumps(data))
    broken["revisions"][0]["front_matter"][1] = 7
    broken["revisions"][3]["chapeau"] = None
    problems = {tuple(e.absolute_path) for e in validator.iter_errors(broken)}
    assert problems == {("revisions", 0, "front_matter", 1), ("revisions", 3, "chapeau")}
