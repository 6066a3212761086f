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

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from drafting.readers.decisions import preambular_opening
from drafting.readers.formulas import formula, opens_closing
from drafting.readers.lines import (
    LONE_ITEM,
    SUBPARAGRAPH,
    chapeau_like,
    heading_key,
    split_label,
)
from drafting.readers.result import ReadWarning

FEED = "\f"
"""What separates printed pages."""
FURNITURE = (r"\d{1,4}|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]|\d{1,4}\s*/\s*\d{1,4}"
             r"|(?:page|p\.|p\u00e1gina|pagina|\u0441\u0442\u0440\.?)\s*\d{1,4}"
             r"(?:\s*(?:of|de|sur|/|\u0438\u0437)\s*\d{1,4})?"
             r"|(?:[A-Z]{1,3}\.)?\d{2}-\d{5}(?:\s*\([A-Z]\))?|\*\d{7}\*")
"""What a printed page shows outside the text, one item: a page number, a job number
("24-12345 (E)", Geneva's "GE.24-12345"), its bar code's digits ("*2412345*"). A line of
furniture is one or more of these, or the document's symbol, separated by spaces."""
_SYMBOL = r"[A-Z]{1,8}(?:/[A-Za-z0-9().\-]+){2,}"
"""A document symbol: ``A/C.2/81/L.7``, ``FCCC/PA/CMA/2026/L.3``, ``S/2026/123``."""
_SYMBOL_LINE = re.compile(_SYMBOL)
_PAGE_ITEMS = rf"{FURNITURE}|{_SYMBOL}|\d{{6}}|please\s+recycle"
_FURNITURE_LINE = re.compile(rf"(?:{_PAGE_ITEMS})(?:\s+(?:{_PAGE_ITEMS}))*", re.IGNORECASE)
_FRONT_LINES = 20
"""Where no line is a chapeau, how many lines may be front matter (a symbol among them)."""
_EDGE = 4
"""The most lines of furniture at a page's head or foot."""
_ENDS = re.compile(r"(?:[,;:.]|[,;]\d{1,3})(?:\[\^\d{1,3}\])?[\"'\u2019\u201d)\]*]*"
                   r"(?:\[\^\d{1,3}\])?$")
"""How a line that ends a paragraph ends (a footnote's marker may follow)."""
_NOTE = re.compile(r"(?P<number>\d{1,3})[ \t]+(?=\S)")
_LONE_NUMBER = re.compile(r"\d{1,3}")
_MARKED = re.compile(r"\*{1,3}[ \t]+(?=\S)")
_FOOT = 80
"""The most lines of notes at a page's foot."""
_MOST_NOTES = 40
"""The most footnotes one page's foot is read as holding."""
_UNNUMBERED_LINES = 6
"""The most lines of a note whose number a PDF reader put after its words."""
_WIDER = 1.08
"""A line longer than the text's width by this much is a footnote's (smaller type)."""
_GLUED = (r"(?:(?<=[^\W\d_])|(?<=[,;:)\]\"\u201d\u2019*])|(?<=[a-z]\.)"
          r"|(?<=(?<!\d)(?:19|20)\d\d))")
"""Where a footnote's number printed as a superscript stands: right after a word, a
year, a comma, a closing bracket or quote, or a sentence's full stop, with no space (not
in a symbol: the "2" of ``A/C.2/81``)."""
_OPENINGS = re.compile(
    r"(?:(?:Deeply|Gravely|Seriously|Fully|Further|Also|Profond\u00e9ment|Vivement|Gravement"
    r"|Profundamente|Sumamente|Gravemente)\s+)?"
    r"(?:Aware|Concerned|Conscious|Convinced|Mindful|Guided|Alarmed|Determined|Cognizant"
    r"|Desirous|Encouraged|Gratified|Appreciative|Disturbed|Dismayed|Committed|Resolved"
    r"|Whereas|Consciente|Convaincue?|Pr\u00e9occup\u00e9e?|Alarm\u00e9e?|R\u00e9solue?"
    r"|Guid\u00e9e?|D\u00e9termin\u00e9e?|Convencid[ao]|Preocupad[ao]|Alarmad[ao]"
    r"|Decidid[ao]|Guiad[ao]|Resuelt[ao])\b", re.IGNORECASE)
