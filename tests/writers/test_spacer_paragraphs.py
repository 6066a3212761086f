"""A draft whose paragraphs are laid apart by one empty Word paragraph between them (as
many secretariats, and every Google Docs export, lay them out) keeps that layout in
Rev.1 and in the merged draft's Accept All: a deleted paragraph takes one blank line
with it, a new one comes with one; Reject All gives the draft as it was. A document
laid out without them, and empty paragraphs that lay out something else, stay as
they are."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from ooxml_views import body_of

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
CHAPEAU = "The General Assembly,"
PARAGRAPHS = ("Recalling its resolution 70/1,", "Noting the report,",
              "1.\tUrges States to act;", "2.\tCalls upon States to report;",
              "3.\tRequests a report;", "4.\tDecides to remain seized of the matter.")
_DEL, _INS = qn("w:del"), qn("w:ins")


def _draft(path: Path, lines: tuple[str, ...] = (CHAPEAU, *PARAGRAPHS), *,
           spaced: bool = True) -> Path:
    """A draft with one empty paragraph after each paragraph (``spaced``), or none."""
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
        if spaced:
            word.add_paragraph("")
    word.save(path)
    return path


def _lines(path: Path, keep: str | None = None) -> list[str]:
    """The text of each Word paragraph of the body, "" for an empty one: with every
    change accepted (``keep`` "w:ins"), rejected ("w:del"), or as it stands (None)."""
    dropped = {"w:ins": _DEL, "w:del": _INS}.get(keep or "")
    lines, carried = [], ""
    for p in body_of(path).find(qn("w:body")).iterchildren(qn("w:p")):
        words = carried + "".join(
            "\t" if t.tag == qn("w:tab") else t.text or ""
            for t in p.iter(qn("w:t"), qn("w:delText"), qn("w:tab"))
            if not any(a.tag == dropped for a in t.iterancestors())
            and (t.tag != qn("w:delText") or keep is not None))
        mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        joins = mark is not None and dropped is not None and mark.find(dropped) is not None
        carried = words if joins else ""
        if not joins:
            lines.append(words)
    return lines


def _amendments(document, asked):
    return [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                            proponents=[code], submitted_at=T0)
            for n, (code, label, fields) in enumerate(asked, 1)]


def _both(tmp_path: Path, source: Path, asked) -> tuple[Path, Path]:
    """The merged draft of ``asked`` and Rev.1 with all of them accepted."""
    document = read_docx_draft(source).to_document("A/C.3/81/L.20")
    amendments = _amendments(document, asked)
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    outcome = revise(document, amendments, Decisions(accepted=frozenset(
        a.id for a in amendments)), label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert [p.text for p in read_docx_draft(rev1).paragraphs] == [
        p.text for p in outcome.revision]
    return merged, rev1


def _spaced(*lines: str) -> list[str]:
    return [x for line in lines for x in (line, "")]


def test_a_deleted_paragraph_takes_one_blank_line_and_a_new_one_brings_one(tmp_path):
    source = _draft(tmp_path / "draft.docx")
    merged, rev1 = _both(tmp_path, source, [
        ("CHL", "OP1", {"new_paragraph": "Encourages States to share good practices;"}),
        ("USA", "OP3", {"delete_paragraph": True})])
    expected = _spaced(CHAPEAU, *PARAGRAPHS[:3], "1 bis.\tEncourages States to share good "
                       "practices;", PARAGRAPHS[3], PARAGRAPHS[5])
    assert _lines(merged, "w:ins") == expected
    assert _lines(merged, "w:del") == _lines(source)
    assert _lines(rev1) == _spaced(
        CHAPEAU, *PARAGRAPHS[:3], "2.\tEncourages States to share good practices;",
        "3.\tCalls upon States to report;", "4.\tDecides to remain seized of the matter.")


def test_the_blank_lines_are_tracked_by_the_delegation_that_proposed_the_change(tmp_path):
    source = _draft(tmp_path / "draft.docx")
    merged, _ = _both(tmp_path, source, [
        ("CHL", "OP1", {"new_paragraph": "Encourages States to share good practices;"}),
        ("USA", "OP3", {"delete_paragraph": True})])
    blank_marks = [(mark.tag, mark.get(qn("w:author")))
                   for p in body_of(merged).iter(qn("w:p")) if not "".join(p.itertext())
                   for mark in p.iterfind(f"{qn('w:pPr')}/{qn('w:rPr')}/*")
                   if mark.tag in (_INS, _DEL)]
    assert sorted(blank_marks) == [(_DEL, "USA"), (_INS, "CHL")]  # one each, by its own


@pytest.mark.parametrize(("asked", "expected"), [
    ([("CHL", "OP4", {"delete_paragraph": True})],  # the last: the blank line before it
     _spaced(CHAPEAU, *PARAGRAPHS[:5])),
    ([("CHL", "OP3", {"delete_paragraph": True}), ("USA", "OP4", {"delete_paragraph": True})],
     _spaced(CHAPEAU, *PARAGRAPHS[:4])),
    ([("CHL", "PP1", {"delete_paragraph": True})],  # after the chapeau's blank line
     _spaced(CHAPEAU, *PARAGRAPHS[1:])),
    ([("CHL", "OP3", {"delete_paragraph": True}),  # one in the place of another
      ("USA", "OP3", {"new_paragraph": "Invites States to act;"})],
     _spaced(CHAPEAU, *PARAGRAPHS[:4], "3 bis.\tInvites States to act;", PARAGRAPHS[5])),
    ([("CHL", "OP4", {"new_paragraph": "Closes the session."}),  # after the last
      ("USA", "OP4", {"new_paragraph": "Thanks the Chair."})],
     _spaced(CHAPEAU, *PARAGRAPHS, "4 bis.\tCloses the session.", "4 ter.\tThanks the Chair.")),
], ids=["last deleted", "last two deleted", "first deleted", "replaced", "new last two"])
def test_the_layout_stays_regular_around_every_change(tmp_path, asked, expected):
    source = _draft(tmp_path / "draft.docx")
    merged, rev1 = _both(tmp_path, source, asked)
    assert _lines(merged, "w:ins") == expected
    assert _lines(merged, "w:del") == _lines(source)
    assert [line.split("\t")[-1] for line in _lines(rev1)] == [
        line.split("\t")[-1] for line in expected]


def test_a_draft_without_blank_lines_gets_none(tmp_path):
    lines = ("Draft resolution", "", CHAPEAU, *PARAGRAPHS)  # one blank: not between two
    source = _draft(tmp_path / "draft.docx", lines, spaced=False)
    merged, rev1 = _both(tmp_path, source, [
        ("CHL", "PP1", {"delete_paragraph": True}),
        ("CHL", "OP1", {"new_paragraph": "Encourages States to act;"}),
        ("USA", "OP4", {"delete_paragraph": True})])
    expected = ["Draft resolution", "", CHAPEAU, PARAGRAPHS[1], PARAGRAPHS[2],
                "1 bis.\tEncourages States to act;", *PARAGRAPHS[3:5]]
    assert _lines(merged, "w:ins") == expected
    assert [line.split("\t")[-1] for line in _lines(rev1)] == [
        line.split("\t")[-1] for line in expected]


def test_blank_lines_that_are_not_between_two_paragraphs_stay(tmp_path):
    lines = ("Draft resolution", "", "", CHAPEAU, "", PARAGRAPHS[0], "", "", PARAGRAPHS[1],
             "", *PARAGRAPHS[2:4])
    source = _draft(tmp_path / "draft.docx", lines, spaced=False)
    merged, rev1 = _both(tmp_path, source, [("CHL", "PP1", {"delete_paragraph": True}),
                                            ("USA", "OP2", {"delete_paragraph": True})])
    expected = ["Draft resolution", "", "", CHAPEAU, "", "", "", PARAGRAPHS[1], "",
                PARAGRAPHS[2]]  # two blank lines in a row are no spacer: none goes
    assert _lines(merged, "w:ins") == expected
    assert _lines(rev1) == expected


ITEMS = (CHAPEAU, "Recalling its resolution 70/1,", "1.\tUrges States to act;",
         "2.\tCalls upon States:", "(a)\tto report;", "(b)\tto act;",
         "3.\tDecides to remain seized of the matter.")


@pytest.mark.parametrize(("asked", "expected"), [
    ([("CHL", "OP2", {"insert": "\n(c)\tto cooperate;", "after": "to act;"})],
     _spaced(*ITEMS[:6], "(c)\tto cooperate;", ITEMS[6])),
    ([("CHL", "OP2", {"delete": "\n(a)\tto report;"})],
     _spaced(*ITEMS[:4], "(a)\tto act;", ITEMS[6])),
    ([("CHL", "OP2", {"delete_paragraph": True})],  # its items' blank lines go too
     _spaced(*ITEMS[:3], "2.\tDecides to remain seized of the matter.")),
], ids=["new item", "item deleted", "paragraph with items deleted"])
def test_items_laid_apart_keep_their_blank_lines(tmp_path, asked, expected):
    source = _draft(tmp_path / "draft.docx", ITEMS)
    merged, rev1 = _both(tmp_path, source, asked)
    assert _lines(merged, "w:del") == _lines(source)
    assert _lines(rev1) == expected
    accepted = _lines(merged, "w:ins")
    assert [bool(line) for line in accepted] == [bool(line) for line in expected]
