"""A footnote a delegation inserts in its copy is named as not read: it used to become a
paragraph of the draft (OP4 bis "See A/80/456.") with a stray marker "[^2]" inserted in the
paragraph citing it. Inserted before the draft's own footnote, it renumbers that one in
the copy (Word numbers footnotes as they are cited): the renumbering proposes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from footnote_edits import edited, paragraph_reading, w
from lxml import etree
from un_documents import Ins, Note, ga_draft, libreoffice_docx

from drafting.readers import read_docx_submission, read_draft


def with_new_footnote(path: Path, target: Path, *, ending: str = "trust fund;",
                      tracked: bool = True) -> Path:
    """``path`` with a footnote inserted (as a tracked change, or not) before the last
    character of the paragraph ending with ``ending``."""
    def edit(body, notes, note_id):
        citing = paragraph_reading(body, lambda text: text.endswith(ending))
        last = citing.findall(w("r"))[-1]
        text = last.find(w("t"))
        text.text, end = text.text[:-1], text.text[-1]  # the reference before the last mark
        stamp = {w("id"): "900", w("author"): "MEX delegate",
                 w("date"): "2026-11-02T10:00:00Z"}
        inserted = etree.Element(w("ins"), stamp)
        etree.SubElement(etree.SubElement(inserted, w("r")), w("footnoteReference"),
                         {w("id"): note_id})
        last.addnext(inserted if tracked else inserted[0])
        closing = etree.Element(w("r"))
        etree.SubElement(closing, w("t")).text = end
        last.getnext().addnext(closing)
        paragraph = etree.SubElement(etree.SubElement(notes, w("footnote"), {w("id"): note_id}),
                                     w("p"))
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("t")).text = "See A/80/456."

    return edited(path, target, edit)


def test_a_footnote_inserted_in_a_copy_is_named_and_proposes_nothing(tmp_path):
    draft = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    document = read_draft(draft).to_document("A/C.2/81/L.99")
    copy = with_new_footnote(draft, tmp_path / "mex.docx")
    read = read_docx_submission(copy, document, delegation="MEX")
    assert read.amendments == ()
    (warning,) = read.warnings
    assert "a footnote was inserted ('See A/80/456.')" in str(warning)
    assert "not read" in str(warning)


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "edited"])
def test_a_footnote_inserted_before_the_drafts_own_renumbers_nothing(tmp_path, tracked):
    """Inserted in PP1, the new footnote is the copy's 1 and the draft's FN1 its 2: the
    draft's footnote is still FN1, its marker unchanged, and a change to its words is
    read as a change to FN1."""
    changed = ga_draft({"PP2": ["Noting with concern", " the state of small-scale fisheries",
                                Note(("See A/79/123, para. 4", Ins(" and 5"), ".")), ","]})
    draft = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    document = read_draft(draft).to_document("A/C.2/81/L.99")
    edited = libreoffice_docx(changed, tmp_path / "edited.docx")
    copy = with_new_footnote(edited, tmp_path / "mex.docx", ending="2015, entitled "
                             "\"Transforming our world: the 2030 Agenda for Sustainable "
                             "Development\",", tracked=tracked)
    read = read_docx_submission(copy, document, delegation="MEX")
    label = {p.id: p.label for p in document.current.paragraphs}
    assert [(label[a.paragraph_id], a.new_text) for a in read.amendments] == [
        ("FN1", " and 5")]
    assert ["a footnote was inserted ('See A/80/456.')" in str(w) for w in read.warnings] \
        == [True]


def test_a_new_footnote_is_named_at_the_paragraph_citing_it(tmp_path):
    """The warning names the paragraph citing the new footnote by the copy's paragraph
    number as the other warnings count them (the draft's own footnote, after PP2, counted
    too) and by its label: OP4, not a Word paragraph one before, unlabelled."""
    with_note = ga_draft({"PP2": ["Noting with concern", " the state of small-scale fisheries",
                                  Note(("See A/79/123, para. 4.",)), ","]})
    draft = libreoffice_docx(with_note, tmp_path / "L99.docx")
    document = read_draft(draft).to_document("A/C.2/81/L.99")
    assert document.current.paragraphs[-1].text.endswith("trust fund;")
    copy = with_new_footnote(draft, tmp_path / "mex.docx")
    (warning,) = read_docx_submission(copy, document, delegation="MEX").warnings
    assert warning.where == f"{copy}, paragraph 23 (OP4)"
    assert warning.message.startswith("a footnote was inserted ('See A/80/456.')")
