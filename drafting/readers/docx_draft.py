"""Read a draft from a Word ``.docx``: the text as a reader sees it today.

Each Word paragraph becomes a `Block` (its text, its style: "Title", "Heading N"; and
the number Word's automatic numbering shows in front of it), and the structure (front
matter, title, chapeau, sections, labels, sub-paragraphs, options) is read from the
blocks as for every format (`drafting.readers.structure`). The "Subtitle" line our own
drafts write ("A/C.2/81/L.7 — Rev.1") is skipped; any other is read as it stands.

The text is the current one, as if every tracked change were accepted: runs
in ``w:ins``/``w:moveTo`` count, runs in ``w:del``/``w:moveFrom`` do not, and
a deleted paragraph mark joins its paragraph to the next. A table whose rows are
paragraphs (a number cell, then a text cell: `drafting.readers.paragraph_tables`) is
read as those paragraphs. Other tables, images, text boxes, footnotes, equations,
symbols, comments and hidden text are not imported; each gives a warning naming it and
where it stands (a table's, the brackets it holds). Empty paragraphs
are skipped silently. A character that is not text (`drafting.characters`)
is refused with its paragraph and position; decomposed accents are stored
composed (NFC), and the characters Word allows that a text does not hold (U+0085,
line separators, soft hyphens) are read as Word shows them, each with a warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from drafting import brackets, characters, lookalikes
from drafting.errors import ReaderError
from drafting.lazy_re import lazy_compile
from drafting.model.document import ParagraphKind
from drafting.ooxml.body import child_of, first_child
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.package import open_word
from drafting.ooxml.parts import Parts, word_parts
from drafting.ooxml.visible import GONE, Visible, visible
from drafting.readers.blocks import AutoNumber, Block, Structure
from drafting.readers.contents import contents_style, field_contents
from drafting.readers.paragraph_tables import TableRow, table_layout, text_rows
from drafting.readers.result import ReadResult, ReadWarning
from drafting.readers.structure import read_structure
from drafting.readers.typed_items import word_number

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REVISIONS = {
    f"{_W}{name}"
    for name in (
        "ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "sectPrChange",
        "tblPrChange", "tblPrExChange", "trPrChange", "tcPrChange", "tblGridChange",
        "numberingChange", "cellIns", "cellDel", "cellMerge",
    )
}
_HEADING = lazy_compile(r"heading ([1-9])", re.IGNORECASE)
_UN_HEADINGS = {"hch": 1, "h1": 2, "h23": 3, "h4": 4, "h56": 5}
_NOT_KEY = lazy_compile(r"[^0-9a-z]")
"""The United Nations' heading styles (casefolded, without Geneva's "_G") by level."""
_TEXT_KINDS = frozenset({ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE})
_OWN_SUBTITLE = lazy_compile(r"(?=\S*[/\d])\S+ \u2014 [^\n]{1,60}")
"""The line drafting writes in the Subtitle style: the symbol, a dash and the revision
("A/C.2/81/L.7 — Rev.1"). A secretariat's own line in that style is read as any other."""
_BLOCKS = frozenset({f"{_W}p", f"{_W}tbl", f"{_W}altChunk"})
_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo"}
_P, _P_PR, _P_STYLE, _VAL = f"{_W}p", f"{_W}pPr", f"{_W}pStyle", f"{_W}val"
_STYLE, _TYPE, _NAME, _STYLE_ID, _DEFAULT = (
    f"{_W}style", f"{_W}type", f"{_W}name", f"{_W}styleId", f"{_W}default")


def read_docx_draft(path: str | Path) -> ReadResult:
    """Read a ``.docx`` draft from ``path`` (opened through `open_word`).

    Each paragraph comes with its inline formatting as marks (`docx_marks`). Raises
    ReaderError (its message beginning with the file) for a file that cannot be opened
    safely or a label used twice in one section; stray brackets are warnings. A
    document with no text gives no paragraphs and an empty title.
    """
    from drafting.readers.docx_marks import read_marked  # reads with `DraftReader` too

    path = Path(path)
    try:
        return read_marked(open_word(path), str(path))
    except ReaderError as error:  # raised where the file is not known (numbering ...)
        if not error.message.startswith(str(path)):
            error.message = f"{path}: {error.message}"
            error.args = (error.message,)
        raise


