"""A Word comment the secretariat left in its draft ("INTERNAL - legal office to clear
this wording") stays in its own document, kept in the store, but nothing circulated from
it carries it (every view is sent to every delegation): not the compilation, not the
merged draft (which holds the delegations' reasons as its comments), not Rev.1 (nor Word's
parts threading, dating and naming comments), not the diff that shows what Rev.1 changed;
the import warning says so. The compilation and the merged draft carried them all."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from drafting.engine import Proposal
from drafting.outputs import compile_to, diff_to, merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

NOTE = "INTERNAL - secretariat: legal office to clear this wording before issue."


def _commented(path):
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    commented = word.add_paragraph("1.\tRequests the Secretary-General to support States;")
    word.add_paragraph("2.\tInvites Member States to contribute to the trust fund;")
    word.add_comment(commented.runs[0], text=NOTE, author="Secretariat", initials="S")
    word.save(path)
    return path


def _holds(blob: bytes, *names: str) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(blob)) as package:
        return [name for name in names if name in package.namelist() and (
            NOTE.encode() in package.read(name) or b"commentReference" in package.read(name))]


def test_rev1_carries_no_comment_of_the_draft(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        _, warnings = import_draft(store, _commented(tmp_path / "L5.docx"), "L5")
        assert [w.message for w in warnings] == [
            "comment in OP1 not imported (it stays in the secretariat's Word document, and "
            "is left out of what is circulated from it: compilation, merged draft, "
            "revisions)"]
        add_delegations(store, ["EU"])
        proposal = Proposal("OP2", replace="trust fund", with_="Special Fund",
                            reason="A fund of its own.")
        (recorded,) = record(store, "L5", [prepare_amendment(store, "L5", proposal, "EU")]
                             ).amendments
        merge_to(store, "L5", tmp_path / "merged.docx")  # sent to every delegation too
        compile_to(store, "L5", tmp_path / "compilation.docx")
        store.decide(recorded.id, "accept")
        said: list[str] = []
        revise_document(store, "L5", "Rev.1", warn=said.append)
        assert said == []
        draft, rev1 = store.source("L5", "Zero draft"), store.source("L5", "Rev.1")
    parts = ("word/document.xml", "word/comments.xml")
    assert _holds(draft, *parts) == list(parts)
    assert _holds(rev1, *parts) == []
    with zipfile.ZipFile(tmp_path / "merged.docx") as package:  # its one comment: the EU's
        assert NOTE.encode() not in package.read("word/comments.xml")  # reason
        assert package.read("word/comments.xml").count(b"<w:comment ") == 1
        assert b"A fund of its own." in package.read("word/comments.xml")
        assert b'w:author="EU"' in package.read("word/document.xml")
    assert _holds((tmp_path / "compilation.docx").read_bytes(), *parts) == []
    with open_store(url) as store:  # what Rev.1 changed, circulated too: no comment either
        diff_to(store, "L5", "Zero draft", "Rev.1", tmp_path / "changes.docx")
    changes = (tmp_path / "changes.docx").read_bytes()
    assert _holds(changes, *parts) == []
    assert b"Special Fund" in zipfile.ZipFile(io.BytesIO(changes)).read("word/document.xml")
    made = docx.Document(io.BytesIO(rev1))
    assert [p.text for p in made.paragraphs][-2:] == [
        "1.\tRequests the Secretary-General to support States;",
        "2.\tInvites Member States to contribute to the Special Fund;"]


THREADED = Path(__file__).parents[2] / ".." / "shared" / "fixtures" / "docx" / \
    "docx2python_comments.docx"
"""A Word 365 file whose comments are threaded (replies), dated and their authors listed
in Word's own parts (commentsExtended, commentsIds, commentsExtensible, people)."""
AUTHORS = (b"Randy Bartels", b"Shay Hill")


@pytest.mark.skipif(not THREADED.exists(), reason="needs ../shared/fixtures/docx")
def test_rev1_keeps_no_thread_date_or_name_of_the_drafts_comments(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, THREADED, "C1")
        revise_document(store, "C1", "Rev.1")
        draft, rev1 = store.source("C1", "Zero draft"), store.source("C1", "Rev.1")
    threads = ("word/commentsExtended.xml", "word/commentsIds.xml",
               "word/commentsExtensible.xml", "word/people.xml")
    with zipfile.ZipFile(io.BytesIO(draft)) as package:
        assert all(len(etree.fromstring(package.read(name))) for name in threads)
        assert all(author in package.read("word/people.xml") for author in AUTHORS)
    with zipfile.ZipFile(io.BytesIO(rev1)) as package:
        assert [len(etree.fromstring(package.read(name))) for name in threads] == [0] * 4
        assert not any(author in package.read(name) for name in package.namelist()
                       if name.startswith("word/") for author in AUTHORS)
    assert [p.text for p in docx.Document(io.BytesIO(rev1)).paragraphs][1:4] == [
        "Par2", "Par3", "Par4"]
