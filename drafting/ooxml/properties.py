"""The document properties a Word field shows (``DOCPROPERTY Symbol1``, ``TITLE``,
``SUBJECT``): the custom properties (``docProps/custom.xml``) and the core title, subject
and keywords (``docProps/core.xml``), rewritten value by value.

A field shows its property's value as it last read it; Word reads it again when the
field is updated (F9, or on printing), so a value the field's result no longer agrees
with comes back. The custom properties' part is no XML part to python-docx (it keeps its
bytes): it is parsed here, and written back only when a value changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import XmlPart
from lxml import etree

_CORE = frozenset({
    "{http://purl.org/dc/elements/1.1/}title", "{http://purl.org/dc/elements/1.1/}subject",
    "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}keywords",
})
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
_TEXTS = frozenset({f"{_VT}lpwstr", f"{_VT}lpstr", f"{_VT}bstr"})
"""The kinds of value a custom property holds text in (not numbers, dates, vectors)."""
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def rewrite_properties(document: Any, rewrite: Callable[[str], str]) -> set[str]:
    """Give each custom property's text value, and the core title, subject and keywords
    of the python-docx ``document``, as ``rewrite`` gives it; the names of the parts
    changed ("/docProps/custom.xml"). A document without such a part, or whose values
    ``rewrite`` leaves as they are, changes nothing (none is made)."""
    changed: set[str] = set()
    for part in document.part.package.iter_parts():
        if part.content_type == CT.OPC_CORE_PROPERTIES and isinstance(part, XmlPart):
            if _rewritten([e for e in part.element if e.tag in _CORE], rewrite):
                changed.add(str(part.partname))
        elif part.content_type == CT.OFC_CUSTOM_PROPERTIES and not isinstance(part, XmlPart):
            try:
                root = etree.fromstring(part.blob, _PARSER)
            except etree.XMLSyntaxError:  # not read by python-docx either: left as it is
                continue
            values = [value for prop in root.iter(_CUSTOM) for value in prop
                      if value.tag in _TEXTS]
            if _rewritten(values, rewrite):
                part._blob = _prolog(part.blob) + etree.tostring(root, encoding="UTF-8")
                changed.add(str(part.partname))
    return changed


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
