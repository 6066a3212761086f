"""What amendments say, in a few words: the lines a preview, a list or a log shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting import brackets
from drafting.lookup import brief, label_of
from drafting.model import Amendment, AmendmentKind, Document, Paragraph, ParagraphStatus

_K = AmendmentKind


def proposals_preview(document: Document, amendments: Sequence[Amendment]) -> list[str]:
    """One line per amendment saying exactly what would be recorded: paragraph, what it
    does (old -> new), proponents and supporters, and a warning when it changes a
    paragraph already agreed (accepted, it opens it again)."""
    lines = []
    for amendment in amendments:
        label = label_of(document, amendment.paragraph_id, amendment.revision)
        lines.append(f"{label}: {describe(amendment, made_on(document, amendment))}  "
                     f"({backing(amendment)})"
                     + agreed_warning(document, amendment))
    return lines


def made_on(document: Document, amendment: Amendment) -> str | None:
    """The text of the paragraph ``amendment`` was made on, None where it is not found."""
    revision = document.revision(amendment.revision) or document.current
    paragraph = revision.by_id(amendment.paragraph_id) if revision is not None else None
    return paragraph.text if paragraph is not None else None


def unsettled(paragraph: Paragraph) -> str:
    """``"OP6 still has 2 brackets: ..."`` for a paragraph agreed with brackets left in
    it, else ""."""
    left = brackets.count(paragraph.text, paragraph=paragraph.label)
    if not left:
        return ""
    return (f"{paragraph.label} still has {left} bracket{'s' * (left != 1)}: it is agreed "
            f"as the room agreed it; settle them in the next revision (revise --choose, "
            f"--keep or --drop {paragraph.label})")


def agreed_warning(document: Document, amendment: Amendment) -> str:
    """``"; warning: OP6 is agreed ..."`` when ``amendment`` changes (or deletes) a
    paragraph agreed or agreed ad ref in the revision it is made against, else ""."""
    if amendment.amends or amendment.kind in (_K.NEW_PARAGRAPH, _K.RETAIN):
        return ""
    revision = document.revision(amendment.revision) or document.current
    paragraph = revision.by_id(amendment.paragraph_id) if revision is not None else None
    if paragraph is None or paragraph.status not in (ParagraphStatus.AGREED,
                                                     ParagraphStatus.AGREED_AD_REF):
        return ""
    agreed = "agreed ad ref" if paragraph.status is ParagraphStatus.AGREED_AD_REF else "agreed"
    if amendment.kind is _K.DELETE_PARAGRAPH:
        return f"; warning: {paragraph.label} is {agreed}: accepted, this deletes it"
    return f"; warning: {paragraph.label} is {agreed}: accepted, this change opens it again"

def backing(amendment: Amendment) -> str:
    """Who backs an amendment, in a few words: ``EU, supported by JPN/USA, support requested:
    G77`` (requested support is named apart: it is not support until it is confirmed)."""
    who = "/".join(amendment.proponents)
    if amendment.supporters:
        who += f", supported by {'/'.join(amendment.supporters)}"
    if amendment.requested:
        who += f", support requested: {'/'.join(amendment.requested)}"
    return who


def describe(amendment: Amendment, text: str | None = None) -> str:
    """What an amendment does, in a few words with its texts quoted. ``text``, the
    paragraph's text it was made on where known, names a paragraph whose brackets it
    lifts whole ("lift the brackets of the paragraph")."""
    old, new, kind = amendment.old_text, amendment.new_text, amendment.kind
    if amendment.amends:
        return f"in the words {amendment.amends} proposes, " + describe(replace(amendment,
                                                                                amends=""))
    if kind is _K.REPLACE and brackets.lifted(old, new):
        whole = text is not None and text.strip() == old
        return "lift the brackets of the paragraph" if whole else \
            f"lift the brackets around {brief(new)}"
    if kind is _K.REPLACE:
        return f"replace {brief(old)} -> {brief(new, exact=True)}"
    if kind is _K.DELETE:
        return f"delete {brief(old)}"
    if kind is _K.INSERT:
        return f"insert {brief(new, exact=True)} {_side(amendment)} {brief(old)}"
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


def _side(amendment: Amendment) -> str:
    """Where an insertion goes beside the words it quotes: "after", "before", or "next
    to" when its places do not say (an insertion whose anchor is not known)."""
    span, anchor = amendment.span, amendment.anchor
    if span is None or anchor is None or anchor.start == anchor.end:
        return "next to"
    if span.start == anchor.end:
        return "after"
    return "before" if span.start == anchor.start else "next to"
