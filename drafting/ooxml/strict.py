"""Word documents saved as "Strict Open XML Document": read as the same document in the
transitional form Word saves by default.

ISO/IEC 29500 defines two forms of a ``.docx``. Word writes the transitional one unless
told otherwise; *Save As > Strict Open XML Document* writes the strict one, which holds
the same elements under other names: every namespace and relationship type
``http://schemas.openxmlformats.org/<area>/2006/<name>`` is
``http://purl.oclc.org/ooxml/<area>/<name>`` (and ``extended-properties`` and
``custom-properties`` are written ``extendedProperties`` and ``customProperties``), and
the main part says ``w:conformance="strict"``. The packaging itself (content types,
relationships, core properties) is the same in both.

`transitional` renames a strict package's names, part by part, to their transitional
ones; the text, the markup and every part's place stay as they were. Word and
LibreOffice open the result as the same document. Values the strict form writes
differently (``w:jc="start"``, ``w:ind w:start``, on/off as ``true``/``false``) are
transitional values too and are left as they are.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from drafting.lazy_re import lazy_compile
from drafting.ooxml.unpack import UNPACK_ERRORS, Budget, damaged, scan

_STRICT_MAIN = b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"
"""The package relationship to the main part, in the strict form."""
_PACKAGE_RELS = "_rels/.rels"
_RELS_MAX = 1024 * 1024
"""More than the package relationships of any document: a bigger part is not looked at
here (the package checks refuse it or read it as it is)."""
_STRICT_NAME = lazy_compile(rb"http://purl\.oclc\.org/ooxml/([A-Za-z]+)/([A-Za-z0-9/]+)")
_RENAMED = {b"extendedProperties": b"extended-properties",
            b"customProperties": b"custom-properties"}
"""The two names the strict form spells otherwise, wherever they stand in a name."""
_CONFORMANCE = lazy_compile(rb"""\s[A-Za-z_][\w.-]*:conformance\s*=\s*["']strict["']""")
_XML_NAMES = (".xml", ".rels", ".vml")
_CHUNK = 1024 * 1024


def is_strict(package: zipfile.ZipFile) -> bool:
    """Whether ``package`` is a Word document in the strict form: its package
    relationships name the main part with the strict relationship type."""
    info = package.NameToInfo.get(_PACKAGE_RELS)
    if info is None or info.file_size > _RELS_MAX:
        return False
    try:
        with package.open(info) as stream:
            return _STRICT_MAIN in stream.read(_RELS_MAX + 1)
    except UNPACK_ERRORS:
        return False  # the package checks say what is damaged


def transitional(path: Path, package: zipfile.ZipFile, budget: Budget) -> bytes:
    """The strict ``package`` (the file at ``path``) as a transitional package: the same
    parts in the same order, the names in its XML parts renamed. Unpacking spends
    ``budget``; an XML part with a document type or an entity declaration is refused
    (ReaderError), as the package checks refuse it."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as converted:
        for info in package.infolist():
            if info.is_dir():
                converted.writestr(info, b"")
            elif info.filename.lower().endswith(_XML_NAMES):
                converted.writestr(info.filename, renamed(scan(path, package, info, budget)))
            else:
                converted.writestr(info.filename, _bytes(path, package, info, budget))
    return out.getvalue()


def renamed(xml: bytes) -> bytes:
    """The XML part ``xml`` with its strict names written as transitional ones (UTF-8, as
    Word writes every part; a part in another encoding is left as it is)."""
    if b"purl.oclc.org" not in xml:
        return xml
    xml = _STRICT_NAME.sub(_transitional_name, xml)
    return _CONFORMANCE.sub(b"", xml)


def _transitional_name(found: re.Match[bytes]) -> bytes:
    area, rest = found[1], found[2]
    for strict_name, name in _RENAMED.items():
        rest = re.sub(rb"\b" + strict_name + rb"\b", name, rest)
    return b"http://schemas.openxmlformats.org/" + area + b"/2006/" + rest


def _bytes(path: Path, package: zipfile.ZipFile, info: zipfile.ZipInfo,
           budget: Budget) -> bytes:
    """A part that is not XML (an image), unpacked in chunks against ``budget``."""
    chunks = []
    try:
        with package.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                budget.spend(len(chunk))
                chunks.append(chunk)
    except UNPACK_ERRORS as error:
        raise damaged(path, info.filename, error) from error
    return b"".join(chunks)
