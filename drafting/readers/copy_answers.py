"""What a copy of the merged draft did, untracked, to the proposals it showed: one it
accepted (its words made with no tracked change) is named in a warning, never proposed
again in the sender's name (`accepted`), and so is one it rejected (`rejected`), never
recorded as opposition: found by the proposals it still shows, or by the comments the
merged draft wrote on them (`merged_comments`), which stay when Word rejects a change."""

from __future__ import annotations

import shlex
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING

from drafting.brackets import NOTE_MARKER
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, ParagraphKind, Revision
from drafting.ooxml.comments import Comment
from drafting.readers.accepted_paragraphs import paragraphs_accepted
from drafting.readers.accepted_shown import accepted_shown
from drafting.readers.copy_amended import Amended, amended_accepted
from drafting.readers.copy_comments import merged_author
from drafting.readers.copy_flat_notes import gone_note
from drafting.readers.copy_identity import cut_off
from drafting.readers.merged_copies import effect, made_together
from drafting.readers.result import ReadWarning
from drafting.wording import describe

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind


def accepted(drafts: list[Draft], target: Revision,
             proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
             delegation: str | None, authors: Mapping[str, str] | None,
             shown: set[str] | None = None, merged: bool = False) -> list[Draft]:
    """``drafts`` but the untracked ones that are a pending proposal of another delegation
    than those the file is read for (the copy accepted it): each named in a warning,
    neither proposed again nor read as support; ``shown`` takes their ids. Words typed
    untracked in such a proposal amend it (`amended_accepted`), paragraphs moved as
    proposed are those proposals (`paragraphs_accepted`), and the footnote a deletion
    of its marker takes away goes with it. Those that are the sender's own pending
    proposals are left out beside others' (the merged draft with changes accepted in
    Word); a file holding nothing else is its own copy sent again, kept whole for the
    store to call it so. Only a copy of the merged draft shows proposals to accept: one
    that shows or says it is (``merged``: the merged draft's comments, tracked changes or
    mark, `MERGED_DRAFT`; its brackets of alternatives) is read so; in another, however
    many of its changes are others' proposals, each is the sender's too, credited to
    both (how many coincide says nothing of where the copy came from)."""
    mine = {delegation, *(authors or {}).values()}
    kept: list[Draft] = []
    own: list[tuple[list[Draft], list[Amendment]]] = []
    sender = delegation or "the sender"
    drafts, others = accepted_shown(drafts, target, proposed, warnings, sender, shown)
    pending = {d.paragraph.id: _pending(d.paragraph.id, target, proposed) for d in drafts}
    left, moved = paragraphs_accepted(drafts, target, [
        a for pid in proposed for a in _pending(pid, target, proposed)
        if not mine & set(a.proponents)]) if _unmade(drafts, target, proposed) \
        else (drafts, [])
    amended = amended_accepted(left, pending, mine)
    units = _made(_read(left, amended), target, proposed)
    plain = not (merged or others)
    if plain:  # no sign of the merged draft: no one's proposals shown to accept
        amended, moved, units = [], [], _made(drafts, target, proposed)
    taken: list[Amendment] = [m.proposal for m in amended] + moved
    if moved:
        others = True
        _moved_said(drafts, left, moved, target, warnings, (sender, delegation), shown)
    for ones, same in units:
        if not same or (plain and not any(mine & set(a.proponents) for a in same)):
            kept += ones
            continue
        if shown is not None:  # a copy of the text shows the sender's own only
            shown.update(a.id for a in same if not plain or mine & set(a.proponents))
        if any(mine & set(a.proponents) for a in same):  # its own, accepted in Word
            own.append((ones, same))
            continue
        others = True
        taken += same
        _accepted_said(ones[0].where, same, warnings, sender, delegation)
    for made in amended:
        _amended_said(made, warnings, sender, shown)
        if made.also:
            taken += made.also
            _accepted_said(made.drafts[0].where, made.also, warnings, sender, delegation)
            if shown is not None:
                shown.update(a.id for a in made.also)
    kept = _notes_kept(kept, taken, target, warnings)
    if own and not kept and not others:
        return [draft for ones, _ in own for draft in ones]
    for ones, same in own:
        ids = ", ".join(a.id for a in same)
        warnings.append(ReadWarning(ones[0].where, (
            f"the text reads as {sender}'s own pending {ids} ({_described(same)}) would "
            "make it, with no tracked change: pending already, not proposed again")))
    return kept


def _accepted_said(where: str, same: Sequence[Amendment], warnings: list[ReadWarning],
                   sender: str, delegation: str | None) -> None:
    """The warning on pending proposals of others (``same``) the copy accepted untracked."""
    ids = ", ".join(f"{a.id} of {', '.join(a.proponents)}" for a in same)
    warnings.append(ReadWarning(where, (
        f"the text reads as the pending {ids} ({_described(same)}) would make it, "
        f"with no tracked change: this copy accepted it. It is not proposed again in "
        f"{sender}'s name, nor read as {sender}'s support (to support it: drafting "
        f"support {same[0].id} --delegation {delegation or 'CODE'})")))


def _unmade(drafts: list[Draft], target: Revision,
            proposed: Mapping[str, Sequence[Amendment]]) -> bool:
    """Whether some untracked new or deleted paragraph of ``drafts`` is no pending
    proposal alone (maybe one of several that move a paragraph, together)."""
    return any(d.author is None and d.kind in (_K.NEW_PARAGRAPH, _K.DELETE_PARAGRAPH)
               and not _pending_made(d, target, proposed) for d in drafts)


