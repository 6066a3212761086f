"""`drafting submit SYMBOL copy.docx`: which document and revision the copy is, told by its
symbol and its words (`drafting.readers.copy_identity`), end to end."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_workflow_commands import drafting

SYMBOL = "A/C.2/81/L.99"
PP = ["Recalling its resolution 79/144 of 19 December 2024 on oceans and the law of the sea,",
      "Reaffirming the importance of the sustainable use of marine resources for all States,",
      "Noting with concern the continuing decline of fish stocks in many regions,"]
OP = ["Calls upon all States to become parties to the Agreement;",
      "Requests the Secretary-General to submit a report on the implementation of the "
      "present resolution at its eighty-second session;",
      "Encourages States to cooperate, within existing resources, in the conservation of "
      "marine biodiversity;",
      "Decides to include in the provisional agenda of its eighty-second session the item "
      "entitled \"Oceans and the law of the sea\"."]


def _draft(path: Path, symbol: str = SYMBOL, pp: list[str] = PP, op: list[str] = OP) -> Path:
    """A draft as a secretariat types it: front matter, chapeau, "1.<tab>" paragraphs."""
    word = docx.Document()
    for line in ("United Nations", symbol, "Distr.: Limited", "1 November 2026",
                 "Eighty-first session", "Second Committee", "Agenda item 19",
                 "Fiji and Samoa: draft resolution", "Oceans and the law of the sea",
                 "The General Assembly,", *pp):
        word.add_paragraph(line)
    for number, text in enumerate(op, 1):
        word.add_paragraph(f"{number}.\t{text}")
    word.save(str(path))
    return path


def _edited(source: Path, path: Path, old: str, new: str) -> Path:
    """``source`` edited without Track Changes: ``old`` typed over as ``new``."""
    word = docx.Document(str(source))
    paragraph = next(p for p in word.paragraphs if old in p.text)
    paragraph.text = paragraph.text.replace(old, new, 1)
    word.save(str(path))
    return path


@pytest.fixture
def issued(tmp_path):
    """Rev.1 issued with the EU's "submit" -> "present" in OP2; the zero draft's file."""
    db, base = tmp_path / "s.db", _draft(tmp_path / "zero.docx")
    for args in (("init",), ("import", str(base), "--doc", SYMBOL),
                 ("delegation", "add", "EU", "USA")):
        assert drafting(db, *args).returncode == 0, args
    eu = _edited(base, tmp_path / "eu.docx", "to submit a report", "to present a report")
    assert drafting(db, "submit", SYMBOL, str(eu), "--delegation", "EU", "--yes").returncode == 0
    assert drafting(db, "decide", "A1", "accept").returncode == 0
    assert drafting(db, "revise", SYMBOL, "--label", "Rev.1").returncode == 0
    return db, base


def test_a_copy_of_the_zero_draft_sent_after_rev1_undoes_nothing(issued, tmp_path):
    db, base = issued
    usa = _edited(base, tmp_path / "usa.docx", "all States to become", "all Member States to "
                  "become")
    done = drafting(db, "submit", SYMBOL, str(usa), "--delegation", "USA", "--yes")
    assert done.returncode == 0, done.stderr
    assert "the file is a copy of Zero draft, not of Rev.1" in done.stderr
    listed = drafting(db, "amendments", SYMBOL).stdout
    assert "insert ' Member' after 'all'" in listed
    assert "'present' -> 'submit'" not in listed and "2 amendments" in listed


def test_a_copy_of_another_document_or_text_is_refused_recording_nothing(issued, tmp_path):
    db, _ = issued
    other = _draft(tmp_path / "other.docx", "A/C.2/81/L.12")
    done = drafting(db, "submit", SYMBOL, str(other), "--delegation", "USA", "--yes")
    assert done.returncode != 0
    assert "the file is A/C.2/81/L.12 (so its front matter reads), not A/C.2/81/L.99" in \
        done.stderr
    pasted = _draft(tmp_path / "pasted.docx", f"{SYMBOL}/Rev.1", pp=[
        "Recalling its resolution 78/200 on agricultural technology,",
        "Recognizing the role of smallholder farmers in food security,"], op=[
        "Stresses the importance of agricultural research;",
        "Requests the Secretary-General to submit a report on agricultural technology;"])
    done = drafting(db, "submit", SYMBOL, str(pasted), "--delegation", "USA", "--yes")
    assert done.returncode != 0
    assert "the file shares only" in done.stderr and "is it the right file?" in done.stderr
    assert "1 amendment" in drafting(db, "amendments", SYMBOL).stdout


def test_the_page_header_symbol_of_a_draft_imported_under_a_slug_is_its_own(tmp_path):
    """The probe's F6: the secretariat's file shows A/C.2/81/L.99 in its page header only,
    and the draft was imported as ``oceans-2026``; every copy of it was refused as "a
    copy of another document". The symbols the stored source shows are the draft's."""
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = SYMBOL
    for line in ("Oceans and the law of the sea", "The General Assembly,", *PP):
        word.add_paragraph(line)
    for number, text in enumerate(OP, 1):
        word.add_paragraph(f"{number}.\t{text}")
    base, db = tmp_path / "draft.docx", tmp_path / "s.db"
    word.save(str(base))
    for args in (("init",), ("import", str(base), "--doc", "oceans-2026"),
                 ("delegation", "add", "EU")):
        assert drafting(db, *args).returncode == 0, args
    eu = _edited(base, tmp_path / "eu.docx", "to submit a report", "to present a report")
    done = drafting(db, "submit", "oceans-2026", str(eu), "--delegation", "EU", "--yes")
    assert done.returncode == 0, done.stderr
    assert "replace 'submit' -> 'present'" in drafting(db, "amendments", "oceans-2026").stdout
    other = _draft(tmp_path / "other.docx", "A/C.2/81/L.12")  # another's, still refused
    done = drafting(db, "submit", "oceans-2026", str(other), "--delegation", "EU", "--yes")
    assert done.returncode != 0 and "it is a copy of another document" in done.stderr

