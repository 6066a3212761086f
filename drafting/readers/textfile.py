"""Read a draft written as plain text or Markdown.

The documented form, one paragraph per block (blocks are separated by blank lines)::

    United Nations                           <- front matter: the blocks before the
    A/C.2/81/L.7                                title and the chapeau, one line each
    Fiji and Samoa: draft resolution
    # Title of the draft resolution          <- a level-1 heading: the title
    The General Assembly,                    <- the chapeau (or "## The General Assembly,")
    Recalling its resolution 70/1,           <- unlabelled before any OP: preambular
    PP2 Noting with concern ...,             <- or labelled
    1. Decides ...;                          <- "1." is read as OP1
    OP2 bis Invites ...;
    OP3 Calls upon States:                   <- lines inside a block that open with
    (a) To ...;                                 "(a)", "(i)" ... stay on their own line;
    (b) To ...;                                 other lines are joined with a space
    ## Article 3                             <- a section: "1." under it is 3.1 where
                                                numbers start again in each article
    Option 1: ... / Option 2: No text        <- alternatives of one paragraph

A text written one paragraph per line, with no blank line between paragraphs (Word's or
LibreOffice's "Save as text", Notepad, an e-mail) is read so: each line is a block, when
its line breaks fall between paragraphs (after a line ending with "," ";" ":" "." before
a capital or a typed label, or after a chapeau) more often than blank lines do, at
least twice as often as inside a sentence (before a word in small letters), and at
least twice, or once before a label or after a chapeau (`_blocks`). There, a line
opening in small letters continues the line before it after a line break, as Word's
manual line break does (unless the text's paragraphs open in small letters, as Russian
ones do). Otherwise a block's lines are one paragraph, as above; a line in it that
opens like a paragraph of its own ("2. Requests", or after "The General Assembly,")
after a line ending one is a warning.

A text taken from a PDF, its printed pages separated by form feeds, or its printed lines
wrapped at the page's width without them (copied from a PDF viewer: `_wrapped`), is put
back into paragraphs first (`drafting.readers.printed_pages`).

In Markdown (``markdown``), a backslash before an ASCII punctuation character is that
character (``\\(a\\)`` is "(a)", ``\\[`` a bracket), as pandoc writes them, and a
backslash at the end of a line inside a block is a line break. The structure is read
from the text as shown, its emphasis left out (``*The General Assembly*,``, ``**2.**``,
``*Option 1*:``), and each paragraph's words keep theirs (`drafting.readers.markdown_marks`).
A block quote is read as its text (``> 1. Decides ...``: pandoc writes a Word draft's
indented paragraphs so), and two or three hyphens as the dash pandoc writes so
("2021--2030" is "2021–2030"; ``\\--`` keeps two hyphens).

The structure is read as `drafting.readers.structure` says, for every format alike.
Characters are checked and the text normalised as `drafting.characters` says: a
control character is refused with its line and column; accents written decomposed are
stored composed (NFC), and full-width brackets read as brackets, each with a warning
naming the lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from drafting import characters, lookalikes
from drafting.errors import ReaderError
from drafting.given_files import decoded, read_given
from drafting.inline_markdown import MARKUP, unescaped, unmarked
from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_TEXT_FILE_BYTES
from drafting.readers.blocks import Block
from drafting.readers.chapeaux import long_chapeau
from drafting.readers.lines import (
    FOOTNOTE,
    LONE_ITEM,
    SUBPARAGRAPH,
    chapeau_like,
    lone_item,
    split_label,
)
from drafting.readers.markdown_lines import shown_line
from drafting.readers.markdown_marks import placed, plain_blocks
from drafting.readers.printed_pages import is_printed, paged, printed_blocks, unfed
from drafting.readers.result import ReadResult, ReadWarning
from drafting.readers.structure import read_structure

_HEADING = lazy_compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*)")
_CLOSING_HASHES = lazy_compile(r"(?:^|\s+)#+\s*$")
"""The hashes that may close a heading's line (``## II. Means ##``)."""
_UNDERLINED = lazy_compile(r"(?P<text>[^\n]*\S) (?P<rule>={3,}|-{3,})")
"""A heading underlined on the line after it (``=====`` for level 1, ``-----`` for 2;
the two lines joined as a block's lines are, not after a hard line break)."""
_ENDS = lazy_compile(r"(?:[,;:.!?\u060c\u061b\u3002\uff0c\uff1b\uff1a]|[,;]\d{1,3})"
                   r"[\"'\u2019\u201d)\]*\\]*$")
