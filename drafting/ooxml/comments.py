"""The comments part: each Word comment's author, date and text (`read_comments`); the
pieces of text a comment is on carry its id (`drafting.ooxml.runs`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.parts import word_parts
from drafting.ooxml.runs import parse_date, read_paragraphs

_COMMENT, _ID, _P = qn("w:comment"), qn("w:id"), qn("w:p")
_AUTHOR, _DATE = qn("w:author"), qn("w:date")


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
