"""Paragraphs laid out in a table: one row a paragraph, its number in the first cell and
its text in the second ("1." | "Encourages ..."), as some secretariats, many compilation
texts and treaty conferences' negotiating texts lay the text out.

A table is read so when each of its rows has two cells or more, the first holding a
paragraph's label and nothing else ("1.", "2 bis.", "OP3", "PP2", "(a)", "(1)"), or nothing
at all (an unnumbered, preambular paragraph, in a table where some row is numbered), and
the second some text. Around those rows, as negotiating texts have them: a first row of
short words that are no label is the header ("Para | Text"), skipped; a row of one cell
(merged across the table) or whose first cell alone holds words is a heading's ("I.
General provisions"); cells after the text cell ("Proposals / comments") are no part of
the text. Where the layout is not the plain one, the text cells must read as text (or the
header name them so): a table of figures under a header is data. Its rows are then the
draft's paragraphs, in order, read as the body's are (the label cell's text before the
text cell's first paragraph; the text cell's further paragraphs as the body's paragraphs
after it). Any other table (data, an annex's indicators, a symbol block) is no part of the
text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from drafting.brackets import count
from drafting.lazy_re import lazy_compile
from drafting.model.sections import section_key
from drafting.ooxml.character_form import CharacterForms
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
    """"" for a row whose label cell is empty (an unnumbered paragraph) or a heading's."""
    label_paragraph: Any
    """None where the label cell holds no paragraph (or the row is a heading's)."""
    paragraphs: tuple[Any, ...]
    heading: bool = False
    """A row of one cell (merged across the table: "I. General provisions") or whose
    first cell alone holds words that are no label: a line of its own, a section's
    heading as compilation tables lay them out."""


@dataclass(frozen=True, slots=True)
class TableLayout:
    """How a table holding the text is laid out: its rows read as paragraphs, the header
    row skipped ("Para | Text"), and the columns after the text column ("Proposals /
    comments"), which are no part of the text."""

    rows: list[TableRow]
    header: tuple[str, ...] = ()
    """The header row's cells, () where the table has none."""
    extra: tuple[str, ...] = ()
    """Each column after the text's that holds words, by its header ("column 3" if none)."""
    aside: tuple[Any, ...] = ()
    """The ``w:p`` elements of the header row and of the cells after the text's: no part
    of the text, a change made there is none to it."""


_TEXT_HEADER = lazy_compile(r"\b(?:text|paragraph|para|provisions?|draft|wording)\b",
                          re.IGNORECASE)
"""A header naming the text column: "Text", "Draft text", "Paragraph", "Provision"."""
_TEXT_LENGTH = 30
"""The mean length of a text column's cells, in characters, below which a table whose
layout is not the plain one (a header, a heading row, a third column) is taken for data
(indicators, figures) rather than the text: "1. | 45 %" is no paragraph."""
_HEADER_LENGTH = 60
_BARE = lazy_compile(r"\d{1,3}")
"""A number alone in a label cell ("1", no full stop): a paragraph's where the text cells
read as text, else a data table's row number."""


def is_label(text: str) -> bool:
    """Whether ``text`` (a cell's, trimmed) is a paragraph's label and nothing else."""
    if not text or "\n" in text or len(text) > 24:
        return False
    probe = f"{text} x"
    label, rest, _ = split_label(probe)
    if label is not None and rest == "x":
        return True
    label, rest, _ = split_label(f"{text}\tX")  # a number alone: "1", as a tab before text
    if label is not None and rest == "X":
        return True
    return bool(SUBPARAGRAPH.fullmatch(f"{text} ") or BRACKETED_NUMBER.fullmatch(f"{text} "))


def paragraph_rows(rows: Iterable[Any], text: Callable[[Any], str], *,
                   labelled: bool = True) -> list[TableRow] | None:
    """The rows ``rows`` (``w:tr`` elements) of one table as paragraphs, or None when the
    table is not laid out so (see `table_layout`)."""
    layout = table_layout(rows, text, labelled=labelled)
    return None if layout is None else layout.rows


