"""What a copy of the merged draft did, untracked, to the proposals it showed: one it
accepted (its words made with no tracked change) is named in a warning, never proposed
again in the sender's name (`accepted`), and so is one it rejected (`rejected`), never
recorded as opposition: found by the proposals it still shows, or by the comments the
merged draft wrote on them (`merged_comments`), which stay when Word rejects a change."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Revision
from drafting.ooxml.comments import Comment
from drafting.readers.accepted_shown import accepted_shown
from drafting.readers.copy_comments import merged_author
from drafting.readers.merged_copies import effect, made_together
from drafting.readers.result import ReadWarning
from drafting.wording import describe

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind


def accepted(drafts: list[Draft], target: Revision,
              proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
              delegation: str | None, authors: Mapping[str, str] | None,
              shown: set[str] | None = None) -> list[Draft]:
    """``drafts`` but the untracked ones that are a pending proposal of another delegation
    than those the file is read for (the copy accepted it): each named in a warning,
    neither proposed again nor read as support; ``shown`` takes their ids. Those that
    are the sender's own pending proposals are left out beside others' (the merged draft
    with changes accepted in Word); a file holding nothing else is its own copy sent
    again, kept whole for the store to call it so."""
    mine = {delegation, *(authors or {}).values()}
    kept: list[Draft] = []
    own: list[tuple[list[Draft], list[Amendment]]] = []
    sender = delegation or "the sender"
    drafts, others = accepted_shown(drafts, target, proposed, warnings, sender, shown)
    for ones, same in _made(drafts, target, proposed):
        if not same:
            kept += ones
            continue
        if shown is not None:
            shown.update(a.id for a in same)
        if any(mine & set(a.proponents) for a in same):  # its own, accepted in Word
            own.append((ones, same))
            continue
        others = True
        ids = ", ".join(f"{a.id} of {', '.join(a.proponents)}" for a in same)
        warnings.append(ReadWarning(ones[0].where, (
            f"the text reads as the pending {ids} ({_described(same)}) would make it, "
            f"with no tracked change: this copy accepted it. It is not proposed again in "
            f"{sender}'s name, nor read as {sender}'s support (to support it: drafting "
            f"support {same[0].id} --delegation {delegation or 'CODE'})")))
    if own and not kept and not others:
        return [draft for ones, _ in own for draft in ones]
    for ones, same in own:
        ids = ", ".join(a.id for a in same)
        warnings.append(ReadWarning(ones[0].where, (
            f"the text reads as {sender}'s own pending {ids} ({_described(same)}) would "
            "make it, with no tracked change: pending already, not proposed again")))
    return kept


def _described(same: Sequence[Amendment]) -> str:
    """What the pending proposals ``same`` do, each different change once."""
    return "; ".join(dict.fromkeys(describe(a) for a in same))


def _made(drafts: list[Draft], target: Revision, proposed: Mapping[str, Sequence[Amendment]],
          ) -> list[tuple[list[Draft], list[Amendment]]]:
    """``drafts`` in order, each with the pending proposals it makes ([] for none); the
    untracked changes of a paragraph that make, all together, what some of its pending
    proposals do together (the words a diff draws apart, "(3) Inputs" over "(3)
    Findings" where an item was inserted and another deleted), as one, at the first."""
    units = [([draft], _pending_made(draft, target, proposed)) for draft in drafts]
    plain: dict[str, list[Draft]] = {}
    alone: set[str] = set()  # paragraphs with a change that no proposal makes alone
    for draft, (_, same) in zip(drafts, units, strict=True):
        if draft.author is None and draft.kind in SPAN_KINDS and draft.span is not None:
            plain.setdefault(draft.paragraph.id, []).append(draft)
            if not same:
                alone.add(draft.paragraph.id)
    grouped: dict[int, list[Amendment]] = {}
    for pid, ones in plain.items():
        same = made_together(ones, _pending(pid, target, proposed)) \
            if pid in alone and len(ones) > 1 else []
        if same:
            grouped.update({id(draft): [] for draft in ones})
            grouped[id(ones[0])] = same
    out: list[tuple[list[Draft], list[Amendment]]] = []
    for draft, unit in zip(drafts, units, strict=True):
        if id(draft) not in grouped:
            out.append(unit)
        elif grouped[id(draft)]:
            out.append((plain[draft.paragraph.id], grouped[id(draft)]))
    return out


def _pending(pid: str, target: Revision, proposed: Mapping[str, Sequence[Amendment]],
             ) -> list[Amendment]:
    """The pending proposals of paragraph ``pid`` of ``target``, sub-amendments aside."""
    return [a for a in proposed.get(pid, ()) if a.revision == target.label and not a.amends]


def _pending_made(draft: Draft, target: Revision,
                  proposed: Mapping[str, Sequence[Amendment]]) -> list[Amendment]:
    """The pending proposals an untracked ``draft`` makes, as they would make it."""
    text = draft.paragraph.text
    gone = draft.kind is AmendmentKind.DELETE_PARAGRAPH  # the paragraph deleted
    new = draft.kind is AmendmentKind.NEW_PARAGRAPH  # one proposed after it
    if draft.author is not None or (not gone and not new and (
            draft.kind not in SPAN_KINDS or draft.span is None)):
        return []
    pending = _pending(draft.paragraph.id, target, proposed)
    same = [a for a in pending
            if (a.kind is AmendmentKind.DELETE_PARAGRAPH if gone else
                a.kind is AmendmentKind.NEW_PARAGRAPH and a.precedes == (draft.span is not None)
                and " ".join(a.new_text.split()) == " ".join(draft.new_text.split())
                if new else
                a.kind in SPAN_KINDS and a.span is not None
                and effect(a, text) == effect(draft, text))]
    return same if same or gone or new else made_together([draft], pending)


def merged_comments(comments: Mapping[str, Comment],
                    proposed: Callable[[], Mapping[str, Sequence[Amendment]]],
                    mine: Collection[str | None] = ()) -> dict[str, str]:
    """The comments of a copy that the merged draft wrote (comment id -> amendment id):
    a pending proposal's reason, word for word, by its proponents (the merged draft
    writes each proposal's reason as a comment by "EU" or "EU, G77"). A copy holding
    one is a copy of the merged draft, whether or not it still shows the change: it
    rejected what it no longer shows. The pending proposals (``proposed``) are asked
    for only where a comment's author reads as the codes of other delegations than
    those the file is read for (``mine``)."""
    coded = {key: codes for key, comment in comments.items()
             if (codes := merged_author(comment.author)) and not codes <= set(mine)}
    if not coded:
        return {}
    reasons: dict[tuple[str, frozenset[str]], str] = {}
    for pending in proposed().values():
        for amendment in pending:
            if amendment.reason and not amendment.amends:
                key = (" ".join(amendment.reason.split()), frozenset(amendment.proponents))
                reasons.setdefault(key, amendment.id)
    found: dict[str, str] = {}
    for key, codes in coded.items():
        text = " ".join(comments[key].text.split())
        if (made := reasons.get((text, frozenset(codes)))) is not None:
            found[key] = made
    return found


def rejected(shown: set[str], target: Revision, proposed: Mapping[str, Sequence[Amendment]],
             warnings: list[ReadWarning], name: str, delegation: str | None,
             authors: Mapping[str, str] | None, symbol: str,
             commented: Collection[str] = ()) -> None:
    """A warning for each pending proposal of another delegation that a copy of the
    merged draft (one showing some, ``shown``: ids, or holding the merged draft's
    comments on some, ``commented``: `merged_comments`) does not show: where it shows
    one proposed after it, or its comment, the merged draft tracked it, so the copy
    rejected it; a later one too, unless the merged draft was written before it (the
    copy cannot tell). A rejection in a copy is no one's proposal, nor recorded as
    opposition; the warning names the command that records that. None for a retain (the
    merged draft tracks none), a sub-amendment, or a proposal in a paragraph whose
    deletion the copy shows."""
    latest = max((_number(i) for i in {*shown, *commented}), default=0)
    mine = {delegation, *(authors or {}).values()} - {None}
    sender = next(iter(mine)) if len(mine) == 1 else "CODE"
    labels = {p.id: p.label for p in target}
    every = [a for pending in proposed.values() for a in pending]
    deleted = {a.paragraph_id for a in every  # others' changes nest in it, unread
               if a.id in shown and a.kind is _K.DELETE_PARAGRAPH}
    for amendment in every:
        if amendment.id in shown or amendment.revision != target.label or \
                amendment.paragraph_id in deleted or \
                amendment.amends or amendment.kind is _K.RETAIN or \
                mine & set(amendment.proponents) or not latest or \
                amendment.paragraph_id not in labels:
            continue
        label = labels[amendment.paragraph_id]
        who = ", ".join(amendment.proponents)
        tracked = amendment.id in commented or 0 < _number(amendment.id) < latest
        how = ", which the merged draft tracks, is not in this copy: the copy rejected " \
            "it" if tracked else " is not in this copy: the copy rejected it, unless the " \
            "merged draft was written before it was proposed"
        warnings.append(ReadWarning(f"{name} ({label})", (
            f"{who}'s pending {amendment.id} ({describe(amendment)}){how}. That is not "
            f"recorded: a "
            f"rejection in a copy is not read as {sender}'s opposition "
            f"({_opposing(amendment, label, sender, symbol)})")))


def _opposing(amendment: Amendment, label: str, sender: str, symbol: str) -> str:
    """How ``sender`` records its opposition to ``amendment``: a retain of the paragraph
    (``label``) it changes; for a proposed new paragraph, which has no text of the
    paragraph to retain, an amendment to it striking its words."""
    command = f"drafting amend {shlex.quote(symbol)}"
    if amendment.kind is _K.NEW_PARAGRAPH:
        return (f"a new paragraph takes no --retain; to oppose it, amend {amendment.id} to "
                f"strike its words: {command} {amendment.id} --delegation {sender} --delete "
                f"{shlex.quote(amendment.new_text)}")
    return f"to record it: {command} {shlex.quote(label)} --delegation {sender} --retain"


def _number(amendment_id: str) -> int:
    """The number of an amendment id ("A12": 12; 0 for another id): the order proposals
    were made in."""
    digits = amendment_id[1:]
    return int(digits) if amendment_id[:1] in "Aa" and digits.isdigit() else 0
