"""Open a ``.docx`` safely: the only way the project opens a Word file.

A ``.docx`` is a zip package of XML parts. Before python-docx sees one,
`open_docx` refuses, with one line that names the file, the problem and what
to do, anything that is not a Word document or could hurt us:

- a missing, unreadable, empty or over-large file;
- a file that is not a zip (a PDF, an RTF or a text file renamed ``.docx``),
  or an OLE compound file: a password-protected ``.docx`` (Word encrypts the
  whole package into an ``EncryptedPackage`` stream) or an old ``.doc``, each
  told apart by the stream names in the compound file's directory;
- a zip without ``word/document.xml``;
- a zip bomb: too many parts, too many bytes once unpacked, or a large part that
  unpacks to far more than it takes in the zip (`SAFE_LIMITS`). The zip
  directory is checked first (`drafting.ooxml.zip_directory`), and the bytes actually
  unpacked are counted too, since a directory can lie;
- a zip naming one part twice (programs differ on which they read) or holding a name
  no part has (``../x``, ``/etc/x``);
- an XML part that unpacks to more than `SafeLimits.max_xml_part_bytes`: it would
  be parsed whole into memory;
- XML parts of more than `SafeLimits.max_xml_tags` tags (each ``<``) together, counted
  as they are unpacked: lxml spends some 130 bytes an element, so tiny empty elements
  took 30 times their bytes;
- headers, footers and other parts parsed whole besides the document's own, past
  `SafeLimits.max_secondary_xml_bytes` together (many parts, each within the limits);
- an XML part with a document type declaration (``<!DOCTYPE``) or an entity
  (``<!ENTITY``): the "billion laughs" and external-entity attacks. Word never
  writes either;
- a main part that is not a ``w:document`` with a ``w:body``;
- a package or main part with two relationships to what a document has one of
  (two style sheets, two numbering or footnotes parts, two main parts ...);
- a relationship to what a document has once whose target is the main part itself
  (a style sheet that is the document: python-docx would recurse without end);
- a relationship to a part Word holds inside the file (the style sheet, the numbering,
  the comments, a header ...) naming a place outside it (``TargetMode="External"``):
  there is no such part to read (`drafting.ooxml.relationships`);
- malformed XML, XML nested deeper than 256 levels or a text node over 10 MB
  (lxml's own limits, said as such rather than as damage), or any other
  package python-docx cannot load.

The file is read once into memory and never written to, so checks and loading
see the same bytes and nothing is changed. `open_word` makes the same checks and gives
readers the parts they read (`drafting.ooxml.parts`) without python-docx's object model,
each XML part unpacked once.

A document saved as Strict Open XML is read as the same document in the transitional
form (`drafting.ooxml.strict`), once its zip directory is checked.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import docx
import docx.document
from docx.opc.constants import CONTENT_TYPE as CT
from lxml import etree

from drafting import limits as _limits
from drafting.errors import LimitError, ReaderError
from drafting.given_files import read_given
from drafting.lazy_re import lazy_compile
from drafting.ooxml import strict
from drafting.ooxml.parts import PARSED_TYPES, DocxParts, Parts, load_parts
from drafting.ooxml.relationships import check_relationships
from drafting.ooxml.unpack import (
    SAVE_AGAIN,
    UNPACK_ERRORS,
    Budget,
    malformed,
    parse_part,
    scan,
    unopened,
)
from drafting.ooxml.zip_directory import check_directory

_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class SafeLimits:
    """How much a ``.docx`` may hold before it is refused as a possible zip bomb.

    A real negotiation text with a few images is a few megabytes; every limit
    is far above that. The defaults are `drafting.limits`'.
    """

    max_file_bytes: int = _limits.MAX_DOCX_BYTES
    """The ``.docx`` file itself, as stored on disk."""
    max_parts: int = _limits.MAX_DOCX_PARTS
    """Entries in the zip (parts, folders included)."""
    max_total_bytes: int = _limits.MAX_DOCX_BYTES
    """All parts together once unpacked: as the zip directory declares them, and
    as actually unpacked while the XML parts are checked."""
    max_xml_part_bytes: int = _limits.MAX_XML_PART_BYTES
    """One XML part once unpacked (it is parsed whole): as the zip directory declares
    it, and as actually unpacked."""
    max_secondary_xml_bytes: int = _limits.MAX_SECONDARY_XML_BYTES
    """Headers, footers and other parts parsed whole besides the document's own, together."""
    max_xml_tags: int = _limits.MAX_XML_TAGS
    """Tags (each ``<``) in all the XML parts together, counted as they are unpacked."""
    max_ratio: int = 200
    """Unpacked size / packed size of one part above which it is suspect ..."""
    ratio_floor_bytes: int = 10 * _MB
    """... but only when it also unpacks to more than this (small XML parts
    full of repeated markup can reach high ratios innocently)."""


