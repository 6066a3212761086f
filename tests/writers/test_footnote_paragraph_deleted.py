"""A footnote of two paragraphs, one of them deleted whole, by a delegation's copy made
with Track Changes (the paragraph's words and the mark before them deleted, as Word marks
it) or by the words alone: the paragraph goes. The merged draft deletes its mark as a
tracked change (Accept All leaves the note one paragraph, Reject All the source), and
Rev.1 has it gone; both used to leave an empty paragraph in the note."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import footnote, para, write_docx
from libreoffice import lo_track

from drafting.engine import Proposal
from drafting.outputs import merge_to
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    prepare_files,
    record,
    revise_document,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FIRST, SECOND = "See A/79/123, para. 4.", "See also A/79/456, annex."
STAMP = {f"{W}author": "EU", f"{W}date": "2026-11-02T10:00:00Z"}


def _body():
    return [para("PP1", "Recalling its resolution 70/1,"),
            para("OP1", "Requests a report", footnote(FIRST), " on fisheries;"),
            para("OP2", "Decides to remain seized of the matter;")]


def _two_paragraphs(path: Path, deleted: str = "") -> Path:
    """``path`` with a second paragraph in its footnote 1; ``deleted`` "second" or "first"
    deletes that paragraph with Track Changes, as Word does: its words, and the mark of
    the first paragraph (the one ending the note stays)."""
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["word/footnotes.xml"])
    note = root.find(f"{W}footnote[@{W}id='1']")
    first = note.find(f"{W}p")
    second = etree.SubElement(note, f"{W}p")
    run = etree.SubElement(second, f"{W}r")
    etree.SubElement(run, f"{W}t").text = SECOND
    if deleted:
        properties = etree.Element(f"{W}pPr")
        first.insert(0, properties)
        etree.SubElement(etree.SubElement(properties, f"{W}rPr"), f"{W}del",
                         {f"{W}id": "900", **STAMP})
        gone = second if deleted == "second" else first
        for run in [r for r in gone.findall(f"{W}r") if r.find(f"{W}footnoteRef") is None]:
            wrapper = etree.Element(f"{W}del", {f"{W}id": str(901 + gone.index(run)), **STAMP})
            run.addprevious(wrapper)
            wrapper.append(run)
            for text in run.findall(f"{W}t"):
                text.tag = f"{W}delText"
    parts["word/footnotes.xml"] = etree.tostring(root, xml_declaration=True,
                                                 encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(path, "w") as package:
        for name, blob in parts.items():
            package.writestr(name, blob)
    return path


def _note(path_or_bytes) -> list[str]:
    """The text of each paragraph of the first footnote (deleted text included), the
    separators aside (LibreOffice numbers the notes its own way)."""
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    with zipfile.ZipFile(source) as package:
        root = etree.fromstring(package.read("word/footnotes.xml"))
    note = next(n for n in root.findall(f"{W}footnote") if n.get(f"{W}type") is None)
    return ["".join(p.itertext()).strip() for p in note.findall(f"{W}p")]


@pytest.mark.parametrize(("how", "kept"), [
    ("copy", FIRST), ("words", FIRST), ("first in a copy", SECOND), ("first words", SECOND)])
def test_a_footnote_paragraph_deleted_goes_whole(tmp_path, how, kept):
    draft = _two_paragraphs(write_docx(tmp_path / "draft.docx", _body()))
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, draft, "L7")
        add_delegations(store, ["EU"])
        if how.endswith("copy"):
            copy = _two_paragraphs(write_docx(tmp_path / "eu.docx", _body()),
                                   deleted="second" if how == "copy" else "first")
            (prepared,) = prepare_files(store, "L7", [copy], delegation="EU")
            amendments = list(prepared.amendments)
            assert [a.new_text for a in amendments] == [""]
            assert "\n" in amendments[0].old_text  # the line break its mark stands for
        else:
            gone = SECOND if how == "words" else FIRST
            amendments = [prepare_amendment(store, "L7", Proposal("FN1", delete=gone), "EU")]
        (recorded,) = record(store, "L7", amendments).amendments
        merge_to(store, "L7", tmp_path / "merged.docx")
        store.decide(recorded.id, "accept")
        revise_document(store, "L7", "Rev.1")
        revised = store.source("L7", "Rev.1")
    assert _note(revised) == [kept]
    lo_track("accept", tmp_path / "merged.docx", tmp_path / "accepted.docx")
    assert _note(tmp_path / "accepted.docx") == [kept]
    if how.endswith("copy"):  # Reject All for the copies' changes (a LibreOffice run each)
        lo_track("reject", tmp_path / "merged.docx", tmp_path / "rejected.docx")
        assert _note(tmp_path / "rejected.docx") == [FIRST, SECOND]


def test_a_footnote_paragraph_replaced_stays_a_paragraph(tmp_path):
    """Its words replaced, not deleted: the note keeps its two paragraphs."""
    draft = _two_paragraphs(write_docx(tmp_path / "draft.docx", _body()))
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, draft, "L7")
        add_delegations(store, ["EU"])
        amendment = prepare_amendment(
            store, "L7", Proposal("FN1", replace=SECOND, with_="See A/80/1."), "EU")
        (recorded,) = record(store, "L7", [amendment]).amendments
        merge_to(store, "L7", tmp_path / "merged.docx")
        store.decide(recorded.id, "accept")
        revise_document(store, "L7", "Rev.1")
        assert _note(store.source("L7", "Rev.1")) == [FIRST, "See A/80/1."]
    lo_track("accept", tmp_path / "merged.docx", tmp_path / "accepted.docx")
    assert _note(tmp_path / "accepted.docx") == [FIRST, "See A/80/1."]
