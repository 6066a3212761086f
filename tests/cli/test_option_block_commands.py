"""A treaty article whose options are bracketed blocks ("[Option 1", its paragraphs, the
last ending "...Parties.]"), then the article's own paragraph, end to end on the command
line: the import no longer warns of brackets across paragraphs, `show` and `brackets`
count one bracket per block and none unbalanced, and the article's paragraph after the
blocks is 5.4 (it was ``5 OPTION 2.4``) in the store, in a delegation's tracked copy
and in Rev.1's Word document."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from test_workflow_commands import drafting, ok

SYMBOL = "UNEP/PP/INC.6/5"
REVIEW = "The Conference of the Parties shall review this article"
LINES = ("The Parties to this Agreement,", "Recognizing the need for finance,",
         "Article 5", "Financing", "1.\tEach Party shall provide resources.", "[Option 1",
         "2.\tA dedicated fund is hereby established.",
         "3.\tThe fund shall operate under the guidance of the Conference of the Parties.]",
         "[Option 2",
         "2.\tThe Global Environment Facility shall serve as the financial mechanism.]",
         f"4.\t{REVIEW}.", "Article 6", "1.\tEach Party shall report.")


def _word(path: Path, inserted: str = "") -> Path:
    """The draft as a Word file; with ``inserted``, the EU's copy of it, the words
    ``inserted`` a tracked insertion at the end of the article's "4." (before its ".")."""
    word = docx.Document()
    for line in LINES:
        paragraph = word.add_paragraph(line[:-1] if inserted and REVIEW in line else line)
        if inserted and REVIEW in line:
            paragraph._p.append(parse_xml(
                f'<w:ins {nsdecls("w")} w:id="91" w:author="EU delegate" '
                'w:date="2026-11-02T10:00:00Z"><w:r><w:t xml:space="preserve">'
                f"{inserted}</w:t></w:r></w:ins>"))
            paragraph.add_run(".")
    word.save(str(path))
    return path


def test_bracketed_option_blocks_in_a_text_file_count_one_bracket_each(tmp_path):
    db, source = tmp_path / "s.db", tmp_path / "draft.txt"
    source.write_text("\n\n".join(LINES).replace("\t", " ") + "\n", encoding="utf-8")
    ok(db, "init")
    imported = drafting(db, "import", str(source), "--doc", SYMBOL)
    assert imported.returncode == 0 and "warning" not in imported.stderr, imported.stderr
    shown = ok(db, "show", SYMBOL)
    assert "unbalanced" not in shown and shown.splitlines()[-1] == "12 paragraphs, 2 brackets"
    assert f"5.4               {REVIEW}." in shown
    assert "unbalanced" not in ok(db, "show", SYMBOL, "--para", "5 OPTION 1.3")
    assert ok(db, "brackets", SYMBOL).splitlines()[-1] == "Total          2"
    ok(db, "delegation", "add", "EU")
    assert "recorded 1 amendment" in ok(db, "amend", SYMBOL, "5 OPTION 1.3", "-d", "EU",
                                        "--replace", "guidance", "--with", "authority",
                                        "--yes")


def test_a_tracked_copy_amends_the_articles_paragraph_after_its_options_into_rev1(tmp_path):
    db = tmp_path / "s.db"
    ok(db, "init")
    imported = drafting(db, "import", str(_word(tmp_path / "draft.docx")), "--doc", SYMBOL)
    assert imported.returncode == 0 and "warning" not in imported.stderr, imported.stderr
    ok(db, "delegation", "add", "EU")
    copy = _word(tmp_path / "EU.docx", inserted=" every five years")
    submitted = ok(db, "submit", SYMBOL, str(copy), "-d", "EU", "--yes")
    assert "5.4: insert ' every five years' after 'article'" in submitted
    ok(db, "decide", "A1", "accept")
    ok(db, "revise", SYMBOL, "--label", "Rev.1")
    ok(db, "show", SYMBOL, "-o", str(tmp_path / "Rev.1.docx"))
    texts = [p.text for p in docx.Document(str(tmp_path / "Rev.1.docx")).paragraphs]
    assert texts[texts.index("Financing"):] == [
        *LINES[LINES.index("Financing"):-3], f"4.\t{REVIEW} every five years.", *LINES[-2:]]
    assert f"5.4               {REVIEW} every five years." in ok(db, "show", SYMBOL)
