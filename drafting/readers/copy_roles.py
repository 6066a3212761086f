"""The roles the import's rules give a delegation's copy's Word paragraphs, read once for
every copy laid out alike.

A tracked copy's paragraphs are read as they were before its changes: every delegation's
copy of one draft, changed only by tracked changes, is the same sequence of paragraphs
(texts, styles, Word's numbers). Reading an inbox of 193 such copies, the structure is
read for the first and taken as it is for the others (about a fifth of a copy's reading).
A copy that differs in any paragraph's text, style or number is read on its own.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from drafting.errors import LimitError, ReaderError
from drafting.ooxml.runs import forget_plain_reads
from drafting.readers.blocks import AutoNumber, Block, Role, RoleKind
from drafting.readers.copy_chunks import forget_chunks
from drafting.readers.structure import read_structure

_Roles = tuple[tuple[Role, ...], Mapping[int, str]]
Row = tuple[str, bool, int, AutoNumber | None, bool, int]
"""A block as a layout is told by (`layout_roles`): its text, title style, heading
level, Word's number, whether it is a line of a table of contents, its table."""
_KEPT = 4
"""Layouts remembered: the drafts whose copies one process reads (nearly always one)."""
_READ: OrderedDict[tuple[Row, ...], _Roles] = OrderedDict()
_LOCK = threading.Lock()  # a server's threads may read copies at once


def copy_roles(blocks: Sequence[Block], name: str) -> _Roles:
    """What each of ``blocks`` (a copy called ``name``) is by the import's rules, and the
    label read for each Word paragraph that opens one, by its number (from 1). A number
    typed twice is read as it stands (a new paragraph typed without renumbering); a
    layout the import refuses is read paragraph by paragraph. Raises LimitError (with
    ``name``) for blocks past the import's limits."""
    rows = tuple((b.text, b.title_style, b.heading, b.number, b.contents, b.table)
                 for b in blocks)
    return _roles(rows, lambda: list(blocks), name)


def layout_roles(rows: tuple[Row, ...], name: str) -> _Roles:
    """`copy_roles` of the blocks ``rows`` give, the copy's Word paragraphs in order
    (each ``"<name>, paragraph <n>"``): made only where the layout is not known yet, as a
    copy laid out as one read before is not read again."""
    def blocks() -> list[Block]:
        return [Block(text, f"{name}, paragraph {number}", title_style=title,
                      heading=heading, number=auto, contents=contents, table=table)
                for number, (text, title, heading, auto, contents, table)
                in enumerate(rows, 1)]
    return _roles(rows, blocks, name)


def _roles(key: tuple[Row, ...], blocks: Callable[[], list[Block]], name: str) -> _Roles:
    """`copy_roles` of the layout ``key``, whose ``blocks`` are made if it is read."""
    with _LOCK:
        found = _READ.get(key)
        if found is not None:
            _READ.move_to_end(key)
            return found
    try:
        structure = read_structure(blocks(), name=name, text_warnings=False, unique=False)
        read = structure.result.paragraphs
        found = (tuple(structure.roles), MappingProxyType({
            index + 1: read[role.paragraph].label
            for index, role in enumerate(structure.roles)
            if role.paragraph is not None and role.kind is RoleKind.PARAGRAPH}))
    except LimitError:
        raise
    except ReaderError:  # what else the import refuses: read paragraph by paragraph
        found = ((Role(RoleKind.PARAGRAPH),) * len(key), MappingProxyType({}))
    with _LOCK:
        _READ[key] = found
        if len(_READ) > _KEPT:
            _READ.popitem(last=False)
    return found


def forget_layouts() -> None:
    """Forget every layout read (so that the next copy is read as the first of its
    draft: `benchmarks/reader.py` times a first copy), every paragraph's chunk
    (`copy_chunks.forget_chunks`) and every plain paragraph read
    (`drafting.ooxml.runs.forget_plain_reads`)."""
    with _LOCK:
        _READ.clear()
    forget_chunks()
    forget_plain_reads()
