"""Negotiating texts laid out in a table as treaty conferences lay them out (BBNJ, UNFCCC):
the chapeau, then one table whose rows are "PP1 | Recalling ...", "1. | The objective
...", under a header row ("Para | Text | Proposals / comments"), with section headings in
rows of one merged cell ("I. General provisions"); written with python-docx."""

from __future__ import annotations

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from table_drafts import _stamped, _tracked

HEAD = ["United Nations", "A/CONF.232/2026/L.3",
        "Intergovernmental conference on marine biological diversity of areas beyond "
        "national jurisdiction", "Further refreshed draft text of an agreement",
        "The Parties to this Agreement,"]
HEADER = ("Para", "Text", "Proposals / comments")
ROWS = [("PP1", "Recalling the relevant provisions of the United Nations Convention on the "
         "Law of the Sea,", ""),
        ("PP2", "Stressing the need to address biodiversity loss and the degradation of "
         "ecosystems of the ocean,", "G77: add \u201cand degradation\u201d"),
        ("I. General provisions",),
        ("1.", "The objective of this Agreement is to ensure the conservation and "
         "sustainable use of marine biological diversity.", "EU: \u201clong-term\u201d"),
        ("2.", "This Agreement shall be interpreted and applied in a manner consistent "
         "with the Convention.", ""),
        ("II. Marine genetic resources",),
        ("3.", "Parties shall [promote][ensure] cooperation in marine scientific research "
         "and the transfer of marine technology.", "Option 1: promote; Option 2: ensure")]


def negotiating_table(path, *, header=HEADER, rows=ROWS, columns: int = 3,
                      changes=(), after=("Annex",)):
    """The draft: ``HEAD``, then a table of ``columns`` columns (``header`` first, unless
    empty; each of ``rows`` a row, a row of one string a heading merged across the
    table), then ``after``. ``changes``: (row, cell, old, new) tracked in the table (row
    counted with the header)."""
    word = docx.Document()
    for line in HEAD:
        word.add_paragraph(line)
    table = word.add_table(rows=0, cols=columns)
    table.style = "Table Grid"
    for cells in ([header] if header else []) + list(rows):
        made = table.add_row().cells
        if len(cells) == 1:
            made[0].merge(made[-1]).text = cells[0]  # w:gridSpan: one cell
            continue
        for cell, words in zip(made, cells[:columns], strict=False):
            cell.text = words
    for line in after:
        word.add_paragraph(line)
    for row, cell, old, new in changes:
        _tracked(_Paragraph(table.rows[row]._tr.findall(qn("w:tc"))[cell]), old, new,
                 author="EU")
    word.save(str(path))
    return path


class _Paragraph:
    """A cell's first paragraph as `_tracked` takes it (``.text`` and ``._p``)."""

    def __init__(self, cell) -> None:
        self._p = cell.find(qn("w:p"))
        self.text = "".join(t.text or "" for t in self._p.iter(qn("w:t")))


def with_new_row(path, after: int, cells: tuple[str, ...], author: str = "EU"):
    """``path`` with a row of ``cells`` inserted with Track Changes after row ``after``
    (counted with the header) of its table, in that row's form, as Word tracks a row."""
    word = docx.Document(str(path))
    row = word.tables[0].rows[after]._tr
    made = row.__copy__()
    for cell, words in zip(made.iter(qn("w:tc")), cells, strict=False):
        p = cell.find(qn("w:p"))
        for run in p.findall(qn("w:r")):
            p.remove(run)
        if words:
            inserted = _stamped("w:ins", author)
            r = OxmlElement("w:r")
            t = OxmlElement("w:t")
            t.text = words
            r.append(t)
            inserted.append(r)
            p.append(inserted)
    properties = made.find(qn("w:trPr"))
    if properties is None:
        properties = OxmlElement("w:trPr")
        made.insert(0, properties)
    properties.append(_stamped("w:ins", author))
    row.addnext(made)
    word.save(str(path))
    return path
