"""Items typed between two ("(a bis)<tab>", "(2 bis)<tab>") in a draft whose items carry
typed numbers, accepted: Rev.1 renumbers the list as a whole, as a revision renumbers
"6 bis." to "7.": the new item takes the next number, those after it move on, and an
item deleted before it leaves no stale "(2 bis)" after a "(1)"."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import docx

from drafting.engine import Decisions, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds

T0 = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
SYMBOL = "A/81/L.5"
HEAD = ("The General Assembly,", "Recalling its resolution 70/1,")
DRAFT = ("1.\tCalls upon States:", "(a)\tto strengthen capacities;", "(b)\tto establish centres;",
         "(c)\tto allocate resources;", "2.\tRequests the Secretary-General:",
         "(1)\tto provide support;", "(2)\tto establish a roster;", "(3)\tto report on progress.")
COPY = ("1.\tCalls upon States:", "(a)\tto strengthen capacities;",
        "(a bis)\tto train the workforce;", "(b)\tto establish centres;",
        "2.\tRequests the Secretary-General:", "(2)\tto establish a roster;",
        "(2 bis)\tto publish data;", "(3)\tto report on progress.")


def _typed(path: Path, lines: tuple[str, ...]) -> Path:
    word = docx.Document()
    for line in (*HEAD, *lines):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def test_rev1_numbers_accepted_bis_items_in_turn(tmp_path):
    source = _typed(tmp_path / "draft.docx", DRAFT)
    document = read_docx_draft(source).to_document(SYMBOL)
    read = read_docx_submission(_typed(tmp_path / "copy.docx", COPY), document,
                                delegation="USA", submitted_at=T0)
    assert sorted(a.new_text or a.old_text for a in read.amendments) == [
        "\n(1)\tto provide support;", "\n(2 bis)\tto publish data;",
        "\n(a bis)\tto train the workforce;", "\n(c)\tto allocate resources;"]
    revision = revise(document, list(read.amendments),
                      Decisions(accepted=frozenset(a.id for a in read.amendments)),
                      label="Rev.1").revision
    assert revision.by_label("OP1").text == ("Calls upon States:\n(a)\tto strengthen "
                                             "capacities;\n(b)\tto train the workforce;\n"
                                             "(c)\tto establish centres;")
    assert revision.by_label("OP2").text == ("Requests the Secretary-General:\n(1)\tto "
                                             "establish a roster;\n(2)\tto publish data;\n"
                                             "(3)\tto report on progress.")
    made = revise_source(source.read_bytes(), document.current, revision, symbol=SYMBOL)
    assert source_holds(made, revision)
    (rev1 := tmp_path / "Rev.1.docx").write_bytes(made)
    assert [p.text for p in docx.Document(str(rev1)).paragraphs][len(HEAD):] == [
        "1.\tCalls upon States:", "(a)\tto strengthen capacities;",
        "(b)\tto train the workforce;", "(c)\tto establish centres;",
        "2.\tRequests the Secretary-General:", "(1)\tto establish a roster;",
        "(2)\tto publish data;", "(3)\tto report on progress."]
