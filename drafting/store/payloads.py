"""The model as JSON: what the event log records and replays.

Each ``*_json`` function turns a dataclass into plain JSON values (dicts,
lists, strings, integers, None) and each ``*_from`` reads it back, so that
``document_from(document_json(d)) == d`` for a document whose times are UTC.
Times are written as ISO 8601 in UTC with microseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Delegation,
    DelegationKind,
    Document,
    Mark,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
    Span,
    Style,
)

JSONDict = dict[str, Any]


def utc(when: datetime) -> datetime:
    """``when`` in UTC; a naive time is taken to be UTC already (SQLite keeps no zone)."""
    if when.tzinfo is None:
        return when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def stamp(when: datetime | None) -> str | None:
    """``when`` as ISO 8601 in UTC with microseconds, or None."""
    return None if when is None else utc(when).isoformat(timespec="microseconds")


def read_stamp(text: str | None) -> datetime | None:
    """The time `stamp` wrote, or None."""
    return None if text is None else utc(datetime.fromisoformat(text))


def paragraph_json(paragraph: Paragraph) -> JSONDict:
    """One paragraph version (``marks`` only when it has some: records made before marks
    were kept hash as they did)."""
    data: JSONDict = {"id": paragraph.id, "label": paragraph.label,
                      "kind": str(paragraph.kind), "text": paragraph.text,
                      "status": str(paragraph.status), "level": paragraph.level}
    if paragraph.marks:
        data["marks"] = marks_json(paragraph.marks)
    return data


def paragraph_from(data: JSONDict) -> Paragraph:
    """The inverse of `paragraph_json`."""
    return Paragraph(data["id"], data["label"], ParagraphKind(data["kind"]), data["text"],
                     ParagraphStatus(data["status"]), data["level"],
                     marks_from(data.get("marks", [])))


def marks_json(marks: Sequence[Mark]) -> list[list[Any]]:
    """Marks as ``[start, end, style]`` lists."""
    return [[mark.start, mark.end, str(mark.style)] for mark in marks]


def marks_from(data: Sequence[Sequence[Any]]) -> tuple[Mark, ...]:
    """The inverse of `marks_json`. ValueError for one that is not a mark."""
    if not data:  # nearly every paragraph and amendment: plain words
        return ()
    return tuple(Mark(int(start), int(end), Style(style)) for start, end, style in data)


def revision_json(revision: Revision) -> JSONDict:
    """A revision with its paragraphs and label table; ``front_matter`` and
    ``after_title`` (lists of lines) and ``chapeau`` only when it has them, so that a
    revision without them is written as versions before them wrote it (and their events
    keep their hashes)."""
    data: JSONDict = {
        "label": revision.label,
        "created_at": stamp(revision.created_at),
        "label_table": [[old, new] for old, new in revision.label_table],
        "paragraphs": [paragraph_json(p) for p in revision.paragraphs],
    }
    if revision.front_matter:
        data["front_matter"] = list(revision.front_matter)
    if revision.chapeau:
        data["chapeau"] = revision.chapeau
    if revision.after_title:
        data["after_title"] = list(revision.after_title)
    return data


def revision_from(data: JSONDict) -> Revision:
    """The inverse of `revision_json` (no front matter, lines after the title or chapeau
    when absent)."""
    front_matter = data.get("front_matter", [])
    after_title = data.get("after_title", [])
    chapeau = data.get("chapeau", "")
    for name, lines in (("front_matter", front_matter), ("after_title", after_title)):
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise TypeError(f"{name} is not a list of lines")
    if not isinstance(chapeau, str):
        raise TypeError("chapeau is not a string")
    return Revision(
        data["label"],
        tuple(paragraph_from(p) for p in data["paragraphs"]),
        created_at=read_stamp(data["created_at"]),
        label_table=tuple((old, new) for old, new in data["label_table"]),
        front_matter=tuple(front_matter),
        chapeau=chapeau,
        after_title=tuple(after_title),
    )


def document_json(document: Document) -> JSONDict:
    """A whole document: symbol, title and every revision."""
    return {"symbol": document.symbol, "title": document.title,
            "revisions": [revision_json(r) for r in document.revisions]}


def document_from(data: JSONDict) -> Document:
    """The inverse of `document_json`."""
    return Document(data["symbol"], data["title"],
                    tuple(revision_from(r) for r in data["revisions"]))


def delegation_json(delegation: Delegation) -> JSONDict:
    """A delegation and, for a group, its members."""
    return {"code": delegation.code, "name": delegation.name, "kind": str(delegation.kind),
            "members": list(delegation.members)}


def delegation_from(data: JSONDict) -> Delegation:
    """The inverse of `delegation_json`."""
    return Delegation(data["code"], data["name"], DelegationKind(data["kind"]),
                      tuple(data["members"]))


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _read_span(data: list[int] | None) -> Span | None:
    return None if data is None else Span(data[0], data[1])


def amendment_json(amendment: Amendment) -> JSONDict:
    """Every field of an amendment (``requested`` only when some support is requested,
    ``amends`` only for an amendment to a proposal and ``marks`` only for words proposed
    with formatting, so that what was recorded before they existed reads the same)."""
    found = {
        "id": amendment.id,
        "kind": str(amendment.kind),
        "paragraph_id": amendment.paragraph_id,
        "revision": amendment.revision,
        "proponents": list(amendment.proponents),
        "span": _span(amendment.span),
        "anchor": _span(amendment.anchor),
        "old_text": amendment.old_text,
        "new_text": amendment.new_text,
        "supporters": list(amendment.supporters),
        "reason": amendment.reason,
        "submitted_by": amendment.submitted_by,
        "submitted_at": stamp(amendment.submitted_at),
        "status": str(amendment.status),
    }
    if amendment.requested:
        found["requested"] = list(amendment.requested)
    if amendment.amends:
        found["amends"] = amendment.amends
    if amendment.marks:
        found["marks"] = marks_json(amendment.marks)
    return found


def amendment_from(data: JSONDict) -> Amendment:
    """The inverse of `amendment_json`."""
    return Amendment(
        data["id"], _KINDS.get(data["kind"]) or AmendmentKind(data["kind"]),
        data["paragraph_id"], data["revision"], tuple(data["proponents"]),
        _read_span(data["span"]), _read_span(data["anchor"]), data["old_text"],
        data["new_text"], tuple(data["supporters"]), data["reason"], data["submitted_by"],
        _read_stamp_once(data["submitted_at"]),
        _STATUSES.get(data["status"]) or AmendmentStatus(data["status"]),
        tuple(data.get("requested", ())), data.get("amends", ""),
        marks_from(data.get("marks", ())),
    )


_KINDS = {str(kind): kind for kind in AmendmentKind}
_STATUSES = {str(status): status for status in AmendmentStatus}


@lru_cache(maxsize=4096)
def _read_stamp_once(text: str | None) -> datetime | None:
    """`read_stamp`, remembered: the amendments of one submission share their time."""
    return read_stamp(text)


def submission_content(symbol: str, amendments: list[Amendment]) -> JSONDict:
    """What makes two submissions the same one: the document and, for each
    amendment in order, what it proposes and who backs it. Ids, times, status
    and the person who typed it are left out."""
    return {
        "document": symbol,
        "amendments": [
            {
                "revision": a.revision,
                "kind": str(a.kind),
                "paragraph_id": a.paragraph_id,
                "span": _span(a.span),
                "anchor": _span(a.anchor),
                "old_text": a.old_text,
                "new_text": a.new_text,
                "proponents": list(a.proponents),
                "supporters": list(a.supporters),
                "reason": a.reason,
            } | ({"requested": list(a.requested)} if a.requested else {})
            | ({"amends": a.amends} if a.amends else {})
            | ({"marks": marks_json(a.marks)} if a.marks else {})
            for a in amendments
        ],
    }
