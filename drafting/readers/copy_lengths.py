"""How long a delegation's copy's paragraphs may be, and how deep their brackets may
nest (`drafting.limits`), checked Word paragraph by Word paragraph before anything else
is read of them."""

from __future__ import annotations

from drafting.limits import (
    MAX_BRACKET_DEPTH,
    MAX_PARAGRAPH_CHARS,
    bracket_depth,
    too_deep,
    too_long,
)
from drafting.ooxml import runs
from drafting.ooxml.runs import NORMAL
from drafting.readers.draft_labels import labelled


def check_length(name: str, number: int, read: runs.ParagraphRead, note: int | None) -> None:
    """LimitError if Word paragraph ``number``'s text before its tracked changes, or after
    them (text inserted and deleted again counted too), is longer than a paragraph may be,
    or its brackets nest deeper."""
    pieces, original = read.pieces, read.original
    if len(pieces) == 1 and pieces[0].state == NORMAL and \
            len(original) <= MAX_PARAGRAPH_CHARS and original.count("[") <= MAX_BRACKET_DEPTH:
        return  # nearly always: one unchanged piece, short, few brackets (`bracket_depth`)
    before = after = len(original)
    if len(pieces) != 1 or pieces[0].state != NORMAL:  # else the same text
        after = len(read.proposed) + sum(len(p.text) for p in read.pieces
                                         if p.cancelled and not p.in_proposed)
    if max(before, after) > MAX_PARAGRAPH_CHARS:
        where = f"{name}, paragraph {number}"
        head = read.original if before >= after else read.proposed
        place = f"{where} (FN{note})" if note is not None else labelled(where, head[:200])
        raise too_long(place, max(before, after))
    proposed = bracket_depth(read.proposed) if read.proposed != read.original else 0
    if (depth := max(bracket_depth(read.original), proposed)) > MAX_BRACKET_DEPTH:
        where = f"{name}, paragraph {number}"
        head = read.original or read.proposed
        place = f"{where} (FN{note})" if note is not None else labelled(where, head)
        raise too_deep(place, depth)
