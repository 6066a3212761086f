"""A Markdown draft's lines as a reader sees them, before its blocks are read.

pandoc writes a Word draft's indented paragraphs as block quotes (``> ...``, inside a
list item too), its en and em dashes as ``--`` and ``---``, its lists' items padded to
the next column (``a.  Double ...``) and Word's bullets as ``- ``. `shown_line` reads a
line as a Markdown reader shows it, so that `drafting.readers.textfile` reads the draft
as the Word file it came from.
"""

from __future__ import annotations

from drafting.lazy_re import lazy_compile

_QUOTED = lazy_compile(r"[ \t]*(?:>[ \t]*)+")
"""Markdown block quote markers (``> > ``), after the indent of the list item they may
stand in: pandoc writes a Word draft's indented paragraphs so."""
_LIST_MARKER = lazy_compile(r"[ \t]*\(?(?:[a-z]|[ivxlc]{2,5}|\d{1,3})[.)](?=[ \t]{2})")
"""A Markdown list item's marker followed by the spaces that pad its words to the next
column ("a.  Double ...", as pandoc writes a Word list): one space is the text's."""
_DASHES = lazy_compile(r"(?<!\\)(?<!<!)-{2,3}(?!>)")
"""Two hyphens, or three, as pandoc writes an en dash or an em dash ("2021--2030"); a
backslash before them keeps them hyphens ("a\\--b"), and so does a comment's "<!--"
and "-->" kept as text."""
_EN_OR_EM = {"--": "\u2013", "---": "\u2014"}
_RULE_LINE = lazy_compile(r"[ \t]*(?:[-*_][ \t]*){3,}")
"""A thematic break (``---``): a line of its own, no dash."""
_BULLETED = lazy_compile(r"[ \t]*[-*+][ \t]+(?=\S)")
"""A Markdown list item's bullet: the "•" a reader sees (as Word's bullet is read)."""


def shown_line(line: str) -> str:
    """A Markdown ``line`` as its reader sees it: without the block quote markers that
    open it (``> > text``), its dashes as pandoc writes them read as dashes, with one
    space after a list item's marker, and a bullet list's item opening with "• "."""
    if (found := _QUOTED.match(line)) is not None:
        line = line[found.end():]
    if "--" in line and not _RULE_LINE.fullmatch(line):
        line = _DASHES.sub(lambda dashes: _EN_OR_EM[dashes[0]], line)
    if (marker := _LIST_MARKER.match(line)) is not None:
        line = line[:marker.end()] + " " + line[marker.end():].lstrip(" \t")
    elif (bullet := _BULLETED.match(line)) is not None:
        line = "\u2022 " + line[bullet.end():]
    return line
