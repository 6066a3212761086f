"""From a paragraph's pieces to the stretches of the revision text they change.

A Word paragraph read by `drafting.ooxml.runs` is a list of pieces (normal, inserted,
deleted). Here its label is taken off (`strip_label`), untracked differences from the
revision's text are turned into changes (`reconcile`), and the changed pieces are grouped
into hunks (`hunks`), widened to whole words and given a canonical place (`shaped`), with
the words an insertion goes next to (`anchor`); a new paragraph's words by who typed
them (`typed_by`) and its typed label in its section (`in_section`). Pure functions on
text; no Word here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from drafting.brackets import faults
from drafting.characters import keyboard_form, keyboard_spaces, on_screen
from drafting.engine.anchoring import similarity, tokens, word_character
from drafting.engine.sublists import line_diff, line_similarity
from drafting.errors import InputError, LabelError
from drafting.model import Paragraph, Span
from drafting.model.labels import parse_label
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece, original_text
from drafting.readers.lines import read_label, read_numbered

SIMILARITY = 0.6
"""How alike (`drafting.engine.anchoring.similarity`: the share of characters in words
left unchanged) an unlabelled file paragraph and a revision paragraph must be."""
LOOKAHEAD = 50
"""How many of the revision's paragraphs, from the one after the last matched, are
compared with a file paragraph that has no label. An edited copy keeps the draft's
order, so its paragraph is among the next few; the bound keeps a file of thousands of
unlabelled paragraphs from taking quadratic time (minutes) to read."""
UNTRACKED = "untracked"
"""The ``kind`` of pieces that differ from the revision without a tracked change."""
RESPACED = "respaced"
"""The ``kind`` of unchanged pieces whose spaces an edited copy typed otherwise (an
ordinary space for the revision's no-break one): they keep the revision's."""



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
            while start > low and new and new[-1].isspace() and \
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


_WORD = re.compile(r"\w+")


def spacing_only(text: str, start: int, end: int, new: str) -> bool:
    """Whether putting ``new`` for ``text[start:end]`` changes nothing a reader sees but
    spaces, and leaves the words apart as they were: one space for two, a no-break space
    for an ordinary one, a line break (Shift+Enter) or a tab for a space, an invisible
    character (a zero-width space) in or out."""
    old, new = on_screen(text[start:end]), on_screen(new)
    if old == new:
        return True  # the same on the screen
    if (old + new).strip(" \t\n"):  # a word or a mark changed, unless only spaces among
        before, after = text[start - 1:start], text[end:end + 1]  # them, no word joined
        return "".join(old.split()) == "".join(new.split()) and \
            _WORD.findall(before + old + after) == _WORD.findall(before + new + after)
    if old and new:
        return True
    return " " in keyboard_spaces(text[start - 1:start] + text[end:end + 1])


def respaced(text: str, start: int, end: int) -> str:
    """The warning for spaces changed at ``text[start:end]``, which no amendment reads."""
    around = " ".join(text[:start].split()[-2:] + text[end:].split()[:2]) if not \
        text[start:end].strip() else " ".join(text[_word_back(text, start):
                                                   _word_on(text, end)].split())
    return (f"the spaces in {_cut(around)} were changed (one for two, a no-break one for an "
            "ordinary one, a line break or a tab for a space, an invisible character in or "
            "out); spacing alone is no amendment, so it was not read")


def retyped(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The one warning for a paragraph's quotation marks or dashes typed otherwise in an
    edited copy (`keyboard_form`), at ``spans`` of ``text`` (in order): the words around
    each, those of marks close together (a pair of quotation marks) shown once."""
    places: list[tuple[int, int]] = []
    for start, end in spans:
        start, end = _word_back(text, start), _word_on(text, end)
        if places and start <= places[-1][1] + 40:  # near the last: one place
            places[-1] = (places[-1][0], end)
        else:
            places.append((start, end))
    around = ", ".join(_cut(" ".join(text[a:b].split())) for a, b in places)
    return (f"the quotation marks or dashes in {around} were typed otherwise (“ ” for "
            "« », a hyphen for a dash, as AutoFormat or an e-mail does) without Track "
            "Changes; typography alone is no amendment, so it was not read and the "
            "draft's stays")


def _cut(text: str) -> str:
    return f"'{text if len(text) <= 60 else text[:57] + '...'}'"  # as quoted()


def _word_back(text: str, start: int, words: int = 2) -> int:
    """Where the ``words``-th word before ``start`` begins (the one ``start`` is in counts)."""
    for _ in range(words):
        start = text.rfind(" ", 0, max(start - 1, 0)) + 1
    return start


def _word_on(text: str, end: int, words: int = 2) -> int:
    """Where the ``words``-th word after ``end`` ends (the one ``end`` is in counts)."""
    for _ in range(words):
        found = text.find(" ", end + 1)
        end = len(text) if found < 0 else found
    return end


def anchor(text: str, point: int) -> Span:
    """The words an insertion at ``point`` goes next to: the previous word (everything back
    to the space before it, so ``"70/1,"``) with whatever lies between it and the point.
    When nothing but spaces comes before the point, the next word, starting at the point:
    the insertion goes before it. An empty ``text`` gives an empty span."""
    if text[:point].strip():
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


def reconcile(pieces: list[RunPiece], target: str) -> list[RunPiece]:
    """``pieces`` changed so that their original text is ``target``: text of the file's
    original that ``target`` lacks becomes an untracked insertion (or nothing, if it was
    tracked as deleted), and text of ``target`` the file lacks an untracked deletion.
    Spaces, quotation marks and dashes are compared as a keyboard types them
    (`keyboard_form`): where the file has an ordinary space for ``target``'s no-break one,
    or “ ” for its « » (or the other way), ``target``'s is kept, in a `RESPACED` piece when
    it is unchanged text. A paragraph's lines (its sub-items) are matched first
    (`line_diff`): an item removed and another added are each whole, never one item's
    words read as put for another's, nor Word's number for an item as text."""
    out: list[RunPiece] = []
    index = offset = at = 0  # at: the position in target

    def skip_inserted() -> None:
        nonlocal index
        while index < len(pieces) and not pieces[index].in_original:
            out.append(pieces[index])
            index += 1

    theirs = original_text(pieces)
    diffs = line_diff(keyboard_form(target), keyboard_form(theirs))  # items: line by line
    for op, text in _typography_apart(_spaces_matched(diffs, target, theirs), target, theirs):
        if op < 0:
            out.append(RunPiece(target[at:at + len(text)], DELETED, kind=UNTRACKED))
            at += len(text)
            continue
        remaining = len(text)
        while remaining:
            skip_inserted()
            piece = pieces[index]
            take = min(remaining, len(piece.text) - offset)
            part = piece.with_text(piece.text[offset:offset + take])
            if op == 0:
                out.extend(_respaced(part, target[at:at + take]))
                at += take
            elif piece.state == NORMAL:
                out.append(RunPiece(part.text, INSERTED, comment_ids=piece.comment_ids,
                                    kind=UNTRACKED))
            offset, remaining = offset + take, remaining - take
            if offset == len(piece.text):
                index, offset = index + 1, 0
    out.extend(pieces[index:])
    return out


def _spaces_matched(diffs: list[tuple[int, str]], target: str,
                    theirs: str) -> list[tuple[int, str]]:
    """``diffs`` of ``target`` into ``theirs`` (made on their keyboard spaces), each
    insertion or deletion that ends with the space it follows moved one space on where
    that pairs the texts' own spaces: words inserted before a French "\u00a0;" are
    " et ..." after "justice", the no-break space still the one before ";" (not a
    no-break space before "et", and an ordinary one read as put for the other)."""
    out = list(diffs)
    mine = yours = 0  # characters of ``target`` and of ``theirs`` passed
    for n, (op, text) in enumerate(out):
        if op and 0 < n < len(out) - 1 and out[n - 1][0] == 0 and out[n + 1][0] == 0 \
                and out[n - 1][1][-1:].isspace() and text[-1:] == out[n - 1][1][-1:]:
            now, then = (target[mine - 1], theirs[yours - 1])  # paired, and once moved:
            moved = (target[mine - 1], theirs[yours + len(text) - 1]) if op > 0 else \
                (target[mine + len(text) - 1], theirs[yours - 1])
            if now != then and moved[0] == moved[1]:
                out[n - 1] = (0, out[n - 1][1][:-1])
                out[n] = (op, text[-1] + text[:-1])
                out[n + 1] = (0, text[-1] + out[n + 1][1])
                text = out[n][1]
                mine, yours = mine - 1, yours - 1  # the space is the change's now
        mine += len(text) if op <= 0 else 0
        yours += len(text) if op >= 0 else 0
    return [(op, text) for op, text in out if text]


def _typography_apart(diffs: list[tuple[int, str]], target: str,
                      theirs: str) -> list[tuple[int, str]]:
    """``diffs`` with a quotation mark or dash typed otherwise (an equal stretch of the
    keyboard forms whose characters differ) split off as a change where it touches a
    change of marks or spaces alone: "--" typed as "—" is the dash replaced ("--" ->
    "—"), not one hyphen kept as typography and the other deleted (which gave "-", in
    neither text); « word » typed “word” is "« " replaced, not its spaces deleted
    around the draft's «». Beside new words, the mark stays typography."""
    out: list[tuple[int, str]] = []
    mine = yours = 0
    for n, (op, text) in enumerate(diffs):
        if op:
            out.append((op, text))
            mine += len(text) if op < 0 else 0
            yours += len(text) if op > 0 else 0
            continue
        lead = int(n > 0 and _marks_only(diffs[n - 1]) and target[mine] != theirs[yours])
        last = len(text) - 1
        trail = int(n + 1 < len(diffs) and _marks_only(diffs[n + 1]) and last >= lead
                    and target[mine + last] != theirs[yours + last])
        out += [(-1, text[:1]), (1, text[:1])] if lead else []
        if middle := text[lead:len(text) - trail]:
            out.append((0, middle))
        out += [(-1, text[-1:]), (1, text[-1:])] if trail else []
        mine, yours = mine + len(text), yours + len(text)
    return out


def _marks_only(diff: tuple[int, str]) -> bool:
    """Whether ``diff`` changes nothing but spaces, quotation marks and dashes (in their
    keyboard form): the rest of a typographic change beside it, not words."""
    op, text = diff
    return op != 0 and not text.strip(" \t\n\"'-")


def _respaced(part: RunPiece, expected: str) -> list[RunPiece]:
    """``part`` (the same as ``expected`` but for the kind of its spaces) with
    ``expected``'s spaces: the stretches that differ split off, `RESPACED` if unchanged."""
    if part.text == expected:  # nearly always
        return [part]
    out, start = [], 0
    for end in range(1, len(expected) + 1):
        if end == len(expected) or \
                (part.text[end] == expected[end]) != (part.text[start] == expected[start]):
            if part.text[start] == expected[start]:
                out.append(part.with_text(expected[start:end]))
            else:
                kind = RESPACED if part.state == NORMAL else part.kind
                out.append(replace(part.with_text(expected[start:end]), kind=kind))
            start = end
    return out


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


