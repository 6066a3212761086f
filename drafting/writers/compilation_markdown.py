"""The compilation text as Markdown: insertions **bold**, deletions ~~struck~~.

One block per paragraph, in text order::

    **OP2** Requests the Secretary-General to ~~submit~~ **present** (EU) a report;

    **OP2 bis** (USA) **Invites States to contribute;**

Proponent codes stay plain (bold means inserted words). User text is escaped
so it cannot change the formatting: ``\\``, ``*``, ``_``, ``~``, backtick and
``<`` get a backslash, a line break inside a paragraph becomes a hard break,
and a continuation line that would open a list, heading or quote is escaped.
Square brackets and slashes are left alone: they are the negotiators' own. A
request to bracket words shows as plain brackets with the proponent's code,
``[within existing resources] (USA)``, as compilations do (bold brackets would
make CommonMark read the words as bold, like an insertion).

Where an insertion or deletion opens with punctuation right after a word
(``meeting~~, within ...~~``), CommonMark would not see the ``~~``/``**``;
a space is put before it (``meeting ~~, within ...~~ (USA)``).

In a block whose words run right to left (Arabic), each credit, note, status and English
lead is isolated (`drafting.writers.isolates`), inside its emphasis (``*\u2068(agreed)\u2069*``:
an isolate outside a closing ``*`` after ")" would keep CommonMark from closing it), as in
the plain text compilation (`drafting.writers.compilation_text`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from drafting.engine.segments import Compilation, Entry, MergedParagraph, NewParagraph
from drafting.inline_markdown import lines_as_text, unlinked
from drafting.lazy_re import lazy_compile
from drafting.model import Mark, Style
from drafting.writers.isolates import isolated, right_to_left
from drafting.writers.options import entry_options
from drafting.writers.pieces import (
    Piece,
    PieceKind,
    alternative_labels,
    amended_lead,
    amended_pieces,
    compilation_formatted,
    credit_tag,
    entry_pieces,
    is_heading,
    paragraph_labels,
    paragraph_notes,
    piece_styles,
    proposed_piece,
    shown_marks,
    stale_parts,
    status_word,
)

LEGEND = (
    "Insertions in **bold**, deletions ~~struck through~~, proponents in parentheses; "
    "[ / ] alternatives not agreed."
)

_ACTIVE = lazy_compile(r"([\\*_~`<^]|&(?=#?\w+;))")
_LINE_NUMBER = lazy_compile(r"^([ \t]*\d+)([.)])", re.MULTILINE)
_MARKERS = {
    PieceKind.INSERTED: "**",
    PieceKind.OPTION: "**",
    PieceKind.DELETED: "~~",
}


def render_markdown(compilation: Compilation) -> str:
    """The compilation as Markdown: blocks separated by a blank line, ending in a newline.

    Opens with the revision's front matter, one plain block per line (`plain_block`;
    blank lines left out, Markdown cannot show them), then the title (``# ...``; the
    symbol when the title is empty), the symbol and revision, a legend, the lines after
    the title and the chapeau as plain blocks. Headings are ``##`` lines (``###`` for level 2, ...);
    every other block opens with its bold label. Stale proposals, if any, close the
    text under ``## Stale proposals``.
    """
    blocks = [
        *(plain_block(line) for line in compilation.front_matter if line.strip()),
        f"# {_inline(escape(compilation.title or compilation.symbol))}",
        f"{escape(compilation.symbol)} — {escape(compilation.what)}",
        LEGEND,
    ]
    blocks += [plain_block(line) for line in compilation.after_title if line.strip()]
    if compilation.chapeau:
        blocks.append(plain_block(compilation.chapeau))
    formatted = compilation_formatted(compilation)
    for entry in compilation.entries:
        blocks.extend(_entry_blocks(entry, formatted))
    if compilation.stale:
        labels = paragraph_labels(compilation)
        lines = []
        for stale in compilation.stale:
            amendment_id, proponents, where, reason = map(escape, stale_parts(stale, labels))
            lines.append(f"- {amendment_id} ({proponents}) on {where}: {_inline(reason)}")
        blocks += ["## Stale proposals", "\n".join(lines)]
    return "\n\n".join(blocks) + "\n"


def escape(text: str) -> str:
    """User text made inert: Markdown-active characters get a backslash.

    Escapes ``\\ * _ ~ ^``, backtick, ``<`` and an ``&`` opening an entity (``&amp;``);
    ``[``, ``]`` and ``/`` are kept as they are, but never open a link, an image or a
    span: a "(" or "{" right after "]" and a "!" right before "[" get a backslash too,
    and so does a hyphen before another (pandoc reads "--" as a dash). A line break
    becomes a hard break (backslash, newline).
    """
    text = _ACTIVE.sub(r"\\\1", text.replace("\r\n", "\n")).replace("\n", "\\\n")
    return unlinked(text)


def plain_block(text: str) -> str:
    """A line of text kept as it is (front matter, a chapeau) as a block of its own:
    escaped, and unable to open a list, heading, quote or code block."""
    text = "\n".join(line.strip() for line in escape(text).split("\n"))
    return _LINE_NUMBER.sub(r"\1\\\2", lines_as_text(text))


def render_pieces(pieces: Iterable[Piece], marks: Sequence[Mark] = (), rtl: bool = False
                  ) -> str:
    """Pieces as Markdown inline text (see `compilation_text.paragraph_pieces`); the
    paragraph's own words in italics where its ``marks`` say so, words proposed where
    their proponents typed them so (`Piece.marks`; bold stays for what a proposal
    inserts); credits isolated in a right-to-left block (``rtl``)."""
    out = ""
    for piece in pieces:
        text = "".join(_italic(escape(part)) if Style.ITALIC in styles else escape(part)
                       for part, styles in piece_styles(piece, marks))
        if piece.kind is PieceKind.CREDIT:
            text = isolated(text, rtl)
        marker = _MARKERS.get(piece.kind)
        if marker is None:
            out += text
            continue
        if out and _is_punctuation(text[0]) and not _is_space_or_punctuation(out[-1]):
            out += " "  # else CommonMark would not open the emphasis
        out += f"{marker}{text}{marker}"
    return out


def _italic(text: str) -> str:
    """``*text*``, its spaces outside the asterisks (or CommonMark would not read them)."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return f"{text[:start]}*{core}*{text[start + len(core):]}"


