"""A small GA draft as a secretariat types it (the chapeau, preambular paragraphs with no
label, operative paragraphs typed "1.<tab>"), and copies of it as delegations send them:
its printed lines turned back into Word (a PDF converted: a Word paragraph per line, or
one Word paragraph broken by hand at each line), or paragraphs joined with Track Changes
(a paragraph mark deleted, ``w:pPr/w:rPr/w:del``, with words around it)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

SYMBOL = "A/C.2/81/L.5"
AUTHOR, DATE = "Anna Euro", "2026-12-06T10:00:00Z"
PARAGRAPHS = (
    "The General Assembly,",
    "Recalling its resolution 70/1 of 25 September 2015, entitled \"Transforming our world: "
    "the 2030 Agenda for Sustainable Development\",",
    "Noting with concern the state of small-scale fisheries and the livelihoods of fishers,",
    "1.\tDecides to convene a one-day high-level meeting on small-scale fisheries during its "
    "eighty-second session;",
    "2.\tRequests the Secretary-General to submit a report on the implementation of the "
    "present resolution within existing resources;",
    "3.\tDecides to remain seized of the matter.",
)
PRINTED = (  # the draft as printed, a line at a time, OP1 edited ("eighty-third")
    ("The General Assembly,",),
    ("Recalling its resolution 70/1 of 25 September 2015, entitled \"Trans-",
     "forming our world: the 2030 Agenda for Sustainable Development\","),
    ("Noting with concern the state of small-scale fisheries and the",
     "livelihoods of fishers,"),
    ("1.\tDecides to convene a one-day high-level meeting on small-",
     "scale fisheries during its eighty-third session;"),
    ("2.\tRequests the Secretary-General to submit a report on the imple-",
     "mentation of the present resolution within existing resources;"),
    ("3.\tDecides to remain seized of the matter.",),
)


def write_draft(path: Path) -> Path:
    """The draft, a Word paragraph per paragraph."""
    word = docx.Document()
    for text in PARAGRAPHS:
        word.add_paragraph(text)
    word.save(str(path))
    return path


def write_printed(path: Path, *, breaks: bool = False,
                  printed: tuple[tuple[str, ...], ...] = PRINTED) -> Path:
    """The ``printed`` lines as a PDF converted to Word has them: a Word paragraph each,
    or (``breaks``) a Word paragraph per paragraph, broken by hand (``w:br``) at each
    line's end."""
    word = docx.Document()
    for lines in printed:
        if not breaks:
            for line in lines:
                word.add_paragraph(line)
            continue
        paragraph = word.add_paragraph()
        for k, line in enumerate(lines):
            run = paragraph.add_run(line)
            if k < len(lines) - 1:
                run.add_break()
    word.save(str(path))
    return path


def write_joined(draft: Path, path: Path, first: int, parts: dict[int, list[tuple[str, str]]],
                 comment: str = "") -> Path:
    """A copy of ``draft`` with the paragraph mark of Word paragraph ``first`` (and of
    each paragraph after it in ``parts`` but the last) deleted, tracked by `AUTHOR`;
    ``parts`` gives the Word paragraphs' new runs by index, each (text, "" | "del" |
    "ins"). ``comment`` is put on the deleted mark's paragraph's last run."""
    word = docx.Document(str(draft))
    ids = iter(range(10, 1000))
    paragraphs = word.paragraphs
    for index, runs in parts.items():
        p = paragraphs[index]._p
        for run in list(p.iterchildren(qn("w:r"))):
            p.remove(run)
        elements = []
        for text, how in runs:
            if not how:
                elements.append(_run(text, False))
                continue
            change = _change("w:del" if how == "del" else "w:ins", next(ids))
            change.append(_run(text, how == "del"))
            elements.append(change)
        if comment and index == first:
            note = word.comments.add_comment(text=comment, author=AUTHOR)
            start, end = OxmlElement("w:commentRangeStart"), OxmlElement("w:commentRangeEnd")
            for element in (start, end):
                element.set(qn("w:id"), str(note.comment_id))
            reference = OxmlElement("w:r")
            cited = OxmlElement("w:commentReference")
            cited.set(qn("w:id"), str(note.comment_id))
            reference.append(cited)
            elements = [*elements[:-1], start, elements[-1], end, reference]
        for element in elements:
            p.append(element)
    joined = sorted(parts)[:-1] if len(parts) > 1 else [first]
    for index in joined:
        properties = OxmlElement("w:rPr")
        properties.append(_change("w:del", next(ids)))
        paragraphs[index]._p.get_or_add_pPr().append(properties)
    word.save(str(path))
    return path


def _change(tag: str, number: int):
    element = OxmlElement(tag)
    element.set(qn("w:id"), str(number))
    element.set(qn("w:author"), AUTHOR)
    element.set(qn("w:date"), DATE)
    return element


def _run(text: str, deleted: bool):
    run = OxmlElement("w:r")
    for k, part in enumerate(text.split("\t")):
        if k:
            run.append(OxmlElement("w:tab"))
        if part:
            t = OxmlElement("w:delText" if deleted else "w:t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = part
            run.append(t)
    return run
