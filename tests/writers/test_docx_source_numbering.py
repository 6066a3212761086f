"""A GA draft built with python-docx whose operative paragraphs are numbered by Word
itself (automatic numbering), with a title style of its own and a page header: the
merged draft and Rev.1 are written into it, and its numbering does the counting."""

from __future__ import annotations

import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import Para, numbered, write_docx
from ooxml_views import rejected

from drafting.engine import Decisions, Proposal, draft_amendment, revise
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/C.2/81/L.98"


def _draft(path: Path) -> Path:
    body = [Para([line]) for line in ("United Nations", SYMBOL, "Fiji: draft resolution")]
    body += [Para(["Oceans and seas"], style="UN Title"), Para(["The General Assembly,"]),
             Para(["Recalling its resolution 70/1,"])]
    body += [Para([text], style="Operative") for text in (
        "Decides to convene a meeting;", "Requests a report;", "Invites States to act;")]
    write_docx(path, body, title="", subtitle="", styles=("UN Title", "Operative"),
               header=SYMBOL)
    return numbered(path, "Operative")


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _numbered_texts(path: Path) -> list[str]:
    """The words of each paragraph Word numbers (inserted words included)."""
    return ["".join(t.text or "" for t in p._p.iter(qn("w:t")))
            for p in docx.Document(str(path)).paragraphs
            if p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None]


def test_merged_and_rev1_keep_words_automatic_numbering(tmp_path):
    source = _draft(tmp_path / "L98.docx")
    document = read_docx_draft(source).to_document(SYMBOL)
    assert [p.label for p in document.current] == ["PP1", "OP1", "OP2", "OP3"]
    asked = [("EU", "OP1", {"new_paragraph": "Encourages regional cooperation;"}),
             ("G77", "OP2", {"replace": "a report", "with_": "an annual report"})]
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(asked, 1)]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), merged)
    before, after = _parts(source), _parts(merged)
    for name in ("word/numbering.xml", "word/styles.xml", "word/header1.xml"):
        assert before[name] == after[name], name
    assert rejected(merged) == rejected(source)
    # accepted, the new paragraph is numbered by Word too (no "1 bis." typed), after OP1
    assert _numbered_texts(merged) == ["Decides to convene a meeting;",
                                       "Encourages regional cooperation;",
                                       "Requests an annual report;", "Invites States to act;"]

    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2"})),
                     label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=SYMBOL))
    assert _parts(rev1)["word/numbering.xml"] == before["word/numbering.xml"]
    assert _numbered_texts(rev1) == ["Decides to convene a meeting;",
                                     "Encourages regional cooperation;",
                                     "Requests an annual report;", "Invites States to act;"]
    assert f"{SYMBOL}/Rev.1".encode() in _parts(rev1)["word/header1.xml"]
    read = read_docx_draft(rev1)
    assert [(p.label, p.text) for p in read.paragraphs] == [
        (p.label, p.text) for p in outcome.revision]
