"""A treaty whose articles number their paragraphs in brackets, "(1)", "(2)", as WIPO's
treaties do, end to end in its own Word document: each bracketed number opens a
paragraph (it used to make the whole article one paragraph of lines), a new paragraph
is typed "(1 bis)" in the merged draft, and Rev.1 renumbers the brackets."""

from __future__ import annotations

import copy
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from test_workflow_commands import drafting

from drafting.readers import read_docx_submission, read_draft, read_text

SYMBOL = "SCCR/47/3"
ARTICLES = [
    ("Article 1", "Definitions"),
    ("(1)\t", "\u201cBroadcasting\u201d means the transmission by wireless means;"),
    ("(2)\t", "\u201cBroadcasting organization\u201d means the legal entity that takes the "
              "initiative:"),
    ("", "(a)\tfor packaging; and"),
    ("", "(b)\tfor scheduling."),
    ("(3)\t", "[\u201cRetransmission\u201d means the simultaneous transmission.]"),
    ("Article 2", "Protection"),
    ("(1)\t", "Broadcasting organizations shall enjoy the exclusive right of "
              "authorizing retransmission."),
]


def treaty(path: Path) -> Path:
    """The draft in Word, its numbers typed before a tab as a secretariat types them."""
    word = docx.Document()
    word.add_paragraph("Draft Treaty on the Protection of Broadcasting Organizations",
                       style="Title")
    word.add_paragraph("The Contracting Parties,")
    word.add_paragraph("Desiring to develop the protection of broadcasting organizations,")
    word.add_paragraph("Have agreed as follows:")
    for number, text in ARTICLES:
        if number.startswith("Article"):
            word.add_paragraph(number, style="Heading 2")
            word.add_paragraph(text, style="Heading 3")
        else:
            word.add_paragraph(f"{number}{text}")
    word.save(path)
    return path


def test_bracketed_numbers_open_the_paragraphs_of_an_article():
    read = read_text("The Parties,\n\nRecognizing,\n\nArticle 1\n\n(1) First.\n\n"
                     "(2) Second:\n\n(a) one;\n\n(b) two.\n\n(2bis) [Bis.]\n\n(3) Third.\n\n"
                     "Article 2\n\n(1) Other.\n")
    assert [(p.label, p.text) for p in read.paragraphs if p.kind.value == "operative"] == [
        ("1.1", "First."), ("1.2", "Second:\n(a) one;\n(b) two."), ("1.2 bis", "[Bis.]"),
        ("1.3", "Third."), ("2.1", "Other.")]


def test_a_list_introduced_by_a_colon_stays_one_paragraph():
    read = read_text("The General Assembly,\n\nRecalling,\n\n1. Calls upon States:\n\n"
                     "(1) To act;\n\n(2) To report;\n\n2. Decides.\n")
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", "Recalling,"), ("OP1", "Calls upon States:\n(1) To act;\n(2) To report;"),
        ("OP2", "Decides.")]