"""Preambular openings that are no participle ("Recalling", "Rappelant", "Recordando":
`preambular_opening`), in English, French and Spanish."""
_GLUED_LABEL = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,3}\.?|\([a-z]{1,3}\)|\([ivx]{1,5}\))"
                          r"(?=[A-Z\u201c\"])")
"""A number a PDF reader printed with no space before the words (Word's automatic
numbering, its tab lost): "1.1Each", "(a)To"."""
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_INDENT = 3
"""How much further than the page's text a paragraph's first line is indented."""
_TITLE = 0.6
"""A heading's line is shorter than this share of the text's width."""
_SHORT = 0.8
"""A line stopping short of this share of the text's width ends a paragraph."""
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = ("first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|one|two|three|four"
          "|five|six|seven|eight|nine")
_COMPOUNDS = {word.replace("-", ""): word for word in (
    "Secretary-General", "capacity-building", "decision-making", "follow-up", "high-level",
    "small-scale", "long-term", "medium-term", "short-term", "well-being", "self-determination",
    "non-governmental", "cross-cutting", "multi-stakeholder", "gender-responsive",
    "evidence-based", "human-rights-based", "people-centred", "co-facilitators", "co-chairs",
    "mid-term", "year-round", "post-harvest", "peer-to-peer")}
"""Words UN texts write with a hyphen that a PDF reader may have joined at a line's end,
beside the numbers written in words ("sixty-fourth")."""
_NUMBER_WORD = re.compile(rf"\b({_TENS})({_UNITS})\b", re.IGNORECASE)
_HYPHENATED = re.compile(r"\b([^\W\d_]{2,})-([^\W\d_]{2,})\b")
_WORD = re.compile(r"\b[^\W\d_]{5,}\b")


@dataclass
class _Line:
    number: int
    text: str
    indent: int
    page: int
    spaced: bool = False
    """Whether a blank line stands before it (a paragraph's spacing, as a PDF reader
    gives it)."""


@dataclass
class _Notes:
    """The footnotes read from the pages' feet, in order, and the marked notes."""

    numbered: list[tuple[int, int, str]] = field(default_factory=list)
    """(line, number, text) of each footnote."""
    marked: list[tuple[int, str]] = field(default_factory=list)


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
    own = {line.strip() for line in lines[:start + 1] if _SYMBOL_LINE.fullmatch(line.strip())}
    kept, zone, fed = list(lines), False, False
    for number, line in enumerate(lines):
        text = line.strip()
        if number <= start or not text:
            continue
        symbol = _SYMBOL_LINE.fullmatch(text) is not None  # the draft's own, or one
        header = text in own or (zone and symbol)  # under a job number, heads a page
        if not (header or _furniture(text, set())):
            if zone and not fed:
                kept[number] = FEED + line
            zone = fed = False
            continue
        if header and not fed:
            kept[number] = FEED + line
            fed = True
        # a number alone opens no zone (a note's), nor another symbol (a resolution cited
        # at a line's end)
        zone = zone or header or not (_LONE_NUMBER.fullmatch(text) or symbol)
    return kept


