"""A draft whose paragraph OP2 is offered as two alternatives, each typed with the
paragraph's number ("2.<tab>Alt 1: ...", "2.<tab>Alt 2: ..."), end to end: imported (it
was refused: "the label OP2 is used twice"), amended in one alternative, and Rev.1
keeps the alternative the chair chooses."""

from __future__ import annotations

import docx
import pytest
from test_workflow_commands import drafting

SYMBOL = "A/CONF.240/2026/L.1"
FIRST = "Commits to establishing a debt-for-climate swap facility;"
SECOND = "Encourages the exploration of innovative debt instruments;"


def lines(first: str, second: str) -> list[str]:
    return ["United Nations", SYMBOL, "Draft outcome document", "The Conference,",
            "Recalling the SAMOA Pathway,",
            "1.\tCalls for the mobilization of resources for resilience-building;",
            f"{first}{FIRST}", f"{second}{SECOND}",
            "3.\tRequests the Secretary-General to report on progress."]


@pytest.mark.parametrize(("layout", "old", "new", "other"), [
    (("2.\tAlt 1: ", "2.\tAlt 2: "), "swap facility", "swap mechanism", "Encourages"),
    (("2.\tAlt 1: ", "2.\tAlt 2: "), "innovative", "new", "Commits"),
    (("2.\tOption 1: ", "Option 2: "), "swap facility", "swap mechanism", "Encourages")])
def test_alternatives_sharing_a_number_are_chosen_at_revision(tmp_path, layout, old, new,
                                                              other):
    """An amendment accepted in an alternative, then that alternative chosen: Rev.1, and
    its Word document made from the draft's (it fell back to drafting's own layout, for
    "Option 1:" / "Option 2:" too)."""
    source, db = tmp_path / "L1.docx", tmp_path / "s.db"
    word = docx.Document()
    for line in lines(*layout):
        word.add_paragraph(line)
    word.save(str(source))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    shown = " ".join(drafting(db, "show", SYMBOL, "--para", "OP2").stdout.split())
    assert f"[{FIRST}][{SECOND}]" in shown

    done = drafting(db, "amend", SYMBOL, "OP2", "-d", "EU", "--replace", old, "--with", new,
                    "--yes")
    assert done.returncode == 0, done.stderr
    assert drafting(db, "decide", "A1", "accept").returncode == 0
    chosen = (FIRST if other == "Encourages" else SECOND).replace(old, new)
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1", "--choose", f"OP2={chosen}")
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    shown = " ".join(drafting(db, "show", SYMBOL).stdout.split())
    assert f"OP2 {chosen}" in shown and other not in shown
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert written.returncode == 0 and "warning" not in written.stderr, written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert f"2.\t{chosen}" in texts and not any(layout[1].strip() in text for text in texts)


def test_an_alternative_accepted_in_place_of_both(tmp_path):
    """A delegation's alternative formulation of OP2, accepted: Rev.1's Word document,
    made from the draft's, has it as OP2 in place of "Alt 1" and "Alt 2"."""
    source, db = tmp_path / "L1.docx", tmp_path / "s.db"
    word = docx.Document()
    for line in lines("2.\tAlt 1: ", "2.\tAlt 2: "):
        word.add_paragraph(line)
    word.save(str(source))
    proposed = "Decides to study debt-for-nature swaps;"
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU"),
                 ("amend", SYMBOL, "OP2", "-d", "EU", "--alternative", proposed, "--yes"),
                 ("decide", "A1", "accept")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1")
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert written.returncode == 0 and "warning" not in written.stderr, written.stderr
    texts = [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]
    assert texts[-2:] == [f"2.\t{proposed}",
                          "3.\tRequests the Secretary-General to report on progress."]


def _imported(tmp_path) -> tuple:
    source, db = tmp_path / "L1.docx", tmp_path / "s.db"
    word = docx.Document()
    for line in lines("2.\tAlt 1: ", "2.\tAlt 2: "):
        word.add_paragraph(line)
    word.save(str(source))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU")):
        assert drafting(db, *args).returncode == 0, args
    return source, db


def _revised(db, tmp_path) -> list[str]:
    done = drafting(db, "revise", SYMBOL, "--label", "Rev.1")
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
    written = drafting(db, "show", SYMBOL, "-o", str(tmp_path / "rev1.docx"))
    assert written.returncode == 0 and "warning" not in written.stderr, written.stderr
    return [p.text for p in docx.Document(str(tmp_path / "rev1.docx")).paragraphs]


def test_rev1_renumbers_the_number_each_alternative_types(tmp_path):
    _, db = _imported(tmp_path)
    for args in (("amend", SYMBOL, "OP1", "-d", "EU", "--new-paragraph",
                  "Welcomes the report;", "--yes"), ("decide", "A1", "accept")):
        assert drafting(db, *args).returncode == 0, args
    assert _revised(db, tmp_path)[-4:] == [
        "2.\tWelcomes the report;", f"3.\tAlt 1: {FIRST}", f"3.\tAlt 2: {SECOND}",
        "4.\tRequests the Secretary-General to report on progress."]


def test_a_third_alternative_from_a_copy_is_a_word_paragraph_of_its_own(tmp_path):
    source, db = _imported(tmp_path)
    third = "Decides to study debt-for-nature swaps;"
    copy = docx.Document(str(source))
    copy.paragraphs[-1].insert_paragraph_before(f"2.\tAlt 3: {third}")
    copy.save(str(tmp_path / "eu.docx"))
    done = drafting(db, "submit", SYMBOL, str(tmp_path / "eu.docx"), "-d", "EU", "--yes")
    assert done.returncode == 0, done.stderr
    merged = drafting(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert merged.returncode == 0 and "warning" not in merged.stderr, merged.stderr
    assert drafting(db, "decide", "A1", "accept").returncode == 0
    assert _revised(db, tmp_path)[-4:] == [
        f"2.\tAlt 1: {FIRST}", f"2.\tAlt 2: {SECOND}", f"2.\tAlt 3: {third}",
        "3.\tRequests the Secretary-General to report on progress."]
