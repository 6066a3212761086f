"""A General Assembly decision in Word ("The General Assembly ..., decides:", then items
typed "(a)<tab>To ...;") end to end: its items are OP1 to OP4; a new item proposed after
OP1 is typed "(a bis)" in the merged draft; Rev.1's Word document letters the items "(a)"
to "(e)" as typed; a delegation's clean copy with the new item typed "(b)" and the others
lettered on by hand proposes that one item. Rev.1 was written in drafting's own layout
(its Word document did not read as Rev.1), and the items were one preambular paragraph."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import word_lettered

from drafting.readers import read_draft

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


def _many(count: int) -> list[str]:
    return [f"To take note of report A/80/{n} of the Secretary-General;"
            for n in range(1, count + 1)]


def _lettered(items: list[str]) -> list[str]:
    letters = [chr(ord("a") + n % 26) * (n // 26 + 1) for n in range(len(items))]
    return [*HEAD, *(f"({letter})\t{item}" for letter, item in zip(letters, items,
                                                                   strict=True))]


def test_items_past_z_are_lettered_aa_bb_when_read_and_in_rev1(tmp_path):
    db = tmp_path / "s.db"
    source = _word(tmp_path / "L12.docx", _lettered(_many(28)))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL)):
        done = drafting(db, *args)
        assert done.returncode == 0 and "other text" not in done.stderr, done.stderr
    shown = drafting(db, "show", SYMBOL).stdout
    assert [line.split()[0] for line in shown.splitlines() if line[:2] in ("OP", "T1")] == \
        [f"OP{n}" for n in range(1, 29)]

    db = tmp_path / "s2.db"
    source = _word(tmp_path / "L12-26.docx", _lettered(_many(26)))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU"),
                 ("amend", SYMBOL, "OP1", "-d", "EU", "--new-paragraph", NEW, "--yes"),
                 ("decide", "A1", "accept"), ("revise", SYMBOL, "--label", "Rev.1")):
        assert drafting(db, *args).returncode == 0, args
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert "own layout" not in written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[len(HEAD):] == _lettered([_many(1)[0], NEW, *_many(26)[1:]])[len(HEAD):]


def test_items_word_letters_itself_are_negotiated_and_revised_as_word_letters_them(
        tmp_path):
    db = tmp_path / "s.db"
    source = word_lettered(tmp_path / "L12.docx", [*HEAD, *(f"#{item}" for item in ITEMS)])
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU"),
                 ("amend", SYMBOL, "OP1", "-d", "EU", "--new-paragraph", NEW, "--yes"),
                 ("decide", "A1", "accept"), ("revise", SYMBOL, "--label", "Rev.1")):
        assert drafting(db, *args).returncode == 0, args
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert "own layout" not in written.stderr
    read = read_draft(tmp_path / "rev1.docx")
    assert [(p.label, p.text) for p in read.paragraphs] == [
        (f"OP{n}", text) for n, text in enumerate([ITEMS[0], NEW, *ITEMS[1:]], 1)]


@pytest.mark.parametrize(("opening", "letters", "lettered_on"), [
    ("Генеральная Ассамблея, рассмотрев доклад Генерального секретаря, постановляет:",
     ["а)", "б)", "в)", "г)", "д)"], ["а)", "б)", "в)", "г)", "д)", "е)"]),
    ("إن الجمعية العامة تقرر ما يلي:", ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)"],
     ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)"]),
    ("إن الجمعية العامة تقرر ما يلي:", ["(أ)", "(ب)", "(ج)", "(د)", "(ه)"],  # no tatweel
     ["(أ)", "(ب)", "(ج)", "(د)", "(هـ)", "(و)"])])
def test_a_russian_or_arabic_decision_is_revised_in_its_own_letters(
        tmp_path, opening, letters, lettered_on):
    db = tmp_path / "s.db"
    head = [*HEAD[:-1], opening]
    source = _word(tmp_path / "L12.docx", [*head, *(f"{letter}\t{item}" for letter, item
                                                    in zip(letters, _many(5), strict=True))])
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU"),
                 ("amend", SYMBOL, "OP1", "-d", "EU", "--new-paragraph", NEW, "--yes"),
                 ("merge", SYMBOL, "-o", str(tmp_path / "merged.docx")),
                 ("decide", "A1", "accept"), ("revise", SYMBOL, "--label", "Rev.1")):
        assert drafting(db, *args).returncode == 0, args
    merged = docx.Document(str(tmp_path / "merged.docx")).element
    assert merged.find(f".//{qn('w:del')}") is None  # "(هـ)" is not lettered again "(ه)"
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert "own layout" not in written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[len(head):] == [f"{letter}\t{item}" for letter, item in zip(
        lettered_on, [_many(1)[0], NEW, *_many(5)[1:]], strict=True)]
