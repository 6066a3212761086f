"""Read a draft written as plain text or Markdown.

The form, one paragraph per block (blocks are separated by blank lines)::

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

The structure is read as `drafting.readers.structure` says, for every format alike.
Characters are checked and the text normalised as `drafting.characters` says: a
control character is refused with its line and column; accents written decomposed are
stored composed (NFC), with a warning naming the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from drafting import characters
from drafting.errors import ReaderError
from drafting.inline_markdown import unmarked
from drafting.limits import MAX_TEXT_FILE_BYTES
from drafting.readers.blocks import Block
from drafting.readers.lines import SUBPARAGRAPH
from drafting.readers.result import ReadResult, ReadWarning
from drafting.readers.structure import read_structure

_HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*)")


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
    raw = read_bytes(path)
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReaderError(
            f"{path}: byte {error.start} is not UTF-8; save the file as UTF-8 text"
        ) from error
    return read_text(source, name=str(path), markdown=path.suffix.lower() == ".md")


def read_text(source: str, *, name: str = "<text>", markdown: bool = False) -> ReadResult:
    """Read a draft from a string in the form above; ``name`` is used in messages.

    With ``markdown``, a paragraph's inline formatting (``*italic*``, ``**bold**``, ...:
    `drafting.inline_markdown`) becomes its marks. An empty text gives no
    paragraphs and no title. Raises ReaderError for a label used twice in one section or
    a character that is not text (`characters`); stray brackets are warnings.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    lines = source.split("\n")
    _check_characters(lines, name)
    warnings = _normalise(lines, name)
    blocks = [_structure_block(block, name)
              for block in _blocks([characters.normalised(line) for line in lines])]
    result = read_structure(blocks, name=name, warnings=warnings).result
    if not markdown:
        return result
    return replace(result, paragraphs=tuple(
        replace(p, text=text, marks=marks) if marks or text != p.text else p
        for p in result.paragraphs for text, marks in [unmarked(p.text)]))


def _structure_block(block: _Block, name: str) -> Block:
    where = f"{name}, line {block.line}"
    if heading := _HEADING.fullmatch(block.text):
        level = len(heading["hashes"])
        return Block(heading["text"].strip(), where, title_style=level == 1, heading=level)
    return Block(block.text, where)


MAX_BYTES = MAX_TEXT_FILE_BYTES
"""The largest text or JSON file a reader takes: far above any negotiation text."""


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the file at ``path``; ReaderError (naming it) if it cannot be read
    or holds more than ``limit`` bytes."""
    try:
        if path.is_dir():
            raise ReaderError(f"{path}: is a folder, not a file; give the path of a file")
        size = path.stat().st_size
        if size > limit:
            raise ReaderError(f"{path}: the file is {size // 1024 // 1024} MB, more than the "
                              f"{limit // 1024 // 1024} MB a reader takes; split it")
        return path.read_bytes()
    except OSError as error:
        raise ReaderError(f"{path}: cannot read the file: {error.strerror}") from error


def _check_characters(lines: list[str], name: str) -> None:
    """ReaderError for the first character that is not text, with its line and column."""
    for number, line in enumerate(lines, start=1):
        if found := characters.problem(line):
            offset, sentence = found
            raise ReaderError(f"{name}, line {number}, {sentence}",
                              details=characters.caret(line, offset))


def _normalise(lines: list[str], name: str) -> list[ReadWarning]:
    changed = [n for n, line in enumerate(lines, 1) if characters.normalised(line) != line]
    if not changed:
        return []
    shown = ", ".join(map(str, changed[:10])) + (", ..." if len(changed) > 10 else "")
    return [ReadWarning(name, (
        f"line{'s' * (len(changed) > 1)} {shown}: accents written as a letter plus a "
        "combining mark were stored composed (Unicode NFC); the text looks the same"))]


def _blocks(source_lines: list[str]) -> list[_Block]:
    blocks: list[_Block] = []
    lines: list[str] = []
    start = 0
    for number, line in enumerate(source_lines, start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            blocks.append(_Block(start, _join(lines)))
            lines = []
    if lines:
        blocks.append(_Block(start, _join(lines)))
    return blocks


def _join(lines: list[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text += ("\n" if SUBPARAGRAPH.match(line) else " ") + line
    return text
