"""Two forms of the symbol the secretariat's document may show, revised as the UN revises
them (`drafting.engine.revision_symbols`):

- a joint document's symbol, one per organ joined by a dash, "A/81/L.5–E/2026/L.12":
  Rev.1 gave the Assembly's half its revision only ("A/81/L.5/Rev.1–E/2026/L.12"); both
  take it now, in the header, the front matter and the properties;
- a draft reissued for technical reasons, "A/C.2/81/L.50*" with its note "* Reissued for
  technical reasons on ...": Rev.1 was headed "A/C.2/81/L.50/Rev.1*" and kept the note. A
  revision is a new document: the mark and the note go (tracked, in the diff);
- a draft circulated as a revision already, "A/HRC/61/L.12/Rev.1": its next revision
  labelled "Rev.1" went out under that same symbol, silently. It is refused, naming Rev.2.
"""

from __future__ import annotations

import dataclasses
import io
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from un_documents import Para, ga_draft, libreoffice_docx

from drafting.engine import Decisions, Proposal, diff_revisions, revise
from drafting.errors import InputError
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

JOINT = "A/81/L.5\u2013E/2026/L.12"
JOINT_REV1 = "A/81/L.5/Rev.1\u2013E/2026/L.12/Rev.1"
NOTE = "*\tReissued for technical reasons on 3 November 2026."


def _draft(path: Path, symbol: str, *, note: str = "") -> Path:
    word = docx.Document()
    word.core_properties.title = symbol
    word.sections[0].header.paragraphs[0].text = symbol
    for line in ("United Nations", symbol, "General Assembly", "Distr.: Limited",
                 "Ocean observation for sustainable development", *([note] if note else [])):
        word.add_paragraph(line)
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    word.add_paragraph("1.\tDecides to convene a meeting in 2027;")
    word.save(path)
    return path


def _rev1(source: Path, symbol: str):
    """(the document with Rev.1, Rev.1's Word file written into ``source``)."""
    document = read_docx_draft(source).to_document(symbol)
    new = revise(document, [], Decisions(), label="Rev.1").revision
    both = dataclasses.replace(document, revisions=(*document.revisions, new))
    return both, revise_source(source.read_bytes(), document.current, new, symbol=symbol)


def _paragraphs(xml: bytes, *, accept: bool = True) -> list[str]:
    """Each ``w:p``'s text after Accept All (``accept``) or Reject All; a paragraph whose
    mark is deleted and whose words all go is gone on accepting."""
    gone = qn("w:del") if accept else qn("w:ins")
    found = []
    for paragraph in parse_xml(xml).iter(qn("w:p")):
        text = "".join("\t" if node.tag == qn("w:tab") else node.text or ""
                       for node in paragraph.iter(qn("w:t"), qn("w:delText"), qn("w:tab"))
                       if not any(a.tag == gone for a in node.iterancestors()))
        dropped = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None
        if not (accept and dropped and not text):
            found.append(text)
    return found


def _part(package: bytes | Path, name: str) -> bytes:
    with zipfile.ZipFile(package if isinstance(package, Path) else io.BytesIO(package)) as z:
        return z.read(name)


def test_both_halves_of_a_joint_symbol_take_the_revision(tmp_path):
    both, rev1 = _rev1(_draft(tmp_path / "joint.docx", JOINT), "A/81/L.5")
    assert _paragraphs(_part(rev1, "word/header1.xml")) == [JOINT_REV1]
    assert _paragraphs(_part(rev1, "word/document.xml"))[1] == JOINT_REV1
    assert docx.Document(io.BytesIO(rev1)).core_properties.title == JOINT_REV1
    assert both.current.front_matter[1] == JOINT_REV1  # as shown and exported


def test_the_diff_of_a_joint_document_tracks_both_revisions(tmp_path):
    source = _draft(tmp_path / "joint.docx", JOINT)
    both, _ = _rev1(source, "A/81/L.5")
    target = tmp_path / "diff.docx"
    write_merged_into_source(source.read_bytes(), diff_revisions(both, "Zero draft", "Rev.1"),
                             target, revised=("A/81/L.5", "Rev.1"))
    for name in ("word/header1.xml", "word/document.xml"):
        assert JOINT_REV1 in _paragraphs(_part(target, name)), name
        assert JOINT in _paragraphs(_part(target, name), accept=False), name


def test_a_reissued_drafts_title_is_its_own_not_the_reissue_note(tmp_path):
    read = read_docx_draft(_draft(tmp_path / "L50.docx", "A/C.2/81/L.50*", note=NOTE))
    assert read.title == "Ocean observation for sustainable development"
    assert read.front_matter[-1] == NOTE and read.warnings == ()


