"""`drafting submit` of a copy of the round-1 merged draft, sent back after Rev.1 was
issued, end to end. In OP2 the merged draft tracks the EU's change (accepted: Rev.1 holds
it) beside the USA's (still pending). Sent by the EU, its own accepted change made the
copy read as a copy of the zero draft, where the USA's change is no pending proposal: the
file was refused as tracking another delegation's changes, with advice (--author
'USA=EU') that would have put the USA's proposal in the EU's name."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_copy_identity_commands import SYMBOL, _draft
from test_workflow_commands import drafting, ok


@pytest.fixture
def round_one(tmp_path):
    """Rev.1 issued with the EU's A1 (OP2 "submit" -> "present") accepted and the USA's A2
    (OP2 "present resolution" -> "resolution") pending, both made on the zero draft, and
    the merged draft written before the decision."""
    db, base = tmp_path / "s.db", _draft(tmp_path / "zero.docx")
    ok(db, "init")
    ok(db, "import", str(base), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA", "JPN")
    ok(db, "amend", SYMBOL, "OP2", "-d", "EU", "--replace", "submit", "--with", "present",
       "--yes")
    ok(db, "amend", SYMBOL, "OP2", "-d", "USA", "--delete", "present ", "--yes")
    ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    ok(db, "decide", "A1", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    return db, tmp_path / "merged.docx"


def _answered(merged: Path, path: Path, author: str, after: str, words: str) -> Path:
    """``merged`` saved at ``path`` with ``words`` typed by ``author`` right after the
    text ``after``, with Track Changes on."""
    with zipfile.ZipFile(merged) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    text = next(t for t in body.iter(qn("w:t")) if after in (t.text or ""))
    run, cut = text.getparent(), text.text.index(after) + len(after)
    rest = copy.deepcopy(run)  # the run split where the words are typed
    at = list(run).index(text)
    for child in list(run)[at + 1:]:
        run.remove(child)
    for child in [c for c in list(rest)[:at] if c.tag != qn("w:rPr")]:
        rest.remove(child)
    split = next(t for t in rest.iter(qn("w:t")))
    text.text, split.text = text.text[:cut], text.text[cut:]
    for kept in (text, split):
        kept.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.addnext(rest)
    mark = etree.Element(qn("w:ins"), {qn("w:id"): "9001", qn("w:author"): author,
                                       qn("w:date"): "2026-12-06T10:00:00Z"})
    typed = etree.SubElement(etree.SubElement(mark, qn("w:r")), qn("w:t"))
    typed.text = words
    typed.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text.getparent().addnext(mark)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _pending(db: Path) -> list[tuple[str, tuple[str, ...], str]]:
    listed = json.loads(ok(db, "amendments", SYMBOL, "--status", "submitted", "--json"))
    return [(a["paragraph"], tuple(a["proponents"]), a["new_text"]) for a in listed]


@pytest.mark.parametrize("sender", ["EU", "JPN"])
def test_the_merged_draft_sent_back_after_rev1_proposes_only_the_senders_changes(
        round_one, tmp_path, sender):
    db, merged = round_one
    copy = _answered(merged, tmp_path / f"{sender}.docx", "Anna Schmidt", "Calls upon all",
                     " coastal")
    done = drafting(db, "submit", SYMBOL, str(copy), "-d", sender, "--yes")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stderr.split())
    assert "the changes tracked by EU were in the draft already (Rev.1 holds them)" in said
    assert "1 tracked change (here) by USA is pending already (A2)" in said
    assert "reads as Zero draft had it" not in said  # nothing of Rev.1's is undone
    assert _pending(db) == [("OP2", ("USA",), ""), ("OP1", (sender,), " coastal")]


def test_a_change_tracked_under_another_delegations_code_is_refused_without_author_advice(
        round_one, tmp_path):
    """Mapped with --author 'USA=EU', the USA's words would be the EU's proposal."""
    db, merged = round_one
    copy = _answered(merged, tmp_path / "EU.docx", "USA", "Calls upon all", " coastal")
    done = drafting(db, "submit", SYMBOL, str(copy), "-d", "EU", "--yes")
    said = " ".join(done.stderr.split())
    assert done.returncode == 1
    assert "by Word author 'USA' are USA's, as the merged draft tracks each delegation's " \
        "proposals under its code" in said and "they are not EU's to propose" in said
    assert "--author" not in said and "--delegation USA" in said
    assert _pending(db) == [("OP2", ("USA",), "")]
