"""Adding delegations to a negotiation: all the codes given or none, each with its token
where the store requires tokens, and the group they join.

A token is shown once, and kept by the store only as a hash: `add_delegations` gives
the caller the tokens to show inside the write, before it commits (``handed``), so that
a token that could not be shown (output closed or full) is not kept either."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafting.errors import InputError
from drafting.model import Delegation, DelegationKind

if TYPE_CHECKING:
    from drafting.store import Store
    from drafting.store.receipts import Receipt


@dataclass(frozen=True, slots=True)
class AddedDelegations:
    """What `add_delegations` added: the delegations, their tokens by code (empty in an
    open store; shown once, the store keeps only hashes), and the group they joined."""

    delegations: tuple[Delegation, ...]
    tokens: dict[str, str]
    group: Delegation | None = None


Handed = Callable[[AddedDelegations, tuple["Receipt", ...]], None]
"""Given what is being added, with the tokens, and the receipts of the events recording
it, before it is kept (see `add_delegations`)."""


def add_delegations(store: Store, codes: Sequence[str], *, name: str = "",
                    member_of: str | None = None, group: bool = False, actor: str = "",
                    handed: Handed | None = None) -> AddedDelegations:
    """Add a delegation (a state; with ``group``, a group) for each code, all or none of
    them: codes already in the store, or given twice, are refused before any is added.
    With ``member_of`` they also join that group's members (a group in the store
    already: a state is refused, `drafting.store.delegations`). In a store that requires
    tokens (the secretariat's token is needed) each new delegation gets its token,
    returned this once in `AddedDelegations.tokens`, and given first to ``handed`` inside
    the write, before it commits: if ``handed`` raises (the tokens could not be shown),
    nothing is added and the error goes on. An open store issues no token and never calls
    ``handed``."""
    before = store.delegations()
    known = {d.code for d in before}
    taken = sorted({c for c in codes if c in known or list(codes).count(c) > 1})
    if taken:
        raise InputError(f"already in the store or given twice: {', '.join(taken)}; "
                         "nothing was added")
    if name and len(codes) > 1:
        raise InputError("--name goes with one code at a time")
    kind = DelegationKind.GROUP if group else DelegationKind.STATE
    added = tuple(Delegation(code, name, kind) for code in codes)
    joined = _joined(before, member_of, codes)

    def hand(tokens: dict[str, str], receipts: tuple[Receipt, ...]) -> None:
        if handed is not None:
            handed(AddedDelegations(added, tokens, joined), receipts)

    tokens = store.add_delegations(added, member_of=member_of, actor=actor, handed=hand)
    group = None if member_of is None else next(
        d for d in store.delegations() if d.code == member_of)
    return AddedDelegations(added, tokens, group)


def _joined(before: Sequence[Delegation], member_of: str | None,
            codes: Sequence[str]) -> Delegation | None:
    """Group ``member_of`` as it stands once ``codes`` join it, as the store appends
    them (`drafting.store.delegations.add_members`: new members after the others); None
    without a group, or if there is none by that code (the store refuses that)."""
    group = next((d for d in before if d.code == member_of), None)
    if group is None:
        return None
    new = [code for code in dict.fromkeys(codes) if code not in group.members]
    return Delegation(group.code, group.name, DelegationKind.GROUP, (*group.members, *new))
