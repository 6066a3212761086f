"""Spacing once deletions are accepted, on a General Assembly draft as circulated: Rev.1
and Word's Accept All of the merged draft read the same, one space between words and
none before a closing mark; Reject All is the source."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from un_documents import OPERATIVE, Del, Ins, ga_draft, libreoffice_docx

SYMBOL = "A/C.2/81/L.99"
OP3 = OPERATIVE[2][1]
DELETED = "[within existing resources]"
KEPT = "3.\tRequests the Secretary-General to submit a report on the implementation of the " \
       "present resolution;"
SOURCE = KEPT[:-1] + " [within existing resources];"


@pytest.mark.parametrize("deleted", [DELETED, " " + DELETED], ids=["bracket", "with space"])
def test_deleted_bracket_leaves_no_space_before_the_semicolon(tmp_path, deleted):
    """The EU's Word copy strikes "[within existing resources]" (or the space before it
    too) before OP3's closing semicolon: Rev.1 and Accept All of the merged draft read
    "... the present resolution;", where both showed "resolution ;"."""
    db = tmp_path / "s.db"
    source = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    before, after = OP3.split(deleted)
    copy = libreoffice_docx(ga_draft({"OP3": ["3.\t", "Requests", before, Del(deleted),
                                              after]}), tmp_path / "EU.docx")
    merged, rev1 = tmp_path / "merged.docx", tmp_path / "Rev.1.docx"
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU"),
                 ("submit", SYMBOL, str(copy), "--delegation", "EU", "--yes"),
                 ("merge", SYMBOL, "-o", str(merged)),
                 ("decide", "A1", "accept"), ("revise", SYMBOL, "--label", "Rev.1"),
                 ("show", SYMBOL, "-o", str(rev1))):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    assert _line(rev1, "Requests") == KEPT
    lo_track("accept", merged, tmp_path / "accepted.docx")
    assert _line(tmp_path / "accepted.docx", "Requests") == KEPT
    lo_track("reject", merged, tmp_path / "rejected.docx")
    assert _line(tmp_path / "rejected.docx", "Requests") == SOURCE


MEETING = " high-level meeting on small-scale fisheries;"


@pytest.mark.parametrize("struck", ["one-day ", "one-day"], ids=["with its space", "word"])
def test_word_struck_and_words_put_before_the_next_leave_one_space(tmp_path, struck):
    """The EU strikes "one-day" (with the space after it, or not); the USA's Word copy
    puts "two-week " before "high-level". Both accepted, Rev.1 and Accept All of the
    merged draft read "a two-week high-level meeting": the revision refused the pair as
    changing the same words, and the merged draft left "a  two-week" (two spaces)."""
    db = tmp_path / "s.db"
    source = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    copy = libreoffice_docx(ga_draft({"OP1": ["1.\t", "Decides", " to convene a one-day ",
                                              Ins("two-week ", "USA delegate"), MEETING[1:]]}),
                            tmp_path / "USA.docx")
    merged, rev1 = tmp_path / "merged.docx", tmp_path / "Rev.1.docx"
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU", "USA"),
                 ("amend", SYMBOL, "OP1", "--delegation", "EU", "--delete", struck, "--yes"),
                 ("submit", SYMBOL, str(copy), "--delegation", "USA", "--yes"),
                 ("merge", SYMBOL, "-o", str(merged)),
                 ("decide", "A1", "accept"), ("decide", "A2", "accept"),
                 ("revise", SYMBOL, "--label", "Rev.1"), ("show", SYMBOL, "-o", str(rev1))):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    made = "1.\tDecides to convene a two-week" + MEETING
    assert _line(rev1, "Decides") == made
    lo_track("accept", merged, tmp_path / "accepted.docx")
    assert _line(tmp_path / "accepted.docx", "Decides") == made
    lo_track("reject", merged, tmp_path / "rejected.docx")
    assert _line(tmp_path / "rejected.docx", "Decides") == "1.\tDecides to convene a one-day" \
        + MEETING


def _line(path: Path, opening: str) -> str:
    (text,) = [p.text for p in docx.Document(str(path)).paragraphs if opening in p.text]
    return text
