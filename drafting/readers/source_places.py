"""Where each paragraph of a draft stands in the Word document it was imported from.

The import reads a document as `drafting.readers.docx_draft` does; here the same reading
keeps, for each character of each paragraph's text, the Word paragraph and the offset in
its visible text (`drafting.ooxml.visible`) that the character came from. Writers use it
to put changes into the secretariat's own document. Characters the document does not
hold as such (a line break between two Word paragraphs, an automatic number, the
brackets of an option block) have no place.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import repeat
from typing import Any

from drafting import characters
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.visible import Visible
from drafting.readers.docx_draft import DraftReader
from drafting.readers.result import ReadResult
from drafting.readers.structure import RoleKind

Place = tuple[int, int] | None
"""(index of the Word paragraph among the paragraph's `SourcePlace.paragraphs`, offset in
its visible text), or None for a character the document does not hold as such."""


@dataclass(frozen=True, slots=True)
class SourcePlace:
    """One paragraph of the draft in its source: its Word paragraphs, in order, and the
    place of each character of its text."""

    paragraphs: tuple[Visible, ...]
    places: tuple[Place, ...]
    footnotes: Footnotes
    """The document's footnotes, numbered as the import numbered them (to read a
    paragraph's visible text again with the same markers)."""

    def elements(self) -> list[Any]:
        """The ``w:p`` elements, in order."""
        return [v.element for v in self.paragraphs]


def source_places(document: Any, name: str = "source") -> tuple[ReadResult,
                                                                list[SourcePlace | None]]:
    """The draft in the python-docx ``document`` and, for each of its paragraphs, its
    place in the document: None for a paragraph no Word paragraph holds; no place for
    any character of one that cannot be mapped character by character (an option block,
    text changed by normalisation)."""
    builder = DraftReader(name, document)
    structure = builder.structure()
    result = structure.result
    pieces: list[list[tuple[str, list[Place], list[Visible]]]] = [[] for _ in result.paragraphs]
    for block, role, (sources, joiner) in zip(builder.blocks, structure.roles, builder.sources,
                                              strict=True):
        if role.paragraph is None or role.kind not in (RoleKind.PARAGRAPH, RoleKind.LINE):
            continue
        mapped = _mapped(sources, joiner)
        if mapped is None:
            pieces[role.paragraph].append(("\0", [None], sources))  # unmappable: no match
            continue
        text, places = mapped
        if text != block.text[len(block.text) - len(text):]:
            pieces[role.paragraph].append(("\0", [None], sources))
            continue
        synthetic = len(block.text) - len(text)  # "[^N]: " before a footnote's text
        skip = max(role.skip - synthetic, 0)
        lead = role.prefix
        pieces[role.paragraph].append((lead + text[skip:], [None] * len(lead) + places[skip:],
                                       sources))
    return result, [_place(p.text, parts, builder.footnotes)
                    for p, parts in zip(result.paragraphs, pieces, strict=True)]


def _place(text: str, parts: list[tuple[str, list[Place], list[Visible]]],
           footnotes: Footnotes) -> SourcePlace | None:
    built = "".join(piece for piece, _, _ in parts)
    if not parts:
        return None
    if not text.endswith(built):  # its Word paragraphs are known, not its characters'
        return SourcePlace(tuple(v for _, _, sources in parts for v in sources),
                           (None,) * len(text), footnotes)
    paragraphs: list[Visible] = []
    places: list[Place] = [None] * (len(text) - len(built))  # an automatic number
    for _, part_places, sources in parts:
        base = len(paragraphs)
        paragraphs += sources
        places += [None if p is None else (base + p[0], p[1]) for p in part_places]
    return SourcePlace(tuple(paragraphs), tuple(places), footnotes)


def _mapped(sources: list[Visible], joiner: str) -> tuple[str, list[Place]] | None:
    """The text the import keeps of ``sources`` (joined by ``joiner``; Word's own
    characters read as Word shows them; each line trimmed, empty lines dropped), with the
    place of each of its characters; None when normalisation changed the text."""
    parts: list[str] = []
    places: list[Place] = []
    for index, source in enumerate(sources):
        if index and joiner:
            parts.append(joiner)
            places.append(None)
        text = source.text
        if characters.from_word(text)[1]:  # rare: character by character
            for offset, char in enumerate(text):
                shown, _ = characters.from_word(char)
                parts.append(shown)
                places.extend([(index, offset)] * len(shown))
        else:
            parts.append(text)
            places.extend(zip(repeat(index), range(len(text))))
    text = "".join(parts)
    if not unicodedata.is_normalized("NFC", text):
        return None
    kept: list[str] = []
    kept_places: list[Place] = []
    position = 0
    for line in text.split("\n"):
        start, end = len(line) - len(line.lstrip()), len(line.rstrip())
        if start < end:
            if kept:
                kept.append("\n")
                kept_places.append(None)
            kept.append(line[start:end])
            kept_places.extend(places[position + start:position + end])
        position += len(line) + 1
    return "".join(kept), kept_places
