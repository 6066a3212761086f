"""Where each paragraph of a draft stands in the Word document it was imported from.

The import reads a document as `drafting.readers.docx_draft` does; here the same reading
keeps, for each character of each paragraph's text, the Word paragraph and the offset in
its visible text (`drafting.ooxml.visible`) that the character came from (a line break
Word holds, a ``w:br``, too: an item's line deleted goes with it). Writers use it
to put changes into the secretariat's own document. Characters the document does not
hold as such (a line break between two Word paragraphs, an automatic number, the
brackets around each alternative of an option block) have no place; nor has an empty
alternative ("Option 2: No text"). An alternative's words are placed in its own Word
paragraph, after its label ("Option 2: ", "OP2 Alt<tab>"), which is not text.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat
from typing import Any, overload

from drafting import characters
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.visible import Visible
from drafting.readers.blocks import RoleKind
from drafting.readers.docx_draft import DraftReader
from drafting.readers.lines import option_text
from drafting.readers.result import ReadResult

_PLACED = (RoleKind.PARAGRAPH, RoleKind.LINE, RoleKind.HEADING)
"""The blocks that hold a paragraph's text (a heading is a paragraph of the draft too)."""

Place = tuple[int, int] | None
"""(index of the Word paragraph among the paragraph's `SourcePlace.paragraphs`, offset in
its visible text), or None for a character the document does not hold as such."""

Stretch = tuple[int, int | None, int]
"""``(length, index, offset)``: ``length`` characters in a row, at offsets ``offset``,
``offset + 1``, ... of Word paragraph ``index``; or, with ``index`` None, characters
that have no place."""

Piece = tuple[str, list[Stretch], list[Visible], bool]
"""What one block gives its paragraph: its text, their places, its Word paragraphs, and
whether it opens an alternative ("Option 2: ...", "OP2 Alt ...")."""


class Places(Sequence[Place]):
    """The place of each character of a paragraph's text, kept as stretches (a paragraph
    of 100,000 characters is a handful of stretches, not 100,000 pairs). Indexing,
    slicing and iterating give `Place`s."""

    __slots__ = ("_length", "_starts", "stretches")

    def __init__(self, stretches: Iterable[Stretch] = ()) -> None:
        self.stretches: tuple[Stretch, ...] = tuple(_joined(stretches))
        self._starts: list[int] = []
        position = 0
        for length, _, _ in self.stretches:
            self._starts.append(position)
            position += length
        self._length = position

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, key: int) -> Place: ...

    @overload
    def __getitem__(self, key: slice) -> list[Place]: ...

    def __getitem__(self, key: int | slice) -> Place | list[Place]:
        if isinstance(key, slice):
            return [self[k] for k in range(*key.indices(self._length))]
        if key < 0:
            key += self._length
        if not 0 <= key < self._length:
            raise IndexError("place index out of range")
        k = bisect_right(self._starts, key) - 1
        _, index, offset = self.stretches[k]
        return None if index is None else (index, offset + key - self._starts[k])

    def __iter__(self) -> Iterator[Place]:
        for length, index, offset in self.stretches:
            if index is None:
                yield from repeat(None, length)
            else:
                yield from zip(repeat(index), range(offset, offset + length))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Places):
            return self.stretches == other.stretches
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(self.stretches)

    def __repr__(self) -> str:
        return f"Places({list(self.stretches)!r})"


@dataclass(frozen=True, slots=True)
class SourcePlace:
    """One paragraph of the draft in its source: its Word paragraphs, in order, and the
    place of each character of its text."""

    paragraphs: tuple[Visible, ...]
    places: Places
    footnotes: Footnotes
    """The document's footnotes, numbered as the import numbered them (to read a
    paragraph's visible text again with the same markers)."""
    alternatives: tuple[tuple[int, int, int], ...] = ()
    """For an option block, each alternative as ``(start, end, index)``: its words'
    span in the text (inside its brackets; empty for "No text") and the Word paragraph
    it opens in. Empty for any other paragraph."""

    def elements(self) -> list[Any]:
        """The ``w:p`` elements, in order."""
        return [v.element for v in self.paragraphs]


