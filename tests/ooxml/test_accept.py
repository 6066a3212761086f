"""Every tracked change accepted in a Word package (`accept_all`), as Word's Accept All
leaves it: checked against the accepted baselines of Word files written by others and
on the cases a secretariat's draft holds (a deleted paragraph, joined paragraphs, a
deleted row, a formatting change)."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, dele, ins, para, write_docx

from drafting.ooxml.accept import accept_all
from drafting.ooxml.visible import visible
from drafting.readers.docx_draft import read_docx_draft

FIXTURES = Path(__file__).parents[2] / ".." / "shared" / "fixtures" / "docx"
BASELINES = sorted(FIXTURES.glob("expected/*-Accepted.docx")) if FIXTURES.exists() else []
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TRACKED = [f"{W}{name}" for name in ("ins", "del", "moveFrom", "moveTo", "rPrChange",
                                     "pPrChange", "moveFromRangeStart", "moveToRangeStart")]


def _texts(package: bytes) -> list[str]:
    """The body's paragraphs that hold text, as a reader sees them."""
    body = docx.Document(io.BytesIO(package)).element.body
    return [text for p in body.iter(f"{W}p") if (text := visible(p).text.strip())]


def _tracked(package: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(package)) as read:
        return sum(1 for name in read.namelist() if name.endswith(".xml")
                   for _ in etree.fromstring(read.read(name)).iter(*TRACKED))


@pytest.mark.skipif(not BASELINES, reason="../shared/fixtures/docx is absent")
@pytest.mark.parametrize("baseline", BASELINES, ids=lambda path: path.name)
def test_word_files_of_others_read_as_their_accepted_baselines(baseline, tmp_path):
    original = FIXTURES / baseline.name.replace("-Accepted.docx", ".docx")
    accepted, count = accept_all(original.read_bytes())
    assert count > 0 and _tracked(accepted) == 0
    assert _texts(accepted) == _texts(baseline.read_bytes())
    kept = tmp_path / "kept.docx"  # and the import reads it as it read the original
    kept.write_bytes(accepted)
    assert [(p.label, p.text) for p in read_docx_draft(kept).paragraphs] == [
        (p.label, p.text) for p in read_docx_draft(original).paragraphs]


def test_a_package_with_no_tracked_change_is_kept_byte_for_byte(tmp_path):
    path = write_docx(tmp_path / "d.docx", [para("OP1", "Decides to act;")])
    assert accept_all(path.read_bytes()) == (path.read_bytes(), 0)


def test_deleted_marks_join_paragraphs_and_a_deleted_paragraph_goes(tmp_path):
    path = write_docx(tmp_path / "d.docx", [
        para("OP1", "Decides ", ins("urgently "), dele("slowly "), "to act", mark=dele()),
        Para([" and to report;"], style="Quote"),  # joined: the first keeps its form
        para("OP2", dele("Requests a report;"), mark=dele(), whole="del"),
        Para(["OP2\tInvites States;"], style="Heading 3"),  # takes the deleted one's place
        para("OP3", ins("Welcomes progress;"), mark=ins(), whole="ins"),
    ], title="", subtitle="")
    accepted, count = accept_all(path.read_bytes())
    assert count == 9
    body = docx.Document(io.BytesIO(accepted)).element.body
    paragraphs = [(p.find(f"{W}pPr/{W}pStyle"), visible(p).text) for p in body.iter(f"{W}p")]
    assert [(style is not None and style.get(f"{W}val"), text)
            for style, text in paragraphs] == [
        (False, "OP1\tDecides urgently to act and to report;"),
        ("Heading3", "OP2\tInvites States;"),
        (False, "OP3\tWelcomes progress;"),
    ]
    assert _tracked(accepted) == 0


def test_deleted_rows_go_and_formatting_changes_keep_the_new_form(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for row, words in zip(table.rows, ("kept", "gone"), strict=True):
        row.cells[1].text = words
    stamp = 'w:id="9" w:author="Secretariat" w:date="2026-11-02T10:00:00Z"'
    gone = table.rows[1]._tr
    gone.insert(0, etree.fromstring(
        f'<w:trPr xmlns:w="{W[1:-1]}"><w:del {stamp}/></w:trPr>'))
    run = document.add_paragraph().add_run("Decides")
    run.bold = True
    run._r.rPr.append(etree.fromstring(
        f'<w:rPrChange xmlns:w="{W[1:-1]}" {stamp}><w:rPr/></w:rPrChange>'))
    path = tmp_path / "d.docx"
    document.save(str(path))
    accepted, count = accept_all(path.read_bytes())
    assert count == 2
    again = docx.Document(io.BytesIO(accepted))
    assert [row.cells[1].text for row in again.tables[0].rows] == ["kept"]
    assert again.paragraphs[-1].runs[0].bold is True
    assert _tracked(accepted) == 0
