"""A copy of the merged draft whose answer touches the proposals tracked in it
(`on_proposals`): words typed after the words a proposal tracks, or in them, and words
struck out of them, amend that proposal; a proposal changed in the copy is no one's
proposal (the file is refused, saying how to amend it). What the copy accepted or
rejected untracked is `drafting.readers.copy_answers`'; the proposals tracked as they
were merged are `drafting.readers.merged_copies`'."""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from drafting.engine.anchoring import word_diff
from drafting.errors import InputError, ReaderError
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Revision, Span
from drafting.model.amendment import AMENDABLE_KINDS
from drafting.readers.copy_answers import accepted
from drafting.readers.copy_text import quoted
from drafting.readers.docx_changes import anchor
from drafting.readers.merged_copies import already_proposed, by_codes
from drafting.readers.proposal_words import (
    joined_edits,
    sender_of,
    shifted,
    struck_from,
    typed_into,
    unstruck,
)
from drafting.readers.result import ReadWarning
from drafting.wording import describe

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind
_EDITS = frozenset({_K.REPLACE, _K.DELETE, _K.INSERT})
_AMEND = "drafting amend {symbol} {id} --delegation {code}"

def on_proposals(drafts: list[Draft], target: Revision,
                 proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
                 delegation: str | None, authors: Mapping[str, str] | None,
                 symbol: str = "<document>", shown: set[str] | None = None) -> list[Draft]:
    """``drafts`` read against the pending proposals (``proposed``, by paragraph id) that
    a copy of the merged draft tracks by delegation codes (of the document ``symbol``,
    for the commands its messages show).

    Words another author inserted after words a pending proposal tracks, or between its
    deletion and its words (``'two-day'`` then ``' or three-day'``), amend that proposal
    (`Draft.amends`, quoting its words): read on the text, they would follow words the
    proposal replaces. The proposal's pieces they split are one change again, for
    `not_proposed`. A pending proposal of another delegation made in the copy without a
    tracked change (accepted there) is left out with a warning that names it.

    ReaderError, naming the change, the pending proposal and how to amend it, for words
    inserted in tracked words that are no pending proposal as they stand, and for a
    change tracked by delegation codes that differs from their pending proposal at that
    place: it was changed in the copy, and is no one's proposal as it stands."""
    drafts = [part for draft in drafts
              for part in _typed_in(draft, target, proposed, delegation, authors)]
    kept: list[Draft] = []
    for run in _runs(drafts, delegation, authors):
        kept += _amending(run, target, proposed, delegation, authors, symbol)
    kept = unstruck(kept, warnings)  # struck in words that are no pending proposal
    for draft in kept:
        if by_codes(draft, delegation, authors, own=True) and \
                not already_proposed(draft, target, proposed):
            pending = _near(draft, target, proposed)
            if pending is not None:
                raise ReaderError(_changed(draft, pending, f"the change tracked by "
                                           f"{draft.author} ({_describe(draft)}) is",
                                           sender_of(pending, delegation, authors), symbol))
    return accepted(kept, target, proposed, warnings, delegation, authors, shown,
                    merged=True)  # tracked by delegation codes: as the merged draft


def own_amended(drafts: Sequence[Draft], codes: Sequence[str | None]) -> None:
    """ReaderError for words a delegation typed in its own pending proposal, or struck
    out of it (``codes``: each draft's delegation): one amends its own proposal by
    proposing it again."""
    for draft, code in zip(drafts, codes, strict=True):
        if draft.amends is not None and code in draft.amends.proponents:
            done = f"{quoted(draft.new_text)} is typed in" if draft.kind is _K.INSERT else \
                f"{quoted(draft.old_text)} is struck out of"
            raise ReaderError(
                f"{draft.where}: {done} {code}'s own pending proposal {draft.amends.id} "
                f"({describe(draft.amends)}); a delegation does not amend its own proposal: "
                f"withdraw {draft.amends.id} (drafting withdraw {draft.amends.id} "
                f"--delegation {code}) and propose it again as it should read")


