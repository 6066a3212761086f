"""A delegation's answer on the merged draft, made as Word makes it: Accept on the changes
of some delegations, Reject on the others' (`answered`), then its own changes typed with
Track Changes (`tracked_insertion`)."""

from __future__ import annotations

import copy
import zipfile
from collections.abc import Callable, Collection
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

Edit = Callable[[etree._Element], None]
_MARKS = (qn("w:ins"), qn("w:del"))


def answered(merged: Path, path: Path, accepted: Collection[str], *edits: Edit) -> Path:
    """``merged`` saved at ``path`` with the changes of the Word authors ``accepted``
    accepted and every other change rejected, then ``edits`` made to its body."""
    with zipfile.ZipFile(merged) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    body = etree.fromstring(parts["word/document.xml"])
    _answer(body, set(accepted))
    for edit in edits:
        edit(body)
    parts["word/document.xml"] = etree.tostring(body, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def _answer(body: etree._Element, accepted: set[str]) -> None:
    """Accept or reject each change as Word does: a paragraph mark that goes (a deletion
    accepted, an insertion rejected) joins its paragraph to the next, which keeps its own
    properties; deleted words go or come back, inserted words stay or go."""
    for paragraph in list(body.iter(qn("w:p"))):
        marks = paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}")
        mark = None if marks is None else next((m for m in marks if m.tag in _MARKS), None)
        if mark is None:
            continue
        marks.remove(mark)
        following = paragraph.getnext()
        if (mark.tag == qn("w:del")) != (mark.get(qn("w:author")) in accepted) or \
                following is None or following.tag != qn("w:p"):
            continue
        properties = following.find(qn("w:pPr"))
        for child in reversed([c for c in paragraph if c.tag != qn("w:pPr")]):
            if properties is not None:
                properties.addnext(child)
            else:
                following.insert(0, child)
        paragraph.getparent().remove(paragraph)
    for change in [e for e in body.iter(*_MARKS) if e.getparent().tag != qn("w:rPr")]:
        if (change.tag == qn("w:ins")) != (change.get(qn("w:author")) in accepted):
            change.getparent().remove(change)
            continue
        for text in change.iter(qn("w:delText")):
            text.tag = qn("w:t")
        for child in list(change):
            change.addprevious(child)
        change.getparent().remove(change)


def tracked_insertion(after: str, words: str, author: str) -> Edit:
    """An edit: ``words`` inserted with Track Changes by ``author`` right after the first
    ``after`` in a run of unchanged text."""
    def edit(body: etree._Element) -> None:
        text = next(t for t in body.iter(qn("w:t")) if after in (t.text or "")
                    and t.getparent().getparent().tag == qn("w:p"))
        run = text.getparent()
        cut = text.text.index(after) + len(after)
        rest, typed = copy.deepcopy(run), copy.deepcopy(run)
        for part in (rest, typed):
            for child in [c for c in part if c.tag != qn("w:rPr")]:
                part.remove(child)
        etree.SubElement(rest, qn("w:t")).text = text.text[cut:]
        etree.SubElement(typed, qn("w:t")).text = words
        for part in (rest, typed):
            part.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space",
                                     "preserve")
        for later in list(text.itersiblings()):  # a tab, more text: after the words
            rest.append(later)
        text.text = text.text[:cut]
        inserted = etree.Element(qn("w:ins"), {qn("w:id"): str(9000 + len(words)),
                                               qn("w:author"): author,
                                               qn("w:date"): "2026-12-06T10:00:00Z"})
        inserted.append(typed)
        run.addnext(inserted)
        inserted.addnext(rest)

    return edit
