"""Finding a revision or a paragraph of a document by the names people give them, with
errors that list what there is; and quoting text briefly in messages."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from drafting.errors import InputError
from drafting.model import Document, Paragraph, Revision
from drafting.model.document import revision_label_problem

if TYPE_CHECKING:
    from drafting.store import Store


def revision_of(document: Document, label: str | None = None) -> Revision:
    """Revision ``label`` of ``document`` (default: the current one); InputError naming the
    revisions there are if it has no such revision."""
    chosen = document.current if label is None else document.revision(label)
    if chosen is None:
        known = ", ".join(r.label for r in document.revisions) or "none"
        raise InputError(f"{document.symbol} has no revision '{label}'; its revisions: {known}")
    return chosen


def check_new_revision(document: Document, label: str) -> None:
    """InputError if ``label`` cannot name a new revision of ``document``: empty, spaced
    otherwise than it reads (`revision_label_problem`), or a label it has already as a
    negotiator reads it (``Rev.1 `` beside ``Rev.1``). The store refuses the same, in the
    same words, when the revision is recorded; this says it before (a dry run too).
    A character that is not text, or a line break, is refused first, as the store does.
    So is the "Rev.N" that its symbol or its current front matter names already, or an
    earlier one (`reused_revision`: the new text would take a circulated text's symbol;
    the engine refuses it too)."""
    from drafting.engine.revision_symbols import reused_revision
    from drafting.store.names import check_line

    check_line(f"{document.symbol}: the revision label", label)
    if (why := revision_label_problem(label)) is not None:
        raise InputError(f"{document.symbol}: {why}")
    if (existing := document.revision(label)) is not None:
        raise InputError(f"{document.symbol} already has a revision '{existing.label}'; "
                         "choose a new label")
    front = (*document.current.front_matter, *document.current.after_title) \
        if document.current is not None else ()
    if (why := reused_revision(document.symbol, front, label)) is not None:
        raise InputError(why)


def known_codes(store: Store, codes: Iterable[str],
                known: Collection[str] | None = None) -> list[str]:
    """``codes`` as the store spells them (``eu`` and ``E-U`` are ``EU``: codes are
    compared without regard to case or hyphens; a code the store holds as given is that
    one), for a filter; InputError naming any the store does not know, as
    `drafting.workflow.require_delegations` does. ``known``: the store's codes, if read."""
    from drafting.characters import code_twin
    from drafting.workflow import require_delegations

    known = [d.code for d in store.delegations()] if known is None else list(known)
    given = list(codes)
    spelt = {code: code if code in known else code_twin(code, known) for code in given}
    require_delegations(store, [c for c in given if spelt[c] is None], known=known)
    return list(dict.fromkeys(str(spelt[c]) for c in given))


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


def brief(text: str, limit: int = 70, *, exact: bool = False) -> str:
    """``text`` quoted on one line, its spaces and line breaks one space each, cut at
    ``limit``; spacing alone is shown as it is (``'\\n'``), never as ``''``. With
    ``exact``, every space is kept as it is (line breaks as ``\\n``): for words that
    go in as given, where a space more or less is a glued word (``' technical'``)."""
    from drafting.characters import escaped

    flat = escaped(text if exact or not text.strip() else " ".join(text.split()))
    return f"'{flat if len(flat) <= limit else flat[:limit - 3] + '...'}'"
