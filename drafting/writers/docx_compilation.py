"""The compilation text as a plain Word document (no tracked changes).

The same walk as the Markdown, HTML and text writers (`drafting.writers.pieces`),
in Word formatting: words a proposal inserts, and each option of a bracket, in
bold underline; words it deletes struck through; proponents, parentheses
included, in bold (``(EU)``); a bracket a proposal asks for in bold; the marks of
a bracket of alternatives (``[``, `` / ``, ``]``) plain. In the house style:
title, subtitle, then a legend; a preambular paragraph's opening words in italics
when no proposal touches them; headings as "Heading N"; every other paragraph
opens with its bold label and a tab. A new paragraph reads
``OP5 bis<tab>(USA) Invites ...`` with its words in bold underline, an
alternative formulation ``OP7 Alt<tab>(G77) ...`` likewise. A paragraph's status
(``(agreed ad ref)``) and whole-paragraph positions (`` — delete paragraph
(USA)``, `` — retain (G77)``) are in italics, proponents in bold. Stale proposals
close the document under a "Stale proposals" heading.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

import docx
from docx.document import Document as DocxDocument

from drafting.engine.segments import Compilation, Credit, Entry, MergedParagraph, NewParagraph
from drafting.model import Paragraph, ParagraphKind
from drafting.ooxml.revisions import label_runs, make_run, opening_words_end, save_atomically
from drafting.writers.pieces import (
    Piece,
    PieceKind,
    alternative_labels,
    credit_tag,
    entry_pieces,
    is_heading,
    paragraph_labels,
    paragraph_notes,
    stale_parts,
    status_word,
)

LEGEND = (
    "Insertions in bold underline, deletions struck through, proponents in bold "
    "parentheses; [ / ] alternatives not agreed."
)

_FORMATS: dict[PieceKind, dict[str, bool]] = {
    PieceKind.INSERTED: {"bold": True, "underline": True},
    PieceKind.OPTION: {"bold": True, "underline": True},
    PieceKind.DELETED: {"strike": True},
    PieceKind.CREDIT: {"bold": True},
    PieceKind.BRACKET: {"bold": True},
}


def write_compilation_docx(compilation: Compilation, path: str | os.PathLike[str]) -> None:
    """Write the compilation text of ``compilation`` to ``path`` as a .docx.

    An empty title falls back to the symbol. The file is written atomically (a
    temporary file in the same folder, then renamed); DraftingError if it
    cannot be written.
    """
    document = docx.Document()
    title = compilation.title or compilation.symbol
    document.add_paragraph(title, style="Title")
    document.add_paragraph(
        f"{compilation.symbol} — compilation of proposals on the {compilation.revision}",
        style="Subtitle")
    document.add_paragraph(LEGEND)
    document.core_properties.title = title
    document.core_properties.subject = compilation.symbol
    for entry in compilation.entries:
        _entry(document, entry)
    if compilation.stale:
        _stale(document, compilation)
    save_atomically(document, path)


def piece_runs(pieces: Iterable[Piece]) -> list[Any]:
    """``w:r`` elements for pieces, formatted as the module docstring says."""
    return [make_run(piece.text, **_FORMATS.get(piece.kind, {})) for piece in pieces]


def _entry(document: DocxDocument, entry: Entry) -> None:
    if isinstance(entry, NewParagraph):
        _proposed(document, entry.label, entry.credit, entry.text)
        return
    paragraph = entry.paragraph
    status = status_word(paragraph)
    if is_heading(entry):
        level = min(max(paragraph.level, 1), 9)
        runs = piece_runs(entry_pieces(entry))
        if status:
            runs.append(make_run(f" ({status})", italic=True))
        _fill(document.add_paragraph(style=f"Heading {level}")._p, runs + _notes(entry))
        return
    runs = label_runs(paragraph.label)
    if status:
        runs.append(make_run(f"({status}) ", italic=True))
    runs += _opening_in_italics(paragraph, entry_pieces(entry)) + _notes(entry)
    _fill(document.add_paragraph()._p, runs)
    labels = alternative_labels(paragraph.label, len(entry.alternatives))
    for label, option in zip(labels, entry.alternatives, strict=True):
        _proposed(document, label, option.credit, option.text)


def _opening_in_italics(paragraph: Paragraph, pieces: tuple[Piece, ...]) -> list[Any]:
    """Runs for the pieces, a preambular paragraph's opening words in italics when they
    open it unchanged."""
    end = opening_words_end(paragraph.text) if paragraph.kind is ParagraphKind.PREAMBULAR else 0
    first = pieces[0] if pieces else None
    if not end or first is None or first.kind is not PieceKind.TEXT \
            or first.text[:end] != paragraph.text[:end]:
        return piece_runs(pieces)
    rest = [Piece(PieceKind.TEXT, first.text[end:])] if first.text[end:] else []
    return [make_run(first.text[:end], italic=True), *piece_runs([*rest, *pieces[1:]])]


def _proposed(document: DocxDocument, label: str, credit: Credit, text: str) -> None:
    """A new paragraph or an alternative formulation: label, proponents, words in bold
    underline."""
    runs = label_runs(label)
    tag = credit_tag(credit)
    if tag:
        runs += [make_run(tag, bold=True), make_run(" ")]
    runs += piece_runs([Piece(PieceKind.INSERTED, text.strip())] if text.strip() else [])
    _fill(document.add_paragraph()._p, runs)


def _notes(entry: MergedParagraph) -> list[Any]:
    runs = []
    for what, credit in paragraph_notes(entry):
        runs.append(make_run(f" — {what}", italic=True))
        tag = credit_tag(credit)
        if tag:
            runs += [make_run(" "), make_run(tag, bold=True)]
    return runs


def _stale(document: DocxDocument, compilation: Compilation) -> None:
    document.add_paragraph("Stale proposals", style="Heading 1")
    labels = paragraph_labels(compilation)
    for stale in compilation.stale:
        amendment_id, proponents, where, reason = stale_parts(stale, labels)
        runs = [make_run(amendment_id), make_run(" "), make_run(f"({proponents})", bold=True),
                make_run(f" on {where}: {reason}")]
        _fill(document.add_paragraph(style="List Bullet")._p, runs)


def _fill(paragraph: Any, runs: Iterable[Any]) -> None:
    for run in runs:
        paragraph.append(run)