def _moved_said(drafts: list[Draft], left: list[Draft], moved: Sequence[Amendment],
                target: Revision, warnings: list[ReadWarning],
                names: tuple[str, str | None], shown: set[str] | None) -> None:
    """The warning on the proposals of whole paragraphs (``moved``) the copy accepted
    untracked, its paragraphs as they make them (``drafts`` but ``left``); the warning
    that named the paragraphs they jumped over as missing (`cut_off`) taken back."""
    set_aside = [d for d in drafts if not any(d is k for k in left)]
    _accepted_said(set_aside[0].where, moved, warnings, *names)
    if shown is not None:
        shown.update(a.id for a in moved)
    _unsaid(warnings, {cut_off(target, [d.paragraph for d in set_aside
                                        if d.kind is _K.DELETE_PARAGRAPH])})


def _read(drafts: list[Draft], amended: Sequence[Amended]) -> list[Draft]:
    """``drafts`` with the changes that make each of the ``amended`` proposals read as
    the amendments to it (and the paragraph's other changes), in their place."""
    ours = {id(d): made for made in amended for d in made.drafts}
    out: list[Draft] = []
    for draft in drafts:
        made = ours.get(id(draft))
        if made is None:
            out.append(draft)
        elif draft is made.drafts[0]:
            out += made.read
    return out


def _amended_said(made: Amended, warnings: list[ReadWarning], sender: str,
                  shown: set[str] | None) -> None:
    """The warning on a proposal the copy accepted untracked with words typed in it."""
    proposal = made.proposal
    if shown is not None:
        shown.add(proposal.id)
    changes = "; ".join(_described([_as_amendment(d)]) for d in made.read
                        if d.amends is proposal)
    warnings.append(ReadWarning(made.drafts[0].where, (
        f"the text reads as the pending {proposal.id} of {', '.join(proposal.proponents)} "
        f"({describe(proposal)}) with words changed in it, with no tracked change: this "
        f"copy accepted {proposal.id}, and the change in its words ({changes}) is read as "
        f"{sender}'s amendment to {proposal.id}, not as a proposal of the text")))


def _as_amendment(draft: Draft) -> Amendment:
    """``draft`` as an amendment with no proponent, for `describe`."""
    return Amendment(id="", kind=draft.kind, paragraph_id=draft.paragraph.id, revision="",
                     proponents=(), span=draft.span, anchor=draft.anchor, old_text=draft.old_text,
                     new_text=draft.new_text)


def _notes_kept(drafts: list[Draft], taken: Sequence[Amendment], target: Revision,
                warnings: list[ReadWarning]) -> list[Draft]:
    """``drafts`` but the untracked deletions of footnotes whose marker a proposal the
    copy accepted (``taken``) deletes: the footnote goes with its marker, and the
    warning that read it as deleted (`gone_note`) is taken back."""
    gone = {marker: a for a in taken for marker in NOTE_MARKER.findall(a.old_text)
            if marker not in NOTE_MARKER.findall(a.new_text)}
    kept, said = [], set[str | None]()
    for draft in drafts:
        number = str(_number(draft.paragraph.label, "FN"))
        if draft.author is None and draft.kind is _K.DELETE_PARAGRAPH and \
                draft.paragraph.kind is ParagraphKind.FOOTNOTE and number in gone:
            citing = target.by_id(gone[number].paragraph_id)
            said.add(gone_note(draft.paragraph, citing) if citing is not None else None)
        else:
            kept.append(draft)
    _unsaid(warnings, said)
    return kept


def _unsaid(warnings: list[ReadWarning], messages: Collection[str | None]) -> None:
    """``warnings`` without those saying one of ``messages``: what the reader said of
    changes read since as proposals the copy accepted (no longer true)."""
    warnings[:] = [w for w in warnings if w.message not in messages]


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
        if draft.author is None and draft.kind in SPAN_KINDS and draft.span is not None \
                and draft.amends is None:
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
    if draft.author is not None or draft.amends is not None or (not gone and not new and (
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
             commented: Collection[str] = (), marked: bool = False) -> None:
    """A warning for each pending proposal of another delegation that a copy of the
    merged draft (one showing some, ``shown``: ids, or holding the merged draft's
    comments on some, ``commented``: `merged_comments`) does not show: where it shows
    one proposed after it, or its comment, the merged draft tracked it, so the copy
    rejected it; a later one too, unless the merged draft was written before it (the
    copy cannot tell). A rejection in a copy is no one's proposal, nor recorded as
    opposition; the warning names the command that records that. None for a retain (the
    merged draft tracks none), a sub-amendment, or a proposal in a paragraph whose
    deletion the copy shows; none at all where the copy shows only the sender's own
    proposals and none of the merged draft's comments, and is not ``marked`` as the
    merged draft (`MERGED_DRAFT`): a copy of the text tracking its own proposal again."""
    latest = max((_number(i) for i in {*shown, *commented}), default=0)
    mine = {delegation, *(authors or {}).values()} - {None}
    sender = next(iter(mine)) if len(mine) == 1 else "CODE"
    labels = {p.id: p.label for p in target}
    every = [a for pending in proposed.values() for a in pending]
    if not (commented or marked) and all(mine & set(a.proponents) for a in every
                                         if a.id in shown):
        return  # only the sender's own proposals: no sign of the merged draft
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


def _number(name: str, prefix: str = "A") -> int:
    """The number of an amendment id ("A12": 12; 0 for another id): the order proposals
    were made in; with ``prefix`` "FN", of a footnote's label."""
    digits = name[len(prefix):]
    return int(digits) if name[:len(prefix)].upper() == prefix and digits.isdigit() else 0
