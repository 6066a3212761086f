"""Changes a copy of the merged draft makes in the words of a pending proposal it tracks:
words typed in them, and words struck out of them (a ``w:del`` inside another author's
``w:ins``), each an amendment to that proposal (`Draft.amends`, spans in its words).

A deletion inside another author's insertion is *struck*: the copy reader keeps the words
as the inserter's (`restored`), so that the insertion still reads as the proposal it is,
and `struck_in` says where they were struck, and by whom, in a change's new words. Where
no pending proposal takes them, they are read as before (`unstruck`): in neither text, so
no amendment, with a warning."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from drafting.model import Amendment, AmendmentKind, Span
from drafting.ooxml.runs import INSERTED, Change, RunPiece
from drafting.readers.copy_pieces import struck_by
from drafting.readers.copy_text import quoted, who
from drafting.readers.docx_changes import anchor
from drafting.readers.result import ReadWarning

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind


@dataclass(frozen=True, slots=True)
class Struck:
    """Words struck out of a change's new words: where they start in them (``at``), the
    words, and the Word author and date of the deletion."""

    at: int
    words: str
    author: str | None
    date: datetime | None


def struck_in(pieces: Sequence[RunPiece], new: str, prefix: int = 0) -> tuple[Struck, ...]:
    """The words struck in ``pieces`` (a change's), placed in ``new``, its new words as
    read: the inserted words of ``pieces`` after ``prefix`` characters (words around them
    taken in), or, for an insertion moved so that whitespace leads it, turned round by
    ``prefix``; else where they are found in it, in order. () when none are struck."""
    if not any(struck_by(p) for p in pieces):
        return ()
    raw = "".join(p.text for p in pieces if p.state == INSERTED)
    turned = prefix and new[prefix:prefix + len(raw)] != raw
    marks: list[Change | None] = [None] * len(new)
    if turned and new != raw[-prefix:] + raw[:-prefix]:  # not shaped as `shaped` shapes
        return _found(pieces, new, marks)
    at = 0
    for piece in (p for p in pieces if p.state == INSERTED):
        for k in range(at, at + len(piece.text)):
            place = (k + prefix) % len(raw) if turned else k + prefix
            if place < len(new):
                marks[place] = struck_by(piece)
        at += len(piece.text)
    return _stretches(marks, new)


def _found(pieces: Sequence[RunPiece], new: str, marks: list[Change | None],
           ) -> tuple[Struck, ...]:
    """The words struck in ``pieces`` where they are found in ``new``, in order."""
    at = 0
    for piece in pieces:
        if (deletion := struck_by(piece)) is not None and \
                (found := new.find(piece.text, at)) >= 0:
            marks[found:found + len(piece.text)] = [deletion] * len(piece.text)
            at = found + len(piece.text)
    return _stretches(marks, new)


def struck_stripped(pieces: Sequence[RunPiece], text: str) -> tuple[Struck, ...]:
    """The words struck in ``pieces`` placed in ``text``, their proposed words stripped
    (a new paragraph's)."""
    if not any(struck_by(p) for p in pieces):
        return ()
    words = "".join(p.text for p in pieces if p.in_proposed)
    lead = len(words) - len(words.lstrip())
    marks: list[Change | None] = [None] * len(text)
    at = -lead
    for piece in (p for p in pieces if p.in_proposed):
        for k in range(max(at, 0), min(at + len(piece.text), len(text))):
            marks[k] = struck_by(piece)
        at += len(piece.text)
    return _stretches(marks, text)


def _stretches(marks: list[Change | None], text: str) -> tuple[Struck, ...]:
    """Each stretch of ``text`` that one deletion (``marks``, by character) struck."""
    out: list[Struck] = []
    for k, mark in enumerate(marks):
        if mark is None:
            continue
        last = out[-1] if out else None
        if last is not None and last.at + len(last.words) == k and \
                (last.author, last.date) == (mark.author, mark.date):
            out[-1] = replace(last, words=last.words + text[k])
        else:
            out.append(Struck(k, text[k], mark.author, mark.date))
    return tuple(out)


def shifted(struck: tuple[Struck, ...], by: int) -> tuple[Struck, ...]:
    """``struck`` placed ``by`` characters further on."""
    return tuple(replace(s, at=s.at + by) for s in struck)


def neither(where: str, words: str, inserter: str | None, deleter: str | None
            ) -> ReadWarning:
    """The warning on ``words`` one author inserted and another deleted again."""
    return ReadWarning(where, f"{quoted(words)} was inserted by {who(inserter)} and deleted "
                       f"again by {who(deleter)}: it is in neither text, so it is no amendment")


def unstruck(drafts: list[Draft], warnings: list[ReadWarning],
             gone: Callable[[Draft, Struck], bool] | None = None) -> list[Draft]:
    """``drafts`` with the words struck in them (those ``gone`` picks, or all) taken out,
    as the reader reads words inserted and deleted again (in neither text: no
    amendment), with a warning each; a change left with nothing to do is dropped."""
    out: list[Draft] = []
    for draft in drafts:
        cut = tuple(s for s in draft.struck if gone is None or gone(draft, s))
        if not cut:
            out.append(draft)
            continue
        warnings += [neither(draft.where, s.words, draft.author, s.author) for s in cut]
        kept = _without(draft, cut)
        if kept is not None:
            out.append(kept)
    return out


def _without(draft: Draft, cut: tuple[Struck, ...]) -> Draft | None:
    """``draft`` without the struck words ``cut`` (the others moved back to where they
    are then); None when nothing is left to propose."""
    new, typed = draft.new_text, draft.typed
    for s in sorted(cut, key=lambda s: s.at, reverse=True):
        new = new[:s.at] + new[s.at + len(s.words):]
    if typed:
        typed = _cut_typed(typed, [(s.at, s.at + len(s.words)) for s in cut])
    left = tuple(replace(s, at=s.at - sum(len(c.words) for c in cut if c.at < s.at))
                 for s in draft.struck if s not in cut)
    if draft.kind in (_K.NEW_PARAGRAPH, _K.ALTERNATIVE):
        lead = len(new) - len(new.lstrip())
        return replace(draft, new_text=new.strip(), typed=typed,
                       struck=shifted(left, -lead)) if new.strip() else None
    if draft.kind is _K.INSERT:
        return replace(draft, new_text=new, struck=left) if new else None
    if new == draft.old_text:
        return None
    return replace(draft, kind=_K.REPLACE if new else _K.DELETE, new_text=new, struck=left)


def _cut_typed(typed: tuple[tuple[str | None, datetime | None, str], ...],
               cut: list[tuple[int, int]]) -> tuple[tuple[str | None, datetime | None, str], ...]:
    """A new paragraph's stretches by author (`Draft.typed`) with the characters ``cut``
    (ranges of their words joined) taken out."""
    out, at = [], 0
    for author, date, words in typed:
        kept = "".join(c for k, c in enumerate(words, at)
                       if not any(start <= k < end for start, end in cut))
        at += len(words)
        if kept:
            out.append((author, date, kept))
    return tuple(out)


def typed_into(draft: Draft, parent: Amendment, at: int) -> Draft:
    """``draft``, words typed in ``parent``'s words, as an insertion at ``at`` in them."""
    text = parent.new_text
    around = anchor(text, at)
    return replace(draft, kind=_K.INSERT, span=Span(at, at), anchor=around,
                   old_text=text[around.start:around.end], amends=parent, typed=(), struck=())


def struck_from(draft: Draft, parent: Amendment, at: int) -> list[Draft]:
    """The deletions of the words struck in ``draft``'s new words, which start at ``at``
    in ``parent``'s words: amendments to ``parent`` by whoever struck them."""
    return [replace(draft, kind=_K.DELETE, author=s.author, date=s.date,
                    span=Span(at + s.at, at + s.at + len(s.words)), anchor=None,
                    old_text=s.words, new_text="", reason="", amends=parent, typed=(),
                    struck=()) for s in draft.struck]


def joined_edits(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with a deletion in a proposal's words and the insertion its author typed
    at either end of it, next to it in the file, made one replacement ("day" struck in
    "two-day" and "week" typed after it: day -> week), as `replacements` does on the
    text."""
    out: list[Draft] = []
    for draft in drafts:
        last = out[-1] if out else None
        pair = _pair(last, draft) if last is not None else None
        if pair is not None:
            gone, typed = pair
            out[-1] = replace(gone, kind=_K.REPLACE, new_text=typed.new_text,
                              reason=gone.reason or typed.reason)
        else:
            out.append(draft)
    return out


def _pair(one: Draft, two: Draft) -> tuple[Draft, Draft] | None:
    """(the deletion, the insertion) where ``one`` and ``two`` are both, in one proposal's
    words by one author, the insertion at either end of the deletion."""
    if one.amends is None or two.amends is not one.amends or one.author != two.author:
        return None
    gone, typed = (one, two) if one.kind is _K.DELETE else (two, one)
    if gone.kind is not _K.DELETE or typed.kind is not _K.INSERT or \
            gone.span is None or typed.span is None:
        return None
    return (gone, typed) if typed.span.start in (gone.span.start, gone.span.end) else None


def sender_of(pending: Amendment | None, delegation: str | None,
              authors: Mapping[str, str] | None) -> str:
    """The one delegation the file is read for, other than ``pending``'s proponents
    ("CODE" when there are none or several): whose amendment the advice shows; or the
    proponent itself, where the file is read for it alone."""
    codes = ({delegation} if delegation else set()) | set((authors or {}).values())
    others = codes - (set(pending.proponents) if pending is not None else set())
    if not others and len(codes) == 1:  # the file is its proponent's own
        return codes.pop()
    return others.pop() if len(others) == 1 else "CODE"


def text_edit(symbol: str, label: str, code: str, text: str, span: Span, new: str) -> str:
    """The `drafting amend` that puts ``new`` for ``text[span]`` (a paragraph's text),
    quoting the words an insertion goes next to."""
    command = f"drafting amend {shlex.quote(symbol)} {shlex.quote(label)} --delegation {code}"
    if span.start == span.end:
        around = anchor(text, span.start)
        side = "--after" if around.start < span.start else "--before"
        return (f"{command} --insert {shlex.quote(new)} {side} "
                f"{shlex.quote(text[around.start:around.end].strip())}")
    old = shlex.quote(text[span.start:span.end])
    return f"{command} --replace {old} --with {shlex.quote(new)}" if new else \
        f"{command} --delete {old}"