"""How a line that ends a paragraph ends: a comma, semicolon, colon or full stop (a
footnote's number may follow a comma or semicolon, closing quotes and brackets any)."""
_OPENERS = "*_\\[\"'\u201c\u2018"
"""What may stand before a paragraph's first letter: a bracket, a quote, Markdown."""


@dataclass(frozen=True, slots=True)
class _Block:
    line: int
    text: str


def read_text_file(path: str | Path) -> ReadResult:
    """Read a ``.md`` or ``.txt`` draft from ``path`` (UTF-8, a BOM is allowed).

    Raises ReaderError when the file cannot be read or decoded, and
    BracketError (naming file, line and paragraph) for unbalanced brackets.
    """
    path = Path(path)
    source = decoded(read_bytes(path), path)
    return read_text(source, name=str(path),
                     markdown=path.suffix.lower() in (".md", ".markdown"))


def read_text(source: str, *, name: str = "<text>", markdown: bool = False) -> ReadResult:
    """Read a draft from a string in the form above; ``name`` is used in messages.

    With ``markdown``, a paragraph's inline formatting (``*italic*``, ``**bold**``, ...:
    `drafting.inline_markdown`) becomes its marks. An empty text gives no
    paragraphs and no title. Raises ReaderError for a label used twice in one section or
    a character that is not text (`characters`); stray brackets are warnings.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    hidden: list[ReadWarning] = []
    if markdown and "<!--" in source:
        source, hidden = _without_comments(source, name)
    printed = is_printed(source)
    lines = source.split("\n")
    if markdown and not printed:
        lines = [shown_line(line) for line in lines]
    _check_characters([unfed(line) for line in lines] if printed else lines, name)
    warnings = hidden + _normalise(lines, name)
    lines = [characters.normalised(characters.wide_brackets(line)[0]) for line in lines]
    runs = [] if printed else _runs(lines, markdown=markdown)
    if printed or (not markdown and _wrapped(runs)):  # a PDF's printed lines
        read, joined = printed_blocks(lines if printed else paged(lines), name)
        found = [_Block(number, text) for number, text in read]
    else:
        found, joined = _blocks(runs, name)
        found = _notes_after_citers(found)
    blocks = [_structure_block(block, name, markdown=markdown) for block in found]
    if markdown and not printed:  # the structure read from the text as shown
        plain, marks = plain_blocks(blocks)
        read = placed(read_structure(plain, name=name, warnings=[*warnings, *joined]),
                      plain, marks)
        if read is not None:
            return read
    result = read_structure(blocks, name=name, warnings=warnings + joined).result
    if not markdown:
        return result
    return replace(
        result, title=unescaped(result.title), chapeau=unescaped(result.chapeau),
        front_matter=tuple(unescaped(line) for line in result.front_matter),
        after_title=tuple(unescaped(line) for line in result.after_title),
        paragraphs=tuple(replace(p, text=text, marks=marks) if marks or text != p.text else p
                         for p in result.paragraphs for text, marks in [unmarked(p.text)]))


def _notes_after_citers(blocks: list[_Block]) -> list[_Block]:
    """``blocks`` with each footnote's (``[^3]: ...``, written where the text ends, as
    Markdown writes them) right after the block that first cites it, where the Word
    reader places a footnote; a footnote no block cites stays where it is."""
    defined = {}
    for k, block in enumerate(blocks):
        if (note := FOOTNOTE.match(block.text)) is not None:
            defined.setdefault(note["number"], k)
    if not defined:
        return blocks
    after: dict[int, list[int]] = {}
    moved: set[int] = set()
    for k, block in enumerate(blocks):
        if FOOTNOTE.match(block.text) is None:
            for number in _CITED.findall(block.text):
                if (note_at := defined.get(number)) is not None and note_at not in moved:
                    moved.add(note_at)
                    after.setdefault(k, []).append(note_at)
    return [placed for k, block in enumerate(blocks) if k not in moved
            for placed in (block, *(blocks[j] for j in after.get(k, ())))]


_CITED = lazy_compile(r"\[\^(\d{1,4})\]")
"""A footnote's marker where a paragraph cites it."""


