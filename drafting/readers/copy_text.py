"""How a delegation's copy's words are named in messages, and checked, by every reader
of copies: `quoted` a text, `who` an author, `check_characters` a text's characters,
`check_new_words` the words a copy proposes."""

from __future__ import annotations

from drafting import characters, lookalikes
from drafting.engine.new_words import note_refusal, stray_note
from drafting.errors import ReaderError
from drafting.ooxml.run_pieces import MOVE, RunPiece


def check_characters(where: str, text: str) -> None:
    """ReaderError naming ``where`` and the position of a character that is not text."""
    if found := characters.problem(text):
        offset, sentence = found
        raise ReaderError(f"{where}, {sentence}", details=characters.caret(text, offset))


def check_new_words(where: str, new: str, known: str, at: int | None = None,
                    end: int | None = None, *, cites: str | None = None) -> None:
    """ReaderError naming ``where`` if the words ``new`` a copy proposes hold what no
    paragraph may (an empty line, or one that only looks empty: `characters.problem`) or
    what the copy brings that looks other than it is (`drafting.lookalikes.disguise`;
    ``known``, the text they are proposed in, may hold it already; ``at`` to ``end``,
    where in it they go, if known), or a footnote marker ``cites`` (default ``known``; ""
    for a new paragraph) does not hold (`drafting.engine.new_words.stray_note`)."""
    if found := characters.problem(new, "paragraph") or lookalikes.disguise(
            new, known, at=at, end=end):
        offset, sentence = found
        raise ReaderError(f"{where}, the new text, {sentence}",
                          details=characters.caret(new, offset))
    if (marker := stray_note(new, known if cites is None else cites)) is not None:
        raise ReaderError(f"{where}: {note_refusal(marker, new_paragraph=cites == '')}")


def who(author: str | None) -> str:
    """A Word author for messages."""
    return author or "an unnamed author"


def quoted(text: str, limit: int = 60) -> str:
    """``text`` on one line, in quotes, cut to ``limit`` characters (spaces alone shown
    as they are)."""
    text = " ".join(text.split()) if text.strip() else text
    return f"'{text if len(text) <= limit else text[:limit - 3] + '...'}'"


def changed_words(before: str, after: str, context: int = 3) -> str:
    """What changed from ``before`` to ``after``, for a message: the words that differ,
    with up to ``context`` words either side ("'... to submit a report on ...' -> '... to
    present a report on ...'"), both quoted; the whole texts where they are short."""
    old, new = before.split(), after.split()
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    end = 0
    while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
        end += 1
    low = max(start - context, 0)

    def shown(words: list[str]) -> str:
        high = len(words) - max(end - context, 0)
        cut = " ".join(words[low:high])
        return quoted(f"{'... ' if low else ''}{cut}{' ...' if high < len(words) else ''}",
                      120)

    return f"{shown(old)} -> {shown(new)}"


def unproposed(piece: RunPiece) -> str:
    """Why ``piece``, words struck by the author who inserted (or moved) them, is no
    amendment."""
    inside = piece.inside
    by = who(inside and inside.author)
    done = f"moved by {by}, then deleted where it went" if inside is not None and \
        inside.kind == MOVE else f"inserted by {by} and deleted again"
    return (f"{quoted(piece.text)} was {done} by {who(piece.author)}: it is in neither "
            "text, so it is no amendment")
