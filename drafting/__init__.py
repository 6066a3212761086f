"""drafting: co-draft negotiation texts with bracketed alternatives and attributed amendments.

The public API is what ``__all__`` lists; everything else is internal:

- read: `read_draft` (.docx .md .txt), `read_docx_submission` (tracked changes or an
  edited copy), `load_submission` (JSON);
- model: `Document`, `Revision`, `Paragraph`, `Amendment`, `Delegation` and their kinds;
- engine: `draft_amendment` (a `Proposal` made an amendment), `merge` (the compilation),
  `revise` with `Decisions`, `diff_revisions`, `bracket_report`, the `brackets` language;
- store: `init_store`, `open_store` -> `Store`; `revise_document` and `bracket_decisions`
  issue a revision on a store; every write's `Receipt` (its event's number and hash) to
  keep, and check later with `Store.verify`; the secretariat's signed heads, checked
  with its public key alone: `drafting.signatures`;
- write: `render_html`, `render_markdown`, `render_text`, `write_text`,
  `write_compilation_docx`, `write_merged_docx` (real tracked changes), `write_docx_revision`.

Names are imported on first use, so ``import drafting.model`` (or a command that
needs only part of the library) does not load Word, database or CLI code.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafting import brackets
    from drafting.engine import (
        BracketAction,
        BracketDecision,
        BracketReport,
        Compilation,
        Decisions,
        Proposal,
        RevisionOutcome,
        bracket_report,
        diff_revisions,
        draft_amendment,
        merge,
        revise,
        select,
    )
    from drafting.errors import DraftingError
    from drafting.model import (
        Amendment,
        AmendmentKind,
        AmendmentStatus,
        Delegation,
        DelegationKind,
        Document,
        Paragraph,
        ParagraphKind,
        ParagraphStatus,
        Revision,
        Span,
        next_label,
        renumber,
    )
    from drafting.readers import (
        ReadResult,
        ReadWarning,
        SubmissionError,
        load_submission,
        read_docx_submission,
        read_draft,
    )
    from drafting.store import AccessError, Receipt, Store, init_store, open_store
    from drafting.workflow import bracket_decisions, revise_document
    from drafting.writers import render_html, render_markdown, render_text, write_text
    from drafting.writers.docx_clean import write_docx_revision
    from drafting.writers.docx_compilation import write_compilation_docx
    from drafting.writers.docx_merged import write_merged_docx

_HOMES: dict[str, str] = {
    "AccessError": "drafting.store",
    "Amendment": "drafting.model",
    "AmendmentKind": "drafting.model",
    "AmendmentStatus": "drafting.model",
    "BracketAction": "drafting.engine",
    "BracketDecision": "drafting.engine",
    "BracketReport": "drafting.engine",
    "Compilation": "drafting.engine",
    "Decisions": "drafting.engine",
    "Delegation": "drafting.model",
    "DelegationKind": "drafting.model",
    "Document": "drafting.model",
    "DraftingError": "drafting.errors",
    "Paragraph": "drafting.model",
    "ParagraphKind": "drafting.model",
    "ParagraphStatus": "drafting.model",
    "Proposal": "drafting.engine",
    "ReadResult": "drafting.readers",
    "ReadWarning": "drafting.readers",
    "Receipt": "drafting.store",
    "Revision": "drafting.model",
    "RevisionOutcome": "drafting.engine",
    "Span": "drafting.model",
    "Store": "drafting.store",
    "SubmissionError": "drafting.readers",
    "bracket_decisions": "drafting.workflow",
    "bracket_report": "drafting.engine",
    "brackets": "drafting.brackets",
    "diff_revisions": "drafting.engine",
    "draft_amendment": "drafting.engine",
    "init_store": "drafting.store",
    "load_submission": "drafting.readers",
    "merge": "drafting.engine",
    "next_label": "drafting.model",
    "open_store": "drafting.store",
    "read_docx_submission": "drafting.readers",
    "read_draft": "drafting.readers",
    "render_html": "drafting.writers",
    "render_markdown": "drafting.writers",
    "render_text": "drafting.writers",
    "renumber": "drafting.model",
    "revise": "drafting.engine",
    "revise_document": "drafting.workflow",
    "select": "drafting.engine",
    "write_compilation_docx": "drafting.writers.docx_compilation",
    "write_docx_revision": "drafting.writers.docx_clean",
    "write_merged_docx": "drafting.writers.docx_merged",
    "write_text": "drafting.writers",
}
"""Where each public name lives."""

__all__ = [
    "AccessError",
    "Amendment",
    "AmendmentKind",
    "AmendmentStatus",
    "BracketAction",
    "BracketDecision",
    "BracketReport",
    "Compilation",
    "Decisions",
    "Delegation",
    "DelegationKind",
    "Document",
    "DraftingError",
    "Paragraph",
    "ParagraphKind",
    "ParagraphStatus",
    "Proposal",
    "ReadResult",
    "ReadWarning",
    "Receipt",
    "Revision",
    "RevisionOutcome",
    "Span",
    "Store",
    "SubmissionError",
    "bracket_decisions",
    "bracket_report",
    "brackets",
    "diff_revisions",
    "draft_amendment",
    "init_store",
    "load_submission",
    "merge",
    "next_label",
    "open_store",
    "read_docx_submission",
    "read_draft",
    "render_html",
    "render_markdown",
    "render_text",
    "renumber",
    "revise",
    "revise_document",
    "select",
    "write_compilation_docx",
    "write_docx_revision",
    "write_merged_docx",
    "write_text",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'drafting' has no attribute {name!r}")
    module = import_module(home)
    value = module if home == f"drafting.{name}" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
