"""drafting: co-draft negotiation texts with bracketed alternatives and attributed amendments.

The public API is what ``__all__`` lists; everything else is internal.
"""

from drafting import brackets
from drafting.engine import BracketReport, bracket_report
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
from drafting.readers import ReadResult, ReadWarning, read_draft
from drafting.writers import write_text

__all__ = [
    "Amendment",
    "AmendmentKind",
    "AmendmentStatus",
    "BracketReport",
    "Delegation",
    "DelegationKind",
    "Document",
    "DraftingError",
    "Paragraph",
    "ParagraphKind",
    "ParagraphStatus",
    "ReadResult",
    "ReadWarning",
    "Revision",
    "Span",
    "bracket_report",
    "brackets",
    "next_label",
    "read_draft",
    "renumber",
    "write_text",
]
