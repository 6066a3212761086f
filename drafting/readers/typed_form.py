"""The inline formatting a delegation typed its words in, read from a tracked copy.

A piece of text a Word copy tracks as inserted carries the styles its runs show
(`drafting.ooxml.run_pieces.RunPiece.styles`: a title typed in italics, a word in bold).
Here they become marks over the words an amendment proposes (`Amendment.marks`): the
words typed in the form typed, the paragraph's own words an amendment was widened to
(whole words: "report" + "s") in the form the draft gives them. Words typed plain give
no marks, and an amendment all of whose words are plain has none: the writers then give
its words the form of the words beside them, as they always did.
"""

from __future__ import annotations

from collections.abc import Sequence

from drafting.model.marks import (
    Mark,
    Style,
    by_character,
    from_characters,
    normalised,
    shifted,
    within,
)
from drafting.ooxml.run_pieces import DELETED, RunPiece

Form = tuple[str, tuple[Mark, ...]]
"""Words and their marks (offsets in the words): what a draft's marks are over."""
PLAIN: Form = ("", ())


def typed_words(pieces: Sequence[RunPiece]) -> Form:
    """The words ``pieces`` insert (none deleted, none struck) and the marks they were
    typed with."""
    words = "".join(p.text for p in pieces if p.state != DELETED)
    if not any(p.styles for p in pieces if p.state != DELETED):
        return words, ()
    styles = [p.styles for p in pieces if p.state != DELETED for _ in p.text]
    return words, from_characters(styles)


def widened(form: Form, new: str, text: str, marks: Sequence[Mark], start: int,
            end: int) -> Form:
    """``form``, the words typed, as the marks of ``new``: the words an amendment on
    ``text[start:end]`` proposes, which hold them (moved past a space, maybe) between words
    of ``text`` it was widened to, which keep their ``marks`` there."""
    words, typed_marks = form
    if not typed_marks:
        return new, ()
    at, cut = _found(words, new)
    if at < 0:
        return new, ()
    styles = [frozenset[Style]()] * len(new)
    old = by_character(marks, len(text))
    if new[:at] == text[start:start + at]:  # the widened words before the typed ones
        styles[:at] = old[start:start + at]
    kept = cut[1] - cut[0]
    tail = len(new) - at - kept
    if tail and new[at + kept:] == text[end - tail:end]:
        styles[at + kept:] = old[end - tail:end]
    styles[at:at + kept] = by_character(within(typed_marks, *cut), kept)
    return new, from_characters(styles)


def marks_in(form: Form, new: str) -> tuple[Mark, ...]:
    """The marks of ``new``, an amendment's words, where it holds the words of ``form``
    (as they are, or trimmed of spaces); () where it does not."""
    words, marks = form
    if not marks:
        return ()
    if words == new:
        return marks
    at, cut = _found(words, new)
    if at >= 0:
        return normalised(shifted(within(marks, *cut), at), len(new))
    inner = words.find(new)  # a new paragraph's words, without the label typed before
    return normalised(within(marks, inner, inner + len(new))) if new and inner >= 0 else ()


def _found(words: str, new: str) -> tuple[int, tuple[int, int]]:
    """Where ``words`` (or their part without spaces around it) stand in ``new``, and
    which of their characters stand there: (-1, ...) where they are not in it."""
    at = new.find(words)
    if at >= 0:
        return at, (0, len(words))
    core = words.strip()
    lead = len(words) - len(words.lstrip())
    return (new.find(core) if core else -1), (lead, lead + len(core))
