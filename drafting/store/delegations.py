"""Writing delegations: new ones (each with its token, in a store that requires tokens)
and members appended to a group.

Each function runs inside one `Write`: everything it is given is added, or
nothing. A delegation added records a ``delegation`` event (with the id and
fingerprint of its token, when one is issued); members appended record a
``members`` event, which `drafting.store.replay` applies to the group.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select

from drafting.model import Delegation, DelegationKind
from drafting.store import access, mapping
from drafting.store.chain import EventKind
from drafting.store.errors import ConflictError, NotFoundError, StoreError
from drafting.store.payloads import delegation_json
from drafting.store.session import Write
from drafting.store.tables import DelegationRow, MembershipRow


def add(write: Write, delegations: Sequence[Delegation],
        member_of: str | None = None) -> dict[str, str]:
    """Add ``delegations`` (and append them to group ``member_of``); returns the tokens
    issued, by code (none in an open store)."""
    session = write.session
    codes = [d.code for d in delegations]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise StoreError(f"given twice: {', '.join(twice)}; nothing was added")
    taken = [code for code in codes if session.get(DelegationRow, code) is not None]
    if taken:
        verb = "is" if len(taken) == 1 else "are"
        raise ConflictError(f"the delegation {', '.join(taken)} {verb} already in the store; "
                            "nothing was added")
    if member_of is not None:
        _group(write, member_of)
    secure = access.is_secure(session)
    tokens = {}
    for delegation in delegations:
        session.add_all(mapping.delegation_rows(delegation, write.at))
        session.flush()  # the row its token points at goes first
        payload: dict[str, Any] = {"delegation": delegation_json(delegation)}
        if secure:
            tokens[delegation.code], payload["token"] = access.issue(session, delegation.code,
                                                                     write.at)
        write.record(EventKind.DELEGATION, None, payload)
    if member_of is not None:
        add_members(write, member_of, codes)
    return tokens


def _group(write: Write, code: str) -> DelegationRow:
    row = write.session.get(DelegationRow, code)
    if row is None:
        raise NotFoundError(f"there is no delegation '{code}' to add members to: add the "
                            f"group first (drafting delegation add {code}); nothing was added")
    return row


def add_members(write: Write, group: str, codes: Sequence[str]) -> Delegation:
    """Append ``codes`` to the members of delegation ``group``, which becomes a group.
    Codes already members are left where they are; nothing new records nothing."""
    session = write.session
    row = _group(write, group)
    if group in codes:
        raise StoreError(f"{group} cannot be a member of itself; nothing was added")
    members = list(session.scalars(select(MembershipRow.member_code)
                                   .where(MembershipRow.group_code == group)
                                   .order_by(MembershipRow.position)))
    new = [code for code in dict.fromkeys(codes) if code not in members]
    if new or row.kind != DelegationKind.GROUP:
        write.record(EventKind.MEMBERS, None, {"group": group, "members": new,
                                               "kind": str(DelegationKind.GROUP)})
        row.kind = str(DelegationKind.GROUP)
        session.add_all(MembershipRow(group_code=group, position=len(members) + n,
                                      member_code=code) for n, code in enumerate(new))
    return Delegation(row.code, row.name, DelegationKind.GROUP, (*members, *new))
