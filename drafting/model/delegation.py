"""Delegations: the states and groups that speak in a negotiation."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DelegationKind(StrEnum):
    """Who a delegation is."""

    STATE = "state"
    GROUP = "group"
    """A group that negotiates as one ("EU", "G77 and China")."""
    OBSERVER = "observer"


@dataclass(frozen=True, slots=True)
class Delegation:
    """A delegation, known by its ``code`` (``EU``, ``USA``, ``G77``).

    ``members`` holds the codes of a group's members; it is empty for a state.
    A proposal belongs to a delegation, never to the person who typed it.
    """

    code: str
    name: str = ""
    kind: DelegationKind = DelegationKind.STATE
    members: tuple[str, ...] = ()
