"""A new Word document for our own writers: python-docx's template, with document
properties that name the text and who made it, never python-docx and its 2013 date."""

from __future__ import annotations

from datetime import UTC, datetime

import docx
import docx.document


def blank_word(title: str, subject: str, *, author: str = "",
               when: datetime | None = None) -> docx.document.Document:
    """An empty document whose properties give ``title``, ``subject`` (the symbol),
    ``author`` (the secretariat; none by default) and ``when`` (default: now) as its
    creation and last change."""
    word = docx.Document()
    properties = word.core_properties
    properties.title, properties.subject = title, subject
    properties.author = properties.last_modified_by = author
    properties.comments = properties.keywords = ""
    stamp = (when or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    properties.created = properties.modified = stamp
    properties.revision = 1
    return word
