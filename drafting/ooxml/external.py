"""What a Word document loads from outside itself when it is opened, and what it shows
that is no text of its own, taken out of the secretariat's document kept at import.

A relationship whose target is outside the package (``TargetMode="External"``) is
fetched by Word as it opens the file when it names a template (``attachedTemplate``), a
picture or object shown by link, a sub-document or a frame: a draft written elsewhere
could make every copy circulated to the delegations call a server of its choosing (and,
by a ``file://`` path, hand it the reader's network login), and converting it to PDF
makes LibreOffice fetch it on the secretariat's machine. None of them holds the text.
Hyperlinks are followed only when clicked: they stay, as everything else does.

An embedded document (``w:altChunk``: HTML or another file that Word converts and shows
in its place) is text the draft does not hold, never read by the import: it goes too.

`without_loaded` removes each such relationship and what refers to it (the template's
element, the link attribute of a picture, a sub-document's or an embedded document's
element, and an embedded document's part), leaving every other part byte for byte as it
was.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterable

from lxml import etree

_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_KEPT_TYPES = ("/hyperlink",)
"""External relationships followed only when the reader asks (a click)."""
_WHOLE = frozenset({f"{{{_W}}}attachedTemplate", f"{{{_W}}}subDoc", f"{{{_W}}}altChunk"})
"""Elements that only stand for their external target: removed with it."""
_EMBEDDED = "/aFChunk"
"""The type of an embedded document's relationship, inside the package or not."""
_WHAT = {"attachedTemplate": "a template", "image": "a picture", "subDocument":
         "a sub-document", "oleObject": "an object", "frame": "a frame",
         "aFChunk": "an embedded document (altChunk)"}
_TYPES = "[Content_Types].xml"


def without_loaded(source: bytes) -> tuple[bytes, list[str]]:
    """``source`` (a .docx package) without what it loads from outside when opened or
    embeds as a document, and each thing removed in words ("a template from
    'http://x/t.dotm', which Word would load ...,"); ``source`` itself when there is
    none."""
    with zipfile.ZipFile(io.BytesIO(source)) as package:
        names = package.namelist()
        rels = {name: package.read(name) for name in names if name.endswith(".rels")}
        found = {name: ids for name, data in rels.items()
                 if (b'"External"' in data or _EMBEDDED.encode() in data)
                 and (ids := _loaded(data))}
        if not found:
            return source, []
        changed: dict[str, bytes] = {}
        removed: list[str] = []
        dropped: set[str] = set()  # embedded documents' own parts
        for name, ids in found.items():
            changed[name] = _without_relationships(rels[name], ids)
            owner = _owner(name)
            if owner in names:
                changed[owner] = _without_references(changed.get(owner) or
                                                     package.read(owner), ids)
            for kind, target, inside in ids.values():
                what = _WHAT.get(kind, f"a linked {kind}")
                removed.append(f"{what} {target!r}, which Word would show as text the draft "
                               "does not hold," if inside else f"{what} from {target!r}, which "
                               "Word would load from outside the file when opening it,")
                if inside:
                    dropped.add(posixpath.normpath(posixpath.join(
                        posixpath.dirname(owner), target)).lstrip("/"))
        if dropped and _TYPES in names:
            changed[_TYPES] = _without_overrides(package.read(_TYPES), dropped)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
            for info in package.infolist():
                if info.filename not in dropped:
                    written.writestr(info, changed.get(info.filename) or package.read(info))
    return out.getvalue(), removed


def _loaded(rels: bytes) -> dict[str, tuple[str, str, bool]]:
    """The relationships of a ``.rels`` part whose targets Word loads from outside, or
    that embed a document: id -> (the kind, as the type's last word; the target; whether
    it is a part of the package)."""
    root = etree.fromstring(rels)
    found = {}
    for relationship in root.iter(f"{{{_RELS}}}Relationship"):
        kind = relationship.get("Type", "")
        external = relationship.get("TargetMode") == "External"
        if (external and not kind.endswith(_KEPT_TYPES)) or kind.endswith(_EMBEDDED):
            found[relationship.get("Id", "")] = (kind.rsplit("/", 1)[-1],
                                                 relationship.get("Target", ""), not external)
    return found


def _without_overrides(types: bytes, parts: set[str]) -> bytes:
    """The content types without the overrides naming ``parts``."""
    root = etree.fromstring(types)
    for override in list(root):
        if (override.get("PartName") or "").lstrip("/") in parts:
            root.remove(override)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_relationships(rels: bytes, ids: Iterable[str]) -> bytes:
    root = etree.fromstring(rels)
    gone = set(ids)
    for relationship in list(root.iter(f"{{{_RELS}}}Relationship")):
        if relationship.get("Id") in gone:
            root.remove(relationship)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _without_references(xml: bytes, ids: Iterable[str]) -> bytes:
    """The part ``xml`` with every attribute naming one of ``ids`` removed, and the
    elements that only stand for such a target (`_WHOLE`)."""
    root = etree.fromstring(xml)
    gone = set(ids)
    for element in list(root.iter()):
        named = [key for key, value in element.attrib.items()
                 if key.startswith(f"{{{_R}}}") and value in gone]
        if not named:
            continue
        if element.tag in _WHOLE and element.getparent() is not None:
            element.getparent().remove(element)
            continue
        for key in named:
            del element.attrib[key]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _owner(rels: str) -> str:
    """The part a ``.rels`` part belongs to: ``word/_rels/settings.xml.rels`` ->
    ``word/settings.xml``."""
    folder, name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), name.removesuffix(".rels"))
