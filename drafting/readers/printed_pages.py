"""A draft's text as a PDF reader gives it: printed pages (`pdftotext`, with or without
``-layout``, a viewer's "Save as text"), each page after a form feed, each printed line
a line of text, no blank line between paragraphs.

Read as the documented form (`drafting.readers.textfile`), the whole preamble would be
one paragraph, a paragraph running over a page would take the page's number, job number
and the next page's header, and the footnotes at a page's foot would be words of the
paragraph they interrupt. So, where the text holds a form feed:

- The page furniture is left out: at a page's foot and, from the second page on, at its
  head, the lines that are a page number ("2", "2/5", "- 2 -", "Page 2 of 5"), a job
  number ("26-12345 (E)", "GE.26-12345"), its date stamps and bar code, a document
  symbol (``A/C.2/81/L.7``), or a line that heads two pages or more.
- The footnotes at a page's foot are the draft's footnotes: a line opening with the
  number of the next footnote ("1 See A/RES/70/1.") where the page's text holds that
  number glued to a word or a stop ("Rights1", "2015,2") opens footnote 1, and the lines
  after it are its text until the next footnote's; the number in the text becomes the
  marker ``[^1]``, the footnote the block ``[^1]: ...``. A note with a mark of its own
  ("* Reissued for technical reasons.") is kept as other text, at the end.
- The lines are put back into paragraphs: before the chapeau ("The General Assembly,")
  each line is a line of front matter (one opening in small letters goes on the line
  before it); after it, a paragraph opens after a blank line, at a typed label ("1.",
  alone on its line or not), a heading ("Article 3", "II. Finance"), a treaty's formula
  ("Have agreed as follows:", "In witness whereof"), a short line of its own between a
  clause's end and a numbered paragraph, read as a heading ("Objective", "2
  REQUIREMENTS"), and after a line ending as a paragraph
  ends ("," ";" ":" ".") where the line opens as a preambular paragraph does
  ("Recalling", "Deeply concerned"), is indented as the first lines of paragraphs are
  (``-layout``), or the line before stops short of the text's width. An item ("(a)
  ...") keeps a line of its own in its paragraph. A word hyphenated at a line's end is
  joined keeping its hyphen ("small-" / "scale": UN texts break lines at real hyphens
  only), and one a PDF reader joined without it ("smallscale") is given it back where
  the text writes it with a hyphen elsewhere, or it is a number in words
  ("sixtyfourth") or one of the compounds UN texts hyphenate (`_COMPOUNDS`), with a
  warning.

Each paragraph keeps the line number of its first line in the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from drafting.lazy_re import lazy_compile
from drafting.readers.lines import LONE_ITEM, SUBPARAGRAPH, chapeau_like, split_label
from drafting.readers.printed_lines import (
    ENDS,
    FEED,
    LONE_NUMBER,
    SYMBOL_LINE,
    PrintedLine,
    furniture,
    text_width,
)
from drafting.readers.printed_notes import Notes, without_notes
from drafting.readers.printed_paragraphs import hyphens_restored, paragraphs
from drafting.readers.result import ReadWarning

_FRONT_LINES = 20
"""Where no line is a chapeau, how many lines may be front matter (a symbol among them)."""
_EDGE = 4
"""The most lines of furniture at a page's head or foot."""
_GLUED_LABEL = lazy_compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|\([a-z]{1,3}\)|\([ivx]{1,5}\))"
                          r"(?=[A-Z\u201c\"])")
"""A number a PDF reader printed with no space before the words (Word's automatic
numbering, its tab lost): "1.1Each", "(a)To"."""


def is_printed(source: str) -> bool:
    """Whether ``source`` holds printed pages: a line opening with a form feed, as a PDF
    reader opens each page after the first and ends the last (a form feed inside a line is
    no page's: a character that is not text, `drafting.characters`)."""
    return source.startswith(FEED) or f"\n{FEED}" in source


def unfed(line: str) -> str:
    """``line`` without the form feed that opens a page."""
    return line[1:] if line.startswith(FEED) else line


def paged(lines: Sequence[str]) -> list[str]:
    """``lines`` of printed pages that lost their form feeds (copied from a PDF viewer,
    or pasted), with one put back after each run of page furniture below the chapeau
    (a job number, a page number, the symbol heading the next page), which a number or
    a symbol alone does not open (a note's number, a resolution cited), but the draft's
    own symbol, as its front matter shows it, does."""
    start = next((n for n, line in enumerate(lines) if chapeau_like(line)), _FRONT_LINES)
    own = {line.strip() for line in lines[:start + 1] if SYMBOL_LINE.fullmatch(line.strip())}
    kept, zone, fed = list(lines), False, False
    for number, line in enumerate(lines):
        text = line.strip()
        if number <= start or not text:
            continue
        symbol = SYMBOL_LINE.fullmatch(text) is not None  # the draft's own, or one
        header = text in own or (zone and symbol)  # under a job number, heads a page
        if not (header or furniture(text, set())):
            if zone and not fed:
                kept[number] = FEED + line
            zone = fed = False
            continue
        if header and not fed:
            kept[number] = FEED + line
            fed = True
        # a number alone opens no zone (a note's), nor another symbol (a resolution cited
        # at a line's end)
        zone = zone or header or not (LONE_NUMBER.fullmatch(text) or symbol)
    return kept


