"""Who stands where: for each paragraph, which delegation proposed, supported or opposed what.

Read off a `Compilation`, so it shows exactly the proposals the compilation
text shows. Three roles, in this order when a delegation has several on one
paragraph (``"proposed, retain"``):

- ``proposed``: proponent of a change, an option in a bracket, a new
  paragraph, an alternative formulation or the deletion of the paragraph, or of an
  amendment to one of those (a sub-amendment);
- ``supported``: supporter of any of those;
- ``retain``: asked to keep the text as it is (proponent or supporter of a
  retain, or named in a bracket's ``retained_by``) - the opposing position;
- ``withdrew``: proponent of an amendment to the paragraph it has withdrawn (given to
  `positions` apart: a compilation holds only what is still proposed);
- ``supported (withdrawn)``: supporter of an amendment its proponents withdrew (given
  apart too). The supporter stood for the change, and may table it again as its own
  proposal: the chair sees who may pick it up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from drafting.engine.segments import (
    Alternatives,
    Change,
    Compilation,
    Credit,
    Entry,
    MergedParagraph,
)

PROPOSED = "proposed"
SUPPORTED = "supported"
RETAIN = "retain"
WITHDREW = "withdrew"
BACKED_WITHDRAWN = "supported (withdrawn)"
ROLES: tuple[str, ...] = (PROPOSED, SUPPORTED, RETAIN, WITHDREW, BACKED_WITHDRAWN)
"""The roles, in the order they are joined in a cell."""


@dataclass(frozen=True, slots=True)
class PositionRow:
    """One paragraph: its label and, per delegation with a position, its roles.

    ``cells`` holds ``(delegation, roles)`` pairs sorted by delegation, roles
    joined in `ROLES` order (``"proposed, retain"``); delegations without a
    position on the paragraph are left out.
    """

    label: str
    cells: tuple[tuple[str, str], ...] = ()

    def cell(self, delegation: str) -> str:
        """The roles of ``delegation`` here; empty if it took no position."""
        return dict(self.cells).get(delegation, "")


@dataclass(frozen=True, slots=True)
class PositionMatrix:
    """Positions for a whole text: a row per paragraph (in text order, new ones
    included, those nobody touched too) and every delegation that took a
    position anywhere, sorted."""

    delegations: tuple[str, ...]
    rows: tuple[PositionRow, ...]


def positions(compilation: Compilation,
              withdrawn: Mapping[str, Iterable[str]] | None = None,
              backed: Mapping[str, Iterable[str]] | None = None) -> PositionMatrix:
    """The position matrix of ``compilation``; ``withdrawn`` maps a paragraph's label to
    the delegations that withdrew an amendment to it, ``backed`` to those that supported
    an amendment to it that was withdrawn. A text with no proposals gives rows with no
    cells and no delegations."""
    withdrawn, backed = withdrawn or {}, backed or {}
    rows = tuple(_row(entry, withdrawn.get(_label(entry), ()), backed.get(_label(entry), ()))
                 for entry in compilation.entries)
    delegations = sorted({code for row in rows for code, _ in row.cells})
    return PositionMatrix(tuple(delegations), rows)


def _row(entry: Entry, withdrew: Iterable[str] = (), backed: Iterable[str] = (),
         ) -> PositionRow:
    roles: dict[str, set[str]] = {}
    for role, codes in [*_positions(entry), (WITHDREW, tuple(withdrew)),
                        (BACKED_WITHDRAWN, tuple(backed))]:
        for code in codes:
            roles.setdefault(code, set()).add(role)
    return PositionRow(_label(entry), _cells(roles))


def _cells(roles: Mapping[str, set[str]]) -> tuple[tuple[str, str], ...]:
    return tuple(
        (code, ", ".join(role for role in ROLES if role in held))
        for code, held in sorted(roles.items())
    )


def _label(entry: Entry) -> str:
    return entry.paragraph.label if isinstance(entry, MergedParagraph) else entry.label


def _positions(entry: Entry) -> Iterable[tuple[str, tuple[str, ...]]]:
    """(role, delegations) pairs for everything said about one paragraph, amendments
    to its proposals (sub-amendments) included: their proponents propose on it too."""
    for amended in entry.amended:
        for credit in amended.credits():
            yield from _credited(credit)
    if not isinstance(entry, MergedParagraph):
        yield from _credited(entry.credit)
        return
    for segment in entry.segments:
        if isinstance(segment, Change):
            yield from _credited(segment.credit)
        elif isinstance(segment, Alternatives):
            yield RETAIN, segment.retained_by
            for option in segment.options:
                yield from _credited(option.credit)
    for option in entry.alternatives:
        yield from _credited(option.credit)
    if entry.deletion is not None:
        yield from _credited(entry.deletion)
    if entry.retains is not None:
        yield RETAIN, entry.retains.proponents + entry.retains.supporters


def _credited(credit: Credit) -> Iterable[tuple[str, tuple[str, ...]]]:
    yield PROPOSED, credit.proponents
    yield SUPPORTED, credit.supporters
