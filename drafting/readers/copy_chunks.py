"""A delegation's Word paragraph as a chunk (`Chunk`): its label taken off and its runs'
pieces cleaned as the import reads text (`ChunkReader._chunk`; an unchanged paragraph
of one piece quickly: `plain_chunk`), a sub-paragraph's line joined to the paragraph
it belongs to (`_join`), and a paragraph's options read as adjacent brackets
(`_alternative`). `drafting.readers.docx_copy` lays the copy out into chunks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType

from drafting import characters
from drafting.model import Revision
from drafting.ooxml import runs
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.copy_items import number_piece, typed_over
from drafting.readers.copy_pieces import (
    bracketed,
    bracketing,
    opening_bracket,
    option_body,
    restored,
    spaces_between,
    trimmed,
)
from drafting.readers.copy_text import check_characters, unproposed
from drafting.readers.docx_changes import strip_label
from drafting.readers.lines import read_label, read_numbered
from drafting.readers.result import ReadWarning
from drafting.text_memo import TextMemo


@dataclass
class Chunk:
    """One Word paragraph's content: its label (stripped) and its pieces."""

    number: int
    label: str | None
    pieces: list[RunPiece]
    mark: RunPiece
    heading: bool = False
    """Read as a heading (in a heading style, or "Article 3")."""
    shown: str = ""
    """The number Word shows before a heading's words ("Article 3 "), its first piece."""
    alternatives: bool = False
    """Its pieces are its alternatives, in brackets ("Option 1: ..." read as "[...]")."""
    note: int | None = None
    """The number of the revision's footnote it is (labelled ``FN<n>``); None for a
    paragraph of the body."""

    @property
    def new(self) -> bool:
        """Whether the paragraph is inserted whole: its words inserted, and nothing else
        in it but spaces (Enter pressed before a paragraph's last space moves the space
        to the new paragraph, untracked)."""
        pieces = self.pieces  # nearly always: the first piece is not inserted
        if not pieces or (pieces[0].state == NORMAL and pieces[0].text.strip()):
            return False
        if all(p.state == INSERTED for p in pieces):
            return True
        return any(p.state == INSERTED and p.text.strip() for p in pieces) and \
            all(p.state == INSERTED or (p.state == NORMAL and not p.text.strip())
                for p in pieces)


class ChunkReader:
    """The part of `drafting.readers.docx_copy.CopyLayout` that reads one Word paragraph
    into a chunk. The layout holds the state (``name``, ``target``, ``warnings``,
    ``seen_comments``, ``labels_read``)."""

    name: str
    """The copy's path as text, for messages."""
    target: Revision
    warnings: list[ReadWarning]
    seen_comments: dict[str, tuple[str, str]]
    labels_read: Mapping[int, str] = MappingProxyType({})
    """The label the import's rules give each Word paragraph that opens one, by its
    number (`CopyLayout._roles` reads them)."""

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(ReadWarning(where, message))

    def where(self, chunk: Chunk) -> str:
        shown = self.labels_read.get(chunk.number, chunk.label) if chunk.label and \
            chunk.note is None else chunk.label  # a treaty's typed "1." is its 4.1
        label = f" ({shown})" if shown else ""
        return f"{self.name}, paragraph {chunk.number}{label}"

    def _join(self, chunk: Chunk, line: Chunk, prefix: str) -> None:
        """Add a sub-paragraph's Word paragraph to the paragraph it belongs to, as the
        import does: a line break (inserted if the line is new, deleted with the mark
        before it: two lines joined) and its number."""
        first, mark = (line.pieces[0] if line.pieces else None), chunk.mark
        text = "".join(p.text for p in line.pieces).lstrip()  # "(c bis)<tab>": its label
        if line.new and first is not None:
            prefix = typed_over(prefix, text)
            joint = RunPiece(prefix, INSERTED, first.author, first.date, first.change_id,
                             kind=first.kind)
        elif mark.state == DELETED and mark.in_original:
            joint = RunPiece(prefix, DELETED, mark.author, mark.date, mark.change_id,
                             kind=mark.kind)
        else:  # Word's number, read as the revision numbers the item (`as_numbered`)
            if all(p.state == NORMAL for p in line.pieces):  # an edited copy's new item?
                prefix = typed_over(prefix, text, self._lines)
            joint = number_piece(prefix) if prefix.strip() else RunPiece(prefix)
        chunk.pieces = [*trimmed(chunk.pieces), joint, *trimmed(line.pieces)]
        chunk.mark = line.mark

    @cached_property
    def _lines(self) -> frozenset[str]:
        """Every line of the revision's paragraphs."""
        return frozenset(line for p in self.target.paragraphs for line in p.text.split("\n"))

    def _alternative(self, host: Chunk, option: Chunk | None) -> None:
        """Read a paragraph's alternatives as the import writes them, adjacent brackets
        (``[first][second][]``): ``host``'s own text becomes the first alternative (once),
        and ``option`` (an "Option 2: ..." or "OP4 Alt ..." paragraph) is added as the next,
        each without its "Option N:" and with "No text" as nothing."""
        if not host.alternatives:
            host.alternatives = True
            if host.pieces:  # else "3." on its own: the options follow
                host.pieces = bracketed(option_body(host.pieces))
        if option is not None:
            host.pieces = [*host.pieces, *bracketed(option_body(option.pieces))]
            host.mark = option.mark

    def _chunk(self, number: int, read: runs.ParagraphRead, *, label: bool = True,
               bracketed: bool = False, inside: bool = False) -> Chunk:
        """The chunk of one Word paragraph; with ``label``, the label it opens with
        taken off (and, where ``bracketed``, a number in brackets: "(2) "; where
        ``inside``, the label after the "[" of a paragraph bracketed whole: "[2. ...]")."""
        if len(read.pieces) == 1 and read.pieces[0].state == NORMAL:  # nearly always
            plain = plain_chunk(number, read, label, bracketed, inside)
            if plain is not None:
                return plain
        chunk = Chunk(number, None, [], read.mark)
        where = f"{self.name}, paragraph {number}"
        pieces = self._cleaned(where, read.pieces)
        # words struck in another's insertion stay its words (`restored`): they may be
        # an amendment to its proposal; words their own author struck are no one's
        again = [p if p.inside is None else restored(p) for p in pieces]
        kept = spaces_between([p for p in again if p is not None])
        opening, kept = opening_bracket(kept) if label and (inside or bracketing(kept)) \
            else ([], kept)
        if label:
            chunk.label, chunk.pieces, changed = strip_label(kept, bracketed=bracketed)
        else:
            chunk.pieces, changed = kept, False
        chunk.pieces = [*opening, *chunk.pieces]

        where = self.where(chunk)
        if changed:
            self.warn(where, "the paragraph's label was changed; labels are set by the "
                      "secretariat, so the change was not read")
        for piece, kept_as in zip(pieces, again, strict=True):
            if kept_as is None:
                self.warn(where, unproposed(piece))
                self._note_comments(where, [piece])
        return chunk

    def _cleaned(self, where: str, pieces: tuple[RunPiece, ...]) -> list[RunPiece]:
        """``pieces`` with the characters Word allows read as Word shows them (with a
        warning), in NFC; ReaderError for a character that is not text. A piece is copied
        only when its text changes."""
        whole = "".join(piece.text for piece in pieces)
        if characters.first_forbidden(whole) is None and not characters.from_word(whole)[1]:
            return [piece if (text := characters.normalised(piece.text)) == piece.text
                    else piece.with_text(text) for piece in pieces]
        cleaned = []
        for piece in pieces:
            text, replaced = characters.from_word(piece.text)
            if replaced:
                self.warn(where, replaced)
            check_characters(where, text)
            text = characters.normalised(text)
            cleaned.append(piece if text == piece.text else piece.with_text(text))
        return cleaned

    def _note_comments(self, where: str, pieces: list[RunPiece]) -> None:
        for piece in pieces:
            for comment_id in piece.comment_ids:
                self.seen_comments.setdefault(comment_id, (where, piece.text))


