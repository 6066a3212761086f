"""The comments a document's own Word source holds (the secretariat's, "Which session?"):
a delegation's copy carries them too, and one of them on a change is never the
delegation's reason for it, however it is dated (`drafting.readers.copy_comments`).

A comment is told by its author and its text, as a copy keeps both: Word gives a copy's
comments ids of its own, and may write their dates again.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Collection

from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from drafting import characters
from drafting.errors import DraftingError
from drafting.ooxml.comments import Comment, read_comments

CommentKey = tuple[str, str]
"""A comment as the copies of a document keep it: (its Word author, its words)."""


def comment_key(comment: Comment) -> CommentKey:
    """``comment``'s author and words, spaces and characters as a copy's are read
    (`drafting.characters.normalised`, runs of white space as one)."""
    text = " ".join(characters.normalised(comment.text).split())
    return " ".join(comment.author.split()), text


def source_comments(content: bytes) -> set[CommentKey]:
    """The comments of a document's own Word source (the ``.docx`` bytes stored with a
    revision), as `comment_key` gives them; none where the source has no comments or
    cannot be read (it was read once already, at the import)."""
    import docx

    try:
        return {comment_key(c) for c in read_comments(docx.Document(io.BytesIO(content)))
                .values()}
    except (DraftingError, PackageNotFoundError, zipfile.BadZipFile, etree.XMLSyntaxError,
            KeyError, ValueError):
        return set()


def sourced(comment: Comment, known: Collection[CommentKey]) -> bool:
    """Whether ``comment`` (a copy's) is one of the ``known`` comments of the document's
    own Word sources (`source_comments`)."""
    return bool(known) and comment_key(comment) in known