def _typed_in(draft: Draft, target: Revision, proposed: Mapping[str, Sequence[Amendment]],
              delegation: str | None, authors: Mapping[str, str] | None) -> list[Draft]:
    """``draft``, a new paragraph typed by several authors (or another's, words struck
    out of it), as the pending new paragraph the words of the first author reading as
    another delegation's codes make, and the words others typed in it, or struck out of
    it, as amendments to that proposal; [``draft``] where they make no pending proposal
    (it was changed in the copy) or it is one author's."""
    names = [author for author, _, _ in draft.typed] or \
        ([draft.author] if draft.struck and draft.kind is _K.NEW_PARAGRAPH else [])
    owner = next((name for name in names if by_codes(replace(draft, author=name),
                                                     delegation, authors)), None)
    if owner is None:
        return [draft]
    typed = draft.typed or ((owner, draft.date, draft.new_text),)
    words = "".join(text for author, _, text in typed if author == owner)
    whole = replace(draft, author=owner, new_text=words.strip(), typed=(), struck=())
    parent = next((a for a in already_proposed(whole, target, proposed)
                   if a.kind in AMENDABLE_KINDS), None)
    if parent is None or parent.new_text != whole.new_text:
        return [draft]
    out, at, full = [whole], -(len(words) - len(words.lstrip())), 0
    for author, date, text in typed:
        if author == owner:
            struck = tuple(replace(s, at=s.at - full) for s in draft.struck
                           if full <= s.at < full + len(text))
            out += struck_from(replace(draft, struck=struck), parent, at)
            at += len(text)
        else:
            out.append(typed_into(replace(draft, author=author, date=date, new_text=text),
                                  parent, max(at, 0)))
        full += len(text)
    return joined_edits(out)


def _runs(drafts: list[Draft], delegation: str | None, authors: Mapping[str, str] | None
          ) -> list[list[Draft]]:
    """``drafts`` in runs of changes to one paragraph that touch (each starts where the
    one before it ends), a new run where the tracked codes change ("EU" then "G77"):
    words typed after one delegation's proposal go with it, not with the next."""
    runs: list[list[Draft]] = []
    codes: str | None = None  # the Word author of the run's proposal
    for draft in drafts:
        last = runs[-1][-1] if runs else None
        mine = by_codes(draft, delegation, authors)  # the sender's own code does not split
        if last is not None and _edit(last) and _edit(draft) and \
                last.paragraph is draft.paragraph and draft.span.start == last.span.end \
                and not (mine and codes not in (None, draft.author)):  # type: ignore[union-attr]
            runs[-1].append(draft)
        else:
            runs.append([draft])
            codes = None
        codes = draft.author if mine else codes
    return runs


def _edit(draft: Draft) -> bool:
    """Whether ``draft`` replaces, deletes or inserts words at a place of its paragraph."""
    return draft.kind in _EDITS and draft.span is not None


def _amending(run: list[Draft], target: Revision, proposed: Mapping[str, Sequence[Amendment]],
              delegation: str | None, authors: Mapping[str, str] | None, symbol: str,
              ) -> list[Draft]:
    """``run`` with the words others typed in the words of the pending proposal tracked
    there, or struck out of them, made amendments to it, and that proposal's pieces
    joined. Words struck in words that are no pending proposal are left to be read as
    before."""
    codes = _proposal(run, delegation, authors)
    inside = [d for d in _inside(run, codes) if not already_proposed(d, target, proposed)]
    if not inside and not any(d.struck for d in codes):
        return run
    whole = _joined(codes)
    found = already_proposed(whole, target, proposed) if whole is not None else []
    parent = next((a for a in found if a.kind in AMENDABLE_KINDS), None)
    shift = _shift(whole, parent) if whole is not None and parent is not None else None
    if parent is None or shift is None or whole is None:
        if not inside:
            return run
        raise ReaderError(_unplaced(inside[0], codes, run, target, proposed,
                                    delegation, authors, symbol))
    out, words = [], 0
    for draft in run:
        if any(draft is d for d in codes):
            out += [replace(whole, struck=())] if draft is codes[0] else []
            out += struck_from(draft, parent, shift + words)
            words += len(draft.new_text)
        elif any(draft is d for d in inside):
            out.append(typed_into(draft, parent, shift + words))
        else:
            out.append(draft)
    return joined_edits(out)


def _proposal(run: list[Draft], delegation: str | None, authors: Mapping[str, str] | None,
              ) -> list[Draft]:
    """The drafts of ``run`` that track a pending proposal's words: those by the first
    author reading as another delegation's codes; else (the sender's own proposal, typed
    in) by its own code. The sender's own words, tracked by its own code ("CHN" typing in
    the EU's words), are not the proposal's."""
    others = [d for d in run if by_codes(d, delegation, authors)]
    if others:
        return [d for d in run if d.author == others[0].author]
    return [d for d in run if by_codes(d, delegation, authors, own=True)]


