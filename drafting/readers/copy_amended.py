"""Words typed, untracked, into a pending proposal that a copy of the merged draft
accepted (Accept All, then an edit): the proposal accepted in the copy, and the words
typed in it an amendment to it (`Draft.amends`), as `drafting amend SYMBOL A1 ...`
records one; never the proposal proposed again, whole, in the sender's name
(`amended_accepted`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from drafting.engine.anchoring import word_diff
from drafting.errors import InputError
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Span
from drafting.readers.docx_changes import anchor
from drafting.readers.merged_copies import applied

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind
_WORDS = frozenset({_K.INSERT, _K.REPLACE})
"""Proposals of words on a paragraph's text that another delegation may amend."""
_PLACED = frozenset({*_WORDS, _K.DELETE})
"""Proposals of words on a paragraph's text."""


@dataclass(frozen=True, slots=True)
class Amended:
    """A pending proposal a copy accepted untracked with words typed in it: ``drafts``,
    the copy's changes that make it so, read as ``read`` (the amendments to it, and
    the sender's other changes of the paragraph, on its text), with ``also``."""

    proposal: Amendment
    drafts: tuple[Draft, ...]
    read: tuple[Draft, ...]
    also: tuple[Amendment, ...] = ()
    """The other proposals of the paragraph the copy holds as they were proposed."""


def amended_accepted(drafts: Sequence[Draft], pending: Mapping[str, Sequence[Amendment]],
                     mine: Collection[str | None]) -> list[Amended]:
    """The pending proposals of other delegations than ``mine`` (``pending``: by
    paragraph id, sub-amendments aside) that the untracked ``drafts`` make with words
    typed in them: a new paragraph proposed at the same place whose words are mostly
    the proposal's, or words of a paragraph that hold the proposal's words, mostly kept,
    where it puts them. At most one per paragraph; [] where none."""
    found: list[Amended] = []
    spans: dict[str, list[Draft]] = {}
    for draft in drafts:
        if draft.author is not None or draft.amends is not None:
            continue
        others = [a for a in pending.get(draft.paragraph.id, ())
                  if not set(mine) & set(a.proponents)]
        if draft.kind is _K.NEW_PARAGRAPH:  # each proposal once
            made = next((m for a in others if all(a is not f.proposal for f in found)
                         and (m := _new_amended(draft, a))), None)
            found += [made] if made is not None else []
        elif draft.kind in SPAN_KINDS and draft.span is not None and others:
            spans.setdefault(draft.paragraph.id, []).append(draft)
    for pid, ones in spans.items():
        ones.sort(key=lambda d: d.span.start)  # type: ignore[union-attr]
        others = [a for a in pending[pid] if not set(mine) & set(a.proponents)]
        made = next((m for a in others if (m := _words_amended(ones, a, others))), None)
        found += [made] if made is not None else []
    return found


def _new_amended(draft: Draft, proposal: Amendment) -> Amended | None:
    """``draft`` (an untracked new paragraph) as ``proposal`` (a pending new paragraph
    at the same place) with words typed in it; None where it is not."""
    if proposal.kind is not _K.NEW_PARAGRAPH or \
            proposal.precedes != (draft.span is not None):
        return None
    edits = _edits(proposal.new_text, draft.new_text)
    if not edits:
        return None
    return Amended(proposal, (draft,), tuple(_amending(draft, proposal, edits)))


def _words_amended(ones: list[Draft], proposal: Amendment, others: Sequence[Amendment],
                   ) -> Amended | None:
    """The untracked changes ``ones`` of a paragraph (in order) as ``proposal`` (words
    put in it) with words typed in its words, beside those of the ``others`` (pending,
    of the paragraph) that the copy holds too, and the paragraph's other changes; None
    where they are not."""
    if proposal.kind not in _WORDS or proposal.span is None:
        return None
    text = ones[0].paragraph.text
    made = applied(text, ones)
    if made is None:
        return None
    chosen = _nearest(text, made, proposal, others)
    proposing = applied(text, chosen) or ""
    start = _on_copy(proposal, chosen)
    end = start + len(proposal.new_text)
    try:
        ops = word_diff(proposing, made)
    except InputError:
        return None
    inside, outside, kept, at = [], [], 0, 0
    for first, last, new in _changes(ops, proposing):
        placed = _on_text(first, last, chosen)
        if start <= first and last <= end and not first == last == start:
            inside.append((first - start, last - start, new))
        elif placed is None:
            return None  # across a proposal's words and the text's
        else:
            outside.append((*placed, new))
    for op, part in ops:
        kept += max(0, min(end, at + len(part)) - max(start, at)) if op == 0 else 0
        at += len(part) if op <= 0 else 0
    if not inside or 2 * kept < len(proposal.new_text.strip()):
        return None
    read = [_edit(ones[0], proposal.new_text, Span(a, b), new, proposal)
            for a, b, new in inside]
    read += [_edit(ones[0], text, Span(a, b), new, None) for a, b, new in outside]
    return Amended(proposal, tuple(ones), tuple(read),
                   tuple(a for a in chosen if a is not proposal))


