"""A footnote with a mark of its own ("*" after the agenda item, Word's "Custom mark")
takes no number, as in Word: the draft's footnotes keep the numbers Word shows, the "*"
stays text, and the footnote itself is kept in the secretariat's document, not read."""

from __future__ import annotations

from pathlib import Path

import pytest
from footnote_edits import edited, paragraph_reading, w
from lxml import etree
from un_documents import Del, Ins, Note, ga_draft, libreoffice_docx

from drafting.readers import read_docx_submission, read_draft

SYMBOL = "A/C.2/81/L.99"


def with_custom_mark(path: Path, *, changed: bool = False) -> Path:
    """``path`` with a footnote marked "*" after "Agenda item 19 (a)", as a UN document
    has it (inserted into by a delegation where ``changed``)."""
    def edit(body, notes, note_id):
        agenda = paragraph_reading(body, lambda text: text == "Agenda item 19 (a)")
        run = etree.SubElement(agenda, w("r"))
        etree.SubElement(run, w("footnoteReference"),
                         {w("customMarkFollows"): "1", w("id"): note_id})
        etree.SubElement(run, w("t")).text = "*"
        paragraph = etree.SubElement(etree.SubElement(notes, w("footnote"), {w("id"): note_id}),
                                     w("p"))
        etree.SubElement(etree.SubElement(paragraph, w("r")), w("t")).text = "*"
        text = etree.SubElement(etree.SubElement(paragraph, w("r")), w("t"))
        text.text = " A/81/150."
        text.attrib["{http://www.w3.org/XML/1998/namespace}space"] = "preserve"
        if changed:
            stamp = {w("id"): "901", w("author"): "EU delegate",
                     w("date"): "2026-11-02T10:00:00Z"}
            added = etree.SubElement(etree.SubElement(paragraph, w("ins"), stamp), w("r"))
            etree.SubElement(added, w("t")).text = " Corr.1"

    return edited(path, path, edit)


@pytest.fixture
def draft(tmp_path) -> Path:
    return with_custom_mark(libreoffice_docx(ga_draft(), tmp_path / "L99.docx"))


def test_a_custom_mark_footnote_takes_no_number(draft):
    read = read_draft(draft)
    assert "Agenda item 19 (a)*" in read.front_matter
    assert not any("A/81/150" in line for line in read.front_matter)
    labels = {p.label: p.text for p in read.paragraphs}
    assert labels["PP2"].endswith("small-scale fisheries[^1],")  # Word shows it as 1
    assert labels["FN1"] == "See A/79/123, para. 4."
    assert [w.message for w in read.warnings] == [
        "custom-mark footnote in the front matter not imported"]


def test_a_copy_amends_the_numbered_footnote_and_names_the_custom_mark_one(tmp_path, draft):
    document = read_draft(draft).to_document(SYMBOL)
    changed = ga_draft({"PP2": ["Noting with concern", " the state of small-scale fisheries",
                                Note(("See ", Del("A/79/123"), Ins("A/79/124"),
                                      ", para. 4.")), ","]})
    copy = with_custom_mark(libreoffice_docx(changed, tmp_path / "eu.docx"), changed=True)
    read = read_docx_submission(copy, document, delegation="EU")
    label = {p.id: p.label for p in document.current.paragraphs}
    assert [(label[a.paragraph_id], a.old_text, a.new_text) for a in read.amendments] == [
        ("FN1", "A/79/123", "A/79/124")]
    assert any("custom-mark footnote" in w.message and "not read" in w.message
               for w in read.warnings)
