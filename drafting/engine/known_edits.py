"""Known edits: how a revision made a paragraph's new text, step by step, so that the
amendments still pending move through exactly what changed.

A diff of the old and new texts guesses where words went, and where the new text repeats
the words an amendment changed beside them it cannot tell which copy is the old one
(`drafting.engine.anchoring`: stale). But a revision knows its edits: each accepted change
replaced known characters. Spans move through such a step by offset (untouched, they shift
by what changed before them; touched, they are stale); only a step whose edit is not known
exactly (bracket decisions, an alternative wording, the tidying after) is diffed.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from drafting.engine.anchoring import Diff, rebase
from drafting.model import Amendment


class Step(NamedTuple):
    """One change of a paragraph's text: ``before`` became ``after``; ``diffs`` is the
    exact edit (a diff of the two), or None where it is not known and is diffed. With
    ``cut``, ``after`` is ``before`` with parts cut out (brackets decided)."""

    before: str
    after: str
    diffs: tuple[Diff, ...] | None = None
    cut: bool = False


def edited(before: str, after: str, start: int, end: int) -> Step:
    """The step in which ``before[start:end]`` was replaced to give ``after``: the change
    is drawn there, never over the same words beside it (" a report on X and" put before
    "a report on Y" is not "report on X and a " put after "a"); it widens only where
    ``after`` differs outside it (the space a deletion leaves, `joined`)."""
    head = 0
    limit = min(start, len(after))
    while head < limit and before[head] == after[head]:
        head += 1
    tail = 0
    limit = min(len(before) - end, len(after) - head)
    while tail < limit and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    pieces = ((0, before[:head]), (-1, before[head:len(before) - tail]),
              (1, after[head:len(after) - tail]), (0, before[len(before) - tail:]))
    return Step(before, after, tuple((op, text) for op, text in pieces if text))


def carry(amendment: Amendment, old: str, new: str, revision: str,
          steps: Sequence[Step] = ()) -> Amendment:
    """``amendment`` (on ``old``) moved onto ``new``, made against ``revision``: through
    ``steps`` (from ``old``), then diffed from the last step's text to ``new`` where they
    differ (the tidying after). Steps that do not start from ``old`` are not used: the
    whole way is diffed. Raises StaleError as `rebase` does, at the first step that
    changed its words."""
    if not steps or steps[0].before != old or any(
            a.after != b.before for a, b in pairwise(steps)):
        return rebase(amendment, old, new, revision)
    for step in steps:
        if step.before != step.after:
            known = list(step.diffs) if step.diffs is not None else None
            amendment = rebase(amendment, step.before, step.after, revision, cut=step.cut,
                               known=known)
    return rebase(amendment, steps[-1].after, new, revision)