def _inside(run: list[Draft], codes: list[Draft]) -> list[Draft]:
    """The insertions of others in ``run`` that follow words the ``codes`` drafts track,
    or come after their deletion: in their words, not in the text's. None where the codes
    only delete (no words of theirs to follow)."""
    if len(run) < 2 or not any(d.new_text for d in codes):
        return []  # alone, or only deleting
    start = codes[0].span.start  # type: ignore[union-attr]
    found, words = [], 0
    for draft in run:
        if any(draft is d for d in codes):
            words += len(draft.new_text)
        elif draft.kind is _K.INSERT and (words or draft.span.start > start):  # type: ignore[union-attr]
            found.append(draft)
    return found


def _joined(drafts: list[Draft], *, authors: bool = False) -> Draft | None:
    """``drafts`` (touching changes to one paragraph, in order, by one author, or with
    ``authors`` by several) as one change; None where they do not follow on from one
    another."""
    if not drafts or (len({d.author for d in drafts}) > 1 and not authors) or any(
            two.span.start != one.span.end  # type: ignore[union-attr]
            for one, two in pairwise(drafts)):
        return None
    first = drafts[0]
    if len(drafts) == 1:
        return first
    text = first.paragraph.text
    start, end = first.span.start, drafts[-1].span.end  # type: ignore[union-attr]
    new = "".join(d.new_text for d in drafts)
    reason = "; ".join(dict.fromkeys(d.reason for d in drafts if d.reason))
    before = [sum(len(d.new_text) for d in drafts[:k]) for k in range(len(drafts))]
    first = replace(first, struck=tuple(s for d, at in zip(drafts, before, strict=True)
                                        for s in shifted(d.struck, at)))
    if start == end:
        around = anchor(text, start)
        return replace(first, kind=_K.INSERT, span=Span(start, end), anchor=around,
                       old_text=text[around.start:around.end], new_text=new, reason=reason)
    return replace(first, kind=_K.REPLACE if new else _K.DELETE, span=Span(start, end),
                   anchor=None, old_text=text[start:end], new_text=new, reason=reason)


def _shift(whole: Draft, parent: Amendment) -> int | None:
    """Where ``whole``'s words (the same change as ``parent``, its span drawn otherwise:
    "biennially" for "report biennially") start in ``parent``'s; None if they are not there."""
    assert whole.span is not None and parent.span is not None
    shift = whole.span.start - parent.span.start
    words = whole.new_text
    return shift if shift >= 0 and parent.new_text[shift:shift + len(words)] == words \
        else None


def _near(draft: Draft, target: Revision, proposed: Mapping[str, Sequence[Amendment]]
          ) -> Amendment | None:
    """The pending proposal, of a delegation ``draft``'s Word author names, that ``draft``
    stands where (the words it changes, or touches; the same whole-paragraph change to the
    same paragraph), the most like it first; None when there is none."""
    names = {name.strip() for name in (draft.author or "").split(",")}
    found = [a for a in proposed.get(draft.paragraph.id, ()) if a.revision == target.label
             and not a.amends and names & set(a.proponents) and _same_place(draft, a)]
    return max(found, key=lambda a: (a.kind is draft.kind, _alike(a.new_text, draft.new_text)),
               default=None)


def _same_place(draft: Draft, pending: Amendment) -> bool:
    """Whether ``pending`` changes (or touches) the words ``draft`` changes, or is the
    same whole-paragraph change as ``draft`` (a new paragraph after the same one)."""
    if draft.kind in SPAN_KINDS and pending.kind in SPAN_KINDS:
        one, two = draft.span, pending.span
        return one is not None and two is not None and two.start <= one.end and \
            one.start <= two.end
    return draft.kind is pending.kind and draft.span == pending.span


def _alike(one: str, two: str) -> int:
    """How many words ``one`` and ``two`` share (a rough likeness, to choose among a few)."""
    return len(set(one.split()) & set(two.split()))


