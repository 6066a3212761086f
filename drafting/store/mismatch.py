"""`Mismatch`: one thing in the store that is not as the record says (what `verify`
reports, and what the row checks and the anchors it runs report), and how each kind of
difference is told."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One thing that is not as the record says.

    ``where`` names it (``event 7``, ``amendment A3``, ``document X, revision
    'Rev.1', paragraph p4 (OP3)``, ``table amendments, row id 3``, ``receipt #12``);
    ``what`` says how it differs; ``event`` is the event concerned, when there is one.
    """

    where: str
    what: str
    event: int | None = None

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


SHOWN = 60
"""The most characters of a value a mismatch shows."""


def shown(value: Any) -> str:
    """``value`` as a mismatch shows it: its repr, cut to `SHOWN` characters."""
    text = repr(value)
    return text if len(text) <= SHOWN else text[: SHOWN - 3] + "..."


def differs(where: str, name: str, stored: Any, expected: Any, event: int | None) -> Mismatch:
    """``where``'s ``name`` differs: as the store has it, and as the record (``event``) says."""
    source = f" (event {event})" if event is not None else ""
    return Mismatch(where, f"{name} is {shown(stored)} in the store, but the record{source} "
                    f"says {shown(expected)}", event)


def presence(where: str, in_store: bool, event: int | None) -> Mismatch:
    """``where`` is on one side only: in the store (``in_store``), or in the record."""
    if in_store:
        return Mismatch(where, "is in the store, but no event records it")
    return Mismatch(where, f"is in the record (event {event}) but not in the store", event)


def fields_differ(where: str, stored: Any, expected: Any, event: int | None,
                  skip: tuple[str, ...] = ()) -> Iterator[Mismatch]:
    """Each field of the dataclasses ``stored`` and ``expected`` that differs, but ``skip``."""
    if stored == expected:  # the common case, and far quicker than field by field
        return
    for item in dataclasses.fields(stored):
        if item.name in skip:
            continue
        ours, theirs = getattr(stored, item.name), getattr(expected, item.name)
        if ours != theirs:
            yield differs(where, item.name.replace("_", " "), ours, theirs, event)


def keyed(name: Callable[[str], str], stored: Mapping[str, Any], expected: Mapping[str, Any],
           origin: Mapping[str, int], skip: Collection[str] = ()) -> Iterator[
        tuple[str, Any, Any, int | None]]:
    """(name, stored, expected, event) for every key of either side but those in
    ``skip``, the record's order first; a side without the key gives None."""
    for key in [*expected, *(k for k in stored if k not in expected)]:
        if key in skip:
            continue
        where = name(key)
        yield where, stored.get(key), expected.get(key), origin.get(where)


def also(where: str, event: int | None,
         checks: list[tuple[str, Any, Any]]) -> Iterator[Mismatch]:
    """Each of ``checks`` (name, as stored, as recorded) that differs."""
    for name, ours, theirs in checks:
        if ours != theirs:
            yield differs(where, name, ours, theirs, event)
