"""The document properties a Word field shows (``DOCPROPERTY Symbol1``, ``TITLE``,
``SUBJECT``): the custom properties (``docProps/custom.xml``) and the core title, subject
and keywords (``docProps/core.xml``), rewritten value by value; with them the extended
properties that repeat such text (``docProps/app.xml``: the titles of parts, where Word
copies the core title, the manager and the company), so that no property names what
the others no longer do.

A field shows its property's value as it last read it; Word reads it again when the
field is updated (F9, or on printing), so a value the field's result no longer agrees
with comes back. The custom and extended properties' parts are no XML parts to python-docx (it keeps
their bytes): they are parsed here, and written back only when a value changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import XmlPart
from lxml import etree

from drafting.lazy_re import lazy_compile

_CORE = frozenset({
    "{http://purl.org/dc/elements/1.1/}title", "{http://purl.org/dc/elements/1.1/}subject",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
})
_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_CUSTOM, _PROPERTIES = f"{_CUSTOM_NS}property", f"{_CUSTOM_NS}Properties"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_TEXTS = frozenset({f"{_VT}lpwstr", f"{_VT}lpstr", f"{_VT}bstr"})
"""The kinds of value a custom property holds text in (not numbers, dates, vectors)."""
_APP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_APP_TEXTS = frozenset({f"{_APP}Manager", f"{_APP}Company"})
"""The extended properties of text that may repeat the document's own (not ``Template``,
``Application`` ...); with them each text of ``TitlesOfParts``, but not ``HeadingPairs``
(the names of the kinds of part: "Title")."""
_PROLOG = lazy_compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def rewrite_properties(document: Any, rewrite: Callable[[str], str]) -> set[str]:
    """Give each custom property's text value, the core title, subject and keywords, and
    the extended properties' titles of parts, manager and company of the python-docx
    ``document``, as ``rewrite`` gives it; the names of the parts changed
    ("/docProps/custom.xml"). A document without such a part, or whose values
    ``rewrite`` leaves as they are, changes nothing (none is made)."""
    changed: set[str] = set()
    for part in document.part.package.iter_parts():
        if part.content_type == CT.OPC_CORE_PROPERTIES and isinstance(part, XmlPart):
            if _rewritten([e for e in part.element if e.tag in _CORE], rewrite):
                changed.add(str(part.partname))
        elif not isinstance(part, XmlPart) and part.content_type in _KEPT_AS_BYTES and \
                _rewritten_blob(part, _KEPT_AS_BYTES[part.content_type], rewrite):
            changed.add(str(part.partname))
    return changed


def _custom_values(root: etree._Element) -> list[etree._Element]:
    return [value for prop in root.iter(_CUSTOM) for value in prop if value.tag in _TEXTS]


def _extended_values(root: etree._Element) -> list[etree._Element]:
    titles = [value for parts in root.iterchildren(f"{_APP}TitlesOfParts")
              for value in parts.iter(*_TEXTS)]
    return [*titles, *(e for e in root.iterchildren() if e.tag in _APP_TEXTS)]


_KEPT_AS_BYTES = {CT.OFC_CUSTOM_PROPERTIES: _custom_values,
                  CT.OFC_EXTENDED_PROPERTIES: _extended_values}


def _rewritten_blob(part: Any, values: Callable[[etree._Element], list[etree._Element]],
                    rewrite: Callable[[str], str]) -> bool:
    """Whether rewriting the ``values`` of a part python-docx keeps as bytes changed any
    (its bytes then written again); a part that is not XML is left as it is (python-docx
    does not read it either)."""
    try:
        root = etree.fromstring(part.blob, _PARSER)
    except etree.XMLSyntaxError:
        return False
    if not _rewritten(values(root), rewrite):
        return False
    blob = part.blob
    part._blob = _prolog(blob) + etree.tostring(root, encoding="UTF-8") + \
        blob[len(blob.rstrip()):]  # the line break after the root, where there is one
    return True


def _prolog(blob: bytes) -> bytes:
    """What stands before the root element of the XML ``blob``: its declaration as
    written, so that the part changes in its values only; a UTF-8 one if it names another
    encoding."""
    prolog = _PROLOG.match(blob)[0]  # type: ignore[index]  # matches any bytes
    named = re.search(rb"encoding=[\"']([^\"']+)", prolog)
    if named and named[1].lower() not in (b"utf-8", b"utf8"):
        return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    return prolog


def _rewritten(values: list[Any], rewrite: Callable[[str], str]) -> bool:
    """Whether rewriting the text of the elements ``values`` changed any."""
    changed = False
    for value in values:
        if value.text and (new := rewrite(value.text)) != value.text:
            value.text, changed = new, True
    return changed


MERGED_DRAFT = "DraftingMergedDraft"
"""The custom property `drafting merge` stamps the merged draft with: the document and
revision it is the merged draft of (`merged_draft_of`). Word and LibreOffice keep it
through Accept All and Save, so a clean copy still says it was the merged draft's."""
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The property set of a document's custom properties, as Word writes it."""
_CUSTOM_PART = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="'
    b'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="'
    b'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>')


def merged_draft_of(symbol: str, revision: str) -> str:
    """The value of `MERGED_DRAFT` in the merged draft of ``symbol``'s ``revision``."""
    return f"{symbol} {revision}"


def custom_text(blob: bytes | None, name: str) -> str | None:
    """The text of the custom property ``name`` in a custom properties part (``blob``:
    its bytes); None where there is no such part, property or text, or the part is not
    XML."""
    root = _custom_root(blob)
    found = None if root is None else _property(root, name)
    value = None if found is None else next(
        (v for v in found if v.tag in _TEXTS), None)
    return None if value is None else value.text or ""


def with_custom_text(blob: bytes | None, name: str, text: str) -> bytes:
    """A custom properties part (``blob``: its bytes, None for none) with the property
    ``name`` holding ``text``, the others as they were; a part that is not XML gives way
    to one holding only that property."""
    root = _custom_root(blob)
    if blob is None or root is None:
        blob, root = _CUSTOM_PART, etree.fromstring(_CUSTOM_PART, _PARSER)
    if (old := _property(root, name)) is not None:
        root.remove(old)
    pids = [int(p.get("pid", "")) for p in root.iter(_CUSTOM) if p.get("pid", "").isdigit()]
    added = etree.SubElement(root, _CUSTOM, fmtid=_FMTID, pid=str(max(pids, default=1) + 1),
                             name=name)
    etree.SubElement(added, f"{_VT}lpwstr").text = text
    return _prolog(blob) + etree.tostring(root, encoding="UTF-8")


def _custom_root(blob: bytes | None) -> etree._Element | None:
    """The root of a custom properties part, or None for no part or one not XML."""
    try:
        root = None if blob is None else etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        return None
    return root if root is not None and root.tag == _PROPERTIES else None


def _property(root: etree._Element, name: str) -> etree._Element | None:
    return next((p for p in root.iter(_CUSTOM) if p.get("name") == name), None)
