"""open_word: the parts a reader reads, parsed with lxml alone, read exactly as the parts
python-docx gives; anything unusual is left to python-docx, with the same refusals."""

import zipfile
from pathlib import Path

import docx
import pytest

import drafting.readers.docx_submission as docx_submission
from drafting.errors import ReaderError
from drafting.ooxml.comment_threads import read_threads
from drafting.ooxml.comments import read_comments
from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.package import open_docx, open_word
from drafting.ooxml.parts import DocxParts, WordParts
from drafting.readers import read_docx_submission, read_draft
from drafting.readers.docx_marks import read_marked

FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"
SAMPLES = sorted(FIXTURES.glob("*.docx"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
HEADER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"

pytestmark = pytest.mark.skipif(not SAMPLES, reason="the shared Word fixtures are not here")


def both(path: Path) -> tuple[WordParts, DocxParts]:
    light = open_word(path)
    assert isinstance(light, WordParts)  # a file Word wrote: nothing for python-docx
    return light, DocxParts(open_docx(path))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_a_draft_reads_the_same_from_either_view(path):
    light, heavy = both(path)
    assert repr(read_marked(light, "x")) == repr(read_marked(heavy, "x"))
    assert read_comments(light) == read_comments(heavy)
    assert read_threads(light) == read_threads(heavy)
    numbers = [NumberingCounter(view) for view in (light, heavy)]
    for one, other in zip(light.body.iter(f"{W}p"), heavy.body.iter(f"{W}p"), strict=True):
        assert numbers[0].number(one) == numbers[1].number(other)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.stem)
def test_a_copy_reads_the_same_from_either_view(path, monkeypatch):
    document = read_draft(path).to_document("X/1")
    light = read_docx_submission(path, document, delegation="AFG")
    monkeypatch.setattr(docx_submission, "open_word",
                        lambda path: DocxParts(open_docx(path)))
    assert repr(read_docx_submission(path, document, delegation="AFG")) == repr(light)


def test_the_copies_of_one_draft_share_its_parsed_style_sheet():
    first, second = open_word(SAMPLES[0]), open_word(SAMPLES[0])
    assert first.styles is second.styles
    assert first.document is not second.document


def parts_of(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def write(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def plain_docx(tmp_path: Path) -> Path:
    word = docx.Document()
    word.add_paragraph("OP1\tDecides to act;")
    path = tmp_path / "plain.docx"
    word.save(str(path))
    return path


def test_a_document_without_a_style_sheet_is_left_to_python_docx(tmp_path):
    parts = parts_of(plain_docx(tmp_path))
    rels = parts["word/_rels/document.xml.rels"].decode()
    start = rels.rindex("<Relationship", 0, rels.index("styles.xml"))
    end = rels.index("/>", start) + 2
    parts["word/_rels/document.xml.rels"] = (rels[:start] + rels[end:]).encode()
    path = write(tmp_path / "unstyled.docx", parts)
    opened = open_word(path)
    assert isinstance(opened, DocxParts)  # python-docx makes its default style sheet
    assert read_draft(path).paragraphs[0].text == "Decides to act;"


def test_a_malformed_header_is_refused_in_the_same_words(tmp_path):
    parts = parts_of(plain_docx(tmp_path))
    parts["word/header1.xml"] = b'<?xml version="1.0"?><w:hdr xmlns:w="x"><w:p></w:hdr>'
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace("</Types>", (
        f'<Override PartName="/word/header1.xml" ContentType="{HEADER_TYPE}"/></Types>')
    ).encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        f'<Relationship Id="rId99" Type="{HEADER_REL}" Target="header1.xml"/>'
        "</Relationships>")).encode()
    path = write(tmp_path / "header.docx", parts)
    with pytest.raises(ReaderError) as heavy:
        open_docx(path)
    with pytest.raises(ReaderError) as light:
        open_word(path)
    assert str(light.value) == str(heavy.value)
    assert "part word/header1.xml" in str(light.value)


def test_a_damaged_part_read_only_as_bytes_is_refused_not_a_crash(tmp_path):
    """The thumbnail (a part no reader parses) with a broken deflate stream: a refusal
    naming the file, as for any damaged package, never zlib's own error."""
    path = write(tmp_path / "damaged.docx", parts_of(plain_docx(tmp_path)))
    with zipfile.ZipFile(path) as package:
        info = package.getinfo("docProps/thumbnail.jpeg")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start] = 0xFF  # a deflate block of type 3: there is none
    path.write_bytes(bytes(data))
    for read in (lambda: read_draft(path), lambda: read_docx_submission(
            path, read_draft(plain_docx(tmp_path)).to_document("X"), delegation="EU")):
        with pytest.raises(ReaderError, match=r"damaged\.docx: .*open it in Word and save it"):
            read()
