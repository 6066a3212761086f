"""The compilation text as one standalone HTML page, made to be printed and shared.

A table with one row per paragraph: its label (and status), the text with
every proposal in place (``<ins>`` inserted, ``<del>`` deleted, proponent
codes in ``<span class="by">``) and the brackets it holds; the total sits at
the top. Every piece of user text is escaped, and each paragraph takes its direction
from its first letter (`_direction`: ``dir="auto"`` unless a direction mark stands
before it), so Arabic reads right to left and a mark a proposal puts first turns no
English paragraph round.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from html import escape, unescape

from drafting.engine.segments import (
    Alternatives,
    Compilation,
    Credit,
    Entry,
    MergedParagraph,
    NewParagraph,
    original_text,
)
from drafting.lazy_re import lazy_compile
from drafting.model import Mark, ParagraphStatus, Style
from drafting.writers.isolates import right_to_left
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
from drafting.writers.text_language import RIGHT_TO_LEFT, compilation_language

STYLE = """\
@page { size: A4; margin: 2cm 2cm 2.5cm; }
body { font-family: "Times New Roman", Times, "Noto Serif", serif; font-size: 12pt;
       line-height: 1.45; color: #000; max-width: 48em; margin: 2em auto; padding: 0 1em; }
@media print { body { max-width: none; margin: 0; padding: 0; } }
h1 { font-size: 1.5em; margin: 0 0 .3em; }
h2 { font-size: 1.15em; margin: 0; }
.legend, .total { font-size: .95em; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-top: 1px solid #888; padding: .45em .5em; vertical-align: top; text-align: start; }
th[scope="row"] { white-space: nowrap; }
td p { margin: 0 0 .4em; }
.count { text-align: end; white-space: nowrap; }
.status { display: block; font-weight: normal; font-style: italic; font-size: .85em; }
p.amended { margin-inline-start: 2em; }
ins { font-weight: bold; text-decoration: underline; }
del { text-decoration: line-through; }
.by { font-variant: small-caps; font-weight: bold; }
.smallcaps { font-variant: small-caps; }
.label { font-weight: bold; }
.front { margin: 0; }
.chapeau { margin: 1em 0 .5em; }
"""


def render_html(compilation: Compilation) -> str:
    """The compilation as a UTF-8 HTML page (a str; write it with encoding="utf-8"),
    its ``lang`` the language of the text compiled (`compilation_language`).

    Shows the revision's front matter (one ``<p class="front">`` a line, as it is),
    the title (the symbol when empty), symbol and revision, a legend, the total
    brackets, the chapeau (``<p class="chapeau">``, no label), one table row per
    entry with its `bracket_count`, and stale proposals, if any, in a closing list.
    """
    title = compilation.title or compilation.symbol
    total = sum(bracket_count(entry) for entry in compilation.entries)
    formatted = compilation_formatted(compilation)
    language = compilation_language(compilation)
    rtl = language in RIGHT_TO_LEFT
    page = ' dir="rtl"' if rtl else ""  # the table's columns, margins, alignment mirrored
    english = ' dir="ltr"' if rtl else ""  # our own words, on a page laid out from the right
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language}"{page}>',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(compilation.symbol)} — {escape(title)}</title>",
        f"<style>\n{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        *(_para(_text(line), css="front") for line in compilation.front_matter),
        f'<h1 dir="auto">{escape(title)}</h1>',
        f'<p class="symbol"><span dir="auto">{escape(compilation.symbol)}</span> — '
        f"{escape(compilation.what)}</p>",
        _LEGEND.replace("<p ", f"<p{english} ", 1),
        f'<p class="total"{english}>Brackets in the text: '
        f'<strong id="total">{total}</strong></p>',
        "</header>",
        *(_para(_text(line), css="front") for line in compilation.after_title),
        *([_para(_text(compilation.chapeau), css="chapeau")] if compilation.chapeau else []),
        '<table class="compilation">',
        '<thead><tr><th scope="col">Paragraph</th><th scope="col">Text and proposals</th>'
        '<th scope="col" class="count">Brackets</th></tr></thead>',
        "<tbody>",
        *(_row(entry, formatted) for entry in compilation.entries),
        "</tbody>",
        "</table>",
        *_stale_section(compilation, english),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def bracket_count(entry: Entry) -> int:
    """The brackets an entry holds: each ``[`` in its text as it stands, plus one
    for each bracket of competing proposals (`Alternatives`).

    Proposed words (insertions, new paragraphs, alternative formulations) are
    not counted: they are proposals, not the text. A deleted paragraph counts
    none, as in `drafting.engine.bracket_report`.
    """
    if isinstance(entry, NewParagraph) or entry.paragraph.status is ParagraphStatus.DELETED:
        return 0
    conflicts = sum(isinstance(segment, Alternatives) for segment in entry.segments)
    return original_text(entry.segments).count("[") + conflicts


_LEGEND = (
    '<p class="legend">Legend: <ins>inserted words</ins>, <del>deleted words</del>; '
    'the delegations proposing each change follow it in parentheses, '
    '<span class="by">(EU; supported by JPN)</span>; square brackets '
    "<span>[ / ]</span> hold alternatives not agreed, the words as they stand first. "
    "Brackets: the square brackets in each paragraph as it stands, plus one for each "
    "bracket of competing proposals.</p>"
)


def _row(entry: Entry, formatted: bool) -> str:
    count = f'<td class="count">{bracket_count(entry)}</td>'
    if isinstance(entry, NewParagraph):
        text = _para(_spaced(_credit(entry.credit), _proposed(entry.text, entry.marks)),
                     words=entry.text)
        text += _amended(entry)
        return _tr("new", _label_cell(entry.label, "new"), f"<td>{text}</td>", count)
    status = status_word(entry.paragraph)
    css = status.replace(" ", "-") if status else "open"
    if is_heading(entry):
        shown = f" <em{_english(entry)}>({escape(status)})</em>" if status else ""
        inner = f"{_pieces(entry_pieces(entry))}{shown}{_notes(entry)}"
        heading = f'<h2 dir="{_direction(inner)}">{inner}</h2>'
        return _tr(f"heading {css}", f'<td colspan="2">{heading}</td>', count)
    marks = shown_marks(entry.paragraph, formatted, convention=False)
    rtl = right_to_left(entry.paragraph.text)  # its options' English leads isolated
    (lead, pieces), *options = entry_options(entry, rtl)  # "Option 1: ...": of options
    words = entry.paragraph.text if rtl and lead else ""  # "Option 3: No text" too
    paragraphs = [_para(escape(lead) + _pieces(pieces, marks) + _notes(entry), words=words)]
    paragraphs += [_para(escape(lead) + _pieces(pieces, marks), words=words)
                   for lead, pieces in options]
    labels = alternative_labels(entry.paragraph.label, len(entry.alternatives))
    for label, option in zip(labels, entry.alternatives, strict=True):
        alt = _spaced(f'<b class="label">{escape(label)}</b>', _credit(option.credit),
                      _proposed(option.text, option.marks))
        paragraphs.append(_para(alt, css="alt", words=option.text))
    paragraphs.append(_amended(entry))
    cell = f"<td>{''.join(paragraphs)}</td>"
    return _tr(css, _label_cell(entry.paragraph.label, status), cell, count)


def _amended(entry: Entry) -> str:
    """A paragraph under the entry for each of its proposals that others amend, in the
    direction of the proposal's words, the English lead before them left to right on its
    own (its colon after its words in a right-to-left line too)."""
    return "".join(_para(_spaced(f'<i dir="ltr">{escape(amended_lead(amended))}</i>',
                                 _pieces(amended_pieces(amended))), css="amended",
                         words=amended.text)
                   for amended in entry.amended)


def _tr(css: str, *cells: str) -> str:
    return f'<tr class="{css}">{"".join(cells)}</tr>'


def _label_cell(label: str, status: str) -> str:
    note = f'<span class="status">{escape(status)}</span>' if status else ""
    return f'<th scope="row">{escape(label)}{note}</th>'


def _para(inner: str, css: str = "", words: str = "") -> str:
    """A ``<p>`` holding ``inner``; right to left where the ``words`` it proposes are (a
    new paragraph's, which its proponents' Latin codes open), else as `_direction`."""
    attribute = f' class="{css}"' if css else ""
    direction = "rtl" if _first_strong(words) in ("R", "AL") else _direction(inner)
    return f'<p dir="{direction}"{attribute}>{inner}</p>'


_TAG = lazy_compile(r"<[^>]*>")


def _first_strong(words: str) -> str:
    """The bidirectional class of the first letter of ``words`` with a direction of its
    own (L, R or AL); "" where there is none."""
    return next((kind for kind in map(unicodedata.bidirectional, words)
                 if kind in ("L", "R", "AL")), "")


def _direction(inner: str) -> str:
    """The direction of the HTML ``inner``: that of its first letter. ``auto`` (which
    takes the first character with a direction of its own) where that is a letter or
    there is none; else ``ltr`` or ``rtl`` as the first letter is written, so that a
    direction mark put first (U+200F, U+061C, which show nothing) turns nothing round."""
    marked = False
    for char in unescape(_TAG.sub("", inner)):
        kind = unicodedata.bidirectional(char)
        if kind not in ("L", "R", "AL"):
            continue
        if unicodedata.category(char).startswith("L"):
            return ("rtl" if kind != "L" else "ltr") if marked else "auto"
        marked = True
    return "auto"


def _notes(entry: MergedParagraph) -> str:
    """`` — delete paragraph (EGY)``, in italics; in a right-to-left paragraph each note
    left to right on its own (``dir="ltr"`` isolates it), so that it reads in order at
    the paragraph's end, "(EGY)" whole."""
    direction = _english(entry)
    return "".join(
        f' — <em class="note"{direction}>{_spaced(what, _credit(credit))}</em>'
        for what, credit in paragraph_notes(entry)
    )


def _english(entry: MergedParagraph) -> str:
    """The ``dir`` attribute of our English words in the entry's paragraph: ``ltr`` in a
    right-to-left one (Arabic), none in another."""
    return ' dir="ltr"' if right_to_left(entry.paragraph.text) else ""


def _spaced(*parts: str) -> str:
    return " ".join(part for part in parts if part)


def _pieces(pieces: Iterable[Piece], marks: Sequence[Mark] = ()) -> str:
    return "".join(_piece(piece, marks) for piece in pieces)


def _piece(piece: Piece, marks: Sequence[Mark] = ()) -> str:
    text = "".join(_styled(_text(part), styles) for part, styles in piece_styles(piece, marks))
    if piece.kind in (PieceKind.INSERTED, PieceKind.OPTION, PieceKind.BRACKET):
        return f"<ins>{text}</ins>"
    if piece.kind is PieceKind.DELETED:
        return f"<del>{text}</del>"
    if piece.kind is PieceKind.CREDIT:
        return _by(piece.text, piece.reasons)
    return text


_TAGS = {Style.ITALIC: "em", Style.BOLD: "strong", Style.UNDERLINE: "u",
         Style.SUPERSCRIPT: "sup", Style.SUBSCRIPT: "sub"}


def _styled(html: str, styles: frozenset[Style]) -> str:
    """``html`` in the elements that show ``styles`` (small capitals: a classed span)."""
    for style in sorted(styles):
        tag = _TAGS.get(style)
        html = f"<{tag}>{html}</{tag}>" if tag else f'<span class="smallcaps">{html}</span>'
    return html


def _credit(credit: Credit) -> str:
    tag = credit_tag(credit)
    return _by(tag, credit.reasons) if tag else ""


def _by(tag: str, reasons: tuple[str, ...]) -> str:
    # Reasons ride along as a tooltip: on screen on demand, out of the printed page.
    title = f' title="{escape("; ".join(reasons))}"' if reasons else ""
    return f'<span class="by"{title}>{escape(tag)}</span>'


def _proposed(text: str, marks: Sequence[Mark]) -> str:
    """A new paragraph's or an alternative formulation's words, inserted, in the
    formatting its proponents typed them (``marks``)."""
    return _pieces(proposed_piece(text, marks))


def _text(text: str) -> str:
    return escape(text).replace("\r\n", "\n").replace("\n", "<br>\n")


def _stale_section(compilation: Compilation, direction: str = "") -> list[str]:
    """The stale proposals, each an English sentence (``direction``: its ``dir``
    attribute, left to right on a right-to-left page), their reasons as written."""
    if not compilation.stale:
        return []
    labels = paragraph_labels(compilation)
    items = []
    for stale in compilation.stale:
        amendment_id, proponents, where, reason = map(escape, stale_parts(stale, labels))
        items.append(f'<li><b>{amendment_id}</b> <span class="by">({proponents})</span> '
                     f'on {where}: <span dir="auto">{reason}</span></li>')
    return [f'<section class="stale"{direction}>', "<h2>Stale proposals</h2>", "<ul>",
            *items, "</ul>", "</section>"]
