"""The symbol where the secretariat's document shows it, as the UN template does: the
first-page header's table (organ name and symbol block), text boxes in headers (VML, and
DrawingML with its VML fallback), a footer ("26-12345 (E)  A/C.2/81/L.40"), an even-page
header, a header showing it through a DOCPROPERTY field, and the document properties that
field reads (custom ``Symbol1``, the core title and subject), and the extended properties
where Word repeats the title (``docProps/app.xml``: ``TitlesOfParts``).

Rev.1 gives the symbol its revision in every one of them, plainly, and in the properties,
so that a field Word updates shows Rev.1 too; the diff of the two revisions shows the same
as tracked changes (Accept All: Rev.1's headers and footers; Reject All: the source) and
keeps the properties. A longer symbol (…/L.400, …/L.40/Corr.1) is never touched, and
every part without the symbol is written byte for byte.
"""

from __future__ import annotations

import dataclasses
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

sys.path.insert(0, str(Path(__file__).parent))
from source_merges import proposed

from drafting.engine import Decisions, diff_revisions, revise
from drafting.readers.docx_draft import read_docx_draft
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import write_merged_into_source

SYMBOL = "A/C.2/81/L.40"
REV1 = f"{SYMBOL}/Rev.1"
_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
       'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
       'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
       'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
_CUSTOM = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://'
    'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
    'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Symbol1">'
    f'<vt:lpwstr>{SYMBOL}</vt:lpwstr></property>'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Symbol2">'
    f'<vt:lpwstr>{SYMBOL}0</vt:lpwstr></property>'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Job">'
    '<vt:i4>12345</vt:i4></property></Properties>')
LONGER = [f"{SYMBOL}0", f"{SYMBOL}/Corr.1"]
_ALONE = re.compile(re.escape(SYMBOL) + r"(?![\d/])")