SAFE_LIMITS = SafeLimits()
"""The limits `open_docx` applies unless given others."""

MAIN_PART = "word/document.xml"
_OLE_SIGNATURE = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_WORD_97_STREAM = "WordDocument".encode("utf-16-le")
_OTHER_FORMATS = {b"%PDF": "a PDF file", b"{\\rtf": "an RTF file"}
_CONTENT_TYPES = "[Content_Types].xml"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCUMENT, _BODY = f"{_W}document", f"{_W}body"


def open_docx(path: str | Path, *, limits: SafeLimits = SAFE_LIMITS) -> docx.document.Document:
    """Check the ``.docx`` at ``path`` and open it with python-docx.

    Raises ReaderError (naming the file, the problem and what to do) for every
    case listed in the module docstring; python-docx and lxml errors are
    wrapped (``raise ReaderError(...) from error``). Hostile files are refused
    within seconds and nothing on disk is changed.
    """
    path = Path(path)
    data = _transitional(path, _read_file(path, limits), limits)
    with _open_zip(path, data) as package:
        xml_parts = list(_check_package(path, package, limits))
    return _load(path, data, xml_parts)


def open_word(path: str | Path, *, limits: SafeLimits = SAFE_LIMITS) -> Parts:
    """Check the ``.docx`` at ``path`` as `open_docx` does (the same refusals, in the
    same words) and give the parts a reader reads: parsed with lxml, each once, when
    python-docx would open the package without a remark; else as python-docx opens
    it (`DocxParts`)."""
    path = Path(path)
    data = _transitional(path, _read_file(path, limits), limits)
    with _open_zip(path, data) as package:
        unpacked = _check_package(path, package, limits)
        xml_parts = list(unpacked)
        parts = load_parts(package, unpacked)
    return parts if parts is not None else DocxParts(_load(path, data, xml_parts))


def word_package(path: str | Path, data: bytes, *, limits: SafeLimits = SAFE_LIMITS) -> bytes:
    """The ``.docx`` ``data`` (the file at ``path``) as the project reads and writes it:
    ``data`` itself, or, for a document saved as Strict Open XML, the same document in
    the transitional form (`drafting.ooxml.strict`). The file's signature and, for a
    strict one, its zip directory are checked as `open_docx` checks them."""
    return _transitional(Path(path), data, limits)


def _transitional(path: Path, data: bytes, limits: SafeLimits) -> bytes:
    _check_signature(path, data)
    with _open_zip(path, data) as package:
        if not strict.is_strict(package):
            return data
        check_directory(path, package.infolist(), limits)
        return strict.transitional(path, package, Budget(path, limits.max_total_bytes,
                                                                limits.max_xml_tags))


def _check_package(path: Path, package: zipfile.ZipFile, limits: SafeLimits,
                   ) -> dict[str, bytes]:
    """Every check made on the zip; the XML parts' bytes, by name, in the zip's order
    (``[Content_Types].xml`` first)."""
    check_directory(path, package.infolist(), limits)
    unpacked = _xml_parts(path, package, limits)
    main = _check_main_part(path, package, unpacked)
    check_relationships(path, package, main, unpacked,
                        _content_types(path, package, unpacked).of)
    return unpacked


def _read_file(path: Path, limits: SafeLimits) -> bytes:
    data = read_given(path, limits.max_file_bytes, kind="a .docx file",
                      limit_said="a draft may take; remove large images and save it again")
    if not data:
        raise ReaderError(f"{path}: the file is empty; {SAVE_AGAIN} and try again")
    return data


def _check_signature(path: Path, data: bytes) -> None:
    if data.startswith(_OLE_SIGNATURE):
        if _ENCRYPTED_STREAM in data:
            raise ReaderError(
                f"{path}: is password-protected (encrypted), so it cannot be read; open it "
                "in Word, remove the password (File > Info > Protect Document) and save it "
                "as .docx again"
            )
        if _WORD_97_STREAM in data:
            raise ReaderError(
                f"{path}: is an old Word 97-2003 .doc file, not a .docx; {SAVE_AGAIN}"
            )
        raise ReaderError(
            f"{path}: password-protected or old .doc format: save it as .docx without a password"
        )
    if not data.startswith(b"PK"):
        kind = next(
            (name for magic, name in _OTHER_FORMATS.items() if data.startswith(magic)),
            None) or _text_format(data) or "not a zip package"
        raise ReaderError(f"{path}: not a Word .docx file ({kind}); {SAVE_AGAIN}")


