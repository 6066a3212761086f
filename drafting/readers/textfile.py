"""Read a draft written as plain text or Markdown.

The form, one paragraph per block (blocks are separated by blank lines)::

    # Title of the draft resolution          <- first block, level-1 heading
    ## The General Assembly,                 <- a heading
    PP1 Recalling its resolution 70/1,       <- labelled preambular paragraph
    Noting with concern ...,                 <- unlabelled before any OP: preambular
    OP1 Decides ...;                         <- labelled operative paragraph
    2. Requests ...;                         <- "2." is read as OP2
    OP2 bis Invites ...;
    OP3 Calls upon States:                   <- lines inside a block that open with
    (a) To ...;                                 "(a)", "(i)" ... stay on their own line;
    (b) To ...;                                 other lines are joined with a space

An unlabelled block after the first operative paragraph is kept as other text
(``T1``, ``T2``, ...) with a warning. Every paragraph's brackets are checked.
Characters are checked and the text normalised as `drafting.characters`
says: a control character is refused with its line and column; accents written
decomposed are stored composed (NFC), with a warning naming the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from drafting import brackets, characters
from drafting.errors import BracketError, ReaderError
from drafting.model import Paragraph, ParagraphKind, parse_label
from drafting.model.labels import SUFFIXES, Label
from drafting.readers.result import ReadResult, ReadWarning

_SUFFIX = "|".join(sorted(SUFFIXES, key=len, reverse=True))
_LABELLED = re.compile(rf"(?P<label>(?:PP|OP|T)\s?\d+(?:\s+(?:{_SUFFIX}))?)\.?(?:\s+|$)")
_NUMBERED = re.compile(rf"(?P<number>\d+)(?:\s+(?P<suffix>{_SUFFIX}))?\.(?:\s+|$)")
_HEADING = re.compile(r"(?P<hashes>#{1,6})\s+(?P<text>.*)")
SUBPARAGRAPH = re.compile(r"\(?(?:[a-z]{1,2}|[ivxlc]+|\d{1,2})\)\s")


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
    return read_text(source, name=str(path))


def read_text(source: str, *, name: str = "<text>") -> ReadResult:
    """Read a draft from a string in the form above; ``name`` is used in messages.

    An empty text gives no paragraphs and no title. Raises ReaderError for a
    label used twice or a character that is not text (`characters`), and
    BracketError for unbalanced brackets.
    """
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    lines = source.split("\n")
    _check_characters(lines, name)
    warnings = _normalise(lines, name)
    blocks = _blocks([characters.normalised(line) for line in lines])
    title = ""
    if blocks and (heading := _HEADING.fullmatch(blocks[0].text)) and len(heading["hashes"]) == 1:
        title = heading["text"].strip()
        blocks = blocks[1:]
    return _Builder(name, warnings).build(title, blocks)


MAX_BYTES = 50 * 1024 * 1024
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


class _Builder:
    """Turns blocks into paragraphs, numbering what has no label."""

    def __init__(self, name: str, warnings: list[ReadWarning] | None = None) -> None:
        self.name = name
        self.paragraphs: list[Paragraph] = []
        self.warnings: list[ReadWarning] = list(warnings or ())
        self.seen: dict[str, int] = {}
        self.last_number: dict[str, int] = {}
        self.operative_seen = False

    def build(self, title: str, blocks: list[_Block]) -> ReadResult:
        for block in blocks:
            self._add(block)
        return ReadResult(title, tuple(self.paragraphs), tuple(self.warnings))

    def _add(self, block: _Block) -> None:
        if heading := _HEADING.fullmatch(block.text):
            label = self._unused("H")
            self._append(block, label, heading["text"].strip(), level=len(heading["hashes"]))
            return
        label, text = split_label(block.text)
        if label is None:
            label = self._unlabelled(block)
        self._append(block, label, text)

    def _unlabelled(self, block: _Block) -> Label:
        if not self.operative_seen:
            return self._unused("PP")
        label = self._unused("T")
        previous = self.paragraphs[-1].label
        self.warnings.append(ReadWarning(
            self._where(block),
            f"paragraph without a label after {previous}; kept as other text {label}. "
            "Give it a label (e.g. OP7) if it is an operative paragraph",
        ))
        return label

    def _unused(self, prefix: str) -> Label:
        return Label(prefix, self.last_number.get(prefix, 0) + 1)

    def _append(self, block: _Block, label: Label, text: str, level: int = 0) -> None:
        shown = str(label)
        if shown in self.seen:
            raise ReaderError(
                f"{self._where(block)}: the label {shown} is used twice "
                f"(first on line {self.seen[shown]}); each paragraph needs its own"
            )
        try:
            brackets.parse(text, paragraph=shown)
        except BracketError as error:
            error.message = f"{self._where(block)}: {error.message}"
            error.args = (error.message,)
            raise
        self.seen[shown] = block.line
        self.last_number[label.prefix] = max(self.last_number.get(label.prefix, 0), label.number)
        self.operative_seen |= label.kind is ParagraphKind.OPERATIVE
        paragraph_id = f"p{len(self.paragraphs) + 1}"
        self.paragraphs.append(Paragraph(paragraph_id, shown, label.kind, text, level=level))

    def _where(self, block: _Block) -> str:
        return f"{self.name}, line {block.line}"


def split_label(text: str) -> tuple[Label | None, str]:
    """The label a block opens with, if any, and the text after it."""
    if match := _LABELLED.match(text):
        return parse_label(match["label"]), text[match.end():]
    if match := _NUMBERED.match(text):
        suffix = f" {match['suffix']}" if match["suffix"] else ""
        return parse_label(f"OP{match['number']}{suffix}"), text[match.end():]
    return None, text

