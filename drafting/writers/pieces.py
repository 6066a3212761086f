"""The walk every compilation writer shares: segments -> a flat run of pieces.

The Markdown, HTML and plain-text writers differ only in markup, so the walk
from segments (see `drafting.engine.segments`) to *pieces* lives here once:
`paragraph_pieces` turns a paragraph's segments into a flat run of `Piece`
(plain words, inserted words, deleted words, an option inside a bracket, a
proponent tag, or a mark such as ``[`` the writer adds itself), and each writer
turns pieces into its own markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from drafting.engine.segments import (
    Alternatives,
    Amended,
    Change,
    Compilation,
    Credit,
    Entry,
    MergedParagraph,
    Option,
    Segment,
    StaleAmendment,
    Text,
    original_text,
)
from drafting.model import Paragraph, ParagraphKind, ParagraphStatus
from drafting.model.marks import Mark, Style, within
from drafting.model.marks import pieces as styled_pieces
from drafting.opening_words import opening_words_end


class PieceKind(StrEnum):
    """What a run of characters is in a rendered paragraph."""

    TEXT = "text"
    """Words as they stand (user text)."""
    INSERTED = "inserted"
    """Words a proposal adds."""
    DELETED = "deleted"
    """Words a proposal removes."""
    OPTION = "option"
    """One proposal's version of the words, inside a bracket of alternatives."""
    BRACKET = "bracket"
    """A square bracket a proposal puts around words as they stand (a bracket request)."""
    CREDIT = "credit"
    """Who stands behind a proposal, parentheses included: ``(EU; supported by JPN)``."""
    MARK = "mark"
    """Punctuation the writer adds itself: ``[``, `` / ``, ``]`` of a bracket."""


_MARKED = frozenset({PieceKind.INSERTED, PieceKind.DELETED, PieceKind.OPTION, PieceKind.BRACKET})


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of characters of one kind (``text`` is never empty once tidied)."""

    kind: PieceKind
    text: str
    reasons: tuple[str, ...] = ()
    """For a credit: the proponents' reasons, which a writer may show on demand."""
    at: int | None = field(default=None, compare=False)
    """Where the piece stands in the paragraph's own text (words as they stand, words
    deleted), for its formatting marks; None for words the paragraph does not hold."""
    marks: tuple[Mark, ...] = field(default=(), compare=False)
    """For words the paragraph does not hold (inserted, offered): the formatting their
    proponents typed them in (`Amendment.marks`), offsets in ``text``."""


def paragraph_pieces(segments: Iterable[Segment]) -> tuple[Piece, ...]:
    """The pieces of a paragraph, in text order, adjacent plain text joined.

    Whitespace at either end of a change or a bracket is kept outside the
    markup, and a proponent tag follows the changed words with one space:
    ``to `` + ``submit``/``present`` + `` a report`` gives ``to``, deleted
    ``submit``, inserted ``present``, ``(EU)``, `` a report``.
    """
    pieces: list[Piece] = []
    offset = 0
    for segment in segments:
        pieces.extend(_segment_pieces(segment, offset))
        offset += len(segment.text if isinstance(segment, Text) else
                      segment.deleted if isinstance(segment, Change) else segment.original)
    return _apart(_tidy(pieces))


def _segment_pieces(segment: Segment, offset: int) -> list[Piece]:
    """The pieces of one segment standing at ``offset`` in the paragraph's text
    (untidied: may hold empty text pieces)."""
    if isinstance(segment, Text):
        return [Piece(PieceKind.TEXT, segment.text, at=offset)]
    if isinstance(segment, Change):
        return _change_pieces(segment, offset)
    return _alternatives_pieces(segment, offset)


