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

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import datetime

from drafting import brackets
from drafting.brackets import NOTE_MARKER
from drafting.engine.anchoring import rebase, word_diff
from drafting.engine.decisions import BracketAction as BracketAction
from drafting.engine.decisions import BracketDecision as BracketDecision
from drafting.engine.decisions import Decisions as Decisions
from drafting.engine.merge import merge, place, submission_order
from drafting.engine.segments import Compilation, NewParagraph, StaleAmendment
from drafting.engine.standing import (
    check_nested,
    nested_standing,
    settled_by_decisions,
    standing,
)
from drafting.engine.subamend import split, with_subamendments
from drafting.errors import AmendmentError, InputError, LabelError, StaleError
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    Paragraph,
    ParagraphKind,
    Revision,
    renumber,
)
from drafting.model.amendment import SPAN_KINDS
from drafting.model.headings import numbered_title
from drafting.model.labels import Label, changed, next_label, parse_label
from drafting.model.marks import carried

_REVISION_LABEL = re.compile(r"Rev\.\d+")





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
    amendments cannot all stand (they overlap, or one went stale).
    """
    current = _current(document, label)
    given = sorted(amendments, key=submission_order)
    chosen = {d.amendment: d for d in decisions.brackets if d.amendment}
    decisions = replace(decisions, accepted=decisions.accepted | chosen.keys())
    _check(decisions, given)
    given, nested = split(given)
    made = check_nested(nested, decisions, {a.id: a for a in given})
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
    table = changed(renumber([p.label for p in paragraphs],
                             starts=[p.label for p in current]))
    table.update({old: "" for old in deleted})
    markers = _footnote_numbers(table)
    revision = Revision(
        label,
        tuple(_retext(replace(p, label=table.get(p.label, p.label)), _cite(p.text, markers))
              for p in paragraphs),
        created_at=created_at,
        label_table=tuple(table.items()),
        front_matter=tuple(revised_symbol(line, document.symbol, label)
                           for line in current.front_matter),  # else carried as it is
        chapeau=current.chapeau,
    )
    settled = settled_by_decisions(current, placed, decisions) | _settled_by_choice(
        current, given, chosen)
    outcome, more_stale = standing(given, placed, decisions, {**settled, **twins}, current,
                                    revision)
    if nested:
        outcome, more_stale = nested_standing(nested, outcome, more_stale, decisions, revision)
    return RevisionOutcome(revision, table, outcome, (*stale, *more_stale), twins,
                           tuple(builder.emptied), settled)


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
            settled[amendment.id] = f"{label}: '{amendment.new_text.strip()}' chosen"
    return settled


def _current(document: Document, label: str) -> Revision:
    if document.current is None:
        raise InputError(f"{document.symbol} has no text to revise yet")
    if (existing := document.revision(label)) is not None:
        raise InputError(
            f"{document.symbol} already has a revision '{existing.label}'; choose a new label"
        )
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
        self.accepted: dict[str, list[Amendment]] = defaultdict(list)
        for amendment in accepted:
            self.accepted[amendment.paragraph_id].append(amendment)
        self.choices: dict[str, list[BracketDecision]] = defaultdict(list)
        for decision in decisions.brackets:
            self.choices[decision.paragraph_id].append(decision)

    def build(self) -> tuple[list[Paragraph], list[str]]:
        paragraphs: list[Paragraph] = []
        deleted: list[str] = []
        for paragraph in self.current:
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
            for born in self._born(paragraph, mine):
                paragraphs.append(self._as_heading(born, paragraphs) or born)
        return _unique_labels(_in_family_order(paragraphs)), deleted

    def _as_heading(self, born: Paragraph, before: list[Paragraph]) -> Paragraph | None:
        """A new paragraph a delegation typed as a heading that numbers itself ("B.
        Technology", proposed after OP3) as the heading it is, labelled after the last
        heading ``before`` it (``H3 bis``) and numbered with the headings; None for text,
        and in a text numbered by section (a new section would renumber its paragraphs)."""
        if self.sectioned or born.kind is ParagraphKind.HEADING or \
                not numbered_title(born.text):
            return None
        heading = next((p for p in reversed(before) if p.kind is ParagraphKind.HEADING), None)
        after = parse_label(heading.label) if heading is not None else Label("H", 0)
        taken = [p.label for p in before if p.label.startswith("H")]
        label = str(after) if after.number == 0 and str(after) not in taken \
            else next_label(str(after), taken)
        return replace(born, label=label, kind=ParagraphKind.HEADING, level=heading.level
                       if heading is not None else 1)

    def _revised(self, paragraph: Paragraph, accepted: list[Amendment]) -> Paragraph:
        text = _decide_brackets(paragraph, self.choices.get(paragraph.id, []))
        text = _apply(paragraph, text, accepted)
        if text != paragraph.text:  # a deleted last word leaves no space behind it
            text = "\n".join(line.strip() for line in text.split("\n") if line.strip())
        status = self.decisions.agreed.get(paragraph.id, paragraph.status)
        return _retext(replace(paragraph, status=status), text)

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
                born.setdefault(label, Paragraph(
                    f"{amendment.id}.p", label, kind, amendment.new_text.strip()
                ))
        return list(born.values())


def revised_symbol(text: str, symbol: str, label: str) -> str:
    """``text`` with the document's symbol followed by revision ``label``, as the UN
    writes it (``A/C.2/81/L.7`` -> ``A/C.2/81/L.7/Rev.1``, an earlier ``/Rev.1`` replaced),
    when ``label`` is a "Rev.N"; else ``text`` as it is."""
    if not _REVISION_LABEL.fullmatch(label) or symbol not in text:
        return text
    return symbol_pattern(symbol).sub(f"{symbol}/{label}", text)


def symbol_pattern(symbol: str) -> re.Pattern[str]:
    """The document's ``symbol`` where it stands as itself, with the revision it names if
    any (group ``old``): never inside a word ("G" in "General") or a longer symbol
    (``A/C.2/81/L.7`` in ``A/C.2/81/L.70`` or ``A/C.2/81/L.7/Corr.1``)."""
    return re.compile(r"(?<![\w/.-])" + re.escape(symbol) + r"(?P<old>/Rev\.\d+)?"
                      r"(?![\w/-])")


def _wordless(text: str) -> bool:
    """Whether ``text`` holds no letter or digit (nothing, or punctuation alone)."""
    return not any(char.isalnum() for char in text)


def _retext(paragraph: Paragraph, text: str) -> Paragraph:
    """``paragraph`` with ``text``, its formatting marks moved with the words."""
    if text == paragraph.text:
        return paragraph
    return replace(paragraph, text=text,
                   marks=carried(paragraph.marks, word_diff(paragraph.text, text)))


def _footnote_numbers(table: dict[str, str]) -> dict[str, str]:
    """Old -> new footnote numbers from a renumbering table (FN3 -> FN2: "3" -> "2")."""
    numbers = {}
    for old, new in table.items():
        with suppress(LabelError):
            was, now = parse_label(old), parse_label(new) if new else None
            if was.prefix == "FN" and not was.suffix and now is not None:
                numbers[str(was.number)] = str(now.number)
    return numbers


def _cite(text: str, numbers: dict[str, str]) -> str:
    """``text`` with its footnote markers renumbered as the footnotes were."""
    if not numbers or "[^" not in text:
        return text
    return NOTE_MARKER.sub(lambda m: f"[^{numbers.get(m[1], m[1])}]", text)


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


def _decide_brackets(paragraph: Paragraph, decisions: list[BracketDecision]) -> str:
    """Apply bracket decisions, innermost and last first so indices stay valid."""
    text = paragraph.text
    for decision in sorted(decisions, key=lambda d: d.group, reverse=True):
        if decision.action is BracketAction.CHOOSE:
            text = brackets.choose(text, decision.group, decision.alternative,
                                   paragraph=paragraph.label)
        elif decision.action is BracketAction.AGREE:
            text = brackets.agree(text, decision.group, paragraph=paragraph.label)
        else:
            text = brackets.delete(text, decision.group, paragraph=paragraph.label)
    return text


def _apply(paragraph: Paragraph, text: str, accepted: list[Amendment]) -> str:
    """The accepted changes of one paragraph applied to ``text`` (its text after
    bracket decisions). Overlapping accepted changes are refused."""
    alternatives = [a for a in accepted if a.kind is AmendmentKind.ALTERNATIVE]
    spans = [a for a in accepted if a.kind in SPAN_KINDS]
    if alternatives and (spans or len({a.new_text for a in alternatives}) > 1):
        ids = ", ".join(a.id for a in alternatives + spans)
        raise AmendmentError(f"{paragraph.label}: accepted amendments {ids} compete for the "
                             "whole paragraph; accept one")
    if alternatives:
        return alternatives[0].new_text.strip()
    moved = [_onto(paragraph, text, a) for a in spans]
    unique = {(a.span.start, a.span.end, a.new_text): a for a in moved if a.span is not None}
    ordered = sorted(unique.values(), key=lambda a: (a.span.start, a.span.end))
    for first, second in itertools.pairwise(ordered):
        if _overlap(first, second):
            raise AmendmentError(f"{paragraph.label}: accepted amendments {first.id} and "
                                 f"{second.id} change the same words; accept one")
    for amendment in reversed(ordered):
        span = amendment.span
        text = text[: span.start] + amendment.new_text + text[span.end :]
    return text


def _onto(paragraph: Paragraph, text: str, amendment: Amendment) -> Amendment:
    if text == paragraph.text:
        return amendment
    try:
        return rebase(amendment, paragraph.text, text, amendment.revision)
    except StaleError as error:
        raise AmendmentError(
            f"{paragraph.label}: amendment {amendment.id} cannot be accepted together with "
            f"the bracket decisions: {error.message}"
        ) from error


def _overlap(first: Amendment, second: Amendment) -> bool:
    a, b = first.span, second.span
    if a.start == a.end or b.start == b.end:
        return a.start < b.start < a.end or b.start < a.start < b.end or (
            a.start == a.end == b.start == b.end)
    return b.start < a.end
