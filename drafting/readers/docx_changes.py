"""From a paragraph's pieces to the stretches of the revision text they change.

A Word paragraph read by `drafting.ooxml.runs` is a list of pieces (normal, inserted,
deleted). Here its label is taken off (`strip_label`), and the changed pieces (with the
untracked differences from the revision's text made changes first:
`drafting.readers.docx_untracked.reconcile`) are grouped into hunks (`hunks`), widened
to whole words and given a canonical place (`shaped`), with the words an insertion goes
next to (`anchor`); a new paragraph's words by who typed them (`typed_by`) and its typed
label in its section (`in_section`). Pure functions on text; no Word here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from drafting.brackets import faults
from drafting.characters import keyboard_spaces
from drafting.engine.anchoring import similarity, tokens, word_character
from drafting.engine.sublists import line_similarity
from drafting.errors import InputError, LabelError
from drafting.model import Paragraph, Span
from drafting.model.labels import parse_label
from drafting.ooxml.runs import DELETED, NORMAL, RunPiece
from drafting.readers.lines import read_label, read_numbered

SIMILARITY = 0.6
"""How alike (`drafting.engine.anchoring.similarity`: the share of characters in words
left unchanged) an unlabelled file paragraph and a revision paragraph must be."""
LOOKAHEAD = 50
"""How many of the revision's paragraphs, from the one after the last matched, are
compared with a file paragraph that has no label. An edited copy keeps the draft's
order, so its paragraph is among the next few; the bound keeps a file of thousands of
unlabelled paragraphs from taking quadratic time (minutes) to read."""


@dataclass
class Hunk:
    """Revision text ``start:end`` becomes ``new``; ``pieces`` are the changed pieces."""

    start: int
    end: int
    new: str
    pieces: list[RunPiece]


def hunks(pieces: list[RunPiece]) -> list[Hunk]:
    """Maximal stretches of changed pieces, split where the author changes; positions
    count the text with every change rejected. No change gives []."""
    found: list[Hunk] = []
    position, open_hunk = 0, False
    for piece in pieces:
        if piece.state == NORMAL:
            position += len(piece.text)
            open_hunk = False
            continue
        if not open_hunk or found[-1].pieces[-1].author != piece.author:
            found.append(Hunk(position, position, "", []))
            open_hunk = True
        hunk = found[-1]
        hunk.pieces.append(piece)
        if piece.state == DELETED:
            position += len(piece.text)
            hunk.end = position
        else:
            hunk.new += piece.text
    return found


def shaped(stretches: list[Hunk], text: str) -> list[Hunk]:
    """``stretches`` of ``text`` widened to whole words where they start or end inside one
    ("report" + inserted "s" is "report" -> "reports"), never into a neighbouring stretch;
    pure insertions and deletions are moved so that whitespace leads them (" word", not
    "word "), as a word diff places them, and a new line so that it starts with its line
    break ("\n(b) New" after a line, not "New\n(b) " after "(b) "), so tracked and clean
    copies read the same."""
    result: list[Hunk] = []
    for i, hunk in enumerate(stretches):
        low = result[-1].end if result else 0
        high = stretches[i + 1].start if i + 1 < len(stretches) else len(text)
        old = text[hunk.start:hunk.end]
        start, end, new = hunk.start, hunk.end, hunk.new
        if start > low and wordy(text[start - 1]) and (wordy(old[:1]) or wordy(new[:1])):
            while start > low and wordy(text[start - 1]):
                start -= 1
        if end < high and wordy(text[end:end + 1]) and (wordy(old[-1:])
                                                          or wordy(new[-1:])):
            while end < high and wordy(text[end:end + 1]):
                end += 1
        new = text[start:hunk.start] + new + text[hunk.end:end]
        if start == end:  # the space ending it leads it instead ("terme" + " et globale")
            # but never onto an insertion just before it (" annual" + "ministerial "
            # typed one space apart): two proposals at one point could not both stand
            floor = low + 1 if result and result[-1].start == result[-1].end else low
            while start > floor and new and new[-1].isspace() and \
                    keyboard_spaces(new[-1]) == keyboard_spaces(text[start - 1]):
                new, start, end = new[-1] + new[:-1], start - 1, end - 1
            tail = new[new.rfind("\n"):] if "\n" in new[1:] else ""
            if tail and start - len(tail) >= low and text[start - len(tail):start] == tail:
                # a line typed before another that opens as it does ("(b) To"): a new line
                new, start, end = tail + new[:-len(tail)], start - len(tail), end - len(tail)
        elif not new:
            while start > low and text[start - 1] == text[end - 1] and text[end - 1].isspace():
                start, end = start - 1, end - 1
            start, end = _whole_brackets(text, start, end, low, high)
        result.append(Hunk(start, end, new, hunk.pieces))
    return result


def _whole_brackets(text: str, start: int, end: int, low: int, high: int) -> tuple[int, int]:
    """A deletion whose words close a bracket and open another ("annually] [" of
    "report [annually] [biennially]") moved by as little as deletes the same to where it
    holds whole brackets, whitespace leading if it can (" [annually]"): one of two
    alternatives struck, as a diplomat reads it. As it was where no such place is near."""
    if not faults(text[start:end]):
        return start, end
    found = []
    for step in range(1, 4):
        if start - step >= low and text[start - step:start] == text[end - step:end]:
            found.append((start - step, end - step))
        if end + step <= high and text[start:start + step] == text[end:end + step]:
            found.append((start + step, end + step))
    whole = [(s, e) for s, e in found if not faults(text[s:e])]
    return min(whole, key=lambda place: not text[place[0]].isspace(), default=(start, end))



def anchor(text: str, point: int, *, ahead: bool = False) -> Span:
    """The words an insertion at ``point`` goes next to: the previous word (everything back
    to the space before it, so ``"70/1,"``) with whatever lies between it and the point.
    When nothing but spaces comes before the point, or where ``ahead`` (the insertion
    ends with a space) and the point starts a word, the next word, starting at the
    point: the insertion goes before it. An empty ``text`` gives an empty span."""
    starts_word = text[point:point + 1].strip() and not text[point - 1:point].strip()
    if text[:point].strip() and not (ahead and starts_word):
        start = point
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        return Span(start, point)
    end = point
    while end < len(text) and text[end].isspace():
        end += 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return Span(point, end)


def in_section(label: str | None, previous: Paragraph | None) -> str | None:
    """A new paragraph's label as typed ("1 bis", read as OP1 bis) in the section of the
    paragraph it follows ("5.1 bis" after 5.1, in Article 5); as typed in a text numbered
    straight through, or where it reads as no label."""
    base, alt, _ = (label or "").partition(" Alt")
    try:
        typed = parse_label(base)
        after = parse_label(previous.label) if previous is not None else None
    except LabelError:
        return label
    if after is None or typed.section or not after.section:
        return label
    return f"{replace(typed, section=after.section)}{alt}"


def typed_by(pieces: list[RunPiece]) -> tuple[tuple[str | None, datetime | None, str], ...]:
    """A new paragraph's words, stripped as it is, by the author typing each stretch
    (Word author, date, words); () for one author's: `Draft.typed`."""
    if all(p.author == pieces[0].author for p in pieces):
        return ()
    stretches: list[tuple[str | None, datetime | None, str]] = []
    for piece in (p for p in pieces if p.in_proposed):
        if stretches and stretches[-1][0] == piece.author:
            author, date, words = stretches[-1]
            stretches[-1] = (author, date, words + piece.text)
        else:
            stretches.append((piece.author, piece.date, piece.text))
    text = "".join(words for _, _, words in stretches)
    lead, trail = len(text) - len(text.lstrip()), len(text) - len(text.rstrip())
    out, at = [], 0
    for author, date, words in stretches:  # cut to the stripped text's [lead, end)
        start, stop = max(at, lead), min(at + len(words), len(text) - trail)
        at += len(words)
        if start < stop:
            out.append((author, date, text[start:stop]))
    return tuple(out)



