"""The symbols a Word copy shows in place of the draft's own (`drafting.readers.copy_symbols`):
which are another document's (refused), which the draft's corrigendum's or the sender's
own references (read, with a warning), and which are no claim at all (a comment's)."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx_builders import TITLE, ZERO, house, ins, note, write_docx

from drafting.errors import ReaderError
from drafting.model import Document, Paragraph, Revision
from drafting.readers.docx_submission import read_docx_submission

PP1_EDIT = {"PP1": ["Recalling ", ins("also "), "its resolution 70/1 of 25 September 2015,"]}


def _document(symbol: str) -> Document:
    return Document(symbol, TITLE, (Revision("Zero draft", tuple(
        Paragraph(p.id, p.label, p.kind, p.text, level=p.level) for p in ZERO),
        front_matter=("United Nations", symbol, "Distr.: Limited")),))


def _read(tmp_path, symbol: str, header: str, edits=PP1_EDIT):
    path = write_docx(tmp_path / "copy.docx", house(ZERO, edits), subtitle="", header=header)
    return read_docx_submission(path, _document(symbol), delegation="EU")


@pytest.mark.parametrize(("symbol", "header"), [
    ("UNEP/EA.6/L.2", "UNEP/EA.6/L.2/Corr.1"), ("A77/4", "A77/4 Corr.1"),
    ("A/HRC/61/L.12", "A/HRC/61/L.12/Rev.1/Corr.1")])
def test_the_drafts_corrigendum_in_the_header_is_read_as_the_draft(tmp_path, symbol, header):
    read = _read(tmp_path, symbol, header)
    assert [a.new_text.strip() for a in read.amendments] == ["also"]
    assert f"the file is a copy of {header}, a corrigendum of {symbol}" in \
        read.warnings[0].message


@pytest.mark.parametrize(("symbol", "header"), [
    ("UNEP/EA.6/L.2", "UNEP/EA.6/L.3"),  # the draft's own series, not the UN's
    ("UNEP/EA.6/L.2", "UNEP/EA.6/L.2/Add.1"), ("A77/4", "A77/5"),
    ("fisheries-2026", "A/C.2/81/L.12")])  # no series of its own: the UN's
def test_another_documents_symbol_in_the_header_is_refused(tmp_path, symbol, header):
    with pytest.raises(ReaderError, match=rf"the file is {header} \(so its page header "
                       r"reads\).*it is a copy of another document"):
        _read(tmp_path, symbol, header)


@pytest.mark.parametrize("symbol", ["UNEP/EA.6/L.2", "A/C.2/81/L.7", "fisheries-2026"])
def test_the_senders_reference_in_the_header_is_read_with_a_warning(tmp_path, symbol):
    read = _read(tmp_path, symbol, "EU/2026/123")
    assert [a.new_text.strip() for a in read.amendments] == ["also"]
    (warning,) = [w for w in read.warnings if "EU/2026/123" in w.message]
    assert warning.where.endswith("copy.docx, page header")
    assert f"it reads EU/2026/123 where {symbol} shows its symbol: taken for the sender's " \
        "own reference" in warning.message


def test_symbols_in_a_comment_claim_no_document(tmp_path):
    """A comment is no front matter nor header, whatever symbols the delegation typed in
    it: the copy is read, the comment as ever."""
    edits = {"PP1": ["Recalling ", note("EU/2026/123; cf. A/C.2/81/L.12 and A/RES/79/144",
                                        ins("also ")),
                     "its resolution 70/1 of 25 September 2015,"]}
    read = _read(tmp_path, "A/C.2/81/L.7", "", edits)
    assert [a.new_text.strip() for a in read.amendments] == ["also"]
    assert not any("another document" in w.message or "reference" in w.message
                   for w in read.warnings)


@pytest.mark.parametrize(("header", "refused"), [("A/C.2/81/L.7/Corr.1", False),
                                                 ("A/C.2/81/L.7/Add.1", True)])
def test_the_corrigendum_of_the_symbol_a_slug_drafts_file_shows_is_its_own(tmp_path, header,
                                                                          refused):
    """Imported as ``fisheries-2026``, its Word file showing A/C.2/81/L.7 in its page
    header (`shown`): a copy of the corrigendum is a copy of it; of the addendum, not."""
    document = Document("fisheries-2026", TITLE, (ZERO,))
    path = write_docx(tmp_path / "copy.docx", house(ZERO, PP1_EDIT), subtitle="",
                      header=header)
    if refused:
        with pytest.raises(ReaderError, match="it is a copy of another document"):
            read_docx_submission(path, document, delegation="EU", shown=lambda: [
                "A/C.2/81/L.7"])
        return
    read = read_docx_submission(path, document, delegation="EU", shown=lambda: [
        "A/C.2/81/L.7"])
    assert [a.new_text.strip() for a in read.amendments] == ["also"]


def _tracked_margins(path, author: str):
    """The copy at ``path`` with "/Rev.1" inserted after its page header's symbol and its
    page footer's job number deleted, both with Track Changes by ``author``."""
    word = docx.Document(str(path))
    section = word.sections[0]
    for paragraph, kind, text in ((section.header.paragraphs[0], "ins", "/Rev.1"),
                                  (section.footer.paragraphs[0], "del", "26-12345 (E)")):
        mark = OxmlElement(f"w:{kind}")
        for name, value in (("w:id", {"ins": "901", "del": "902"}[kind]), ("w:author", author),
                            ("w:date", "2026-12-06T10:00:00Z")):
            mark.set(qn(name), value)
        run = OxmlElement("w:r")
        t = OxmlElement("w:t" if kind == "ins" else "w:delText")
        t.text = text
        run.append(t)
        mark.append(run)
        paragraph._p.append(mark)
    word.save(str(path))
    return path


def test_a_change_tracked_in_the_page_header_or_footer_is_named(tmp_path):
    """Headers and footers are no part of the text: a change tracked in them proposes
    nothing, and says whose it is and what it changed."""
    path = write_docx(tmp_path / "copy.docx", house(ZERO, PP1_EDIT), subtitle="",
                      header="A/C.2/81/L.7")
    read = read_docx_submission(_tracked_margins(path, "JPN delegate"),
                                _document("A/C.2/81/L.7"), delegation="JPN")
    assert [a.new_text.strip() for a in read.amendments] == ["also"]
    said = {w.message: w.where for w in read.warnings if "page" in w.message}
    assert said == {
        "the page header was changed by JPN delegate ('A/C.2/81/L.7' -> "
        "'A/C.2/81/L.7/Rev.1'); page headers and footers are not part of the text, so this "
        "change was not read; put proposals in the paragraphs, and leave the header to the "
        "secretariat": str(path),
        "the page footer was changed by JPN delegate ('26-12345 (E)' -> ''); page headers "
        "and footers are not part of the text, so this change was not read; put proposals "
        "in the paragraphs, and leave the footer to the secretariat": str(path)}