def _vml_box(text: str) -> str:
    return (f'<w:r {_NS}><w:pict><v:shape id="b1" type="#_x0000_t202" '
            'style="position:absolute;margin-left:300pt;width:150pt;height:40pt" '
            f'stroked="f"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
            '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def _drawing_box(text: str) -> str:
    """A DrawingML text box, with its VML fallback, as Word writes one."""
    inner = f'<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>'
    return (f'<w:r {_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
            'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>'
            '4500000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page">'
            '<wp:posOffset>300000</wp:posOffset></wp:positionV><wp:extent cx="1900000" '
            'cy="400000"/><wp:wrapNone/><wp:docPr id="7" name="Box"/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext '
            'cx="1900000" cy="400000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
            f'</a:prstGeom></wps:spPr><wps:txbx>{inner}</wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
            '<w:pict><v:shape id="b2" type="#_x0000_t202" style="position:absolute;'
            f'width:150pt;height:30pt"><v:textbox>{inner}</v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


def _docproperty(name: str, result: str) -> list[str]:
    return [f'<w:r {_NS}><w:fldChar w:fldCharType="begin"/></w:r>',
            f'<w:r {_NS}><w:instrText xml:space="preserve"> DOCPROPERTY  {name}  '
            '\\* MERGEFORMAT </w:instrText></w:r>',
            f'<w:r {_NS}><w:fldChar w:fldCharType="separate"/></w:r>',
            f'<w:r {_NS}><w:t>{result}</w:t></w:r>',
            f'<w:r {_NS}><w:fldChar w:fldCharType="end"/></w:r>']


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """The draft as the secretariat lays it out, with custom properties."""
    word = docx.Document()
    section = word.sections[0]
    section.different_first_page_header_footer = True
    word.settings.odd_and_even_pages_header_footer = True
    first = section.first_page_header
    first.paragraphs[0].text = "Advance unedited version"
    table = first.add_table(1, 2, Cm(16))
    table.cell(0, 0).text = "United Nations"
    table.cell(0, 1).text = SYMBOL
    table.cell(0, 1).add_paragraph("Distr.: Limited")
    first.add_paragraph()._p.append(parse_xml(_drawing_box(SYMBOL)))
    section.first_page_footer.paragraphs[0].text = "26-12345 (E)"  # no symbol: untouched
    for xml in _docproperty("Symbol1", SYMBOL):
        section.header.paragraphs[0]._p.append(parse_xml(xml))
    section.even_page_header.paragraphs[0]._p.append(parse_xml(_vml_box(SYMBOL)))
    section.footer.paragraphs[0].text = f"26-12345\t{SYMBOL}\t(see {' and '.join(LONGER)})"
    section.even_page_footer.paragraphs[0].text = f"{SYMBOL}\t3"
    front = word.add_table(1, 2)
    front.cell(0, 0).text = "General Assembly"
    front.cell(0, 1).text = SYMBOL
    word.add_paragraph()._p.append(parse_xml(_vml_box(f"Distr.: Limited {SYMBOL}")))
    word.add_paragraph("Fiji: draft resolution")
    word.add_paragraph("Oceans and the law of the sea", style="Title")
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    word.add_paragraph("1.\tDecides to convene a meeting in 2027;")
    word.add_paragraph("2.\tRequests a report.")
    word.add_section(WD_SECTION.NEW_PAGE)  # linked to the previous one's headers
    word.add_paragraph("Annex", style="Heading 1")
    word.add_paragraph("Small island developing States covered.")
    word.core_properties.title = SYMBOL
    word.core_properties.subject = f"Draft resolution {SYMBOL}"
    word.core_properties.keywords = LONGER[0]
    built = io.BytesIO()
    word.save(built)
    path = tmp_path / "draft.docx"
    with zipfile.ZipFile(built) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/docProps/custom.xml" '
                                    b'ContentType="application/vnd.openxmlformats-'
                                    b'officedocument.custom-properties+xml"/></Types>')
            if info.filename == "docProps/app.xml":  # as Word fills it: the title again
                data = data.replace(b"<vt:lpstr/>", f"<vt:lpstr>{SYMBOL}</vt:lpstr>".encode())
                data = data.replace(b"<Company/>", b"<Company>United Nations</Company>")
            if info.filename == "_rels/.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdC" Type="'
                                    b'http://schemas.openxmlformats.org/officeDocument/2006/'
                                    b'relationships/custom-properties" Target="docProps/'
                                    b'custom.xml"/></Relationships>')
            new.writestr(info, data)
        new.writestr("docProps/custom.xml", _CUSTOM)
    return path


def _revisions(source: Path, label: str = "Rev.1", year: int = 2027):
    """(the document with its revisions, the new revision's Word file), OP1's ``year``
    the next."""
    document = read_docx_draft(source).to_document(SYMBOL)
    amendments = proposed(document, [("JPN", "OP1", {"replace": str(year),
                                                     "with_": str(year + 1)})])
    new = revise(document, amendments, Decisions(accepted=frozenset(a.id for a in amendments)),
                 label=label).revision
    both = dataclasses.replace(document, revisions=(*document.revisions, new))
    return both, revise_source(source.read_bytes(), document.current, new, symbol=SYMBOL)


def _parts(package) -> dict[str, bytes]:
    with zipfile.ZipFile(package if isinstance(package, Path) else io.BytesIO(package)) as z:
        return {name: z.read(name) for name in z.namelist()}


def _texts(xml: bytes, *, accept: bool = True) -> list[str]:
    """Each ``w:p``'s own text (a text box's paragraphs apart) after Accept All
    (``accept``) or Reject All."""
    root = parse_xml(xml)
    gone = qn("w:del") if accept else qn("w:ins")
    found = []
    for paragraph in root.iter(qn("w:p")):
        texts = []
        for node in paragraph.iter(qn("w:t"), qn("w:delText"), qn("w:tab")):
            if next(node.iterancestors(qn("w:p"))) is not paragraph or any(
                    a.tag == gone for a in node.iterancestors()):
                continue
            texts.append("\t" if node.tag == qn("w:tab") else node.text or "")
        found.append("".join(texts))
    return found