def _without_comments(source: str, name: str) -> tuple[str, list[ReadWarning]]:
    """``source`` without its HTML comments (``<!-- ... -->``, on one line or several),
    which Markdown never shows: a drafter's note to self is not the draft's text, and
    would be circulated with it. Each leaves its line breaks (a comment on lines of its
    own ends a block, as in CommonMark) and a warning quoting it. A comment never closed
    stays text."""
    warnings, kept, at, line = [], [], 0, 1
    while (start := source.find("<!--", at)) != -1:
        line += source.count("\n", at, start)
        if start and source[start - 1] == "\\":  # "\<!--": text
            kept.append(source[at:start + 4])
            at = start + 4
            continue
        end = source.find("-->", start + 4)
        if end == -1:  # never closed: text, and so is every later one (one scan, not one each)
            break
        comment = source[start + 4:end]
        warnings.append(ReadWarning(f"{name}, line {line}", "an HTML comment, which Markdown "
                                    "does not show, was left out: "
                                    f"'{_preview(' '.join(comment.split()), 80)}'"))
        breaks = comment.count("\n")
        kept += [source[at:start], "\n" * breaks]
        line += breaks
        at = end + 3
    return "".join(kept) + source[at:], warnings


def _structure_block(block: _Block, name: str, *, markdown: bool) -> Block:
    where = f"{name}, line {block.line}"
    if heading := _HEADING.fullmatch(block.text):
        level = len(heading["hashes"])
        text = _CLOSING_HASHES.sub("", heading["text"]).strip()  # "## II. Means ##"
        return Block(unescaped(text, MARKUP) if markdown else text, where,
                     title_style=level == 1, heading=level)
    if markdown and (underlined := _UNDERLINED.fullmatch(block.text)):  # "Title", "====="
        level = 1 if underlined["rule"][0] == "=" else 2
        return Block(unescaped(underlined["text"], MARKUP), where,
                     title_style=level == 1, heading=level)
    # "\#" was kept until now, so as not to open a heading; "\*", "\<" are `unmarked`'s
    return Block(unescaped(block.text, MARKUP) if markdown else block.text, where)