def printed_blocks(lines: Sequence[str], name: str) -> tuple[list[tuple[int, str]],
                                                           list[ReadWarning]]:
    """The paragraphs (first line number, text; an item on a line of its own) that the
    printed pages of ``lines`` (the text's lines, form feeds in them) make, as the
    module's docstring says, and the warnings telling what was left out or changed."""
    pages = _pages(lines)
    running = _running(pages)
    width = _width([line for page in pages for line in page])
    notes, kept, left = _Notes(), [], 0
    for index, page in enumerate(pages):
        body, head_left = _without_furniture(page, running, head=index > 0, foot=False)
        body, notes_left = _without_notes(body, notes, width, running)
        body, foot_left = _without_furniture(body, running, head=False, foot=True)
        kept += body
        left += head_left + notes_left + foot_left
    front, rest = _front(kept)
    body = _paragraphs(rest, _width(rest) or width)  # the front matter's lines are short
    if not front and len(body) > 1 and body[1][1].startswith("## ") and \
            not body[0][1].startswith("## ") and "\n" not in body[0][1]:
        body[0] = (body[0][0], f"# {body[0][1]}")  # no chapeau: the line over the first
        # heading is the title ("GUIDELINES ON SHIP EQUIPMENT", then "1 GENERAL")
    blocks, restored = _hyphens_restored(
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


def _running(pages: list[list[_Line]]) -> set[str]:
    """The lines that head half the pages after the first, two at least: a running
    header ("Draft decision -/CMA.8"); never a paragraph's number or a line ending a
    clause, which pages may open with too."""
    heads = Counter(page[0].text.strip() for page in pages[1:])
    return {text for text, count in heads.items()
            if count >= max(2, (len(pages) - 1) / 2) and not _ENDS.search(text)
            and split_label(text)[0] is None and not LONE_ITEM.fullmatch(text)
            and not SUBPARAGRAPH.match(text)}


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _pages(lines: Sequence[str]) -> list[list[_Line]]:
    """The lines of each page, form feeds taken out (a page opens at a line holding one);
    blank lines left out."""
    pages: list[list[_Line]] = [[]]
    blank = False
    for number, line in enumerate(lines, start=1):
        if line.startswith(FEED):
            pages.append([])
            line = unfed(line)
        if line.strip():  # the spaces of a justified line (-layout) are one space
            indent = len(line) - len(line.lstrip())
            text = _GLUED_LABEL.sub(r"\1 ", " ".join(line.split()), count=1)
            pages[-1].append(_Line(number, " " * indent + text, indent, len(pages) - 1,
                                   blank and bool(pages[-1])))
        blank = not line.strip()
    return [page for page in pages if page]


def _furniture(text: str, running: set[str]) -> bool:
    text = " ".join(text.split())
    return text in running or _FURNITURE_LINE.fullmatch(text) is not None


def _without_furniture(page: list[_Line], running: set[str], *, head: bool,
                       foot: bool) -> tuple[list[_Line], int]:
    """``page`` without the furniture at its ``head`` and its ``foot``, and how many lines
    were left out."""
    start, end = 0, len(page)
    while head and start < min(_EDGE, end) and _furniture(page[start].text, running):
        start += 1
    while foot and end > start and len(page) - end < _EDGE and \
            _furniture(page[end - 1].text, running) and \
            not _SYMBOL_LINE.fullmatch(page[end - 1].text.strip()):  # a symbol heads a page;
        end -= 1  # at its foot it ends a paragraph ("... resolution\nA/RES/79/144")
    kept = page[start:end]
    if start and kept:  # the blank line under a page's header is no paragraph's spacing
        kept[0] = replace(kept[0], spaced=False)
    return kept, len(page) - (end - start)


def _without_notes(page: list[_Line], notes: _Notes, width: int,
                   running: set[str]) -> tuple[list[_Line], int]:
    """``page`` without the footnotes at its foot, which go to ``notes``, each one's number
    in the page's text written as its marker; and how many lines of furniture among them
    were left out. The foot opens at the first line that may open a note (a number, a
    mark, or a line longer than the text's, as a note's smaller type makes it, opening in
    no small letter) after which every line is read as notes, up to the page's furniture."""
    for start in range(max(1, len(page) // 3, len(page) - _FOOT), len(page)):
        text = page[start].text.strip()
        if not (_NOTE.match(text) or _LONE_NUMBER.fullmatch(text) or _MARKED.match(text)
                or (len(text) > _WIDER * width and not text[:1].islower())):
            continue
        read = _read_notes(page[:start], page[start:], len(notes.numbered) + 1, running)
        if read is not None:
            numbered, marked, rest = read
            body = page[:start] + [line for line in rest
                                   if not _furniture(line.text, running)]
            for _, number, _text in numbered:
                body = _marked(body, number)
            notes.numbered += numbered
            notes.marked += marked
            return body, sum(_furniture(line.text, running) for line in rest)
    return page, 0


def _read_notes(body: list[_Line], foot: list[_Line], first: int, running: set[str],
                ) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]],
                           list[_Line]] | None:
    """The footnotes ``foot`` holds, if it is a page's foot of notes (None if not): each
    line opens a note (the next numbers, each cited in ``body``: "1 See ...", or "1" alone
    and its words on the lines after it; or a mark of its own, "*", that ``body`` shows)
    or goes on with the note before it. A PDF reader may print a note's number after its
    words: words before any number are the note whose number is left over, alone on the
    last line. The page's own lines that a PDF reader put after its notes and
    job number are returned as the rest."""
    text = "\n".join(line.text for line in body[-_FOOT * 2:])  # the page's, not a book's
    notes: list[list] = []  # [line, number (None: not yet known, "*": marked), words]
    waiting: int | None = None  # a number alone on its line: its words come next
    numbers: list[int] = []
    rest: list[_Line] = []
    for index, line in enumerate(foot):
        stripped = line.text.strip()
        alone, note = _LONE_NUMBER.fullmatch(stripped), _NOTE.match(stripped)
        number = int(stripped if alone else note["number"]) if alone or note else 0
        cited = number not in numbers and first <= number < first + _MOST_NOTES and \
            _marker(number).search(text) is not None
        if notes and not cited and _furniture(stripped, running):  # the job number: what
            rest = foot[index:]  # follows is the page's own, put after its notes
            break
        if not cited and (split_label(stripped)[0] is not None or
                          LONE_ITEM.fullmatch(stripped) or SUBPARAGRAPH.match(stripped)):
            return None  # a paragraph's number ("2.", "(a)"): the page's text goes on
        if alone or note:
            if not cited:
                return None
            numbers.append(number)
            if alone:
                waiting = number
            else:
                notes.append([line.number, number, stripped[note.end():]])
                waiting = None
        elif (mark := _MARKED.match(stripped)) and re.search(
                _GLUED + re.escape(stripped[:mark.end()].strip()) + r"(?!\*)", text):
            notes.append([line.number, "*", stripped])
        elif waiting is not None:
            notes.append([line.number, waiting, stripped])
            waiting = None
        elif notes:
            if notes[-1][1] is None and notes[-1][2].count("\n") >= _UNNUMBERED_LINES:
                return None
            notes[-1][2] = f"{notes[-1][2]}\n{stripped}"
        else:
            notes.append([line.number, None, stripped])
    unplaced = [note for note in notes if note[1] is None]
    if len(unplaced) > 1:
        return None
    for note in unplaced:  # its number printed after it
        if waiting is None:
            return None
        note[1] = waiting
    if waiting is not None and not unplaced:  # a number under the notes: the page's
        numbers.remove(waiting)
    if sorted(numbers) != list(range(first, first + len(numbers))):
        return None
    numbered = sorted(((line, number, " ".join(words.split("\n"))) for line, number, words
                       in notes if number != "*"), key=lambda note: note[1])
    marked = [(line, " ".join(words.split("\n"))) for line, number, words in notes
              if number == "*"]
    return (numbered, marked, rest) if numbered or marked else None