def _pages(parts: dict[str, bytes]) -> dict[str, bytes]:
    return {n: b for n, b in parts.items() if n.startswith(("word/header", "word/footer"))}


def _symbols(texts: list[str]) -> list[str]:
    return [t for t in texts if SYMBOL in t]


def test_the_revision_gives_every_header_and_footer_the_revision(source):
    _, rev1 = _revisions(source)
    was, now = _parts(source), _parts(rev1)
    pages = _pages(now)
    assert len(pages) == 6  # default, first and even headers and footers, each once
    for name, xml in pages.items():
        assert _texts(xml) == [_ALONE.sub(REV1, t) for t in _texts(was[name])], name
    texts = [_texts(x) for x in pages.values()]
    first = next(t for t in texts if "United Nations" in t)
    assert first.count(REV1) == 3  # the table's cell, the text box and its fallback
    assert [f"26-12345\t{REV1}\t(see {' and '.join(LONGER)})"] in texts
    assert [f"{REV1}\t3"] in texts and ["26-12345 (E)"] in texts
    assert sum(t.count(REV1) for ts in texts for t in ts) == 7


def test_the_revision_gives_the_front_matter_in_tables_and_text_boxes_the_revision(source):
    _, rev1 = _revisions(source)
    body = _texts(_parts(rev1)["word/document.xml"])
    assert body[:4] == ["General Assembly", REV1, "", f"Distr.: Limited {REV1}"]


def test_the_revision_gives_the_document_properties_the_revision(source):
    _, rev1 = _revisions(source)
    now = _parts(rev1)
    assert now["docProps/custom.xml"] == _CUSTOM.encode().replace(
        f">{SYMBOL}<".encode(), f">{REV1}<".encode())  # Symbol2 and Job as they were
    written = docx.Document(io.BytesIO(rev1)).core_properties
    assert (written.title, written.subject, written.keywords) == (
        REV1, f"Draft resolution {REV1}", LONGER[0])


def test_the_revision_gives_the_titles_of_parts_the_title_it_gives_the_core(source):
    """Word copies the core title into ``TitlesOfParts`` (docProps/app.xml): it kept
    the older symbol there while the title, and every field, named Rev.1."""
    was = _parts(source)["docProps/app.xml"]
    assert f"<vt:lpstr>{SYMBOL}</vt:lpstr>".encode() in was
    _, rev1 = _revisions(source)
    now = _parts(rev1)["docProps/app.xml"]
    assert now == was.replace(f"<vt:lpstr>{SYMBOL}</vt:lpstr>".encode(),
                              f"<vt:lpstr>{REV1}</vt:lpstr>".encode())
    assert b"<vt:lpstr>Title</vt:lpstr>" in now  # the kind of part, as it was
    assert b"<Company>United Nations</Company>" in now


def test_the_revision_writes_parts_without_the_symbol_byte_for_byte(source):
    _, rev1 = _revisions(source)
    was, now = _parts(source), _parts(rev1)
    changed = {n for n in was if was[n] != now[n]}
    assert changed == {"word/document.xml", "docProps/custom.xml", "docProps/core.xml",
                       "docProps/app.xml",
                       *(n for n, x in _pages(was).items() if SYMBOL.encode() in x)}
    assert list(now) == list(was)


def test_the_next_revision_replaces_the_revision_everywhere(source, tmp_path):
    _, rev1 = _revisions(source)
    (path := tmp_path / "Rev.1.docx").write_bytes(rev1)
    _, rev2 = _revisions(path, "Rev.2", 2028)
    now = _parts(rev2)
    texts = [t for x in _pages(now).values() for t in _texts(x)]
    assert _symbols(texts) and all(f"{SYMBOL}/Rev.2" in t for t in _symbols(texts))
    assert f"{SYMBOL}/Rev.2<".encode() in now["docProps/custom.xml"]
    assert b"Rev.1" not in now["docProps/custom.xml"]


