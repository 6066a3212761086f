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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime

from drafting.characters import normalised
from drafting.engine.applied import (
    accepted_steps,
    decide_brackets,
    moot,
    options_added,
    refuse_together,
)
from drafting.engine.cross_references import moved_references
from drafting.engine.decisions import BracketAction as BracketAction
from drafting.engine.decisions import BracketDecision as BracketDecision
from drafting.engine.decisions import Decisions as Decisions
from drafting.engine.footnotes import cited, footnote_numbers, notes_with_markers, retext
from drafting.engine.heading_numbers import headings_renumbered
from drafting.engine.known_edits import Step
from drafting.engine.merge import merge, place, submission_order
from drafting.engine.new_sections import new_section
from drafting.engine.option_closings import kept_closings
from drafting.engine.option_sections import fold_options
from drafting.engine.proposed_marks import born_marks, with_proposed_marks
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
from drafting.engine.sublists import relettered
from drafting.errors import AmendmentError, InputError, LabelError
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
    renumber,
)
from drafting.model.labels import Label, changed, next_label, parse_label, sub_clause
from drafting.model.sections import heading_line, section_kind

_AGREED = (ParagraphStatus.AGREED, ParagraphStatus.AGREED_AD_REF)


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
    Option 2, Option 3 chosen): id -> why they have no effect."""
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
    builder = _Builder(current, decisions, accepted, new_labels)
    paragraphs, deleted = builder.build()
    paragraphs, deleted = notes_with_markers(paragraphs, deleted)
    paragraphs, closings = kept_closings(current.paragraphs, paragraphs)
    _refuse_too_long(paragraphs, builder.accepted)
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
        front_matter=revised_front_matter(current.front_matter, document.symbol, label),
        chapeau=current.chapeau,
    )
    settled = settled_by_decisions(current, placed, decisions) | _settled_by_choice(
        current, given, chosen)
    outcome, more_stale = standing(given, placed, decisions, {**settled, **twins}, current,
                                    revision, builder.steps)
    if nested:
        outcome, more_stale = nested_standing(nested, outcome, more_stale, decisions, revision)
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
    if (why := reused_revision(document.symbol, document.current.front_matter, label)):
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


class _Builder:
    """Builds the paragraphs of the new revision, in order, before renumbering."""

    def __init__(
        self,
        current: Revision,
        decisions: Decisions,
        accepted: list[Amendment],
        new_labels: dict[str, str],
    ) -> None:
        self.current = current
        self.decisions = decisions
        self.new_labels = new_labels
        self.sectioned = any(_section(p.label) for p in current)
        self.emptied: list[str] = []
        self.reopened: list[str] = []
        self.moot: dict[str, str] = {}  # accepted, in an alternative not chosen
        self.shown: dict[str, str] = {}  # a new paragraph's label -> the compilation's
        self.was: dict[str, str] = {}  # id -> the label it had, where it was placed anew
        self.accepted: dict[str, list[Amendment]] = defaultdict(list)
        self.steps: dict[str, list[Step]] = {}  # how each paragraph's text was made
        for amendment in accepted:
            self.accepted[amendment.paragraph_id].append(amendment)
        self.choices: dict[str, list[BracketDecision]] = defaultdict(list)
        for decision in decisions.brackets:
            self.choices[decision.paragraph_id].append(decision)

    def build(self) -> tuple[list[Paragraph], list[str]]:
        refuse_together((p, self.accepted.get(p.id, [])) for p in self.current)
        paragraphs: list[Paragraph] = []
        deleted: list[str] = []
        after: list[Paragraph] = []  # new paragraphs, held past the footnotes cited before
        held: tuple[str, str, int] | None = None  # and past the sub-clauses of their clause
        for paragraph in self.current:
            under = held is not None and _sub_clause(paragraph.label, held)
            if paragraph.kind is not ParagraphKind.FOOTNOTE and not under:
                self._place(after, paragraphs, following=paragraph)
                after, held = [], None
            mine = self.accepted.get(paragraph.id, [])
            paragraphs.extend(self._born(paragraph, mine, before=True))
            revised = None if any(a.kind is AmendmentKind.DELETE_PARAGRAPH for a in mine) \
                else self._revised(paragraph, mine)
            if revised is not None and _wordless(revised.text) and not _wordless(
                    paragraph.text):  # every bracket dropped: no word left, a ";" at most
                self.emptied.append(paragraph.label)
                revised = None
            if revised is None:
                deleted.append(paragraph.label)
            else:
                paragraphs.append(revised)
            born = self._born(paragraph, mine)  # a paragraph's footnotes come first
            if under:  # a sub-clause's new ones before its clause's: 1.2.1 bis, 1.2 bis
                after = [*born, *after]
            elif born:
                after, held = [*after, *born], _family(paragraph.label)
        self._place(after, paragraphs, following=None)
        # "Article 4" after a new Article 4 is Article 5, its 4.1 5.1; after a deleted one, 3
        paragraphs, moved = headings_renumbered(list(self.current), paragraphs)
        was = {**moved, **self.was}  # a new paragraph by the label the compilation showed
        self.shown = {p.label: was[p.id] for p in paragraphs if was.get(p.id, p.label) != p.label}
        return _unique_labels(_in_family_order(paragraphs)), deleted

    def _place(self, born: list[Paragraph], paragraphs: list[Paragraph], *,
               following: Paragraph | None) -> None:
        """Add the new paragraphs ``born`` after ``paragraphs``: a new article where they
        open one after a section's last paragraph (`new_section`; ``following`` is the
        paragraph they stand before), else each a heading where it is one
        (`_as_heading`)."""
        closing = following is None or following.kind is ParagraphKind.HEADING or \
            _section(following.label) != _section(born[0].label) if born else False
        section = new_section(born, paragraphs, self.current.paragraphs) \
            if self.sectioned and closing else None
        for new, placed in zip(born, section or [None] * len(born), strict=True):
            placed = placed or self._as_heading(new, paragraphs) or new
            paragraphs.append(placed)
            self.was[placed.id] = new.label

    def _as_heading(self, born: Paragraph, before: list[Paragraph]) -> Paragraph | None:
        """A new paragraph a delegation typed as a heading that numbers itself ("B.
        Technology", proposed after OP3) as the heading it is, labelled after the last
        heading ``before`` it (``H3 bis``) and numbered with the headings; None for text,
        and in a text numbered by section (a new section would renumber its paragraphs)."""
        if self.sectioned or born.kind is ParagraphKind.HEADING or \
                not heading_line(born.text):
            return None
        headings = [p for p in reversed(before) if p.kind is ParagraphKind.HEADING]
        heading = headings[0] if headings else None
        kind = section_kind(born.text)  # "Article 2 Objective": at the articles' level
        alike = next((p for p in headings if kind and section_kind(p.text) == kind), heading)
        after = parse_label(heading.label) if heading is not None else Label("H", 0)
        taken = [p.label for p in before if p.label.startswith("H")]
        label = str(after) if after.number == 0 and str(after) not in taken \
            else next_label(str(after), taken)
        return replace(born, label=label, kind=ParagraphKind.HEADING, level=alike.level
                       if alike is not None else 1)

    def _revised(self, paragraph: Paragraph, accepted: list[Amendment]) -> Paragraph:
        """``paragraph`` with its bracket decisions and accepted amendments applied; agreed,
        it stays so unless the amendments change its text (the bracket decisions are
        settled with the agreement)."""
        choices = self.choices.get(paragraph.id, [])
        self.moot.update(gone := moot(paragraph, choices, accepted))
        accepted = [a for a in accepted if a.id not in gone]
        opened = options_added(paragraph, choices, accepted)
        steps = accepted_steps(paragraph, paragraph.text, opened) if opened else []
        added = steps[-1].after if steps else paragraph.text
        # an option an amendment adds is chosen: added first, then chosen
        settled = decide_brackets(retext(paragraph, added), choices)
        accepted = [a for a in accepted if a.id not in {o.id for o in opened}]
        steps += [Step(added, settled, cut=True),
                  *accepted_steps(paragraph, settled, accepted)]
        self.steps[paragraph.id] = steps
        text = steps[-1].after
        status = self.decisions.agreed.get(paragraph.id, paragraph.status)
        if status in _AGREED and text != settled:
            self.reopened.append(paragraph.label)
            status = ParagraphStatus.OPEN
        if text != paragraph.text:  # a deleted last word leaves no space behind it
            text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
            text = relettered(paragraph.text, text, between=True)  # the next items move on
            text = normalised(text)  # NFC, as every text is kept (a mark recorded on its own)
        return with_proposed_marks(retext(replace(paragraph, status=status), text), accepted)

    def _born(self, paragraph: Paragraph, accepted: list[Amendment], *,
              before: bool = False) -> list[Paragraph]:
        """The accepted new paragraphs after ``paragraph`` (or before it: a new first one)."""
        born: dict[str, Paragraph] = {}
        for amendment in accepted:
            if amendment.kind is AmendmentKind.NEW_PARAGRAPH and amendment.precedes == before:
                label = self.new_labels[amendment.id]
                kind = paragraph.kind  # after a heading: what its label says (OP2 bis)
                if kind is ParagraphKind.HEADING:
                    with suppress(LabelError):
                        kind = parse_label(label).kind
                text = amendment.new_text.strip()
                born.setdefault(label, Paragraph(f"{amendment.id}.p", label, kind, text,
                                                 marks=born_marks(text, amendment)))
        return list(born.values())


def _refuse_too_long(paragraphs: list[Paragraph],
                     accepted: Mapping[str, list[Amendment]]) -> None:
    """AmendmentError naming a paragraph the accepted amendments make longer than a
    paragraph may be: the revision could not be read back (`show -o`, `import`)."""
    for paragraph in paragraphs:
        if len(paragraph.text) > MAX_PARAGRAPH_CHARS:
            ids = [a.id for a in accepted.get(paragraph.id, [])
                   if a.kind is not AmendmentKind.NEW_PARAGRAPH] or [
                paragraph.id.removesuffix(".p")]  # an accepted new paragraph: "A3.p"
            raise AmendmentError(
                f"{paragraph.label}: the accepted amendments ({', '.join(ids)}) make it "
                f"{len(paragraph.text):,} characters long, more than the "
                f"{MAX_PARAGRAPH_CHARS:,} a paragraph may have (see \"Input limits\" in the "
                f"README); nothing was issued: reopen one (drafting decide {ids[0]} reopen "
                "--note \"...\")")


def _wordless(text: str) -> bool:
    """Whether ``text`` holds no letter or digit (nothing, or punctuation alone)."""
    return not any(char.isalnum() for char in text)


def _in_family_order(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Each run of neighbours of one family (OP5, OP5 bis, and OP5 ter proposed after OP5)
    in label order, as the compilation showed them."""
    out: list[Paragraph] = []
    run: list[tuple[Label, Paragraph]] = []
    for paragraph in [*paragraphs, None]:
        label = None
        if paragraph is not None:
            with suppress(LabelError):
                label = parse_label(paragraph.label)
        if run and (label is None or label.family != run[0][0].family):
            out.extend(p for _, p in sorted(run, key=lambda pair: pair[0]))
            run = []
        if label is not None:
            run.append((label, paragraph))
        elif paragraph is not None:
            out.append(paragraph)
    return out


def _family(label: str) -> tuple[str, str, int] | None:
    """The family of ``label`` (`Label.family`), None for a label that does not parse."""
    try:
        return parse_label(label).family
    except LabelError:
        return None


def _sub_clause(label: str, family: tuple[str, str, int]) -> bool:
    """Whether ``label`` numbers a sub-clause of the clause ``family`` (`sub_clause`)."""
    try:
        return sub_clause(parse_label(label), family)
    except LabelError:
        return False


def _section(label: str) -> str:
    """The section ``label`` counts in ("3" for 3.1), "" for none or a label that does not
    parse."""
    try:
        return parse_label(label).section
    except LabelError:
        return ""


def _unique_labels(paragraphs: list[Paragraph]) -> list[Paragraph]:
    seen: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.label in seen:
            raise AmendmentError(f"two paragraphs would both be {paragraph.label}")
        seen.add(paragraph.label)
    return paragraphs
