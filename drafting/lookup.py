"""Finding a revision or a paragraph of a document by the names people give them, with
errors that list what there is; and quoting text briefly in messages."""

from __future__ import annotations

from drafting.errors import InputError
from drafting.model import Document, Paragraph, Revision


def revision_of(document: Document, label: str | None = None) -> Revision:
    """Revision ``label`` of ``document`` (default: the current one); InputError naming the
    revisions there are if it has no such revision."""
    chosen = document.current if label is None else document.revision(label)
    if chosen is None:
        known = ", ".join(r.label for r in document.revisions) or "none"
        raise InputError(f"{document.symbol} has no revision '{label}'; its revisions: {known}")
    return chosen


def paragraph_of(document: Document, label: str, revision: str | None = None) -> Paragraph:
    """Paragraph ``label`` of a revision of ``document``; InputError listing labels if absent."""
    chosen = revision_of(document, revision)
    found = chosen.by_label(label)
    if found is None:
        labels = [p.label for p in chosen]
        known = ", ".join(labels[:8]) + (", ..." if len(labels) > 8 else "")
        raise InputError(f"no paragraph {label} in {document.symbol} ({chosen.label}); "
                         f"its labels are {known}")
    return found


def label_of(document: Document, paragraph_id: str, revision: str | None = None) -> str:
    """The label paragraph ``paragraph_id`` has in ``revision`` (default: the latest
    revision that has it), or the id itself when no revision has it."""
    revisions = [document.revision(revision)] if revision else list(document.revisions)
    for candidate in reversed([r for r in revisions if r is not None]):
        found = candidate.by_id(paragraph_id)
        if found is not None:
            return found.label
    return paragraph_id


def brief(text: str, limit: int = 70) -> str:
    """``text`` quoted on one line, its spaces and line breaks one space each, cut at
    ``limit``; spacing alone is shown as it is (``'\\n'``), never as ``''``."""
    from drafting.characters import escaped

    flat = escaped(" ".join(text.split()) if text.strip() else text)
    return f"'{flat if len(flat) <= limit else flat[:limit - 3] + '...'}'"
