"""The document's symbol where the secretariat's Word document shows it: the front matter
(before the first paragraph of the text), every page header and footer, and the document
properties a field may show it from. A reissue's mark after the symbol goes, and the
front matter's line of its note ("* Reissued for technical reasons ..."): a revision is
a new document. A revision issued gives it its revision plainly
("A/C.2/81/L.7/Rev.1", WHO's "A77/4 Rev.1": `drafting.engine.revision_symbols`); the
changes between two revisions show that as a tracked change, so that accepting them all
gives the later revision's document.

Every paragraph counts: a header's or footer's own, those in its tables and text boxes
(a VML text box, a DrawingML one, and both of an ``mc:AlternateContent``, its choice and
its fallback alike), as in the front matter. A header or footer part is revised once,
however many sections show it.

The document properties (a custom one as ``Symbol1``, the core title, subject and
keywords) are given the revision in a revision issued only: a field showing one
(``DOCPROPERTY Symbol1``) is updated by Word from it (F9, or on printing), so the
property must name the revision the field's result names. The changes between two
revisions keep the older revision's properties: a property cannot be a tracked change,
and Reject All must give the older revision's document. Accepting them all shows the
later revision's symbol wherever the document shows text; a field updated there reads
the older property again, as the document to issue is the revision's own.
"""

from __future__ import annotations

from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from drafting.engine.revision_symbols import (
    reissue_marks,
    reissue_note,
    revised_symbol,
    revision_places,
)
from drafting.lazy_re import lazy_compile
from drafting.ooxml.properties import rewrite_properties
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit, weave
from drafting.readers.source_places import SourcePlace

_REVISION = lazy_compile(r"Rev\.\d+")
"""A revision label a symbol names ("A/C.2/81/L.7/Rev.2"); "Zero draft" is none."""
_PAGE_PARTS = frozenset({RT.HEADER, RT.FOOTER})
_NEED_A_PARAGRAPH = frozenset({qn("w:tc"), qn("w:txbxContent")})


def revise_symbol(document: Any, places: list[SourcePlace | None], symbol: str, label: str,
                  marks: RevisionMarks, stamp: Stamp, *, tracked: bool) -> set[str]:
    """Give ``symbol`` the revision ``label`` where it stands in ``document``'s front
    matter, page headers and footers (``places``: where the text's paragraphs stand), as
    a tracked change by ``stamp`` or plainly, and, plainly only, in the document
    properties; the names of the parts changed besides the body ("/word/footer1.xml",
    "/docProps/custom.xml"). A label that is not a revision ("Zero draft") changes
    nothing."""
    if not _REVISION.fullmatch(label):
        return set()
    front = _front_matter(document, places)
    reissued = {mark for element in front
                for mark in reissue_marks(visible(element).text, symbol)}
    for element in front:
        if reissue_note(visible(element).text, reissued):
            _drop(element, marks, stamp, tracked)
        else:
            _revise(element, symbol, label, marks, stamp, tracked)
    changed: set[str] = set()
    for part in _page_parts(document):
        revised = [_revise(element, symbol, label, marks, stamp, tracked)
                   for element in list(part.element.iter(qn("w:p")))]
        if any(revised):
            changed.add(str(part.partname))
    if not tracked:
        changed |= rewrite_properties(
            document, lambda value: revised_symbol(value, symbol, label))
    return changed


def _front_matter(document: Any, places: list[SourcePlace | None]) -> list[Any]:
    """The body's ``w:p`` before the text's first paragraph, in order: those of tables,
    frames and text boxes too."""
    first = next((p.paragraphs[0].element for p in places if p is not None and p.paragraphs),
                 None)
    front = []
    for element in document.element.body.iter(qn("w:p")):
        if element is first:
            break
        front.append(element)
    return front


def _page_parts(document: Any) -> list[Any]:
    """The header and footer parts of ``document`` (first page, even and default pages,
    of every section), each once, by name."""
    found = {rel.target_part.partname: rel.target_part
             for rel in document.part.rels.values()
             if rel.reltype in _PAGE_PARTS and not rel.is_external}
    return [found[name] for name in sorted(found)]


def _revise(element: Any, symbol: str, label: str, marks: RevisionMarks, stamp: Stamp,
            tracked: bool) -> bool:
    """Give ``symbol`` in the ``w:p`` ``element`` the revision ``label`` (a joint
    symbol's partners too: `revision_places`); whether the paragraph changed."""
    text = visible(element).text
    edits = [edit for start, end, suffix in revision_places(text, symbol, label)
             for edit in _edits(start, end, suffix, stamp, tracked)]
    if edits:
        weave(lambda: visible(element).atoms, edits, marks)
    return bool(edits)


def _drop(element: Any, marks: RevisionMarks, stamp: Stamp, tracked: bool) -> None:
    """Take the ``w:p`` ``element`` (a reissue's note) out: tracked, its words and its
    mark deleted; plainly, the paragraph removed (emptied where it is the only one of a
    table cell or a text box, which needs one)."""
    if tracked:
        if text := visible(element).text:
            weave(lambda: visible(element).atoms, [Edit(0, len(text), stamp)], marks)
        marks.mark_deleted(element, stamp)
        return
    parent = element.getparent()
    if parent.tag in _NEED_A_PARAGRAPH and len(parent.findall(qn("w:p"))) == 1:
        for child in list(element):
            if child.tag != qn("w:pPr"):
                element.remove(child)
        return
    parent.remove(element)


def _edits(start: int, end: int, text: str, stamp: Stamp, tracked: bool) -> list[Edit]:
    """Characters ``start:end`` become ``text``: tracked, the old revision shown deleted
    before the new one ("/Rev.1" struck, then "/Rev.2"), as Word shows a replacement."""
    if not tracked:
        return [Edit(start, end, stamp, text, tracked=False)]
    return [*([Edit(start, end, stamp)] if end > start else []), Edit(end, end, stamp, text)]
