"""The mark `drafting merge` leaves on the merged draft it writes: the custom property
`MERGED_DRAFT` (``docProps/custom.xml``) naming the document and revision it is the
merged draft of. Word and LibreOffice keep custom properties through Accept All and
Save, so a delegation's clean copy of the merged draft still says what it is: words
there that are another delegation's pending proposal were accepted in it, not proposed
by the sender (`drafting.readers.copy_answers.accepted`); in a copy of the text, with no
such mark, the same words are the sender's own proposal too."""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Callable
from functools import partial

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from drafting.ooxml.properties import MERGED_DRAFT, merged_draft_of, with_custom_text
from drafting.writers.word_package import Extra, source_package

_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS, _TYPES, _PART = "_rels/.rels", "[Content_Types].xml", "docProps/custom.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def marked(package: bytes, value: str) -> bytes:
    """The Word ``package`` with `MERGED_DRAFT` holding ``value``."""
    return source_package(package, {}, set(), partial(mark_parts, value=value))


def stamp(symbol: str, revision: str) -> Extra:
    """The last step of writing a package (`drafting.writers.word_package.Extra`) that
    marks it as the merged draft of ``symbol``'s ``revision``."""
    return partial(mark_parts, value=merged_draft_of(symbol, revision))


def mark_parts(read: Callable[[str], bytes | None], value: str) -> dict[str, bytes]:
    """The parts that make `MERGED_DRAFT` hold ``value`` in the package whose parts
    ``read`` gives by member name: the custom properties part the package relates to, or
    a new one, with the package's relationships and content types that name it."""
    rels = etree.fromstring(read(_RELS), _PARSER)
    name = _custom_part(rels)
    new = {} if name is not None else {_RELS: _related(rels)}
    name = name or _PART
    own = read(name)
    if own is None or new:  # a new part, or newly related: its content type
        new[_TYPES] = _typed(etree.fromstring(read(_TYPES), _PARSER), name)
    new[name] = with_custom_text(own, MERGED_DRAFT, value)
    return new


def _custom_part(rels: etree._Element) -> str | None:
    """The member name of the custom properties part the package relates to, if any."""
    for rel in rels.iterchildren(f"{_RELS_NS}Relationship"):
        if rel.get("Type") == RT.CUSTOM_PROPERTIES and rel.get("TargetMode") != "External":
            return posixpath.normpath(posixpath.join("/", rel.get("Target", "")))[1:]
    return None


def _related(rels: etree._Element) -> bytes:
    """The package's relationships with one more, to the new custom properties part."""
    ids = {rel.get("Id") for rel in rels.iterchildren(f"{_RELS_NS}Relationship")}
    free = next(f"rId{n}" for n in itertools.count(len(ids) + 1) if f"rId{n}" not in ids)
    etree.SubElement(rels, f"{_RELS_NS}Relationship", Id=free, Type=RT.CUSTOM_PROPERTIES,
                     Target=_PART)
    return _xml(rels)


def _typed(types: etree._Element, name: str) -> bytes:
    """The content types with that of the new custom properties part ``name``."""
    for override in list(types.iterchildren(f"{_CT_NS}Override")):
        if override.get("PartName", "").lower() == f"/{name}".lower():
            types.remove(override)
    etree.SubElement(types, f"{_CT_NS}Override", PartName=f"/{name}",
                     ContentType=CT.OFC_CUSTOM_PROPERTIES)
    return _xml(types)


def _xml(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
