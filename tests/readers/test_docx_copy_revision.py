"""A copy of an older revision read against the current one would propose, in the
delegation's name, to undo every change the revision made. It is refused; where a single
paragraph reads as the older revision had it (a delegation may mean to restore it), a
warning says so."""

from __future__ import annotations

import pytest
from docx_builders import SYMBOL, TITLE, ZERO, dele, house, ins, write_docx

from drafting.errors import ReaderError
from drafting.model import AmendmentKind, Document, Revision
from drafting.readers.docx_submission import read_docx_submission

OP1, OP2 = ZERO.by_label("OP1").text, ZERO.by_label("OP2").text
NEW_OP1 = OP1.replace("submit", "present")
NEW_OP2 = OP2.replace("existing resources", "available resources")


def _document(*changed: str) -> Document:
    """The zero draft and a Rev.1 that changed ``changed`` (OP1, OP2)."""
    texts = {"OP1": NEW_OP1, "OP2": NEW_OP2}
    rev1 = Revision("Rev.1", tuple(
        p.__class__(p.id, p.label, p.kind, texts[p.label] if p.label in changed else p.text,
                    level=p.level) for p in ZERO))
    return Document(SYMBOL, TITLE, (ZERO, rev1))


def _read(tmp_path, document, revision, edits=None):
    path = write_docx(tmp_path / "copy.docx", house(revision, edits), subtitle="")
    return read_docx_submission(path, document, delegation="EU")


def test_an_edited_copy_of_the_zero_draft_is_refused_against_rev1(tmp_path):
    document = _document("OP1", "OP2")
    with pytest.raises(ReaderError, match=r"the file is a copy of Zero draft, not of Rev\.1"):
        _read(tmp_path, document, ZERO, {"PP1": ["Recalling also its resolution 70/1,"]})


def test_a_tracked_copy_of_the_zero_draft_is_refused_against_rev1(tmp_path):
    document = _document("OP1", "OP2")
    edits = {"PP2": ["Noting ", ins("with deep concern"), dele("with concern"),
                     " the state of small-scale fisheries,"]}
    with pytest.raises(ReaderError, match=r"copy of Zero draft.*ask for its changes on Rev\.1"):
        _read(tmp_path, document, ZERO, edits)


def test_a_copy_of_rev1_restoring_one_paragraph_is_its_proposal(tmp_path):
    document = _document("OP1", "OP2")
    read = _read(tmp_path, document, document.current, {"OP2": [OP2]})
    (amendment,) = read.amendments
    assert (amendment.kind, amendment.old_text, amendment.new_text) == (
        AmendmentKind.REPLACE, "available", "existing")
    assert read.warnings == ()


def test_one_paragraph_as_the_older_revision_had_it_is_read_with_a_warning(tmp_path):
    document = _document("OP2")  # Rev.1 changed OP2 only: a copy of either reads alike
    read = _read(tmp_path, document, ZERO)
    assert [a.new_text for a in read.amendments] == ["existing"]
    (warning,) = read.warnings
    assert "(OP2): the paragraph reads as Zero draft had it" in str(warning)


def test_a_copy_of_the_current_revision_reads_as_ever(tmp_path):
    document = _document("OP1", "OP2")
    read = _read(tmp_path, document, document.current, {"OP1": [NEW_OP1 + " Also"]})
    assert [a.new_text for a in read.amendments] == [" Also"] and read.warnings == ()
