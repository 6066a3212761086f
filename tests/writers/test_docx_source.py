"""The merged document written into the secretariat's own Word file: a GA draft laid out
by LibreOffice (front matter, a title style of its own, a page header, italic openings,
typed numbers, sub-paragraphs, a footnote) gets every proposal as a tracked change in
its own runs, and nothing else of it changes."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from ooxml_views import body as _body
from ooxml_views import rejected as _rejected
from un_documents import ga_draft, libreoffice_docx

from drafting.engine import Proposal, draft_amendment
from drafting.engine.merge import merge
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_source import (
    SourceMismatch,
    source_holds,
    write_merged_into_source,
)

LO_TRACK = Path(__file__).parents[3] / "shared" / "tools" / "lo_track.py"
T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
PROPOSALS = [
    ("EU", "OP3", {"replace": "submit", "with_": "present"}),
    ("G77", "OP3", {"replace": "submit", "with_": "transmit"}),
    ("USA", "PP3", {"insert": " essential", "after": "the"}),
    ("JPN", "OP1", {"delete": "one-day "}),
    ("AOSIS", "OP4", {"new_paragraph": "Encourages regional cooperation;"}),
    ("NZL", "OP2", {"new_paragraph": "Stresses the role of science;"}),
    ("EU", "FN1", {"replace": "para. 4", "with_": "paras. 4-6"}),
    ("EU", "OP2", {"replace": "tenure", "with_": "customary tenure",
                   "reason": "agreed language"}),
    ("CAN", "PP1", {"delete_paragraph": True}),
    ("CHL", "PP1", {"new_paragraph": "Reaffirming the Charter of the United Nations,",
                    "place_before": True}),
]


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    """(source path, merged path, document) for the GA draft and `PROPOSALS`."""
    folder = tmp_path_factory.mktemp("source")
    source = libreoffice_docx(ga_draft(), folder / "L99.docx")
    document = read_docx_draft(source).to_document("A/C.2/81/L.99")
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(PROPOSALS, 1)]
    target = folder / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target,
                             dates={a.id: T0 for a in amendments})
    return source, target, document


def _entries(path):
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_every_part_without_a_change_is_the_sources_byte_for_byte(merged):
    source, target, _ = merged
    before, after = _entries(source), _entries(target)
    changed = {name for name in before if before[name] != after.get(name)}
    assert changed <= {"word/document.xml", "word/footnotes.xml", "word/comments.xml",
                       "[Content_Types].xml", "word/_rels/document.xml.rels"}
    assert "word/styles.xml" in before and before["word/styles.xml"] == after["word/styles.xml"]
    for kind in ("header", "footer"):  # the page header and footer, byte for byte
        parts = [n for n in before if n.startswith(f"word/{kind}")]
        assert parts and all(before[n] == after[n] for n in parts)
    assert set(before) <= set(after)


def test_untouched_paragraphs_are_the_sources_xml(merged):
    source, target, _ = merged
    old = [etree.tostring(p) for p in _body(source).iter(qn("w:p"))]
    new = [etree.tostring(p) for p in _body(target).iter(qn("w:p"))]
    assert old[:12] == new[:12]  # the front matter, the title and the chapeau
    assert old[-3] == new[-5]  # OP2 (b): untouched, and "2 bis" follows it
    assert sum(1 for p in new if p in old) == len(old) - 6  # PP1, PP3, OP1, OP2(a), OP3, OP4


def test_rejecting_every_change_gives_the_source_paragraph_for_paragraph(merged):
    source, target, _ = merged
    assert _rejected(target) == _rejected(source)


def _libreoffice(path, mode):
    return lo_track(mode, path).stdout.splitlines()


def test_libreoffice_rejects_to_the_source_and_accepts_every_proposal(merged):
    source, target, _ = merged
    assert _libreoffice(target, "reject") == _libreoffice(source, "reject")
    accepted = _libreoffice(target, "accept")
    assert "Recognizing the essential role of women in post-harvest processing and trade," \
        in accepted
    assert "1.\tDecides to convene a high-level meeting on small-scale fisheries;" in accepted
    assert "(a)\tTo protect the customary tenure rights of small-scale fishers;" in accepted
    assert any(line.startswith("3.\tRequests the Secretary-General to [submit / present / "
                               "transmit] a report") for line in accepted)
    assert accepted.index("2 bis.\tStresses the role of science;") == \
        accepted.index("(b)\tTo report on progress every two years;") + 1
    assert accepted[-1] == "4 bis.\tEncourages regional cooperation;"
    assert not any(line.startswith("Recalling its resolution 70/1") for line in accepted)
    assert accepted[accepted.index("The General Assembly,") + 1] == \
        "Reaffirming the Charter of the United Nations,"  # a new first paragraph, in place


def test_pandoc_rejects_to_the_source(merged):
    if shutil.which("pandoc") is None:
        pytest.skip("pandoc is not installed")
    source, target, _ = merged

    def words(path, mode):
        return subprocess.run(["pandoc", f"--track-changes={mode}", "-t", "plain",
                               "--wrap=none", str(path)], capture_output=True, text=True,
                              timeout=120, check=True).stdout.split()

    assert words(target, "reject") == words(source, "reject")
    assert "4-6." in words(target, "accept")  # the change inside the footnote


def test_changes_carry_authors_dates_formatting_and_reasons(merged):
    _, target, _ = merged
    body = _body(target)
    authors = {c.get(qn("w:author")) for c in body.iter(qn("w:ins"), qn("w:del"))}
    assert {"EU", "G77", "USA", "JPN", "AOSIS", "NZL", "CAN", "EU, G77"} <= authors
    assert all(c.get(qn("w:date")) == "2026-11-02T10:00:00Z"
               for c in body.iter(qn("w:ins"), qn("w:del")) if c.getparent().tag != qn("w:rPr"))
    essential = next(i for i in body.iter(qn("w:ins")) if "".join(i.itertext()) == " essential")
    before = essential.getprevious()  # "the", not italic: the inserted words are not either
    assert etree.tostring(essential.find(f".//{qn('w:rPr')}")) == etree.tostring(
        before.find(qn("w:rPr")))
    # a new paragraph opens as its neighbours do: the verb in the source's italic style
    opening = {"".join(r.itertext()): r.find(qn("w:rPr")) for r in body.iter(qn("w:r"))
               if r.getparent().tag == qn("w:ins")}
    italic = etree.tostring(before.getparent().find(f"{qn('w:r')}/{qn('w:rPr')}"))
    assert b"Em" in italic and etree.tostring(opening["Stresses"]) == italic
    assert b"Em" not in etree.tostring(opening[" the role of science;"])
    with zipfile.ZipFile(target) as package:
        comments = etree.fromstring(package.read("word/comments.xml"))
        notes = etree.fromstring(package.read("word/footnotes.xml"))
    assert ["".join(c.itertext()) for c in comments.iter(qn("w:comment"))] == ["agreed language"]
    assert [("".join(d.itertext()), d.get(qn("w:author"))) for d in notes.iter(qn("w:del"))] \
        == [("para. 4", "EU")]


def test_a_source_that_does_not_hold_the_revision_is_refused(merged, tmp_path):
    source, _, document = merged
    other = docx.Document()
    other.add_paragraph("OP1 Something else entirely;")
    buffer = io.BytesIO()
    other.save(buffer)
    assert source_holds(source.read_bytes(), document.current)
    assert not source_holds(buffer.getvalue(), document.current)
    with pytest.raises(SourceMismatch):
        write_merged_into_source(buffer.getvalue(), merge(document, []), tmp_path / "x.docx")


def test_proposals_on_an_option_block_are_tracked_in_its_options_paragraph(tmp_path):
    from docx_builders import Para, write_docx

    source = write_docx(tmp_path / "options.docx", [
        Para(["The Parties to this Agreement,"]), Para(["Article 1"]),
        Para(["1.\tOption 1: Parties shall establish a fund."]), Para(["Option 2: No text"]),
        Para(["2.\tParties shall report."])], title="Draft agreement", subtitle="")
    document = read_docx_draft(source).to_document("BBNJ")
    assert document.current.by_label("OP1").text == "[Parties shall establish a fund.][]"
    amendments = [
        draft_amendment(document.current, Proposal("OP1", replace="a fund", with_="two funds"),
                        id="A1", proponents=["AOSIS"], submitted_at=T0),
        draft_amendment(document.current, Proposal("OP2", replace="report", with_="inform"),
                        id="A2", proponents=["EU"], submitted_at=T0)]
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)
    with zipfile.ZipFile(target) as package:
        assert "word/comments.xml" not in package.namelist()  # nothing left to name
    option = next(p for p in _body(target).iter(qn("w:p"))
                  if "".join(p.itertext()).startswith("1.Option 1:"))
    assert [(c.get(qn("w:author")), "".join(c.itertext())) for c in option.iter(
        qn("w:del"), qn("w:ins"))] == [("AOSIS", "a fund"), ("AOSIS", "two funds")]
    assert _rejected(target) == _rejected(source)
    assert "inform" in "".join(_body(target).itertext())  # the other proposal is woven in


def test_a_table_among_the_paragraphs_stays_as_it_is_in_merged_and_rev1(tmp_path):
    """A table after OP3 is no paragraph of the draft: the merged file and Rev.1 keep it
    byte for byte where it stood, and the paragraphs around it take their changes."""
    from drafting.engine.revise import Decisions, revise
    from drafting.writers.docx_revision import revise_source

    source = libreoffice_docx(ga_draft(table=True), tmp_path / "L99.docx")
    read = read_docx_draft(source)
    assert [w.message[:15] for w in read.warnings] == ["table after OP3"]
    document = read.to_document("A/C.2/81/L.99")
    asked = [("EU", "OP3", {"replace": "submit", "with_": "present"}),
             ("AOSIS", "OP3", {"new_paragraph": "Encourages regional cooperation;"}),
             ("JPN", "OP4", {"replace": "Member States", "with_": "States"})]
    amendments = [draft_amendment(document.current, Proposal(label, **fields), id=f"A{n}",
                                  proponents=[code], submitted_at=T0)
                  for n, (code, label, fields) in enumerate(asked, 1)]
    target = tmp_path / "merged.docx"
    write_merged_into_source(source.read_bytes(), merge(document, amendments), target)

    def table(path):
        (found,) = _body(path).iter(qn("w:tbl"))
        return etree.tostring(found)

    assert table(target) == table(source)
    assert _rejected(target) == _rejected(source)
    accepted = _libreoffice(target, "accept")
    assert "Pacific" in accepted and accepted.index("3 bis.\tEncourages regional cooperation;") \
        < accepted.index("Region") < accepted.index("4.\tInvites States to contribute to the "
                                                     "trust fund;")

    outcome = revise(document, amendments, Decisions(accepted=frozenset({"A1", "A2", "A3"})),
                     label="Rev.1")
    rev1 = tmp_path / "Rev.1.docx"
    rev1.write_bytes(revise_source(source.read_bytes(), document.current, outcome.revision,
                                   symbol=document.symbol))
    assert table(rev1) == table(source)
    texts = [p.text for p in docx.Document(str(rev1)).paragraphs]
    assert texts.index("4.\tEncourages regional cooperation;") < texts.index(
        "5.\tInvites States to contribute to the trust fund;")
    assert [p.text for p in read_docx_draft(rev1).paragraphs] == [
        p.text for p in outcome.revision]


def test_an_edit_moved_to_the_source_is_what_replace_gives():
    # _moved spells dataclasses.replace out field by field: a new field of Edit must
    # be carried there too (this fails until it is)
    from dataclasses import fields, replace

    from drafting.model.marks import Mark, Style
    from drafting.ooxml.revisions import Stamp
    from drafting.ooxml.weave import Edit
    from drafting.writers.source_edits import _moved

    edit = Edit(3, 9, Stamp("EU", T0), "words", Stamp("USA"), ["made"], False,
                (Mark(0, 5, Style.ITALIC),), True)
    assert [f.name for f in fields(Edit)] == [
        "start", "end", "stamp", "text", "deleter", "made", "tracked", "marks", "upright"]
    moved = _moved(edit, 4, 5, "words")
    assert moved == replace(edit, start=4, end=5) and moved.made is edit.made
    # words moved past a number ("Also " for " Also") are others: their marks are not theirs
    assert _moved(edit, 4, 5, "ordsw") == replace(edit, start=4, end=5, text="ordsw", marks=())


def test_a_blank_paragraph_takes_the_form_of_another_and_nothing_of_its_content():
    from drafting.writers.list_items import blank as _blank

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    document = docx.Document()
    body = document.element.body
    body.append(etree.fromstring(
        f'<w:p xmlns:w="{w}" xmlns:w14="{w14}" w14:paraId="1A2B" w:rsidR="00AB">'
        '<w:pPr><w:pStyle w:val="Normal"/><w:rPr><w:ins w:id="1" w:author="X"/></w:rPr>'
        '<w:sectPr/><w:pPrChange w:id="2" w:author="X"><w:pPr/></w:pPrChange></w:pPr>'
        '<w:r><w:t>words</w:t></w:r></w:p>'))
    form = body[-1]
    before = etree.tostring(form)
    form.addnext(_blank(form))
    assert etree.tostring(form) == before  # the form keeps everything
    made = etree.tostring(form.getnext()).decode()
    assert 'w14:paraId="1A2B" w:rsidR="00AB"' in made and "<w:pStyle " in made
    for gone in ("<w:r>", "<w:sectPr", "<w:pPrChange", "<w:ins "):
        assert gone not in made