def _unplaced(draft: Draft, codes: list[Draft], run: list[Draft], target: Revision,
              proposed: Mapping[str, Sequence[Amendment]], delegation: str | None,
              authors: Mapping[str, str] | None, symbol: str) -> str:
    """Why ``draft``, typed in words ``codes`` track, cannot be read: the words are no
    pending proposal as they stand (changed in the copy, or no one's)."""
    whole = _joined(run, authors=True)
    pending = _near(codes[0], target, proposed)
    what = (f"{quoted(draft.new_text)} is typed by {draft.author or 'an unnamed author'} "
            f"in the words tracked by {codes[0].author}")
    if pending is not None:
        return _changed(whole or draft, pending, f"{what}, which are",
                        sender_of(pending, delegation, authors), symbol)
    return (f"{draft.where}: {what}, cannot be read: those words are no pending proposal "
            f"of {codes[0].author}'s as they stand, and read on the text it would follow "
            "words the text does not have; accept or reject the tracked changes around it, "
            "or send the change on the clean draft")


def _changed(draft: Draft, pending: Amendment, what: str, sender: str, symbol: str) -> str:
    """The refusal of a copy where ``what`` changed ``pending`` (``draft``: the change the
    copy makes at its place): no one's proposal as it stands; how ``sender`` (a code, or
    "CODE") amends it."""
    who = ", ".join(pending.proponents)
    if sender in pending.proponents:  # its own: withdrawn and proposed again, not amended
        return (f"{draft.where}: {what} not {sender}'s own pending {pending.id} "
                f"({describe(pending)}) as it stands: it was changed in this copy. A "
                f"delegation does not amend its own proposal: withdraw {pending.id} "
                f"(drafting withdraw {pending.id} --delegation {sender}) and propose it "
                "again as it should read, or send the copy again with the edits in "
                f"{pending.id} rejected")
    command = _AMEND.format(symbol=shlex.quote(symbol), id=pending.id, code=sender)
    advice = _advice(draft, pending, command) or f"{command} with --replace OLD --with NEW, " \
        "--insert NEW --after WORDS or --delete OLD (the words of the proposal)"
    return (f"{draft.where}: {what} not {who}'s pending {pending.id} "
            f"({describe(pending)}) as it stands: it was changed in this copy, so it is no "
            f"one's proposal (read as {who}'s, it would put in {who}'s name words {who} did "
            f"not propose). Propose the change as an amendment to {pending.id}: {advice}; or "
            f"send it on the clean draft. Then send the copy again with the edits in "
            f"{pending.id} rejected")


def _advice(draft: Draft, pending: Amendment, command: str) -> str:
    """The `drafting amend` of ``pending`` that makes its words what ``draft`` (the copy's
    change at its place) proposes; "" when the copy changed words beyond them."""
    words = _words_in_copy(draft, pending)
    if words is None or words == pending.new_text:
        return ""
    old_words = pending.new_text
    try:
        ops = word_diff(old_words, words)
    except InputError:
        return ""
    changed = [k for k, (op, _) in enumerate(ops) if op]
    first, last = changed[0], changed[-1]
    at = sum(len(t) for op, t in ops[:first] if op <= 0)
    old = "".join(t for op, t in ops[first:last + 1] if op <= 0)
    new = "".join(t for op, t in ops[first:last + 1] if op >= 0)
    if not old:
        around = anchor(old_words, at)
        side = "--after" if around.start < at else "--before"
        return (f"{command} --insert {shlex.quote(new)} {side} "
                f"{shlex.quote(old_words[around.start:around.end].strip())}")
    if not new:
        return f"{command} --delete {shlex.quote(old)}"
    return f"{command} --replace {shlex.quote(old)} --with {shlex.quote(new)}"


def _words_in_copy(draft: Draft, pending: Amendment) -> str | None:
    """The words the copy has where ``pending`` proposes its words: ``draft``'s, set in
    the text ``pending``'s span changes; None when ``draft`` reaches beyond them."""
    if draft.kind not in SPAN_KINDS or pending.kind not in SPAN_KINDS:
        return draft.new_text if draft.kind is pending.kind else None
    text = draft.paragraph.text
    one, two = draft.span, pending.span
    assert one is not None and two is not None
    if one.start < two.start or one.end > two.end:
        return None
    return text[two.start:one.start] + draft.new_text + text[one.end:two.end] \
        if (one.start, one.end) != (two.start, two.end) else draft.new_text


def _describe(draft: Draft) -> str:
    """What ``draft`` does, as `describe` says it of an amendment."""
    return describe(Amendment(id="", kind=draft.kind, paragraph_id=draft.paragraph.id,
                              revision="", proponents=(), span=draft.span,
                              old_text=draft.old_text, new_text=draft.new_text))
