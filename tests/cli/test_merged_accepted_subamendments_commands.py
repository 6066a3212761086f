"""`drafting merge --status accepted`, end to end, where an amendment to another
delegation's proposal (a sub-amendment) was accepted with that proposal: it was shown only
as a comment on the proposal, the tracked change reading the proposal's own words, so that
Accept All in Word gave a text the revision does not."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_copy_identity_commands import SYMBOL, _draft
from test_workflow_commands import ok

from drafting.ooxml.accept import accept_all

OP2 = ("Requests the Secretary-General to {} a report on the implementation of the present "
       "resolution at its eighty-second session;")
NEW = "Invites donors to contribute{} to the trust fund;"


@pytest.fixture
def decided(tmp_path):
    """The EU's A1 (OP2 "submit a report" -> "present a report") and A3 (a new paragraph
    after OP4), the USA's A2 ("present" -> "transmit" in A1's words) and A4 (" generously"
    in A3's), all accepted; the merged draft of the accepted amendments."""
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(_draft(tmp_path / "zero.docx")), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    ok(db, "amend", SYMBOL, "OP2", "-d", "EU", "--replace", "submit a report", "--with",
       "present a report", "--yes")
    ok(db, "amend", SYMBOL, "A1", "-d", "USA", "--replace", "present", "--with", "transmit",
       "--yes")
    ok(db, "amend", SYMBOL, "OP4", "-d", "EU", "--new-paragraph", NEW.format(""), "--yes")
    ok(db, "amend", SYMBOL, "A3", "-d", "USA", "--insert", " generously", "--after",
       "contribute", "--yes")
    for amendment in ("A2", "A1", "A4", "A3"):
        ok(db, "decide", amendment, "accept")
    merged = tmp_path / "accepted.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged), "--status", "accepted")
    return db, merged


def _texts(package: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(package)).paragraphs]


def test_an_accepted_subamendment_shows_as_the_tracked_change_it_makes(decided):
    db, merged = decided
    package = merged.read_bytes()
    accepted, _ = accept_all(package)
    texts = _texts(accepted)
    assert f"2.\t{OP2.format('transmit')}" in texts
    assert f"4 bis.\t{NEW.format(' generously')}" in texts  # typed so in the merged draft
    assert OP2.format("present") not in " ".join(texts)
    with zipfile.ZipFile(merged) as read:
        body = read.read("word/document.xml")
        comments = read.read("word/comments.xml").decode() \
            if "word/comments.xml" in read.namelist() else ""
    inserted = docx.Document(io.BytesIO(package)).element.body.iter(qn("w:ins"))
    assert {mark.get(qn("w:author")) for mark in inserted} == {"EU, USA"}
    assert b"transmit" in body and "Amendment A2" not in comments \
        and "Amendment A4" not in comments
    revised = ok(db, "revise", SYMBOL, "--label", "Rev.1", "--dry-run")
    assert OP2.format("transmit") in " ".join(revised.split())  # what Accept All gave


def test_the_merged_draft_of_pending_proposals_still_comments_the_subamendments(
        tmp_path: Path):
    db = tmp_path / "s.db"
    ok(db, "init")
    ok(db, "import", str(_draft(tmp_path / "zero.docx")), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    ok(db, "amend", SYMBOL, "OP2", "-d", "EU", "--replace", "submit a report", "--with",
       "present a report", "--yes")
    ok(db, "amend", SYMBOL, "A1", "-d", "USA", "--replace", "present", "--with", "transmit",
       "--yes")
    ok(db, "decide", "A2", "accept")  # its proposal still pending
    merged = tmp_path / "merged.docx"
    ok(db, "merge", SYMBOL, "-o", str(merged), "--status", "accepted", "--status", "submitted")
    with zipfile.ZipFile(merged) as read:
        comments = read.read("word/comments.xml").decode()
    assert "Amendment A2 (USA) to this proposal: replace 'present' with 'transmit'." in comments
