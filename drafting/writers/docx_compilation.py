"""The compilation text as a plain Word document (no tracked changes).

The same walk as the Markdown, HTML and text writers (`drafting.writers.pieces`),
in Word formatting: words a proposal inserts, and each option of a bracket, in
bold underline (and in the italics, ... its proponents typed them in); words it
deletes struck through; proponents, parentheses included, in bold (``(EU)``); a
bracket a proposal asks for in bold; the marks of a bracket of alternatives (``[``,
`` / ``, ``]``) plain. In the house style:
the revision's front matter (a plain paragraph a line, as it is), title,
subtitle, a legend, then the chapeau (a plain paragraph, no label); a
preambular paragraph's opening words in italics when no proposal touches them;
headings as "Heading N"; every other paragraph opens with its bold label and a
tab. A new paragraph reads
``OP5 bis<tab>(USA) Invites ...`` with its words in bold underline, an
alternative formulation ``OP7 Alt<tab>(G77) ...`` likewise. A paragraph's status
(``(agreed ad ref)``) and whole-paragraph positions (`` — delete paragraph
(USA)``, `` — retain (G77)``) are in italics, proponents in bold. Stale proposals
close the document under a "Stale proposals" heading.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from drafting.brackets import NOTE_MARKER
from drafting.characters import right_to_left
from drafting.engine.segments import (
    WORD_LEGEND,
    Compilation,
    Credit,
    Entry,
    MergedParagraph,
    NewParagraph,
)
from drafting.lazy_re import lazy_compile
from drafting.model import Mark
from drafting.ooxml import markup
from drafting.ooxml.comments import drop_comments
from drafting.ooxml.markup import form_of, run_xml
from drafting.ooxml.revisions import save_atomically, set_left_to_right
from drafting.ooxml.sections import first_section
from drafting.ooxml.word_language import set_word_language
from drafting.writers.blank_word import blank_word
from drafting.writers.docx_clean import _append, directed
from drafting.writers.isolates import FSI, PDI, isolated
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
from drafting.writers.style_names import style_id as named_style
from drafting.writers.text_language import RIGHT_TO_LEFT, compilation_language
from drafting.writers.word_package import read_back

if TYPE_CHECKING:
    from drafting.writers.docx_un import UnLayout

LEGEND = WORD_LEGEND

_FORMATS: dict[PieceKind, dict[str, bool]] = {
    PieceKind.INSERTED: {"bold": True, "underline": True},
    PieceKind.OPTION: {"bold": True, "underline": True},
    PieceKind.DELETED: {"strike": True},
    PieceKind.CREDIT: {"bold": True},
    PieceKind.BRACKET: {"bold": True},
}


def write_compilation_docx(compilation: Compilation, path: str | os.PathLike[str], *,
                           base: bytes | UnLayout | None = None) -> None:
    """Write the compilation text of ``compilation`` to ``path`` as a .docx.

    With ``base`` (the draft's own Word document, or our UN layout of it), the
    compilation keeps its page setup, styles, headers and footers: its body is replaced
    by the compilation. An
    empty title falls back to the symbol. The file is written atomically (a temporary
    file in the same folder, then renamed); DraftingError if it cannot be written.
    """
    title = compilation.title or compilation.symbol
    document = blank_word(title, compilation.symbol) if base is None else _emptied(base)
    language = compilation_language(compilation)
    set_word_language(document.styles.element, language)
    out = _Body(document, compilation_formatted(compilation), language in RIGHT_TO_LEFT)
    for line in compilation.front_matter:
        out.add(noted_runs(line), direction=line)
    out.add(noted_runs(title), "Title", direction=title)
    out.add([run_xml(compilation.subtitle)], "Subtitle", english=True)
    out.add([run_xml(LEGEND)], english=True)
    for line in compilation.after_title:
        out.add(noted_runs(line), direction=line)
    if compilation.chapeau:
        out.add(noted_runs(compilation.chapeau), direction=compilation.chapeau)
    document.core_properties.title = NOTE_MARKER.sub("", title)
    document.core_properties.subject = compilation.symbol
    for entry in compilation.entries:
        _entry(out, entry)
    if compilation.stale:
        _stale(out, compilation)
    save_atomically(document, path)


def _emptied(base: bytes | UnLayout) -> DocxDocument:
    """The Word document ``base`` with an empty body, laid out as its first section (the
    main text's page setup, headers and footers, not an annex's), and the paragraph
    styles the compilation uses (added where it has none of that name). Our layout is
    built with an empty body, not built whole to be emptied."""
    if isinstance(base, bytes):
        document = docx.Document(io.BytesIO(base))
        drop_comments(document)  # the secretariat's own: the compilation goes to everyone
    else:  # as the layout read back from its file, but for the body
        document = base.word(body=False)
        read_back(document)
    body = document.element.body
    first = first_section(body)
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    last = body.find(qn("w:sectPr"))
    if first is not None and first is not last:  # the main text's pages, not an annex's
        if last is not None:
            body.remove(last)
        body.append(first)
    names = {style.name for style in document.styles}
    for name in ("Title", "Subtitle", *(f"Heading {n}" for n in range(1, 10))):
        if name not in names:
            style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.font.bold = name != "Subtitle"
    return document


class _Body:
    """Paragraphs added at the end of the document's body, each written as markup and
    parsed once (see `drafting.ooxml.markup`)."""

    def __init__(self, document: DocxDocument, formatted: bool, rtl: bool = False) -> None:
        self.document = document
        self.formatted = formatted  # the text came with its formatting (see shown_marks)
        self.body = document.element.body
        self.styles: dict[str, str] = {}
        self.rtl = rtl
        """The text is right to left (Arabic): its own styles may lay every paragraph out
        from the right, ours in English too."""

    def add(self, runs: Iterable[str], style: str | None = None, *, direction: str = "",
            english: bool = False) -> None:
        """A paragraph of ``runs`` in ``style``, right to left where ``direction`` (its
        text) is written so; ``english``, our own words (the legend, the stale proposals),
        left to right whatever the text's styles say."""
        style_id = None
        if style is not None:
            if style not in self.styles:
                self.styles[style] = named_style(self.document, style)
            style_id = self.styles[style]
        paragraph = directed(markup.paragraph(runs, style_id), direction)
        if english and self.rtl:
            set_left_to_right(paragraph)
        _append(self.body, paragraph)


def piece_runs(pieces: Iterable[Piece], rtl: bool = False) -> list[str]:
    """Runs (markup) for pieces, formatted as the module docstring says (words proposed
    also as their proponents typed them); in a right-to-left line (``rtl``) each credit
    kept whole (`isolated`: LibreOffice broke an Arabic line between "(" and "EGY")."""
    return _marked_runs(pieces, (), rtl)


def noted_runs(text: str, **form: Any) -> list[str]:
    """Runs (markup) of ``text`` formatted as ``form``, each footnote marker (``[^2]``)
    its number raised as Word shows a note's reference, and the ``[^1]: `` opening a
    note's own line likewise (the number, then a space)."""
    if "[^" not in text:
        return [run_xml(text, **form)]
    runs, position = [], 0
    for found in NOTE_MARKER.finditer(text):
        if found.start() > position:
            runs.append(run_xml(text[position:found.start()], **form))
        runs.append(run_xml(found[1], **{**form, "raised": "superscript"}))
        position = found.end()
        if found.start() == 0 and (line := _NOTE_LINE.match(text, position)):
            runs.append(run_xml(" ", **form))
            position = line.end()
    if position < len(text):
        runs.append(run_xml(text[position:], **form))
    return runs


_NOTE_LINE = lazy_compile(r":\s*")


def _label_runs(label: str) -> list[str]:
    return [run_xml(label, bold=True), run_xml("\t")]


def _entry(out: _Body, entry: Entry) -> None:
    if isinstance(entry, NewParagraph):
        _proposed(out, entry.label, entry.credit, entry.text, entry.marks)
        _amended(out, entry)
        return
    paragraph = entry.paragraph
    status = status_word(paragraph)
    if is_heading(entry):
        level = min(max(paragraph.level, 1), 9)
        rtl = right_to_left(paragraph.text)
        runs = piece_runs(entry_pieces(entry), rtl)
        if status:
            runs.append(run_xml(f" {isolated(f'({status})', rtl)}", italic=True))
        out.add(runs + _notes(entry, rtl), f"Heading {level}", direction=paragraph.text)
        return
    words = paragraph.text  # its direction, not its label's: Arabic runs right to left
    rtl = right_to_left(words)
    runs = _label_runs(paragraph.label)
    if status:
        runs.append(run_xml(f"{isolated(f'({status})', rtl)} ", italic=True))
    marks = shown_marks(paragraph, out.formatted)
    (lead, pieces), *options = entry_options(entry, rtl)  # "Option 1: ...": of options
    runs += [run_xml(lead)] if lead else []
    out.add(runs + _marked_runs(pieces, marks, rtl) + _notes(entry, rtl), direction=words)
    for lead, pieces in options:
        out.add([run_xml("\t"), run_xml(lead), *_marked_runs(pieces, marks, rtl)],
                direction=words)
    labels = alternative_labels(paragraph.label, len(entry.alternatives))
    for label, option in zip(labels, entry.alternatives, strict=True):
        _proposed(out, label, option.credit, option.text, option.marks)
    _amended(out, entry)


def _amended(out: _Body, entry: Entry) -> None:
    """A paragraph under the entry for each of its proposals that others amend: the
    proposal's words with the amendments to them in place, each credited; in the
    direction of those words, the English lead before them isolated as a credit is."""
    for amended in entry.amended:
        rtl = right_to_left(amended.text)
        lead = isolated(amended_lead(amended), rtl)  # on its own, left to right
        out.add([run_xml("\t"), run_xml(lead, italic=True), run_xml(" "),
                 *piece_runs(amended_pieces(amended), rtl)], direction=amended.text)


def _marked_runs(pieces: Iterable[Piece], marks: Sequence[Mark], rtl: bool = False
                 ) -> list[str]:
    """Runs for the pieces, the paragraph's own words in their formatting (``marks``),
    words proposed in the formatting their proponents typed them (`Piece.marks`), credits
    kept whole in a right-to-left line (``rtl``, `isolated`)."""
    return [run for piece in pieces for text, styles in piece_styles(piece, marks)
            for run in noted_runs(isolated(text, rtl) if piece.kind is PieceKind.CREDIT
                                  else text,
                                  **{**form_of(styles), **_FORMATS.get(piece.kind, {})})]


def _proposed(out: _Body, label: str, credit: Credit, text: str,
              marks: Sequence[Mark] = ()) -> None:
    """A new paragraph or an alternative formulation: label, proponents, words in bold
    underline (and in the formatting its proponents typed them, ``marks``)."""
    runs = _label_runs(label)
    tag, rtl = credit_tag(credit), right_to_left(text)
    if tag:
        runs += [run_xml(isolated(tag, rtl), bold=True), run_xml(" ")]
    out.add(runs + _marked_runs(proposed_piece(text, marks), (), rtl), direction=text)


def _notes(entry: MergedParagraph, rtl: bool = False) -> list[str]:
    """`` — delete paragraph (EGY)``, `` — retain (G77)``: in italics, the proponents in
    bold; in a right-to-left line (``rtl``) each note with its credit one isolate
    (`isolated`, its two ends in its first and last runs), the dash before it outside, so
    that the English reads in order at the line's end."""
    runs = []
    for what, credit in paragraph_notes(entry):
        tag = credit_tag(credit)
        if not rtl:
            runs.append(run_xml(f" — {what}", italic=True))
            runs += [run_xml(" "), run_xml(tag, bold=True)] if tag else []
        elif tag:
            runs += [run_xml(" — ", italic=True), run_xml(f"{FSI}{what}", italic=True),
                     run_xml(" "), run_xml(f"{tag}{PDI}", bold=True)]
        else:
            runs += [run_xml(" — ", italic=True), run_xml(isolated(what, rtl), italic=True)]
    return runs


def _stale(out: _Body, compilation: Compilation) -> None:
    out.add([run_xml("Stale proposals")], "Heading 1", english=True)
    labels = paragraph_labels(compilation)
    for stale in compilation.stale:
        amendment_id, proponents, where, reason = stale_parts(stale, labels)
        out.add([run_xml(amendment_id), run_xml(" "), run_xml(f"({proponents})", bold=True),
                 run_xml(f" on {where}: {reason}")], "List Bullet", english=True)