def clean_lines(text: str) -> str:
    """Trim each line and drop empty ones (line breaks at the edges)."""
    if "\n" not in text:  # nearly always: one line
        return text.strip()
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _blocks(parent: etree._Element, tags: frozenset[str] = _BLOCKS) -> Iterator[etree._Element]:
    """Children of ``parent`` with one of ``tags``, in order, looking inside content
    controls, custom XML and inserted blocks (deleted ones are gone)."""
    for child in parent:
        if child.tag in _WRAPPERS:
            yield from _blocks(child, tags)
        elif child.tag in tags:
            yield child


def _rows(table: etree._Element) -> list[etree._Element]:
    """A table's rows that are left once tracked changes are accepted."""
    rows = []
    for row in _blocks(table, frozenset({f"{_W}tr"})):
        properties = row.find(f"{_W}trPr")
        if properties is None or not any(mark.tag in GONE for mark in properties):
            rows.append(row)
    return rows


class DraftReader:
    """Turns the body of a Word document (a python-docx ``Document``, or its parts:
    `drafting.ooxml.parts`) into blocks, then reads their structure."""

    def __init__(self, name: str, document: Any) -> None:
        self.name = name
        parts = word_parts(document)
        self.body = parts.body
        self.numbering = NumberingCounter(parts)
        self.footnotes = Footnotes(parts)
        self.notes_part = parts.footnotes
        self.style_names = _style_names(parts)
        self.contents = field_contents(self.body)  # a table of contents: front matter
        self.blocks: list[Block] = []
        self.sources: list[tuple[list[Visible], str]] = []
        """For each block, the Word paragraphs it was read from and what joined them."""
        self.warnings: list[ReadWarning] = []
        self.count = 0  # Word paragraphs met, for messages
        self.tables = 0
        self.unread: list[tuple[str, int, int]] = []
        """Tables not read as paragraphs that look like the text's: (where, rows, rows
        that look like paragraphs)."""

    def build(self) -> ReadResult:
        """The draft the document holds."""
        return self.structure().result

    def structure(self) -> Structure:
        """The draft and the role of each block (see `sources` for their paragraphs)."""
        in_body = sum(1 for _ in self.body.iter(*_REVISIONS))
        in_notes = 0 if self.notes_part is None else \
            sum(1 for _ in self.notes_part.iter(*_REVISIONS))  # a footnote's too
        if changes := in_body + in_notes:
            notes = "" if not in_notes else " in its footnotes" if not in_body else \
                f" ({in_notes} in its footnotes)"
            self.warnings.append(ReadWarning(self.name, (
                f"has {changes} tracked change{'s' if changes != 1 else ''}{notes}; imported "
                "as if all were accepted - accept or reject them in Word first to be sure"
            )))
        held: list[Visible] = []  # paragraphs whose mark is deleted join the next one
        for block in _blocks(self.body):
            if block.tag == _P:
                self.count += 1
                held.append(visible(block, self.footnotes))
                if not held[-1].mark_deleted:
                    self._paragraph(held)
                    held = []
                continue
            if held:
                self._paragraph(held)
                held = []
            self._other_block(block)
        if held:
            self._paragraph(held)
        structure = read_structure(self.blocks, name=self.name, warnings=self.warnings)
        self._refuse_unread(structure.result)
        return structure

    def _refuse_unread(self, result: ReadResult) -> None:
        """Raise ReaderError where the text is in a table whose layout is not read and no
        paragraph stands outside it: recorded, the draft would be empty, and every copy
        and revision after it would have nothing to hold on to."""
        if not self.unread or not result.paragraphs or any(  # none: the import says why
                paragraph.kind in _TEXT_KINDS for paragraph in result.paragraphs):
            return
        place, rows, numbered = self.unread[0]
        raise ReaderError(
            f"{self.name}: the draft's text seems to be in the table {place} ({rows} rows, "
            f"{numbered} of them like paragraphs), whose layout cannot be read, and no "
            "paragraph stands outside it; nothing was imported. Lay the table out one "
            "paragraph a row: its number as the text numbers it (\"1.\", \"PP1\", \"(a)\"), "
            "or nothing, in the first column and its text in the second (a header row, "
            "heading rows and columns after the text, such as proposals, are read too), or "
            "take the text out of the table")

    def _block(self, block: Block, sources: list[Visible], joiner: str = "") -> None:
        self.blocks.append(block)
        self.sources.append((sources, joiner))

    def _other_block(self, block: etree._Element) -> None:
        if block.tag == f"{_W}altChunk":
            self._remark("embedded document {place} not imported")
            return
        rows = len(kept := _rows(block))
        if not rows:  # every row deleted (a tracked change): nothing is left to import
            return
        if (laid := table_layout(kept, lambda p: visible(p).text)) is not None:
            self._rows(laid.rows)
            if laid.extra:  # proposals, comments: beside the text, never part of it
                named = ", ".join(f"'{name}'" for name in laid.extra)
                many = len(laid.extra) > 1
                self.warnings.append(ReadWarning(self._where(), (
                    f"the table's text is read from its second column; its "
                    f"column{'s' if many else ''} {named} {'are' if many else 'is'} not "
                    "part of the text and not imported (neither are changes made there)")))
            return
        self.tables += 1
        if numbered := text_rows(kept, lambda p: visible(p).text):
            self.unread.append((f"after its paragraph {self.count}" if self.count else
                                "at its start", rows, numbered))
        remark = (f"table {{place}} ({rows} row{'s' if rows != 1 else ''}) not imported; "
                  "copy its text into paragraphs if it belongs to the draft")
        cells = []  # in the front matter (a symbol block), its lines are front matter
        for paragraph in (p for row in kept for p in row.iter(f"{_W}p")):
            self.numbering.number(paragraph)  # Word counts numbered cells too
            if text := clean_lines(self._checked(visible(paragraph).text)):
                cells.append(Block(text, self._where(), table=self.tables))
        if not cells:
            cells.append(Block("", self._where(), table=self.tables))
        cells[0].remarks.append(remark + _brackets_held([cell.text for cell in cells]))
        for cell in cells:
            self._block(cell, [])

    def _rows(self, rows: list[TableRow]) -> None:
        """A table whose rows are paragraphs (`paragraph_tables`): each row's text cell
        read as the body's paragraphs are, its label cell's text before the first that
        holds text (a tab between them), as if typed there."""
        for row in rows:
            label: Visible | None = None  # an empty label cell: an unnumbered paragraph
            if row.label_paragraph is not None:
                self.numbering.number(row.label_paragraph)  # Word counts numbered cells too
                label = visible(row.label_paragraph) if row.label else None
            held: list[Visible] = []
            for paragraph in row.paragraphs:
                self.count += 1
                held.append(visible(paragraph, self.footnotes))
                if not held[-1].mark_deleted:
                    label = self._paragraph(held, label)
                    held = []
            if held:
                self._paragraph(held, label)

    def _paragraph(self, pieces: list[Visible], label: Visible | None = None) -> Visible | None:
        """Read ``pieces`` as one block; with ``label`` (a table row's label cell), that
        cell's text before theirs once they hold text. Returns ``label`` if still unused."""
        raw = "".join(piece.text for piece in pieces)
        sources, joiner = pieces, ""
        if label is not None and raw.strip():
            if len(pieces) == 1:  # the label cell is a source too: its number is Word's
                raw, sources, joiner = f"{label.text}\t{raw}", [label, *pieces], "\t"
            else:  # paragraphs joined in the cell: the label is placed nowhere
                raw = f"{label.text.strip()}\t{raw.lstrip()}"
            label = None
        text = clean_lines(self._checked(raw))
        notes: Counter[str] = Counter()
        for piece in pieces:
            notes.update(piece.notes)
        shown = next((piece for piece in pieces if piece.text.strip()), pieces[-1])
        number = word_number(self.numbering, shown.element, text)  # "(a bis)" typed: its own
        style = self._style(shown.element)
        if style == "subtitle" and _OWN_SUBTITLE.fullmatch(text):
            return label  # our own drafts put the symbol and revision there; others stay
        auto = AutoNumber.shown(number)
        contents = shown.element in self.contents or contents_style(style)
        self._block(Block(text, self._where(), title_style=style == "title",
                          heading=0 if contents else heading_level(style), number=auto,
                          notes=notes, contents=contents), sources, joiner)
        for number in (n for piece in pieces for n in piece.cited):
            self._footnote(number)
        return label

    def _footnote(self, number: int) -> None:
        """Footnote ``number`` as a block of its own after the paragraph citing it, in the
        form the text reader reads: ``[^N]: its text``."""
        parts = [visible(p) for p in self.footnotes.paragraphs(number)]
        text = clean_lines(self._checked("\n".join(part.text for part in parts)))
        notes = sum((part.notes for part in parts), Counter())
        self._block(Block(f"[^{number}]: {text}", f"{self._where()}, footnote {number}",
                          notes=notes), parts, "\n")

    def _checked(self, text: str) -> str:
        """``text`` in NFC (with a warning if that changed it), with the characters Word
        allows read as Word shows them; ReaderError naming the paragraph and position of
        a character that is not text."""
        text, replaced = characters.from_word(text)
        if replaced:
            self.warnings.append(ReadWarning(self._where(), replaced))
        if found := characters.problem(text):
            offset, sentence = found
            raise ReaderError(f"{self._where()}, {sentence}",
                              details=characters.caret(text, offset))
        if said := characters.normalised_said(text):
            self.warnings.append(ReadWarning(self._where(), said))
        if seen := lookalikes.disguise(text):  # the secretariat's text: said, not refused
            self.warnings.append(ReadWarning(self._where(), seen[1]))
        return characters.normalised(text)

    def _remark(self, message: str) -> None:
        """A warning about what stands here, said with the label of the paragraph before
        (known once the structure is read)."""
        if not self.blocks:
            self._block(Block("", self._where()), [])
        self.blocks[-1].remarks.append(message)

    def _where(self) -> str:
        return f"{self.name}, paragraph {self.count}"

    def _style(self, paragraph: etree._Element) -> str:
        properties = first_child(paragraph, _P_PR)
        style = child_of(properties, _P_STYLE) if properties is not None else None
        style_id = style.get(_VAL) if style is not None else None
        return self.style_names.get(style_id or "", self.style_names.get("", "")).casefold()