MAX_BYTES = MAX_TEXT_FILE_BYTES
"""The largest text or JSON file a reader takes: far above any negotiation text."""


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the text or JSON file at ``path`` (`drafting.given_files.read_given`:
    ReaderError naming it if it is no file, cannot be read or holds more than
    ``limit`` bytes)."""
    return read_given(path, limit, kind="a file", limit_said="a reader takes; split it")


def _check_characters(lines: list[str], name: str) -> None:
    """ReaderError for the first character that is not text, with its line and column."""
    for number, line in enumerate(lines, start=1):
        if found := characters.problem(line):
            offset, sentence = found
            raise ReaderError(f"{name}, line {number}, {sentence}",
                              details=characters.caret(line, offset))


def _normalise(lines: list[str], name: str) -> list[ReadWarning]:
    """A warning naming the lines whose accents are stored composed, one for each line
    whose words look other than they are (`drafting.lookalikes.disguise`), and one naming
    those whose full-width brackets are read as brackets (`characters.wide_brackets`)."""
    warnings = []
    said = {n: sentence for n, line in enumerate(lines, 1)
            if (sentence := characters.normalised_said(line))}
    for sentence in dict.fromkeys(said.values()):
        changed = [n for n, other in said.items() if other == sentence]
        warnings.append(ReadWarning(name, f"{_lines(changed)}: {sentence}"))
    warnings += [ReadWarning(name, f"line {n}, {seen[1]}") for n, line in enumerate(lines, 1)
                 if (seen := lookalikes.disguise(line))]  # a draft's: said, not refused
    if wide := [n for n, line in enumerate(lines, 1) if characters.wide_brackets(line)[1]]:
        said = characters.wide_brackets("\n".join(lines[n - 1] for n in wide))[1]
        warnings.append(ReadWarning(name, f"{_lines(wide)}: {said}"))
    return warnings


def _lines(numbers: list[int]) -> str:
    """"line 3", or "lines 3, 5, 8, ..." (ten at most)."""
    shown = ", ".join(map(str, numbers[:10])) + (", ..." if len(numbers) > 10 else "")
    return f"line{'s' * (len(numbers) > 1)} {shown}"


_LIST_ITEM = lazy_compile(r" ?\d{1,9}[.)][ \t]")
"""An item of a numbered Markdown list, not indented under another."""
_NESTED_ITEM = lazy_compile(r"[ \t]{2,}\d{1,9}[.)][ \t]")
"""An item of a numbered Markdown list indented under another's: a line of that item."""


def _runs(source_lines: list[str], *, markdown: bool) -> list[list[_Block]]:
    """The runs of lines between blank lines, each line trimmed. In Markdown, escapes
    but those of ``#`` and `MARKUP` are read, a line ending with a backslash (an odd
    number of them) takes the next one after a line break, and in a numbered list written
    with no blank line between its items ("1. Decides ...", "2. Requests ...") each item
    opens a run of its own, as Markdown reads them, and the items of a numbered list
    indented under one ("   1. Double ...") are lines of it, blank lines between them
    or not."""
    runs: list[list[_Block]] = []
    run: list[_Block] = []
    broken = listed = last_listed = False
    for number, line in enumerate(source_lines, start=1):
        text = line.strip()
        item = markdown and _LIST_ITEM.match(line) is not None
        nested = markdown and text and _NESTED_ITEM.match(line) is not None
        if nested and not run and runs and last_listed:  # after a blank line: its item's
            run, listed = runs.pop(), True
        if not text or (item and listed and not broken):  # a list's next item: its own
            if run:
                runs.append(run)
                last_listed = listed
            run, broken = [], False
            if not text:
                continue
        if not run:
            listed = item
        if markdown:
            text = unescaped(text, MARKUP + "#")
        if broken:
            run[-1] = _Block(run[-1].line, f"{run[-1].text[:-1].rstrip()}\n{text}")
        elif nested and listed and run:  # "   1. Double ...": a line of its item
            run[-1] = _Block(run[-1].line, f"{run[-1].text}\n{text}")
        else:
            run.append(_Block(number, text))
        broken = markdown and (len(text) - len(text.rstrip("\\"))) % 2 == 1
    if run:
        runs.append(run)
    return runs


def _blocks(runs: list[list[_Block]], name: str) -> tuple[list[_Block], list[ReadWarning]]:
    """The blocks the runs of lines make (see the module's docstring), and a warning
    for each line joined to a paragraph although it seems to open one of its own."""
    breaks = [(run[0], line, _break(before.text, line.text))
              for run in runs for before, line in pairwise(run)]
    kinds = Counter(kind for _, _, kind in breaks)
    new = kinds["opens"] + kinds["capital"]
    gaps = len(runs) - 1  # blank lines between paragraphs: the documented form
    if new > gaps and new >= 2 * kinds["wrap"] and (new >= 2 or kinds["opens"]):
        small_continues = not _small_openings(runs)
        return [block for run in runs for block in _per_line(run, small_continues)], []
    warnings = [
        ReadWarning(f"{name}, line {line.line}", (
            f"read as part of the paragraph above (line {first.line}), as no blank line "
            f"stands between them, though it opens like a paragraph of its own "
            f"(\"{_preview(line.text)}\"); if it is one, put a blank line before it"))
        for first, line, kind in breaks if kind == "opens"]
    return [_Block(run[0].line, _join([line.text for line in run])) for run in runs], warnings