def source_places(document: Any, name: str = "source") -> tuple[ReadResult,
                                                                list[SourcePlace | None]]:
    """The draft in the python-docx ``document`` and, for each of its paragraphs, its
    place in the document: None for a paragraph no Word paragraph holds; no place for
    any character of one that cannot be mapped character by character (text changed by
    normalisation)."""
    builder = DraftReader(name, document)
    structure = builder.structure()
    result = structure.result
    pieces: list[list[Piece]] = [[] for _ in result.paragraphs]
    for block, role, (sources, joiner) in zip(builder.blocks, structure.roles, builder.sources,
                                              strict=True):
        if role.paragraph is None or role.kind not in _PLACED:
            continue
        mapped = _mapped(sources, joiner)
        if mapped is None or mapped[0] != block.text[len(block.text) - len(mapped[0]):]:
            pieces[role.paragraph].append(("\0", [(1, None, 0)], sources, False))  # unmappable
            continue
        text, places = mapped
        synthetic = len(block.text) - len(text)  # "[^N]: " before a footnote's text
        skip = max(role.skip - synthetic, 0)
        at = role.skip_at  # the label's start: 1 after the "[" of "[2. Decides ...]"
        lead = role.prefix
        head, rest = _cut(places, [(0, at), (at + skip, len(text))])
        kept = lead + text[:at] + text[at + skip:]
        stretches = [(len(lead), None, 0), *head, *rest]
        if role.option and not option_text(kept):  # "No text": an empty alternative
            kept, stretches = "", []
        pieces[role.paragraph].append((kept, stretches, sources, role.option))
    return result, [_place(p.text, parts, builder.footnotes)
                    for p, parts in zip(result.paragraphs, pieces, strict=True)]


def _place(text: str, parts: list[Piece], footnotes: Footnotes) -> SourcePlace | None:
    if not parts:
        return None
    spans: list[tuple[int, int, int]] = []
    if any(option for *_, option in parts):
        parts, spans = _bracketed(text, parts)
    built = "".join(piece for piece, *_ in parts)
    if not text.endswith(built) or (spans and text != built):
        # its Word paragraphs are known, not its characters'
        return SourcePlace(tuple(v for _, _, sources, _ in parts for v in sources),
                           Places([(len(text), None, 0)]), footnotes)
    paragraphs: list[Visible] = []
    places: list[Stretch] = [(len(text) - len(built), None, 0)]  # an automatic number
    for _, part_places, sources, _ in parts:
        base = len(paragraphs)
        paragraphs += sources
        places += [(length, None if index is None else base + index, offset)
                   for length, index, offset in part_places]
    return SourcePlace(tuple(paragraphs), Places(places), footnotes, tuple(spans))


def _bracketed(text: str, parts: list[Piece]) -> tuple[list[Piece], list[tuple[int, int, int]]]:
    """An option block's pieces with a bracket, placed nowhere, around each alternative
    (the piece opening it and the lines after it), and each alternative's
    `SourcePlace.alternatives` entry. The pieces before the first "Option N:" are the
    first alternative where the text has them as one ("2. Decides ..." before "OP2 Alt"),
    else no alternative ("2." on its own before "Option 1: ...")."""
    for own in (True, False):
        opening = {n for n, (*_, option) in enumerate(parts) if option or (own and n == 0)}
        out, spans = _around(parts, opening)
        if "".join(piece for piece, *_ in out) == text:
            break
    return out, spans


def _around(parts: list[Piece], opening: set[int]) -> tuple[list[Piece],
                                                            list[tuple[int, int, int]]]:
    """``parts`` with "[" before each of ``opening`` and "]" ending the one before, and
    the spans inside the brackets with the Word paragraph each opens in."""
    out: list[Piece] = []
    spans: list[list[int]] = []
    position = paragraphs = 0
    for number, part in enumerate(parts):
        if number in opening:
            if spans:
                out.append(_CLOSE)
                position += 1
            out.append(_OPEN)
            position += 1
            spans.append([position, position, paragraphs])
        out.append(part)
        position += len(part[0])
        paragraphs += len(part[2])
        if spans:
            spans[-1][1] = position
    out.append(_CLOSE)
    return out, [(start, end, index) for start, end, index in spans]


