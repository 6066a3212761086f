r"""The compilation text as plain text.

Plain text marks insertions ``+{thus}+`` and deletions ``-{thus}-`` (square
brackets already mean "not agreed"), puts proponents in parentheses and keeps
the options of a bracket as plain words: ``[submit / present (EU)]``. Nothing
is wrapped; user text is written as it is, but for a brace that would read as one of
those marks (after a ``+`` or ``-``, or before one), written ``\{`` or ``\}``: else words
proposed as ``annual}+ (USA) and +{`` showed as another delegation's proposal.

In a line whose words run right to left (Arabic), each credit, note (``delete paragraph
(EGY)``), status and English lead is isolated (`drafting.writers.isolates`): text viewers
apply the Unicode bidirectional algorithm, which set "(EGY)" before the Arabic words it
follows (a left-to-right run in a line the Latin label opens) or tore it into "EGY)" and
"(" (in a line read right to left, a heading's).
"""

from __future__ import annotations

from collections.abc import Iterable

from drafting.engine.segments import (
    Compilation,
    Entry,
    MergedParagraph,
    NewParagraph,
    StaleAmendment,
)
from drafting.lazy_re import lazy_compile
from drafting.writers.isolates import isolated, right_to_left
from drafting.writers.options import entry_options
from drafting.writers.pieces import (
    Piece,
    PieceKind,
    alternative_labels,
    amended_lead,
    amended_pieces,
    credit_tag,
    entry_pieces,
    is_heading,
    paragraph_labels,
    paragraph_notes,
    stale_parts,
    status_word,
)

LEGEND = (
    "Insertions +{thus}+, deletions -{thus}-, proponents in parentheses; "
    "[ / ] alternatives not agreed."
)
_LIKE_A_MARK = lazy_compile(r"(?<=[+-])\{|\}(?=[+-])")
"""A brace in the words that would read as an insertion's or deletion's mark."""


def render_text(compilation: Compilation) -> str:
    """The compilation as plain text: blocks separated by a blank line, ending in a newline.

    The revision's front matter comes first, one line each as it is; then the
    title underlined with ``=`` (an empty title falls back to the symbol), the
    symbol and revision, a legend, the lines after the title and the chapeau as they
    are. Headings are underlined with ``-``; every other block opens with its label (``OP5 bis
    (USA) +{...}+``). Stale proposals, if any, are listed at the end.
    """
    blocks = [
        *(["\n".join(compilation.front_matter)] if compilation.front_matter else []),
        _underlined(compilation.title or compilation.symbol, "="),
        compilation.subtitle,
        LEGEND,
    ]
    if compilation.after_title:
        blocks.append("\n".join(compilation.after_title))
    if compilation.chapeau:
        blocks.append(compilation.chapeau)
    for entry in compilation.entries:
        blocks.extend(_entry_blocks(entry))
    if compilation.stale:
        blocks.append(_underlined("Stale proposals", "-"))
        labels = paragraph_labels(compilation)
        blocks.append("\n".join(_stale_line(stale, labels) for stale in compilation.stale))
    return "\n\n".join(block.rstrip() for block in blocks) + "\n"


def _entry_blocks(entry: Entry) -> list[str]:
    if isinstance(entry, NewParagraph):
        tag = isolated(credit_tag(entry.credit), right_to_left(entry.text))
        return [_join(entry.label, tag, _inserted(entry.text.strip())), *_amended(entry)]
    if is_heading(entry):
        return [_heading_block(entry)]
    paragraph = entry.paragraph
    status = status_word(paragraph)
    rtl = right_to_left(paragraph.text)
    (lead, pieces), *options = entry_options(entry, rtl)  # "Option 1: ...": of options
    first = _join(paragraph.label, isolated(f"({status})", rtl) if status else "",
                  lead + _pieces(pieces, rtl) + _notes(entry, rtl))
    alternatives = zip(alternative_labels(paragraph.label, len(entry.alternatives)),
                       entry.alternatives, strict=True)
    return [first] + [lead + _pieces(pieces, rtl) for lead, pieces in options] + [
        _join(label, isolated(credit_tag(option.credit), right_to_left(option.text)),
              _inserted(option.text.strip()))
        for label, option in alternatives
    ] + _amended(entry)


def _amended(entry: Entry) -> list[str]:
    """A block under the entry for each of its proposals that others amend."""
    return [_join("  ->", isolated(amended_lead(amended), rtl),
                  _pieces(amended_pieces(amended), rtl))
            for amended in entry.amended for rtl in [right_to_left(amended.text)]]


def _heading_block(entry: MergedParagraph) -> str:
    status = status_word(entry.paragraph)
    rtl = right_to_left(entry.paragraph.text)
    line = (_pieces(entry_pieces(entry), rtl).strip()
            + (f" {isolated(f'({status})', rtl)}" if status else ""))
    return _underlined(" ".join((line + _notes(entry, rtl)).split()), "-")


def _notes(entry: MergedParagraph, rtl: bool = False) -> str:
    """`` — delete paragraph (EGY)``, `` — retain (G77)``; each note with its credit one
    isolate in a right-to-left line (``rtl``), the dash outside it."""
    return "".join(f" — {isolated(f'{what} {credit_tag(credit)}'.rstrip(), rtl)}"
                   for what, credit in paragraph_notes(entry))


def _pieces(pieces: Iterable[Piece], rtl: bool = False) -> str:
    return "".join(_piece(piece, rtl) for piece in pieces)


def _piece(piece: Piece, rtl: bool = False) -> str:
    if piece.kind in (PieceKind.INSERTED, PieceKind.BRACKET):
        return _inserted(piece.text)
    if piece.kind is PieceKind.DELETED:
        return f"-{{{_words(piece.text)}}}-"
    if piece.kind is PieceKind.CREDIT:
        return isolated(piece.text, rtl)
    return _words(piece.text)


def _inserted(text: str) -> str:
    return f"+{{{_words(text)}}}+" if text else ""


def _words(text: str) -> str:
    """``text`` with each brace that would read as a mark escaped (`_LIKE_A_MARK`)."""
    if "{" not in text and "}" not in text:
        return text
    return _LIKE_A_MARK.sub(lambda found: "\\" + found[0], text)


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _underlined(line: str, rule: str) -> str:
    line = " ".join(line.split())
    return f"{line}\n{rule * max(len(line), 3)}"


def _stale_line(stale: StaleAmendment, labels: dict[str, str]) -> str:
    amendment_id, proponents, where, reason = stale_parts(stale, labels)
    return f"- {amendment_id} ({proponents}) on {where}: {reason}"