_TEXT_FORMATS = (
    (lazy_compile(rb"<pkg:package\b"), "a Word XML document (flat OPC)"),
    (lazy_compile(rb"mso-application\s+progid=.Word\.Document", re.IGNORECASE),
     "a Word 2003 XML document"),
    (lazy_compile(rb"^MIME-Version:", re.IGNORECASE | re.MULTILINE), "a web page saved as one "
     "file (.mht)"),
    (lazy_compile(rb"<html\b|<!doctype\s+html", re.IGNORECASE), "a web page (HTML)"),
)
"""Files that Word saves or opens under other names, told by their first bytes."""


def _text_format(data: bytes) -> str | None:
    """What a file of text given as a .docx is (`_TEXT_FORMATS`), from its first 2 KB."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return next((name for pattern, name in _TEXT_FORMATS if pattern.search(head)), None)


def _open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError,
            NotImplementedError) as error:  # "zip file version 6.4": a damaged directory
        raise ReaderError(
            f"{path}: not a Word .docx file, or a damaged one (the zip cannot be read: "
            f"{error}); {SAVE_AGAIN}"
        ) from error


def _xml_parts(path: Path, package: zipfile.ZipFile, limits: SafeLimits) -> dict[str, bytes]:
    """Scan every XML part for a DTD or an entity, counting the bytes unpacked;
    return the XML parts' bytes by name."""
    budget = Budget(path, limits.max_total_bytes, limits.max_xml_tags)
    unpacked: dict[str, bytes] = {}
    if _CONTENT_TYPES in package.NameToInfo:
        unpacked[_CONTENT_TYPES] = scan(path, package, package.getinfo(_CONTENT_TYPES),
                                         budget)
        types = _content_types(path, package, unpacked)
    else:
        types = _PartTypes({}, {})
    names = [
        info.filename
        for info in package.infolist()
        if info.filename != _CONTENT_TYPES and types.is_xml(info.filename)
    ]
    _check_secondary(path, [package.getinfo(name) for name in names], types, limits)
    for name in names:
        info = package.getinfo(name)
        if info.file_size > limits.max_xml_part_bytes:
            raise LimitError(
                f"{path}: part {name} unpacks to {info.file_size / _MB:.1f} MB, more than the "
                f"{limits.max_xml_part_bytes / _MB:.1f} MB one part of a Word document may hold "
                "(see \"Input limits\" in the README); the file is refused: split the "
                "document into several files"
            )
        unpacked[name] = scan(path, package, info, budget)
    return unpacked


_OWN_ONCE = PARSED_TYPES - {CT.WML_HEADER, CT.WML_FOOTER}
"""What a document has one of, of the parts parsed whole (main part, styles ...)."""


def _check_secondary(path: Path, infos: list[zipfile.ZipInfo], types: _PartTypes,
                     limits: SafeLimits) -> None:
    """Refuse, from the zip directory (`scan` holds parts to it), a package whose parts
    parsed whole besides the document's own (every header and footer; of each kind in
    `_OWN_ONCE`, all but the largest) pass ``limits.max_secondary_xml_bytes`` together."""
    by_kind: dict[str, list[zipfile.ZipInfo]] = {}
    for info in infos:
        if (kind := types.of(info.filename)) in PARSED_TYPES:
            by_kind.setdefault(kind, []).append(info)
    secondary = []
    for kind, found in by_kind.items():
        found.sort(key=lambda info: info.file_size, reverse=True)
        secondary += found[1:] if kind in _OWN_ONCE else found
    total = sum(info.file_size for info in secondary)
    if total <= limits.max_secondary_xml_bytes:
        return
    largest = max(secondary, key=lambda info: info.file_size)
    which = (f"{len(secondary)} parts, the largest {largest.filename} of "
             f"{largest.file_size / _MB:.1f} MB" if len(secondary) > 1
             else f"part {largest.filename}")
    raise LimitError(
        f"{path}: its headers, footers and other parts read whole besides the document's "
        f"own unpack to {total / _MB:.1f} MB together ({which}), more than the "
        f"{limits.max_secondary_xml_bytes / _MB:.1f} MB a Word document may hold in them "
        "(see \"Input limits\" in the README; a header is a few KB); the file is refused: "
        "empty its headers and footers in Word and save it again"
    )


