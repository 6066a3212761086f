"""The document's symbol where the secretariat's Word document shows it: the front matter
(before the first paragraph of the text) and the page headers. A revision issued gives it
its revision plainly ("A/C.2/81/L.7/Rev.1"); the changes between two revisions show that
as a tracked change, so that accepting them all gives the later revision's document."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

from drafting.engine.revise import symbol_pattern
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit, weave
from drafting.readers.source_places import SourcePlace

_REVISION = re.compile(r"Rev\.\d+")
"""A revision label a symbol names ("A/C.2/81/L.7/Rev.2"); "Zero draft" is none."""


def revise_symbol(document: Any, places: list[SourcePlace | None], symbol: str, label: str,
                  marks: RevisionMarks, stamp: Stamp, *, tracked: bool) -> set[str]:
    """Give ``symbol`` the revision ``label`` where it stands in ``document``'s front
    matter and page headers (``places``: where the text's paragraphs stand), as a
    tracked change by ``stamp`` or plainly; the names of the header parts changed. A
    label that is not a revision ("Zero draft") changes nothing."""
    if not _REVISION.fullmatch(label):
        return set()
    pattern = symbol_pattern(symbol)
    first = next((p.paragraphs[0].element for p in places if p is not None and p.paragraphs),
                 None)
    front = []
    for element in document.element.body.iter(qn("w:p")):
        if element is first:
            break
        front.append(element)
    headers = [header for section in document.sections
               for header in (section.header, section.first_page_header,
                              section.even_page_header)
               if not header.is_linked_to_previous]
    changed: set[str] = set()
    for element, part in [*((e, None) for e in front),
                          *((p._p, h.part) for h in headers for p in h.paragraphs)]:
        text = visible(element).text
        edits = [edit for m in pattern.finditer(text) if m["old"] != f"/{label}"
                 for edit in _edits(m.end() - len(m["old"] or ""), m.end(), f"/{label}",
                                    stamp, tracked)]
        if edits:
            weave(lambda element=element: visible(element).atoms, edits, marks)
            if part is not None:
                changed.add(str(part.partname))
    return changed


def _edits(start: int, end: int, text: str, stamp: Stamp, tracked: bool) -> list[Edit]:
    """Characters ``start:end`` become ``text``: tracked, the old revision shown deleted
    before the new one ("/Rev.1" struck, then "/Rev.2"), as Word shows a replacement."""
    if not tracked:
        return [Edit(start, end, stamp, text, tracked=False)]
    return [*([Edit(start, end, stamp)] if end > start else []), Edit(end, end, stamp, text)]
