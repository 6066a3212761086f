"""Section breaks in the secretariat's own document: a draft whose main text (portrait,
its own header) ends with a break held by its last operative paragraph, as Word writes
it (``w:pPr/w:sectPr``), before a landscape annex with a header of its own.

New paragraphs after the break-holding paragraph stay in its section, and deleting it
never deletes the break: in the merged draft and the diff (Accept All gives the new
text's layout, Reject All the source), in the revision (as many breaks as the source),
and the compilation is laid out as the main text, not as the annex.
"""

from __future__ import annotations

import copy
import dataclasses
import io
import os
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import numbered
from libreoffice import TOOL
from ooxml_views import joined, rejected
from source_merges import merge_into, proposed

from drafting.engine import Decisions, diff_revisions, revise
from drafting.engine.merge import merge
from drafting.engine.segments import Text
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_compilation import write_compilation_docx
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

T0 = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)
SYMBOL = "A/C.2/81/L.9"
W = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
P, PPR, RPR, SECTPR = qn("w:p"), qn("w:pPr"), qn("w:rPr"), qn("w:sectPr")
NEW = "Invites States to report;"
OPERATIVE = ["1.\tDecides to convene a meeting;", "2.\tRequests a report;",
             "3.\tDecides to remain seized of the matter."]


def _draft(path: Path, *, indented_last: bool = False) -> Path:
    """The draft: OP3 ends the portrait main text; the annex is landscape. With
    ``indented_last``, OP3 is indented otherwise than OP2."""
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "Fiji: draft resolution"):
        word.add_paragraph(line)
    word.add_paragraph("Oceans and the law of the sea", style="Title")
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    paragraphs = [word.add_paragraph(text) for text in OPERATIVE]
    if indented_last:
        paragraphs[-1].paragraph_format.left_indent = Pt(36)
    word.sections[0].header.paragraphs[0].text = SYMBOL
    word.sections[0].footer.paragraphs[0].text = "24-12345 (E)"
    body = word.element.body
    first = copy.deepcopy(body.sectPr)  # with its header and footer references
    paragraphs[-1]._p.get_or_add_pPr().append(first)
    for reference in body.sectPr.findall(qn("w:headerReference")) + \
            body.sectPr.findall(qn("w:footerReference")):
        body.sectPr.remove(reference)
    annex = word.sections[1]
    annex.start_type = WD_SECTION.NEW_PAGE
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.page_width, annex.page_height = annex.page_height, annex.page_width
    annex.header.is_linked_to_previous = False
    annex.header.paragraphs[0].text = f"{SYMBOL} (annex)"
    word.add_paragraph("Annex", style="Heading 1")
    word.add_paragraph("Small island developing States covered.")
    word.save(str(path))
    return path


def _revised(source: Path, asked):
    """(document with Zero draft and Rev.1, Rev.1's Word file), every proposal accepted."""
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, asked)
    rev1 = revise(document, amendments, Decisions(accepted=frozenset(a.id for a in amendments)),
                  label="Rev.1").revision
    both = dataclasses.replace(document, revisions=(*document.revisions, rev1))
    return both, revise_source(source.read_bytes(), document.current, rev1, symbol=SYMBOL)


# --- Word's Accept All and Reject All, on the XML ---------------------------------------


def _marked(paragraph, tag: str) -> bool:
    return paragraph.find(f"{PPR}/{RPR}/{qn(tag)}") is not None


def _all(path_or_bytes, accept: bool) -> list:
    """The body paragraphs as Word leaves them after Accept All (``accept``) or Reject
    All: a paragraph whose mark goes joins the next one, which keeps its properties; a
    change of properties is kept or undone. Each paragraph as (its properties with the
    section break's orientation and header count, its runs)."""
    root = etree.fromstring(_document_xml(path_or_bytes))
    body = root.find(qn("w:body"))
    kept, gone = ("w:ins", "w:del") if accept else ("w:del", "w:ins")
    for found in list(body.iter(qn(gone))):
        if found.getparent().tag != RPR:
            found.getparent().remove(found)
    for found in list(body.iter(qn(kept))):
        if found.getparent().tag != RPR:
            for child in list(found):
                found.addprevious(child)
            found.getparent().remove(found)
    for text in body.iter(qn("w:delText")):
        text.tag = qn("w:t")
    for change in list(body.iter(qn("w:pPrChange"))):
        properties = change.getparent()
        if not accept:
            for child in [c for c in properties if c.tag not in (RPR, SECTPR, change.tag)]:
                properties.remove(child)
            for child in change.find(PPR):
                change.addprevious(child)
        properties.remove(change)
    for paragraph in list(body.iter(P)):
        if _marked(paragraph, gone):
            following = paragraph.getnext()
            runs = [c for c in paragraph if c.tag != PPR]
            start = 1 if following.find(PPR) is not None else 0
            for offset, run in enumerate(runs):
                following.insert(start + offset, run)
            paragraph.getparent().remove(paragraph)
    for tag in ("w:ins", "w:del", "w:commentRangeStart", "w:commentRangeEnd"):
        for found in list(body.iter(qn(tag))):
            found.getparent().remove(found)
    for reference in list(body.iter(qn("w:commentReference"))):
        reference.getparent().getparent().remove(reference.getparent())
    return [_view(p) for p in body.findall(".//w:p", W) if p.getparent().tag == qn("w:body")] \
        + [_section(body.find(SECTPR))]