def table_layout(rows: Iterable[Any], text: Callable[[Any], str], *,
                 labelled: bool = True) -> TableLayout | None:
    """The rows ``rows`` (``w:tr`` elements) of one table read as paragraphs, or None
    when the table is not laid out so (see the module). ``text`` gives a ``w:p``'s text.
    A row whose label cell is empty is an unnumbered paragraph (a preambular one: label
    ""); with ``labelled``, a table of such rows only is none. A first row of short
    words, none a label ("Para | Text"), is a header; a row with one cell holding words
    a heading; cells after the text cell are left out (`TableLayout.extra`)."""
    table = [list(_children(row, _TC)) for row in rows]
    if any(cell.find(f".//{_TBL}") is not None for cells in table for cell in cells):
        return None
    texts = [[_cell_text(cell, text) for cell in cells] for cells in table]
    header: tuple[str, ...] = ()
    aside: list[Any] = []
    if len(table) > 1 and _is_header(texts[0]):
        aside += [p for cell in table[0] for p in _children(cell, _P)]
        header, table, texts = tuple(texts[0]), table[1:], texts[1:]
    found: list[TableRow] = []
    extra: dict[int, str] = {}
    words: list[int] = []
    for cells, shown in zip(table, texts, strict=True):
        if not any(shown):
            continue  # an empty row, as a blank line
        if len(cells) == 1 or (len(cells) > 2 and not any(shown[1:])) or \
                (len(cells) == 2 and not shown[1] and not is_label(shown[0])):
            if is_label(shown[0]) or "\n" in shown[0]:
                return None
            found.append(TableRow("", None, tuple(_children(cells[0], _P)), heading=True))
            continue
        if _section_row(shown):  # "Article 1 | Use of terms", "I. | General provisions"
            label_paragraph = next(p for p in _children(cells[0], _P) if text(p).strip())
            found.append(TableRow(shown[0], label_paragraph, tuple(_children(cells[1], _P)),
                                  heading=True))
            continue
        row = _paragraph_row(cells, text)
        if row is None:
            return None
        found.append(row)
        words.append(len(shown[1]))
        for column in range(2, len(cells)):
            aside += _children(cells[column], _P)
            if shown[column]:
                extra[column] = header[column] if column < len(header) and header[column] \
                    else f"column {column + 1}"
    if not words or (labelled and not any(row.label and not row.heading for row in found)):
        return None
    plain = not header and not extra and not any(row.heading for row in found) and \
        not any(_BARE.fullmatch(row.label) for row in found)
    if not plain and not (header[1:2] and _TEXT_HEADER.search(header[1])) and \
            sum(words) / len(words) < _TEXT_LENGTH:
        return None  # a data table (figures, indicators, "1 | Pacific"), not the text
    return TableLayout(found, header, tuple(extra[c] for c in sorted(extra)), tuple(aside))


def _paragraph_row(cells: list[Any], text: Callable[[Any], str]) -> TableRow | None:
    """A row of two cells or more as a paragraph: its first cell a label or nothing, its
    second some text; None otherwise."""
    if len(cells) < 2:
        return None
    numbered = [(p, text(p).strip()) for p in _children(cells[0], _P)]
    filled = [(p, shown) for p, shown in numbered if shown]
    words = list(_children(cells[1], _P))
    if len(filled) > 1 or (filled and not is_label(filled[0][1])) or \
            not any(text(p).strip() for p in words):
        return None
    cell, label = filled[0] if filled else (numbered[0][0] if numbered else None, "")
    return TableRow(label, cell, tuple(words))


def _section_row(shown: list[str]) -> bool:
    """Whether a row's cells' ``shown`` texts are a section heading's laid out as a
    paragraph's: its number ("Article 1", "Part II", "I.") where a label stands, its
    title, a line of few words, in the text cell."""
    first = shown[0]
    return len(shown) > 1 and "\n" not in first and not is_label(first) and \
        (section_key(first) is not None or bool(_ROMAN.fullmatch(first))) and \
        "\n" not in shown[1] and len(shown[1]) <= _HEADER_LENGTH and not any(shown[2:])


_ROMAN = lazy_compile(r"[IVXLC]{1,7}\.?|[A-H]\.")
"""A section's number alone: "IV.", "B."."""


