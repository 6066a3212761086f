"""Drafts whose operative paragraphs are laid out in a two-column table (number | text),
written with python-docx, and copies with changes tracked in their cells."""

from __future__ import annotations

from itertools import count

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

HEAD = ["A/C.2/81/L.50", "Ocean observation", "The General Assembly,",
        "Recalling its resolution 70/1,", "Noting with concern the gaps in ocean data,"]
ROWS = [("1.", "Encourages Member States to strengthen ocean observation;"),
        ("2.", "Invites the Commission to submit a report on data gaps;"),
        ("2 bis.", "Decides that the programme shall:"),
        ("(a)", "Cover coastal waters;"),
        ("3.", "Requests the Secretary-General to report at its eighty-third session.")]
_IDS = count(500)


def _tracked(paragraph, old: str, new: str, author: str = "USA") -> None:
    """Rewrite ``paragraph`` (a python-docx paragraph) with ``old`` deleted and ``new``
    inserted by ``author``, as Word tracks a replacement."""
    text = paragraph.text
    at = text.index(old)
    p = paragraph._p
    for run in list(p.iter(qn("w:r"))):
        run.getparent().remove(run)

    def run(words: str, deleted: bool = False):
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText" if deleted else "w:t")
        t.text = words
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(t)
        return r

    def mark(tag: str, inner):
        m = OxmlElement(tag)
        m.set(qn("w:id"), str(next(_IDS)))
        m.set(qn("w:author"), author)
        m.set(qn("w:date"), "2026-12-06T10:00:00Z")
        m.append(inner)
        return m

    p.append(run(text[:at]))
    p.append(mark("w:del", run(old, deleted=True)))
    p.append(mark("w:ins", run(new)))
    p.append(run(text[at + len(old):]))


def tabled(path, *, rows=ROWS, annex=(), changes=()):
    """A draft whose operative paragraphs are a two-column table (``rows``), then an annex
    table (``annex``: rows of two cells); ``changes``: (table, row, cell, old, new) tracked,
    ``table`` 0 for the paragraphs' and 1 for the annex's."""
    word = docx.Document()
    for line in HEAD:
        word.add_paragraph(line)
    table = word.add_table(rows=len(rows), cols=2)
    for n, (label, text) in enumerate(rows):
        table.cell(n, 0).text, table.cell(n, 1).text = label, text
    word.add_paragraph("Annex")
    tables = [table]
    if annex:
        tables.append(data := word.add_table(rows=len(annex), cols=2))
        for n, (left, right) in enumerate(annex):
            data.cell(n, 0).text, data.cell(n, 1).text = left, right
    for which, row, cell, old, new in changes:
        _tracked(tables[which].cell(row, cell).paragraphs[0], old, new)
    word.save(str(path))
    return path


def with_new_row(path, after: int, label: str, text: str, author: str = "EU"):
    """``path`` with a row (``label`` | ``text``) inserted with Track Changes after row
    ``after`` of its first table, as Word tracks a row added."""
    word = docx.Document(str(path))
    row = word.tables[0].rows[after]._tr
    made = row.__copy__()
    for cell, words in zip(made.iter(qn("w:tc")), (label, text), strict=True):
        p = cell.find(qn("w:p"))
        for run in p.findall(qn("w:r")):
            p.remove(run)
        inserted = _stamped("w:ins", author)
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = words
        r.append(t)
        inserted.append(r)
        p.append(inserted)
    properties = OxmlElement("w:trPr")
    properties.append(_stamped("w:ins", author))
    made.insert(0, properties)
    row.addnext(made)
    word.save(str(path))
    return path


def _stamped(tag: str, author: str):
    mark = OxmlElement(tag)
    mark.set(qn("w:id"), str(next(_IDS)))
    mark.set(qn("w:author"), author)
    mark.set(qn("w:date"), "2026-12-06T10:00:00Z")
    return mark
