"""A Word document saved as "Strict Open XML Document" is read, and written, as the same
document saved the usual way.

The strict copies here are made from the samples with the names ISO/IEC 29500 gives the
strict form, written out by hand below (not by the code under test), so that a mistake
in the renaming shows as a difference.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest

from drafting.errors import ReaderError
from drafting.ooxml import strict
from drafting.ooxml.package import SafeLimits, open_docx, open_word
from drafting.readers import read_docx_submission, read_draft

sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))
from test_workflow_commands import drafting

SAMPLES = Path(__file__).parents[2] / "samples" / "docx"
SYMBOL = "A/C.2/81/L.7"
STRICT_NAMES = [  # transitional -> strict, the longest first
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
     "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/math",
     "http://purl.oclc.org/ooxml/officeDocument/math"),
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
     "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
     "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main",
     "http://purl.oclc.org/ooxml/drawingml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/picture",
     "http://purl.oclc.org/ooxml/drawingml/picture"),
]


def strict_copy(source: Path, target: Path) -> Path:
    """``source`` as Word's *Save As > Strict Open XML Document* writes it."""
    with zipfile.ZipFile(source) as package:
        parts = [(info.filename, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts:
            if name.endswith((".xml", ".rels")):
                text = data.decode("utf-8")
                for old, new in STRICT_NAMES:
                    text = text.replace(old, new)
                text = text.replace("<w:document ", '<w:document w:conformance="strict" ', 1)
                data = text.encode("utf-8")
            out.writestr(name, data)
    return target


def strict_names(path: Path) -> list[str]:
    """The parts of ``path`` that still hold a strict name."""
    with zipfile.ZipFile(path) as package:
        return [name for name in package.namelist() if b"purl.oclc.org" in package.read(name)]


@pytest.fixture
def zero(tmp_path) -> Path:
    made = strict_copy(SAMPLES / "zero-draft.docx", tmp_path / "zero-strict.docx")
    assert strict_names(made)  # the fixture is strict indeed
    return made


def test_a_strict_draft_reads_as_the_same_draft(zero):
    usual, read = read_draft(SAMPLES / "zero-draft.docx"), read_draft(zero)
    assert [(p.label, p.text) for p in read.paragraphs] == \
        [(p.label, p.text) for p in usual.paragraphs]
    assert (read.title, read.front_matter, read.chapeau) == \
        (usual.title, usual.front_matter, usual.chapeau)
    assert len(read.paragraphs) > 30


def test_both_ways_of_opening_a_strict_file_give_the_transitional_document(zero):
    body = open_docx(zero).element.body
    assert body.tag == "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}body"
    assert open_word(zero).body.tag == body.tag


def test_a_strict_tracked_copy_proposes_what_the_usual_one_does(tmp_path):
    document = read_draft(SAMPLES / "zero-draft.docx").to_document(SYMBOL)
    copy = strict_copy(SAMPLES / "usa-tracked.docx", tmp_path / "usa-strict.docx")
    usual = read_docx_submission(SAMPLES / "usa-tracked.docx", document, delegation="USA")
    read = read_docx_submission(copy, document, delegation="USA")
    assert read.tracked and len(read.amendments) >= 2
    assert [(a.kind, a.paragraph_id, a.span, a.old_text, a.new_text) for a in read.amendments] \
        == [(a.kind, a.paragraph_id, a.span, a.old_text, a.new_text) for a in usual.amendments]


def test_names_are_renamed_to_the_transitional_ones():
    xml = (b'<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main" '
           b'w:conformance="strict"/><Relationship Type="http://purl.oclc.org/ooxml/'
           b'officeDocument/relationships/extendedProperties"/>')
    assert strict.renamed(xml) == (
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        b'/><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/extended-properties"/>')


def test_a_strict_file_is_checked_as_any_other(tmp_path, zero):
    with zipfile.ZipFile(zero) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/styles.xml"] = (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "b">]>'
                                + parts["word/styles.xml"].split(b"?>", 1)[1])
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    with pytest.raises(ReaderError, match=r"word/styles\.xml contains a document type"):
        open_word(hostile)


def test_merge_writes_into_a_strict_draft_and_word_opens_it(tmp_path, zero):
    """Imported from a strict file, the draft keeps its document (in the usual form): the
    USA's strict copy merges into it as tracked changes."""
    db, merged = tmp_path / "s.db", tmp_path / "merged.docx"
    copy = strict_copy(SAMPLES / "usa-tracked.docx", tmp_path / "usa-strict.docx")
    for args in (("init",), ("import", str(zero), "--doc", SYMBOL),
                 ("delegation", "add", "USA"),
                 ("submit", SYMBOL, str(copy), "--delegation", "USA", "--yes"),
                 ("merge", SYMBOL, "-o", str(merged))):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert "own layout" not in done.stderr  # the draft's own document, not ours
    assert strict_names(merged) == []
    word = docx.Document(io.BytesIO(merged.read_bytes()))
    assert word.sections[0].header.paragraphs[0].text.strip() == SYMBOL
    with zipfile.ZipFile(merged) as package:
        body = package.read("word/document.xml").decode()
    assert body.count('w:author="USA"') >= 2


def test_a_strict_zip_bomb_is_refused_as_any_other(tmp_path, zero):
    """Converting the strict form unpacks every part: within the same limits."""
    with zipfile.ZipFile(zero) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/media/filler.bin"] = b"\0" * (3 * 1024 * 1024)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    limits = SafeLimits(max_total_bytes=2 * 1024 * 1024)
    with pytest.raises(ReaderError, match="zip bomb"):
        open_word(bomb, limits=limits)
    assert strict.is_strict(zipfile.ZipFile(bomb))  # refused as the strict file it is
