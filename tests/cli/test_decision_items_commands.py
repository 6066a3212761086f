"""A WHO Executive Board decision ("The Executive Board, ..., decided:", then items typed
"(1)<tab>to ...;") end to end: imported, its items are OP1 to OP3 and the opening is the
chapeau; a new item proposed after OP2 is OP2 bis; Rev.1 makes it OP3 and its Word
document numbers the items "(1)" to "(4)" as typed. The whole decision was one preambular
paragraph PP6, after front matter read as PP1 to PP5."""

from __future__ import annotations

import docx
from test_workflow_commands import drafting

SYMBOL = "EB160/CONF./3"
LINES = ["EXECUTIVE BOARD", "160th session", "Agenda item 12", SYMBOL,
         "Global strategy on digital health: draft decision proposed by Brazil and Ghana",
         "The Executive Board, having considered the report by the Director-General, decided:",
         "(1)\tto welcome the progress made in the implementation of the global strategy;",
         "(2)\tto request the Director-General to extend the global strategy until "
         "[2030][2028];",
         "(3)\tto note the financial and administrative implications."]
NEW = "to urge Member States to strengthen digital public infrastructure for health;"


def test_a_decisions_items_are_negotiated_as_paragraphs(tmp_path):
    source, db = tmp_path / "EB160.docx", tmp_path / "s.db"
    word = docx.Document()
    for line in LINES:
        word.add_paragraph(line)
    word.save(str(source))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "BRA")):
        assert drafting(db, *args).returncode == 0, args
    shown = drafting(db, "show", SYMBOL).stdout
    labels = [line.split()[0] for line in shown.splitlines() if line[:2] in ("OP", "PP")]
    assert labels == ["OP1", "OP2", "OP3"]
    assert "EXECUTIVE BOARD" in shown.split("OP1")[0]

    done = drafting(db, "amend", SYMBOL, "OP2", "-d", "BRA", "--new-paragraph", NEW, "--yes")
    assert done.returncode == 0, done.stderr
    assert drafting(db, "decide", "A1", "accept").returncode == 0
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1")
    assert done.returncode == 0, done.stderr
    assert "OP2 bis -> OP3" in done.stdout and "OP3 -> OP4" in done.stdout
    assert drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx")).returncode == 0
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[6:] == [LINES[6], LINES[7], f"(3)\t{NEW}",
                         "(4)\tto note the financial and administrative implications."]
