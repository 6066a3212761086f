"""Copies passed through pandoc keeping the changes (``pandoc --track-changes=all``), as a
delegation's document pipeline does: pandoc writes the space a tracked change begins or
ends with as a run of its own, outside the change.

* A word inserted ("a", " ", inserted "comprehensive", " ", "report"): the copy's text
  with the changes rejected has two spaces where the draft has one. The space read as
  typed untracked was set aside as spacing alone and the insertion recorded without it:
  accepted, the revision glued two words ("comprehensivereport"). It is the insertion's.
* The merged draft through pandoc, sent back with no edit: a paragraph deleted by one
  delegation with another's deletion inside it, and a deletion before ";", keep their
  spaces apart. They are the pending proposals still, and the copy proposes nothing; it
  was refused, naming a change of another delegation's that the sender never touched.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx_builders import DOCUMENT, ZERO, dele, house, ins, write_docx

from drafting.engine.merge import merge
from drafting.errors import ReaderError
from drafting.model import Amendment, AmendmentKind, Span
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_source import write_merged_into_source

_K = AmendmentKind
OP1 = ZERO.by_label("OP1").text  # "Requests the Secretary-General to submit a report ..."


def _applied(amendment: Amendment, text: str) -> str:
    span = amendment.span
    assert span is not None
    return text[:span.start] + amendment.new_text + text[span.end:]


def test_a_word_inserted_with_its_spaces_in_runs_of_their_own_keeps_one(tmp_path):
    before, after = OP1.split(" report", 1)
    copy = house(ZERO, {"OP1": [before, " ", ins("comprehensive"), " ", "report" + after]})
    read = read_docx_submission(write_docx(tmp_path / "eu.docx", copy), DOCUMENT,
                                delegation="EU")
    (amendment,) = read.amendments
    assert (amendment.kind, amendment.new_text) == (_K.INSERT, " comprehensive")
    assert _applied(amendment, OP1) == OP1.replace("a report", "a comprehensive report")
    assert not [w for w in read.warnings if "spaces" in w.message]


def test_a_space_typed_beside_an_insertion_that_has_its_own_is_spacing_alone(tmp_path):
    before, after = OP1.split(" report", 1)
    copy = house(ZERO, {"OP1": [before, " ", ins("comprehensive "), " report" + after]})
    read = read_docx_submission(write_docx(tmp_path / "eu.docx", copy), DOCUMENT,
                                delegation="EU")
    (amendment,) = read.amendments
    assert amendment.new_text.strip() == "comprehensive"
    assert " ".join(_applied(amendment, OP1).split()) == \
        OP1.replace("a report", "a comprehensive report")


def test_a_paragraph_deleted_with_its_spaces_apart_is_the_pending_deletion(tmp_path):
    pp2 = ZERO.by_label("PP2")  # "Noting with concern the state of small-scale fisheries,"
    copy = house(ZERO, {"PP2": [dele("Noting with concern the state of", author="USA"), " ",
                                dele("small-scale", author="EU"), " ",
                                dele("fisheries,", author="USA")]})
    start = pp2.text.index(" small-scale")
    pending = [Amendment(id="A1", kind=_K.DELETE_PARAGRAPH, paragraph_id=pp2.id,
                         revision=ZERO.label, proponents=("USA",), old_text=pp2.text),
               Amendment(id="A2", kind=_K.DELETE, paragraph_id=pp2.id, revision=ZERO.label,
                         proponents=("EU",), span=Span(start, start + 12),
                         old_text=" small-scale")]
    read = read_docx_submission(write_docx(tmp_path / "aosis.docx", copy), DOCUMENT,
                                delegation="AOSIS", proposed=lambda: {pp2.id: pending})
    assert read.amendments == ()


def _pandoc(source, target):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    subprocess.run(["pandoc", "--track-changes=all", str(source), "-o", str(target)],
                   check=True, timeout=60)
    return target


def test_the_merged_draft_through_pandoc_unedited_proposes_nothing(tmp_path):
    source = write_docx(tmp_path / "draft.docx", house(ZERO))
    document = read_docx_draft(source).to_document(DOCUMENT.symbol)
    pp2, op1 = document.current.by_label("PP2"), document.current.by_label("OP1")

    def made(number, code, kind, paragraph, old="", new=""):
        start = paragraph.text.index(old) if old else None
        span = None if start is None else Span(start, start + len(old))
        return Amendment(id=f"A{number}", kind=kind, paragraph_id=paragraph.id,
                         revision=document.current.label, proponents=(code,), span=span,
                         old_text=old or paragraph.text, new_text=new)

    pending = [made(1, "USA", _K.DELETE_PARAGRAPH, pp2),
               made(2, "EU", _K.DELETE, pp2, " small-scale"),
               made(3, "EU", _K.REPLACE, op1, "a report", "an annual report"),
               made(4, "CAN", _K.DELETE, op1, " on small-scale fishers")]
    merged = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, pending), merged)
    sent = _pandoc(merged, tmp_path / "aosis.docx")
    by_paragraph = {pp2.id: pending[:2], op1.id: pending[2:]}
    try:
        read = read_docx_submission(sent, document, delegation="AOSIS",
                                    proposed=lambda: by_paragraph)
    except ReaderError as error:
        pytest.fail(f"refused: {error}")
    assert read.amendments == ()
