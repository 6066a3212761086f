"""`drafting import FILE` without `--doc`: a draft laid out as circulated shows its own
symbol ("A/C.2/81/L.99" on a line of its own in its front matter, or in its page
header), and the import takes it. It was refused ("Missing option '--doc'"). A draft
showing no symbol, or two, is refused saying so, and nothing is imported."""

from __future__ import annotations

import docx
from test_workflow_commands import drafting

from drafting.store import open_store

FRONT = ["United Nations", "A/C.2/81/L.99", "General Assembly", "Distr.: Limited",
         "Fiji and Samoa: draft resolution"]
BODY = ["Sustainable fisheries", "The General Assembly,",
        "Recalling its resolution 70/1,", "1.\tDecides to act;"]


def _word(path, lines, header=""):
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    if header:
        word.sections[0].header.paragraphs[0].text = header
    word.save(str(path))
    return path


def _documents(db):
    with open_store(f"sqlite:///{db}") as store:
        return store.documents()


def test_the_symbol_the_front_matter_shows_is_the_documents(tmp_path):
    db = tmp_path / "s.db"
    drafting(db, "init")
    done = drafting(db, "import", str(_word(tmp_path / "L99.docx", [*FRONT, *BODY])))
    assert done.returncode == 0, done.stderr
    assert "imported A/C.2/81/L.99 (the symbol the draft shows): 2 paragraphs" in done.stdout
    assert "OP1" in drafting(db, "show", "A/C.2/81/L.99").stdout


def test_a_reissued_symbol_in_the_page_header_is_taken_without_its_star(tmp_path):
    db = tmp_path / "s.db"
    drafting(db, "init")
    path = _word(tmp_path / "draft.docx", ["Draft resolution", *BODY],
                 header="A/HRC/61/L.12*")
    done = drafting(db, "import", str(path))
    assert done.returncode == 0, done.stderr
    assert "imported A/HRC/61/L.12 " in done.stdout


def test_a_symbol_given_is_the_documents_whatever_the_draft_shows(tmp_path):
    db = tmp_path / "s.db"
    drafting(db, "init")
    done = drafting(db, "import", str(_word(tmp_path / "L99.docx", [*FRONT, *BODY])),
                    "--doc", "oceans-2026")
    assert done.returncode == 0 and "imported oceans-2026: " in done.stdout, done.stderr


def test_a_draft_showing_no_symbol_or_two_is_refused_and_nothing_is_imported(tmp_path):
    db = tmp_path / "s.db"
    drafting(db, "init")
    assert _documents(db) == []
    none = drafting(db, "import", str(_word(tmp_path / "none.docx", BODY)))
    assert none.returncode != 0
    assert "none.docx: the draft shows no document symbol" in none.stderr
    assert "--doc" in none.stderr
    two = (tmp_path / "two.md")
    two.write_text("A/C.2/81/L.1\n\nA/C.2/81/L.2\n\n" + "\n\n".join(BODY) + "\n")
    done = drafting(db, "import", str(two))
    assert done.returncode != 0
    assert "two.md: the draft shows 2 document symbols (A/C.2/81/L.1, A/C.2/81/L.2)" \
        in done.stderr
    assert _documents(db) == []
