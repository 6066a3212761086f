"""The merged draft says what it is: `drafting merge` stamps it with a custom document
property naming the document and revision (`MERGED_DRAFT`), which Word and LibreOffice
keep through Accept All and Save, so a clean copy of it is told from a copy of the text
by what it says, never by how many of its changes are others' proposals."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx

from drafting.ooxml.package import open_word
from drafting.ooxml.parts import DocxParts
from drafting.ooxml.properties import MERGED_DRAFT, custom_text, merged_draft_of
from drafting.writers.merged_mark import marked

_OWN = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://'
    'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
    'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Symbol1">'
    '<vt:lpwstr>A/C.2/81/L.7</vt:lpwstr></property></Properties>')


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def _word(path: Path) -> bytes:
    document = docx.Document()
    document.add_paragraph("Recognizes the right;")
    document.save(str(path))
    return path.read_bytes()


def _with_own_properties(data: bytes) -> bytes:
    """``data`` with custom properties of the secretariat's own (a Word field's symbol)."""
    parts = _parts(data)
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/docProps/custom.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>')
    parts["_rels/.rels"] = parts["_rels/.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/relationships/custom-properties" Target="docProps/'
        b'custom.xml"/></Relationships>')
    parts["docProps/custom.xml"] = _OWN.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, part in parts.items():
            package.writestr(name, part)
    return out.getvalue()


def test_a_file_without_custom_properties_gets_them_as_word_reads_them(tmp_path):
    path = tmp_path / "merged.docx"
    was = _word(path)
    path.write_bytes(marked(was, merged_draft_of("A/C.2/81/L.7", "Rev.1")))
    before, after = _parts(was), _parts(path.read_bytes())
    assert custom_text(after["docProps/custom.xml"], MERGED_DRAFT) == "A/C.2/81/L.7 Rev.1"
    assert b"custom-properties" in after["_rels/.rels"]
    assert b'PartName="/docProps/custom.xml"' in after["[Content_Types].xml"]
    assert {n: p for n, p in after.items() if n in before and n not in (
        "_rels/.rels", "[Content_Types].xml")} == {
        n: p for n, p in before.items() if n not in ("_rels/.rels", "[Content_Types].xml")}
    assert custom_text(open_word(path).custom, MERGED_DRAFT) == "A/C.2/81/L.7 Rev.1"
    assert custom_text(DocxParts(docx.Document(str(path))).custom,
                       MERGED_DRAFT) == "A/C.2/81/L.7 Rev.1"


def test_the_documents_own_custom_properties_are_kept_and_the_mark_is_one(tmp_path):
    own = _with_own_properties(_word(tmp_path / "draft.docx"))
    again = marked(marked(own, "A/C.2/81/L.7 Zero draft"), "A/C.2/81/L.7 Rev.1")
    before, after = _parts(own), _parts(again)
    assert [n for n in after if after[n] != before.get(n)] == ["docProps/custom.xml"]
    custom = after["docProps/custom.xml"]
    assert custom_text(custom, "Symbol1") == "A/C.2/81/L.7"
    assert custom_text(custom, MERGED_DRAFT) == "A/C.2/81/L.7 Rev.1"
    assert custom.count(MERGED_DRAFT.encode()) == 1 and b'pid="3"' in custom
    assert custom.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n')


def test_a_file_without_the_mark_or_not_xml_says_nothing():
    assert custom_text(None, MERGED_DRAFT) is None
    assert custom_text(b"not xml", MERGED_DRAFT) is None
    assert custom_text(_OWN.encode(), MERGED_DRAFT) is None


def _merged(tmp_path: Path):
    """The sample draft imported from Word with a proposal on it, merged."""
    from drafting.engine import Proposal, draft_amendment
    from drafting.engine.merge import merge
    from drafting.readers import read_draft

    source = Path(__file__).parents[2] / "samples" / "docx" / "zero-draft.docx"
    document = read_draft(source).to_document("A/C.2/81/L.7")
    paragraph = document.current.paragraphs[-1]
    amendment = draft_amendment(document.current, Proposal(
        paragraph.label, insert=" also", after=paragraph.text.split()[1], occurrence=1),
        id="A1", proponents=["EU"])
    return source.read_bytes(), merge(document, [amendment])


def test_the_merged_draft_is_marked_in_its_one_writing(tmp_path):
    """Written marked, the merged draft is part for part the file written and then marked:
    its own document's parts, the tracked change, and the mark."""
    from drafting.writers.docx_source import write_merged_into_source

    source, compilation = _merged(tmp_path)
    plain, stamped = tmp_path / "plain.docx", tmp_path / "stamped.docx"
    write_merged_into_source(source, compilation, plain)
    write_merged_into_source(source, compilation, stamped, marked=True)
    after = marked(plain.read_bytes(), merged_draft_of("A/C.2/81/L.7", "Zero draft"))
    assert _parts(stamped.read_bytes()) == _parts(after)
    assert list(_parts(stamped.read_bytes())) == list(_parts(after))  # in the same order
    assert custom_text(open_word(stamped).custom, MERGED_DRAFT) == "A/C.2/81/L.7 Zero draft"
    assert custom_text(open_word(plain).custom, MERGED_DRAFT) is None
    assert b"<w:ins " in _parts(stamped.read_bytes())["word/document.xml"]


def test_the_merged_draft_in_our_layout_is_marked_and_opens(tmp_path):
    from drafting.writers.docx_merged import write_merged_docx

    _, compilation = _merged(tmp_path)
    path = tmp_path / "merged.docx"
    write_merged_docx(compilation, path, marked=True)
    assert custom_text(open_word(path).custom, MERGED_DRAFT) == "A/C.2/81/L.7 Zero draft"
    docx.Document(str(path))  # python-docx opens it
    assert b"also</w:t>" in _parts(path.read_bytes())["word/document.xml"]
    write_merged_docx(compilation, path)
    assert custom_text(open_word(path).custom, MERGED_DRAFT) is None
