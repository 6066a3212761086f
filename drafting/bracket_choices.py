"""The secretariat's decisions on brackets, read from the forms people write them in
(``OP24=present``, ``OP3#2``): what ``drafting revise --choose/--keep/--drop`` takes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from drafting.errors import InputError
from drafting.lazy_re import lazy_compile
from drafting.lookup import brief
from drafting.model import (
    SPAN_KINDS,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Paragraph,
    Revision,
)

if TYPE_CHECKING:
    from drafting.engine import BracketDecision
    from drafting.engine.decisions import ArticleChoice


def bracket_decisions(revision: Revision, *, choose: Sequence[str] = (),
                      keep: Sequence[str] = (), drop: Sequence[str] = (),
                      proposals: Sequence[Amendment] = ()
                      ) -> list[BracketDecision | ArticleChoice]:
    """The secretariat's decisions on brackets, from the forms people write them in.

    ``choose`` holds ``"OP24=present"``: in OP24, keep the alternative that reads
    "present" and drop the others with the brackets; ``keep`` holds ``"OP3"``: keep
    the bracketed text and remove its brackets; ``drop`` holds ``"OP3"``: delete the
    bracketed text. A paragraph named alone in ``keep`` or ``drop`` has every one of its
    brackets settled so (a paragraph left with nothing is deleted by the revision); one
    bracket is named by its number, counted from 1 as `drafting brackets SYMBOL --para
    OP3` shows them: ``"OP3#2"``, ``"OP24#1=present"``. Words no bracket offers but a pending
    (or accepted) amendment among ``proposals`` proposes in one of its alternatives
    (``OP1=in 2029``, where the EU proposes "2029" for "2028" in ``[in 2027 / in 2028]``),
    or in an alternative it adds (``[in 2027 / in 2028 / in 2029]``, or a bracket typed
    beside the group, ``[in 2027 / in 2028] [in 2029]``: `drafting.engine.applied.folded`),
    choose that alternative and accept the amendment with the choice. InputError, naming
    the paragraph and what it holds, for anything that does not fit.

    An article that has alternatives set out after it is chosen among them by its
    number: ``"13=alt"`` keeps "[Article 13 alt" as Article 13 (``"13=alt2"`` the second
    alternative), ``"13=original"`` keeps Article 13; the others are removed
    (`drafting.engine.article_choices`): an `ArticleChoice` among the decisions.
    """
    from drafting.engine import BracketAction, BracketDecision
    from drafting.engine.article_choices import article_choice

    decisions: list[BracketDecision] = []
    articles: list[ArticleChoice] = []
    for spec in choose:
        where, sep, wanted = spec.partition("=")
        if not sep or not wanted.strip():
            raise InputError(f"'{spec}': write the paragraph and the alternative to keep, "
                             "e.g. OP24=present (or OP24#2=present)")
        if (article := article_choice(revision, where, wanted)) is not None:
            articles.append(article)
            continue
        paragraph, number = _bracket_place(revision, where)
        try:
            index, alternative = _alternative(paragraph, number, wanted)
            proposed = ""
        except InputError as error:
            found = _proposed(paragraph, number, wanted, proposals)
            if found is None:
                raise error from None
            index, alternative, proposed = found
        decisions.append(BracketDecision(paragraph.id, index, BracketAction.CHOOSE, alternative,
                                         amendment=proposed))
    for specs, action in ((keep, BracketAction.AGREE), (drop, BracketAction.DELETE)):
        for spec in specs:
            paragraph, number = _bracket_place(revision, spec)
            decisions += [BracketDecision(paragraph.id, index, action)
                          for index in _settled(paragraph, number, action)]
    seen: set[tuple[str, int]] = set()
    for decision in decisions:
        key = (decision.paragraph_id, decision.group)
        if key in seen:
            label = revision.by_id(decision.paragraph_id)
            raise InputError(f"{label.label if label else decision.paragraph_id}: bracket "
                             f"{decision.group + 1} is decided twice; decide it once")
        seen.add(key)
    return [*decisions, *articles]


_NO_TEXT = lazy_compile(r"\[?no text\]?", re.IGNORECASE)
"""What names an empty alternative ("Option 2: No text") in ``--choose OP2=No text``."""
_CHOOSABLE = frozenset({AmendmentStatus.SUBMITTED, AmendmentStatus.ACCEPTED})


def _proposed(paragraph: Paragraph, number: int | None, wanted: str,
              proposals: Sequence[Amendment]) -> tuple[int, int, str] | None:
    """The bracket, alternative and pending amendment whose change, inside that alternative,
    makes it read ``wanted``; None when no amendment, or more than one change, does."""
    from drafting import brackets
    from drafting.engine.applied import folded

    words = " ".join(wanted.split())
    text, groups = paragraph.text, _groups(paragraph, number)
    fits: dict[tuple[int, int, int, int, str], tuple[int, int, str]] = {}  # distinct changes
    for amendment in proposals:
        amendment = folded(amendment, text) or amendment  # " [in 2030]" typed beside
        span = amendment.span
        if (amendment.paragraph_id != paragraph.id or amendment.amends or span is None
                or amendment.kind not in SPAN_KINDS or amendment.kind is AmendmentKind.BRACKET
                or amendment.status not in _CHOOSABLE
                or text[span.start:span.end] != (amendment.old_text if len(span) else "")):
            continue  # not a change of words here (or made on an earlier text)
        for group in groups:
            if not group.start < span.start <= span.end < group.end:
                continue
            changed = text[:span.start] + amendment.new_text + text[span.end:]
            after = [g for g in brackets.groups(changed) if g.start == group.start]
            if not after or not _same_or_more(group.alternatives, after[0].alternatives):
                continue
            for index, alternative in enumerate(after[0].alternatives):
                if " ".join(alternative.split()) == words:
                    fits.setdefault((group.index, index, span.start, span.end,
                                     amendment.new_text), (group.index, index, amendment.id))
    return next(iter(fits.values())) if len(fits) == 1 else None


def _same_or_more(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether a bracket's alternatives ``after`` an amendment are as many as ``before``
    (words changed in one), or those and new ones (an option added: "[a / b / c]")."""
    if len(after) == len(before):
        return True
    kept = iter(" ".join(text.split()) for text in after)
    return len(after) > len(before) and all(" ".join(old.split()) in kept for old in before)


