"""Every tracked change in a Word package accepted, as Word's "Accept All Changes" does.

A draft imported with tracked changes still pending is read as if all were accepted
(`drafting.readers.docx_draft`); the document kept for the outputs (`Store.source`) must
then be that same text, or the merged draft and the next revision would carry the
secretariat's old changes as pending again. `accept_all` gives it:

- inserted or moved-in content (``w:ins``, ``w:moveTo``) stays, unwrapped; deleted or
  moved-out content (``w:del``, ``w:moveFrom``) goes, and so do the move ranges;
- a deleted paragraph mark joins its paragraph to the next one, which takes its place
  in the text if the paragraph held nothing else (the import reads the joined paragraph
  with the form of the first that holds text); an inserted mark stays, unmarked;
- a deleted table row goes (its table too, if no row is left), an inserted one stays;
- a formatting change (``w:rPrChange``, ``w:pPrChange``, ...) keeps the new formatting.

Every part is changed this way (headers, footers, footnotes, comments and styles too);
a part with no tracked change is kept byte for byte, and so is a package with none.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

_GONE = frozenset({f"{_W}del", f"{_W}moveFrom"})
_KEPT = frozenset({f"{_W}ins", f"{_W}moveTo"})
_MARKERS_IN = frozenset({f"{_W}rPr", f"{_W}trPr", f"{_W}numPr", f"{_W}tcPr"})
"""Where an ``ins``/``del`` marks the element it sits in (a paragraph mark, a row, a
number) instead of wrapping content."""
_FORMATTING = frozenset(f"{_W}{name}" for name in (
    "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblPrExChange", "trPrChange",
    "tcPrChange", "tblGridChange", "numberingChange", "cellIns", "cellMerge",
))
_DROPPED = _FORMATTING | frozenset(f"{_W}{name}" for name in (
    "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
    "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
    "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
))
TRACKED = _GONE | _KEPT | _FORMATTING | {f"{_W}cellDel"}
"""Every tracked change's element: what Accept All resolves."""
"""What counts as one tracked change (as the import counts them)."""
_BETWEEN = frozenset(f"{_W}{name}" for name in (
    "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "permStart",
    "permEnd", "proofErr",
))
"""Marks that may stand between two paragraphs without being a block of their own."""
_P, _PPR, _RPR, _SECTPR = f"{_W}p", f"{_W}pPr", f"{_W}rPr", f"{_W}sectPr"
_TR, _TBL, _TC = f"{_W}tr", f"{_W}tbl", f"{_W}tc"


def accept_all(package: bytes) -> tuple[bytes, int]:
    """``package`` (a .docx) with every tracked change accepted, and how many there were
    (``package`` itself, and 0, when there is none)."""
    changed: dict[str, bytes] = {}
    total = 0
    with zipfile.ZipFile(io.BytesIO(package)) as read:
        for info in read.infolist():
            if not info.filename.endswith(".xml") or info.filename.endswith(".rels"):
                continue
            data = read.read(info)
            if _W[1:-1].encode() not in data:
                continue
            root = etree.fromstring(data, _PARSER)
            if next(root.iter(*TRACKED, *_DROPPED), None) is not None:
                total += sum(1 for _ in root.iter(*TRACKED))
                _accept(root)
                changed[info.filename] = etree.tostring(
                    root, xml_declaration=True, encoding="UTF-8", standalone=True)
        if not changed:
            return package, 0
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
            for info in read.infolist():
                written.writestr(info, changed.get(info.filename) or read.read(info))
    return out.getvalue(), total


