"""Other organizations' document symbols, from import to the revision's Word document.

IMO's symbols hold a space ("MSC 110/WP.5"): they were refused, so a draft was imported
under a slug and Rev.1 left the header's symbol as it was. WHO's first revision of
"A77/4" was written "A77/4/Rev.1", where WHO writes "A77/4 Rev.1". Each draft here is
written by LibreOffice, its symbol in the page header and the front matter, revised
twice, and each revision's Word document read back."""

from __future__ import annotations

import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from un_documents import Para, ga_draft, libreoffice_docx

from drafting.readers.docx_draft import read_docx_draft


def _draft(shown: str):
    """The GA draft with ``shown`` for its symbol, in its page header and front matter."""
    draft = ga_draft()
    draft.header = shown
    draft.paragraphs = [replace(p, pieces=(shown,)) if isinstance(p, Para) and
                        p.pieces == ("A/C.2/81/L.99",) else p for p in draft.paragraphs]
    return draft


def _header_lines(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as package:
        parts = [package.read(n) for n in package.namelist()
                 if n.startswith("word/header")]
    return [text for xml in parts for p in etree.fromstring(xml).iter(qn("w:p"))
            if (text := "".join(t.text or "" for t in p.iter(qn("w:t"))))]


@pytest.mark.parametrize(("symbol", "shown", "rev1", "rev2"), [
    ("MSC 110/WP.5", "MSC 110/WP.5", "MSC 110/WP.5/Rev.1", "MSC 110/WP.5/Rev.2"),
    ("MEPC 81/WP.7", "MEPC\u00a081/WP.7", "MEPC\u00a081/WP.7/Rev.1", "MEPC\u00a081/WP.7/Rev.2"),
    ("A77/4", "A77/4", "A77/4 Rev.1", "A77/4 Rev.2"),
    ("A/HRC/58/L.5", "A/HRC/58/L.5", "A/HRC/58/L.5/Rev.1", "A/HRC/58/L.5/Rev.2"),
])
def test_each_revision_names_itself_as_its_organization_writes_it(tmp_path, symbol, shown,
                                                                   rev1, rev2):
    db, source = tmp_path / "s.db", libreoffice_docx(_draft(shown), tmp_path / "draft.docx")
    for args in (("init",), ("import", str(source), "--doc", symbol),
                 ("delegation", "add", "EU"),
                 ("amend", symbol, "OP3", "-d", "EU", "--replace", "submit", "--with",
                  "present", "--yes"), ("decide", "A1", "accept"),
                 ("revise", symbol, "--label", "Rev.1")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    written = drafting(db, "show", symbol, "-o", str(tmp_path / "rev1.docx"))
    assert written.stdout.startswith(f"wrote {tmp_path / 'rev1.docx'} ({symbol} Rev.1, ")
    for args in (("amend", symbol, "OP1", "-d", "EU", "--replace", "one-day", "--with",
                  "two-day", "--yes"), ("decide", "A2", "accept"),
                 ("revise", symbol, "--label", "Rev.2"),
                 ("show", symbol, "-o", str(tmp_path / "rev2.docx"))):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    for name, named in (("rev1.docx", rev1), ("rev2.docx", rev2)):
        assert _header_lines(tmp_path / name) == [named]
        front = read_docx_draft(tmp_path / name).front_matter
        assert named in front and shown not in front
    assert drafting(db, "show", symbol).stdout.splitlines()[1] == rev2
    assert {p.name for p in tmp_path.iterdir()} >= {"rev1.docx", "rev2.docx", "draft.docx"}
    assert not any(" " in p.name or "Rev" in p.name for p in tmp_path.iterdir())
