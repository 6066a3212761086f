"""Empty paragraphs that lay a draft's paragraphs apart ("spacers").

Many secretariats, and every Google Docs export, separate paragraphs with one empty
Word paragraph rather than with paragraph spacing. A revision (and the merged draft's
Accept All) keeps that layout regular:

- a paragraph deleted takes one spacer with it (the one after it; the one before it
  where it is the last of its stretch of paragraphs), and the spacers between its own
  Word paragraphs (its items): never two blank lines where one stood;
- a new paragraph comes with one spacer, in the form of the spacer beside the
  paragraph it follows.

A spacer is exactly one empty Word paragraph (no text, number, section or page break,
border or tracked change) standing between two Word paragraphs of the draft, read from
the document around each change. An empty paragraph elsewhere (after the front matter,
at the end of the body, two in a row before a heading) is never taken, and a document
laid out without spacers is left as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.sections import section_break
from drafting.readers.paragraph_tables import paragraph_row
from drafting.readers.source_places import SourcePlace
from drafting.writers.list_items import blank
from drafting.writers.source_edits import in_body

_P, _PPR, _R, _RPR = qn("w:p"), qn("w:pPr"), qn("w:r"), qn("w:rPr")
_MARKUP = frozenset(qn(f"w:{tag}") for tag in (
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd",
    "commentRangeStart", "commentRangeEnd"))
"""What stands between blocks or in a paragraph without showing anything."""
_NOT_BLANK = frozenset(qn(f"w:{tag}") for tag in (
    "sectPr", "numPr", "pageBreakBefore", "pBdr", "shd", "framePr", "pPrChange"))
"""Paragraph properties that show something on an empty paragraph, or end a section."""
_MARKED = (qn("w:ins"), qn("w:del"))


def is_blank(paragraph: Any) -> bool:
    """Whether the ``w:p`` ``paragraph`` shows nothing: no text, tab, break, picture or
    field, no number, border, shading, section or page break, no tracked mark."""
    if paragraph is None or paragraph.tag != _P:
        return False
    for child in paragraph:
        if child.tag == _PPR:
            marks = child.find(_RPR)
            shown = [*child, *(marks if marks is not None else ())]
            if any(c.tag in _NOT_BLANK or c.tag in _MARKED for c in shown):
                return False
        elif child.tag == _R:
            if any(c.tag != _RPR for c in child):
                return False
        elif child.tag not in _MARKUP:
            return False
    return True


def next_block(element: Any) -> Any:
    """The block (paragraph, table, content control) after ``element``, or None."""
    return next((e for e in element.itersiblings() if e.tag not in _MARKUP), None)


def previous_block(element: Any) -> Any:
    """The block before ``element``, or None."""
    return next((e for e in element.itersiblings(preceding=True) if e.tag not in _MARKUP),
                None)


class Spacers:
    """The spacers around the draft's paragraphs in a Word document, read before any
    change: ``paragraphs`` holds each paragraph's Word paragraphs in the main text, in
    order (empty for one the main text does not hold as plain paragraphs: a table's
    row, a footnote; so too for one holding a section break, whose mark moves)."""

    def __init__(self, paragraphs: Sequence[Sequence[Any]]) -> None:
        self.paragraphs = [list(elements) for elements in paragraphs]
        self.owner = {e: index for index, elements in enumerate(self.paragraphs)
                      for e in elements}
        self.models: dict[Any, Any] = {}  # a new paragraph -> the spacer it came with
        self.used: set[Any] = set()  # the spacers taken by an item (`beside`)
        self.after = {e: after for e in self.owner if is_blank(after := next_block(e))
                      and next_block(after) in self.owner}
        self.before = {e: before for e in self.owner
                       if is_blank(before := previous_block(e))
                       and previous_block(before) in self.owner}
        self.touching = {e for e in self.owner if next_block(e) in self.owner}
        """The Word paragraphs a paragraph of the draft follows with no spacer between."""
        self.touched = {e for e in self.owner if previous_block(e) in self.owner}

    def spacer_after(self, element: Any) -> Any:
        """The spacer that stood right after the Word paragraph ``element``, or None."""
        return self.after.get(element)

    def spacer_before(self, element: Any) -> Any:
        """The spacer that stood right before the Word paragraph ``element``, or None."""
        return self.before.get(element)

    def taken(self, deleted: Sequence[bool]) -> dict[int, list[Any]]:
        """The spacers each deleted paragraph takes with it (``deleted``: for each
        paragraph, in order, whether it goes), by its index: those between its own Word
        paragraphs; the one after it where the paragraph after goes too; and, at the end
        of a stretch of deleted paragraphs, one of the two around the stretch: the one
        after it, else the one before it, provided the other side is not a paragraph of
        the draft without a spacer between (there the document is not spaced)."""
        taken: dict[int, list[Any]] = {}
        start: int | None = None  # the first of the stretch of deleted paragraphs
        for index, elements in enumerate(self.paragraphs):
            if not elements or not deleted[index]:
                start = None
                continue
            start = index if start is None else start
            inside = [self.spacer_after(e) for e in elements[:-1]]
            taken[index] = [s for s in inside if s is not None and next_block(s) in elements]
            last, first = elements[-1], self.paragraphs[start][0]
            after = self.spacer_after(last)
            following = self.owner.get(next_block(after if after is not None else last))
            if following is not None and following == index + 1 and deleted[following] \
                    and self.paragraphs[following]:
                if after is not None:  # within the stretch: it goes
                    taken[index].append(after)
                continue
            before = self.spacer_before(first)
            if after is not None and first not in self.touched:
                taken[index].append(after)
            elif before is not None and last not in self.touching:
                taken[start].append(before)
            start = None
        self.used.update(spacer for spacers in taken.values() for spacer in spacers)
        return {index: spacers for index, spacers in taken.items() if spacers}

    def beside(self, element: Any) -> Any:
        """The spacer a Word paragraph taken out alone (an item of a paragraph) takes with
        it: the one after it, else the one before it, once; None where it has none."""
        for spacer in (self.spacer_after(element), self.spacer_before(element)):
            if spacer is not None and spacer not in self.used:
                self.used.add(spacer)
                return spacer
        return None

    def model(self, element: Any) -> Any:
        """The spacer a new paragraph after the Word paragraph ``element`` comes with a
        copy of: the one beside it (after it, else before its paragraph, where nothing
        of the draft follows it directly), or the one a new paragraph came with; None
        where the document is not spaced there."""
        if element in self.models:
            return self.models[element]
        after = self.spacer_after(element)
        if after is not None:
            return after
        index = self.owner.get(element)
        if index is None or element in self.touching:
            return None
        return self.spacer_before(self.paragraphs[index][0])

    def made(self, paragraph: Any, model: Any) -> Any:
        """A new spacer in the form of ``model``, for the new Word paragraph
        ``paragraph`` (remembered: a new paragraph after it comes with one too)."""
        self.models[paragraph] = model
        return blank(model)  # its form: no bookmark twice

    def space(self, items: Sequence[Any], marks: RevisionMarks,
              stamp: Stamp | None) -> list[Any]:
        """A spacer before each of ``items`` (new Word paragraphs in a row: a paragraph's
        new items) that follows a spaced one, its mark inserted by ``stamp`` (None:
        untracked); the spacers made."""
        made = []
        for item in items:
            before = item.getprevious()
            if before is None or (model := self.model(before)) is None:
                continue
            before.addnext(spacer := self.made(item, model))
            if stamp is not None:
                marks.mark_inserted(spacer, stamp)
            made.append(spacer)
        return made


def body_spacers(places: Sequence[SourcePlace | None]) -> Spacers:
    """The spacers around the draft's paragraphs, from where each stands in its source
    (`source_places`), in order: a paragraph in a note, in a table's row, or holding a
    section break has none."""
    return Spacers([_plain(place) for place in places])


def _plain(place: SourcePlace | None) -> list[Any]:
    elements = place.elements() if place is not None else []
    if any(not in_body(e) or paragraph_row(e) is not None or section_break(e) is not None
           for e in elements):
        return []
    return elements