def strip_label(pieces: list[RunPiece], *, bracketed: bool = False,
                ) -> tuple[str | None, list[RunPiece], bool]:
    """The label a paragraph opens with, read as the import reads it (``OP5 bis``, ``5.``,
    ``3.1``, ``OP7 Alt``: `drafting.readers.lines.split_label`; and "(2) " where
    ``bracketed``, the import having found a number in brackets opening it), the pieces
    without it, and whether the label itself was changed (or deleted, the paragraph kept).
    The text with changes rejected is tried first, then (for a wholly inserted paragraph)
    the text with changes accepted."""
    read = read_numbered if bracketed else read_label
    for view in ("in_original", "in_proposed"):
        text = "".join([p.text for p in pieces if getattr(p, view)])
        stripped = text.lstrip()
        label, skip, alternative = read(stripped)
        if label is not None:
            skip += len(text) - len(stripped)
            aside = None  # the label as the changes leave it: "4." tracked as "5."
            if view == "in_original":
                proposed = "".join([p.text for p in pieces if p.in_proposed])
                found, more, _ = read(proposed.lstrip())
                if found is not None:
                    aside = more + len(proposed) - len(proposed.lstrip())
            rest, states = drop(pieces, skip, view, aside)
            # a number deleted from a paragraph that stays ("3.<tab>" struck) is changed too
            gone = states == {DELETED} and any(p.in_proposed and p.text.strip() for p in rest)
            return f"{label}{' Alt' if alternative else ''}", rest, len(states) > 1 or gone
    return None, pieces, False


