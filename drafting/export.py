"""The record as JSON: a document exported whole (`export_json`,
``schemas/export.schema.json``), its amendments and events as JSON values, and an
event in one line for people."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting import atomic
from drafting.json_layout import laid_out
from drafting.lookup import label_of
from drafting.model import Amendment, Document

if TYPE_CHECKING:
    from drafting.store import SourceInfo, Store


def amendment_json(document: Document, amendment: Amendment, *,
                   full: bool = False) -> dict[str, Any]:
    """An amendment as JSON values, with the paragraph's label (and ``amends``, the proposal
    it amends, for an amendment to a proposal; ``marks``, its words' formatting, where it
    has some); ``full`` adds the paragraph's id and the span
    changed (offsets in the text of its revision, or in the words of the proposal amended)."""
    more: dict[str, Any] = {}
    if full:
        span = amendment.span
        more = {"paragraph_id": amendment.paragraph_id,
                "span": None if span is None else {"start": span.start, "end": span.end}}
    return {
        "id": amendment.id, "paragraph": label_of(document, amendment.paragraph_id,
                                                  amendment.revision),
        "kind": str(amendment.kind), "old_text": amendment.old_text,
        "new_text": amendment.new_text, "proponents": list(amendment.proponents),
        "supporters": list(amendment.supporters), "reason": amendment.reason,
        "revision": amendment.revision, "status": str(amendment.status),
        "submitted_by": amendment.submitted_by,
        "submitted_at": amendment.submitted_at.isoformat() if amendment.submitted_at else None,
    } | ({"support_requested": list(amendment.requested)} if amendment.requested else {}) \
        | ({"amends": amendment.amends} if amendment.amends else {}) \
        | ({"marks": _marks(amendment.marks)} if amendment.marks else {}) | more


EXPORT_FORMAT = "drafting export"
"""The value of ``format`` in what `export_json` writes (schemas/export.schema.json)."""
EXPORT_VERSION = 1


def export_json(store: Store, symbol: str, path: str | Path, *,
                sign_with: str | Path | None = None) -> dict[str, Any]:
    """Write document ``symbol`` to ``path`` as JSON (schemas/export.schema.json): every
    revision with its paragraphs (and what is kept of its Word source: SHA-256, size and
    format), every amendment, the document's event log, and the head of the whole log
    (number and hash of its last event) when the export began: with the events' own
    hashes, receipts that ``drafting verify --anchors`` checks. With ``sign_with`` (the
    secretariat's signing key's file), the head carries its signature and public key, as
    `drafting head --sign-with` prints them (`drafting.signatures`): the export is then
    the secretariat's own word for the record it holds. Returns what was written."""
    from datetime import UTC, datetime

    path = atomic.file_path(path)  # a path that names a folder: refused before the work
    key = None
    if sign_with is not None:
        from drafting.signatures import read_key, sign

        key = read_key(sign_with)  # a key that cannot be read: said before the work
    head = store.head()
    document, amendments = store.check_document(symbol, "nothing was written")
    sources = store.sources(symbol)
    data = {
        "format": EXPORT_FORMAT, "format_version": EXPORT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "symbol": document.symbol, "title": document.title,
        "revisions": [{"label": r.label,
                       "created_at": r.created_at.isoformat() if r.created_at else None,
                       "label_table": dict(r.label_table),
                       "front_matter": list(r.front_matter),
                       **({"after_title": list(r.after_title)} if r.after_title else {}),
                       "chapeau": r.chapeau,
                       **_source_entry(sources.get(r.label)),
                       "paragraphs": [_paragraph_entry(p) for p in r]}
                      for r in document.revisions],
        "amendments": [amendment_json(document, a, full=True) for a in amendments],
        "events": [event_json(e) for e in store.events(symbol, payloads=False)],  # hashed above
        "head": head.to_json() if key is None else sign(head, key).to_json(),
    }
    atomic.write_atomically(path, laid_out(data) + "\n")
    return data


def _paragraph_entry(paragraph: Any) -> dict[str, Any]:
    """A paragraph in the export: its formatting marks only when it has some."""
    entry = {"id": paragraph.id, "label": paragraph.label, "kind": str(paragraph.kind),
             "text": paragraph.text, "status": str(paragraph.status)}
    if paragraph.marks:
        entry["marks"] = _marks(paragraph.marks)
    return entry