def _bracket_place(revision: Revision, spec: str) -> tuple[Paragraph, int | None]:
    label, sep, number = spec.strip().partition("#")
    paragraph = revision.by_label(label.strip())
    if paragraph is None:
        raise InputError(f"'{spec}': {revision.label} has no paragraph {label.strip()}")
    if not sep:
        return paragraph, None
    if not number.strip().isdigit() or int(number) < 1:
        raise InputError(f"'{spec}': after # give the bracket's number, from 1, as "
                         f"`drafting brackets SYMBOL --para {paragraph.label}` shows it")
    return paragraph, int(number)


def _groups(paragraph: Paragraph, number: int | None) -> list[Any]:
    from drafting import brackets

    groups = brackets.groups(paragraph.text, paragraph=paragraph.label)
    if not groups:
        raise InputError(f"{paragraph.label} has no brackets left")
    if number is None:
        return groups
    if number > len(groups):
        raise InputError(f"{paragraph.label} has {len(groups)} bracket(s); there is no "
                         f"bracket {number}")
    return [groups[number - 1]]


def _alternative(paragraph: Paragraph, number: int | None, wanted: str) -> tuple[int, int]:
    words = "" if _NO_TEXT.fullmatch(wanted.strip()) else " ".join(wanted.split())
    fits = [(g.index, i) for g in _groups(paragraph, number)
            for i, text in enumerate(g.alternatives) if " ".join(text.split()) == words]
    if len(fits) == 1:
        return fits[0]
    shown = "; ".join(f"#{g.index + 1} [{' / '.join(g.alternatives)}]"
                      for g in _groups(paragraph, number))
    if not fits:
        raise InputError(f"{paragraph.label}: no bracket offers '{wanted.strip()}'; its "
                         f"brackets: {brief(shown, 200)}")
    raise InputError(f"{paragraph.label}: brackets {', '.join(f'#{g + 1}' for g, _ in fits)} "
                     f"all offer '{wanted.strip()}'; name one, e.g. "
                     f"{paragraph.label}#{fits[0][0] + 1}={wanted.strip()}")


def _settled(paragraph: Paragraph, number: int | None, action: Any) -> list[int]:
    """The brackets ``--keep``/``--drop`` settle: the one named by its number, else every
    bracket of the paragraph. Keeping one of several alternatives needs ``--choose``."""
    from drafting.engine import BracketAction

    groups = _groups(paragraph, number)
    if action is BracketAction.AGREE:
        several = [g for g in groups if len(g.alternatives) > 1]
        if several:
            shown = "; ".join(f"#{g.index + 1} [{' / '.join(g.alternatives)}]"
                              for g in several)
            raise InputError(f"{paragraph.label}: keeping a bracket of alternatives means "
                             f"choosing one: use --choose \"{paragraph.label}"
                             f"#{several[0].index + 1}=...\" for {brief(shown, 200)}")
    return [g.index for g in groups]