def test_the_diff_shows_the_revision_in_headers_and_footers_as_tracked_changes(
        source, tmp_path):
    both, rev1 = _revisions(source)
    target = tmp_path / "diff.docx"
    write_merged_into_source(source.read_bytes(), diff_revisions(both, "Zero draft", "Rev.1"),
                             target, revised=(SYMBOL, "Rev.1"))
    was, diff, now = _parts(source), _parts(target), _parts(rev1)
    for name, xml in _pages(was).items():
        assert _texts(diff[name], accept=True) == _texts(now[name]), name
        assert _texts(diff[name], accept=False) == _texts(xml), name
        if SYMBOL.encode() in xml:
            assert b"<w:ins " in diff[name], name
        else:
            assert diff[name] == xml, name
    body = _texts(diff["word/document.xml"])
    assert body[:4] == ["General Assembly", REV1, "", f"Distr.: Limited {REV1}"]
    # a property cannot be a tracked change: the diff keeps the older revision's
    assert diff["docProps/custom.xml"] == was["docProps/custom.xml"]
    assert diff["docProps/core.xml"] == was["docProps/core.xml"]
    assert diff["docProps/app.xml"] == was["docProps/app.xml"]


def test_a_revision_written_after_a_space_is_revised_in_that_form(tmp_path):
    """WHO writes its symbols' revisions after a space ("A77/4 Rev.1"): Rev.2 of such a
    document reads "A77/4 Rev.2" in its header, not "A77/4/Rev.2 Rev.1"; "A77/4 Add.1",
    another document, is left alone."""
    word = docx.Document()
    word.sections[0].header.paragraphs[0].text = "A77/4 Rev.1\tsee also A77/4 Add.1"
    word.add_paragraph("SEVENTY-SEVENTH WORLD HEALTH ASSEMBLY")
    word.add_paragraph("A77/4 Rev.1")
    word.add_paragraph("The World Health Assembly,")
    word.add_paragraph("1.\tDecides to convene a meeting in 2027;")
    path = tmp_path / "who.docx"
    word.save(path)
    document = read_docx_draft(path).to_document("A77/4")
    amendments = proposed(document, [("JPN", "OP1", {"replace": "2027", "with_": "2028"})])
    new = revise(document, amendments, Decisions(accepted=frozenset(a.id for a in amendments)),
                 label="Rev.2").revision
    rev2 = _parts(revise_source(path.read_bytes(), document.current, new, symbol="A77/4"))
    assert _texts(rev2["word/header1.xml"]) == ["A77/4 Rev.2\tsee also A77/4 Add.1"]
    assert "A77/4 Rev.2" in _texts(rev2["word/document.xml"])


def test_a_who_symbol_gains_its_first_revision_after_a_space_everywhere(tmp_path):
    """WHO's "A77/4" became "A77/4/Rev.1" at its first revision, where WHO writes "A77/4
    Rev.1": the header, the front matter and the title property Word shows it from."""
    word = docx.Document()
    word.core_properties.title = "A77/4"
    word.sections[0].header.paragraphs[0].text = "A77/4\tsee also A77/4 Add.1"
    word.add_paragraph("SEVENTY-SEVENTH WORLD HEALTH ASSEMBLY")
    word.add_paragraph("A77/4")
    word.add_paragraph("The World Health Assembly,")
    word.add_paragraph("1.\tDecides to convene a meeting in 2027;")
    path = tmp_path / "who.docx"
    word.save(path)
    document = read_docx_draft(path).to_document("A77/4")
    new = revise(document, [], Decisions(), label="Rev.1").revision
    made = revise_source(path.read_bytes(), document.current, new, symbol="A77/4")
    rev1 = _parts(made)
    assert _texts(rev1["word/header1.xml"]) == ["A77/4 Rev.1\tsee also A77/4 Add.1"]
    assert "A77/4 Rev.1" in _texts(rev1["word/document.xml"])
    assert docx.Document(io.BytesIO(made)).core_properties.title == "A77/4 Rev.1"
