"""The position matrix as a Markdown table: a row per paragraph, a column per delegation."""

from __future__ import annotations

from drafting.engine.positions import PositionMatrix
from drafting.writers.compilation_markdown import escape


def render_positions_markdown(matrix: PositionMatrix) -> str:
    """A GFM table (``| Paragraph | EU | USA |``), ending in a newline.

    A delegation without a position on a paragraph leaves its cell empty.
    With no delegation at all (nobody proposed anything) it says so in one
    line instead of drawing an empty table.
    """
    if not matrix.delegations:
        return "No delegation has taken a position on this text.\n"
    lines = [
        _line(["Paragraph", *matrix.delegations]),
        "|" + " --- |" * (len(matrix.delegations) + 1),
    ]
    for row in matrix.rows:
        lines.append(_line([row.label, *(row.cell(code) for code in matrix.delegations)]))
    return "\n".join(lines) + "\n"


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(text: str) -> str:
    # A table cell is one line, and a bare "|" would end it.
    return escape(" ".join(text.split())).replace("|", "\\|")
