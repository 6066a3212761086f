"""The position matrix as a page and as a Word table: a row per paragraph, a column per
delegation, each cell the delegation's roles there ("proposed, retain", "withdrew")."""

from __future__ import annotations

import os
from html import escape

from drafting.engine.positions import PositionMatrix
from drafting.ooxml.revisions import save_atomically
from drafting.writers.blank_word import blank_word

_NOBODY = "No delegation has taken a position on this text."


def render_positions_html(matrix: PositionMatrix, *, symbol: str, title: str) -> str:
    """A standalone HTML page holding the matrix as a table."""
    head = (f'<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
            f"<title>{escape(symbol)} — positions</title>"
            "<style>body { font-family: 'Times New Roman', serif; } "
            "table { border-collapse: collapse; } th, td { border: 1px solid #999; "
            "padding: .2em .5em; text-align: left; vertical-align: top; }</style></head>\n"
            f'<body>\n<h1 dir="auto">{escape(title or symbol)}</h1>\n'
            f"<p>{escape(symbol)} — who proposed, supported, asked to retain or withdrew "
            "what, paragraph by paragraph.</p>\n")
    if not matrix.delegations:
        return head + f"<p>{_NOBODY}</p>\n</body>\n</html>\n"
    columns = "".join(f'<th scope="col">{escape(code)}</th>' for code in matrix.delegations)
    rows = "\n".join(
        f'<tr><th scope="row">{escape(row.label)}</th>'
        + "".join(f"<td>{escape(row.cell(code))}</td>" for code in matrix.delegations)
        + "</tr>" for row in matrix.rows)
    return (head + f"<table>\n<thead><tr><th>Paragraph</th>{columns}</tr></thead>\n"
            f"<tbody>\n{rows}\n</tbody>\n</table>\n</body>\n</html>\n")


def write_positions_docx(matrix: PositionMatrix, path: str | os.PathLike[str], *,
                         symbol: str, title: str) -> None:
    """The matrix as a Word table (a row per paragraph), written atomically."""
    word = blank_word(f"{title or symbol} — positions", symbol)
    word.add_paragraph(title or symbol, style="Title")
    word.add_paragraph(f"{symbol} — who proposed, supported, asked to retain or withdrew "
                       "what, paragraph by paragraph")
    if not matrix.delegations:
        word.add_paragraph(_NOBODY)
    else:
        table = word.add_table(rows=1, cols=len(matrix.delegations) + 1)
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ["Paragraph", *matrix.delegations],
                              strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        for row in matrix.rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, [row.label, *(row.cell(c) for c in matrix.delegations)],
                                  strict=True):
                cell.text = text
    save_atomically(word, path)
