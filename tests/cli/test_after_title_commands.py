"""Lines between the title and the chapeau stay there, end to end: a convention of the
ILO or the Council of Europe reads its front matter, its title, then "Preamble", then
its chapeau ("The General Conference of the International Labour Organization,").
"Preamble" was kept as front matter, with a warning "the title stands before a line of
the front matter", and `drafting show` and `drafting compile` printed it above the
title: the order of the secretariat's own text changed."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from test_workflow_commands import drafting

SYMBOL = "ILC.114/Conv.1"
FRONT = ("International Labour Conference", "114th Session, Geneva, June 2026")
TITLE = "Convention concerning Decent Work for Domestic Workers"
CHAPEAU = "The General Conference of the International Labour Organization,"
PP = "Recognizing the significant contribution of domestic workers to the global economy,"
OP = "Each Member shall take measures to ensure that domestic workers enjoy decent work;"


def _word(path: Path) -> Path:
    """The draft as the ILO lays it out, typed one plain Word paragraph a line."""
    word = docx.Document()
    for line in (*FRONT, TITLE, "Preamble", CHAPEAU, PP, f"1.\t{OP}"):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _markdown(path: Path) -> Path:
    path.write_text("\n\n".join((*FRONT, f"# {TITLE}", "Preamble", CHAPEAU, PP, f"1. {OP}"))
                    + "\n", encoding="utf-8")
    return path


def _in_order(text: str, *lines: str) -> None:
    """Each of ``lines`` stands in ``text``, one after the other, as given."""
    places = [text.index(line) for line in lines]
    assert places == sorted(places), (lines, places)


@pytest.fixture(params=["docx", "md"])
def store(request, tmp_path):
    draft = _word(tmp_path / "c189.docx") if request.param == "docx" else \
        _markdown(tmp_path / "c189.md")
    db = tmp_path / "s.db"
    assert drafting(db, "init").returncode == 0
    imported = drafting(db, "import", str(draft), "--doc", SYMBOL)
    assert imported.returncode == 0, imported.stderr
    assert "front matter" not in imported.stdout + imported.stderr  # no warning
    return db


def test_the_import_keeps_preamble_between_the_title_and_the_chapeau(store):
    from drafting.store import open_store

    document = open_store(f"sqlite:///{store}").document(SYMBOL)
    assert (document.current.front_matter, document.title, document.current.after_title,
            document.current.chapeau) == (FRONT, TITLE, ("Preamble",), CHAPEAU)


def test_show_prints_the_title_then_preamble_then_the_chapeau(store):
    shown = drafting(store, "show", SYMBOL)
    assert shown.returncode == 0, shown.stderr
    _in_order(shown.stdout, FRONT[0], TITLE, "Preamble", CHAPEAU, PP[:30])


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html", ".docx"])
def test_compile_writes_the_title_then_preamble_then_the_chapeau(store, tmp_path, suffix):
    out = tmp_path / f"compiled{suffix}"
    compiled = drafting(store, "compile", SYMBOL, "-o", str(out))
    assert compiled.returncode == 0, compiled.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs) \
        if suffix == ".docx" else out.read_text(encoding="utf-8")
    text = text.partition("<body>")[2] if suffix == ".html" else text  # not <title>
    _in_order(text, FRONT[0], TITLE, "Preamble", CHAPEAU, PP)


def test_a_revision_keeps_preamble_in_its_place(store, tmp_path):
    from drafting.store import open_store

    assert drafting(store, "revise", SYMBOL, "--label", "Rev.1").returncode == 0
    current = open_store(f"sqlite:///{store}").document(SYMBOL).current
    assert (current.label, current.front_matter, current.after_title) == (
        "Rev.1", FRONT, ("Preamble",))
    assert drafting(store, "verify").returncode == 0
    out = tmp_path / "rev1.md"
    assert drafting(store, "compile", SYMBOL, "-o", str(out)).returncode == 0
    _in_order(out.read_text(encoding="utf-8"), TITLE, "Preamble", CHAPEAU)


def test_a_symbol_under_the_title_still_names_the_revision(tmp_path):
    """A draft whose title comes first keeps its symbol after it (``after_title``): the
    revision it names is still known there, so Rev.1 cannot be issued again, and Rev.2
    names itself on that line."""
    word = docx.Document()
    for line in ("The right to food", "A/HRC/58/L.4/Rev.1", "Human Rights Council"):
        word.add_paragraph(line, style="Title" if line.startswith("The") else None)
    for line in ("The Human Rights Council,", "Recalling its resolution 55/9,",
                 "1.\tReaffirms the right of everyone to have access to safe food;"):
        word.add_paragraph(line)
    word.save(str(tmp_path / "L4.docx"))
    db = tmp_path / "s.db"
    assert drafting(db, "init").returncode == 0
    assert drafting(db, "import", str(tmp_path / "L4.docx"), "--doc", "A/HRC/58/L.4"
                    ).returncode == 0
    again = drafting(db, "revise", "A/HRC/58/L.4", "--label", "Rev.1")
    assert again.returncode != 0 and "Rev.1" in again.stderr
    assert drafting(db, "revise", "A/HRC/58/L.4", "--label", "Rev.2").returncode == 0
    from drafting.store import open_store

    current = open_store(f"sqlite:///{db}").document("A/HRC/58/L.4").current
    assert current.after_title == ("A/HRC/58/L.4/Rev.2", "Human Rights Council")
