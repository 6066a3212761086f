"""A draft imported from Word keeps its file, byte for byte, as its revision's source: the
import (library and command line) stores it, `Store.source` gives it back, the events
record its SHA-256 (never the bytes), a revision keeps a copy, verify hashes it again
and names the revision whose source was changed, and the export describes it."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import docx
import jsonschema
import pytest
from sqlalchemy import text
from store_scenario import SAMPLE_DOCX, SAMPLES, SMALL

from drafting.engine.revise import Decisions, revise
from drafting.store import (
    MAX_SOURCE_BYTES,
    NotFoundError,
    SourceInfo,
    StoreError,
    open_store,
)
from drafting.store import sources as store_sources
from drafting.store.replay import replay
from drafting.workflow import export_json, import_draft, revise_document

ROOT = Path(__file__).parents[2]
WORD = "A/C.2/81/L.70"
TEXT = "A/C.2/81/L.71"
ZERO = f"document {WORD}, revision 'Zero draft', source"
DOCX_BYTES = SAMPLE_DOCX.read_bytes()
SHA = hashlib.sha256(DOCX_BYTES).hexdigest()


def sql(raw, statement: str, **values) -> None:
    with raw.begin() as connection:
        connection.execute(text(statement), values)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def imported(empty_store, tmp_path):
    """The sample zero draft imported from Word (WORD) and from Markdown (TEXT)."""
    word = tmp_path / "zero-draft.docx"
    shutil.copyfile(SAMPLE_DOCX, word)
    import_draft(empty_store, word, WORD)
    import_draft(empty_store, SAMPLES / "zero-draft.md", TEXT)
    return empty_store


def made_with_python_docx(path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("The General Assembly,")
    document.add_paragraph("Recalling its resolution 70/1,")
    document.add_paragraph("1.\tDecides to convene a meeting in 2027;")
    document.add_paragraph("2.\tRequests a report.")
    document.save(str(path))
    return path.read_bytes()


# Import


def test_a_word_import_keeps_the_file_byte_for_byte(imported):
    assert imported.source(WORD) == DOCX_BYTES
    assert imported.source(WORD, "zero draft") == DOCX_BYTES  # a label's case forgiven
    assert imported.sources(WORD) == {"Zero draft": SourceInfo(SHA, len(DOCX_BYTES), "docx")}
    assert imported.verify().ok


def test_a_markdown_import_has_no_source(imported):
    assert imported.source(TEXT) is None
    assert imported.sources(TEXT) == {}
    [event] = [e for e in imported.events(TEXT) if e.kind == "import"]
    assert set(event.payload) == {"document"}  # recorded as before sources were kept


def test_the_import_event_records_the_sha256_and_never_the_bytes(imported):
    [event] = [e for e in imported.events(WORD) if e.kind == "import"]
    assert event.payload["source"] == {"revision": "Zero draft", "sha256": SHA,
                                       "size": len(DOCX_BYTES), "format": "docx"}
    assert len(json.dumps(event.payload)) < len(DOCX_BYTES) // 2  # no bytes, in any form


def test_asking_for_an_unknown_document_or_revision_says_what_there_is(imported):
    with pytest.raises(NotFoundError, match=r"no revision 'Rev\.9'; its revisions: Zero draft"):
        imported.source(WORD, "Rev.9")
    with pytest.raises(NotFoundError, match="no document 'X/1'"):
        imported.source("X/1")


def test_the_command_line_import_keeps_a_word_file_made_with_python_docx(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    made = made_with_python_docx(tmp_path / "draft.docx")
    assert cli("init", "--db", url).returncode == 0
    done = cli("import", str(tmp_path / "draft.docx"), "--doc", "X/1", "--db", url)
    assert done.returncode == 0, done.stderr
    (tmp_path / "draft.md").write_text("The General Assembly,\n\nRecalling it,\n",
                                       encoding="utf-8")
    assert cli("import", str(tmp_path / "draft.md"), "--doc", "X/2", "--db", url).returncode == 0
    with open_store(url) as store:
        assert store.source("X/1") == made
        assert store.source("X/2") is None
        assert [e.payload["source"]["sha256"] for e in store.events("X/1")] == [
            hashlib.sha256(made).hexdigest()]


# What the store refuses


def test_a_source_over_50_mb_is_refused_and_nothing_is_stored(empty_store):
    assert MAX_SOURCE_BYTES == 50 * 1024 * 1024
    largest = b"PK\x03\x04" + bytes(MAX_SOURCE_BYTES - 4)
    assert store_sources.describe(largest).size == MAX_SOURCE_BYTES
    with pytest.raises(StoreError, match=r"50\.0 MB, more than the 50 MB the store keeps"):
        empty_store.add_document(SMALL, source=largest + b"\0")
    assert empty_store.documents() == [] and empty_store.events() == []


def test_a_word_file_too_large_to_keep_is_refused_before_it_is_read(empty_store, tmp_path,
                                                                   monkeypatch):
    big = tmp_path / "big.docx"
    shutil.copyfile(SAMPLE_DOCX, big)
    monkeypatch.setattr(store_sources, "MAX_SOURCE_BYTES", len(DOCX_BYTES) - 1)
    with pytest.raises(StoreError, match="MB the store keeps as a draft's source"):
        import_draft(empty_store, big, WORD)
    assert empty_store.documents() == []


@pytest.mark.parametrize(("content", "message"), [
    (b"", "cannot be empty"), (b"%PDF-1.7 ...", "a zip package"), ("PK", "the bytes")])
def test_what_is_not_a_word_file_is_refused(empty_store, content, message):
    with pytest.raises(StoreError, match=message):
        empty_store.add_document(SMALL, source=content)
    assert empty_store.events() == []


# Revisions


def test_a_revision_keeps_the_source_it_came_from(imported):
    revise_document(imported, WORD, "Rev.1")
    revise_document(imported, TEXT, "Rev.1")
    assert imported.source(WORD, "Rev.1") == imported.source(WORD) == DOCX_BYTES
    assert list(imported.sources(WORD)) == ["Zero draft", "Rev.1"]
    [revised] = [e for e in imported.events(WORD) if e.kind == "revise"]
    assert revised.payload["source"] == {"sha256": SHA, "size": len(DOCX_BYTES),
                                         "format": "docx"}
    assert imported.source(TEXT, "Rev.1") is None
    assert "source" not in next(e for e in imported.events(TEXT) if e.kind == "revise").payload
    assert imported.verify().ok


def test_a_revision_may_be_given_its_own_source(imported, tmp_path):
    other = made_with_python_docx(tmp_path / "rev1.docx")
    outcome = revise(imported.document(TEXT), [], Decisions(), label="Rev.1")
    imported.add_revision(TEXT, outcome, source=other)
    assert imported.source(TEXT) == other and imported.source(TEXT, "Zero draft") is None
    assert imported.verify().ok


def test_a_revision_is_refused_on_a_source_changed_behind_the_store(imported, raw):
    sql(raw, "UPDATE revision_sources SET content = :c", c=DOCX_BYTES[:-1] + b"!")
    events = len(imported.events())
    with pytest.raises(StoreError, match=f"Rev.1 was not issued: .*document {WORD}, "
                       "revision 'Zero draft', source: its bytes .* do not match the SHA-256"):
        revise_document(imported, WORD, "Rev.1")  # the record is checked first
    with pytest.raises(StoreError, match="does not match the SHA-256"):
        imported.source(WORD)
    assert len(imported.events()) == events


# Verify


def test_a_source_whose_bytes_were_changed_is_named(imported, raw):
    sql(raw, "UPDATE revision_sources SET content = :c", c=DOCX_BYTES[:100] + DOCX_BYTES[101:]
        + b"x")
    report = imported.verify()
    assert [(m.where, m.what.split(" (")[0]) for m in report.mismatches] == [
        (ZERO, "its bytes")]
    assert "do not match the SHA-256 and size kept with them" in report.first.what


def test_a_source_changed_with_its_sha256_disagrees_with_the_event(imported, raw):
    forged = DOCX_BYTES + b"\0"
    sql(raw, "UPDATE revision_sources SET content = :c, sha256 = :s, size = :n", c=forged,
        s=hashlib.sha256(forged).hexdigest(), n=len(forged))
    [event] = [e.seq for e in imported.events(WORD) if e.kind == "import"]
    report = imported.verify()
    assert [m.where for m in report.mismatches] == [ZERO, ZERO]
    assert report.first.what == (
        f"its SHA-256 is '{hashlib.sha256(forged).hexdigest()[:56]}... in the store, but the "
        f"record (event {event}) says '{SHA[:56]}...")
    assert report.mismatches[1].what.startswith(f"its size is {len(forged)} in the store")


def test_a_sha256_changed_alone_is_named_twice(imported, raw):
    sql(raw, "UPDATE revision_sources SET sha256 = :s", s="0" * 64)
    report = imported.verify()
    assert [m.where for m in report.mismatches] == [ZERO, ZERO]
    assert "do not match the SHA-256 and size kept with them" in report.first.what
    assert report.mismatches[1].what.startswith(f"its SHA-256 is '{'0' * 56}... in the store")


def test_a_deleted_source_is_named(imported, raw):
    sql(raw, "DELETE FROM revision_sources")
    [event] = [e.seq for e in imported.events(WORD) if e.kind == "import"]
    report = imported.verify()
    assert [str(m) for m in report.mismatches] == [
        f"{ZERO}: is in the record (event {event}) but not in the store"]


def test_a_source_added_to_a_revision_that_had_none_is_named(imported, raw):
    sql(raw, "INSERT INTO revision_sources SELECT r.id, s.format, s.sha256, s.size, s.content "
             "FROM revision_sources s, revisions r JOIN documents d ON d.id = r.document_id "
             f"WHERE d.symbol = '{TEXT}'")
    report = imported.verify()
    assert [str(m) for m in report.mismatches] == [
        f"document {TEXT}, revision 'Zero draft', source: is in the store, but no event "
        "records it"]


def test_a_damaged_source_in_an_event_cannot_be_replayed(imported):
    events = imported.events()
    seq = next(e.seq for e in events if e.kind == "import" and e.document == WORD)
    for damage in ({"sha256": "ABC"}, {"size": "40719"}, {"format": "pdf"},
                   {"revision": "Rev.1"}):
        changed = [e if e.seq != seq else replace(e, payload={
            **e.payload, "source": {**e.payload["source"], **damage}}) for e in events]
        state = replay(changed)
        assert [s for s, _ in state.failures] == [seq], damage
        assert state.sources == {}


def test_drafting_verify_names_the_revision_whose_source_was_changed(tmp_path):
    url = f"sqlite:///{tmp_path / 'negotiation.db'}"
    shutil.copyfile(SAMPLE_DOCX, tmp_path / "zero.docx")
    assert cli("init", "--db", url).returncode == 0
    assert cli("import", str(tmp_path / "zero.docx"), "--doc", WORD, "--db", url).returncode == 0
    assert cli("verify", "--db", url).returncode == 0
    with open_store(url) as store, store._engine.begin() as connection:
        connection.execute(text("UPDATE revision_sources SET content = :c"),
                           {"c": DOCX_BYTES.replace(b"PK", b"PQ", 2)})
    result = cli("verify", "--db", url)
    assert result.returncode == 1, result.stdout
    assert result.stderr.startswith(f"drafting: the record does not match: {ZERO}: its bytes")


# Export


def test_the_export_describes_each_source_and_its_schema_validates_it(imported, tmp_path):
    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    revise_document(imported, WORD, "Rev.1")
    data = export_json(imported, WORD, tmp_path / "w.json")
    validator.validate(data)
    described = {"sha256": SHA, "size": len(DOCX_BYTES), "format": "docx"}
    assert [r["source"] for r in data["revisions"]] == [described, described]
    assert json.loads((tmp_path / "w.json").read_text(encoding="utf-8")) == data
    plain = export_json(imported, TEXT, tmp_path / "t.json")
    validator.validate(plain)
    assert all("source" not in r for r in plain["revisions"])
    broken = json.loads(json.dumps(data))
    broken["revisions"][0]["source"]["sha256"] = SHA.upper()
    broken["revisions"][1]["source"]["content"] = "UEsDBA=="
    problems = {tuple(e.absolute_path) for e in validator.iter_errors(broken)}
    assert problems == {("revisions", 0, "source", "sha256"), ("revisions", 1, "source")}


def test_the_export_carries_footnotes_marks_and_a_new_first_paragraph(empty_store, tmp_path):
    from drafting.engine import Proposal, draft_amendment
    from drafting.model import Delegation, Document, Mark, Paragraph, ParagraphKind, Style
    from drafting.model import Revision as Rev

    schema = json.loads((ROOT / "schemas" / "export.schema.json").read_text(encoding="utf-8"))
    zero = Rev("Zero draft", (
        Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution[^1],",
                  marks=(Mark(0, 9, Style.ITALIC),)),
        Paragraph("p2", "FN1", ParagraphKind.FOOTNOTE, "See A/79/1."),
        Paragraph("p3", "OP1", ParagraphKind.OPERATIVE, "Decides to act;")))
    empty_store.add_delegation(Delegation("EU"))
    empty_store.add_document(Document("A/1", "Marks", (zero,)))
    leading = draft_amendment(zero, Proposal("PP1", new_paragraph="Reaffirming the Charter,",
                                             place_before=True), id="x", proponents=["EU"])
    empty_store.submit("A/1", [leading])
    data = export_json(empty_store, "A/1", tmp_path / "a.json")
    jsonschema.Draft202012Validator(schema).validate(data)
    paragraphs = data["revisions"][0]["paragraphs"]
    assert paragraphs[0]["marks"] == [{"start": 0, "end": 9, "style": "italic"}]
    assert paragraphs[1]["kind"] == "footnote" and "marks" not in paragraphs[1]
    assert data["amendments"][0]["span"] == {"start": 0, "end": 0}