def drop(pieces: list[RunPiece], count: int, view: str, aside: int | None = None,
         ) -> tuple[list[RunPiece], set[str]]:
    """``pieces`` without the first ``count`` characters of ``view``, and the states of
    everything dropped. Changes outside the view but inside the label are dropped whole,
    but for the text with the changes accepted: a label read there was not in the
    original (none was read in it), so its deleted words are the original's own;
    with ``aside``, the label's length in the original's other view (the text with the
    changes accepted), only its first ``aside`` characters are: a number tracked as
    retyped with the word after it ("4. Invites" -> "5. Invites") keeps that word."""
    rest, states = [], set()
    other = aside or 0
    for piece in pieces:
        mine = getattr(piece, view)
        if not (count if mine else other or (count and aside is None)) or (
                not mine and view == "in_proposed"):  # the original's text: no label's
            rest.append(piece)  # (" a" deleted before "4.<tab>A" where a split begins)
            continue
        states.add(piece.state)
        if not mine and aside is None:  # inside the label: dropped whole
            continue
        cut = min(len(piece.text), count if mine else other)
        if mine:
            count -= cut
            if piece.in_original and piece.in_proposed:  # in the other view too
                other = max(0, other - cut)
        else:
            other -= cut
        if cut < len(piece.text):
            rest.append(piece.with_text(piece.text[cut:]))
    return rest, states


def most_similar(text: str, paragraphs: Sequence[Paragraph], window: range) -> int | None:
    """The index in ``window`` of the paragraph most like ``text``, or None: the first
    identical one, else the best of the first `LOOKAHEAD` by `similarity` (word by word,
    at least `SIMILARITY`; for texts with items, their lines matched first where that
    makes them more alike: `line_similarity`). Ties go to the earliest."""
    identical = next((k for k in window if paragraphs[k].text == text), None)
    if identical is not None:
        return identical
    best, best_ratio = None, SIMILARITY
    words = _words(text)
    for k in window[:LOOKAHEAD]:
        other = paragraphs[k].text
        total = len(text) + len(other)
        # Upper bounds of the ratio, cheapest first: from the lengths, then from the
        # words in common (in any order); only then the word diff itself.
        if 2 * min(len(text), len(other)) < best_ratio * total:
            continue
        lines = "\n" in text and "\n" in other  # items: compared line by line too
        # (the line breaks a line diff keeps apart from the spaces around them, counted)
        if 2 * (_shared(words, _words(other)) + lines * text.count("\n")) < \
                best_ratio * total:
            continue
        try:
            ratio = similarity(other, text)
            if lines and ratio < best_ratio:  # an item added and another removed
                ratio = line_similarity(other, text)
        except InputError:  # too many different words to compare: not alike
            continue
        if ratio > best_ratio or (ratio == best_ratio and best is None):
            best, best_ratio = k, ratio
    return best


@lru_cache(maxsize=256)
def _words(text: str) -> Counter[str]:
    """The words of ``text`` (`tokens`) counted; remembered, as a revision's paragraphs
    are compared with many of the file's."""
    return Counter(tokens(text))


def _shared(one: Counter[str], other: Counter[str]) -> int:
    """Characters of the words ``one`` and ``other`` have in common, counted as often as
    both have them: no word diff of the two texts leaves more unchanged."""
    if len(other) < len(one):
        one, other = other, one
    return sum(len(word) * min(count, other[word]) for word, count in one.items()
               if word in other)


def wordy(char: str) -> bool:
    """True for one character of a word as `word_diff` reads words: a letter, digit,
    underscore or combining mark, but no Chinese or Japanese character, a word of its own
    (the empty string is not)."""
    return len(char) == 1 and word_character(char)


