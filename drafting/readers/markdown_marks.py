"""A Markdown draft's structure read from its text as a reader sees it, its marks kept.

Emphasis is often written around what tells a block's place: the chapeau in italics
(``*The General Assembly*,``, as pandoc writes a Word draft's), a bold number
(``**2.** Requests``, ``**OP5**``), an option's lead (``*Option 1*: ...``), a heading
line in bold. The structure (`drafting.readers.structure`) is read from each block's
text without its inline Markdown (`drafting.inline_markdown.unmarked`), as it is from
a Word paragraph's visible text; then each paragraph takes the marks of the blocks it
was read from, found in its text in order (`placed`). The title, chapeau and other
front matter keep no marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.inline_markdown import unmarked
from drafting.model.marks import Mark, normalised
from drafting.readers.blocks import Block, RoleKind, Structure
from drafting.readers.lines import option_text
from drafting.readers.result import ReadResult

_IN_PARAGRAPHS = frozenset({RoleKind.PARAGRAPH, RoleKind.LINE, RoleKind.HEADING})


def plain_blocks(blocks: Sequence[Block]) -> tuple[list[Block], list[tuple[Mark, ...]]]:
    """Each of ``blocks`` with its text as shown (no inline Markdown, escapes read), and
    the marks that Markdown made over that text."""
    plain: list[Block] = []
    marks: list[tuple[Mark, ...]] = []
    for block in blocks:
        text, made = unmarked(block.text)
        plain.append(block if text == block.text and not made else replace(block, text=text))
        marks.append(made)
    return plain, marks


def placed(structure: Structure, blocks: Sequence[Block],
           marks: Sequence[tuple[Mark, ...]]) -> ReadResult | None:
    """``structure`` (read from ``blocks``, each with its ``marks``) with every
    paragraph's marks: the text each block gives its paragraph (what stands before and
    after its typed label) is found in the paragraph's text, in order, and its marks
    moved with it. None where some block's text is not found so (the caller reads the
    draft another way)."""
    result = structure.result
    found: dict[int, list[Mark]] = {}
    at: dict[int, int] = {}  # where the next piece of each paragraph is looked for
    for block, role, made in zip(blocks, structure.roles, marks, strict=True):
        index = role.paragraph
        if index is None or role.kind not in _IN_PARAGRAPHS:
            continue
        text = result.paragraphs[index].text
        start = role.skip_at
        for begin, end in ((0, start), (start + role.skip, len(block.text))):
            piece = block.text[begin:end]
            kept = piece.strip()
            if not kept or (role.option and not option_text(kept)):
                continue  # nothing, or "No text": an empty alternative
            where = text.find(kept, at.get(index, 0))
            if where == -1:
                return None
            begin += len(piece) - len(piece.lstrip())
            shift = where - begin
            at[index] = where + len(kept)
            found.setdefault(index, []).extend(
                Mark(max(m.start, begin) + shift, min(m.end, begin + len(kept)) + shift,
                     m.style)
                for m in made if m.start < begin + len(kept) and m.end > begin)
    if not any(found.values()):
        return result
    paragraphs = tuple(
        replace(p, marks=normalised(found[k], len(p.text))) if found.get(k) else p
        for k, p in enumerate(result.paragraphs))
    return replace(result, paragraphs=paragraphs)
