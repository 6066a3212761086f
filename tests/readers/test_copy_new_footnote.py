"""A footnote a delegation inserts in its copy is named as not read: it used to become a
paragraph of the draft (OP4 bis "See A/80/456.") with a stray marker "[^2]" inserted in the
paragraph citing it. Inserted before the draft's own footnote, it renumbers that one in
the copy (Word numbers footnotes as they are cited): the renumbering proposes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from un_documents import Ins, Note, ga_draft, libreoffice_docx

from drafting.readers import read_docx_submission, read_draft

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def with_new_footnote(path: Path, target: Path, *, ending: str = "trust fund;",
                      tracked: bool = True) -> Path:
    """``path`` with a footnote inserted (as a tracked change, or not) before the last
    character of the paragraph ending with ``ending``."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    body = etree.fromstring(parts["word/document.xml"])
    notes = etree.fromstring(parts["word/footnotes.xml"])
    note_id = str(max(int(n.get(_w("id"))) for n in notes.iter(_w("footnote"))) + 1)
    citing = next(p for p in body.iter(_w("p"))
                  if "".join(t.text or "" for t in p.iter(_w("t"))).endswith(ending))
    last = citing.findall(_w("r"))[-1]
    text = last.find(_w("t"))
    text.text, end = text.text[:-1], text.text[-1]  # the reference before the last mark
    stamp = {_w("id"): "900", _w("author"): "MEX delegate", _w("date"): "2026-11-02T10:00:00Z"}
    inserted = etree.Element(_w("ins"), stamp)
    etree.SubElement(etree.SubElement(inserted, _w("r")), _w("footnoteReference"),
                     {_w("id"): note_id})
    last.addnext(inserted if tracked else inserted[0])
    closing = etree.Element(_w("r"))
    etree.SubElement(closing, _w("t")).text = end
    last.getnext().addnext(closing)
    paragraph = etree.SubElement(etree.SubElement(notes, _w("footnote"), {_w("id"): note_id}),
                                 _w("p"))
    etree.SubElement(etree.SubElement(paragraph, _w("r")), _w("t")).text = "See A/80/456."
    parts["word/document.xml"] = etree.tostring(body)
    parts["word/footnotes.xml"] = etree.tostring(notes)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target


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
