"""A Word package written with only the parts a writer changed taken from python-docx.

The writers that put changes into a document (`drafting.writers.docx_source`,
`drafting.writers.docx_revision`) keep every part they did not change byte for byte as
the document had it, in its order, and take the parts they changed, and the parts they
added, as python-docx writes them. `parts_of` gives those parts name by name, as
python-docx's own save would write them, without zipping and unzipping the whole
package to get them.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
from docx.opc.part import XmlPart
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml.parser import parse_xml

Read = Callable[[], bytes]
"""A part's bytes, made when asked for."""

_CONTENT_TYPES, _DOCUMENT_RELS = CONTENT_TYPES_URI.membername, "word/_rels/document.xml.rels"


def parts_of(document: Any) -> dict[str, Read]:
    """The parts python-docx's ``document.save`` writes, by member name in its order,
    each serialized when read."""
    package = document.part.package
    parts = list(package.iter_parts())
    for part in parts:
        part.before_marshal()
    found: dict[str, Read] = {
        _CONTENT_TYPES: lambda: _ContentTypesItem.from_parts(parts).blob,
        PACKAGE_URI.rels_uri.membername: lambda: package.rels.xml,
    }
    for part in parts:
        found[part.partname.membername] = lambda part=part: part.blob
        if len(part.rels):
            found[part.partname.rels_uri.membername] = lambda part=part: part.rels.xml
    return found


def read_back(document: Any) -> None:
    """Every XML part of ``document`` but its body's as saving it and opening it again
    gives (python-docx writes an empty property as ``<dc:creator></dc:creator>`` and
    reads it back as ``<dc:creator/>``), without saving and opening the body."""
    for part in document.part.package.iter_parts():
        if isinstance(part, XmlPart) and part is not document.part:
            part._element = parse_xml(part.blob)


def package_bytes(source: bytes, saved: bytes, changed: set[str]) -> bytes:
    """The package: the parts ``changed`` (and parts that are new, with the relationships
    and content types that name them) as python-docx wrote them in ``saved``; every other
    part byte for byte as ``source`` has it, in its order."""
    with zipfile.ZipFile(io.BytesIO(saved)) as new:
        return source_package(source, {name: (lambda name=name: new.read(name))
                                       for name in new.namelist()}, changed)


Extra = Callable[[Callable[[str], bytes | None]], dict[str, bytes]]
"""A last step on a package about to be written: given each part's bytes by member name
as they will be written (None for a part it does not hold), the parts to write instead
or to add (the merged draft's mark: `drafting.writers.merged_mark.mark_parts`)."""


def source_package(source: bytes, new: dict[str, Read], changed: set[str],
                   extra: Extra | None = None) -> bytes:
    """`package_bytes` with the new parts given as `parts_of` gives them."""
    with zipfile.ZipFile(io.BytesIO(source)) as old:
        return repackaged([(old.getinfo(name), name, lambda name=name: old.read(name))
                           for name in old.namelist()], new, changed, extra)


def repackaged(old: Iterable[tuple[zipfile.ZipInfo | str, str, Read]], new: dict[str, Read],
               changed: set[str], extra: Extra | None = None) -> bytes:
    """The package of the ``old`` parts (each as ``(zip entry or name, name, read)``, in
    order), the ``changed`` ones and those only ``new`` has taken from ``new``; then
    what ``extra`` gives, in one writing of the package."""
    old = list(old)
    old_names = {name for _, name, _ in old}
    added = [name for name in new if name not in old_names]
    wanted = {name.lstrip("/") for name in changed} | set(added)
    if added:
        wanted |= {_CONTENT_TYPES, _DOCUMENT_RELS}
    parts = {name: new[name] for name in wanted if name in new}
    if extra is not None:
        reads = {name: read for _, name, read in old} | parts

        def current(name: str) -> bytes | None:
            read = reads.get(name)
            return None if read is None else read()

        for name, blob in extra(current).items():
            parts[name] = lambda blob=blob: blob
            if name not in old_names and name not in added:
                added.append(name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for entry, name, read in old:
            package.writestr(entry, parts.get(name, read)())
        for name in added:
            package.writestr(name, parts[name]())
    return out.getvalue()
