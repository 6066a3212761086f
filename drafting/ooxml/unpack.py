"""Unpacking a part of a ``.docx`` as `drafting.ooxml.package` checks it: in chunks,
counting the bytes (a zip directory can lie about sizes) and the tags (each ``<``: what
parsing costs, `drafting.limits.MAX_XML_TAGS`), refusing a document type declaration or
an entity in any encoding XML allows."""

from __future__ import annotations

import codecs
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from drafting.errors import ReaderError
from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_XML_TAGS, too_many_tags

SAVE_AGAIN = "open it in Word and save it as a .docx document"
_MB = 1024 * 1024

_FORBIDDEN = ("<!doctype", "<!entity")
_FORBIDDEN_UTF8 = lazy_compile(rb"<!(?:doctype|entity)", re.IGNORECASE)
"""`_FORBIDDEN` in UTF-8 bytes, in any case (no other character lowers to these letters
but the Kelvin sign, not among them)."""
_CHUNK = _MB


@dataclass(slots=True)
class Budget:
    """Bytes that may still be unpacked, and tags that may still be parsed (in the XML
    parts `scan` unpacks); refuses the file once either is spent."""

    path: Path
    left: int
    max_tags: int = MAX_XML_TAGS
    tags: int = 0

    def spend(self, count: int) -> None:
        self.left -= count
        if self.left < 0:
            self.refuse()

    def count_tags(self, count: int, part: str) -> None:
        self.tags += count
        if self.tags > self.max_tags:
            raise too_many_tags(str(self.path), part, self.max_tags)

    def refuse(self) -> None:
        raise ReaderError(
                f"{self.path}: unpacks to more than the zip directory declares "
                f"(possibly a zip bomb); refused: {SAVE_AGAIN}"
            )


def scan(path: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo,
         budget: Budget) -> bytes:
    """Read one part in chunks and refuse it if it declares a DTD or an entity
    (in UTF-8, UTF-16 or UTF-32), or once ``budget``'s bytes or tags are spent; its bytes.
    Reading stops past the part's declared size."""
    keep = max(len(mark) for mark in _FORBIDDEN) - 1
    chunks = []
    try:
        with package.open(info) as stream:
            chunk = stream.read(_CHUNK)
            encoding = _encoding(chunk)
            if encoding == "utf-8":
                _check_declared(path, info.filename, chunk)
            decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
            seen, tail, raw_tail = 0, "", b""
            while chunk:
                chunks.append(chunk)
                seen += len(chunk)
                budget.spend(len(chunk))
                if seen > info.file_size:
                    budget.refuse()
                if encoding == "utf-8":  # nearly always: search the bytes themselves
                    budget.count_tags(chunk.count(b"<"), info.filename)
                    window = raw_tail + chunk if raw_tail else chunk
                    # "!" is rare in Word's XML ("<" is everywhere): look for it first
                    if b"!" in window and (found_bytes := _FORBIDDEN_UTF8.search(window)):
                        _refuse_dtd(path, info.filename, found_bytes[0].decode().lower())
                    raw_tail = window[-keep:]
                else:
                    decoded = decoder.decode(chunk)
                    budget.count_tags(decoded.count("<"), info.filename)
                    text = tail + decoded.lower()
                    if found := next((mark for mark in _FORBIDDEN if mark in text), None):
                        _refuse_dtd(path, info.filename, found)
                    tail = text[-keep:]
                chunk = stream.read(_CHUNK)
    except UNPACK_ERRORS as error:
        raise damaged(path, info.filename, error) from error
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


UNPACK_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
                 NotImplementedError, ValueError)
"""What zipfile raises on a damaged part: a bad CRC, a broken deflate stream, a part said
to start before the file does ("negative seek value") ..."""


def damaged(path: Path, part: str, error: Exception) -> ReaderError:
    return ReaderError(
        f"{path}: part {part} cannot be unpacked ({error}); the file is damaged "
        f"or not a Word document: {SAVE_AGAIN}"
    )


_SAFE_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
)


def parse_part(path: Path, package: zipfile.ZipFile, name: str,
               unpacked: dict[str, bytes] | None = None) -> etree._Element:
    """Parse a part already scanned (its bytes in ``unpacked``, else unpacked again),
    with a parser that loads no DTD and no entity."""
    data = unpacked.get(name) if unpacked is not None else None
    try:
        data = package.read(name) if data is None else data
    except UNPACK_ERRORS as error:
        raise damaged(path, name, error) from error
    try:
        return etree.fromstring(data, _SAFE_PARSER)
    except etree.XMLSyntaxError as error:
        raise malformed(path, name, error) from error


