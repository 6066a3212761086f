"""`drafting merge` on a draft imported from Word writes into that Word file."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_workflow_commands import drafting

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from un_documents import ga_draft, libreoffice_docx


def test_merge_writes_the_proposals_into_the_secretariats_own_document(tmp_path):
    db, source = tmp_path / "s.db", libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    assert drafting(db, "init").returncode == 0
    assert drafting(db, "import", str(source), "--doc", "A/C.2/81/L.99").returncode == 0
    assert drafting(db, "delegation", "add", "EU").returncode == 0
    amended = drafting(db, "amend", "A/C.2/81/L.99", "OP3", "--delegation", "EU",
                       "--replace", "submit", "--with", "present", "--yes")
    assert amended.returncode == 0, amended.stderr
    merged = tmp_path / "merged.docx"
    assert drafting(db, "merge", "A/C.2/81/L.99", "-o", str(merged)).returncode == 0
    compiled = tmp_path / "compilation.docx"  # in the source's page setup and styles
    assert drafting(db, "compile", "A/C.2/81/L.99", "-o", str(compiled)).returncode == 0
    word = docx.Document(str(compiled))
    assert "UN Title" in {style.name for style in word.styles}
    assert word.sections[0].header.paragraphs[0].text == "A/C.2/81/L.99"
    assert any("present" in p.text and "(EU)" in p.text for p in word.paragraphs)
    # the draft's own formatting, kept by the import: its italic openings
    italic = {r.text for p in word.paragraphs for r in p.runs if r.italic}
    assert {"Recalling", "Noting with concern", "Decides", "Requests"} <= italic
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(merged) as new:
        assert old.read("word/styles.xml") == new.read("word/styles.xml")
        body = new.read("word/document.xml").decode()
    assert "A/C.2/81/L.99" in body and "Distr.: Limited" in body
    assert 'w:author="EU"' in body and ">present<" in body
    assert "PP1" not in body  # no label the source did not have


def test_rev1_is_the_secretariats_document_with_the_decisions_made(tmp_path):
    from drafting.readers.docx_draft import read_docx_draft

    db, source = tmp_path / "s.db", libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    symbol = "A/C.2/81/L.99"
    for args in (("init",), ("import", str(source), "--doc", symbol),
                 ("delegation", "add", "EU", "AOSIS"),
                 ("amend", symbol, "OP1", "--delegation", "AOSIS", "--new-paragraph",
                  "Encourages regional cooperation;", "--yes"),
                 ("amend", symbol, "OP3", "--delegation", "EU", "--replace", "submit",
                  "--with", "present", "--yes"),
                 ("amend", symbol, "PP1", "--delegation", "EU", "--new-paragraph",
                  "Reaffirming the Charter of the United Nations,", "--place", "before",
                  "--yes")):
        done = drafting(db, *args)
        assert done.returncode == 0, done.stderr
    for amendment in ("A1", "A2", "A3"):
        assert drafting(db, "decide", amendment, "accept").returncode == 0
    assert drafting(db, "revise", symbol, "--label", "Rev.1").returncode == 0
    rev1 = tmp_path / "Rev.1.docx"
    assert drafting(db, "show", symbol, "-o", str(rev1)).returncode == 0
    read = read_docx_draft(rev1)
    texts = {p.label: p.text for p in read.paragraphs}
    assert texts["OP2"] == "Encourages regional cooperation;"  # was OP1 bis
    assert texts["PP1"] == "Reaffirming the Charter of the United Nations,"  # was PP0
    assert texts["PP2"].startswith("Recalling its resolution 70/1")
    assert texts["OP4"].startswith("Requests the Secretary-General to present a report")
    assert "A/C.2/81/L.99/Rev.1" in read.front_matter
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(rev1) as new:
        assert old.read("word/styles.xml") == new.read("word/styles.xml")
        headers = [n for n in new.namelist() if n.startswith("word/header")]
        assert any(b"A/C.2/81/L.99/Rev.1" in new.read(n) for n in headers)
        footers = [n for n in old.namelist() if n.startswith("word/footer")]
        assert footers and all(old.read(n) == new.read(n) for n in footers)
        body = new.read("word/document.xml").decode()
    typed = [p.text.split("\t")[0] for p in docx.Document(str(rev1)).paragraphs
             if p.text[:1].isdigit() and "\t" in p.text]
    assert typed == ["1.", "2.", "3.", "4.", "5."]  # typed numbers follow the renumbering
    assert body.count("w:ins ") == 0 and body.count("w:del ") == 0  # a clean revision
    assert drafting(db, "verify").returncode == 0

    # the diff: the zero draft's own document with Rev.1's changes tracked in it
    changes = tmp_path / "changes.docx"
    assert drafting(db, "diff", symbol, "Zero draft", "Rev.1", "-o", str(changes)).returncode == 0
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(changes) as new:
        assert old.read("word/styles.xml") == new.read("word/styles.xml")
        body = new.read("word/document.xml").decode()
    words = "".join(etree.fromstring(body.encode()).itertext())
    assert ">present<" in body and "Encourages regional cooperation;" in words
    assert "Reaffirming the Charter of the United Nations," in words
    assert "w:del " in body and "w:ins " in body
    marks = list(etree.fromstring(body.encode()).iter(qn("w:ins"), qn("w:del")))
    assert {mark.get(qn("w:author")) for mark in marks} == {"Rev.1"}  # not "Unknown Author"
    assert len({mark.get(qn("w:date")) for mark in marks}) == 1  # when Rev.1 was made
    assert all(mark.get(qn("w:date")) for mark in marks)
    # the renumbering is a change too: accepted, the typed numbers are Rev.1's
    assert _typed(changes, accept=True) == ["1.", "2.", "3.", "4.", "5."]
    assert _typed(changes, accept=False) == ["1.", "2.", "3.", "4."]
    # and so is the symbol, where the front matter and the page header show it
    with zipfile.ZipFile(changes) as package:
        parts = [package.read(n) for n in package.namelist()
                 if n == "word/document.xml" or n.startswith("word/header")]
    for accept, shown in ((True, symbol + "/Rev.1"), (False, symbol)):
        texts = [t.strip() for xml in parts for t in _texts(xml, accept=accept)]
        assert texts.count(shown) == 2, (accept, [t for t in texts if symbol in t])

    if shutil.which("soffice"):  # and the same, to share as PDF
        pdf = tmp_path / "Rev.1.pdf"
        assert drafting(db, "show", symbol, "-o", str(pdf)).returncode == 0
        assert pdf.read_bytes().startswith(b"%PDF")


def _typed(path, *, accept):
    """The typed numbers ("1.") of the body's paragraphs with every tracked change accepted
    (or rejected), read from the XML."""
    with zipfile.ZipFile(path) as package:
        texts = _texts(package.read("word/document.xml"), accept=accept)
    return [text.split("\t")[0] for text in texts if text[:1].isdigit() and "\t" in text]


def _texts(xml, *, accept):
    """The text of each paragraph of a part's ``xml`` with every tracked change accepted
    (or rejected)."""
    texts = []
    for paragraph in etree.fromstring(xml).iter(qn("w:p")):
        text = ""
        for node in paragraph.iter(qn("w:t"), qn("w:delText"), qn("w:tab")):
            within = {a.tag for a in node.iterancestors()}
            if qn("w:del" if accept else "w:ins") not in within:
                text += "\t" if node.tag == qn("w:tab") else node.text or ""
        texts.append(text)
    return texts


def test_pdf_without_libreoffice_says_what_to_install(tmp_path, monkeypatch):
    import pytest

    from drafting.errors import InputError
    from drafting.pdf import write_pdf

    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(InputError, match="apt-get install libreoffice-writer"):
        write_pdf(tmp_path / "x.pdf", lambda target: None)
    assert not (tmp_path / "x.pdf").exists()


def test_a_document_the_weaving_cannot_handle_still_gets_every_proposal(tmp_path, monkeypatch):
    import drafting.writers.source_writer as source_writer

    db, source = tmp_path / "s.db", libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    for args in (("init",), ("import", str(source), "--doc", "X"), ("delegation", "add", "EU"),
                 ("amend", "X", "OP3", "--delegation", "EU", "--replace", "submit", "--with",
                  "present", "--yes")):
        assert drafting(db, *args).returncode == 0

    def broken(*args, **kwargs):
        raise ValueError("a layout the weaving does not know")

    monkeypatch.setattr(source_writer, "weave", broken)
    merged = tmp_path / "merged.docx"
    assert drafting(db, "merge", "X", "-o", str(merged)).returncode == 0
    with zipfile.ZipFile(merged) as package:
        body = package.read("word/document.xml").decode()
    assert 'w:author="EU"' in body and ">present<" in body  # our own template, all there


ARABIC = (["الأمم المتحدة", "A/C.2/81/L.97", "الجمعية العامة", "مصائد الأسماك المستدامة",
           "إن الجمعية العامة،", "إذ تشير إلى قرارها 70/1،"],
          ["تقرر عقد اجتماع رفيع المستوى؛", "تطلب إلى الأمين العام أن يقدم تقريرا؛",
           "تقرر أن تبقي المسألة قيد نظرها."], "تدعو الدول الأعضاء إلى المساهمة؛")
ENGLISH = (["United Nations", "A/C.2/81/L.97", "General Assembly", "Fisheries",
            "The General Assembly,", "Recalling its resolution 70/1,"],
           ["Decides to convene a meeting;", "Requests the Secretary-General to report;",
            "Decides to remain seized of the matter."], "Invites States to contribute;")


@pytest.mark.parametrize(("text", "typed", "bis"), [
    pytest.param(ARABIC, " -\t", "مكررا", id="Arabic '1 -<tab>'"),
    pytest.param(ENGLISH, ". ", "bis", id="'1. ' typed with a space"),
])
def test_numbers_typed_the_documents_own_way_are_kept_and_renumbered(tmp_path, text, typed,
                                                                      bis):
    """A new paragraph is typed as the document types its numbers ("2 مكررا -<tab>" in
    Arabic, "2 bis. " where a space stands for the tab) in the merged draft and in Rev.1,
    and the renumbering follows, in the secretariat's own document."""
    front, operative, new = text
    source = tmp_path / "L97.docx"
    word = docx.Document()
    for line in front:
        word.add_paragraph(line)
    for n, paragraph in enumerate(operative, 1):
        word.add_paragraph(f"{n}{typed}{paragraph}")
    word.save(str(source))
    db, symbol = tmp_path / "s.db", "A/C.2/81/L.97"
    for args in (("init",), ("import", str(source), "--doc", symbol),
                 ("delegation", "add", "EGY"),
                 ("amend", symbol, "OP2", "--delegation", "EGY", "--new-paragraph", new,
                  "--yes")):
        done = drafting(db, *args)
        assert done.returncode == 0, done.stderr
    merged = tmp_path / "merged.docx"
    assert drafting(db, "merge", symbol, "-o", str(merged)).returncode == 0
    body = docx.Document(str(merged)).element.body  # the new paragraph, tracked inserted
    assert f"2 {bis}{typed}{new}" in ["".join("\t" if n.tag == qn("w:tab") else n.text or ""
                                            for n in p.iter(qn("w:t"), qn("w:tab")))
                                    for p in body.iter(qn("w:p"))]
    assert drafting(db, "decide", "A1", "accept").returncode == 0
    revised = drafting(db, "revise", symbol, "--label", "Rev.1")
    assert revised.returncode == 0 and "warning" not in revised.stderr, revised.stderr
    rev1 = tmp_path / "Rev.1.docx"
    shown = drafting(db, "show", symbol, "-o", str(rev1))
    assert shown.returncode == 0 and "warning" not in shown.stderr, shown.stderr
    numbered = [p.text for p in docx.Document(str(rev1)).paragraphs][len(front):]
    assert numbered == [f"1{typed}{operative[0]}", f"2{typed}{operative[1]}", f"3{typed}{new}",
                        f"4{typed}{operative[2]}"]


