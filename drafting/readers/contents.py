"""A table of contents before the text ("Contents", then "Article 1<tab>Purpose<tab>1"
...), as a convention's or an agreement's draft often has one between its title and its
chapeau: front matter, never the draft's structure. Its lines name articles and sections
as their headings do, so read as headings they would open the text there and make the
preamble an article's own paragraphs.

Told by how Word makes one (its paragraphs in a TOC field, or in its "TOC 1", "TOC 2"
... styles: `field_contents`, `contents_style`) or, typed by hand, by its lines (`typed_contents`):
two or more in a row, before the chapeau, each a heading's words ending in a page number
after a tab or dot leaders."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from drafting.lazy_re import lazy_compile
from drafting.model.sections import section_key
from drafting.readers.blocks import Block
from drafting.readers.lines import chapeau_like

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _FIELD_CHAR, _CODE, _SIMPLE = f"{_W}p", f"{_W}fldChar", f"{_W}instrText", f"{_W}fldSimple"
_TYPE, _INSTR = f"{_W}fldCharType", f"{_W}instr"
_STYLE = lazy_compile(r"(?:toc|contents) ?(?:[1-9]|heading)|table of contents|toc", re.I)
_PAGE = lazy_compile(r"(?:\d{1,4}|[ivxlc]{1,6})\Z", re.IGNORECASE)
"""The page number ending a contents line: figures, or roman ones."""
_HEADING_WORDS = lazy_compile(
    r"(?:preamble|pr[ée]ambule|pre[áa]mbulo|final (?:clauses|provisions)|annex|appendix"
    r"|(?:[IVXLC]{1,7}|\d{1,3}|[A-Z])\.?(?:\t|\s))", re.IGNORECASE)


def contents_style(style: str) -> bool:
    """Whether a paragraph style's name (casefolded) is one Word gives a table of
    contents: "toc 1" ... "toc 9", "toc heading", "contents 1" (LibreOffice)."""
    return bool(_STYLE.fullmatch(style))


def field_contents(body: Any) -> set[Any]:
    """The ``w:p`` elements of ``body`` that stand in a TOC field (between its "begin" and
    its "end" marks, across paragraphs; or a ``w:fldSimple`` TOC)."""
    found: set[Any] = set()
    fields: list[tuple[list[str], list[bool]]] = []  # each open field's code, and if TOC
    inside = 0  # TOC fields open
    for node in body.iter(_FIELD_CHAR, _CODE, _SIMPLE, _P):
        if node.tag == _P:
            if inside:
                found.add(node)
        elif node.tag == _SIMPLE:
            if _is_contents(node.get(_INSTR, "")):
                found.update(node.iterancestors(_P))
        elif node.tag == _CODE:
            if fields and not fields[-1][1][0]:
                fields[-1][0].append(node.text or "")
                if _is_contents("".join(fields[-1][0])):
                    fields[-1][1][0] = True
                    inside += 1
                    found.update(node.iterancestors(_P))
        elif (kind := node.get(_TYPE)) == "begin":
            fields.append(([], [False]))
        elif kind == "end" and fields and fields.pop()[1][0]:
            inside -= 1
            found.update(node.iterancestors(_P))
    return found


def _is_contents(code: str) -> bool:
    return code.split(maxsplit=1)[:1] == ["TOC"]


def contents_line(text: str) -> bool:
    """Whether ``text`` reads as a line of a table of contents typed by hand: a heading's
    words ("Article 1<tab>Purpose", "Preamble", "I. General provisions") then a page."""
    entry = _entry(text.strip())
    if entry is None:
        return False
    entry = entry.replace("\t", " ")
    return section_key(entry) is not None or bool(_HEADING_WORDS.match(entry))


def _entry(text: str) -> str | None:
    """The entry of a contents line ``text`` (stripped): its words before the page number
    that ends it and the tab, the dot leaders (three dots or more, each maybe followed by
    a space) or the ellipsis between; the shortest such, as they read; None for any other
    line. Read from its end in one pass: a pattern read from the start tried every place
    the entry could end, and took time growing as the square of a line of dots."""
    run = len(text) - len(text.rstrip("0123456789"))
    if not run:
        run = len(text) - len(text.rstrip("ivxlcIVXLC"))
    page = text[len(text) - run:]
    if not page or not _PAGE.fullmatch(page) or run == len(text):
        return None
    before = text[:len(text) - run]
    bare = before.rstrip()
    ends = []
    if "\t" in before[len(bare):]:  # a tab, spaces maybe around it
        ends.append(len(bare))
    at = len(bare)  # dot leaders: ". . . ." or "....", read backwards
    dots = 0
    while at and (bare[at - 1] == "." or (bare[at - 1].isspace() and at > 1 and
                                          bare[at - 2] == "." and dots)):
        dots += bare[at - 1] == "."
        at -= 1
    if dots >= 3:
        ends.append(len(bare[:at].rstrip()))
    ellipsis = len(bare) - len(bare.rstrip("\u2026"))
    if ellipsis:
        ends.append(len(bare[:len(bare) - ellipsis].rstrip()))
    shortest = min((end for end in ends if end), default=None)
    return None if shortest is None else text[:shortest]


def typed_contents(texts: Sequence[str]) -> set[int]:
    """The indices among ``texts`` (a text's blocks in order) of a table of contents typed
    by hand: a run of two or more `contents_line`s before the first chapeau, with the
    line just before it naming it ("Contents", "Table of contents") if there is one."""
    end = next((i for i, text in enumerate(texts) if chapeau_like(text)), None)
    if end is None:
        return set()
    found: set[int] = set()
    run: list[int] = []
    for index in [*range(end), end]:
        if index < end and contents_line(texts[index]):
            run.append(index)
            continue
        if len(run) >= 2:
            found.update(run)
            if run[0] > 0 and _CONTENTS.fullmatch(texts[run[0] - 1].strip()):
                found.add(run[0] - 1)
        run = []
    return found


_CONTENTS = lazy_compile(r"(?:table of )?contents|sommaire|table des mati[èe]res|[íi]ndice"
                       r"|contenido|содержание|المحتويات|目录|目錄", re.IGNORECASE)


def mark_contents(blocks: Sequence[Block]) -> None:
    """Mark the blocks of a table of contents typed by hand (`typed_contents`) as
    contents, as a reader marks those Word made, and the line naming a table of
    contents just before one ("Contents")."""
    for index in typed_contents([b.text if not b.table else "" for b in blocks]):
        blocks[index].contents = True
    for index in range(1, len(blocks)):  # the line naming one Word made: "Contents"
        if blocks[index].contents and not blocks[index - 1].contents and \
                _CONTENTS.fullmatch(blocks[index - 1].text.strip()):
            blocks[index - 1].contents = True
