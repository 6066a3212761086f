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

from sqlalchemy import Connection, Row, insert, select, update

from drafting import characters
from drafting.model import Delegation, DelegationKind
from drafting.store import access, mapping, names, tables
from drafting.store.chain import EventKind
from drafting.store.errors import ConflictError, NotFoundError, StoreError
from drafting.store.payloads import delegation_json
from drafting.store.session import Handed, Write


def add(write: Write, delegations: Sequence[Delegation], member_of: str | None = None,
        handed: Handed | None = None) -> dict[str, str]:
    """Add ``delegations`` (and append them to group ``member_of``, which must be a group:
    `_joinable`); returns the tokens issued, by code (none in an open store), given to
    ``handed`` first (`Handed`)."""
    connection = write.connection
    codes = [d.code for d in delegations]
    twice = sorted({code for code in codes if codes.count(code) > 1})
    if twice:
        raise StoreError(f"given twice: {', '.join(twice)}; nothing was added")
    known = _known(connection)
    taken = [c for c in codes if c in known]
    if taken:
        verb = "is" if len(taken) == 1 else "are"
        raise ConflictError(f"the delegation {', '.join(taken)} {verb} already in the store; "
                            "nothing was added")
    names.check_new_codes(codes, known)
    for delegation in delegations:
        _check_members(delegation.code, delegation.members, [*known, *codes])
    if member_of is not None:
        _joinable(write, member_of)
    secure = access.is_secure(connection)
    tokens = {}
    for delegation in delegations:
        own, members = mapping.delegation_values(delegation, write.at)
        connection.execute(insert(tables.delegations), own)  # before its token, which points at it
        if members:
            connection.execute(insert(tables.delegation_members), members)
        payload: dict[str, Any] = {"delegation": delegation_json(delegation)}
        if secure:
            tokens[delegation.code], payload["token"] = access.issue(connection,
                                                                     delegation.code, write.at)
        write.record(EventKind.DELEGATION, None, payload)
    if member_of is not None:
        add_members(write, member_of, codes)
    write.hand_over(tokens, handed)
    return tokens


def _known(connection: Connection) -> list[str]:
    """The code of every delegation in the store."""
    return list(connection.scalars(select(tables.delegations.c.code)))


def _check_members(group: str, codes: Sequence[str], known: Sequence[str]) -> None:
    """StoreError for a member code that is neither a delegation code
    (`names.check_code`) nor exactly one ``known``, or that is one of ``known`` (or of
    ``codes``) in another case or with other hyphens."""
    for code in codes:
        if code not in known:
            names.check_code(code)
    seen = list(known)
    for code in dict.fromkeys(codes):
        if (twin := characters.code_twin(code, seen)) is not None:
            raise StoreError(f"'{code}' cannot join {group}: it is the delegation code "
                             f"{twin} {characters.twin_said(code, twin)} "
                             f"({characters.CODES_COMPARED}); use {twin}; nothing was added")
        seen.append(code)


def _group(write: Write, code: str) -> Row[Any]:
    row = write.connection.execute(select(tables.delegations)
                                   .where(tables.delegations.c.code == code)).first()
    if row is None and (twin := characters.code_twin(code, _known(write.connection))):
        raise NotFoundError(f"there is no delegation '{code}' to add members to: it is "
                            f"{twin} {characters.twin_said(code, twin)}; nothing was added")
    if row is None:
        raise NotFoundError(f"there is no delegation '{code}' to add members to: add the "
                            f"group first (drafting delegation add {code}); nothing was added")
    return row


def _joinable(write: Write, code: str) -> None:
    """NotFoundError unless there is a delegation ``code`` (`_group`); StoreError if it is
    a state (or an observer) with no members: new delegations join a group, and a state
    turned into one by a slip (``--member-of USA`` for ``EU``) would speak for them."""
    row = _group(write, code)
    member = tables.delegation_members.c
    if row.kind == DelegationKind.GROUP or write.connection.scalar(
            select(member.member_code).where(member.group_code == code).limit(1)) is not None:
        return
    raise StoreError(f"{code} is a {row.kind}, not a group: delegations join a group; "
                     f"nothing was added. A group is added as one (drafting delegation add "
                     f"G77 --group), then its members (drafting delegation add BRA CHN "
                     f"--member-of G77)")


def add_members(write: Write, group: str, codes: Sequence[str]) -> Delegation:
    """Append ``codes`` to the members of delegation ``group``, which becomes a group.
    Codes already members are left where they are; nothing new records nothing."""
    connection = write.connection
    row = _group(write, group)
    _check_members(group, codes, _known(connection))
    if group in codes:
        raise StoreError(f"{group} cannot be a member of itself; nothing was added")
    member = tables.delegation_members.c
    members = list(connection.scalars(select(member.member_code)
                                      .where(member.group_code == group)
                                      .order_by(member.position)))
    new = [code for code in dict.fromkeys(codes) if code not in members]
    if new or row.kind != DelegationKind.GROUP:
        write.record(EventKind.MEMBERS, None, {"group": group, "members": new,
                                               "kind": str(DelegationKind.GROUP)})
        if row.kind != DelegationKind.GROUP:
            connection.execute(update(tables.delegations)
                               .where(tables.delegations.c.code == group)
                               .values(kind=str(DelegationKind.GROUP)))
        if new:
            connection.execute(insert(tables.delegation_members),
                               mapping.member_values(group, new, len(members)))
    return Delegation(row.code, row.name, DelegationKind.GROUP, (*members, *new))
