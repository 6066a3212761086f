"""Revise: the secretariat's decisions applied, the next revision issued.

``revise(document, amendments, decisions, label="Rev.1")`` applies the accepted
amendments and the decisions on brackets, sets agreed paragraphs, places
accepted new paragraphs and renumbers the text (``OP4 bis`` becomes ``OP5``),
returning the new revision, the old -> new label table, and every amendment
with its new standing: decided ones marked accepted or rejected, pending ones
moved onto the new text or marked stale with the reason. A pending amendment
that proposes the same as an accepted one (the compilation showed them as one
proposal, with both proponents) is accepted with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from drafting.engine.article_choices import check_choices, told_stale
from drafting.engine.cross_references import moved_references
from drafting.engine.decisions import BracketAction as BracketAction
from drafting.engine.decisions import BracketDecision as BracketDecision
from drafting.engine.decisions import Decisions as Decisions
from drafting.engine.footnotes import cited, footnote_numbers, notes_with_markers, retext
from drafting.engine.merge import merge, place, submission_order
from drafting.engine.option_closings import kept_closings
from drafting.engine.option_sections import fold_options
from drafting.engine.revision_builder import RevisionBuilder, refuse_too_long
from drafting.engine.revision_symbols import reused_revision, revised_front_matter
from drafting.engine.segments import Compilation, NewParagraph, StaleAmendment
from drafting.engine.standing import (
    check_nested,
    nested_standing,
    settled_by_decisions,
    standing,
    without_effect,
)
from drafting.engine.subamend import split, with_subamendments
from drafting.errors import AmendmentError, InputError
from drafting.model import (
    Amendment,
    AmendmentStatus,
    Document,
    Revision,
    renumber,
)
from drafting.model.labels import changed


@dataclass(frozen=True, slots=True)
class RevisionOutcome:
    """The new revision and what became of every amendment.

    ``label_table`` lists the labels that changed (old -> new; a deleted
    paragraph maps to ""); ``amendments`` holds each amendment given, with its
    new status (pending ones rebased onto the new revision).
    """

    revision: Revision
    label_table: dict[str, str]
    amendments: tuple[Amendment, ...]
    stale: tuple[StaleAmendment, ...]
    accepted_with: Mapping[str, str] = field(default_factory=dict)
    """Pending amendments accepted because they propose the same as an accepted one:
    id -> the accepted amendment's id."""
    emptied: tuple[str, ...] = ()
    """The labels of paragraphs deleted because no word was left of them once their
    brackets were settled (every bracket dropped; a ";" alone is no paragraph)."""
    settled: Mapping[str, str] = field(default_factory=dict)
    """Pending amendments accepted because a bracket decision did what they propose (the
    words they proposed chosen, kept or dropped): id -> what was decided."""
    reopened: tuple[str, ...] = ()
    """The labels (in the revision revised) of paragraphs that were agreed (or agreed ad
    ref) and are open again: accepted amendments changed their text, and the agreement
    was on the old text."""
    moot: Mapping[str, str] = field(default_factory=dict)
    """Accepted amendments that changed words of an alternative not chosen (an edit of
    Option 2, Option 3 chosen), or a paragraph of an article or alternative not chosen
    (`drafting.engine.article_choices`): id -> why they have no effect."""
    no_effect: Mapping[str, str] = field(default_factory=dict)
    """Accepted amendments to proposals whose proposal was not accepted (rejected,
    withdrawn, stale) or has no effect itself: id -> why none of their words are in the
    revision (they stay accepted, as decided)."""
    references: Mapping[str, str] = field(default_factory=dict)
    """Paragraphs citing by number paragraphs or articles of the same text that the
    revision renumbered or deleted (`drafting.engine.cross_references`): label -> what to
    check."""
    closings: tuple[str, ...] = ()
    """What became of the closing "]" of bracketed option blocks whose last paragraph
    changed (`drafting.engine.option_closings`): moved, or left open (a warning)."""

    def apply_to(self, document: Document) -> Document:
        """``document`` with the new revision appended."""
        return replace(document, revisions=(*document.revisions, self.revision))


