"""A footnote a delegation inserts in its copy, with Track Changes on, is named as not
read: it used to become a paragraph of the draft (OP4 bis "See A/80/456.") with a stray
marker "[^2]" inserted in the paragraph citing it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree
from un_documents import ga_draft, libreoffice_docx

from drafting.readers import read_docx_submission, read_draft

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def with_new_footnote(path: Path, target: Path) -> Path:
    """``path`` with a footnote inserted, as a tracked change, after "trust fund"."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    body = etree.fromstring(parts["word/document.xml"])
    notes = etree.fromstring(parts["word/footnotes.xml"])
    note_id = str(max(int(n.get(_w("id"))) for n in notes.iter(_w("footnote"))) + 1)
    citing = next(p for p in body.iter(_w("p"))
                  if "".join(t.text or "" for t in p.iter(_w("t"))).endswith("trust fund;"))
    last = citing.findall(_w("r"))[-1]
    text = last.find(_w("t"))
    text.text = text.text[:-1]  # "... trust fund" then the reference, then ";"
    stamp = {_w("id"): "900", _w("author"): "MEX delegate", _w("date"): "2026-11-02T10:00:00Z"}
    inserted = etree.Element(_w("ins"), stamp)
    etree.SubElement(etree.SubElement(inserted, _w("r")), _w("footnoteReference"),
                     {_w("id"): note_id})
    last.addnext(inserted)
    semicolon = etree.Element(_w("r"))
    etree.SubElement(semicolon, _w("t")).text = ";"
    inserted.addnext(semicolon)
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
