"""Reading and laying out a text for `show` and `brackets` (see `documents`)."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import InputError
from drafting.model import Document, Paragraph, ParagraphKind

if TYPE_CHECKING:
    from drafting.engine.segments import NewParagraph
    from drafting.readers.text_checks import StrayBracket


def read_file(source: Path, strict: bool) -> Document:
    from drafting.readers import read_draft  # only for a file: store commands skip it

    result = read_draft(source)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if strict and result.warnings:
        raise InputError(f"{source}: {len(result.warnings)} warning(s) and --strict was given")
    return result.to_document(source.stem)


def select(draft: Document, label: str | None) -> list[Paragraph]:
    revision = draft.current
    paragraphs = list(revision or ())
    if label is None or revision is None:
        return paragraphs
    paragraph = revision.by_label(label)
    if paragraph is None:
        known = ", ".join(p.label for p in paragraphs[:6])
        known += ", ..." if len(paragraphs) > 6 else ""
        raise InputError(f"no paragraph {label} in {draft.symbol}; its labels are {known}")
    return [paragraph]


def layouts(paragraphs: Iterable[Paragraph], brackets_left: Iterable[int],
            width: int, strays: Iterable[StrayBracket] = ()) -> Iterator[str]:
    """Each paragraph as `layout` shows it, with a line under it for each of its
    ``strays``; a heading right after another (an article's title after "Article 3")
    without a second blank line before it."""
    flagged: dict[str, list[StrayBracket]] = {}
    for stray in strays:
        flagged.setdefault(stray.label, []).append(stray)
    after_heading = False
    for paragraph, count in zip(paragraphs, brackets_left, strict=True):
        shown = layout(paragraph, count, width, flagged.get(paragraph.label, ()))
        yield shown[1:] if after_heading and shown.startswith("\n") else shown
        after_heading = paragraph.kind is ParagraphKind.HEADING


def layout(paragraph: Paragraph, brackets_left: int, width: int,
           strays: Iterable[StrayBracket] = ()) -> str:
    if paragraph.kind is ParagraphKind.HEADING:
        return f"\n{paragraph.text}\n"
    mark = f"{brackets_left} br" if brackets_left else ""  # never "[1]": read as a bracket
    head = f"{paragraph.label:<11}{mark:>6} "
    lines: list[str] = []
    for piece in paragraph.text.split("\n"):
        lines += textwrap.wrap(piece, width - len(head), break_on_hyphens=False) or [""]
    for stray in strays:
        lines += textwrap.wrap(f"! unbalanced bracket, character {stray.offset}: "
                               f"{stray.message}", width - len(head), subsequent_indent="  ")
    indent = " " * len(head)
    return head + ("\n" + indent).join(lines)


def proposal_layout(proposal: NewParagraph, width: int) -> str:
    """A new paragraph only proposed (``OP9 bis``), as `layout` shows a paragraph: its
    label, who proposes it (and the amendment) and where, then its words."""
    head = f"{proposal.label:<11}{'':>6} "
    credit = proposal.credit
    where = f"before {proposal.before}" if proposal.before else f"after {proposal.after}"
    lines = [f"(proposed by {'/'.join(credit.proponents)}, {', '.join(credit.amendments)}; "
             f"{where})"]
    for piece in proposal.text.split("\n"):
        lines += textwrap.wrap(piece, width - len(head), break_on_hyphens=False) or [""]
    indent = " " * len(head)
    return head + ("\n" + indent).join(lines)
