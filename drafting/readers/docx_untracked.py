"""Where a Word copy's text differs from the revision's without Track Changes.

`reconcile` turns a paragraph's untracked differences from the revision's text into
changes (`UNTRACKED` pieces), keeping the revision's spaces, quotation marks and dashes
where the copy typed them otherwise (`RESPACED` pieces); `spacing_only`, `respaced` and
`retyped` tell the changes of spaces or typography alone, which no amendment reads, and
word the warnings about them. Pure functions on text; no Word here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from drafting.characters import keyboard_form, keyboard_spaces, on_screen
from drafting.engine.sublists import line_diff
from drafting.lazy_re import lazy_compile
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece, original_text

UNTRACKED = "untracked"
"""The ``kind`` of pieces that differ from the revision without a tracked change."""
RESPACED = "respaced"
"""The ``kind`` of unchanged pieces whose spaces an edited copy typed otherwise (an
ordinary space for the revision's no-break one): they keep the revision's."""

_WORD = lazy_compile(r"\w+")


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

def reconcile(pieces: list[RunPiece], target: str) -> list[RunPiece]:
    """``pieces`` changed so that their original text is ``target``: text of the file's
    original that ``target`` lacks becomes an untracked insertion (or nothing, if it was
    tracked as deleted), and text of ``target`` the file lacks an untracked deletion.
    Spaces, quotation marks and dashes are compared as a keyboard types them
    (`keyboard_form`): where the file has an ordinary space for ``target``'s no-break one,
    or “ ” for its « » (or the other way), ``target``'s is kept, in a `RESPACED` piece when
    it is unchanged text. A paragraph's lines (its sub-items) are matched first
    (`line_diff`): an item removed and another added are each whole, never one item's
    words read as put for another's, nor Word's number for an item as text. A space
    typed untracked beside a tracked insertion that has none there goes with it
    (`_spaces_joined`)."""
    out: list[RunPiece] = []
    index = offset = at = 0  # at: the position in target

    def skip_inserted() -> None:
        nonlocal index
        while index < len(pieces) and not pieces[index].in_original:
            out.append(pieces[index])
            index += 1

    theirs = original_text(pieces)
    diffs = line_diff(keyboard_form(target), keyboard_form(theirs))  # items: line by line
    diffs = _spaces_matched(_spaces_kept(diffs), target, theirs)
    for op, text in _typography_apart(diffs, target, theirs):
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
    return _spaces_joined(out)


def _spaces_kept(diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``diffs`` with the spaces that a deletion of spaces and an insertion of spaces
    beside it share kept as unchanged text: one space put for by two (" " -> "  ", as a
    word diff reads them) is one space kept and one typed, not both typed anew."""
    out: list[tuple[int, str]] = []
    for op, text in diffs:
        last = out[-1] if out else (0, "")
        if op and last[0] == -op and not (text + last[1]).strip():
            shared = next((k for k, (a, b) in enumerate(zip(text, last[1], strict=False))
                           if a != b), min(len(text), len(last[1])))
            out[-1:] = [(0, text[:shared]), (last[0], last[1][shared:]), (op, text[shared:])]
        else:
            out.append((op, text))
    joined: list[tuple[int, str]] = []  # neighbouring unchanged stretches made one
    for op, text in (diff for diff in out if diff[1]):
        if op == 0 and joined and joined[-1][0] == 0:
            joined[-1] = (0, joined[-1][1] + text)
        else:
            joined.append((op, text))
    return joined


def _spaces_joined(pieces: list[RunPiece]) -> list[RunPiece]:
    """``pieces`` with each untracked space (or run of spaces) that keeps a tracked
    insertion apart from the next or the previous word made part of that insertion:
    pandoc, keeping the changes, writes "on", " ", inserted "sustainable", " ", "small",
    so the copy's original has two spaces where the draft has one, and the space read
    as typed untracked is the one the inserted word needs (" sustainable", never
    "sustainablesmall")."""
    out = list(pieces)
    for n, piece in enumerate(out):
        if piece.kind != UNTRACKED or piece.state != INSERTED or piece.text.strip():
            continue
        before, after = out[n - 1] if n else None, out[n + 1] if n + 1 < len(out) else None
        for near, far, side in ((before, after, -1), (after, before, 0)):
            if _tracked_insertion(near) and _word_at(near, side) and \
                    _word_at(far, -1 - side):
                out[n] = near.with_text(piece.text)
                break
    return out


def _tracked_insertion(piece: RunPiece | None) -> bool:
    """Whether ``piece`` is text inserted with Track Changes (and not deleted again)."""
    return piece is not None and piece.state == INSERTED and piece.kind != UNTRACKED \
        and not piece.cancelled


def _word_at(piece: RunPiece | None, side: int) -> bool:
    """Whether ``piece`` is in the text with the changes accepted and its character at
    ``side`` (0: the first, -1: the last) is no space."""
    return piece is not None and piece.in_proposed and piece.text[side:][:1].strip() != ""


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