def _marker(number: int) -> re.Pattern[str]:
    return re.compile(rf"{_GLUED}{number}(?![\d/])")


def _marked(body: list[_Line], number: int) -> list[_Line]:
    """``body`` with the first ``number`` glued to a word written as its marker."""
    pattern = _marker(number)
    for index, line in enumerate(body):
        if pattern.search(line.text):
            changed = _Line(line.number, pattern.sub(f"[^{number}]", line.text, count=1),
                            line.indent, line.page)
            return [*body[:index], changed, *body[index + 1:]]
    return body


def _width(lines: list[_Line]) -> int:
    """The text's width: the length a full line of text reaches (most lines are full)."""
    lengths = sorted(len(line.text.strip()) for line in lines)
    return lengths[int(len(lengths) * 0.75)] if lengths else 0


def _front(lines: list[_Line]) -> tuple[list[_Line], list[_Line]]:
    """The lines before the chapeau, and the chapeau and the lines after it (all, where
    no line is a chapeau)."""
    for index, line in enumerate(lines):
        if chapeau_like(line.text):
            return lines[:index], lines[index:]
    return [], lines


def _front_lines(lines: list[_Line]) -> list[_Line]:
    """The front matter's lines, one opening in small letters joined to the one before."""
    kept: list[_Line] = []
    for line in lines:
        text = line.text.strip()
        if kept and text[:1].islower():
            before = kept[-1]
            kept[-1] = _Line(before.number, f"{before.text.strip()} {text}", before.indent,
                             before.page)
        else:
            kept.append(line)
    return kept


