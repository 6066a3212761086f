"""What becomes of each amendment when a revision is issued: accepted, rejected, settled
by a bracket decision, moved on to the new text, or stale with the reason; and the same for
amendments to proposals, which follow the proposal they amend."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from drafting import brackets
from drafting.engine.decisions import BracketAction, Decisions
from drafting.engine.known_edits import Step, carry
from drafting.engine.segments import StaleAmendment
from drafting.errors import AmendmentError, StaleError
from drafting.model import Amendment, AmendmentKind, AmendmentStatus, Revision


def check_nested(nested: list[Amendment], decisions: Decisions,
                  parents: Mapping[str, Amendment]) -> list[Amendment]:
    """The accepted amendments to proposals, each of whose proposal is decided too (an
    amendment is decided before the proposal it amends, and the proposal is then decided
    as amended). AmendmentError for one whose proposal is still undecided."""
    made = [a for a in nested if a.id in decisions.accepted]
    for amendment in made:
        parent = parents.get(amendment.amends)
        if parent is not None and parent.status is AmendmentStatus.SUBMITTED and \
                parent.id not in decisions.accepted | decisions.rejected:
            raise AmendmentError(
                f"{amendment.id} was accepted, but {parent.id}, the proposal it amends, is not "
                f"decided: decide {parent.id} (as amended by {amendment.id}) before issuing "
                "the revision")
    return made


def without_effect(made: list[Amendment], parents: Mapping[str, Amendment],
                   decisions: Decisions, moot: Mapping[str, str]) -> dict[str, str]:
    """The accepted amendments to proposals (``made``) that change nothing: the proposal
    they amend was not accepted (rejected, withdrawn, stale: not among ``parents``, the
    amendments the revision was given), or was but has no effect itself (``moot``).
    id -> why."""
    found = {}
    for amendment in made:
        parent = parents.get(amendment.amends)
        if parent is None:
            standing = "withdrawn or stale"
        elif parent.id in decisions.rejected or parent.status is AmendmentStatus.REJECTED:
            standing = "rejected"
        elif parent.id in moot:
            standing = "accepted but has no effect itself"
        elif parent.id in decisions.accepted:
            continue
        else:
            standing = str(parent.status)
        found[amendment.id] = (f"the proposal it amends, {amendment.amends}, is {standing}; "
                               "none of its words are in the text, so it has no effect")
    return found


def nested_standing(nested: list[Amendment], outcome: tuple[Amendment, ...],
                     stale: list[StaleAmendment], decisions: Decisions, revision: Revision,
                     ) -> tuple[tuple[Amendment, ...], list[StaleAmendment]]:
    """``outcome`` and ``stale`` with the amendments to proposals after the revision:
    decided ones as decided; pending ones moved on with the proposal they amend while it is
    pending, else stale (nothing is left for them to amend)."""
    after = {a.id: a for a in outcome}
    result = list(outcome)
    stale = list(stale)
    for amendment in nested:
        parent = after.get(amendment.amends)
        if amendment.id in decisions.accepted:
            result.append(replace(amendment, status=AmendmentStatus.ACCEPTED))
        elif amendment.id in decisions.rejected:
            result.append(replace(amendment, status=AmendmentStatus.REJECTED))
        elif amendment.status is not AmendmentStatus.SUBMITTED:
            result.append(amendment)
        elif parent is not None and parent.status is AmendmentStatus.SUBMITTED:
            result.append(replace(amendment, revision=revision.label,
                                  paragraph_id=parent.paragraph_id))
        else:
            standing = parent.status if parent is not None else "gone"
            stale.append(StaleAmendment(amendment, f"the proposal it amends, "
                                                   f"{amendment.amends}, is {standing}"))
            result.append(replace(amendment, status=AmendmentStatus.STALE))
    return tuple(result), stale


def settled_by_decisions(current: Revision, placed: list[Amendment],
                          decisions: Decisions) -> dict[str, str]:
    """Pending amendments whose proposal a bracket decision carries out: on the words of
    the bracket decided, the words the secretariat chose (or kept) as they proposed them,
    or the words it dropped as they proposed to delete them. id -> what was decided."""
    settled: dict[str, str] = {}
    decided = decisions.accepted | decisions.rejected
    for decision in decisions.brackets:
        paragraph = current.by_id(decision.paragraph_id)
        found = brackets.groups(paragraph.text) if paragraph is not None else []
        if paragraph is None or not 0 <= decision.group < len(found):
            continue
        group = found[decision.group]
        if decision.action is BracketAction.DELETE:
            kinds, words, said = {AmendmentKind.DELETE}, None, "dropped"
        else:
            pick = decision.alternative if decision.action is BracketAction.CHOOSE else 0
            if pick >= len(group.alternatives):  # an option an amendment adds, chosen
                continue
            kinds = {AmendmentKind.REPLACE, AmendmentKind.INSERT}
            words = " ".join(group.alternatives[pick].split())
            said = f"'{words}' chosen" if decision.action is BracketAction.CHOOSE \
                else f"'{words}' kept"
        for amendment in placed:
            span = amendment.span
            if (amendment.paragraph_id == paragraph.id and amendment.id not in decided
                    and amendment.status is AmendmentStatus.SUBMITTED
                    and amendment.kind in kinds and span is not None
                    and group.start <= span.start and span.end <= group.end
                    and (words is None or " ".join(amendment.new_text.split()) == words)):
                what = said if words is not None else f"'{amendment.old_text.strip()}' dropped"
                settled[amendment.id] = f"{paragraph.label}: {what}"
    return settled


def standing(
    given: list[Amendment],
    placed: list[Amendment],
    decisions: Decisions,
    twins: Mapping[str, str],
    current: Revision,
    revision: Revision,
    steps: Mapping[str, Sequence[Step]] | None = None,
) -> tuple[tuple[Amendment, ...], list[StaleAmendment]]:
    """Every amendment with its status after the revision; pending ones moved on, through
    the ``steps`` that made their paragraph's new text where given (paragraph id ->
    `drafting.engine.known_edits.Step`s, from its text in ``current``)."""
    on_current = {a.id: a for a in placed}
    result: list[Amendment] = []
    stale: list[StaleAmendment] = []
    for amendment in given:
        if amendment.id in decisions.accepted or amendment.id in twins:
            result.append(replace(amendment, status=AmendmentStatus.ACCEPTED))
        elif amendment.id in decisions.rejected:
            result.append(replace(amendment, status=AmendmentStatus.REJECTED))
        elif amendment.status is not AmendmentStatus.SUBMITTED:
            result.append(amendment)
        elif amendment.id not in on_current:
            result.append(replace(amendment, status=AmendmentStatus.STALE))
        else:
            moved = _move_on(on_current[amendment.id], current, revision,
                             (steps or {}).get(amendment.paragraph_id, ()))
            if isinstance(moved, StaleAmendment):
                stale.append(moved)
                moved = replace(amendment, status=AmendmentStatus.STALE)
            result.append(moved)
    return tuple(result), stale


def _move_on(
    amendment: Amendment, current: Revision, revision: Revision, steps: Sequence[Step]
) -> Amendment | StaleAmendment:
    before = current.by_id(amendment.paragraph_id)
    after = revision.by_id(amendment.paragraph_id)
    if before is None or after is None:
        return StaleAmendment(amendment, f"its paragraph is not in {revision.label}")
    try:
        return carry(amendment, before.text, after.text, revision.label, steps)
    except StaleError as error:
        return StaleAmendment(amendment, error.message)
