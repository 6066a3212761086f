"""`drafting merge` on a draft imported from Word writes into that Word file."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from un_documents import ga_draft, libreoffice_docx


def test_merge_writes_the_proposals_into_the_secretariats_own_document(tmp_path):
    db, source = tmp_path / "s.db", libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    assert drafting(db, "init").returncode == 0
    assert drafting(db, "import", str(source), "--doc", "A/C.2/81/L.99").returncode == 0
    assert drafting(db, "delegation", "add", "EU").returncode == 0
    amended = drafting(db, "amend", "A/C.2/81/L.99", "OP3", "--delegation", "EU",
                       "--replace", "submit", "--with", "present", "--yes")
    assert amended.returncode == 0, amended.stderr
    merged = tmp_path / "merged.docx"
    assert drafting(db, "merge", "A/C.2/81/L.99", "-o", str(merged)).returncode == 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(merged) as new:
        assert old.read("word/styles.xml") == new.read("word/styles.xml")
        body = new.read("word/document.xml").decode()
    assert "A/C.2/81/L.99" in body and "Distr.: Limited" in body
    assert 'w:author="EU"' in body and ">present<" in body
    assert "PP1" not in body  # no label the source did not have
