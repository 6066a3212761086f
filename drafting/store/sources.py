"""A revision's source: the Word file it came from, kept byte for byte beside it.

The bytes live in ``revision_sources`` and nowhere else: the model never holds
them (a `Revision` is hashed into events as JSON), and an event records a
`SourceInfo` (SHA-256, size, format), never the content. `drafting.store.verify`
hashes each stored source again and compares it with its row and its event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from drafting.store import tables
from drafting.store.errors import StoreError

DOCX = "docx"
"""The only format a source has so far."""
MAX_SOURCE_BYTES = 50 * 1024 * 1024
"""The largest source the store keeps (50 MB): a real negotiation text with a few
images is a few megabytes."""
_MB = 1024 * 1024
_ZIP = b"PK\x03\x04"  # how every .docx (a zip package) begins
_HEX = frozenset("0123456789abcdef")


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What the record says of a source, without its bytes."""

    sha256: str
    """The SHA-256 of its bytes, 64 lower-case hex digits."""
    size: int
    """Its size in bytes."""
    format: str = DOCX
    """What it is: ``docx``."""


def check_size(size: int) -> None:
    """StoreError if a source of ``size`` bytes is more than the store keeps."""
    if size > MAX_SOURCE_BYTES:
        raise StoreError(f"the Word file is {size / _MB:.1f} MB, more than the "
                         f"{MAX_SOURCE_BYTES // _MB} MB the store keeps as a draft's source; "
                         "remove large images from it, save it again and import that")


def describe(content: bytes) -> SourceInfo:
    """``content`` checked as a ``.docx`` source (not empty, a zip package, within
    `MAX_SOURCE_BYTES`: StoreError otherwise) and described."""
    if not isinstance(content, bytes):
        raise StoreError("a source is the bytes of a Word file")
    check_size(len(content))
    if not content:
        raise StoreError("a source cannot be empty: give the bytes of the .docx file")
    if not content.startswith(_ZIP):
        raise StoreError("a source must be a Word .docx file (a zip package), and these "
                         "bytes are not one")
    return SourceInfo(hashlib.sha256(content).hexdigest(), len(content))


def info_json(info: SourceInfo) -> dict[str, Any]:
    """``info`` as JSON values: ``{"sha256": ..., "size": ..., "format": "docx"}``."""
    return {"sha256": info.sha256, "size": info.size, "format": info.format}


def info_from(data: dict[str, Any]) -> SourceInfo:
    """The inverse of `info_json`; TypeError or ValueError for what it cannot be."""
    sha256, size, kind = data["sha256"], data["size"], data["format"]
    if not isinstance(sha256, str) or len(sha256) != 64 or not set(sha256) <= _HEX:
        raise ValueError("a source's sha256 is not 64 lower-case hex digits")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise TypeError("a source's size is not a number of bytes")
    if kind not in tables.SOURCE_FORMATS:
        raise ValueError(f"a source's format is not one of {', '.join(tables.SOURCE_FORMATS)}")
    return SourceInfo(sha256, size, kind)


def insert_source(connection: Connection, revision_id: int, content: bytes,
                  info: SourceInfo) -> None:
    """The row of revision ``revision_id``'s source (``info`` is `describe` of ``content``)."""
    connection.execute(insert(tables.revision_sources), {
        "revision_id": revision_id, "format": info.format, "sha256": info.sha256,
        "size": info.size, "content": content})


def load_source(connection: Connection, revision_id: int,
                where: str) -> tuple[bytes, SourceInfo] | None:
    """The source of revision ``revision_id`` and what its row says of it; None if it has
    none. StoreError naming ``where`` (the document and revision) if its bytes no longer
    match the SHA-256 or size kept with them: nothing is built on a changed source."""
    source = tables.revision_sources.c
    row = connection.execute(select(source.content, source.sha256, source.size, source.format)
                             .where(source.revision_id == revision_id)).first()
    if row is None:
        return None
    content = bytes(row.content)
    info = SourceInfo(row.sha256, row.size, row.format)
    if (hashlib.sha256(content).hexdigest(), len(content)) != (info.sha256, info.size):
        raise StoreError(f"{where}: its Word source in the store does not match the SHA-256 "
                         "kept with it: it was changed behind drafting's back; run "
                         "`drafting verify` and restore the store from a backup")
    return content, info


def source_infos(connection: Connection, document_id: int) -> dict[str, SourceInfo]:
    """What the rows say of each source of a document (not their bytes), by revision
    label, oldest revision first; revisions without a source are left out."""
    source, revision = tables.revision_sources.c, tables.revisions.c
    return {row.label: SourceInfo(row.sha256, row.size, row.format)
            for row in connection.execute(
                select(revision.label, source.sha256, source.size, source.format)
                .join_from(tables.revision_sources, tables.revisions,
                           source.revision_id == revision.id)
                .where(revision.document_id == document_id).order_by(revision.position))}


@dataclass(frozen=True, slots=True)
class StoredSource:
    """A row of ``revision_sources`` as verify sees it: where it is, what the row says,
    and what its bytes are now."""

    symbol: str
    label: str
    info: SourceInfo
    sha256: str
    """The SHA-256 of the bytes stored, computed now."""
    size: int
    """The number of bytes stored."""


def stored_sources(connection: Connection, *, skip: Collection[str] = (),
                   symbol: str | None = None) -> Iterator[StoredSource]:
    """Every stored source (but those of the documents whose symbols are in ``skip``; only
    ``symbol``'s, if given), document by document, oldest revision first; each one's
    bytes are hashed as it is read and not kept."""
    source, revision = tables.revision_sources.c, tables.revisions.c
    query = (select(tables.documents.c.symbol, revision.label, source.format, source.sha256,
                    source.size, source.content)
             .join_from(tables.revision_sources, tables.revisions,
                        source.revision_id == revision.id)
             .join(tables.documents, revision.document_id == tables.documents.c.id)
             .where(tables.documents.c.symbol.not_in(skip))
             .order_by(tables.documents.c.id, revision.position)
             .execution_options(yield_per=4))  # a few sources in memory at a time
    if symbol is not None:
        query = query.where(tables.documents.c.symbol == symbol)
    for row in connection.execute(query):
        content = bytes(row.content)
        yield StoredSource(row.symbol, row.label, SourceInfo(row.sha256, row.size, row.format),
                           hashlib.sha256(content).hexdigest(), len(content))