def revise(
    document: Document,
    amendments: Iterable[Amendment],
    decisions: Decisions,
    *,
    label: str,
    created_at: datetime | None = None,
) -> RevisionOutcome:
    """Issue revision ``label`` of ``document`` from its current revision (its front
    matter and chapeau carried over unchanged).

    Raises InputError for a label the document already has or a decision on
    an unknown or withdrawn amendment, and AmendmentError when accepted
    amendments cannot all stand (they overlap, one went stale, a paragraph's
    deletion or retention was accepted beside a change of it, or together they make
    a paragraph longer than `drafting.limits.MAX_PARAGRAPH_CHARS`). A paragraph agreed
    whose text accepted amendments change is open again (`RevisionOutcome.reopened`).
    A paragraph changed is kept in Unicode NFC (`drafting.characters.normalised`), as
    every text is: amendments are refused that would change the form (a mark put on a
    letter of the text's own: `drafting.lookalikes.whole_letters`), but not every one
    recorded was.
    """
    current = _current(document, label)
    given = sorted(amendments, key=submission_order)
    chosen = {d.amendment: d for d in decisions.brackets if d.amendment}
    decisions = replace(decisions, accepted=decisions.accepted | chosen.keys())
    _check(decisions, given)
    check_choices(decisions, current)
    given, nested = split(given)
    parents = {a.id: a for a in given}
    made = check_nested(nested, decisions, parents)
    live = [with_subamendments(a, made) if a.id in decisions.accepted else a
            for a in given if _live(a, decisions)]
    placed, stale = place(document, current, live)
    _refuse_stale_accepted(stale, decisions)
    accepted = [a for a in placed if a.id in decisions.accepted]
    compilation = merge(document, live)
    new_labels = _new_labels(compilation)
    twins = _identical_to_accepted(compilation, decisions, given)
    builder = RevisionBuilder(current, decisions, accepted, new_labels)
    paragraphs, deleted = builder.build()
    paragraphs, deleted = notes_with_markers(paragraphs, deleted)
    paragraphs, closings = kept_closings(current.paragraphs, paragraphs)
    refuse_too_long(paragraphs, builder.accepted)
    starts = [p.label for p in current]
    numbers = fold_options(paragraphs, renumber([p.label for p in paragraphs], starts=starts),
                           starts)
    # the table names a new paragraph by the label the compilation showed it with
    table = changed({builder.shown.get(old, old): new for old, new in numbers.items()})
    table.update({old: "" for old in deleted})
    markers = footnote_numbers(table)
    revision = Revision(
        label,
        tuple(retext(replace(p, label=numbers[p.label]), cited(p.text, markers))
              for p in paragraphs),
        created_at=created_at,
        label_table=tuple(table.items()),
        front_matter=revised_front_matter(current.front_matter, document.symbol, label,
                                          beside=current.after_title),
        chapeau=current.chapeau,
        after_title=revised_front_matter(current.after_title, document.symbol, label,
                                         beside=current.front_matter),
    )
    settled = settled_by_decisions(current, placed, decisions) | _settled_by_choice(
        current, given, chosen)
    outcome, more_stale = standing(given, placed, decisions, {**settled, **twins}, current,
                                    revision, builder.steps)
    if nested:
        outcome, more_stale = nested_standing(nested, outcome, more_stale, decisions, revision)
    more_stale = told_stale(more_stale, decisions, current)
    return RevisionOutcome(revision, table, outcome, (*stale, *more_stale), twins,
                           tuple(builder.emptied), settled, tuple(builder.reopened),
                           builder.moot, without_effect(made, parents, decisions, builder.moot),
                           moved_references(revision, table, current),
                           tuple(c.told(numbers) for c in closings))


def _settled_by_choice(current: Revision, given: list[Amendment],
                       chosen: Mapping[str, BracketDecision]) -> dict[str, str]:
    """The amendments accepted because the secretariat chose the words they propose:
    id -> what was decided."""
    settled = {}
    for amendment in given:
        decision = chosen.get(amendment.id)
        if decision is not None:
            paragraph = current.by_id(decision.paragraph_id)
            label = paragraph.label if paragraph is not None else decision.paragraph_id
            words = amendment.new_text.strip(" /[]")  # " / in 2029", " [in 2029]": added
            settled[amendment.id] = f"{label}: '{words}' chosen"
    return settled


def _current(document: Document, label: str) -> Revision:
    if document.current is None:
        raise InputError(f"{document.symbol} has no text to revise yet")
    if (existing := document.revision(label)) is not None:
        raise InputError(
            f"{document.symbol} already has a revision '{existing.label}'; choose a new label"
        )
    if (why := reused_revision(document.symbol, (*document.current.front_matter,
                                                 *document.current.after_title), label)):
        raise InputError(why)
    return document.current


def _check(decisions: Decisions, amendments: list[Amendment]) -> None:
    known = {a.id: a for a in amendments}
    both = decisions.accepted & decisions.rejected
    if both:
        raise InputError(f"amendments both accepted and rejected: {', '.join(sorted(both))}")
    for amendment_id in sorted(decisions.accepted | decisions.rejected):
        amendment = known.get(amendment_id)
        if amendment is None:
            raise InputError(f"there is no amendment {amendment_id} to decide on")
        if amendment.status is AmendmentStatus.WITHDRAWN:
            raise InputError(f"amendment {amendment_id} was withdrawn; it cannot be decided")




def _live(amendment: Amendment, decisions: Decisions) -> bool:
    decided = amendment.id in decisions.accepted | decisions.rejected
    return decided or amendment.status is AmendmentStatus.SUBMITTED


def _refuse_stale_accepted(stale: list[StaleAmendment], decisions: Decisions) -> None:
    for item in stale:
        if item.amendment.id in decisions.accepted:
            raise AmendmentError(
                f"amendment {item.amendment.id} cannot be accepted: {item.reason}"
            )


def _new_labels(compilation: Compilation) -> dict[str, str]:
    """The label each new-paragraph proposal was shown with in the compilation."""
    labels: dict[str, str] = {}
    for entry in compilation.entries:
        if isinstance(entry, NewParagraph):
            labels.update(dict.fromkeys(entry.credit.amendments, entry.label))
    return labels


def _identical_to_accepted(compilation: Compilation, decisions: Decisions,
                           given: list[Amendment]) -> dict[str, str]:
    """Pending amendments (not decided) that share a credit with an accepted one: id ->
    the first accepted id in that credit. Only their status follows; the text takes
    the proposal once, from the amendment accepted."""
    pending = {a.id for a in given if a.status is AmendmentStatus.SUBMITTED}
    pending -= decisions.accepted | decisions.rejected
    twins: dict[str, str] = {}
    for credit in compilation.credits():
        accepted = [i for i in credit.amendments if i in decisions.accepted]
        if accepted:
            twins.update((i, accepted[0]) for i in credit.amendments if i in pending)
    return twins
