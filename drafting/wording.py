"""What amendments say, in a few words: the lines a preview, a list or a log shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.lookup import brief, label_of
from drafting.model import Amendment, AmendmentKind, Document

_K = AmendmentKind


def proposals_preview(document: Document, amendments: Sequence[Amendment]) -> list[str]:
    """One line per amendment saying exactly what would be recorded: paragraph, what it
    does (old -> new), proponents and supporters."""
    lines = []
    for amendment in amendments:
        label = label_of(document, amendment.paragraph_id, amendment.revision)
        lines.append(f"{label}: {describe(amendment)}  ({backing(amendment)})")
    return lines

def backing(amendment: Amendment) -> str:
    """Who backs an amendment, in a few words: ``EU, supported by JPN/USA, support requested:
    G77`` (requested support is named apart: it is not support until it is confirmed)."""
    who = "/".join(amendment.proponents)
    if amendment.supporters:
        who += f", supported by {'/'.join(amendment.supporters)}"
    if amendment.requested:
        who += f", support requested: {'/'.join(amendment.requested)}"
    return who

def describe(amendment: Amendment) -> str:
    """What an amendment does, in a few words with its texts quoted."""
    old, new, kind = amendment.old_text, amendment.new_text, amendment.kind
    if amendment.amends:
        return f"in the words {amendment.amends} proposes, " + describe(replace(amendment,
                                                                                amends=""))
    if kind is _K.REPLACE:
        return f"replace {brief(old)} -> {brief(new)}"
    if kind is _K.DELETE:
        return f"delete {brief(old)}"
    if kind is _K.INSERT:
        return f"insert {brief(new)} next to {brief(old)}"
    if kind is _K.BRACKET:
        return f"bracket {brief(old)}"
    if kind is _K.NEW_PARAGRAPH:
        where = "before" if amendment.precedes else "after"
        return f"new paragraph {where} it: {brief(new)}"
    if kind is _K.ALTERNATIVE:
        return f"alternative formulation: {brief(new)}"
    if kind is _K.DELETE_PARAGRAPH:
        return "delete the paragraph"
    return "retain the paragraph as it stands"
