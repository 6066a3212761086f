"""Editing a Word file's body and footnotes as XML, for tests that make a document no
word processor here writes on demand (a custom-mark footnote, a footnote a delegation
inserts)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Edit = Callable[[etree._Element, etree._Element, str], None]
"""Changes the body and the footnotes, given an id no footnote has yet."""


def w(tag: str) -> str:
    """A WordprocessingML tag: ``w("p")``."""
    return f"{{{W}}}{tag}"


def paragraph_reading(body: etree._Element, test: Callable[[str], bool]) -> etree._Element:
    """The first ``w:p`` of ``body`` whose text passes ``test``."""
    return next(p for p in body.iter(w("p"))
                if test("".join(t.text or "" for t in p.iter(w("t")))))


def edited(path: Path, target: Path, edit: Edit) -> Path:
    """The Word file ``path`` with ``edit`` made to its body and footnotes, at ``target``
    (which may be ``path``)."""
    with zipfile.ZipFile(path) as package:
        parts = {info.filename: package.read(info) for info in package.infolist()}
    body = etree.fromstring(parts["word/document.xml"])
    notes = etree.fromstring(parts["word/footnotes.xml"])
    edit(body, notes, str(max(int(n.get(w("id"))) for n in notes.iter(w("footnote"))) + 1))
    for name, root in (("word/document.xml", body), ("word/footnotes.xml", notes)):
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return target
