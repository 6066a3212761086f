"""Hyperlinks a delegation's copy puts on words it proposes. An amendment records words
(and, in the paragraph, their formatting: `drafting.model.marks`), never a link's target,
so the merged draft and the revision show the words without the link. That is said, not
left silent (`link_warnings`): the words are read as proposed, and the secretariat or
the delegation knows the link is to be added by hand, or dropped.

A link is the delegation's own where every word it holds is inserted with Track Changes
(Word puts the ``w:ins`` inside the ``w:hyperlink``, or the link inside the insertion), or,
in a copy edited without Track Changes, where its words stand in no paragraph of the
revision. A link of the draft with words inserted into it keeps its place, as the
draft's."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.readers.copy_text import quoted
from drafting.readers.result import ReadWarning

_HYPERLINK, _P = qn("w:hyperlink"), qn("w:p")
_INSERTED = frozenset({qn("w:ins"), qn("w:moveTo")})
_DELETED = frozenset({qn("w:del"), qn("w:moveFrom")})
_TEXT, _DELETED_TEXT = qn("w:t"), qn("w:delText")


def link_warnings(name: str, paragraphs: Sequence[Any | None],
                  known: Callable[[str], bool]) -> list[ReadWarning]:
    """A warning for each hyperlink of ``paragraphs`` (the copy's Word paragraphs, None
    for a footnote's place, numbered from 1 as the reader names them) that the
    delegation put on words it proposes: all of them inserted, or, typed without Track
    Changes, words the revision does not hold (``known``: whether it holds them)."""
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None:
            continue
        for link in paragraph.iter(_HYPERLINK):
            inserted, kept = _words(link)
            if (inserted.strip() and not kept.strip()) or \
                    (not inserted and kept.strip() and not known(" ".join(kept.split()))):
                found.append(ReadWarning(f"{name}, paragraph {number}", (
                    f"the words {quoted(inserted or kept)} come with a hyperlink, which is not "
                    "kept: an amendment holds words only, so the merged draft and the "
                    "revision show them without the link; ask the secretariat to add it")))
    return found


def _words(link: Any) -> tuple[str, str]:
    """The words in ``link`` inserted with Track Changes, and those in the draft's text
    (neither inserted nor deleted, or deleted: the draft's all the same)."""
    inserted, kept = [], []
    for node in link.iter(_TEXT, _DELETED_TEXT):
        state = _state(node)
        if state == "inserted":
            inserted.append(node.text or "")
        elif state != "cancelled":
            kept.append(node.text or "")
    return "".join(inserted), "".join(kept)


def _state(node: Any) -> str:
    """Whether the text ``node`` is "inserted", "cancelled" (inserted, then deleted) or
    of the draft ("kept"), by the revision marks around it within its paragraph."""
    tags = set()
    for ancestor in node.iterancestors():
        if ancestor.tag == _P:
            break
        tags.add(ancestor.tag)
    if tags & _INSERTED:
        return "cancelled" if tags & _DELETED else "inserted"
    return "kept"
