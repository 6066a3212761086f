"""The smaller breaks of issue 15 (break 8): stores named by URLs drafting cannot use,
files that are not stores, and Word files that embed what is not text.

(Part names in another case and two style sheets are in the hostile corpus,
`corpus.HOSTILE_DOCX`; the progress bar in a pipe is in tests/cli/test_progress.py.)
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from corpus import SYMBOL, fingerprint, refused_line, run_cli, verifies

from drafting.readers import read_docx_submission, read_draft
from drafting.store import StoreError, open_store

ROOT = Path(__file__).parents[2]
ZERO_DRAFT = ROOT / "samples" / "docx" / "zero-draft.docx"
FORMS = ("use sqlite:///drafting.db (a file in this folder), sqlite:////srv/drafting.db (an "
         "absolute path) or postgresql://user@host/dbname")


# Store URLs and files


@pytest.mark.parametrize(("url", "said"), [
    ("file:///tmp/x.db", f"'file:///tmp/x.db' is a file URL; a store in a file is named by "
                         f"a SQLite URL: {FORMS}"),
    ("mysql://u:secret@h/db", "'mysql://u:***@h/db': a drafting store is a SQLite file or a "
                              f"PostgreSQL database, not mysql; {FORMS}"),
    ("oracle://u@h/db", "'oracle://u@h/db': a drafting store is a SQLite file or a PostgreSQL "
                        f"database, not oracle; {FORMS}"),
    ("postgresql+psycopg2://h/db", "'postgresql+psycopg2://h/db': drafting connects to "
                                   "PostgreSQL through psycopg 3, not psycopg2"),
])
def test_a_url_drafting_cannot_use_is_one_clear_line(url, said, capsys):
    for command in (["init"], ["verify"], ["log", SYMBOL]):  # exit 1, never "internal error"
        assert refused_line(run_cli(capsys, *command, "--db", url)).startswith(
            f"drafting: {said}")


def test_a_file_that_is_not_a_database_is_said_to_be_so(tmp_path, capsys):
    """/proc/self/environ is on a file system with no free blocks: it is not a full disk."""
    text = tmp_path / "notes.db"
    text.write_text("not a database\n", encoding="utf-8")
    for path in ("/proc/self/environ", str(text)):
        for command in (["verify"], ["init"], ["log", SYMBOL]):
            line = refused_line(run_cli(capsys, *command, "--db", f"sqlite:///{path}"))
            assert line == (f"drafting: the file at sqlite:///{path} is not a SQLite "
                            "database, so not a drafting store; nothing was read or recorded: "
                            "check the path")
    assert text.read_text(encoding="utf-8") == "not a database\n"
    line = refused_line(run_cli(capsys, "verify", "--db", f"sqlite:///{tmp_path}"))
    assert line.startswith(f"drafting: {tmp_path} is a folder, not a store")


def test_a_server_database_named_as_a_local_folder_or_file_is_no_file(tmp_path, monkeypatch):
    """A PostgreSQL database "negotiation", named from a folder that holds a folder (or a
    file) "negotiation": the server's database is no local file. It was refused as "a
    folder, not a store" (the repository's own folder `drafting` did it for a database
    named drafting) before the server was asked."""
    from sqlalchemy.engine import make_url

    from drafting.store.faults import sqlite_file_problem

    monkeypatch.chdir(tmp_path)
    (tmp_path / "negotiation").mkdir()
    (tmp_path / "notes").write_text("not a database\n", encoding="utf-8")
    for name in ("negotiation", "notes"):
        url = make_url(f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}")
        assert sqlite_file_problem(url) is None
        assert sqlite_file_problem(make_url(f"sqlite:///{name}")) is not None  # a file


def test_an_empty_file_is_not_a_store_until_init_makes_it_one(tmp_path, capsys):
    """A 0-byte file is most likely one just made (``touch``) for the store, or a store
    that lost its content: reading commands say which it may be and leave it as it is
    (SQLite would write to it); ``init`` makes the store in it."""
    empty = tmp_path / "empty.db"
    empty.touch()
    url = f"sqlite:///{empty}"
    for command in (["verify"], ["log", SYMBOL], ["delegation", "list"]):
        line = refused_line(run_cli(capsys, *command, "--db", url))
        assert line == (f"drafting: the file at {url} is empty (0 bytes), so it holds no "
                        "drafting store: if it was made for one, run `drafting init` to "
                        "create the store in it; if it held a store, the store was lost: "
                        "restore it from a backup")
        assert empty.stat().st_size == 0 and not Path(f"{empty}-wal").exists()
    with pytest.raises(StoreError, match=r"is empty \(0 bytes\)"):
        open_store(url)
    assert run_cli(capsys, "init", "--db", url).code == 0
    with open_store(url) as store:
        assert store.verify().ok and store.delegations() == []


# Word files that embed what is not text


ALT_CHUNK = '<w:altChunk r:id="rIdAlt1"/>'
OLE_OBJECT = (
    '<w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml" id="s1" '
    'style="width:9pt;height:9pt"/><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:'
    'office" Type="Embed" ProgID="Excel.Sheet.12" ShapeID="s1" DrawAspect="Content" '
    'ObjectID="_1"/></w:object></w:r>')


def with_embedded(path: Path, *, paragraph: int) -> Path:
    """The zero draft with an embedded document (altChunk) before its section properties
    and an OLE object (a spreadsheet) at the end of Word paragraph ``paragraph``."""
    with zipfile.ZipFile(ZERO_DRAFT) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    xml = parts["word/document.xml"].decode()
    end = xml.rindex("<w:sectPr")
    xml = xml[:end] + ALT_CHUNK + xml[end:]
    start = [m.start() for m in re.finditer(r"<w:p[ >]", xml)][paragraph - 1]
    close = xml.index("</w:p>", start)
    parts["word/document.xml"] = (xml[:close] + OLE_OBJECT + xml[close:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_an_embedded_document_or_object_is_never_dropped_silently(tmp_path, capsys):
    copy = with_embedded(tmp_path / "eu-copy.docx", paragraph=21)
    document = read_draft(ZERO_DRAFT).to_document(SYMBOL)
    read = read_docx_submission(copy, document, delegation="EU")
    assert read.amendments == ()
    assert [str(w) for w in read.warnings] == [
        f"{copy}, paragraph 21: an embedded object (OLE) not read: only the text of "
        "paragraphs takes amendments; put a proposal in the text itself",
        f"{copy}: an embedded document (altChunk) not read: only the text of paragraphs "
        "takes amendments; put a proposal in the text itself"]
    draft = read_draft(copy)  # the import says so too
    assert [w.message for w in draft.warnings if "embedded" in w.message] == [
        "embedded object in PP8 not imported", "embedded document after OP25 not imported"]


def test_submit_of_a_copy_that_only_embeds_says_why_nothing_was_read(tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'n.db'}"
    for command in (["init"], ["import", str(ZERO_DRAFT), "--doc", SYMBOL],
                    ["delegation", "add", "EU"]):
        assert run_cli(capsys, *command, "--db", db).code == 0
    before = fingerprint(db)
    copy = with_embedded(tmp_path / "eu-copy.docx", paragraph=21)
    outcome = run_cli(capsys, "submit", SYMBOL, str(copy), "-d", "EU", "--yes", "--db", db)
    assert refused_line(outcome) == (f"drafting: {copy}: no change found against {SYMBOL}; "
                                     "nothing to submit")
    assert "warning: " + f"{copy}, paragraph 21: an embedded object (OLE) not read" in outcome.err
    assert f"warning: {copy}: an embedded document (altChunk) not read" in outcome.err
    assert fingerprint(db) == before and verifies(db)