def test_rev1_of_a_draft_with_a_short_symbol_keeps_its_words(tmp_path):
    """The symbol "G" gains "/Rev.1" where it stands alone, not inside "General" (Rev.1's
    document read "The G/Rev.1eneral Assembly," and fell back to drafting's layout)."""
    word = docx.Document()
    for line in ("G", "Guidelines on fisheries", "The General Assembly,",
                 "Recalling its resolution 70/1,", "1.\tDecides to act;"):
        word.add_paragraph(line)
    source, db, rev1 = tmp_path / "g.docx", tmp_path / "s.db", tmp_path / "Rev.1.docx"
    word.save(source)
    for args in (("init",), ("import", str(source), "--doc", "G"), ("delegation", "add", "EU"),
                 ("amend", "G", "OP1", "--delegation", "EU", "--replace", "act",
                  "--with", "act now", "--yes"),
                 ("decide", "A1", "accept"), ("revise", "G", "--label", "Rev.1"),
                 ("show", "G", "-o", str(rev1))):
        done = drafting(db, *args)
        assert done.returncode == 0 and "own layout" not in done.stderr, (args, done.stderr)
    assert [p.text for p in docx.Document(str(rev1)).paragraphs] == [
        "G/Rev.1", "Guidelines on fisheries", "The General Assembly,",
        "Recalling its resolution 70/1,", "1.\tDecides to act now;"]
