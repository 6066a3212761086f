"""What the pieces of a delegation's copy become as the import reads its paragraphs: a
paragraph trimmed as the import trims it, an alternative's body ("Option 2: ..." without
its opening words), an alternative in its brackets, the "[" that opens a paragraph
bracketed whole with its number ("[2. Decides ...]"), words one author struck out of
another's insertion (`restored`), and a space left between two changes
(`spaces_between`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, Change, RunPiece
from drafting.readers.docx_changes import drop
from drafting.readers.lines import option_lead, option_text


def option_body(pieces: list[RunPiece]) -> list[RunPiece]:
    """An alternative's pieces without the "Option 2:" opening them, and none for "No
    text" (only words inserted in its place are kept)."""
    pieces = trimmed(pieces)
    view = "in_original" if any(p.in_original for p in pieces) else "in_proposed"
    text = "".join(p.text for p in pieces if getattr(p, view))
    if found := option_lead(text):
        pieces, _ = drop(pieces, found.end, view)
        text = text[found.end:]
    if text.strip() and not option_text(text):  # "No text"
        pieces = [p for p in pieces if not getattr(p, view)]
    return pieces


def bracketed(pieces: list[RunPiece]) -> list[RunPiece]:
    """``pieces`` in the brackets of an alternative: inserted with them where they are all
    inserted (a new option), else there already."""
    first = pieces[0] if pieces else None
    if first is not None and all(p.state == INSERTED for p in pieces):
        def mark(text: str) -> RunPiece:
            return RunPiece(text, INSERTED, first.author, first.date, first.change_id,
                            kind=first.kind)
        return [mark("["), *pieces, mark("]")]
    return [RunPiece("["), *pieces, RunPiece("]")]


def opening_bracket(pieces: list[RunPiece]) -> tuple[list[RunPiece], list[RunPiece]]:
    """``pieces`` cut after the "[" opening a paragraph bracketed whole ("[2. Decides
    ...]": the label comes after it), the whitespace before it dropped as the import
    trims; ([], ``pieces``) when no "[" opens them."""
    for index, piece in enumerate(pieces):
        stripped = piece.text.lstrip()
        if not stripped:
            continue
        if not stripped.startswith("["):
            break
        rest = stripped[1:]
        return [piece.with_text("[")], [*([piece.with_text(rest)] if rest else []),
                                        *pieces[index + 1:]]
    return [], pieces


def bracketing(pieces: list[RunPiece]) -> bool:
    """Whether the copy inserts a "[" before the paragraph's number, bracketing it whole
    ("[3. Requests ...]"): the bracket is a proposal, the number is still its label."""
    first = next((piece for piece in pieces if piece.text.strip()), None)
    return first is not None and first.state == INSERTED and first.text.strip() == "["


def trimmed(pieces: list[RunPiece]) -> list[RunPiece]:
    """``pieces`` without whitespace at either end, as the import trims each paragraph."""
    start, end = 0, len(pieces)
    while start < end and not pieces[start].text.lstrip():
        start += 1
    while end > start and not pieces[end - 1].text.rstrip():
        end -= 1
    kept = list(pieces[start:end])
    if kept and kept[0].text[:1].isspace():  # what strip() takes off: a look before it
        kept[0] = kept[0].with_text(kept[0].text.lstrip())
    if kept and kept[-1].text[-1:].isspace():
        kept[-1] = kept[-1].with_text(kept[-1].text.rstrip())
    return kept


def restored(piece: RunPiece) -> RunPiece | None:
    """A cancelled ``piece`` (words inserted by one author, deleted by another) as the
    inserter's inserted words, the deletion kept as its ``inside``; None where the
    author who inserted the words deleted them (they were never proposed)."""
    inserted = piece.inside
    if inserted is None or inserted.author == piece.author:
        return None
    return RunPiece(piece.text, INSERTED, inserted.author, inserted.date, inserted.change_id,
                    piece.comment_ids, inserted.kind,
                    Change(DELETED, piece.author, piece.date, piece.change_id, piece.kind))


def struck_by(piece: RunPiece) -> Change | None:
    """The deletion a `restored` piece was struck by; None for any other piece."""
    inside = piece.inside
    return inside if inside is not None and piece.state == INSERTED and \
        inside.state == DELETED else None


def spaces_between(pieces: list[RunPiece]) -> list[RunPiece]:
    """``pieces`` with a space left untracked between two deletions (or two insertions)
    made part of the one after it: pandoc, keeping the changes, writes the space a tracked
    change begins with as a run of its own, so a paragraph deleted by two delegations
    ("... women in" by USA, " post-harvest" by EU) would read as its words deleted and
    its spaces kept. The changes are as Word showed them: " post-harvest" by EU. A space
    the later change cannot take without gluing two words is the text's own, as Word
    writes it: "a", " one-day" deleted by EU, " ", "high-level" replaced by G77 (read
    alone, "a one-day ministerial", not "a one-dayministerial")."""
    out = list(pieces)
    for n in range(1, len(out) - 1):
        piece, before, after = out[n], out[n - 1], out[n + 1]
        if piece.state == NORMAL and piece.text and not piece.text.strip() and \
                before.state == after.state != NORMAL and \
                before.inside is None and after.inside is None and \
                not _between_words(out, n, partial(_alone, after)):
            out[n] = after.with_text(piece.text)
    return out


def _alone(change: RunPiece, piece: RunPiece) -> bool:
    """Whether ``piece`` is in the text the space before ``change`` would go from, taken
    into it: for a deletion, the text with its author's changes made and everyone else's
    undone (each proposal is read alone); for an insertion, the text with every change
    undone, where it was typed."""
    if change.state == DELETED and piece.author == change.author:
        return piece.in_proposed
    return piece.in_original


_OPENING, _CLOSING = frozenset("([{"), frozenset(",;:.!?)]}")


def _between_words(pieces: list[RunPiece], n: int, shown: Callable[[RunPiece], bool]) -> bool:
    """Whether ``pieces[n]`` (a space) stands between two words in the text made of the
    pieces ``shown`` keeps (``pieces[n]`` itself left out): not at either end of it, nor
    beside another space, nor inside brackets or before a comma, where taking it away
    glues nothing."""
    left = next((p.text[-1] for p in reversed(pieces[:n]) if p.text and shown(p)), "")
    right = next((p.text[0] for p in pieces[n + 1:] if p.text and shown(p)), "")
    return bool(left.strip()) and bool(right.strip()) and left not in _OPENING and \
        right not in _CLOSING