def _cell_text(cell: Any, text: Callable[[Any], str]) -> str:
    return "\n".join(shown for p in _children(cell, _P) if (shown := text(p).strip()))


def _is_header(texts: list[str]) -> bool:
    """Whether a first row's cells' ``texts`` are a header's: two or more, short, one
    line each, the first words that are no label ("Para", "No.", "Paragraph")."""
    return len(texts) > 1 and bool(texts[0]) and not is_label(texts[0]) and all(
        len(shown) <= _HEADER_LENGTH and "\n" not in shown for shown in texts) and \
        any(texts[1:])


def text_rows(rows: Iterable[Any], text: Callable[[Any], str]) -> int:
    """How many of a table's rows (``w:tr``) look like paragraphs of a negotiating text
    whatever the layout: a cell holding a label ("1.", "PP2", "(a)") and a later one
    words, or a cell holding a sentence: a table that may hold the draft's text."""
    found = 0
    for row in rows:
        shown = [_cell_text(cell, text) for cell in _children(row, _TC)]
        labelled = any(is_label(cell) and any(len(later) >= _TEXT_LENGTH // 2
                                              for later in shown[at + 1:])
                       for at, cell in enumerate(shown))
        found += labelled or any(len(cell) >= 2 * _TEXT_LENGTH for cell in shown)
    return found


def row_form(row: Any) -> Any:
    """The row whose form a new row beside the ``w:tr`` ``row`` takes: ``row`` itself, or
    for a heading's row (one merged cell) the nearest row after it (else before) laid out
    as a paragraph, whose cells a paragraph fills."""
    if len(list(_children(row, _TC))) > 1:
        return row
    for near in (*row.itersiblings(_TR), *row.itersiblings(_TR, preceding=True)):
        if len(list(_children(near, _TC))) > 1:
            return near
    return row


def _children(parent: Any, tag: str) -> Iterable[Any]:
    """``parent``'s children with ``tag``, looking inside content controls."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from _children(child, tag)
        elif child.tag == tag:
            yield child


def paragraph_row(paragraph: Any) -> Any | None:
    """The ``w:tr`` holding the ``w:p`` ``paragraph`` if it stands in a cell of a row read
    as a paragraph (its label cell or its text cell, or a heading row's one cell), told by
    `either_text`; None for any other (a header, a proposals column)."""
    cell = paragraph.getparent()
    row = cell.getparent() if cell is not None and cell.tag == _TC else None
    if row is None or row.tag != _TR:
        return None
    cells = list(_children(row, _TC))
    if cell not in cells[:2]:
        return None
    if _paragraph_row(cells, either_text) is not None:
        return row
    table = next(row.iterancestors(_TBL), None)
    layout = None if table is None else table_layout(_table_rows(table), either_text)
    return row if layout is not None and any(
        found.heading and (paragraph in found.paragraphs or paragraph is found.label_paragraph)
        for found in layout.rows) else None


def _table_rows(table: Any) -> list[Any]:
    """``table``'s own rows (not a nested table's)."""
    return [row for row in table.iter(_TR) if next(row.iterancestors(_TBL)) is table]


def row_label(row: Any) -> str:
    """The label typed in the ``w:tr`` ``row``'s first cell, a tab after it ("3.\t"), as
    a paragraph's typed label is read: "" where the cell is empty."""
    cell = next(iter(_children(row, _TC)), None)
    typed = "" if cell is None else " ".join(
        either_text(p) for p in _children(cell, _P)).strip()
    return f"{typed}\t" if typed else ""


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
                  forms: CharacterForms | None = None) -> list[ParagraphRead]:
    """``body`` (the reads of `laid_out`'s paragraphs) with each row's label cell read
    (``struck``, ``styles`` and ``forms`` as `read_paragraphs` reads them) before its first
    paragraph, a tab between, as if typed there: a change to the label is one to a typed
    label."""
    body = list(body)
    for index, label in labels.items():
        (typed,) = read_paragraphs([label], footnotes, struck=struck, styles=styles,
                                   forms=forms)
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