def _tidy(pieces: Iterable[Piece]) -> tuple[Piece, ...]:
    """Drop empty pieces and join adjacent plain text (the paragraph's own words only
    with the words that follow them in it)."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        last = out[-1] if out else None
        if last is not None and piece.kind is PieceKind.TEXT is last.kind and (
                (last.at is None and piece.at is None)
                or (last.at is not None and piece.at == last.at + len(last.text))):
            out[-1] = Piece(PieceKind.TEXT, last.text + piece.text, at=last.at)
        else:
            out.append(piece)
    return tuple(out)


def _apart(pieces: Iterable[Piece]) -> tuple[Piece, ...]:
    """Put a space between a proponent tag and a change or bracket right after it:
    ``(JPN) ~~, with ...~~``, not ``(JPN)~~, with ...~~``."""
    out: list[Piece] = []
    for piece in pieces:
        opens = piece.kind in _MARKED or (piece.kind is PieceKind.MARK and piece.text == "[")
        if opens and out and out[-1].kind is PieceKind.CREDIT:
            out.append(Piece(PieceKind.TEXT, " "))
        out.append(piece)
    return tuple(out)


def credit_tag(credit: Credit) -> str:
    """``(EU, USA)``, ``(EU; supported by JPN, CAN)``; empty when nobody is named."""
    words = ", ".join(credit.proponents)
    if credit.supporters:
        supported = f"supported by {', '.join(credit.supporters)}"
        words = f"{words}; {supported}" if words else supported
    return f"({words})" if words else ""


def _retain_tag(codes: Sequence[str]) -> str:
    """``(retain: JPN, CAN)`` for the delegations that want the words kept."""
    return f"(retain: {', '.join(codes)})"


def _split_space(text: str) -> tuple[str, str, str]:
    """``text`` as (leading whitespace, core, trailing whitespace).

    All-whitespace text is all lead: ``("  ", "", "")``.
    """
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


def _tagged(credit: Credit) -> list[Piece]:
    tag = credit_tag(credit)
    if not tag:
        return []
    return [Piece(PieceKind.TEXT, " "), Piece(PieceKind.CREDIT, tag, credit.reasons)]


def _change_pieces(change: Change, at: int) -> list[Piece]:
    d_lead, d_core, d_trail = _split_space(change.deleted)
    core_at, trail_at = at + len(d_lead), at + len(d_lead) + len(d_core)
    if change.bracket:
        return [
            Piece(PieceKind.TEXT, d_lead, at=at),
            Piece(PieceKind.BRACKET, "["),
            Piece(PieceKind.TEXT, d_core, at=core_at),
            Piece(PieceKind.BRACKET, "]"),
            *_tagged(change.credit),
            Piece(PieceKind.TEXT, d_trail, at=trail_at),
        ]
    if change.lift:  # the brackets struck, the words between them left as they stand
        return [
            Piece(PieceKind.TEXT, d_lead, at=at),
            Piece(PieceKind.DELETED, "[", at=core_at),
            Piece(PieceKind.TEXT, d_core[1:-1], at=core_at + 1),
            Piece(PieceKind.DELETED, "]", at=trail_at - 1),
            *_tagged(change.credit),
            Piece(PieceKind.TEXT, d_trail, at=trail_at),
        ]
    i_lead, i_core, i_trail = _split_space(change.inserted)
    if not d_core and not i_core:
        # Only whitespace changes: keep one space so the tag does not glue to a word.
        return [*_tagged(change.credit), Piece(PieceKind.TEXT, " ")]
    if d_core:
        lead, trail, lead_at, end_at = d_lead, d_trail, at, trail_at
    else:
        lead, trail, lead_at, end_at = i_lead, i_trail, None, None
    middle = [Piece(PieceKind.TEXT, " ")] if d_core and i_core else []
    return [
        Piece(PieceKind.TEXT, lead, at=lead_at),
        Piece(PieceKind.DELETED, d_core, at=core_at),
        *middle,
        Piece(PieceKind.INSERTED, i_core, marks=typed_words(change.inserted, change.marks)),
        *_tagged(change.credit),
        Piece(PieceKind.TEXT, trail, at=end_at),
    ]


def _alternatives_pieces(alternatives: Alternatives, at: int) -> list[Piece]:
    lead, core, trail = _split_space(alternatives.original)
    core_at = at + len(lead)
    if not alternatives.original:
        # Competing insertions: the space around the first one frames the bracket.
        first = next((o.text for o in alternatives.options if o.text.strip()), "")
        lead, _, trail = _split_space(first)
    choices: list[list[Piece]] = []
    if core or alternatives.retained_by:
        kept = [Piece(PieceKind.TEXT, core, at=core_at)]
        if alternatives.retained_by:
            kept += [Piece(PieceKind.TEXT, " " if core else ""),
                     Piece(PieceKind.CREDIT, _retain_tag(alternatives.retained_by))]
        choices.append(kept)
    choices.extend(_option_pieces(option, core, core_at) for option in alternatives.options)
    original = bool(alternatives.original)
    pieces = [Piece(PieceKind.TEXT, lead, at=at if original else None),
              Piece(PieceKind.MARK, "[")]
    for index, choice in enumerate(choices):
        if index:
            pieces.append(Piece(PieceKind.MARK, " / "))
        pieces.extend(choice)
    trail_at = core_at + len(core) if original else None
    return [*pieces, Piece(PieceKind.MARK, "]"), Piece(PieceKind.TEXT, trail, at=trail_at)]


def _option_pieces(option: Option, original: str, at: int) -> list[Piece]:
    words = option.text.strip()
    if words:
        shown = [Piece(PieceKind.OPTION, words, marks=typed_words(option.text, option.marks))]
    elif original:  # the proposal is to delete the words
        shown = [Piece(PieceKind.DELETED, original, at=at)]
    else:
        return [Piece(PieceKind.CREDIT, credit_tag(option.credit), option.credit.reasons)]
    return shown + _tagged(option.credit)


# --- formatting ---------------------------------------------------------------------------


def carries_formatting(paragraphs: Iterable[Paragraph]) -> bool:
    """Whether a text came with its formatting (a Word draft): some paragraph has marks."""
    return any(paragraph.marks for paragraph in paragraphs)


def compilation_formatted(compilation: Compilation) -> bool:
    """`carries_formatting` for the paragraphs of a compilation."""
    return carries_formatting(e.paragraph for e in compilation.entries
                              if isinstance(e, MergedParagraph))


def shown_marks(paragraph: Paragraph, formatted: bool, *,
                convention: bool = True) -> tuple[Mark, ...]:
    """The formatting to show on ``paragraph``: its own marks where the text came with
    its formatting (``formatted``, see `carries_formatting`); else, with ``convention``
    (the Word writers), the UN convention: the opening words of a preambular or operative
    paragraph in italics."""
    if formatted or not convention:
        return paragraph.marks
    if paragraph.kind not in (ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE):
        return ()
    end = opening_words_end(paragraph.text.split("\n", 1)[0])
    return (Mark(0, end, Style.ITALIC),) if end else ()


def piece_styles(piece: Piece, marks: Sequence[Mark]) -> list[tuple[str, frozenset[Style]]]:
    """``piece`` cut where its formatting changes: (text, styles), in order. The
    paragraph's own words take the paragraph's ``marks``; words it does not hold
    (inserted, offered) those their proponents typed them in (`Piece.marks`), or none."""
    if piece.at is None:
        return styled_pieces(piece.text, piece.marks) if piece.marks else \
            [(piece.text, frozenset())]
    if not marks:
        return [(piece.text, frozenset())]
    return styled_pieces(piece.text, marks, piece.at)


def typed_words(text: str, marks: Sequence[Mark]) -> tuple[Mark, ...]:
    """The ``marks`` over ``text`` (a proposal's words) as marks of its words stripped of
    the spaces around them, as a writer shows them; () for none."""
    lead = len(text) - len(text.lstrip())
    return within(marks, lead, lead + len(text.strip()))


def proposed_piece(text: str, marks: Sequence[Mark] = ()) -> list[Piece]:
    """A new paragraph's or an alternative formulation's words as one inserted piece, in
    the formatting its proponents typed them (``marks`` over ``text``); none when blank."""
    return [Piece(PieceKind.INSERTED, text.strip(), marks=typed_words(text, marks))] \
        if text.strip() else []


# --- the shared walk: entries ------------------------------------------------------------


def status_word(paragraph: Paragraph) -> str:
    """``agreed ad ref``, ``agreed`` or ``deleted``; empty for an open paragraph."""
    return "" if paragraph.status is ParagraphStatus.OPEN else str(paragraph.status)


def _struck_whole(entry: MergedParagraph) -> bool:
    """True for a deleted paragraph with no proposal inside it: shown struck through whole.

    A deleted paragraph that still carries proposals is shown with them, so
    nothing is hidden.
    """
    return entry.paragraph.status is ParagraphStatus.DELETED and all(
        isinstance(segment, Text) for segment in entry.segments
    )


def _deleted_pieces(entry: MergedParagraph) -> tuple[Piece, ...]:
    """A wholly struck paragraph: its text as one deleted piece (whitespace kept outside)."""
    lead, core, trail = _split_space(original_text(entry.segments))
    return _tidy([Piece(PieceKind.TEXT, lead, at=0),
                  Piece(PieceKind.DELETED, core, at=len(lead)),
                  Piece(PieceKind.TEXT, trail, at=len(lead) + len(core))])


def entry_pieces(entry: MergedParagraph) -> tuple[Piece, ...]:
    """The paragraph's own text with its proposals, or struck through if deleted."""
    return _deleted_pieces(entry) if _struck_whole(entry) else paragraph_pieces(entry.segments)


def paragraph_notes(entry: MergedParagraph) -> list[tuple[str, Credit]]:
    """Whole-paragraph positions shown after the text: delete paragraph, then retain."""
    notes = []
    if entry.deletion is not None:
        notes.append(("delete paragraph", entry.deletion))
    if entry.retains is not None:
        notes.append(("retain", entry.retains))
    return notes


def amended_lead(amended: Amended) -> str:
    """``Amendment to the proposal of EU (A12):``: what opens the amendments to one
    proposal, shown under it (their words follow, each credited in place)."""
    count = sum(1 for _ in amended.credits())
    noun = "Amendment" if count == 1 else "Amendments"
    return (f"{noun} to the proposal of {', '.join(amended.of.proponents)} "
            f"({', '.join(amended.of.amendments)}):")


def subamendment_notes(amended: Amended) -> list[tuple[Credit, str]]:
    """Each amendment to a proposal in words, with its credit: ``Amendment A14 (USA) to
    this proposal: replace 'present' with 'transmit'.`` (what a Word comment on the proposal
    says)."""
    notes = []
    for segment in amended.segments:
        if isinstance(segment, Change):
            changes = [(segment.credit, segment.deleted, segment.inserted)]
        elif isinstance(segment, Alternatives):
            changes = [(o.credit, segment.original, o.text) for o in segment.options]
        else:
            continue
        for credit, old, new in changes:
            what = (f"replace '{old.strip()}' with '{new.strip()}'" if old.strip() and new.strip()
                    else f"delete '{old.strip()}'" if old.strip() else f"insert '{new.strip()}'")
            notes.append((credit, f"Amendment {', '.join(credit.amendments)} "
                                  f"{credit_tag(credit)} to this proposal: {what}."))
    return notes


def amended_pieces(amended: Amended) -> tuple[Piece, ...]:
    """The words a proposal proposes with the amendments to them in place."""
    return paragraph_pieces(amended.segments)


def alternative_labels(label: str, count: int) -> list[str]:
    """``OP7 Alt`` for one alternative formulation; ``OP7 Alt 1``, ``OP7 Alt 2``, ... for more."""
    if count == 1:
        return [f"{label} Alt"]
    return [f"{label} Alt {number}" for number in range(1, count + 1)]


def is_heading(entry: Entry) -> bool:
    """True for an existing paragraph that is a heading."""
    return isinstance(entry, MergedParagraph) and entry.paragraph.kind is ParagraphKind.HEADING


def paragraph_labels(compilation: Compilation) -> dict[str, str]:
    """Paragraph id -> label, for the existing paragraphs of the compilation."""
    return {
        entry.paragraph.id: entry.paragraph.label
        for entry in compilation.entries
        if isinstance(entry, MergedParagraph)
    }


def stale_parts(stale: StaleAmendment, labels: dict[str, str]) -> tuple[str, str, str, str]:
    """(amendment id, proponents, where, reason) of a stale amendment.

    ``where`` is the label of its paragraph when the compilation has it, else
    the paragraph id.
    """
    amendment = stale.amendment
    where = labels.get(amendment.paragraph_id, amendment.paragraph_id)
    return amendment.id, ", ".join(amendment.proponents), where, stale.reason


# --- plain-text markup ---------------------------------------------------------------------