def _accept(root: etree._Element) -> None:
    """Accept every tracked change under ``root``, in place."""
    for row in [marker.getparent().getparent() for marker in root.iter(f"{_W}del")
                if marker.getparent().tag == f"{_W}trPr"]:
        _remove_row(row)
    for cell in [marker.getparent().getparent() for marker in root.iter(f"{_W}cellDel")]:
        _remove(cell)
    marks = [p for p in root.iter(_P) if _mark_gone(p)]
    for element in list(root.iter(*_GONE)):
        if element.getparent() is not None and element.getparent().tag not in _MARKERS_IN:
            _remove(element)
    for element in list(root.iter(*_KEPT)):
        parent = element.getparent()
        if parent is None:
            continue
        if parent.tag in _MARKERS_IN:
            _remove(element)
        else:
            _unwrap(element)
    for element in list(root.iter(*_DROPPED)):
        _remove(element)
    for paragraph in marks:
        if paragraph.getparent() is not None:
            _join_onwards(paragraph)


def _mark_gone(paragraph: etree._Element) -> bool:
    """Whether ``paragraph``'s mark is deleted or moved away."""
    mark = paragraph.find(f"{_PPR}/{_RPR}")
    return mark is not None and any(child.tag in _GONE for child in mark)


def _join_onwards(paragraph: etree._Element) -> None:
    """Join ``paragraph`` (its mark deleted) to the paragraphs after it while the mark
    that ends it is a deleted one."""
    while _mark_gone(paragraph):
        following = paragraph.getnext()
        between = []
        while following is not None and following.tag in _BETWEEN:
            between.append(following)
            following = following.getnext()
        if following is None or following.tag != _P:  # a table or the end: kept apart,
            if _content(paragraph) or paragraph.find(f"{_PPR}/{_SECTPR}") is not None \
                    or len(paragraph.getparent().findall(_P)) == 1:
                _unmark(paragraph)
            else:  # unless nothing is left of it (a container keeps one paragraph)
                _remove(paragraph)
            return
        if not _holds_runs(paragraph) and paragraph.find(f"{_PPR}/{_SECTPR}") is None:
            anchor = _first_content(following)  # the next one takes its place
            for moved in [*_content(paragraph), *between]:
                if anchor is None:
                    following.append(moved)
                else:
                    anchor.addprevious(moved)
            _remove(paragraph)
            paragraph = following
            continue
        for moved in [*between, *_content(following)]:
            paragraph.append(moved)
        _take_mark(paragraph, following)
        _remove(following)


def _take_mark(paragraph: etree._Element, following: etree._Element) -> None:
    """Give ``paragraph`` the mark of ``following`` (joined into it): the mark's own
    formatting (and whether it too is deleted) and the section it ends."""
    properties = paragraph.find(_PPR)
    theirs = following.find(_PPR)
    for tag in (_RPR, _SECTPR):
        mine = properties.find(tag)
        if mine is not None:
            properties.remove(mine)
        if theirs is not None and (kept := theirs.find(tag)) is not None:
            properties.append(kept)  # rPr and sectPr come last in w:pPr, in this order


def _unmark(paragraph: etree._Element) -> None:
    mark = paragraph.find(f"{_PPR}/{_RPR}")
    for child in [child for child in mark if child.tag in _GONE]:
        mark.remove(child)


def _holds_runs(paragraph: etree._Element) -> bool:
    return any(True for _ in paragraph.iter(f"{_W}r"))


def _content(paragraph: etree._Element) -> list[etree._Element]:
    return [child for child in paragraph if child.tag != _PPR]


def _first_content(paragraph: etree._Element) -> etree._Element | None:
    return next(iter(_content(paragraph)), None)


def _remove_row(row: etree._Element) -> None:
    table = row.getparent()
    if table is None:
        return
    table.remove(row)
    if table.tag == _TBL and table.find(_TR) is None:
        cell = table.getparent()
        _remove(table)
        if cell is not None and cell.tag == _TC and cell.find(_P) is None:
            cell.append(etree.Element(_P))  # a cell ends with a paragraph


def _remove(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is not None:
        parent.remove(element)


def _unwrap(element: etree._Element) -> None:
    """Put ``element``'s children in its place."""
    for child in list(element):
        element.addprevious(child)
    _remove(element)
