"""`drafting submit`: the symbols a delegation's copy shows, and where, end to end
(`drafting.readers.copy_symbols`).

A GA draft shows A/C.2/81/L.60 in its page header and its front matter. A probe refused
genuine copies as "a copy of another document": a copy of the corrigendum (L.60/Corr.1);
a copy whose header the delegation replaced by its own file reference ("EU/2026/123"),
or citing A/RES/79/144 on a line under the title, named the cited resolution as the
document the file was a copy of."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_copy_identity_commands import OP, PP
from test_workflow_commands import drafting

SYMBOL = "A/C.2/81/L.60"
TITLE = "Oceans and the law of the sea"
FRONT = ("United Nations", SYMBOL, "Distr.: Limited", "1 November 2026",
         "Eighty-first session", "Second Committee", "Agenda item 19",
         "Fiji and Samoa: draft resolution", TITLE)


def _word(path: Path, front: tuple[str, ...] = FRONT, header: str | None = SYMBOL,
          edited: bool = False) -> Path:
    """The draft as the secretariat types it (``front``, ``header`` its page header's
    text, none where None); ``edited``: OP2's "submit" typed over as "present"."""
    word = docx.Document()
    if header is not None:
        word.sections[0].header.paragraphs[0].text = header
    for line in (*front, "The General Assembly,", *PP):
        word.add_paragraph(line)
    for number, text in enumerate(OP, 1):
        text = text.replace("to submit a", "to present a") if edited else text
        word.add_paragraph(f"{number}.\t{text}")
    word.save(str(path))
    return path


def _front(symbol: str | None = SYMBOL, below_title: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The draft's front matter with ``symbol`` on its symbol line (none: the line left
    out) and ``below_title`` lines under the title."""
    lines = [line for line in FRONT if line != SYMBOL]
    if symbol is not None:
        lines.insert(1, symbol)
    return (*lines, *below_title)


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "s.db"
    for args in (("init",), ("import", str(_word(tmp_path / "draft.docx")), "--doc", SYMBOL),
                 ("delegation", "add", "EU")):
        assert drafting(db, *args).returncode == 0, args
    return db


def _submit(db: Path, path: Path):
    return drafting(db, "submit", SYMBOL, str(path), "--delegation", "EU", "--yes")


def _recorded(db: Path, done) -> None:
    assert done.returncode == 0, done.stderr
    assert "replace 'submit' -> 'present'" in drafting(db, "amendments", SYMBOL).stdout


CORRIGENDUM = f"{SYMBOL}/Corr.1"


@pytest.mark.parametrize(("front", "header"), [
    (_front(CORRIGENDUM), CORRIGENDUM),  # the corrigendum's file, edited
    (_front(None), CORRIGENDUM),  # its header alone names it
    (_front(), f"{SYMBOL}/Corr.1"), (_front(None), f"{SYMBOL} Corr.1")])
def test_a_copy_of_the_corrigendum_is_read_with_a_warning(store, tmp_path, front, header):
    done = _submit(store, _word(tmp_path / "eu.docx", front, header, edited=True))
    _recorded(store, done)
    assert f"a corrigendum of {SYMBOL}: read as a copy of {SYMBOL}" in done.stderr


@pytest.mark.parametrize(("front", "header", "where"), [
    (_front(f"{SYMBOL}/Add.1"), f"{SYMBOL}/Add.1", "front matter"),
    (_front(None), f"{SYMBOL}/Add.1", "page header"),
    (_front("A/C.2/81/L.61"), "A/C.2/81/L.61", "front matter"),
    (_front(None), "A/C.2/81/L.61", "page header"),
    (_front("A/C.2/81/L.61", below_title=("A/RES/79/144",)), None, "front matter")])
def test_an_addendum_or_another_draft_is_still_refused(store, tmp_path, front, header, where):
    other = header or front[1]
    done = _submit(store, _word(tmp_path / "other.docx", front, header, edited=True))
    assert done.returncode != 0
    assert f"the file is {other} (so its {where} reads), not {SYMBOL}: it is a copy of " \
        "another document" in done.stderr
    assert "A1" not in drafting(store, "amendments", SYMBOL).stdout


@pytest.mark.parametrize(("front", "header"), [
    (_front(below_title=("A/RES/79/144",)), SYMBOL),  # shown where the draft shows it
    (_front(None, ("A/RES/79/144",)), "EU comments 12.11.2026"),  # shown nowhere
    (_front(None, ("A/79/25",)), None),
    (_front(None, ("A/RES/79/144",)), CORRIGENDUM)])
def test_a_symbol_cited_below_the_title_is_no_other_document(store, tmp_path, front, header):
    _recorded(store, _submit(store, _word(tmp_path / "eu.docx", front, header, edited=True)))


@pytest.mark.parametrize("header", ["EU/2026/123", "EEAS/2026/0412", "Ref. EEAS/2026/0412",
                                    "EU comments 12.11.2026"])
@pytest.mark.parametrize("symbol", [SYMBOL, None])
def test_the_senders_file_reference_in_the_header_is_no_other_document(store, tmp_path,
                                                                       header, symbol):
    done = _submit(store, _word(tmp_path / "eu.docx", _front(symbol), header, edited=True))
    _recorded(store, done)
    warned = f"page header: it reads {header} where {SYMBOL} shows its symbol: taken for " \
        "the sender's own reference"
    assert (warned in done.stderr) is (symbol is None and "/" in header
                                       and " " not in header)
