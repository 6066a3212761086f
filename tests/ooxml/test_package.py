"""open_docx refuses broken and hostile files quickly, with a clear line, changing nothing."""

import io
import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest

from drafting.errors import ReaderError
from drafting.ooxml.package import SAFE_LIMITS, SafeLimits, open_docx, open_word

MAIN = "word/document.xml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BODY = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>OP1 Decides;</w:t></w:r></w:p>'
    f"</w:body></w:document>"
)
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n'
    f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    f'<w:styles xmlns:w="{W_NS}"><w:style w:styleId="x"><w:name w:val="&xxe;"/></w:style>'
    "</w:styles>"
)
QUICK = 5.0  # seconds: every refusal must come well within this


def base_parts() -> dict[str, bytes]:
    """The parts of a real, minimal .docx written by python-docx."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts[MAIN] = BODY.encode()
    return parts


def write_zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def refused(path: Path, phrase: str, **kwargs) -> str:
    """Open ``path``, expect a ReaderError containing ``phrase`` within QUICK
    seconds, and check that the file is unchanged."""
    before = path.read_bytes() if path.is_file() else None
    started = time.perf_counter()
    with pytest.raises(ReaderError) as caught:
        open_docx(path, **kwargs)
    assert time.perf_counter() - started < QUICK
    message = str(caught.value)
    assert phrase in message
    assert str(path) in message
    assert "\n" not in message
    if before is not None:
        assert path.read_bytes() == before
    return message


def test_a_valid_docx_opens(tmp_path):
    document = open_docx(write_zip(tmp_path / "ok.docx", base_parts()))
    assert [p.text for p in document.paragraphs] == ["OP1 Decides;"]


def test_missing_file(tmp_path):
    refused(tmp_path / "absent.docx", "no such file")


def test_a_folder(tmp_path):
    (tmp_path / "folder.docx").mkdir()
    refused(tmp_path / "folder.docx", "is a folder")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.docx"
    path.write_bytes(b"")
    refused(path, "the file is empty")


def test_ole_compound_file(tmp_path):
    path = tmp_path / "protected.docx"
    path.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))
    message = refused(path, "password-protected or old .doc format")
    assert "save it as .docx without a password" in message


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF file"),
        (b"{\\rtf1\\ansi Hello}", "an RTF file"),
        (b"OP1 Decides to act;\n", "not a zip package"),
        (b"\xef\xbb\xbf<!DOCTYPE html>\n<html><body><p>OP1</p></body></html>",
         "a web page (HTML)"),
        (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n",
         "a web page saved as one file (.mht)"),
        (b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n'
         b'<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml"/>',
         "a Word 2003 XML document"),
        (b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n'
         b'<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"/>',
         "a Word XML document (flat OPC)"),
    ],
)
def test_not_a_zip(tmp_path, content, phrase):
    path = tmp_path / "renamed.docx"
    path.write_bytes(content)
    message = refused(path, phrase)
    assert "not a Word .docx file" in message


def test_truncated_zip(tmp_path):
    whole = write_zip(tmp_path / "whole.docx", base_parts()).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) // 2])
    refused(path, "damaged")


def test_zip_without_document_xml(tmp_path):
    parts = base_parts()
    del parts[MAIN]
    refused(write_zip(tmp_path / "nodoc.docx", parts), f"without {MAIN}")
    plain = write_zip(tmp_path / "plain.docx", {"notes.txt": b"hello"})
    refused(plain, f"without {MAIN}")


def test_malformed_xml_names_the_part(tmp_path):
    parts = base_parts()
    parts[MAIN] = BODY.encode().replace(b"</w:p>", b"</w:q>")
    message = refused(write_zip(tmp_path / "bad.docx", parts), "malformed XML")
    assert f"part {MAIN}, line 2" in message


def test_billion_laughs(tmp_path):
    parts = base_parts()
    parts[MAIN] = LAUGHS.encode()
    message = refused(write_zip(tmp_path / "lol.docx", parts), "document type declaration")
    assert f"part {MAIN}" in message


def test_external_entity_in_another_part(tmp_path):
    parts = base_parts()
    parts["word/styles.xml"] = EXTERNAL.encode()
    message = refused(write_zip(tmp_path / "xxe.docx", parts), "<!DOCTYPE")
    assert "part word/styles.xml" in message


def test_entity_without_doctype_deep_in_a_part(tmp_path):
    parts = base_parts()
    padding = "<!-- padding -->" * 200_000  # the declaration is megabytes into the part
    parts[MAIN] = (BODY[:-len("</w:document>")] + padding + '<!ENTITY x "y"></w:document>').encode()
    refused(write_zip(tmp_path / "entity.docx", parts), "entity declaration")


def test_doctype_in_utf16(tmp_path):
    parts = base_parts()
    parts[MAIN] = LAUGHS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode(
        "utf-16"
    )
    refused(write_zip(tmp_path / "utf16.docx", parts), "document type declaration")


def test_doctype_in_a_part_named_by_content_type_only(tmp_path):
    parts = base_parts()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/word/extra.bin" ContentType="application/vnd.custom+xml"/></Types>',
    )
    parts["word/extra.bin"] = LAUGHS.encode()
    refused(write_zip(tmp_path / "typed.docx", parts), "part word/extra.bin")


def test_zip_bomb_by_total_size(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in base_parts().items():
            package.writestr(name, data)
        with package.open("word/media/zeros.bin", "w", force_zip64=True) as part:
            chunk = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros, about 300 KB packed
                part.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    message = refused(path, "zip bomb")
    assert "300 MB" in message


def test_zip_bomb_by_ratio_of_one_part(tmp_path):
    parts = base_parts()
    parts["word/media/zeros.bin"] = bytes(11 * 1024 * 1024)  # ratio about 1000:1, over 10 MB
    message = refused(write_zip(tmp_path / "ratio.docx", parts), "zip bomb")
    assert "word/media/zeros.bin" in message


def test_a_small_part_may_pack_well(tmp_path):
    parts = base_parts()
    parts["word/media/zeros.bin"] = bytes(5 * 1024 * 1024)  # high ratio, under the floor
    assert open_docx(write_zip(tmp_path / "fine.docx", parts)).paragraphs


def test_too_many_parts(tmp_path):
    parts = base_parts()
    parts.update({f"customXml/item{i}.bin": b"x" for i in range(SAFE_LIMITS.max_parts)})
    message = refused(write_zip(tmp_path / "many.docx", parts), "too many parts")
    assert f"> {SAFE_LIMITS.max_parts}" in message


def test_limits_can_be_tightened(tmp_path):
    path = write_zip(tmp_path / "ok.docx", base_parts())
    refused(path, "too many parts", limits=SafeLimits(max_parts=3))
    refused(path, "zip bomb", limits=SafeLimits(max_total_bytes=1000))


def test_directory_that_lies_about_sizes(tmp_path):
    """A central directory declaring a part smaller than it is: reading stops at the
    declared size and the part is refused, not unpacked in full."""
    path = write_zip(tmp_path / "liar.docx", base_parts())
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")
    while True:  # find the central directory entry of word/document.xml
        name_length = struct.unpack_from("<H", data, entry + 28)[0]
        name = bytes(data[entry + 46: entry + 46 + name_length])
        if name == MAIN.encode():
            break
        extra, comment = struct.unpack_from("<HH", data, entry + 30)
        entry += 46 + name_length + extra + comment
    struct.pack_into("<I", data, entry + 24, 20)  # uncompressed size: 20 bytes
    path.write_bytes(bytes(data))
    refused(path, "cannot be unpacked")


def test_encrypted_part(tmp_path):
    path = write_zip(tmp_path / "locked.docx", base_parts())
    data = bytearray(path.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first central directory entry
    flags = struct.unpack_from("<H", data, entry + 8)[0]
    struct.pack_into("<H", data, entry + 8, flags | 0x1)
    path.write_bytes(bytes(data))
    refused(path, "is encrypted (password-protected)")


def test_an_opendocument_file_named_docx_is_named_as_such(tmp_path):
    path = write_zip(tmp_path / "eu.docx", {
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "content.xml": b'<?xml version="1.0"?><office:document-content '
                       b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'})
    message = refused(path, "an OpenDocument file (as LibreOffice saves it) with a Word name")
    assert "File > Save As, Word 2007-365" in message


def test_a_zip_directory_asking_for_an_unknown_zip_version_is_refused_as_damaged(tmp_path):
    """A damaged byte in the zip directory can ask for "zip file version 6.4", which
    zipfile does not read: refused as a damaged file, not zipfile's NotImplementedError
    (found by the byte fuzz)."""
    path = write_zip(tmp_path / "version.docx", base_parts())
    data = bytearray(path.read_bytes())
    directory = data.rfind(b"PK\x01\x02")  # the last entry of the central directory
    data[directory + 6] = 64  # "version needed to extract": 6.4
    path.write_bytes(bytes(data))
    refused(path, "the zip cannot be read")


@pytest.mark.parametrize("shift", [1, 5000])
def test_a_zip_directory_placed_past_its_place_is_refused_as_damaged(tmp_path, shift):
    """A damaged end record that puts the zip directory further on than it is makes every
    part start before the file does: refused as a damaged file, not zipfile's "negative
    seek value" (found by the byte fuzz)."""
    path = write_zip(tmp_path / "seek.docx", base_parts())
    data = bytearray(path.read_bytes())
    end = data.rfind(b"PK\x05\x06")  # the end of central directory record
    offset = struct.unpack_from("<I", data, end + 16)[0]
    struct.pack_into("<I", data, end + 16, offset + shift)
    path.write_bytes(bytes(data))
    refused(path, "cannot be unpacked")
    with pytest.raises(ReaderError, match="cannot be unpacked"):
        open_word(path)


@pytest.mark.parametrize(("encoding", "opens"), [
    ("UTF-8", True), ("windows-1252", True), ("GB2312", True), ("Shift_JIS", True),
    ("UTF-7", False), ("cp037", False), ("x-no-such-encoding", False)])
def test_a_part_opens_only_in_an_encoding_the_search_for_a_doctype_can_read(
        tmp_path, encoding, opens):
    """In UTF-7, "+ADw-!DOCTYPE" is "<!DOCTYPE": no search of the bytes sees it."""
    parts = base_parts()
    parts[MAIN] = parts[MAIN].replace(b'encoding="UTF-8"', f'encoding="{encoding}"'.encode(),
                                      1)
    assert f'encoding="{encoding}"'.encode() in parts[MAIN]
    path = write_zip(tmp_path / "declared.docx", parts)
    if opens:
        assert [p.text for p in open_docx(path).paragraphs] == ["OP1 Decides;"]
    else:
        refused(path, f"declares the encoding '{encoding}', which Word never writes")