def test_the_revision_of_a_reissued_draft_drops_the_mark_and_the_note(tmp_path):
    source = _draft(tmp_path / "L50.docx", "A/C.2/81/L.50*", note=NOTE)
    both, rev1 = _rev1(source, "A/C.2/81/L.50")
    assert _paragraphs(_part(rev1, "word/header1.xml")) == ["A/C.2/81/L.50/Rev.1"]
    body = _paragraphs(_part(rev1, "word/document.xml"))
    assert body[:2] == ["United Nations", "A/C.2/81/L.50/Rev.1"]
    assert not any("Reissued" in text for text in body)
    assert body[4:6] == ["Ocean observation for sustainable development",
                         "The General Assembly,"]
    assert docx.Document(io.BytesIO(rev1)).core_properties.title == "A/C.2/81/L.50/Rev.1"
    assert both.current.front_matter == ("United Nations", "A/C.2/81/L.50/Rev.1",
                                         "General Assembly", "Distr.: Limited")


def test_the_diff_of_a_reissued_draft_tracks_the_note_deleted(tmp_path):
    source = _draft(tmp_path / "L50.docx", "A/C.2/81/L.50*", note=NOTE)
    both, rev1 = _rev1(source, "A/C.2/81/L.50")
    target = tmp_path / "diff.docx"
    write_merged_into_source(source.read_bytes(), diff_revisions(both, "Zero draft", "Rev.1"),
                             target, revised=("A/C.2/81/L.50", "Rev.1"))
    xml = _part(target, "word/document.xml")
    assert _paragraphs(xml) == _paragraphs(_part(rev1, "word/document.xml"))
    assert _paragraphs(xml, accept=False) == _paragraphs(_part(source, "word/document.xml"))
    assert _paragraphs(_part(target, "word/header1.xml")) == ["A/C.2/81/L.50/Rev.1"]


def test_a_star_without_a_revision_is_left_as_it_is(tmp_path):
    """A second draft under the same symbol is no new document: mark and note stay."""
    source = _draft(tmp_path / "L50.docx", "A/C.2/81/L.50*", note=NOTE)
    document = read_docx_draft(source).to_document("A/C.2/81/L.50")
    new = revise(document, [], Decisions(), label="Second draft").revision
    made = revise_source(source.read_bytes(), document.current, new, symbol="A/C.2/81/L.50")
    assert _paragraphs(_part(made, "word/document.xml")) == _paragraphs(
        _part(source, "word/document.xml"))
    assert new.front_matter[-1] == NOTE


def _refused_then_rev2(tmp_path: Path, source: Path, symbol: str, words: tuple[str, str]):
    """Import ``source`` as ``symbol``, accept EU's change of ``words``: "Rev.1" is refused,
    in a dry run too, with nothing stored; "Rev.2" is issued. Rev.2's Word file."""
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, source, symbol)
        add_delegations(store, ["EU"])
        amendment = prepare_amendment(store, symbol, Proposal(
            "OP1", replace=words[0], with_=words[1]), "EU")
        (recorded,) = record(store, symbol, [amendment]).amendments
        store.decide(recorded.id, "accept")
        head = store.head()
        for dry_run in (True, False):
            with pytest.raises(InputError, match=r"label this revision Rev\.2"):
                revise_document(store, symbol, "Rev.1", dry_run=dry_run)
        assert store.head() == head and [r.label for r in store.document(symbol).revisions] \
            == ["Zero draft"]
        revise_document(store, symbol, "Rev.2")
        return docx.Document(io.BytesIO(store.source(symbol, "Rev.2")))


def test_a_draft_imported_as_rev1_is_not_revised_as_rev1_again(tmp_path):
    symbol = "A/HRC/61/L.12/Rev.1"
    rev2 = _refused_then_rev2(tmp_path, _draft(tmp_path / "L12.docx", symbol), symbol,
                              ("2027", "2028"))
    assert rev2.sections[0].header.paragraphs[0].text == "A/HRC/61/L.12/Rev.2"
    assert rev2.paragraphs[1].text == "A/HRC/61/L.12/Rev.2"


def test_a_draft_whose_front_matter_names_rev1_is_not_revised_as_rev1(tmp_path):
    """Imported under its symbol without the revision, written by LibreOffice: the
    front matter's "A/C.2/81/L.99/Rev.1" says which revision it is."""
    draft = ga_draft()
    draft.header = "A/C.2/81/L.99/Rev.1"
    draft.paragraphs[1] = Para(("A/C.2/81/L.99/Rev.1",), "Front")
    source = libreoffice_docx(draft, tmp_path / "L99.docx")
    rev2 = _refused_then_rev2(tmp_path, source, "A/C.2/81/L.99", ("one-day", "two-day"))
    assert rev2.paragraphs[1].text == "A/C.2/81/L.99/Rev.2"
