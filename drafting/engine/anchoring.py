"""Anchoring: carry an amendment's span from the revision it was made against to a newer one.

The two texts are diffed word by word (diff-match-patch over tokens: each word is coded as
one character, the coded texts diffed, the words put back), so the work grows with the
words, not the characters, and never outlasts `drafting.limits.DIFF_SECONDS`. A span moves
with the text around it; if any of its own words changed, the amendment is stale. It is never moved
to different words: when the diff cannot tell, the answer is stale. A diff cannot tell where the
new text repeats the span's words beside it ("a report on X and" put before "a report on Y"):
it could as well have matched them with the copy, so the span is stale (`_unsure`, and the diff
read from the end, which takes the other of two matchings as good). Where the edits that made
the new text are known (a revision's accepted changes, `drafting.engine.known_edits`), spans
move through them by offset, nothing guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache, lru_cache
from typing import NamedTuple

from diff_match_patch import diff_match_patch

from drafting.errors import InputError, StaleError
from drafting.lazy_re import lazy_compile
from drafting.limits import DIFF_SECONDS
from drafting.model.amendment import SPAN_KINDS, Amendment, AmendmentKind, Span

Diff = tuple[int, str]

_CJK = ((0x2E80, 0x2FDF), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
        (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
"""Scripts written without spaces between words: each character is a token of its own."""

_FIRST_CODE, _CODES = 0xF0000, 0x20000
"""Words are coded as private-use characters: neither letters nor spaces to diff-match-patch,
so its cleanup has no reason to prefer one word boundary over another."""

_AMENDED = "the words it amended"


class _Hunk(NamedTuple):
    """One changed stretch: old[o1:o2] became new[n1:n2] (o1 == o2 for a pure insertion)."""

    o1: int
    o2: int
    n1: int
    n2: int


@cache
def _kind(char: str) -> str | None:
    """'w' for word characters (marks such as Arabic harakat included), 's' for whitespace,
    None for a character that stands alone (punctuation, a CJK ideograph)."""
    if char.isspace():
        return "s"
    if any(lo <= ord(char) <= hi for lo, hi in _CJK):
        return None
    if char.isalnum() or char == "_" or unicodedata.category(char).startswith("M"):
        return "w"
    return None


def word_character(char: str) -> bool:
    """Whether ``char`` is part of a longer word: a letter, digit, underscore or mark, but
    no Chinese or Japanese character, which is a word of its own."""
    return _kind(char) == "w"


_CJK_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _CJK)
_TOKEN = lazy_compile(rf"\s+|[^\W{_CJK_CLASS}]+|.", re.DOTALL)
"""Runs of whitespace, runs of word characters (``\\w`` is `str.isalnum` or "_"; CJK
characters stand alone), any other character alone: `tokens` but for marks."""


def tokens(text: str) -> list[str]:
    """``text`` as `word_diff` compares it: runs of word characters, runs of whitespace,
    and every other character (punctuation, a Chinese or Japanese character) alone."""
    found = _TOKEN.findall(text)
    if text.isascii():
        return found
    joined: list[str] = []  # a mark (Arabic harakat) is part of the word it stands in
    for token in found:
        if joined and _kind(token[0]) == "w" and _kind(joined[-1][-1]) == "w":
            joined[-1] += token
        else:
            joined.append(token)
    return joined


def word_diff(old: str, new: str, *, remember: bool = True, clean: bool = True) -> list[Diff]:
    """Diff ``old`` into ``new`` word by word: diff-match-patch ``(op, text)`` pairs.

    A word is changed whole ("submit" -> "transmit" is one deletion and one insertion), never
    in character pieces. Chinese and Japanese characters count one each, as those scripts put
    no spaces between words. The 0 and -1 texts joined give ``old``; the 0 and +1 give ``new``.
    A comparison stops after `DIFF_SECONDS` (texts within the input limits take
    milliseconds): what is left is then one deletion and one insertion, still a diff of
    the two texts. The last 1,024 diffs are remembered (``remember=False``: not this one).
    Raises InputError when the two texts hold more than 131072 different words together.
    Without ``clean``, the diff is the shortest one, equalities of a word kept however
    short (for a text cut out of another: brackets decided); never remembered.
    """
    if not clean:
        return list(_diff_words(old, new, clean=False))
    return list(_remembered(old, new) if remember else _diff_words(old, new))


def similarity(old: str, new: str) -> float:
    """How alike two texts are, word by word: twice the characters `word_diff` leaves
    unchanged over the characters of both (1.0 for two empty texts). Not remembered."""
    total = len(old) + len(new)
    if not total:
        return 1.0
    same = sum(len(text) for op, text in word_diff(old, new, remember=False) if op == 0)
    return 2 * same / total


@lru_cache(maxsize=1024)
def _remembered(old: str, new: str, backward: bool = False) -> tuple[Diff, ...]:
    """`word_diff`, remembered: the dozens of amendments to one paragraph all map their
    spans over the same change of its text."""
    return _diff_words(old, new, backward=backward)


def _diff_words(old: str, new: str, *, clean: bool = True,
                backward: bool = False) -> tuple[Diff, ...]:
    """`word_diff`; ``backward``, from the last word to the first: where two matchings
    of the words are as good, it takes the other one (the last "report", not the
    first)."""
    table: dict[str, str] = {}
    vocabulary: list[str] = []

    def encode(text: str) -> str:
        words = tokens(text)
        for word in words:
            if word not in table:
                if len(vocabulary) >= _CODES:
                    raise InputError(f"a paragraph of more than {_CODES} different words "
                                     "cannot be compared word by word; split it")
                table[word] = chr(_FIRST_CODE + len(vocabulary))
                vocabulary.append(word)
        return "".join([table[word] for word in words])

    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_SECONDS
    way = -1 if backward else 1
    coded = dmp.diff_main(encode(old)[::way], encode(new)[::way], False)
    # Clean up while each character still stands for a whole word: on the decoded text the
    # cleanup would split words ("a report" -> "an update" would keep the "a" of "an").
    if clean:
        dmp.diff_cleanupSemantic(coded)
    words = {_FIRST_CODE + n: word for n, word in enumerate(vocabulary)}
    return tuple((op, text[::way].translate(words)) for op, text in coded[::way])


def _hunks(diffs: list[Diff]) -> list[_Hunk]:
    """The changed stretches of ``diffs``, adjacent deletions and insertions joined."""
    hunks: list[_Hunk] = []
    o = n = 0
    open_hunk = False
    for op, text in diffs:
        if op == 0:
            o, n, open_hunk = o + len(text), n + len(text), False
            continue
        if not open_hunk:
            hunks.append(_Hunk(o, o, n, n))
            open_hunk = True
        if op < 0:
            o += len(text)
        else:
            n += len(text)
        hunks[-1] = hunks[-1]._replace(o2=o, n2=n)
    return hunks


def _to_new(hunks: list[_Hunk], pos: int, *, is_start: bool) -> int:
    """Where old position ``pos`` falls in the new text. A span's start goes after text
    inserted at it, its end (or a point) before; inside a change it widens to the change."""
    shift = 0
    for h in hunks:
        if h.o2 < pos or (h.o2 == pos and is_start):
            shift = h.n2 - h.o2
        elif h.o1 >= pos:
            break
        else:
            return h.n1 if is_start else h.n2
    return pos + shift


def _quote(text: str, limit: int = 60) -> str:
    if len(text) > limit:
        text = f"{text[: limit // 2 - 2]}...{text[2 - limit // 2 :]}"
    return f"'{text}'"


def _stale(what: str, before: str, after: str) -> StaleError:
    if not after:
        change = "were deleted"
    elif after == before:
        change = "were changed"
    else:
        change = f"were changed to {_quote(after)}"
    return StaleError(f"{what}, {_quote(before)}, {change} since it was made")


def _checked_hunks(old: str, new: str, span: Span, diffs: list[Diff] | None) -> list[_Hunk]:
    if span.end > len(old):
        raise ValueError(f"span {span.start}..{span.end} runs past the text ({len(old)} chars)")
    if diffs is None:
        diffs = word_diff(old, new)
    elif ("".join(t for op, t in diffs if op <= 0) != old
          or "".join(t for op, t in diffs if op >= 0) != new):
        raise ValueError("the diffs given are not a diff of these two texts")
    return _hunks(diffs)


def _map(old: str, new: str, span: Span, diffs: list[Diff] | None, what: str, *,
         known: bool = False, clean: bool = True) -> Span:
    hunks = _checked_hunks(old, new, span, diffs)
    mapped = _mapped(old, new, hunks, span, what)
    if known:
        return mapped
    if (unsure := _unsure(old, new, hunks, span, mapped, what)) is not None:
        raise unsure
    # Read from the last word back, the diff takes the other of two matchings as good:
    # where it puts the span's words elsewhere, either is a guess. Spaces may pair apart.
    backward = _hunks(list(_remembered(old, new, True) if clean
                           else _diff_words(old, new, clean=False, backward=True)))
    words = old[span.start : span.end]
    core = Span(span.start + len(words) - len(words.lstrip()),
                span.end - len(words) + len(words.rstrip())) if words.strip() else span
    try:
        other = _mapped(old, new, backward, core, what)
    except StaleError:
        other = None
    if other is None or any(new[min(a, b) : max(a, b)].strip() for a, b in (
            (mapped.start, other.start), (mapped.end, other.end))):
        raise _twice(what, words or old[max(0, span.start - 1) : span.end + 1], new, mapped,
                     other or mapped)
    return mapped


def _mapped(old: str, new: str, hunks: list[_Hunk], span: Span, what: str) -> Span:
    """Where ``hunks`` put ``span``; StaleError where they changed its words."""
    if not span:
        for h in hunks:
            if h.o1 < span.start < h.o2:
                raise _stale(what, old[h.o1 : h.o2], new[h.n1 : h.n2])
        point = _to_new(hunks, span.start, is_start=False)
        return Span(point, point)
    start = _to_new(hunks, span.start, is_start=True)
    end = _to_new(hunks, span.end, is_start=False)
    if any(max(h.o1, span.start) < min(h.o2, span.end)
           or (h.o1 == h.o2 and span.start < h.o1 < span.end) for h in hunks):
        raise _stale(what, old[span.start : span.end], new[start:end])
    return Span(start, end)


def _twice(what: str, words: str, new: str, one: Span, other: Span) -> StaleError:
    near = new[min(one.start, other.start) : max(one.end, other.end)]
    return StaleError(f"{what}, {_quote(words)}, now occur twice near where they stood "
                      f"({_quote(' '.join(near.split()), 90)}): which of them it meant "
                      "cannot be told")


def _unsure(old: str, new: str, hunks: list[_Hunk], span: Span, mapped: Span,
            what: str) -> StaleError | None:
    """StaleError when the diff's choice of where ``span`` went is one of several as good:
    the words from the edge of its unchanged stretch to the span (the span included) occur
    again in the change beside that edge, so they could be matched there at the same cost
    ("a report on X and" put before "a report on Y": which "report" was the old one?). A
    point counts with the word on each side of it. None where the diff could go no other
    way."""
    parts = [span] if span else [Span(_word_start(old, span.start, point=True), span.start),
                                 Span(span.end, _word_end(old, span.end, point=True))]
    for part in (p for p in parts if p):
        start, end = _word_start(old, part.start), _word_end(old, part.end)
        before = next((h for h in reversed(hunks) if h.o2 <= start), None)
        after = next((h for h in hunks if h.o1 >= end), None)
        sides = ((before, old[before.o2 if before else 0 : end]),
                 (after, old[start : after.o1 if after else len(old)]))
        for h, words in sides:
            if h is not None and (_occurs(words, old[h.o1 : h.o2])
                                  or _occurs(words, new[h.n1 : h.n2])):
                return _twice(what, old[span.start : span.end] or old[start:end], new,
                              mapped, Span(h.n1, h.n2))
    return None


def _word_start(text: str, at: int, *, point: bool = False) -> int:
    """The start of the word ``at`` falls inside, else ``at``; for a ``point``, the start
    of the word ending at it too."""
    inside = point or (at < len(text) and word_character(text[at]))
    while inside and at > 0 and word_character(text[at - 1]):
        at -= 1
    return at


def _word_end(text: str, at: int, *, point: bool = False) -> int:
    """The end of the word ``at`` falls inside, else ``at``; for a ``point``, the end of
    the word starting at it too."""
    inside = point or (at > 0 and word_character(text[at - 1]))
    while inside and at < len(text) and word_character(text[at]):
        at += 1
    return at


_APART = "\x00"  # no token holds it: tokens joined by it are found whole, never in pieces


def _occurs(words: str, stretch: str) -> bool:
    """Whether the tokens of ``words`` stand one after another among those of ``stretch``."""
    if not words.strip() or len(words) > len(stretch):
        return False
    return (_APART + _APART.join(tokens(words)) + _APART) in (
        _APART + _APART.join(tokens(stretch)) + _APART)


def map_span(old: str, new: str, span: Span, *, diffs: list[Diff] | None = None,
             known: bool = False) -> Span:
    """Map ``span`` of ``old`` onto ``new``; ``new[result] == old[span]`` always.

    Changes before or after the span shift it; text inserted right at its start or end stays
    outside it. A non-empty span is stale if any of its characters was deleted or replaced,
    or anything was inserted strictly inside it. A point (empty span) is stale only if it lies
    strictly inside a deleted or replaced stretch; text inserted exactly at it goes after it.
    ``diffs`` may be a precomputed ``word_diff(old, new)``, to map many spans over one diff.
    A diff guesses where words went: where it could as well have matched the span's words
    with the same words in a change beside them (`_unsure`), or read from the last word it
    puts them elsewhere, the span is stale ("now occur twice near where they stood"). With
    ``known``, ``diffs`` are the edits that made ``new`` (`drafting.engine.known_edits`):
    the span moves by offset, nothing guessed.

    Raises StaleError with a reason quoting the words (old, and new where it can tell), and
    ValueError if the span runs past ``old`` or ``diffs`` does not diff these two texts.
    """
    return _map(old, new, span, diffs, _AMENDED, known=known)


def _follow_anchor(old: str, new: str, point: Span, anchor: Span,
                   diffs: list[Diff], known: bool, clean: bool) -> tuple[Span, Span]:
    """An insertion's new anchor and point: the point stays after (or before) the anchor."""
    side = "after" if point.start == anchor.end else "before"
    moved = _map(old, new, anchor, diffs, f"the words it goes {side}", known=known,
                 clean=clean)
    at = moved.end if side == "after" else moved.start
    return moved, Span(at, at)


