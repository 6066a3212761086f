"""`drafting submit` of a copy of the merged draft where two delegations' changes stand
one space apart, end to end: in OP1 "a one-day high-level meeting" the EU deletes
" one-day" and the G77 replaces "high-level" with "ministerial", so the merged draft holds
"a", " one-day" deleted by EU, " " (no one's change), "high-level" deleted and
"ministerial" inserted by G77. The space, read as the start of the G77's deletion (as
pandoc writes a change's first space apart), made its change "a high-level" ->
"aministerial" once Rev.1 held the EU's: the copy was refused as changing the G77's
pending proposal, before Rev.1 and after it, whoever sent it. A delegation's own copy of
the draft, tracking the same two changes as Word writes them, was recorded as one change,
"a one-day high-level" -> "aministerial", which Rev.1 took with its words glued. Through
pandoc (which writes the space a change begins with apart: "a", " ", "one-day" deleted,
" ", ...) the unedited merged draft was refused the same way."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_copy_identity_commands import OP, SYMBOL, _draft
from test_merged_copy_after_revision_commands import _answered
from test_workflow_commands import drafting, ok

OP1 = "Decides to convene a one-day high-level meeting on small-scale fisheries;"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _merged(tmp_path: Path, *, revised: bool) -> tuple[Path, Path]:
    """The merged draft of the EU's A1 and the G77's A2 on OP1; with ``revised``, Rev.1
    issued after it with A1 accepted."""
    db, base = tmp_path / "s.db", _draft(tmp_path / "zero.docx", op=[OP1, *OP])
    ok(db, "init")
    ok(db, "import", str(base), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "G77", "JPN")
    ok(db, "amend", SYMBOL, "OP1", "-d", "EU", "--delete", " one-day", "--yes")
    ok(db, "amend", SYMBOL, "OP1", "-d", "G77", "--replace", "high-level", "--with",
       "ministerial", "--yes")
    ok(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    if revised:
        ok(db, "decide", "A1", "accept")
        ok(db, "revise", SYMBOL, "--label", "Rev.1")
    return db, tmp_path / "merged.docx"


def _pending(db: Path) -> list[tuple[str, str, tuple[str, ...], str, str]]:
    """The pending amendments: id, paragraph, proponents, words replaced in OP1, words
    proposed."""
    listed = json.loads(ok(db, "amendments", SYMBOL, "--status", "submitted", "--json"))
    return sorted((a["id"], a["paragraph"], tuple(a["proponents"]),
                   a["old_text"] if a["paragraph"] == "OP1" else "", a["new_text"])
                  for a in listed)


@pytest.mark.parametrize("sender", ["JPN", "EU"])
@pytest.mark.parametrize("revised", [False, True], ids=["before-rev1", "after-rev1"])
def test_a_space_between_two_delegations_changes_is_neither_ones(tmp_path, sender, revised):
    db, merged = _merged(tmp_path, revised=revised)
    copy = _answered(merged, tmp_path / f"{sender}.docx", "Kenji Sato", "Calls upon",
                     " coastal")
    done = drafting(db, "submit", SYMBOL, str(copy), "-d", sender, "--yes")
    assert done.returncode == 0, done.stderr
    said = " ".join(done.stderr.split())
    assert "aministerial" not in said
    g77 = ("A2", "OP1", ("G77",), "high-level", "ministerial")
    own = ("A3", "OP2", (sender,), "", " coastal")
    if revised:
        assert "the changes tracked by EU were in the draft already (Rev.1 holds them)" \
            in said
        assert "1 tracked change (here) by G77 is pending already (A2)" in said
        assert _pending(db) == [g77, own]
    else:
        assert "by EU, G77 are pending already" in said
        assert _pending(db) == [("A1", "OP1", ("EU",), " one-day", ""), g77, own]


def test_the_g77s_change_accepted_in_rev2_keeps_the_space(tmp_path):
    """The proposal left pending reads, accepted, as the G77 made it: "a ministerial"."""
    db, merged = _merged(tmp_path, revised=True)
    copy = _answered(merged, tmp_path / "JPN.docx", "Kenji Sato", "Calls upon", " coastal")
    ok(db, "submit", SYMBOL, str(copy), "-d", "JPN", "--yes")
    ok(db, "decide", "A2", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.2")
    text = " ".join(ok(db, "show", SYMBOL).split())
    assert "Decides to convene a ministerial meeting on small-scale fisheries;" in text


def _tracked(base: Path, path: Path, author: str, *runs: tuple[str, str]) -> Path:
    """``base`` saved at ``path`` with OP1's words replaced by ``runs``: (tag, words),
    tag "ins" or "del" for words tracked by ``author``, "" for untracked words."""
    word = docx.Document(str(base))
    paragraph = next(p for p in word.paragraphs if "one-day" in p.text)
    (old,) = paragraph.runs
    for number, (tag, words) in enumerate(runs, 1):
        run = etree.Element(qn("w:r"))
        text = etree.SubElement(run, qn("w:delText" if tag == "del" else "w:t"))
        text.text = words
        text.set(_SPACE, "preserve")
        if tag:
            mark = etree.Element(qn(f"w:{tag}"), {qn("w:id"): str(number),
                                                  qn("w:author"): author,
                                                  qn("w:date"): "2026-11-20T10:00:00Z"})
            mark.append(run)
            run = mark
        old._r.addprevious(run)
    paragraph._p.remove(old._r)
    word.save(str(path))
    return path


def test_a_delegations_own_two_changes_one_space_apart_keep_the_space(tmp_path):
    """JPN's copy of the draft: " one-day" deleted, " " untouched, "high-level" deleted
    and "ministerial" inserted, as Word tracks it."""
    db, base = tmp_path / "s.db", _draft(tmp_path / "zero.docx", op=[OP1, *OP])
    ok(db, "init")
    ok(db, "import", str(base), "--doc", SYMBOL)
    ok(db, "delegation", "add", "JPN")
    copy = _tracked(base, tmp_path / "JPN.docx", "JPN", ("", "1.\tDecides to convene a"),
                    ("del", " one-day"), ("", " "), ("del", "high-level"),
                    ("ins", "ministerial"), ("", " meeting on small-scale fisheries;"))
    ok(db, "submit", SYMBOL, str(copy), "-d", "JPN", "--yes")
    assert _pending(db) == [("A1", "OP1", ("JPN",), " one-day", ""),
                            ("A2", "OP1", ("JPN",), "high-level", "ministerial")]
    ok(db, "decide", "A1", "accept")
    ok(db, "decide", "A2", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    text = " ".join(ok(db, "show", SYMBOL).split())
    assert "Decides to convene a ministerial meeting on small-scale fisheries;" in text


def test_the_merged_draft_through_pandoc_unedited_proposes_nothing(tmp_path):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    db, merged = _merged(tmp_path, revised=False)
    sent = tmp_path / "JPN.docx"
    subprocess.run(["pandoc", "--track-changes=all", str(merged), "-o", str(sent)],
                   check=True, timeout=60)
    done = drafting(db, "submit", SYMBOL, str(sent), "-d", "JPN", "--yes")
    said = " ".join(done.stderr.split())
    assert "no change found against" in said and "is not G77's pending" not in said
    assert "by EU, G77 are pending already" in said
    assert _pending(db) == [("A1", "OP1", ("EU",), " one-day", ""),
                            ("A2", "OP1", ("G77",), "high-level", "ministerial")]
