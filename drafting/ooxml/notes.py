"""Footnotes: the ``w:footnote`` elements of a document's footnotes part, and the number
each one is shown with.

Word numbers footnotes in the order the body cites them (``w:footnoteReference``); the
separators Word keeps in the same part (``w:type="separator"``, ...) are not notes.
A footnote is cited in our texts by the marker ``[^N]`` (`drafting.brackets.NOTE_MARKER`).
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from drafting.errors import ReaderError

REFERENCE = qn("w:footnoteReference")
"""The run child that cites a footnote."""
_NOTE = qn("w:footnote")
_ID = qn("w:id")


class Footnotes:
    """A document's footnotes by id, numbered in the order they are first cited."""

    def __init__(self, document: Any) -> None:
        self.part, root = _part(document)
        self.root = root
        self.elements: dict[str, etree._Element] = {}
        for note in root.iterchildren(_NOTE) if root is not None else ():
            if note.get(qn("w:type")) in (None, "normal"):
                self.elements[note.get(_ID, "")] = note
        self.numbers: dict[str, int] = {}

    def cite(self, reference: etree._Element) -> int | None:
        """The number of the footnote a ``w:footnoteReference`` cites (the next number the
        first time it is cited), or None when the document has no such footnote."""
        note_id = reference.get(_ID, "")
        if note_id not in self.elements:
            return None
        return self.numbers.setdefault(note_id, len(self.numbers) + 1)

    def paragraphs(self, number: int) -> list[etree._Element]:
        """The ``w:p`` elements of footnote ``number`` ([] if none has it)."""
        for note_id, n in self.numbers.items():
            if n == number:
                return list(self.elements[note_id].iter(qn("w:p")))
        return []


    def save(self) -> None:
        """Put the footnotes, as changed in place, back into the package's part (which
        python-docx holds as bytes)."""
        if self.root is not None and getattr(self.part, "element", None) is None:
            self.part._blob = etree.tostring(self.root, xml_declaration=True,
                                             encoding="UTF-8", standalone=True)


def _part(document: Any) -> tuple[Any, etree._Element | None]:
    try:
        part = document.part.part_related_by(RT.FOOTNOTES)
    except (KeyError, AttributeError):
        return None, None
    return part, part_root(part, "footnotes")


def part_root(part: Any, name: str) -> etree._Element:
    """The root element of a package ``part``: python-docx's own when it parsed the part,
    else parsed here from its bytes (no entities, no network). ReaderError naming the
    part (``name``) when it is not XML."""
    element = getattr(part, "element", None)
    if element is not None:
        return element
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError as error:
        raise ReaderError(f"the {name} part is not readable XML: {error}") from error