def rebase(amendment: Amendment, old: str, new: str, revision: str, *,
           cut: bool = False, known: list[Diff] | None = None) -> Amendment:
    """The same amendment, made against ``revision`` whose paragraph text is ``new``.

    ``old`` is the paragraph text of ``amendment.revision``. Span kinds (replace, delete,
    bracket) have their span mapped; an insertion has its anchor mapped and its point follows
    the anchor (after or before it); with no anchor its point is mapped alone. Whole-paragraph
    kinds (alternative, retain, delete paragraph) are stale as soon as the text changed. A new
    paragraph is never stale. ``old_text`` is kept. An unchanged text is only relabelled.

    With ``cut``, ``new`` is ``old`` with parts cut out (brackets decided): the words
    between them are mapped one for one, however few (`word_diff` without cleaning).
    With ``known``, the edits that made ``new`` from ``old`` as a diff, the spans move
    by offset through them (`map_span` with ``known``).

    Raises StaleError with the reason, and ValueError if a span kind has no span.
    """
    moved = replace(amendment, revision=revision)
    if old == new or amendment.kind is AmendmentKind.NEW_PARAGRAPH:
        return moved
    if amendment.kind not in SPAN_KINDS:
        raise StaleError(f"the paragraph changed in {revision} since it was made "
                         f"against {amendment.revision}")
    span, anchor = amendment.span, amendment.anchor
    if span is None:
        raise ValueError(f"amendment {amendment.id} ({amendment.kind}) has no span")
    exact = known is not None
    diffs = known if known is not None else word_diff(old, new, clean=not cut)
    if (amendment.kind is AmendmentKind.INSERT and anchor is not None and not span
            and span.start in (anchor.start, anchor.end)):
        new_anchor, point = _follow_anchor(old, new, span, anchor, diffs, exact, not cut)
        return replace(moved, anchor=new_anchor, span=point)
    if anchor is not None:
        anchor = _map(old, new, anchor, diffs, "the words it goes beside", known=exact,
                      clean=not cut)
    what = "the words at its insertion point" if not span else _AMENDED
    return replace(moved, span=_map(old, new, span, diffs, what, known=exact, clean=not cut),
                   anchor=anchor)
