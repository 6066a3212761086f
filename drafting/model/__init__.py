"""The negotiation in negotiators' words: plain dataclasses, standard library only.

Nothing here reads files, touches a database or knows about Word.
"""

from drafting.model.amendment import SPAN_KINDS, Amendment, AmendmentKind, AmendmentStatus, Span
from drafting.model.delegation import Delegation, DelegationKind
from drafting.model.document import (
    Document,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
)
from drafting.model.labels import Label, next_label, normalize_label, parse_label, renumber
from drafting.model.marks import Mark, Style

__all__ = [
    "SPAN_KINDS",
    "Amendment",
    "AmendmentKind",
    "AmendmentStatus",
    "Delegation",
    "DelegationKind",
    "Document",
    "Label",
    "Mark",
    "Paragraph",
    "ParagraphKind",
    "ParagraphStatus",
    "Revision",
    "Span",
    "Style",
    "next_label",
    "normalize_label",
    "parse_label",
    "renumber",
]