def _nearest(text: str, made: str, proposal: Amendment, others: Sequence[Amendment],
             ) -> list[Amendment]:
    """``proposal`` and those of the ``others`` (proposals of words on ``text``) that
    bring ``text`` nearer ``made`` (the copy's paragraph), each tried in the text's
    order; in that order."""
    chosen = [proposal]
    best = _distance(applied(text, chosen), made)
    words = [a for a in others if a.kind in _PLACED and a.span is not None]
    for other in sorted(words, key=lambda a: (_span(a).start, _span(a).end)):
        if other is proposal or any(_overlap(other, one) for one in chosen):
            continue
        trial = sorted([*chosen, other], key=lambda a: (_span(a).start, _span(a).end))
        near = _distance(applied(text, trial), made)
        if near < best:
            chosen, best = trial, near
    return chosen


def _overlap(one: Amendment, two: Amendment) -> bool:
    """Whether two proposals change, or put words at, the same place."""
    a, b = _span(one), _span(two)
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def _span(amendment: Amendment) -> Span:
    """The span of a proposal of words (one that has one)."""
    assert amendment.span is not None
    return amendment.span


def _distance(one: str | None, two: str) -> int:
    """How many characters a word diff of ``one`` and ``two`` changes (a great many
    where ``one`` is None or they are too different to compare)."""
    try:
        return sum(len(part) for op, part in word_diff(one, two) if op) \
            if one is not None else 1 << 30
    except InputError:
        return 1 << 30


def _on_copy(proposal: Amendment, chosen: Sequence[Amendment]) -> int:
    """Where ``proposal``'s words start in the text as the ``chosen`` proposals make it."""
    return _span(proposal).start + sum(len(a.new_text) - (_span(a).end - _span(a).start)
                                        for a in chosen if _span(a).end <= _span(proposal).start
                                        and a is not proposal)


def _on_text(first: int, last: int, chosen: Sequence[Amendment]) -> tuple[int, int] | None:
    """Where the stretch ``first``-``last`` of the text as the ``chosen`` proposals make it
    stands in the text itself; None where it touches their words."""
    offset = 0
    for amendment in chosen:
        span = _span(amendment)
        words = span.start + offset
        if last <= words:
            break
        if first < words + len(amendment.new_text):
            return None
        offset += len(amendment.new_text) - (span.end - span.start)
    return first - offset, last - offset


def _edits(old: str, new: str) -> list[tuple[int, int, str]]:
    """The changes (start, end in ``old``, words put there) that make ``old`` ``new``,
    word by word, where ``new`` keeps at least half of ``old``'s words; [] otherwise."""
    try:
        ops = word_diff(old, new)
    except InputError:
        return []
    kept = sum(len(part) for op, part in ops if op == 0)
    changes = _changes(ops, old)
    return changes if changes and 2 * kept >= len(old.strip()) else []


def _changes(ops: Sequence[tuple[int, str]], old: str) -> list[tuple[int, int, str]]:
    """Each run of changes of a diff (``ops``) of ``old`` as (start, end in ``old``, the
    new words there); words inserted after a space, a space after them, drawn before
    that space (" annually" typed after "report", not "annually " after "report ")."""
    out: list[tuple[int, int, str]] = []
    at, start, new = 0, None, ""
    for op, part in [*ops, (0, "")]:
        if op < 0 and start is not None and new and start == at:  # typed, then a change
            out.append(_tidied(old, (start, at, new)))
            start = None
        if op and start is None:
            start, new = at, ""
        if op > 0:
            new += part
        elif op < 0:
            at += len(part)
        elif start is not None:
            out.append(_tidied(old, (start, at, new)))
            start = None
        at += len(part) if op == 0 else 0
    return out


def _tidied(old: str, change: tuple[int, int, str]) -> tuple[int, int, str]:
    """``change`` to ``old``, an insertion after a space ending in a space, drawn before
    that space."""
    first, last, new = change
    if first == last and old[first - 1:first] == " " and new.endswith(" ") and \
            not new.startswith(" "):
        return first - 1, first - 1, " " + new[:-1]
    return change


def _amending(draft: Draft, proposal: Amendment, edits: Sequence[tuple[int, int, str]],
              ) -> list[Draft]:
    """``edits`` to ``proposal``'s words, as amendments to it like ``draft``."""
    return [_edit(draft, proposal.new_text, Span(a, b), new, proposal) for a, b, new in edits]


def _edit(draft: Draft, words: str, span: Span, new: str, parent: Amendment | None,
          ) -> Draft:
    """An untracked change like ``draft`` putting ``new`` for ``span`` of ``words``: the
    words of ``parent`` (an amendment to it), or of the paragraph (None)."""
    kind = _K.INSERT if span.start == span.end else _K.REPLACE if new else _K.DELETE
    around = anchor(words, span.start) if kind is _K.INSERT else None
    old = words[around.start:around.end] if around is not None else \
        words[span.start:span.end]
    return replace(draft, kind=kind, span=span, anchor=around, old_text=old, new_text=new,
                   amends=parent, typed=(), struck=())