_OPEN: Piece = ("[", [(1, None, 0)], [], False)
_CLOSE: Piece = ("]", [(1, None, 0)], [], False)


def _mapped(sources: list[Visible], joiner: str) -> tuple[str, list[Stretch]] | None:
    """The text the import keeps of ``sources`` (joined by ``joiner``; Word's own
    characters read as Word shows them; each line trimmed, empty lines dropped), with the
    place of each of its characters; None when normalisation changed the text."""
    parts: list[str] = []
    places: list[Stretch] = []
    for index, source in enumerate(sources):
        if index and joiner:
            parts.append(joiner)
            places.append((1, None, 0))
        text = source.text
        if characters.from_word(text)[1]:  # rare: character by character
            for offset, char in enumerate(text):
                shown, _ = characters.from_word(char)
                parts.append(shown)  # one character, or none (a soft hyphen)
                places.append((len(shown), index, offset))
        else:
            parts.append(text)
            places.append((len(text), index, 0))
    text = "".join(parts)
    if not unicodedata.is_normalized("NFC", text):
        return None
    kept: list[str] = []
    spans: list[tuple[int, int]] = []
    position = 0
    for line in text.split("\n"):
        start, end = len(line) - len(line.lstrip()), len(line.rstrip())
        if start < end:
            kept.append(line[start:end])
            spans.append((position + start, position + end))
        position += len(line) + 1
    breaks = [_break(text, before[1], after[0]) for before, after in pairwise(spans)]
    cuts = iter(_cut(places, sorted([*spans, *(at for at in breaks if at is not None)])))
    kept_places: list[Stretch] = next(cuts, [])
    for at in breaks:  # the line break between two kept lines: Word's own where it is one
        held = next(cuts) if at is not None else []
        kept_places += held if len(held) == 1 and held[0][1] is not None else [(1, None, 0)]
        kept_places += next(cuts)
    return "\n".join(kept), kept_places


def _break(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the one line break between ``start`` and ``end`` (spaces around it):
    where it is Word's (a ``w:br``), the character an item's line deleted with the break
    before it deletes. None where several stand there (empty lines dropped)."""
    gap = text[start:end]
    return (start + gap.index("\n"), start + gap.index("\n") + 1) \
        if gap.count("\n") == 1 else None


def _cut(stretches: list[Stretch], spans: list[tuple[int, int]]) -> list[list[Stretch]]:
    """The stretches of characters ``start:end`` for each span, in one pass (the spans
    in order, none overlapping)."""
    cuts: list[list[Stretch]] = []
    k, position = 0, 0  # the stretch at hand and where it starts
    for start, end in spans:
        cut: list[Stretch] = []
        while k < len(stretches) and position + stretches[k][0] <= start:
            position += stretches[k][0]
            k += 1
        j, at = k, position
        while j < len(stretches) and at < end:
            length, index, offset = stretches[j]
            lo, hi = max(start, at), min(end, at + length)
            if lo < hi:
                cut.append((hi - lo, index, offset + lo - at))
            if at + length > end:
                break
            at += length
            j += 1
        cuts.append(cut)
    return cuts


def _joined(stretches: Iterable[Stretch]) -> Iterator[Stretch]:
    """``stretches`` without empty ones, each joined to the next where it goes on."""
    last: Stretch | None = None
    for length, index, offset in stretches:
        if length <= 0:
            continue
        if last is not None and last[1] == index and (
                index is None or last[2] + last[0] == offset):
            last = (last[0] + length, index, last[2])
            continue
        if last is not None:
            yield last
        last = (length, index, offset)
    if last is not None:
        yield last
