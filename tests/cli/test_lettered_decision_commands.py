"""A General Assembly decision in Word ("The General Assembly ..., decides:", then items
typed "(a)<tab>To ...;") end to end: its items are OP1 to OP4; a new item proposed after
OP1 is typed "(a bis)" in the merged draft; Rev.1's Word document letters the items "(a)"
to "(e)" as typed; a delegation's clean copy with the new item typed "(b)" and the others
lettered on by hand proposes that one item. Rev.1 was written in drafting's own layout
(its Word document did not read as Rev.1), and the items were one preambular paragraph."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from test_workflow_commands import drafting

SYMBOL = "A/C.5/80/L.12"
HEAD = ["United Nations", SYMBOL, "General Assembly", "Distr.: Limited", "Eightieth session",
        "Fifth Committee", "Agenda item 140",
        "Financing of the United Nations Interim Force in Lebanon",
        "The General Assembly, having considered the report of the Secretary-General, "
        "decides:"]
ITEMS = ["To take note of the report of the Secretary-General;",
         "To request the Secretary-General:",
         "To authorize commitments not exceeding [50 million] United States dollars;",
         "To consider the question further at its resumed eightieth session."]
LIST = ["(i)\tTo report on the use of the commitment authority;",
        "(ii)\tTo ensure full implementation of the relevant provisions;"]
NEW = "To approve the budget proposal for the maintenance of the Force;"


def _lines(items: list[str]) -> list[str]:
    lines = [*HEAD]
    for letter, item in zip("abcdefg", items, strict=False):
        lines.append(f"({letter})\t{item}")
        if item == ITEMS[1]:
            lines += LIST
    return lines


def _word(path, lines):
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(path))
    return path


def test_a_lettered_decision_is_negotiated_and_revised_with_its_letters(tmp_path):
    db = tmp_path / "s.db"
    source = _word(tmp_path / "L12.docx", _lines(ITEMS))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU")):
        assert drafting(db, *args).returncode == 0, args
    shown = drafting(db, "show", SYMBOL).stdout
    assert [line.split()[0] for line in shown.splitlines() if line[:2] in ("OP", "PP")] == \
        ["OP1", "OP2", "OP3", "OP4"]

    clean = _word(tmp_path / "EU.docx", _lines([ITEMS[0], NEW, *ITEMS[1:]]))
    done = drafting(db, "submit", SYMBOL, str(clean), "--delegation", "EU", "--yes")
    assert done.returncode == 0, done.stderr
    listed = drafting(db, "amendments", SYMBOL, "--json").stdout
    assert listed.count('"kind": "new paragraph"') == 1 and NEW in listed
    assert listed.count('"id"') == 1  # the items lettered on by hand: no change

    assert drafting(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx")).returncode == 0
    merged = ["".join(t.text or "" if t.tag == qn("w:t") else "\t"
                      for t in p._p.iter(qn("w:t"), qn("w:tab")))  # insertions taken
              for p in docx.Document(str(tmp_path / "merged.docx")).paragraphs]
    assert any(text.endswith(f"(a bis)\t{NEW}") for text in merged)

    assert drafting(db, "decide", "A1", "accept").returncode == 0
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1")
    assert done.returncode == 0 and "OP4 -> OP5" in done.stdout, done.stderr
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert "own layout" not in written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[len(HEAD):] == _lines([ITEMS[0], NEW, *ITEMS[1:]])[len(HEAD):]
