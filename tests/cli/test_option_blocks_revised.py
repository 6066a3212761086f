"""A treaty chair's text in Word whose article bracket its options whole ("[Option 1",
"2.", "3. ... Parties.]", "[Option 2", "2. ... mechanism.]", then "4."), revised on the
command line: a new paragraph accepted after Option 1's last is inside the block in
Rev.1's Word file (the "]" moved to it, and `revise` says so), a deleted last paragraph
hands its "]" to the one before, the options number on after a new paragraph of the
article before them (no "2." three times), an accepted change taking a block's "]" away
is told, and a citation of a deleted option paragraph is among the cross-references."""

from __future__ import annotations

from pathlib import Path

import docx
from test_option_block_commands import LINES, SYMBOL, _word
from test_workflow_commands import ok

FUND = "The fund shall operate under the guidance of the Conference of the Parties"


def _drafted(tmp_path: Path, lines: tuple[str, ...] = LINES) -> Path:
    db = tmp_path / "s.db"
    ok(db, "init")
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word.save(str(tmp_path / "draft.docx"))
    ok(db, "import", str(tmp_path / "draft.docx"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "JPN", "USA")
    return db


def _rev1(db: Path, tmp_path: Path) -> tuple[str, list[str]]:
    """Rev.1 issued (every amendment accepted): what `revise` said, Rev.1's Word text
    from "Financing" on."""
    for line in ok(db, "amendments", SYMBOL).splitlines()[:-1]:
        ok(db, "decide", line.split()[0], "accept")
    said = ok(db, "revise", SYMBOL, "--label", "Rev.1")
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "Rev.1.docx"))
    texts = [p.text for p in docx.Document(str(tmp_path / "Rev.1.docx")).paragraphs]
    return said, texts[texts.index("Financing"):]


def test_a_new_last_paragraph_of_an_option_is_issued_inside_its_bracket(tmp_path):
    db = _drafted(tmp_path)
    ok(db, "amend", SYMBOL, "5 OPTION 1.3", "-d", "JPN", "--new-paragraph",
       "The fund shall be audited every year.", "--yes")
    said, texts = _rev1(db, tmp_path)
    assert "the ']' closing '[Option 1' (H3) moves from 5 OPTION 1.3 to the end of " \
           "5 OPTION 1.3 bis (now 5 OPTION 1.4), now the option's last paragraph" in said
    assert texts[2:7] == ["[Option 1", "2.\tA dedicated fund is hereby established.",
                          f"3.\t{FUND}.", "4.\tThe fund shall be audited every year.]",
                          "[Option 2"]
    assert texts[8].startswith("5.\tThe Conference")
    assert ok(db, "brackets", SYMBOL).splitlines()[-1] == \
        "Total          2   (Zero draft: 2; no change)"


def test_deleting_an_options_last_paragraph_keeps_its_bracket_and_numbers(tmp_path):
    db = _drafted(tmp_path)
    ok(db, "amend", SYMBOL, "5.1", "-d", "EU", "--new-paragraph",
       "Each Party shall also report on its resources.", "--yes")
    ok(db, "amend", SYMBOL, "5 OPTION 1.3", "-d", "USA", "--delete-paragraph", "--yes")
    said, texts = _rev1(db, tmp_path)
    assert "the ']' closing '[Option 1' (H3) of 5 OPTION 1.3 (deleted) goes to the end of " \
           "5 OPTION 1.2 (now 5 OPTION 1.3), now the option's last paragraph" in said
    assert [text.split("\t")[0] for text in texts[1:]] == [
        "1.", "2.", "[Option 1", "3.", "[Option 2", "3.", "4.", "Article 6", "1."]
    assert texts[4] == "3.\tA dedicated fund is hereby established.]"
    assert ok(db, "brackets", SYMBOL).splitlines()[-1] == \
        "Total          2   (Zero draft: 2; no change)"


def test_an_accepted_change_taking_a_blocks_bracket_away_is_told(tmp_path):
    db = _drafted(tmp_path)
    ok(db, "amend", SYMBOL, "5 OPTION 2.2", "-d", "EU", "--replace", "mechanism.]",
       "--with", "mechanism.", "--yes")
    said, _ = _rev1(db, tmp_path)
    assert "the accepted amendments to 5 OPTION 2.2 took out the ']' closing '[Option 2' " \
           "(H4): its '[' is left open; settle the bracket before the next revision" in said


def test_a_citation_of_a_deleted_option_paragraph_is_to_check(tmp_path):
    lines = (*LINES[:-3], "4.\tThe fund referred to in paragraph 3 of this article shall "
                          "report.", *LINES[-2:])
    db = _drafted(tmp_path, lines)
    ok(db, "amend", SYMBOL, "5 OPTION 1.3", "-d", "USA", "--delete-paragraph", "--yes")
    said, _ = _rev1(db, tmp_path)
    assert "5.3 cites 'paragraph 3 of this article': 5 OPTION 1.3 is deleted in Rev.1" \
        in said


def test_markdown_types_option_paragraphs_numbers_as_the_draft_and_reads_back(tmp_path):
    db = _drafted(tmp_path)
    ok(db, "amend", SYMBOL, "5.1", "-d", "EU", "--new-paragraph",
       "Each Party shall also report on its resources.", "--yes")
    _rev1(db, tmp_path)
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "Rev.1.md"))
    written = (tmp_path / "Rev.1.md").read_text(encoding="utf-8")
    assert "OPTION" not in written
    assert "## [Option 1\n\n3. A dedicated fund is hereby established.\n\n4. The fund" \
        in written and "## [Option 2\n\n3. The Global Environment Facility" in written
    ok(db, "import", str(tmp_path / "Rev.1.md"), "--doc", "T.2")
    shown = ok(db, "show", SYMBOL).splitlines()[1:]
    assert ok(db, "show", "T.2").splitlines()[1:] == shown
    assert any(line.startswith("5 OPTION 2.3 ") for line in shown)


_ = _word  # the draft's lines are the other test file's, written here as Word paragraphs
