"""A pending amendment beside an accepted insertion that repeats its words: JPN proposes
'report' -> 'study' in "a report on the implementation"; the USA's insertion, accepted,
puts "a report on the financing of small-scale fisheries and" just before it. The revision
knows where it put those words, so JPN's proposal stays on the report it amended (it was
carried onto the USA's new "report"), from the command line and from a Word copy of an
earlier revision alike."""

from __future__ import annotations

import zipfile
from pathlib import Path

from test_workflow_commands import SAMPLES, SYMBOL, drafting

AFTER = "eighty-third session"
FINANCING = " a report on the financing of small-scale fisheries and"
STOCKS = " a report on fish stocks and"
WANTED = f"{AFTER}{FINANCING} a study on the implementation of the present resolution"

_IMPLEMENTATION = (" a report on the implementation of the present resolution, including "
                   "recommendations on further action;</w:t></w:r>")
_STUDY = (' a </w:t></w:r><w:del w:id="901" w:author="JPN" w:date="2026-10-20T10:00:00Z">'
          '<w:r><w:delText>report</w:delText></w:r></w:del><w:ins w:id="902" w:author="JPN" '
          'w:date="2026-10-20T10:00:00Z"><w:r><w:t>study</w:t></w:r></w:ins><w:r><w:t '
          'xml:space="preserve"> on the implementation of the present resolution, including '
          'recommendations on further action;</w:t></w:r>')


def _ok(db: Path, *args: str) -> str:
    """What ``drafting ARGS`` said, standard output and then its warnings."""
    done = drafting(db, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def _usa_insertion_accepted(db: Path, source: Path, label: str = "Rev.1") -> None:
    _ok(db, "init")
    _ok(db, "import", str(source), "--doc", SYMBOL)
    _ok(db, "delegation", "add", "USA", "JPN", "CAN")
    _ok(db, "amend", SYMBOL, "OP24", "-d", "USA", "--insert", FINANCING, "--after", AFTER,
        "--yes")


def _op24(db: Path) -> str:
    shown = _ok(db, "show", SYMBOL, "--para", "OP24")
    return " ".join(shown.split())


def _jpn_copy_of_the_zero_draft(tmp_path: Path) -> Path:
    """JPN's copy of the zero draft with 'report' -> 'study' tracked in OP24."""
    out = tmp_path / "jpn.docx"
    with zipfile.ZipFile(SAMPLES / "docx" / "zero-draft.docx") as zin, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode()
                assert xml.count(_IMPLEMENTATION) == 1
                data = xml.replace(_IMPLEMENTATION, _STUDY).encode()
            zout.writestr(item, data)
    return out


def test_a_pending_amendment_stays_on_its_words_when_an_insertion_repeats_them(tmp_path):
    db = tmp_path / "s.db"
    _usa_insertion_accepted(db, SAMPLES / "zero-draft.md")
    _ok(db, "amend", SYMBOL, "OP24", "-d", "JPN", "--replace", "report", "--with", "study",
        "--yes")  # A2, made on the zero draft's only "report"
    _ok(db, "decide", "A1", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    pending = _ok(db, "amendments", SYMBOL, "--status", "submitted")
    assert "A2" in pending and "replace 'report' -> 'study'" in pending
    _ok(db, "compile", SYMBOL, "-o", str(tmp_path / "c.txt"))
    compiled = " ".join((tmp_path / "c.txt").read_text(encoding="utf-8").split())
    assert f"{FINANCING.strip()} a -{{report}}- +{{study}}+ (JPN) on the implementation" \
        in compiled
    _ok(db, "decide", "A2", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.2")
    assert WANTED in _op24(db)  # it was "a study on the financing ... and a report on the
    # implementation": the opposite of what JPN proposed


def test_a_copy_of_the_zero_draft_is_carried_onto_the_words_it_changed(tmp_path):
    db = tmp_path / "s.db"
    _usa_insertion_accepted(db, SAMPLES / "docx" / "zero-draft.docx")
    _ok(db, "decide", "A1", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    sent = _ok(db, "submit", SYMBOL, str(_jpn_copy_of_the_zero_draft(tmp_path)), "-d", "JPN",
               "--yes")
    assert "carried onto Rev.1's text" in sent and "recorded 1 amendment: A2" in sent
    _ok(db, "decide", "A2", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.2")
    assert WANTED in _op24(db)


def test_a_copy_of_the_zero_draft_is_carried_through_two_revisions(tmp_path):
    """Rev.1 and Rev.2 each put a report before the one JPN's copy changed."""
    db = tmp_path / "s.db"
    _usa_insertion_accepted(db, SAMPLES / "docx" / "zero-draft.docx")
    _ok(db, "decide", "A1", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.1")
    _ok(db, "amend", SYMBOL, "OP24", "-d", "CAN", "--insert", STOCKS, "--after",
        "small-scale fisheries and", "--yes")
    _ok(db, "decide", "A2", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.2")
    sent = _ok(db, "submit", SYMBOL, str(_jpn_copy_of_the_zero_draft(tmp_path)), "-d", "JPN",
               "--yes")
    assert "carried onto Rev.2's text" in sent and "recorded 1 amendment: A3" in sent
    _ok(db, "decide", "A3", "accept")
    _ok(db, "revise", SYMBOL, "--label", "Rev.3")
    assert f"{FINANCING}{STOCKS} a study on the implementation" in _op24(db)
