"""Paragraph labels as negotiators write them: ``PP3``, ``OP5``, ``OP5 bis``.

A label is a prefix (``PP`` preambular, ``OP`` operative, ``H`` heading,
``T`` other text), a number, and for a paragraph proposed between two others a
Latin suffix: ``OP5 bis``, ``OP5 ter``, ... until a revision renumbers them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from drafting.errors import LabelError
from drafting.model.document import ParagraphKind

SUFFIXES: tuple[str, ...] = (
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies",
    "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies", "sexdecies",
    "septdecies", "octodecies", "novodecies", "vicies",
)
"""Latin suffixes in order: the n-th new paragraph after OP5 is ``OP5 <SUFFIXES[n-1]>``."""

PREFIX_KINDS: dict[str, ParagraphKind] = {
    "PP": ParagraphKind.PREAMBULAR,
    "OP": ParagraphKind.OPERATIVE,
    "H": ParagraphKind.HEADING,
    "T": ParagraphKind.OTHER,
}
KIND_PREFIXES: dict[ParagraphKind, str] = {kind: prefix for prefix, kind in PREFIX_KINDS.items()}

_SUFFIX_PATTERN = "|".join(sorted(SUFFIXES, key=len, reverse=True))
LABEL_RE = re.compile(rf"(PP|OP|H|T)\s*(\d+)(?:\s+({_SUFFIX_PATTERN}))?", re.IGNORECASE)
"""A label anywhere; use ``fullmatch`` for a whole label."""


@dataclass(frozen=True, slots=True, order=True)
class Label:
    """A parsed label. Labels sort as they stand in a text: OP5 < OP5 bis < OP6."""

    prefix: str
    number: int
    suffix: int = 0
    """0 for none, 1 for bis, 2 for ter, ..."""

    def __str__(self) -> str:
        base = f"{self.prefix}{self.number}"
        return f"{base} {SUFFIXES[self.suffix - 1]}" if self.suffix else base

    @property
    def kind(self) -> ParagraphKind:
        """The kind of paragraph this label names."""
        return PREFIX_KINDS[self.prefix]


def parse_label(text: str) -> Label:
    """Read a label such as ``OP5``, ``op 5 bis`` or ``PP12``; case and spacing are forgiven.

    Raises LabelError for anything else, saying what a label looks like.
    """
    match = LABEL_RE.fullmatch(text.strip())
    if match is None:
        raise LabelError(
            f"'{text}' is not a paragraph label: expected e.g. PP3, OP5 or OP5 bis"
        )
    prefix, number, suffix = match.groups()
    suffix_index = SUFFIXES.index(suffix.lower()) + 1 if suffix else 0
    return Label(prefix.upper(), int(number), suffix_index)


def normalize_label(text: str) -> str:
    """The canonical spelling of a label: ``op 5 BIS`` -> ``OP5 bis``."""
    return str(parse_label(text))


def next_label(after: str, existing: Iterable[str]) -> str:
    """The label for a new paragraph proposed after the paragraph ``after``.

    It takes the first Latin suffix beyond ``after``'s own that no label in
    ``existing`` uses: after ``OP5`` it is ``OP5 bis``; if ``OP5 bis`` is
    taken, ``OP5 ter`` (new paragraphs proposed after the same paragraph
    queue in the order they come). Raises LabelError past the last suffix.
    """
    base = parse_label(after)
    taken = {
        label.suffix
        for label in map(parse_label, existing)
        if (label.prefix, label.number) == (base.prefix, base.number)
    }
    for suffix in range(base.suffix + 1, len(SUFFIXES) + 1):
        if suffix not in taken:
            return str(Label(base.prefix, base.number, suffix))
    raise LabelError(
        f"no label left after {after}: every suffix up to '{SUFFIXES[-1]}' is taken; "
        "issue a revision to renumber the text"
    )


def renumber(labels: Sequence[str]) -> dict[str, str]:
    """Number a whole text afresh, in the order given: PP1, PP2, ..., OP1, OP2, ...

    Each prefix counts on its own and suffixes go (``OP4 bis`` becomes ``OP5``
    and the old ``OP5`` becomes ``OP6``). Returns old -> new for every label;
    unchanged ones map to themselves. Raises LabelError on a duplicate label.
    """
    counters: dict[str, int] = {}
    table: dict[str, str] = {}
    for text in labels:
        label = parse_label(text)
        old = str(label)
        if old in table:
            raise LabelError(f"the label {old} occurs twice; each paragraph needs its own")
        counters[label.prefix] = counters.get(label.prefix, 0) + 1
        table[old] = f"{label.prefix}{counters[label.prefix]}"
    return table


def changed(table: dict[str, str]) -> dict[str, str]:
    """Only the entries of a renumbering table whose label changes."""
    return {old: new for old, new in table.items() if old != new}