def _wrapped(runs: list[list[_Block]]) -> bool:
    """Whether the text's lines are printed lines, wrapped at the page's width, more than
    blocks between blank lines or paragraphs one a line: inside a sentence (a word in
    small letters after one that ends no clause) over three times as often as between
    blocks, and more often than between paragraphs."""
    kinds = Counter(_break(before.text, line.text) for run in runs
                    for before, line in pairwise(run))
    return kinds["wrap"] > 3 * len(runs) and kinds["wrap"] > kinds["opens"] + kinds["capital"]


def _preview(text: str, size: int = 40) -> str:
    return text if len(text) <= size else f"{text[:size].rstrip()}..."


def _per_line(run: list[_Block], small_continues: bool) -> list[_Block]:
    """One block per line, but a line in small letters continues the line before it
    (after a line break) if that one does not end a paragraph, or if ``small_continues``."""
    blocks = [run[0]]
    for line in run[1:]:
        kind = _break(blocks[-1].text, line.text)
        if kind == "wrap" or (kind == "small" and small_continues):
            blocks[-1] = _Block(blocks[-1].line, f"{blocks[-1].text}\n{line.text}")
        else:
            blocks.append(line)
    return blocks


def _small_openings(runs: list[list[_Block]]) -> bool:
    """Whether more of the text's paragraphs open in small letters than in capitals, as
    Russian ones do ("ссылаясь на ...,", "1. постановляет ..."): counted on the lines
    that follow a line ending a paragraph, after their label."""
    cases = Counter(_first(line.text, label=True).islower()
                    for run in runs for before, line in pairwise(run)
                    if _ENDS.search(before.text) and not SUBPARAGRAPH.match(line.text)
                    and _first(line.text, label=True).isalpha())
    return cases[True] > cases[False]


def _first(line: str, *, label: bool = False) -> str:
    """The first character of a line's words: after brackets, quotes and Markdown's
    emphasis, and with ``label`` after a typed label ("1.\t")."""
    return line[split_label(line)[2] if label else 0:].lstrip(_OPENERS)[:1]


def _break(before: str, after: str) -> str:
    """What a line break between two lines says: ``opens`` (a paragraph ends, and a
    typed label or a chapeau follows, or a chapeau ends), ``capital`` (a paragraph
    ends, a capital follows), ``small`` (a paragraph ends, a small letter follows),
    ``wrap`` (inside a sentence: a small letter follows a line that ends none), or
    ``""`` (nothing: a sub-paragraph, a digit, a capital after a line that ends none)."""
    last = before.rsplit("\n", 1)[-1]
    if SUBPARAGRAPH.match(after):
        return ""
    first = _first(after)
    if not _ENDS.search(last):
        return "wrap" if first.islower() else ""
    if (chapeau_like(last) and not (first.islower() and long_chapeau(last))) or \
            split_label(after)[0] is not None or chapeau_like(after):  # a long chapeau,
        return "opens"  # "We, ..., States and Governments," goes on: "assembled at ...,"
    if first.islower():
        return "small"
    return "capital" if first.isalpha() else ""


def _join(lines: list[str]) -> str:
    """The lines of a block as one paragraph: each sub-paragraph ("(a) ...") on a line of
    its own, an item's letter alone ("(a)") with the line after it, other lines joined
    with a space."""
    text = lines[0]
    for before, line in pairwise(lines):
        own = SUBPARAGRAPH.match(line) or LONE_ITEM.fullmatch(line)
        text += ("\n" if own and not lone_item(before, line) else " ") + line
    return text