def printed_blocks(lines: Sequence[str], name: str) -> tuple[list[tuple[int, str]],
                                                           list[ReadWarning]]:
    """The paragraphs (first line number, text; an item on a line of its own) that the
    printed pages of ``lines`` (the text's lines, form feeds in them) make, as the
    module's docstring says, and the warnings telling what was left out or changed."""
    pages = _pages(lines)
    running = _running(pages)
    width = text_width([line for page in pages for line in page])
    notes, kept, left = Notes(), [], 0
    for index, page in enumerate(pages):
        body, head_left = _without_furniture(page, running, head=index > 0, foot=False)
        body, notes_left = without_notes(body, notes, width, running)
        body, foot_left = _without_furniture(body, running, head=False, foot=True)
        kept += body
        left += head_left + notes_left + foot_left
    front, rest = _front(kept)
    body = paragraphs(rest, text_width(rest) or width)  # the front matter's lines are short
    if not front and len(body) > 1 and body[1][1].startswith("## ") and \
            not body[0][1].startswith("## ") and "\n" not in body[0][1]:
        body[0] = (body[0][0], f"# {body[0][1]}")  # no chapeau: the line over the first
        # heading is the title ("GUIDELINES ON SHIP EQUIPMENT", then "1 GENERAL")
    blocks, restored = hyphens_restored(
        [(line.number, line.text.strip()) for line in _front_lines(front)] + body)
    blocks += [(line, f"[^{number}]: {text}") for line, number, text in notes.numbered]
    blocks += notes.marked
    chapeau = bool(rest) and chapeau_like(rest[0].text)
    parts = [f"the lines put back into {_count(len(body) - chapeau, 'paragraph')}"]
    if left:
        parts.append(f"{_count(left, 'line')} of page numbers and headers left out")
    if notes.numbered:
        parts.append(f"{_count(len(notes.numbered), 'footnote')} read")
    said = [ReadWarning(name, (
        f"read as printed pages (a text taken from a PDF: {_count(len(pages), 'page')}): "
        f"{', '.join(parts)}; check the paragraphs (drafting show) before amending them"))]
    said += [ReadWarning(f"{name}, line {line}", (
        f"\"{joined}\" read as \"{hyphenated}\" (a PDF reader joins a word broken at its "
        f"hyphen at a line's end, leaving the hyphen out)")) for line, joined, hyphenated
             in restored]
    return blocks, said


def _running(pages: list[list[PrintedLine]]) -> set[str]:
    """The lines that head half the pages after the first, two at least: a running
    header ("Draft decision -/CMA.8"); never a paragraph's number or a line ending a
    clause, which pages may open with too."""
    heads = Counter(page[0].text.strip() for page in pages[1:])
    return {text for text, count in heads.items()
            if count >= max(2, (len(pages) - 1) / 2) and not ENDS.search(text)
            and split_label(text)[0] is None and not LONE_ITEM.fullmatch(text)
            and not SUBPARAGRAPH.match(text)}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _pages(lines: Sequence[str]) -> list[list[PrintedLine]]:
    """The lines of each page, form feeds taken out (a page opens at a line holding one);
    blank lines left out."""
    pages: list[list[PrintedLine]] = [[]]
    blank = False
    for number, line in enumerate(lines, start=1):
        if line.startswith(FEED):
            pages.append([])
            line = unfed(line)
        if line.strip():  # the spaces of a justified line (-layout) are one space
            indent = len(line) - len(line.lstrip())
            text = _GLUED_LABEL.sub(r"\1 ", " ".join(line.split()), count=1)
            pages[-1].append(PrintedLine(number, " " * indent + text, indent,
                                         len(pages) - 1, blank and bool(pages[-1])))
        blank = not line.strip()
    return [page for page in pages if page]


def _without_furniture(page: list[PrintedLine], running: set[str], *, head: bool,
                       foot: bool) -> tuple[list[PrintedLine], int]:
    """``page`` without the furniture at its ``head`` and its ``foot``, and how many lines
    were left out."""
    start, end = 0, len(page)
    while head and start < min(_EDGE, end) and furniture(page[start].text, running):
        start += 1
    while foot and end > start and len(page) - end < _EDGE and \
            furniture(page[end - 1].text, running) and \
            not SYMBOL_LINE.fullmatch(page[end - 1].text.strip()):  # a symbol heads a page;
        end -= 1  # at its foot it ends a paragraph ("... resolution\nA/RES/79/144")
    kept = page[start:end]
    if start and kept:  # the blank line under a page's header is no paragraph's spacing
        kept[0] = replace(kept[0], spaced=False)
    return kept, len(page) - (end - start)


def _front(lines: list[PrintedLine]) -> tuple[list[PrintedLine], list[PrintedLine]]:
    """The lines before the chapeau, and the chapeau and the lines after it (all, where
    no line is a chapeau)."""
    for index, line in enumerate(lines):
        if chapeau_like(line.text):
            return lines[:index], lines[index:]
    return [], lines


def _front_lines(lines: list[PrintedLine]) -> list[PrintedLine]:
    """The front matter's lines, one opening in small letters joined to the one before."""
    kept: list[PrintedLine] = []
    for line in lines:
        text = line.text.strip()
        if kept and text[:1].islower():
            before = kept[-1]
            kept[-1] = PrintedLine(before.number, f"{before.text.strip()} {text}",
                                   before.indent, before.page)
        else:
            kept.append(line)
    return kept
