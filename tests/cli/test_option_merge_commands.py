"""`drafting merge` on a Word draft with an option block ("Option 1: ..." / "Option 2:
No text"): a proposal on an alternative's words is a tracked change there; one the
document cannot show (words for the empty alternative) is named in a comment and in a
warning, never passed over in silence."""

from __future__ import annotations

import zipfile

import docx
from test_workflow_commands import drafting

SYMBOL = "A/C.2/80/L.5"


def test_merge_tracks_changes_in_an_option_and_warns_of_what_it_cannot_show(tmp_path):
    source, db = tmp_path / "L5.docx", tmp_path / "s.db"
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "The General Assembly,",
                 "Recalling its resolution 70/1,", "1.\tCalls upon States to act;",
                 "2.\tOption 1: Decides to continue its consideration;", "Option 2: No text",
                 "3.\tDecides to remain seized of the matter."):
        word.add_paragraph(line)
    word.save(str(source))
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "EU", "USA"),
                 ("amend", SYMBOL, "OP2", "-d", "EU", "--replace", "continue", "--with",
                  "pursue", "--yes")):
        assert drafting(db, *args).returncode == 0, args
    merged = drafting(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert merged.returncode == 0 and "warning" not in merged.stderr, merged.stderr
    with zipfile.ZipFile(tmp_path / "merged.docx") as package:
        body = package.read("word/document.xml").decode()
        assert "word/comments.xml" not in package.namelist()
    assert 'w:author="EU"' in body and ">pursue<" in body

    assert drafting(db, "amend", SYMBOL, "OP2", "-d", "USA", "--replace", "[]", "--with",
                    "[Requests a report;]", "--yes").returncode == 0
    merged = drafting(db, "merge", SYMBOL, "-o", str(tmp_path / "merged.docx"))
    assert merged.returncode == 0, merged.stderr
    assert "warning: merged.docx: 1 proposal not shown as tracked changes, named in " \
        "comments on their paragraphs instead: OP2 (USA): '[]' -> '[Requests a report;]'" \
        in " ".join(merged.stderr.split())
    with zipfile.ZipFile(tmp_path / "merged.docx") as package:
        comments = package.read("word/comments.xml").decode()
    assert 'w:author="USA"' in comments and "Not shown as a tracked change" in comments
