"""Word files written without saving and opening them again: the parts are those the
round trip gave, byte for byte."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.readers import read_draft
from drafting.writers.docx_compilation import write_compilation_docx
from drafting.writers.docx_source import write_merged_into_source
from drafting.writers.docx_un import UnLayout, un_document, un_word
from drafting.writers.word_package import parts_of

SAMPLE = Path(__file__).parents[2] / "samples" / "zero-draft.md"
FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def _parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return [(name, package.read(name)) for name in package.namelist()]


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def draft():
    """The sample draft (dated, so that each writing of it is the same) with proposals
    of every kind on it, merged."""
    document = read_draft(SAMPLE).to_document("A/C.2/81/L.7", created_at=T0)
    labels = [p.label for p in document.current.paragraphs if len(p.text.split()) > 4]
    amendments = []
    for n, label in enumerate(labels[:12]):
        word = next(p for p in document.current.paragraphs if p.label == label).text.split()[2]
        fields = [{"replace": word, "with_": "new words", "reason": "why", "occurrence": 1},
                  {"delete": word, "occurrence": 1},
                  {"insert": " also", "after": word, "occurrence": 1},
                  {"new_paragraph": f"Decides {n};"}][n % 4]
        amendments.append(draft_amendment(document.current, Proposal(label, **fields),
                                          id=f"A{n}", proponents=["EU"], submitted_at=T0))
    return document, merge(document, amendments), {a.id: T0 for a in amendments}


def test_parts_are_those_saving_writes():
    documents = [docx.Document(), un_word(read_draft(SAMPLE).to_document("X"))]
    documents += [docx.Document(str(path)) for path in sorted(FIXTURES.glob("*.docx"))[:6]]
    for document in documents:
        found = [(name, read()) for name, read in parts_of(document).items()]
        assert found == _parts(_saved(document))


def test_merged_into_the_layout_as_built_is_merged_into_it_saved(draft, tmp_path):
    document, compilation, dates = draft
    built, saved = tmp_path / "built.docx", tmp_path / "saved.docx"
    write_merged_into_source(UnLayout(document), compilation, built, dates=dates)
    write_merged_into_source(un_document(document), compilation, saved, dates=dates)
    assert _parts(built.read_bytes()) == _parts(saved.read_bytes())
    assert b"w:del " in dict(_parts(built.read_bytes()))["word/document.xml"]


def test_the_compilation_on_the_layout_as_built_is_that_on_it_saved(draft, tmp_path):
    document, compilation, _ = draft
    built, saved = tmp_path / "built.docx", tmp_path / "saved.docx"
    write_compilation_docx(compilation, built, base=UnLayout(document))
    write_compilation_docx(compilation, saved, base=un_document(document))
    assert _parts(built.read_bytes()) == _parts(saved.read_bytes())
