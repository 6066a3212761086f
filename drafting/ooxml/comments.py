"""The comments part: each Word comment's author, date and text (`read_comments`); the
pieces of text a comment is on carry its id (`drafting.ooxml.runs`). `drop_comments`
takes them all out of a revision to circulate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml import etree

from drafting.errors import ReaderError
from drafting.ooxml.accept import TRACKED
from drafting.ooxml.parts import part_root, unreached, word_parts
from drafting.ooxml.runs import parse_date, read_paragraphs

_COMMENT, _ID, _P = qn("w:comment"), qn("w:id"), qn("w:p")
_AUTHOR, _DATE = qn("w:author"), qn("w:date")
_ANCHORS = (qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"))
_MARKS = (qn("w:commentRangeStart"), qn("w:commentReference"))


@dataclass(frozen=True, slots=True)
class Comment:
    """A Word comment: who wrote it, when (UTC, or None), and its text (its paragraphs
    joined by line breaks, changes inside it accepted)."""

    id: str
    author: str
    date: datetime | None
    text: str


def read_comments(document: Any) -> dict[str, Comment]:
    """The comments of ``document`` (python-docx's, or its parts: `drafting.ooxml.parts`),
    by id; {} when it has no comments part.

    The part is found by its relationship type, so nothing is created when it is absent.
    Comments that share an id (Word gives each its own) are kept as one: their texts
    joined in file order by "; " (as a change's several comments are joined into its
    reason), with the first one's author and date, so that no text is lost.
    Raises ReaderError for a comments part that is not XML or a date that is not a date.
    """
    root = word_parts(document).comments
    if root is None:
        return {}
    found: dict[str, tuple[str, datetime | None, list[str]]] = {}
    for element in root.iter(_COMMENT):
        comment_id = element.get(_ID)
        if comment_id is None:
            continue
        paragraphs = read_paragraphs(element.iter(_P))
        text = "\n".join(p.proposed for p in paragraphs).strip()
        date = parse_date(element.get(_DATE))
        if comment_id in found:
            found[comment_id][2].append(text)
        else:
            found[comment_id] = (element.get(_AUTHOR) or "", date, [text])
    return {comment_id: Comment(comment_id, author, date,
                                texts[0] if len(texts) == 1 else "; ".join(filter(None, texts)))
            for comment_id, (author, date, texts) in found.items()}


def unread_marks(document: Any) -> tuple[int, str] | None:
    """How many comments the text of ``document`` (or its footnotes) marks that the file
    does not hold, and why (`unreached`, or the comments part lacks them), or None when
    it holds every one. A damaged package (its comments part not related to its text)
    would otherwise lose a delegation's reasons without a word."""
    parts = word_parts(document)
    marked = {mark.get(_ID) for root in (parts.document, parts.footnotes)
              if root is not None for mark in root.iter(*_MARKS)} - {None}
    if not marked:
        return None
    root = parts.comments
    held = set() if root is None else {comment.get(_ID) for comment in root.iter(_COMMENT)}
    if not (missing := marked - held):
        return None
    return len(missing), (unreached(parts, "comments") if root is None
                          else "the comments part holds no comment with their ids")


def drop_comments(document: Any) -> set[str]:
    """Take every comment out of ``document`` (python-docx's), the marks in its text and
    the comments part's comments, as a clean revision to circulate carries none of the
    draft's (a secretariat's internal note); the names of the parts changed. Left as
    they are where a comment is marked outside the main text (a footnote, a header):
    that part is not rewritten, and a mark must not name a comment gone."""
    part = next((rel.target_part for rel in document.part.rels.values()
                 if rel.reltype == RT.COMMENTS and not rel.is_external), None)
    root = getattr(part, "element", None)  # python-docx's own, saved with the document
    if root is None or root.find(_COMMENT) is None:
        return set()
    if _marked_elsewhere(document, part):
        return set()
    for mark in list(document.element.iter(*_ANCHORS)):
        holder = mark.getparent()
        holder.remove(mark)
        if mark.tag == _ANCHORS[2] and not any(c.tag != qn("w:rPr") for c in holder):
            holder.getparent().remove(holder)  # the run held only the reference
    for comment in list(root.iter(_COMMENT)):
        root.remove(comment)
    return {"/word/document.xml", str(part.partname)} | _emptied_threads(document)


_THREADS = ("commentsExtended", "commentsIds", "commentsExtensible")
"""Word's parts that thread, date and name comments by the paragraphs inside them."""


def _emptied_threads(document: Any) -> set[str]:
    """Empty Word's parts about the comments dropped (their threads, ids, dates) and, if
    no tracked change is left either, its list of the people who wrote them: a clean
    revision names none of the secretariat's commenters. The names of the parts changed."""
    kinds = set(_THREADS)
    if next(document.element.iter(*TRACKED), None) is None:
        kinds.add("people")
    changed = set()
    for rel in document.part.rels.values():
        part = None if rel.is_external else rel.target_part
        if rel.reltype.rsplit("/", 1)[-1] not in kinds or getattr(part, "element", None) \
                is not None or not isinstance(getattr(part, "_blob", None), bytes):
            continue  # a part python-docx parsed, or none: not one of these
        try:
            root = part_root(part, str(part.partname))
        except ReaderError:
            continue  # not ours to mend: left as it came
        if len(root):
            for child in list(root):
                root.remove(child)
            part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                        standalone=True)
            changed.add(str(part.partname))
    return changed


def _marked_elsewhere(document: Any, comments: Any) -> bool:
    """Whether a part of ``document`` other than its main text and its ``comments``
    (footnotes, endnotes, headers, footers) marks a comment."""
    for rel in document.part.rels.values():
        if rel.is_external or rel.target_part is comments:
            continue
        blob = getattr(rel.target_part, "blob", b"") or b""
        if b"commentReference" in blob or b"commentRangeStart" in blob:
            return True
    return False
