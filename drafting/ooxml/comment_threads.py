"""Word's comment threads: which comment answers which, and which are marked resolved.

Word keeps a reply as a comment of its own (``w:comment`` in the comments part, anchored
on the range its thread is on) and threads it in ``word/commentsExtended.xml``: one
``w15:commentEx`` per comment, whose ``w15:paraId`` is the ``w14:paraId`` of the
comment's last paragraph, with ``w15:paraIdParent`` naming the comment it answers and
``w15:done="1"`` where the thread was marked resolved. LibreOffice (7.x) writes that part
only for a resolved comment, with the ``w14:paraId`` on the comment's first paragraph,
and no replies: each of its replies is a comment of its own. A comment is found here by
any of its paragraphs' ids, so both are read; a file without the part has no threads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

from drafting.ooxml.parts import word_parts

_W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
_PARA_ID, _COMMENT_EX = f"{_W14}paraId", f"{_W15}commentEx"
_EX_ID, _EX_PARENT, _EX_DONE = f"{_W15}paraId", f"{_W15}paraIdParent", f"{_W15}done"
_COMMENT, _ID, _P = qn("w:comment"), qn("w:id"), qn("w:p")
_TRUE = frozenset({"1", "true", "on"})


@dataclass(frozen=True, slots=True)
class Threads:
    """The threads of a document's comments, by comment id (``w:id``)."""

    opening: Mapping[str, str] = field(default_factory=dict)
    """Each reply's thread: the id of the comment that opened it (replies to a reply
    followed up to it). A comment that answers none is not here."""
    done: frozenset[str] = frozenset()
    """The comments marked resolved (``w15:done``)."""
    answers: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """The replies in the thread each comment opens, in the order of the file."""

    def replies(self, comment_id: str) -> tuple[str, ...]:
        """The replies in the thread ``comment_id`` opens (none when it opens none)."""
        return self.answers.get(comment_id, ())


def read_threads(document: Any) -> Threads:
    """The comment threads of ``document`` (python-docx's, or its parts); none when it
    has no comments part or no ``commentsExtended`` part. An entry naming no comment, or
    a parent that is none, threads nothing (a reply whose thread is lost is read as a
    comment of its own). ReaderError for a part that is not XML."""
    parts = word_parts(document)
    comments, extended = parts.comments, None
    if comments is not None:
        extended = parts.comments_extended
    if comments is None or extended is None:
        return Threads()
    by_paragraph: dict[str, str] = {}
    for comment in comments.iter(_COMMENT):
        if (comment_id := comment.get(_ID)) is None:
            continue
        for paragraph in comment.iter(_P):
            if (paragraph_id := paragraph.get(_PARA_ID)) is not None:
                by_paragraph.setdefault(paragraph_id.upper(), comment_id)
    parents: dict[str, str] = {}
    done: set[str] = set()
    for entry in extended.iter(_COMMENT_EX):
        comment_id = by_paragraph.get((entry.get(_EX_ID) or "").upper())
        if comment_id is None:
            continue
        if (entry.get(_EX_DONE) or "").lower() in _TRUE:
            done.add(comment_id)
        parent = by_paragraph.get((entry.get(_EX_PARENT) or "").upper())
        if parent is not None and parent != comment_id:
            parents[comment_id] = parent
    opening = _openings(parents)
    answers: dict[str, list[str]] = {}
    for reply, first in opening.items():
        answers.setdefault(first, []).append(reply)
    return Threads(opening, frozenset(done),
                   {first: tuple(replies) for first, replies in answers.items()})


def _openings(parents: Mapping[str, str]) -> dict[str, str]:
    """The comment opening the thread of each reply (in the order of ``parents``): its
    parent's parent ..., stopping where the chain comes round again (a damaged file),
    at the last comment before it would. Each reply is followed once: walked one by
    one, a chain of thousands of replies each answering the one before took minutes."""
    found: dict[str, str] = {}
    for reply in parents:
        path: list[str] = []
        on_path: dict[str, int] = {}
        current = reply
        while current in parents and current not in found and current not in on_path:
            on_path[current] = len(path)
            path.append(current)
            current = parents[current]
        if current in on_path:  # path[start:] comes round: each stops before itself
            loop = path[on_path[current]:]
            for index, comment in enumerate(loop):
                found[comment] = loop[index - 1]
            path = path[:on_path[current]]
            current = loop[-1]  # what the comment entering the loop would stop at
        else:
            current = found.get(current, current)  # a reply already followed, or the first
        for comment in path:
            found[comment] = current
    return {reply: found[reply] for reply in parents}