def _brackets_held(texts: list[str]) -> str:
    """What a warning about a table adds for the brackets in its cells' ``texts``: that
    they are not counted with the draft's nor settled by a revision; "" for none."""
    held = [(text, n) for text in texts if (n := brackets.count(text))]
    if not held:
        return ""
    total = sum(n for _, n in held)
    shown = ", ".join(f"'{text if len(text) <= 40 else text[:37] + '...'}'"
                      for text, _ in held[:3]) + (", ..." if len(held) > 3 else "")
    return (f"; it holds {total} bracket{'s' if total != 1 else ''} ({shown}), not counted "
            "with the draft's and left as written by every revision")


@lru_cache(maxsize=256)
def heading_level(style: str) -> int:
    """The level of a heading's paragraph style (its name, casefolded): Word's "Heading
    N", or one of the United Nations' templates (chapter "HCh", then "H1", "H23", "H4",
    "H56", in New York's names or Geneva's, "H1_G", which its template shows as "_ H_1_G"
    and "_ H _Ch_G"); 0 for others."""
    match = _HEADING.fullmatch(style)
    if match:
        return int(match[1])
    key = _NOT_KEY.sub("", style)  # "_ h_2/3_g": "h23g"
    return _UN_HEADINGS.get(key) or _UN_HEADINGS.get(key.removesuffix("g"), 0)


def _style_names(parts: Parts) -> dict[str, str]:
    """Paragraph style names by style id; "" maps to the default style's name."""
    names: dict[str, str] = {}
    for style in parts.styles.iterchildren(_STYLE):
        if style.get(_TYPE) != "paragraph":
            continue
        name = style.find(_NAME)
        style_id = style.get(_STYLE_ID, "")
        names[style_id] = name.get(_VAL, "") if name is not None else ""
        if style.get(_DEFAULT) in ("1", "true", "on"):
            names[""] = names[style_id]
    return names
