"""What a delegation's copy holds outside its text: text boxes (`box_warnings`) and page
headers and footers (`margin_warnings`). No amendment reads them, as the import reads
none of them either; what a delegation typed there is never left unsaid, so that the
secretariat can act on it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import IO, Any

from docx.oxml.ns import qn
from lxml import etree

from drafting.lazy_re import lazy_compile
from drafting.ooxml import runs
from drafting.ooxml.body import box_mark, has_revisions, text_boxes
from drafting.readers.copy_text import quoted, who
from drafting.readers.result import ReadWarning

_P, _BOX = qn("w:p"), qn("w:txbxContent")
_DEL = (qn("w:del"), qn("w:moveFrom"))
_W_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                 "http://purl.oclc.org/ooxml/wordprocessingml/main")
_MARGIN = lazy_compile(r"word/(header|footer)\d*\.xml")
_TRACKED = lazy_compile(rb"<w:(ins|del|moveFrom|moveTo)\b")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_NOT_TEXT = ("text boxes are not part of the text (the import leaves them out too); "
             "put proposals in the paragraphs")


def box_warnings(place: Callable[[int], str], paragraphs: Sequence[Any | None],
                 known: Collection[str] | None) -> list[ReadWarning]:
    """A warning for each text box in ``paragraphs`` (the copy's Word paragraphs, None for
    a footnote's place, numbered from 1: ``place`` names each) that was inserted or
    deleted with Track Changes, holds a tracked change, or holds words that no text box
    of the document's own Word sources holds (``known``, their texts: `source_boxes`;
    None when not known, and then every such box is named)."""
    texts = {" ".join(text.split()) for text in known or ()}
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None or next(paragraph.iter(_BOX), None) is None:
            continue
        where = place(number)
        for box in text_boxes(paragraph):
            read = runs.read_paragraphs(box.iter(_P))
            text = " ".join(" ".join(r.proposed for r in read).split())
            mark = box_mark(box)
            if mark is not None:
                done = "deleted" if mark.tag in _DEL else "inserted"
                shown = " ".join(" ".join(r.original for r in read).split()) \
                    if done == "deleted" else text
                found.append(ReadWarning(where, f"a text box {done} by "
                                         f"{who(mark.get(qn('w:author')))} "
                                         f"({quoted(shown, 120)}) was not read: {_NOT_TEXT}"))
            elif has_revisions(box):
                found.append(ReadWarning(where, f"a change in a text box ({quoted(text, 120)})"
                                         f" was not read: {_NOT_TEXT}"))
            elif text and known is None:  # the draft's own, or not: not known here
                found.append(ReadWarning(where, f"a text box ({quoted(text, 120)}) was not "
                                         f"read: {_NOT_TEXT}"))
            elif text and text not in texts:
                found.append(ReadWarning(where, f"a text box holds words the draft's do not "
                                         f"({quoted(text, 120)}), typed without Track "
                                         f"Changes; they were not read: {_NOT_TEXT}"))
    return found


def source_boxes(content: Path | IO[bytes]) -> list[str]:
    """The texts of the text boxes a document's own Word source (a .docx) holds, in any
    of its parts; none where the package cannot be read."""
    texts: list[str] = []
    try:
        with zipfile.ZipFile(content) as package:
            for part in package.namelist():
                if not (part.startswith("word/") and part.endswith(".xml")):
                    continue
                data = package.read(part)
                if b"txbxContent" not in data:
                    continue
                root = etree.fromstring(data, _PARSER)
                for ns in _W_NAMESPACES:
                    texts += ["".join(t.text or "" for t in box.iter(f"{{{ns}}}t"))
                              for box in root.iter(f"{{{ns}}}txbxContent")]
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError):
        return []
    return texts


def margin_warnings(path: Path) -> list[ReadWarning]:
    """A warning for each page header or footer of the copy at ``path`` holding tracked
    changes, saying whose and what: headers and footers are not part of the text. None
    where the package cannot be read (it was checked before)."""
    found: dict[str, None] = {}  # a first page's and the others' header: said once
    try:
        with zipfile.ZipFile(path) as package:
            for part in sorted(package.namelist()):
                if not (match := _MARGIN.fullmatch(part)):
                    continue
                data = package.read(part)
                if _TRACKED.search(data) is None:  # nearly always: nothing tracked
                    continue
                root = etree.fromstring(data, _PARSER)
                changed = [r for r in runs.read_paragraphs(root.iter(_P))
                           if r.original != r.proposed]
                if changed:
                    found[_margin_changed(match.group(1), changed)] = None
    except (OSError, zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, ValueError):
        return []
    return [ReadWarning(str(path), message) for message in found]


def _margin_changed(kind: str, changed: list[runs.ParagraphRead]) -> str:
    authors = dict.fromkeys(who(p.author) for r in changed for p in r.pieces
                            if p.state != runs.NORMAL)
    changes = "; ".join(f"{quoted(r.original)} -> {quoted(r.proposed)}" for r in changed)
    return (f"the page {kind} was changed by {', '.join(authors)} ({changes}); page "
            f"headers and footers are not part of the text, so this change was not read; "
            f"put proposals in the paragraphs, and leave the {kind} to the secretariat")