def _document_xml(path_or_bytes) -> bytes:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else Path(path_or_bytes).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def _view(paragraph):
    properties = paragraph.find(PPR)
    section = None
    if properties is not None:
        marks = properties.find(RPR)
        if marks is not None and len(marks) == 0:
            properties.remove(marks)
        if (found := properties.find(SECTPR)) is not None:
            section = _section(found)
            properties.remove(found)
        if len(properties) == 0:
            paragraph.remove(properties)
    return (*joined(paragraph), section)


def _section(sect):
    """A section's orientation and its header and footer references."""
    size = sect.find(qn("w:pgSz"))
    return (size.get(qn("w:orient"), "portrait"),
            tuple(r.get(qn("r:id")) for r in sect if r.tag in (
                qn("w:headerReference"), qn("w:footerReference"))))


def _texts(views) -> list[tuple[str, tuple | None]]:
    """(text, section break) of each paragraph of a view."""
    return [("".join(text for _, text in runs), section) for _, runs, section in views[:-1]]


def _breaks(path_or_bytes) -> list:
    """Every section break of the document, in order: (text of the paragraph holding
    it, or None for the body's own; its orientation and references)."""
    body = etree.fromstring(_document_xml(path_or_bytes)).find(qn("w:body"))
    found = []
    for sect in body.iter(SECTPR):
        holder = sect.getparent().getparent() if sect.getparent().tag == PPR else None
        text = None if holder is None else "".join(
            "\t" if t.tag == qn("w:tab") else t.text or ""
            for t in holder.iter(qn("w:t"), qn("w:delText"), qn("w:tab")))
        found.append((text, _section(sect)))
    return found


# --- the merged draft -------------------------------------------------------------------


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Path:
    return _draft(tmp_path_factory.mktemp("sections") / "L9.docx")


def test_the_draft_is_made_as_word_makes_it(source):
    (holder, (portrait, main)), (body, (landscape, annex)) = _breaks(source)
    assert (holder, body) == (OPERATIVE[-1], None)
    assert (portrait, landscape) == ("portrait", "landscape")
    assert len(main) == 2 and len(annex) == 1 and not set(main) & set(annex)


def test_a_new_paragraph_after_the_break_ends_the_section_in_the_merged_draft(source, tmp_path):
    other = "Calls upon States to act;"
    asked = [("G77", "OP3", {"new_paragraph": NEW}), ("EU", "OP3", {"new_paragraph": other})]
    merged = merge_into(source, asked, tmp_path / "merged.docx", SYMBOL)
    main, annex = _breaks(source)
    accepted = _texts(_all(merged, accept=True))
    at = accepted.index((OPERATIVE[-1], None))  # the last new one ends the section
    first, last = (text for text, _ in accepted[at + 1:at + 3])
    assert {first, last} == {f"3 ter.\t{NEW}", f"3 bis.\t{other}"}
    assert accepted[at + 1:at + 4] == [(first, None), (last, main[1]), ("Annex", None)]
    assert _breaks(merged) == [(last, main[1]), annex]
    assert _all(merged, accept=False) == _all(source, accept=False)


def test_deleting_the_paragraph_that_holds_the_break_keeps_the_break(source, tmp_path):
    merged = merge_into(source, [("USA", "OP3", {"delete_paragraph": True})],
                     tmp_path / "merged.docx", SYMBOL)
    main, annex = _breaks(source)
    assert _breaks(merged) == [(OPERATIVE[-1], main[1]), annex]  # deleted words, kept mark
    accepted = _texts(_all(merged, accept=True))
    assert accepted[-4:-1] == [(OPERATIVE[0], None), (OPERATIVE[1], main[1]), ("Annex", None)]
    assert _all(merged, accept=False) == _all(source, accept=False)


def test_the_words_before_keep_their_own_form_with_the_break(tmp_path):
    source = _draft(tmp_path / "L9.docx", indented_last=True)
    merged = merge_into(source, [("USA", "OP3", {"delete_paragraph": True})],
                     tmp_path / "merged.docx", SYMBOL)
    before, accepted = _all(source, accept=True), _all(merged, accept=True)
    assert accepted[-4][1:] == (before[-5][1], before[-4][2])  # OP2's words, OP3's break
    assert accepted[-4][0] == before[-5][0] != before[-4][0]  # in OP2's form
    assert _all(merged, accept=False) == before