_memo: TextMemo[tuple[str | None, RunPiece | None]] = TextMemo()
"""What `plain_chunk` makes of a bare piece of short text (no comment, nothing but its
text), by its text and how its label is read: its label and its piece (None for none).
Every copy of a draft (an inbox) holds the same unchanged paragraphs; each is then read
once (`forget_chunks` forgets them)."""


def plain_chunk(number: int, read: runs.ParagraphRead, label: bool,
                bracketed: bool = False, inside: bool = False) -> Chunk | None:
    """`CopyLayout._chunk` of a paragraph that is one piece of unchanged text (what
    `strip_label` and `CopyLayout._cleaned` make of it, with nothing to warn about), or
    None when its characters need a closer look."""
    (piece,) = read.pieces
    text = piece.text
    key = (text, label, bracketed, inside)
    bare = len(text) <= _memo.longest and _bare(piece)
    found = _memo.get(key) if bare else None
    if found is None:
        found = _plain_parts(piece, label, bracketed, inside)
        if found is None:
            return None
        if bare:
            _memo.keep(key, found, len(text))
    kept = found[1]
    return Chunk(number, found[0], [kept] if kept is not None else [], read.mark)


def forget_chunks() -> None:
    """Forget what `plain_chunk` read (the next copy is read as the first of its draft)."""
    _memo.clear()


def _bare(piece: RunPiece) -> bool:
    """Whether an unchanged ``piece`` is its text alone, as `runs.plain_reads` reads one."""
    return not piece.comment_ids and piece.author is None and piece.date is None and \
        piece.change_id is None and not piece.kind and piece.inside is None and \
        not piece.styles


def _plain_parts(piece: RunPiece, label: bool, bracketed: bool,
                 inside: bool) -> tuple[str | None, RunPiece | None] | None:
    """`plain_chunk`'s label and piece (None for none) for ``piece``, or None when its
    characters need a closer look."""
    text = piece.text
    if characters.first_forbidden(text) is not None or characters.from_word(text)[1]:
        return None
    if (normal := characters.normalised(text)) != text:
        piece, text = piece.with_text(normal), normal
    if not label:
        return None, piece
    stripped = text.lstrip()
    opening = "[" if inside and stripped.startswith("[") else ""  # "[2. Decides ...]"
    stripped = stripped[len(opening):]
    found, skip, alternative = (read_numbered if bracketed else read_label)(stripped)
    if found is None:
        return None, piece
    skip += len(text) - len(stripped)
    kept = opening + text[skip:]
    return f"{found}{' Alt' if alternative else ''}", piece.with_text(kept) if kept else None
