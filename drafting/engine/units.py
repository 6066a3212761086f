"""Proposals on a paragraph's words as merge groups them: identical ones one `Unit` (one
change with all their credit), units on overlapping words one cluster (a bracket of
alternatives in the compilation), for `drafting.engine.merge`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from drafting.brackets import lifted
from drafting.engine.equivalent import narrowest, past_space, same_made
from drafting.model import Amendment, AmendmentKind, Mark
from drafting.model.marks import within


@dataclass(slots=True)
class Unit:
    """Identical span proposals, merged: one change with all their credit."""

    start: int
    end: int
    new_text: str
    bracket: bool
    amendments: list[Amendment] = field(default_factory=list)

    @property
    def point(self) -> bool:
        return self.start == self.end

    @property
    def marks(self) -> tuple[Mark, ...]:
        """The formatting of ``new_text`` as the first of its proposals to give it some
        typed it (`Amendment.marks`), cut to the words the unit narrowed it to."""
        for amendment in self.amendments:
            if amendment.marks and amendment.span is not None:
                at = self.start - amendment.span.start  # the words alike cut off before
                if at < 0 or amendment.new_text[at:at + len(self.new_text)] != self.new_text:
                    at = amendment.new_text.find(self.new_text)
                if at >= 0:
                    return within(amendment.marks, at, at + len(self.new_text))
        return ()


def units(text: str, amendments: Iterable[Amendment]) -> list[Unit]:
    """The units of span proposals ``amendments`` on ``text``, in text order: one for
    those that make the same text (`same_made`), however typed, on the fewest words that
    differ where their spans differ (`narrowest`)."""
    found: dict[tuple[str, bool], Unit] = {}
    for amendment in amendments:
        span = amendment.span
        assert span is not None, "span kinds always carry a span"
        bracket = amendment.kind is AmendmentKind.BRACKET
        unit = found.setdefault((same_made(text, amendment), bracket), Unit(
            span.start, span.end, amendment.new_text, bracket))
        if (unit.start, unit.end, unit.new_text) != (span.start, span.end, amendment.new_text):
            unit.start, unit.end, unit.new_text = narrowest(text, unit.amendments[0])
        unit.amendments.append(amendment)
    return _lifts_apart(sorted(_past_spaces(text, list(found.values())),
                               key=lambda u: (u.start, u.end)))


def _past_spaces(text: str, found: list[Unit]) -> list[Unit]:
    """``found`` with each insertion that falls inside another's deletion only by the
    spaces between moved to its edge (`past_space`): not rivals, both shown."""
    struck = [(u.start, u.end) for u in found if not u.point and not u.new_text]
    for unit in found:
        if unit.point and not unit.bracket:
            moved = next((m for start, end in struck if (m := past_space(
                text, unit.start, unit.new_text, start, end)) is not None), None)
            if moved is not None:
                unit.start = unit.end = moved[0]
                unit.new_text = moved[1]
    return found


def _lifts_apart(units: list[Unit]) -> list[Unit]:
    """``units`` with each proposal to lift a bracket (`drafting.brackets.lifted`) that has
    other proposals on the words between its "[" and "]" shown as its two brackets
    struck, credited each: those proposals then stand on their own words, not as rivals
    of the whole bracket."""
    out: list[Unit] = []
    for unit in units:
        first = unit.amendments[0]
        if first.kind is AmendmentKind.REPLACE and not unit.point and \
                lifted(first.old_text, first.new_text) and \
                any(unit.start < u.start and u.end < unit.end for u in units if u is not unit):
            out += [Unit(unit.start, unit.start + 1, "", False, unit.amendments),
                    Unit(unit.end - 1, unit.end, "", False, unit.amendments)]
        else:
            out.append(unit)
    return sorted(out, key=lambda u: (u.start, u.end))


def clusters(ordered: list[Unit]) -> list[list[Unit]]:
    """Group units whose words overlap. A point (insertion) conflicts with a span
    only strictly inside it, and with other points at the same place."""
    found: list[list[Unit]] = []
    end = -1
    for unit in ordered:
        current = found[-1] if found else None
        if current is not None and _joins(unit, current, end):
            current.append(unit)
            end = max(end, unit.end)
        else:
            found.append([unit])
            end = unit.end
    return found


def _joins(unit: Unit, cluster: list[Unit], end: int) -> bool:
    start = cluster[0].start
    has_span = any(not u.point for u in cluster)
    if unit.point:
        return (has_span and start < unit.start < end) or (not has_span and unit.start == start)
    return has_span and unit.start < end