def _entry_blocks(entry: Entry, formatted: bool = False) -> list[str]:
    if isinstance(entry, NewParagraph):
        tag = isolated(escape(credit_tag(entry.credit)), right_to_left(entry.text))
        return [_block(f"**{escape(entry.label)}**", tag, _bold(entry.text, entry.marks)),
                *_amended(entry)]
    if is_heading(entry):
        return [_heading(entry)]
    paragraph = entry.paragraph
    status = status_word(paragraph)
    rtl = right_to_left(paragraph.text)
    marks = shown_marks(paragraph, formatted, convention=False)
    (lead, pieces), *options = entry_options(entry, rtl)  # "Option 1: ...": of options
    first = _block(f"**{escape(paragraph.label)}**",
                   f"*{isolated(f'({status})', rtl)}*" if status else "",
                   lead + render_pieces(pieces, marks, rtl) + _notes(entry, rtl))
    labels = alternative_labels(paragraph.label, len(entry.alternatives))
    return [first] + [_block(lead + render_pieces(pieces, marks, rtl))
                      for lead, pieces in options] + [
        _block(f"**{escape(label)}**",
               isolated(escape(credit_tag(option.credit)), right_to_left(option.text)),
               _bold(option.text, option.marks))
        for label, option in zip(labels, entry.alternatives, strict=True)
    ] + _amended(entry)


def _amended(entry: Entry) -> list[str]:
    """A block under the entry for each of its proposals that others amend."""
    return [_block("↳", f"*{isolated(escape(amended_lead(amended)), rtl)}*",
                   render_pieces(amended_pieces(amended), rtl=rtl))
            for amended in entry.amended for rtl in [right_to_left(amended.text)]]


def _heading(entry: MergedParagraph) -> str:
    level = min(max(entry.paragraph.level, 1) + 1, 6)  # "#" is the document's title
    status = status_word(entry.paragraph)
    rtl = right_to_left(entry.paragraph.text)
    text = (render_pieces(entry_pieces(entry), rtl=rtl)
            + (f" *{isolated(f'({status})', rtl)}*" if status else ""))
    return f"{'#' * level} {_inline(text + _notes(entry, rtl))}"


def _notes(entry: MergedParagraph, rtl: bool = False) -> str:
    """`` — *delete paragraph (EGY)*``, `` — *retain (G77)*``; each note with its credit
    one isolate in a right-to-left block (``rtl``), inside the emphasis."""
    notes = ""
    for what, credit in paragraph_notes(entry):
        tag = escape(credit_tag(credit))
        notes += f" — *{isolated(f'{what} {tag}' if tag else what, rtl)}*"
    return notes


def _bold(text: str, marks: Sequence[Mark] = ()) -> str:
    """Words proposed as a paragraph, inserted, in the italics its proponents typed."""
    return render_pieces(proposed_piece(text, marks))


def _block(*parts: str) -> str:
    text = " ".join(part for part in parts if part).rstrip()
    first, newline, rest = text.partition("\n")
    # A continuation line must not open a list, heading, quote or setext underline.
    rest = _LINE_NUMBER.sub(r"\1\\\2", lines_as_text(rest))
    return first + newline + rest


def _inline(text: str) -> str:
    """One line: line breaks (escaped or not) become spaces."""
    return " ".join(text.replace("\\\n", " ").split())


def _is_punctuation(char: str) -> bool:
    return unicodedata.category(char)[0] in "PS"


def _is_space_or_punctuation(char: str) -> bool:
    return char.isspace() or _is_punctuation(char)