def test_a_treaty_numbered_in_brackets_is_merged_and_revised_in_its_own_document(tmp_path):
    db, source = tmp_path / "s.db", treaty(tmp_path / "treaty.docx")
    read = read_draft(source)
    assert [p.label for p in read.paragraphs if p.kind.value == "operative"] == [
        "1.1", "1.2", "1.3", "2.1"]
    assert read.paragraphs[[p.label for p in read.paragraphs].index("1.2")].text.endswith(
        "(b)\tfor scheduling.")
    for args in (("init",), ("import", str(source), "--doc", SYMBOL),
                 ("delegation", "add", "BRA", "EU"),
                 ("amend", SYMBOL, "1.1", "--delegation", "BRA", "--new-paragraph",
                  "\u201cSignal\u201d means an electronically generated carrier.", "--yes"),
                 ("amend", SYMBOL, "2.1", "--delegation", "EU", "--replace", "exclusive",
                  "--with", "sole", "--yes")):
        done = drafting(db, *args)
        assert done.returncode == 0, (args, done.stderr)
    merged = tmp_path / "merged.docx"
    done = drafting(db, "merge", SYMBOL, "-o", str(merged))
    assert done.returncode == 0 and "own layout" not in done.stderr, done.stderr
    inserted = _texts(merged, "w:ins")
    assert "(1 bis)\t\u201cSignal\u201d means an electronically generated carrier." in inserted
    assert "sole" in inserted

    for amendment in ("A1", "A2"):
        assert drafting(db, "decide", amendment, "accept").returncode == 0
    assert drafting(db, "revise", SYMBOL, "--label", "Rev.1").returncode == 0
    rev1 = tmp_path / "Rev.1.docx"
    done = drafting(db, "show", SYMBOL, "-o", str(rev1))
    assert done.returncode == 0 and "own layout" not in done.stderr, done.stderr
    typed = [p.text.split("\t")[0] for p in docx.Document(str(rev1)).paragraphs
             if p.text.startswith("(") and "\t" in p.text[:8]]
    assert typed == ["(1)", "(2)", "(3)", "(a)", "(b)", "(4)", "(1)"]
    again = {p.label: p.text for p in read_draft(rev1).paragraphs}
    assert again["1.2"] == "\u201cSignal\u201d means an electronically generated carrier."
    assert again["1.4"].startswith("[\u201cRetransmission\u201d")
    assert again["2.1"].startswith("Broadcasting organizations shall enjoy the sole right")


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "edited"])
def test_a_copy_inserting_a_paragraph_numbered_in_brackets_proposes_it(tmp_path, tracked):
    source = treaty(tmp_path / "treaty.docx")
    document = read_draft(source).to_document(SYMBOL)
    word = docx.Document(str(source))
    after = next(p for p in word.paragraphs if p.text.endswith("for scheduling."))
    new = copy.deepcopy(after._p)  # its paragraph properties, a run of its own
    for run in new.findall(qn("w:r")):
        new.remove(run)
    run = etree.SubElement(new, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "(2bis)"
    etree.SubElement(run, qn("w:tab"))
    etree.SubElement(run, qn("w:t")).text = "\u201cSignal\u201d means a carrier;"
    if tracked:
        stamp = {qn("w:id"): "90", qn("w:author"): "Brazil", qn("w:date"): "2026-12-01T10:00:00Z"}
        mark = new.makeelement(qn("w:ins"), stamp)
        for run in new.findall(qn("w:r")):
            mark.append(run)
        new.append(mark)
    after._p.addnext(new)
    copied = tmp_path / "bra.docx"
    word.save(copied)
    read = read_docx_submission(copied, document, delegation="BRA")
    assert read.tracked is tracked
    labels = {p.id: p.label for p in document.current.paragraphs}
    assert [(a.kind.value, labels[a.paragraph_id], a.new_text) for a in read.amendments] == [
        ("new paragraph", "1.2", "\u201cSignal\u201d means a carrier;")]


def _texts(path: Path, tag: str) -> list[str]:
    """The text of each ``tag`` element (``w:ins``) of the body, tabs included."""
    with zipfile.ZipFile(path) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    found = []
    for element in root.iter(qn(tag)):
        found.append("".join("\t" if n.tag == qn("w:tab") else n.text or ""
                             for n in element.iter(qn("w:t"), qn("w:tab"))))
    return found


def test_numbers_followed_by_a_no_break_space_open_paragraphs(tmp_path):
    """A draft copied from a web page or a PDF types "1.\u00a0Decides": its paragraphs
    were preambular ones, without a word; now they are operative, and a new paragraph is
    typed as the draft types them."""
    word = docx.Document()
    for line in ("The General Assembly,", "Recalling its resolution 70/1,",
                 "1.\u00a0Decides to act;", "2.\u00a0Requests a report."):
        word.add_paragraph(line)
    source = tmp_path / "nbsp.docx"
    word.save(source)
    assert [(p.label, p.text) for p in read_draft(source).paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"), ("OP1", "Decides to act;"),
        ("OP2", "Requests a report.")]
    db, merged = tmp_path / "s.db", tmp_path / "merged.docx"
    for args in (("init",), ("import", str(source), "--doc", "L1"),
                 ("delegation", "add", "EU"),
                 ("amend", "L1", "OP1", "--delegation", "EU", "--new-paragraph",
                  "Invites States to act;", "--yes"),
                 ("merge", "L1", "-o", str(merged))):
        done = drafting(db, *args)
        assert done.returncode == 0 and "own layout" not in done.stderr, (args, done.stderr)
    assert "1 bis.\u00a0Invites States to act;" in _texts(merged, "w:ins")


def test_a_new_article_heading_in_a_copy_is_proposed_with_a_warning(tmp_path):
    """A heading is not yet a kind of new paragraph drafting records: the proposal is kept
    (nothing a delegation sends is dropped) and a warning says the secretariat places it."""
    source = treaty(tmp_path / "treaty.docx")
    document = read_draft(source).to_document(SYMBOL)
    word = docx.Document(str(source))
    before = next(p for p in word.paragraphs if p.text.startswith("Article 2"))
    before.insert_paragraph_before("Article 1bis", style="Heading 2")
    copied = tmp_path / "jpn.docx"
    word.save(copied)
    read = read_docx_submission(copied, document, delegation="JPN")
    assert [(a.kind.value, a.new_text) for a in read.amendments] == [
        ("new paragraph", "Article 1bis")]
    (warning,) = read.warnings
    assert "the new heading 'Article 1bis' is proposed as a new paragraph" in str(warning)
