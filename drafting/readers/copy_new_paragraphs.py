"""The new paragraphs of a delegation's copy: the parts a paragraph is split into by
inserted paragraph marks, and the paragraph a new one is proposed next to."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from drafting.engine.series import opens_series, series_key
from drafting.errors import LabelError
from drafting.model import Paragraph, ParagraphKind, Revision, parse_label
from drafting.model.labels import sub_clause
from drafting.ooxml import runs
from drafting.ooxml.runs import DELETED, INSERTED, RunPiece
from drafting.readers.copy_chunks import Chunk
from drafting.readers.docx_matching import Group


def stands_before(target: Revision, previous: Paragraph | None, read: str | None,
                  ahead: Paragraph | None = None) -> Paragraph | None:
    """The paragraph of ``target`` a new paragraph of the copy is proposed before, or
    None where it follows ``previous`` (the paragraph of the text before it in the copy).

    Before the text's first paragraph where nothing stands before it; before the first
    of a series (`drafting.engine.series`: OP1 after the preambular paragraphs) where
    it stands right before it and the copy numbers it in that series, as ``read`` (the
    label the copy's structure gives it) says: a typed "1.", or Word's number at the
    operative list's level. An unnumbered paragraph there reads as preambular and
    follows the last preambular paragraph. After a heading it follows the heading (a
    section's new first paragraph already). ``ahead``, the paragraph the new paragraph
    before this one stands before, takes this one too: the new ones keep their order.
    """
    if previous is None:
        return next(iter(target), None)
    if ahead is not None:
        return ahead
    if previous.kind is ParagraphKind.HEADING or read is None:
        return None
    paragraphs = list(target)
    index = next((k for k, p in enumerate(paragraphs) if p.id == previous.id), None)
    following = None if index is None else next(
        (k for k in range(index + 1, len(paragraphs))
         if paragraphs[k].kind is not ParagraphKind.FOOTNOTE), None)
    if following is None or not opens_series(paragraphs, following):
        return None
    try:
        label = parse_label(read)
    except LabelError:
        return None
    first = paragraphs[following]
    return first if (label.prefix, label.section) == series_key(first) else None


def clause_before(target: Revision, previous: Paragraph | None,
                  read: str | None) -> Paragraph | None:
    """The paragraph a new clause of the copy follows: ``previous`` (the paragraph before
    it in the copy), or, where the copy numbers the new one as a clause above it (``read``
    "1.2", typed or by Word's multilevel list, after ``1.1.1``), the clause of that level
    ``previous`` stands under (``1.1``): the new clause is proposed after it, and so
    after its sub-clauses (`drafting.model.labels.sub_clause`)."""
    if previous is None or read is None:
        return previous
    try:
        wanted, before = parse_label(read), parse_label(previous.label)
    except LabelError:
        return previous
    if wanted.prefix != "OP" or before.prefix != "OP" or wanted.suffix:
        return previous
    for paragraph in target:
        with suppress(LabelError):
            clause = parse_label(paragraph.label)
            if clause.section == wanted.section and not clause.suffix and \
                    sub_clause(before, clause.family):
                return paragraph
    return previous


def split_parts(group: Group) -> tuple[list[RunPiece], list[Chunk]]:
    """A paragraph split by inserted paragraph marks: its own pieces (the text moved out
    deleted by whoever inserted the mark) and each part after a mark as a new paragraph."""
    first, *rest = group.hosts
    pieces, parts = list(first.pieces), []
    mark = first.mark
    for chunk in rest:
        pieces += [p if p.state == DELETED else replace(
            p, state=DELETED, author=mark.author, date=mark.date, change_id=mark.change_id,
            kind=mark.kind or runs.CHANGE) for p in chunk.pieces if p.in_original]
        parts.append(Chunk(chunk.number, chunk.label, [p if p.state == INSERTED else replace(
            p, state=INSERTED, author=mark.author, date=mark.date, change_id=mark.change_id,
            kind=mark.kind or runs.CHANGE) for p in chunk.pieces if p.in_proposed], chunk.mark))
        mark = chunk.mark
    return pieces, parts
