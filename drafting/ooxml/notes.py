"""Footnotes: the ``w:footnote`` elements of a document's footnotes part, and the number
each one is shown with.

Word numbers footnotes in the order the body cites them (``w:footnoteReference``); the
separators Word keeps in the same part (``w:type="separator"``, ...) are not notes.
A footnote is cited in our texts by the marker ``[^N]`` (`drafting.brackets.NOTE_MARKER`).

A footnote with a mark of its own (``w:customMarkFollows``: the "*" a UN document puts
after its agenda item, typed in the run after the reference) takes no number, in Word
or here: it is no footnote of the draft, its mark stays text, and the footnotes after it
keep the numbers Word shows.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.ooxml.body import Survey, has_format_changes, has_revisions, survey
from drafting.ooxml.parts import part_root as part_root  # where it was before
from drafting.ooxml.parts import unreached, word_parts
from drafting.ooxml.run_styles import RunStyles, run_styles

REFERENCE = qn("w:footnoteReference")
"""The run child that cites a footnote."""
_NOTE = qn("w:footnote")
_ID = qn("w:id")
_CUSTOM_MARK = qn("w:customMarkFollows")
_ON = frozenset({"1", "true", "on"})


class Footnotes:
    """A document's footnotes by id, numbered in the order they are first cited.

    ``document``: a python-docx ``Document`` or its parts (`drafting.ooxml.parts`)."""

    def __init__(self, document: Any) -> None:
        parts = word_parts(document)
        self.styles: RunStyles | None = run_styles(parts.styles)
        """The document's styles where they hide or strike words (`run_styles`): what
        `drafting.ooxml.visible` reads of its paragraphs goes by them too."""
        self.root = root = parts.footnotes
        self.part = parts.footnotes_part if root is not None else None
        self.elements: dict[str, etree._Element] = {}
        for note in root.iterchildren(_NOTE) if root is not None else ():
            if note.get(qn("w:type")) in (None, "normal"):
                self.elements[note.get(_ID, "")] = note
        self.numbers: dict[str, int] = {}
        self.own_marks: dict[str, etree._Element] = {}
        """The footnotes cited with a mark of their own, by id."""

    def cite(self, reference: etree._Element) -> int | None:
        """The number of the footnote a ``w:footnoteReference`` cites (the next number the
        first time it is cited), or None when the document has no such footnote or it has
        a mark of its own."""
        note_id = reference.get(_ID, "")
        if note_id not in self.elements:
            return None
        if reference.get(_CUSTOM_MARK) in _ON:
            self.own_marks[note_id] = self.elements[note_id]
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
        if self.root is not None and self.part is not None and \
                getattr(self.part, "element", None) is None:
            self.part._blob = etree.tostring(self.root, xml_declaration=True,
                                             encoding="UTF-8", standalone=True)


def unread_notes(document: Any) -> tuple[int, str] | None:
    """How many footnotes the text of ``document`` cites while the file has no footnotes
    part its text is related to (a damaged package), and why (`unreached`); None when
    it cites none, or has the part."""
    parts = word_parts(document)
    if parts.footnotes is not None:
        return None
    cited = {reference.get(_ID) for reference in parts.body.iter(REFERENCE)}
    return (len(cited), unreached(parts, "footnotes")) if cited else None


def survey_with_footnotes(document: Any) -> Survey:
    """`drafting.ooxml.body.survey` of the body of ``document`` (python-docx's
    ``Document``, or its parts), with the revision marks and tracked formatting changes
    of its footnotes counted too: a copy whose only tracked change is in a footnote is a
    tracked copy. Paragraphs and embedded objects are the body's."""
    parts = word_parts(document)
    found, root = survey(parts.body), parts.footnotes
    if root is None or (found.revisions and found.format_changes):
        return found
    return replace(found, revisions=found.revisions or has_revisions(root),
                   format_changes=found.format_changes or has_format_changes(root))