def _encoding(head: bytes) -> str:
    """The encoding of an XML part from its first bytes (XML 1.0, appendix F)."""
    for marks, name in (
        ((codecs.BOM_UTF32_LE, b"<\0\0\0"), "utf-32-le"),
        ((codecs.BOM_UTF32_BE, b"\0\0\0<"), "utf-32-be"),
        ((codecs.BOM_UTF16_LE, b"<\0"), "utf-16-le"),
        ((codecs.BOM_UTF16_BE, b"\0<"), "utf-16-be"),
    ):
        if head.startswith(marks):
            return name
    return "utf-8"


_DECLARED = lazy_compile(rb"\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*[\"']([^\"'>]{0,40})[\"']")
"""The encoding an XML declaration names (``<?xml version="1.0" encoding="UTF-8"?>``)."""


_PLAIN = frozenset({"utf-8", "ascii", "latin-1", *(f"iso8859-{n}" for n in range(1, 17)),
                    *(f"cp{n}" for n in range(1250, 1259)), "koi8-r", "koi8-u", "cp874",
                    "gb2312", "gbk", "gb18030", "big5", "big5hkscs", "shift_jis", "cp932",
                    "euc_jp", "euc_kr", "cp949"})
"""Encodings in which every ASCII character read comes from that character's own byte
(a Chinese, Japanese or Korean character's two bytes never read as ASCII): what the
parser reads as "<!DOCTYPE" stands as those bytes, which the search sees. Not UTF-7
("+ADw-" is "<") nor EBCDIC."""


def _check_declared(path: Path, part: str, head: bytes) -> None:
    """Refuse a part (with no byte order mark) whose XML declaration names an encoding
    other than `_PLAIN`'s: the parser would read what the search for a document type
    declaration cannot see."""
    declared = _DECLARED.match(head)
    if declared is None:
        return
    name = declared[1].decode("ascii", "replace")
    try:
        plain = codecs.lookup(name).name in _PLAIN
    except LookupError:
        plain = False
    if not plain:
        raise ReaderError(
            f"{path}: part {part} declares the encoding {name!r}, which Word never writes "
            f"and which can hide a document type declaration from the reader; refused: "
            f"{SAVE_AGAIN}")


def _refuse_dtd(path: Path, part: str, found: str) -> None:
    what = "a document type declaration" if found == "<!doctype" else "an entity declaration"
    raise ReaderError(
        f"{path}: part {part} contains {what} ({found.upper()}), which Word never writes "
        f"and which can be used to attack the reader; refused: {SAVE_AGAIN}"
    )


def malformed(path: Path, part: str, error: etree.XMLSyntaxError) -> ReaderError:
    """The refusal of part ``part`` of ``path``, which does not parse as XML: too deep,
    too long, or damaged."""
    line = f", line {error.lineno}" if error.lineno else ""
    if "Excessive depth" in error.msg:
        return ReaderError(
            f"{path}: part {part}{line} nests its XML more than 256 levels deep, which no "
            f"Word document does (possibly built to attack the reader); refused: {SAVE_AGAIN}"
        )
    if "too long" in error.msg or "huge" in error.msg.lower():
        return ReaderError(
            f"{path}: part {part}{line} holds one piece of text or markup over 10 MB, more "
            "than a draft may; split the text into paragraphs and save it again"
        )
    return ReaderError(
        f"{path}: part {part}{line} is malformed XML ({error.msg}); the file is damaged: "
        "open it in Word (which can often repair it) and save it as .docx again"
    )


def unopened(error: Exception) -> str:
    """What python-docx's ``error`` says of a package, in a user's words where known."""
    text = str(error)
    if isinstance(error, KeyError) and (missing := re.search(r"no item named '([^']*)'", text)):
        return f"a part it refers to, '{missing[1]}', is not in the file"
    if "is not a Word file" in text:
        return "its main part is not a Word document" + (
            f" ({found[0]})" if (found := re.search(r"content type is '[^']*'", text)) else "")
    return f"{type(error).__name__}: {text}"
