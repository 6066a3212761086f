"""Paragraphs laid out in a table: one row a paragraph, its number in the first cell and
its text in the second ("1." | "Encourages ..."), as some secretariats and many
compilation texts lay out the operative part.

A table is read so when each of its rows has two cells, the first holding a paragraph's
label and nothing else ("1.", "2 bis.", "OP3", "PP2", "(a)", "(1)"), or nothing at all
(an unnumbered, preambular paragraph, in a table where some row is numbered), and the
second some text. Its rows are then the draft's paragraphs, in order, read as the body's are (the
label cell's text before the text cell's first paragraph; the text cell's further
paragraphs as the body's paragraphs after it). Any other table (data, an annex's
indicators, a symbol block) is no part of the text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from drafting.brackets import count
from drafting.ooxml.run_styles import RunStyles
from drafting.ooxml.runs import (
    INSERTED,
    ParagraphRead,
    RunPiece,
    read_paragraph,
    read_paragraphs,
)
from drafting.readers.lines import BRACKETED_NUMBER, SUBPARAGRAPH, split_label

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TR, _TC, _P, _TBL = f"{_W}tr", f"{_W}tc", f"{_W}p", f"{_W}tbl"
_WRAPPERS = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})


@dataclass(frozen=True, slots=True)
class TableRow:
    """One row read as a paragraph: its label as typed ("2 bis."), the label cell's
    paragraph holding it, and the text cell's paragraphs in order."""

    label: str
    """"" for a row whose label cell is empty (an unnumbered paragraph)."""
    label_paragraph: Any
    """None where the label cell holds no paragraph."""
    paragraphs: tuple[Any, ...]


def is_label(text: str) -> bool:
    """Whether ``text`` (a cell's, trimmed) is a paragraph's label and nothing else."""
    if not text or "\n" in text or len(text) > 24:
        return False
    probe = f"{text} x"
    label, rest, _ = split_label(probe)
    if label is not None and rest == "x":
        return True
    return bool(SUBPARAGRAPH.fullmatch(f"{text} ") or BRACKETED_NUMBER.fullmatch(f"{text} "))


def paragraph_rows(rows: Iterable[Any], text: Callable[[Any], str], *,
                   labelled: bool = True) -> list[TableRow] | None:
    """The rows ``rows`` (``w:tr`` elements) of one table as paragraphs, or None when the
    table is not laid out so (see the module). ``text`` gives a ``w:p``'s text. A row
    whose label cell is empty is an unnumbered paragraph (a preambular one: label "");
    with ``labelled``, a table of such rows only is none."""
    found: list[TableRow] = []
    for row in rows:
        cells = list(_children(row, _TC))
        if len(cells) != 2 or any(cell.find(f".//{_TBL}") is not None for cell in cells):
            return None
        numbered = [(p, text(p).strip()) for p in _children(cells[0], _P)]
        filled = [(p, shown) for p, shown in numbered if shown]
        words = list(_children(cells[1], _P))
        if len(filled) > 1 or (filled and not is_label(filled[0][1])) or \
                not any(text(p).strip() for p in words):
            return None
        cell, label = filled[0] if filled else (numbered[0][0] if numbered else None, "")
        found.append(TableRow(label, cell, tuple(words)))
    if labelled and not any(row.label for row in found):
        return None
    return found or None


def _children(parent: Any, tag: str) -> Iterable[Any]:
    """``parent``'s children with ``tag``, looking inside content controls."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from _children(child, tag)
        elif child.tag == tag:
            yield child


def paragraph_row(paragraph: Any) -> Any | None:
    """The ``w:tr`` holding the ``w:p`` ``paragraph`` if it stands in a cell of a row read
    as a paragraph (its label cell or its text cell), told by `either_text`; None for
    any other."""
    cell = paragraph.getparent()
    row = cell.getparent() if cell is not None and cell.tag == _TC else None
    if row is None or row.tag != _TR:
        return None
    return row if paragraph_rows([row], either_text, labelled=False) is not None else None


def unnumbered_row(row: Any) -> bool:
    """Whether the ``w:tr`` ``row``, read as a paragraph, has an empty label cell (an
    unnumbered paragraph, a preambular one): a new row in its form gets none either."""
    cell = next(iter(_children(row, _TC)), None)
    return cell is not None and not "".join(cell.itertext()).strip()


def either_text(paragraph: Any) -> str:
    """A ``w:p``'s text before its tracked changes, or after them where that is empty (a
    row inserted): how a row tracked in a delegation's copy or a merged draft is told."""
    read = read_paragraph(paragraph)
    return read.original.strip() or read.proposed


def laid_out(blocks: Iterable[Any]) -> tuple[list[Any], dict[int, Any], list[Any]]:
    """A copy's body blocks (``w:p`` and ``w:tbl``, `drafting.ooxml.body.body_blocks`)
    as its Word paragraphs in order, a table whose rows are paragraphs (told by
    `either_text`) giving its text cells'; the label cell's paragraph of each row, by the
    index of the row's first paragraph among them; and the other tables."""
    paragraphs: list[Any] = []
    labels: dict[int, Any] = {}
    tables: list[Any] = []
    for block in blocks:
        if block.tag != _TBL:
            paragraphs.append(block)
        elif (rows := paragraph_rows(block.iter(_TR), either_text)) is None:
            tables.append(block)
        else:
            for row in rows:
                if row.label:  # an empty label cell: an unnumbered paragraph
                    labels[len(paragraphs)] = row.label_paragraph
                paragraphs += row.paragraphs
    return paragraphs, labels, tables


def labelled_rows(body: list[ParagraphRead], labels: dict[int, Any], footnotes: Any, *,
                  struck: bool = False, styles: RunStyles | None = None,
                  ) -> list[ParagraphRead]:
    """``body`` (the reads of `laid_out`'s paragraphs) with each row's label cell read
    (``struck`` and ``styles`` as `read_paragraphs` reads them) before its first
    paragraph, a tab between, as if typed there: a change to the label is one to a typed
    label."""
    body = list(body)
    for index, label in labels.items():
        (typed,) = read_paragraphs([label], footnotes, struck=struck, styles=styles)
        pieces = body[index].pieces
        tab = RunPiece("\t")
        if typed.pieces and pieces and all(p.state == INSERTED for p in typed.pieces) and \
                pieces[0].state == INSERTED:  # a new row: its tab is as new as its words
            first = pieces[0]
            tab = RunPiece("\t", INSERTED, first.author, first.date, first.change_id,
                           kind=first.kind)
        body[index] = ParagraphRead((*typed.pieces, tab, *pieces), body[index].mark)
    return body


def bracketed_cells(body: Any) -> list[str]:
    """The text of each cell holding a bracket in the tables of ``body`` (a ``w:body``)
    that are not read as paragraphs: brackets no count of the draft's includes."""
    found = []
    for table in body.iter(_TBL):
        if next(table.iterancestors(_TBL), None) is not None or \
                paragraph_rows(table.iterfind(_TR), either_text) is not None:
            continue
        for cell in table.iter(_TC):
            text = " ".join(either_text(p) for p in cell.iter(_P)).strip()
            if count(text):
                found.append(text)
    return found