def _marks(marks: Any) -> list[dict[str, Any]]:
    """Formatting marks in the export: start, end and style each."""
    return [{"start": m.start, "end": m.end, "style": str(m.style)} for m in marks]


def _source_entry(info: SourceInfo | None) -> dict[str, Any]:
    """A revision's ``source`` in the export (its SHA-256, size and format, never its
    bytes); nothing for a revision without one."""
    if info is None:
        return {}
    return {"source": {"sha256": info.sha256, "size": info.size, "format": info.format}}


def event_json(event: Any) -> dict[str, Any]:
    """An event of the log as JSON values (its payload left out: see `export_json`)."""
    return {"seq": event.seq, "at": event.at.isoformat(), "actor": event.actor,
            "kind": event.kind, "document": event.document, "hash": event.hash}


_FOR_DELEGATIONS = frozenset({"submit", "withdraw", "support"})
"""The events whose summary names the delegations they are for, besides their actor."""


def event_summary(event: Any, document: Document | None = None) -> str:
    """One line for people about an event: what happened, by whom; with ``document``,
    paragraphs by their labels (``OP1``), not their ids."""
    payload = event.payload if isinstance(event.payload, dict) else {}

    def label(paragraph_id: Any, revision: str | None = None) -> str:
        if document is None or not isinstance(paragraph_id, str):
            return str(paragraph_id)
        return label_of(document, paragraph_id, revision)

    detail = ""
    if event.kind == "submit":
        items = [a for a in payload.get("amendments", []) if isinstance(a, dict)]
        ids = [str(a.get("id", "?")) for a in items]
        codes = dict.fromkeys(c for a in items for c in a.get("proponents", []))
        where = dict.fromkeys(label(a.get("paragraph_id"), a.get("revision")) for a in items)
        detail = (f"by {', '.join(codes) or '?'}: {len(ids)} amendment"
                  f"{'s' * (len(ids) != 1)} {', '.join(ids)} ({', '.join(where)})")
    elif event.kind == "withdraw":
        detail = f"{payload.get('amendment', '?')} by {payload.get('delegation', '?')}"
    elif event.kind == "decide":
        verdict = {"accept": "accepted", "reject": "rejected", "reopen": "reopened"}.get(
            str(payload.get("decision")), str(payload.get("decision", "?")))
        note = f": {payload['note']}" if payload.get("note") else ""
        detail = f"{payload.get('amendment', '?')} {verdict}{note}"
    elif event.kind == "support":
        gives = "withdraws its support from" if payload.get("withdraw") else "supports"
        detail = f"{payload.get('delegation', '?')} {gives} {payload.get('amendment', '?')}"
    elif event.kind == "revise":
        detail = f"{payload.get('revision', {}).get('label', '')} issued"
    elif event.kind == "import":
        revision = payload.get("document", {}).get("revisions", [{}])
        detail = f"{len(revision[-1].get('paragraphs', [])) if revision else 0} paragraphs"
    elif event.kind == "agree":
        detail = (f"{label(payload.get('paragraph'), payload.get('revision'))} "
                  f"{payload.get('status', '?')} ({payload.get('revision', '?')})")
    elif event.kind == "refused":
        claimed = ", ".join(payload.get("claimed", [])) or "?"
        detail = f"{payload.get('command', '?')} as {claimed}: {payload.get('reason', '')}"
    elif event.kind == "members":
        detail = f"{payload.get('group', '?')} + {', '.join(payload.get('members', []))}"
    elif event.kind == "token":
        what = "revoked" if not payload.get("issued") else "rotated"
        detail = f"{payload.get('holder', '?')}'s token {what}"
    elif event.kind == "delegation":
        detail = str(payload.get("delegation", {}).get("code", ""))
    by = f" by {event.actor}" if event.actor else ""
    if event.actor and event.kind in _FOR_DELEGATIONS:  # "by EU" follows: who typed it
        by = f" (entered by {event.actor})"
    line = f"{event.seq:>4}  {event.at:%Y-%m-%d %H:%M}  {event.kind:<10}{by}  {detail}".rstrip()
    from drafting.characters import escaped

    return escaped(line)  # a store written before the text check may hold anything