@dataclass(frozen=True, slots=True)
class _PartTypes:
    """Content types from ``[Content_Types].xml``: by extension and by part name, both
    in lower case (a package's names compare without regard to case, as python-docx
    compares them)."""

    defaults: dict[str, str]
    overrides: dict[str, str]

    def is_xml(self, name: str) -> bool:
        """Whether python-docx may parse the part as XML: by its name or its type."""
        if name.lower().endswith((".xml", ".rels")):
            return True
        kind = self.of(name)
        return bool(kind) and kind.split(";")[0].strip().endswith("xml")

    def of(self, name: str) -> str:
        """The content type of part ``name``: by its name, else its extension; or ""."""
        lower = name.lower()
        return (self.overrides.get(f"/{lower}")
                or self.defaults.get(PurePosixPath(lower).suffix) or "")


def _content_types(path: Path, package: zipfile.ZipFile, unpacked: dict[str, bytes],
                   ) -> _PartTypes:
    if _CONTENT_TYPES not in package.NameToInfo:  # python-docx would fail on a KeyError
        raise ReaderError(
            f"{path}: the package has no part {_CONTENT_TYPES}, which every Word document "
            f"holds (it says what each part is); the file is damaged or was not written "
            f"by Word: {SAVE_AGAIN}"
        )
    root = parse_part(path, package, _CONTENT_TYPES, unpacked)
    defaults = {
        "." + item.get("Extension", "").lower(): item.get("ContentType", "")
        for item in root.iter(f"{_CT_NS}Default")
    }
    overrides = {  # part names compare without regard to case (OPC, ECMA-376 part 2)
        item.get("PartName", "").lower(): item.get("ContentType", "")
        for item in root.iter(f"{_CT_NS}Override")
    }
    return _PartTypes(defaults, overrides)


def _check_main_part(path: Path, package: zipfile.ZipFile, unpacked: dict[str, bytes]) -> str:
    """The name of the main document part: ``word/document.xml``, or whatever part the
    package relationships name (documents written by some tools)."""
    if MAIN_PART in package.NameToInfo:
        return MAIN_PART
    target = ""
    if "_rels/.rels" in package.NameToInfo:
        root = parse_part(path, package, "_rels/.rels", unpacked)
        target = next(
            (
                rel.get("Target", "").lstrip("/")
                for rel in root.iter(f"{_RELS_NS}Relationship")
                if rel.get("Type", "").endswith(_OFFICE_DOCUMENT)
            ),
            "",
        )
    if not target or target not in package.NameToInfo:
        if _is_opendocument(package):
            raise ReaderError(
                f"{path}: an OpenDocument file (as LibreOffice saves it) with a Word name, "
                "not a Word document: save it in Word's format, File > Save As, Word 2007-365")
        raise ReaderError(
            f"{path}: a zip file without {MAIN_PART}, so not a Word document "
            f"(perhaps an Excel or PowerPoint file); {SAVE_AGAIN}"
        )
    return target


def _is_opendocument(package: zipfile.ZipFile) -> bool:
    """Whether ``package`` is an OpenDocument file: its first part, ``mimetype``, names an
    OpenDocument type (read up to its first bytes only)."""
    info = package.NameToInfo.get("mimetype")
    if info is None or info.file_size > 200:
        return False
    try:
        with package.open(info) as stream:
            return stream.read(201).startswith(b"application/vnd.oasis.opendocument")
    except UNPACK_ERRORS:
        return False


def _load(path: Path, data: bytes, xml_parts: list[str]) -> docx.document.Document:
    try:
        document = docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as error:
        raise _locate_malformed(path, data, xml_parts, error) from error
    except Exception as error:
        # python-docx raises many types (KeyError, ValueError, its own OpcError ...)
        # on a broken package; at this boundary each means "cannot read this file".
        raise ReaderError(f"{path}: python-docx cannot open this package ({unopened(error)}); "
                          f"{SAVE_AGAIN}") from error
    root = document.element
    if root.tag != _DOCUMENT or root.find(_BODY) is None:
        found = etree.QName(root).localname if isinstance(root.tag, str) else "?"
        raise ReaderError(
            f"{path}: the main part holds a <{found}> where a Word document has "
            f"<w:document> with a <w:body>; the file is damaged: {SAVE_AGAIN}"
        )
    return document


def _locate_malformed(
    path: Path, data: bytes, xml_parts: list[str], error: etree.XMLSyntaxError
) -> ReaderError:
    """The malformed part python-docx met (it does not say which): the first XML
    part that does not parse, or the whole error when none is found."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in xml_parts:
            try:
                parse_part(path, package, name)
            except ReaderError as part_error:
                return part_error
    return malformed(path, "?", error)
