"""Amendments to proposals: a delegation changes the words another delegation proposed.

"Replace 'present' in the EU's proposal with 'transmit'": the EU's proposal (a new
paragraph ``OP9 bis``, an alternative formulation, or the words of a replacement or an
insertion) is the *parent*; the USA's change to it is a sub-amendment, an `Amendment`
whose ``amends`` names the parent and whose span quotes the parent's ``new_text``.

One level only, as in the rules of procedure of United Nations bodies: an amendment to an
amendment, never to a sub-amendment. A sub-amendment is decided before its parent. When
the parent is accepted the accepted sub-amendments are made in its words (`amended_text`);
a sub-amendment whose parent is rejected, withdrawn or overtaken has nothing left to amend,
unless another delegation's identical proposal still stands (`followed`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from drafting.engine.amend import Proposal, apply, draft_span
from drafting.engine.insert_spaces import spaced_fields
from drafting.engine.new_words import refuse_disguise
from drafting.errors import AmendmentError, LabelError
from drafting.lazy_re import lazy_compile
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    Paragraph,
    ParagraphKind,
)
from drafting.model.amendment import AMENDABLE_KINDS, SUBAMENDMENT_KINDS

if TYPE_CHECKING:
    from drafting.engine.revise import RevisionOutcome
    from drafting.engine.segments import NewParagraph

AMENDMENT_ID = lazy_compile(r"A[1-9]\d{0,8}", re.IGNORECASE)
"""How an amendment is named on the command line and in files: ``A12``."""


def names_amendment(text: str) -> bool:
    """Whether ``text`` names an amendment (``A12``, ``a12``) rather than a paragraph."""
    return AMENDMENT_ID.fullmatch(text.strip()) is not None


def whose(amendment: Amendment) -> str:
    """``the proposal of EU (A12)``: how a parent is named in messages and outputs."""
    return f"the proposal of {', '.join(amendment.proponents)} ({amendment.id})"


def check_parent(parent: Amendment) -> None:
    """Refuse a proposal that cannot be amended: one that is not pending, a sub-amendment
    itself, or one that proposes no words of its own (a deletion, a retain, a bracket)."""
    if parent.amends:
        raise AmendmentError(f"{parent.id} is itself an amendment to {parent.amends}; amend "
                             f"{parent.amends} instead (an amendment to an amendment is as "
                             "far as it goes)")
    if parent.status is not AmendmentStatus.SUBMITTED:
        raise AmendmentError(f"{parent.id} is {parent.status}; only a pending proposal can be "
                             "amended")
    if parent.kind not in AMENDABLE_KINDS:
        raise AmendmentError(f"{parent.id} is a {parent.kind} proposal and proposes no words "
                             "of its own to amend; propose your change to the paragraph")


def draft_subamendment(parent: Amendment, proposal: Proposal, *, id: str,
                       proponents: Sequence[str], revision: str, submitted_by: str = "",
                       submitted_at: datetime | None = None,
                       delegations: Collection[str] = ()) -> Amendment:
    """The amendment ``proposal`` asks for in the words ``parent`` proposes (replace,
    delete or insert, quoting the parent's words), made against ``revision``. Raises
    AmendmentError (or TextNotFound / AmbiguousText) saying what is wrong (``delegations``:
    as `drafting.engine.amend.draft_amendment` takes them)."""
    check_parent(parent)
    kind = proposal.kind
    if kind not in SUBAMENDMENT_KINDS:
        raise AmendmentError(f"{parent.id}: an amendment to a proposal replaces, deletes or "
                             f"inserts words in it; a {kind} proposal cannot")
    codes = (proponents,) if isinstance(proponents, str) else tuple(proponents)
    if not codes or not all(code.strip() for code in codes):
        raise AmendmentError(f"{parent.id}: a proposal needs at least one proponent")
    if set(codes) & set(parent.proponents):
        raise AmendmentError(f"{parent.id} is {', '.join(parent.proponents)}'s own proposal: "
                             "withdraw it and propose it again as you want it")
    words = Paragraph(parent.paragraph_id, whose(parent), ParagraphKind.OTHER, parent.new_text)
    fields = draft_span(kind, proposal, words)
    span = fields["span"]
    refuse_disguise(words.label, fields["new_text"], parent.new_text, delegations=delegations,
                    at=span.start if span.start or _opens_line(parent) else None,
                    end=span.end,
                    kept="" if kind is AmendmentKind.INSERT else fields["old_text"],
                    own=codes)
    fields = spaced_fields(fields, words.text, proposal)  # once its words are checked
    return Amendment(id=id, kind=kind, paragraph_id=parent.paragraph_id, revision=revision,
                     proponents=codes, supporters=tuple(proposal.supporters),
                     reason=proposal.reason, submitted_by=submitted_by,
                     submitted_at=submitted_at, amends=parent.id, **fields)


def _opens_line(parent: Amendment) -> bool:
    """Whether the words ``parent`` proposes open a line of the paragraph: a new paragraph's
    or alternative's, or words put at the start of its text."""
    return parent.kind in (AmendmentKind.NEW_PARAGRAPH, AmendmentKind.ALTERNATIVE) or (
        parent.span is not None and parent.span.start == 0)


def subamendment_problems(amendment: Amendment, parent: Amendment | None) -> list[str]:
    """What is wrong with recording ``amendment`` (which ``amends`` ``parent``): the parent
    unknown or not amendable, another paragraph, or quoted words not in its text."""
    if parent is None:
        return [f"it amends {amendment.amends}, and there is no such amendment to this text"]
    try:
        check_parent(parent)
    except AmendmentError as error:
        return [error.message]
    problems = []
    if amendment.kind not in SUBAMENDMENT_KINDS:
        problems.append(f"a {amendment.kind} cannot amend a proposal")
    if amendment.paragraph_id != parent.paragraph_id:
        problems.append(f"it amends {parent.id} but names another paragraph")
    span = amendment.span
    quoted = amendment.anchor if amendment.anchor is not None else span
    text = parent.new_text
    if span is None or quoted is None or span.end > len(text) or quoted.end > len(text) or (
            text[quoted.start:quoted.end] != amendment.old_text):
        problems.append(f"the words it quotes are not where it says in {whose(parent)}")
    return problems


def amended_text(parent: Amendment, subamendments: Iterable[Amendment]) -> str:
    """The words ``parent`` proposes with ``subamendments`` (on its words) made, from the
    last in the text to the first. AmendmentError when two of them overlap."""
    made = sorted(subamendments, key=lambda a: (a.span.start, a.span.end) if a.span else (0, 0))
    for first, second in itertools.pairwise(made):
        assert first.span is not None and second.span is not None
        if second.span.start < first.span.end or (
                first.span == second.span and not len(first.span)):
            raise AmendmentError(f"{first.id} and {second.id} change the same words of "
                                 f"{whose(parent)}; accept one of them")
    text = parent.new_text
    for amendment in reversed(made):
        text = apply(text, amendment)
    return text


def with_subamendments(parent: Amendment, accepted: Iterable[Amendment]) -> Amendment:
    """``parent`` proposing its words as amended by the ``accepted`` sub-amendments."""
    mine = [a for a in accepted if a.amends == parent.id]
    return replace(parent, new_text=amended_text(parent, mine)) if mine else parent


def accepted_made(plain: Sequence[Amendment], nested: Sequence[Amendment],
                  ) -> tuple[list[Amendment], list[Amendment]]:
    """``plain`` (proposals to the text) with each accepted one proposing its words as
    its accepted amendments among ``nested`` make them (`with_subamendments`), their
    proponents credited beside its own; ``nested`` without those. Decided, they are one
    change of the text, as the revision makes it: what a merged draft of the accepted
    amendments shows as a tracked change (not an amendment in a comment). Those that
    overlap (the revision refuses them) are left as they are."""
    parents = {a.id for a in plain if a.status is AmendmentStatus.ACCEPTED}
    made = [a for a in nested if a.status is AmendmentStatus.ACCEPTED and a.amends in parents]
    folded: list[Amendment] = []
    for parent in plain:
        mine = [a for a in made if a.amends == parent.id]
        try:
            amended = with_subamendments(parent, mine)
        except AmendmentError:
            mine = []
            amended = parent
        codes = tuple(dict.fromkeys((*parent.proponents,
                                     *(c for a in mine for c in a.proponents))))
        folded.append(replace(amended, proponents=codes) if mine else parent)
        made = [a for a in made if a.amends != parent.id or a in mine]
    return folded, [a for a in nested if a not in made]


_OPEN = (AmendmentStatus.SUBMITTED, AmendmentStatus.ACCEPTED)
"""The amendments to a proposal that `followed` moves: those whose words may still take
effect (an accepted one is made in its proposal's words when the proposal is)."""


def followed(document: Document, amendments: Sequence[Amendment]) -> list[Amendment]:
    """``amendments`` with each pending (or accepted) amendment to a proposal withdrawn
    or rejected since moved onto another delegation's proposal of the same words in the
    same place, while one stands (`_twin`): the compilation showed them once, credited to
    all their proponents ("(EU, USA)"), and the amendment was to those words. Only
    ``amends`` changes, as the engine sees it; the store keeps what was recorded."""
    by_id = {a.id: a for a in amendments}
    moved: dict[str, str] = {}
    for amendment in amendments:
        parent = by_id.get(amendment.amends) if amendment.amends else None
        if amendment.status in _OPEN and parent is not None and \
                parent.status in (AmendmentStatus.WITHDRAWN, AmendmentStatus.REJECTED):
            twin = _twin(document, parent, amendments, set(amendment.proponents))
            if twin is not None:
                moved[amendment.id] = twin.id
    return [replace(a, amends=moved[a.id]) if a.id in moved else a for a in amendments]


def as_recorded(outcome: RevisionOutcome, recorded: Iterable[Amendment]) -> RevisionOutcome:
    """``outcome`` (of a revision given `followed` amendments) with each amendment's
    ``amends`` as ``recorded``: a revision moves an amendment on, never onto another
    proposal in the record."""
    amends = {a.id: a.amends for a in recorded}
    fixed = tuple(replace(a, amends=amends[a.id]) if amends.get(a.id, a.amends) != a.amends
                  else a for a in outcome.amendments)
    return replace(outcome, amendments=fixed)


def _twin(document: Document, parent: Amendment, amendments: Iterable[Amendment],
          own: Collection[str]) -> Amendment | None:
    """The first proposal still standing (pending, or accepted on the current revision),
    not ``parent`` nor one of ``own`` codes, that proposes what ``parent`` did in the same
    place of the text (``parent`` moved onto its revision when they differ)."""
    from drafting.engine.merge import place

    current = document.current.label if document.current is not None else None
    for other in amendments:
        standing = other.status is AmendmentStatus.SUBMITTED or (
            other.status is AmendmentStatus.ACCEPTED and other.revision == current)
        if other.id == parent.id or other.amends or not standing or \
                set(other.proponents) & set(own) or \
                (other.paragraph_id, other.kind, other.old_text, other.new_text) != (
                    parent.paragraph_id, parent.kind, parent.old_text, parent.new_text):
            continue
        there = parent
        if parent.revision != other.revision:
            target = document.revision(other.revision)
            placed = place(document, target, [parent])[0] if target is not None else []
            if not placed:
                continue
            there = placed[0]
        if (there.span, there.anchor) == (other.span, other.anchor):
            return other
    return None


def split(amendments: Iterable[Amendment]) -> tuple[list[Amendment], list[Amendment]]:
    """Proposals to the text, and amendments to proposals, in the order given."""
    plain: list[Amendment] = []
    nested: list[Amendment] = []
    for amendment in amendments:
        (nested if amendment.amends else plain).append(amendment)
    return plain, nested


def parent_of(label_or_id: str, document: Document, amendments: Sequence[Amendment]
              ) -> Amendment | None:
    """The pending proposal ``label_or_id`` names among ``amendments``: an amendment id
    (``A12``), or the label a proposed new paragraph carries in the compilation (``OP9
    bis``) when the text has no such paragraph. None when it names a paragraph of the
    current text. AmendmentError for an id or label that names no pending proposal, and
    for a label that named another proposal before one was withdrawn or decided (labels
    close up then: see `relabelled`)."""
    wanted = label_or_id.strip()
    pending = [a for a in amendments if a.status is AmendmentStatus.SUBMITTED]
    if names_amendment(wanted):
        found = {a.id.upper(): a for a in pending}.get(wanted.upper())
        if found is None:
            raise AmendmentError(f"{wanted}: there is no pending proposal with this id to "
                                 f"{document.symbol}; see drafting amendments")
        return found
    current = document.current
    if current is None or current.by_label(wanted) is not None:
        return None
    entry = proposed_labelled(wanted, document, pending)
    relabelled(wanted, document, amendments, entry)
    if entry is None:  # not a label, or no proposal: the paragraph lookup says so
        return None
    return {a.id: a for a in pending}[entry.credit.amendments[0]]


def relabelled(label: str, document: Document, amendments: Sequence[Amendment],
               entry: NewParagraph | None) -> None:
    """Refuse ``label`` (which names ``entry`` among the pending proposals) when it named
    another proposal before the proposals of the current revision that are no longer
    pending were withdrawn or decided, or before the one it names now was recorded: a
    file written against that compilation means the one it named then, so the label
    would quietly move to another delegation's words."""
    current = document.current
    gone = [a for a in amendments if a.status is not AmendmentStatus.SUBMITTED
            and current is not None and a.revision == current.label]
    every = [a for a in amendments if a.status is AmendmentStatus.SUBMITTED] + [
        replace(a, status=AmendmentStatus.SUBMITTED) for a in gone]
    if not gone and entry is None:
        return
    before = proposed_labelled(label, document, every) if gone else entry
    if gone:
        _closed_up(label, amendments, before, entry)
    if entry is not None and before is not None:
        _taken(label, document, every, before, entry)


def _closed_up(label: str, amendments: Sequence[Amendment], before: NewParagraph | None,
               entry: NewParagraph | None) -> None:
    """Refuse ``label`` when ``before`` (what it names among the pending proposals and
    those withdrawn or decided since, as if still pending) holds another proposal than
    ``entry`` (what it names among the pending ones)."""
    now = set(entry.credit.amendments) if entry is not None else set()
    if before is None or (entry is not None and now <= set(before.credit.amendments)):
        return
    known = {a.id: a for a in amendments}
    was = [known[i] for i in before.credit.amendments if i not in now]
    named = " and ".join(whose(a) + ("" if a.status is AmendmentStatus.SUBMITTED
                                     else f", {a.status} since") for a in was)
    said = f"{label}: the compilation gave this label to {named}"
    if entry is not None:
        then = known[entry.credit.amendments[0]]
        raise AmendmentError(f"{said}; it now names {whose(then)}: to amend that one, name "
                             f"it by its id ({then.id}) instead of the label")
    left = [a.id for a in was if a.status is AmendmentStatus.SUBMITTED]
    if left:
        raise AmendmentError(f"{said}, whose label has changed since; name the proposal "
                             f"you amend by its id ({', '.join(left)}) instead of the label")
    raise AmendmentError(f"{said}; no pending proposal carries this label now, so there is "
                         "nothing to amend")


def _taken(label: str, document: Document, every: Sequence[Amendment],
           compiled: NewParagraph, entry: NewParagraph) -> None:
    """Refuse ``label`` (naming ``compiled`` among ``every``, ``entry`` among the pending
    proposals) when, among the proposals recorded before the ones it names now
    (`_recorded`), it named another: one recorded later but dated earlier took it (a
    writer's clock slow, in a store written before events were dated in order), and the
    compilations circulated before gave it to the other. Identical
    proposals compiled as one are no other. Nothing to compile again when every earlier
    one is also dated earlier, as the store now dates them."""
    from drafting.engine.merge import submission_order

    numbers = {a.id: _recorded(a) for a in every}
    named = [a for a in every if a.id in compiled.credit.amendments
             and numbers[a.id] is not None]
    if not named:
        return
    first = min(numbers[a.id] or 0 for a in named)
    earlier = [a for a in every if (n := numbers[a.id]) is not None and n < first]
    if not earlier or max(map(submission_order, earlier)) < min(map(submission_order, named)):
        return
    then = proposed_labelled(label, document, earlier)
    if then is None or set(then.credit.amendments) <= set(compiled.credit.amendments):
        return
    known = {a.id: a for a in every}
    was = [known[i] for i in then.credit.amendments]
    now = known[entry.credit.amendments[0]]
    ids = " or ".join([a.id for a in was] + [now.id])
    raise AmendmentError(
        f"{label}: the compilation gave this label to {' and '.join(map(whose, was))}; it "
        f"now names {whose(now)}, recorded after it but dated earlier: name the proposal "
        f"you amend by its id ({ids}) instead of the label")


def _recorded(amendment: Amendment) -> int | None:
    """The number the store gave ``amendment`` (``A12``: 12), which follows the order
    proposals were recorded in; None for an id the store did not give."""
    return int(amendment.id[1:]) if names_amendment(amendment.id) else None


def proposed_labelled(label: str, document: Document, pending: Sequence[Amendment]
                      ) -> NewParagraph | None:
    """The new paragraph the compilation of the ``pending`` proposals labels ``label``
    (``OP9 bis``; ``op 9 bis`` forgiven): its text, where it goes and who proposes it.
    None when ``label`` is no label, or no proposal carries it."""
    from drafting.engine.merge import merge
    from drafting.engine.segments import NewParagraph
    from drafting.model.labels import normalize_label

    try:
        wanted = normalize_label(label.strip())
    except LabelError:
        return None
    plain, _ = split(pending)
    return next((entry for entry in merge(document, plain).entries
                 if isinstance(entry, NewParagraph) and entry.label == wanted), None)