# --- the revision and the diff ------------------------------------------------------------


def test_the_revision_hands_the_break_to_the_new_last_paragraph(source):
    _, rev1 = _revised(source, [("G77", "OP3", {"new_paragraph": NEW})])
    assert _breaks(rev1) == [("4.\t" + NEW, _breaks(source)[0][1]), _breaks(source)[1]]


def test_the_revision_gives_a_deleted_paragraphs_break_to_the_one_before(source):
    _, rev1 = _revised(source, [("USA", "OP3", {"delete_paragraph": True})])
    assert _breaks(rev1) == [(OPERATIVE[1], _breaks(source)[0][1]), _breaks(source)[1]]


def test_the_diff_accepts_to_the_revision_and_rejects_to_the_source(source, tmp_path):
    asked = [("USA", "OP3", {"delete_paragraph": True}),
             ("G77", "OP3", {"new_paragraph": NEW})]
    both, rev1 = _revised(source, asked)
    target = tmp_path / "diff.docx"
    write_merged_into_source(source.read_bytes(), diff_revisions(both, "Zero draft", "Rev.1"),
                             target)
    chapeau = ("The General Assembly,", None)  # the symbol before it gains /Rev.1 only
    accepted, revised = _texts(_all(target, accept=True)), _texts(_all(rev1, accept=True))
    assert accepted[accepted.index(chapeau):] == revised[revised.index(chapeau):]
    assert [b for _, b in _breaks(rev1)] == [b for _, b in _breaks(source)]
    assert _all(target, accept=False) == _all(source, accept=False)


# --- the compilation ----------------------------------------------------------------------


def test_the_compilation_is_laid_out_as_the_main_text(source, tmp_path):
    document = read_docx_draft(source).to_document(SYMBOL)
    target = tmp_path / "compilation.docx"
    write_compilation_docx(merge(document, []), target, base=source.read_bytes())
    assert _breaks(target) == [(None, _breaks(source)[0][1])]  # portrait, its header


def test_the_compilation_raises_footnote_numbers_instead_of_markers(make, tmp_path):
    target = tmp_path / "compilation.docx"
    paragraph = make.paragraph("OP1", Text("Decides[^1] to act;"))
    write_compilation_docx(make.compilation(paragraph, title="Oceans[^1]"), target)
    xml = _document_xml(target)
    assert b"[^" not in xml
    raised = etree.fromstring(xml).xpath(
        "//w:r[w:rPr/w:vertAlign/@w:val='superscript']/w:t/text()", namespaces=W)
    assert raised == ["1", "1"]


# --- alternatives where Word numbers the paragraphs -----------------------------------------


def test_an_alternative_to_a_word_numbered_paragraph_says_so_in_a_comment(tmp_path):
    source = tmp_path / "L9.docx"
    word = docx.Document()
    for line in ("United Nations", SYMBOL, "The General Assembly,",
                 "Recalling its resolution 70/1,"):
        word.add_paragraph(line)
    word.styles.add_style("Operative", 1)
    for text in ("Decides to convene a meeting;", "Requests a report;"):
        word.add_paragraph(text, style="Operative")
    word.save(str(source))
    numbered(source, "Operative")
    merged = merge_into(source, [("G77", "OP1", {"alternative": "Decides to meet;"})],
                     tmp_path / "merged.docx", SYMBOL)
    with zipfile.ZipFile(merged) as package:
        comments = package.read("word/comments.xml").decode()
    assert "Alternative to OP1 proposed by G77." in comments
    assert rejected(merged) == rejected(source)
    assert _all(merged, accept=False) == _all(source, accept=False)


# --- LibreOffice --------------------------------------------------------------------------


def test_libreoffice_keeps_the_breaks_where_they_belong(source, tmp_path):
    if shutil.which("soffice") is None or not TOOL.exists():
        pytest.skip("LibreOffice (soffice) or ../shared/tools/lo_track.py is absent")
    asked = [("G77", "OP3", {"new_paragraph": NEW}), ("USA", "OP2", {"delete_paragraph": True})]
    merged = merge_into(source, asked, tmp_path / "merged.docx", SYMBOL)
    outcome = {}
    for mode in ("accept", "reject"):
        out = tmp_path / f"{mode}.docx"
        subprocess.run(["/usr/bin/python3", str(TOOL), mode, str(merged), str(out)],
                       capture_output=True, timeout=180, check=True,
                       env={**os.environ, "LO_PROFILE": str(tmp_path / "profile")})
        outcome[mode] = [(text, section[0]) for text, section in _breaks(out)]
    assert outcome["reject"] == [(OPERATIVE[-1], "portrait"), (None, "landscape")]
    assert outcome["accept"] == [("3 bis.\t" + NEW, "portrait"), (None, "landscape")]
