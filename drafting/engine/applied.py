"""One paragraph's decisions applied to its text, for `drafting.engine.revise`: the
bracket decisions, then the accepted changes. Accepted amendments that cannot all take
effect (they change the same words, compete for the whole paragraph, change a paragraph
whose deletion or retention was accepted too) are refused, naming them, before anything
is issued: a decision is never silently dropped."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from drafting import brackets
from drafting.characters import visible
from drafting.engine.anchoring import rebase
from drafting.engine.decisions import BracketAction, BracketDecision
from drafting.engine.equivalent import joined, narrowest, past_space, same_made
from drafting.engine.known_edits import Step, edited
from drafting.errors import AmendmentError, DraftingError, StaleError
from drafting.lazy_re import lazy_compile
from drafting.model import (
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    Paragraph,
    Revision,
    Span,
)
from drafting.model.amendment import SPAN_KINDS
from drafting.wording import describe

_K = AmendmentKind


def refuse_together(accepted: Iterable[tuple[Paragraph, Sequence[Amendment]]]) -> None:
    """AmendmentError naming every paragraph whose accepted amendments cannot all take
    effect (`cannot_all_apply`); ``accepted``: each paragraph with its accepted ones."""
    found = [why for paragraph, mine in accepted
             if (why := cannot_all_apply(paragraph.label, mine)) is not None]
    if found:
        raise AmendmentError("; ".join(found))


def cannot_all_apply(label: str, accepted: Sequence[Amendment]) -> str | None:
    """Why the accepted amendments of paragraph ``label`` cannot all take effect, or None:
    its deletion beside any other change of it (or a retain), or a retain (keep the text
    as it stands) beside a change of its words. New paragraphs after it never conflict."""
    deletions = [a for a in accepted if a.kind is _K.DELETE_PARAGRAPH]
    retains = [a for a in accepted if a.kind is _K.RETAIN]
    changes = [a for a in accepted if a.kind in SPAN_KINDS or a.kind is _K.ALTERNATIVE]
    first, others = (deletions, [*changes, *retains]) if deletions else (retains, changes)
    if not first or not others:
        return None
    return (f"{label}: accepted amendments {', '.join(a.id for a in first)} "
            f"({describe(first[0])}) and {', '.join(a.id for a in others)} cannot all be "
            f"applied; reopen one (drafting decide {others[0].id} reopen --note \"...\")")


def decide_brackets(paragraph: Paragraph, decisions: Sequence[BracketDecision]) -> str:
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


def moot(paragraph: Paragraph, decisions: Sequence[BracketDecision],
         accepted: Sequence[Amendment]) -> dict[str, str]:
    """The accepted changes of ``paragraph`` (placed on its text) that its choices make
    moot, each wholly inside an alternative not chosen ("Option 2" edited, "Option 3"
    chosen): id -> why. Not the amendments a choice accepts with it
    (`BracketDecision.amendment`). Words accepted in a bracket dropped (``--drop``) are
    no choice between proposals: `apply_accepted` refuses them."""
    text, gone = paragraph.text, []
    for decision in decisions:
        if decision.action is BracketAction.CHOOSE:
            places = brackets.places(text, decision.group, paragraph=paragraph.label)
            gone += [(a, b, f"the alternative it changes, '{text[a:b].strip()}', was not "
                      "chosen") for n, (a, b) in enumerate(places) if n != decision.alternative]
    chosen = {d.amendment for d in decisions if d.amendment}
    found = {}
    for amendment in accepted:
        beside = folded(amendment, text)  # an alternative typed beside a group
        span = (beside or amendment).span
        if amendment.kind in SPAN_KINDS and span is not None and amendment.id not in chosen:
            why = next((w for a, b, w in gone if a <= span.start <= span.end <= b), None)
            if why is not None and beside is not None:
                why = f"the alternative it adds, {amendment.new_text.strip()}, was not chosen"
            if why is not None:
                found[amendment.id] = f"{paragraph.label}: {why}; it has no effect"
    return found


def options_added(paragraph: Paragraph, choices: Sequence[BracketDecision],
                  accepted: Sequence[Amendment]) -> list[Amendment]:
    """The accepted amendments whose new option a choice keeps (`bracket_decisions`: an
    alternative past those ``paragraph``'s bracket holds, "[a / b]" + " / c", or one typed
    beside it, "[a / b] [c]", as `folded` makes it)."""
    chosen = {d.amendment: d for d in choices if d.amendment}
    if not chosen:
        return []
    groups, added = brackets.groups(paragraph.text), []
    for amendment in accepted:
        decision, beside = chosen.get(amendment.id), folded(amendment, paragraph.text)
        if decision is None:
            continue
        past = decision.group < len(groups) and \
            decision.alternative >= len(groups[decision.group].alternatives)
        if beside is not None or past:
            added.append(beside or amendment)
    return added


_BESIDE = lazy_compile(r"\s*\[([^\[\]]*)\]\s*")
"""A bracket typed beside a group as a new alternative of it: " [in 2030]"."""


def folded(amendment: Amendment, text: str) -> Amendment | None:
    """An insertion of a bracket typed right after (or before) a bracket group of ``text``
    ("[in 2027 / in 2028]" + " [in 2030]"), as delegations propose a new alternative, made
    the insertion of that alternative inside the group ("[in 2027 / in 2028 / in 2030]"):
    one choice, the group's number unchanged. None for any other amendment. Brackets
    apart in a text ("[all] [States]") stay separate groups: only a proposal typed beside
    a group is read so."""
    span, found = amendment.span, _BESIDE.fullmatch(amendment.new_text)
    if amendment.kind is not _K.INSERT or amendment.amends or span is None or len(span) \
            or found is None or not found[1].strip():
        return None
    for group in brackets.groups(text):
        if span.start == group.end:
            return replace(amendment, span=Span(group.end - 1, group.end - 1),
                           new_text=brackets.SPACED_SLASH + found[1])
        if span.start == group.start:
            return replace(amendment, span=Span(group.start + 1, group.start + 1),
                           new_text=found[1] + brackets.SPACED_SLASH)
    return None


def apply_accepted(paragraph: Paragraph, text: str, accepted: Sequence[Amendment]) -> str:
    """The accepted changes of one paragraph applied to ``text`` (its text after
    bracket decisions). Overlapping accepted changes are refused; a retain changes
    nothing (`refuse_together` refuses it beside a change)."""
    steps = accepted_steps(paragraph, text, accepted)
    return steps[-1].after if steps else text


def accepted_steps(paragraph: Paragraph, text: str,
                   accepted: Sequence[Amendment]) -> list[Step]:
    """`apply_accepted` one change at a time: the steps from ``text`` to the paragraph
    with its accepted changes (none when there are none), each change's edit known
    (`drafting.engine.known_edits`) but for an alternative wording, and a change several
    proposals typed over different words (which of their spans holds is a guess)."""
    alternatives = [a for a in accepted if a.kind is _K.ALTERNATIVE]
    spans = [a for a in accepted if a.kind in SPAN_KINDS]
    if alternatives and (spans or len({visible(a.new_text.strip()) for a in alternatives}) > 1):
        ids = ", ".join(a.id for a in alternatives + spans)
        raise AmendmentError(f"{paragraph.label}: accepted amendments {ids} compete for the "
                             "whole paragraph; accept one")
    if alternatives:
        return [Step(text, alternatives[0].new_text.strip())]
    moved = _past_spaces(text, [_onto(paragraph, text, a) for a in spans])
    once = _once(text, moved)
    guessed = {id(a) for a in once} - {id(a) for a in moved}  # narrowed: no typed span
    parts = [part for a in once for part in _brackets_struck(a)]
    unique = {(a.span.start, a.span.end, a.new_text): a for a in parts if a.span is not None}
    ordered = sorted(unique.values(), key=lambda a: (a.span.start, a.span.end))
    for first, second in itertools.pairwise(ordered):
        if _overlap(first, second) and not _new_options(text, first, second):
            raise AmendmentError(f"{paragraph.label}: accepted amendments {first.id} and "
                                 f"{second.id} change the same words; accept one")
    steps = []
    for amendment in reversed(ordered):
        span = amendment.span
        # the space before a deletion goes with it only where no other change (applied
        # after it, being before it) stands right there: it would take a character not its own
        beside = any(a.span.end == span.start for a in ordered if a is not amendment)
        made = joined(text[: span.start], amendment.new_text, text[span.end :],
                      "" if beside else text[span.start : span.end])
        step = edited(text, made, span.start, span.end)
        steps.append(step if id(amendment) not in guessed else Step(text, made))
        text = made
    return steps


def known_steps(document: Document, made_on: Revision, paragraph_id: str,
                accepted: Collection[Amendment]) -> list[Step]:
    """The steps by which each revision of ``document`` since ``made_on`` made paragraph
    ``paragraph_id`` (`drafting.engine.known_edits`): the changes of ``accepted`` made on
    each (status accepted, not amendments to proposals) as known edits, what else that
    revision changed diffed. Empty where the paragraph is not in each revision, or its
    accepted changes cannot be applied as they stand."""
    labels = [r.label for r in document.revisions]
    if made_on.label not in labels:
        return []
    steps: list[Step] = []
    for before, after in itertools.pairwise(document.revisions[labels.index(made_on.label):]):
        was, now = before.by_id(paragraph_id), after.by_id(paragraph_id)
        if was is None or now is None:
            return []
        mine = [a for a in accepted if a.revision == before.label and not a.amends
                and a.paragraph_id == paragraph_id and a.status is AmendmentStatus.ACCEPTED]
        try:
            made = accepted_steps(was, was.text, mine)
        except DraftingError:
            made = []
        last = made[-1].after if made else was.text
        steps += [*made, Step(last, now.text)] if last != now.text else made
    return steps


def _brackets_struck(amendment: Amendment) -> tuple[Amendment, ...]:
    """A proposal to lift a bracket (`drafting.brackets.lifted`) as the deletions of its
    "[" and its "]", so that changes accepted in the words between them stand with it;
    any other amendment as it is."""
    span = amendment.span
    if amendment.kind is not _K.REPLACE or span is None or \
            not brackets.lifted(amendment.old_text, amendment.new_text):
        return (amendment,)
    return tuple(replace(amendment, kind=_K.DELETE, span=Span(start, start + 1),
                         old_text=mark, new_text="")
                 for start, mark in ((span.start, "["), (span.end - 1, "]")))


def _once(text: str, amendments: Sequence[Amendment]) -> list[Amendment]:
    """``amendments`` (on ``text``), those that make the paragraph the same once: on the
    fewest words that differ where they were typed over different words (`narrowest`),
    as the merged draft shows them."""
    alike: dict[tuple[str, bool], list[Amendment]] = {}
    for amendment in amendments:
        key = (same_made(text, amendment), amendment.kind is _K.BRACKET)
        alike.setdefault(key, []).append(amendment)
    once = []
    for first, *others in alike.values():
        if any((a.span, a.new_text) != (first.span, first.new_text) for a in others):
            start, end, new = narrowest(text, first)
            first = replace(first, span=Span(start, end), old_text=text[start:end],
                            new_text=new)
        once.append(first)
    return once


def _past_spaces(text: str, amendments: Sequence[Amendment]) -> list[Amendment]:
    """``amendments`` (on ``text``) with each insertion that falls inside another's
    deletion only by the spaces between moved to its edge (`past_space`): both stand."""
    struck = [(a.span.start, a.span.end) for a in amendments if a.span is not None
              and a.span.start < a.span.end and not a.new_text]
    out = []
    for amendment in amendments:
        span = amendment.span
        found = None
        if span is not None and span.start == span.end and amendment.new_text:
            found = next((moved for start, end in struck if (moved := past_space(
                text, span.start, amendment.new_text, start, end)) is not None), None)
        out.append(amendment if found is None else
                   replace(amendment, span=Span(found[0], found[0]), new_text=found[1]))
    return out


def _onto(paragraph: Paragraph, text: str, amendment: Amendment) -> Amendment:
    if text == paragraph.text:
        return amendment
    try:
        return rebase(amendment, paragraph.text, text, amendment.revision, cut=True)
    except StaleError as error:
        raise AmendmentError(
            f"{paragraph.label}: amendment {amendment.id} cannot be accepted together with "
            f"the bracket decisions: {error.message}"
        ) from error


def _new_options(text: str, first: Amendment, second: Amendment) -> bool:
    """Whether both add options after the last of the option block ``text``
    ("[a][b][]" + "[c]"): both stand, in the order accepted, as the merged draft shows
    them."""
    end = len(text)
    return text.startswith("[") and text.endswith("]") and "][" in text and all(
        a.span is not None and a.span.start == a.span.end == end and
        _WHOLE_BRACKETS.fullmatch(a.new_text) for a in (first, second))


_WHOLE_BRACKETS = lazy_compile(r"(?:\[[^\[\]]*\])+")


def _overlap(first: Amendment, second: Amendment) -> bool:
    a, b = first.span, second.span
    if a.start == a.end or b.start == b.end:
        return a.start < b.start < a.end or b.start < a.start < b.end or (
            a.start == a.end == b.start == b.end)
    return b.start < a.end