def _paragraphs(lines: list[_Line], width: int) -> list[tuple[int, str]]:
    """The paragraphs the body's lines make (see the module's docstring)."""
    margins = {page: min(line.indent for line in lines if line.page == page)
               for page in {line.page for line in lines}}
    paragraphs: list[tuple[int, list[str]]] = []
    before: _Line | None = None
    titled = False
    for index, line in enumerate(lines):
        text = line.text.strip()
        after = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
        title = _title(before, text, after, width)
        if before is None or titled or title or _opens(before, line, margins, width):
            paragraphs.append((line.number, [f"## {text}" if title else text]))
        elif SUBPARAGRAPH.match(text) or LONE_ITEM.fullmatch(text):
            paragraphs[-1][1].append(text)
        else:
            paragraphs[-1][1][-1] = _joined(paragraphs[-1][1][-1], text)
        before, titled = line, title
    return [(number, "\n".join(parts)) for number, parts in paragraphs]


def _title(before: _Line | None, text: str, after: str, width: int) -> bool:
    """Whether ``text`` is a heading of its own words, which no "Article 3" says: a short
    line, ending no clause, opening in a capital or a number ("Objective", "2
    REQUIREMENTS"), between a line that ends one (or a heading) and a numbered
    paragraph."""
    last = "" if before is None else before.text.strip()
    return bool(text[:1].isupper() or text[:1].isdigit()) and not _ENDS.search(text) and \
        len(text) < _TITLE * width and split_label(text)[0] is None and \
        not _heading(text) and split_label(after)[0] is not None and \
        (not last or _ENDS.search(last) is not None or _heading(last) or
         len(last) < _TITLE * width)


def _opens(before: _Line, line: _Line, margins: dict[int, int], width: int) -> bool:
    """Whether ``line`` opens a paragraph after ``before``."""
    text, last = line.text.strip(), before.text.strip()
    if split_label(last)[0] is not None and split_label(last)[1].strip() == "":
        return False  # "1." alone: its words follow
    if chapeau_like(last) or chapeau_like(text) or formula(text) or opens_closing(text):
        return True
    if line.spaced and not (SUBPARAGRAPH.match(text) or LONE_ITEM.fullmatch(text)):
        return True
    if split_label(text)[0] is not None or _heading(text):
        return True
    if _heading(last) and not text[:1].islower():  # "Article 1", then its title
        return True
    if not _ENDS.search(last):
        return False
    if not text[:1].isupper():  # Russian opens its paragraphs in small letters
        return _CYRILLIC.match(text) is not None and preambular_opening(text)
    indented = line.indent >= margins[line.page] + _INDENT and \
        before.indent < line.indent and line.page == before.page
    short = width > 0 and len(last) < _SHORT * width
    return preambular_opening(text) or _OPENINGS.match(text) is not None or indented or short


def _heading(text: str) -> bool:
    """Whether ``text`` is a heading's line: "Article 3", "II. Finance", "Part IV"."""
    return heading_key(text) is not None and split_label(text)[0] is None and \
        not _ENDS.search(text)


def _joined(text: str, line: str) -> str:
    """``line`` after ``text``, a space between, or nothing after a word broken at its
    hyphen."""
    if len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line[:1].islower():
        return text + line
    return f"{text} {line}"


def _hyphens_restored(blocks: list[tuple[int, str]]) -> tuple[
        list[tuple[int, str]], list[tuple[int, str, str]]]:
    """``blocks`` with each word that the text writes elsewhere with a hyphen
    ("small-scale") and here without ("smallscale"), given its hyphen back; and where."""
    hyphenated = {f"{m[1]}{m[2]}".casefold(): m[0] for _, text in blocks
                  for m in _HYPHENATED.finditer(text)}
    for joined, word in _COMPOUNDS.items():
        hyphenated.setdefault(joined.casefold(), word)
    restored: list[tuple[int, str, str]] = []
    kept = []
    for number, text in blocks:
        def hyphen(match: re.Match[str], number: int = number) -> str:
            word = match[0]
            found = hyphenated.get(word.casefold())
            if found is None and (number_word := _NUMBER_WORD.fullmatch(word)):
                found = f"{number_word[1]}-{number_word[2]}"
            elif found is not None and word[:1].isupper() and found[:1].islower():
                found = found[:1].upper() + found[1:]  # opening a sentence or a title
            if found is None or found.casefold().replace("-", "") != word.casefold():
                return word
            restored.append((number, word, found))
            return found
        kept.append((number, _WORD.sub(hyphen, text)))
    return kept, restored
