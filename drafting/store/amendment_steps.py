"""The steps an amendment takes once recorded: a delegation's support (given, confirmed
or withdrawn), its proponents' withdrawal, and the secretariat's decision; each checked
against the amendment as stored and recorded as an event of the chain."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection, func, insert, select, update

from drafting.model import Amendment, AmendmentStatus
from drafting.store import mapping, tables
from drafting.store.chain import EventKind
from drafting.store.errors import ConflictError, NotFoundError, StoreError
from drafting.store.ledger import DECISION_STATUS, record_decision, record_statuses
from drafting.store.session import Write

_S = AmendmentStatus


def support(write: Write, amendment_id: str, delegation: str, *,
            withdraw: bool = False) -> Amendment:
    """Record that ``delegation`` supports amendment ``amendment_id`` (confirming a
    requested support, or joining it), or, ``withdraw``, no longer supports it (confirmed
    or requested). ConflictError for a proponent, for support it already gave (or has not
    given, to withdraw), or for an amendment no longer open."""
    number, amendment, symbol = stored(write.connection, amendment_id)
    if delegation not in _codes(write.connection):
        raise NotFoundError(f"there is no delegation '{delegation}' in the store; "
                            "`drafting delegation list` shows them")
    if delegation in amendment.proponents:
        raise ConflictError(f"{delegation} proposes {amendment.id}: a proponent does not "
                            "support its own amendment")
    named = delegation in amendment.supporters or delegation in amendment.requested
    if withdraw and not named:
        raise ConflictError(f"{delegation} does not support {amendment.id} (its supporters: "
                            f"{', '.join(amendment.supporters) or 'none'}); nothing to withdraw")
    if not withdraw and delegation in amendment.supporters:
        raise ConflictError(f"{delegation} already supports {amendment.id}; nothing was "
                            "recorded")
    if not withdraw and amendment.status not in (_S.SUBMITTED, _S.STALE):
        raise ConflictError(f"{amendment.id} was {amendment.status}; it cannot be supported now")
    write.record(EventKind.SUPPORT, symbol, {"amendment": amendment.id,
                                             "delegation": delegation, "withdraw": withdraw})
    return _write_support(write, number, amendment, delegation, withdraw)


def supported(amendment: Amendment, delegation: str, withdraw: bool) -> Amendment:
    """``amendment`` once ``delegation``'s support is given (last of its supporters) or
    withdrawn; what replaying a ``support`` event does."""
    others = tuple(c for c in amendment.supporters if c != delegation)
    return replace(amendment, supporters=others if withdraw else (*others, delegation),
                   requested=tuple(c for c in amendment.requested if c != delegation))


def _write_support(write: Write, number: int, amendment: Amendment, delegation: str,
                   withdraw: bool) -> Amendment:
    """Its row withdrawn, or confirmed and moved last (a new row if it had none)."""
    row = tables.amendment_supporters.c
    connection = write.connection
    mine = (row.amendment_id == number, row.delegation_code == delegation)
    had = connection.scalar(select(row.position).where(*mine)) is not None
    if withdraw:
        connection.execute(update(tables.amendment_supporters).where(*mine)
                           .values(state="withdrawn"))
        return supported(amendment, delegation, withdraw)
    last = connection.scalar(select(func.max(row.position)).where(row.amendment_id == number))
    values = {"position": 0 if last is None else last + 1, "state": "confirmed"}
    if had:
        connection.execute(update(tables.amendment_supporters).where(*mine).values(**values))
    else:
        connection.execute(insert(tables.amendment_supporters),
                           {"amendment_id": number, "delegation_code": delegation, **values})
    return supported(amendment, delegation, withdraw)


def _codes(connection: Connection) -> set[str]:
    return set(connection.scalars(select(tables.delegations.c.code)))


def document_of(connection: Connection, amendment_id: str) -> str:
    """The symbol of the document of amendment ``amendment_id``; NotFoundError if the store
    has none by that id."""
    return stored(connection, amendment_id)[2]


def stored(connection: Connection, amendment_id: str) -> tuple[int, Amendment, str]:
    """(number, amendment, the symbol of its document) of amendment ``amendment_id``;
    NotFoundError if the store has none by that id."""
    number = mapping.amendment_number(amendment_id)
    amendment = tables.amendments.c
    found = [] if number is None else mapping.load_amendments(
        connection, mapping.amendment_query(None).where(amendment.id == number))
    if number is None or not found:
        raise NotFoundError(f"there is no amendment '{amendment_id}' in the store "
                            "(ids look like A12; `drafting amendments SYMBOL` lists them)")
    symbol = connection.scalar(select(tables.documents.c.symbol)
                               .join_from(tables.amendments, tables.documents)
                               .where(amendment.id == number))
    assert symbol is not None
    return number, found[0], symbol


def set_status(write: Write, number: int, status: AmendmentStatus) -> None:
    """Set the status of amendment ``number`` (its history is `record_statuses`')."""
    write.connection.execute(update(tables.amendments).where(tables.amendments.c.id == number)
                             .values(status=str(status)))


def withdraw(write: Write, amendment_id: str, delegation: str) -> Amendment:
    """Withdraw an amendment on behalf of ``delegation``, one of its proponents."""
    number, amendment, symbol = stored(write.connection, amendment_id)
    if delegation not in amendment.proponents:
        raise ConflictError(f"only a proponent ({', '.join(amendment.proponents)}) may "
                            f"withdraw {amendment.id}; {delegation} is not one")
    if amendment.status in (_S.WITHDRAWN, _S.ACCEPTED, _S.REJECTED):
        raise ConflictError(f"{amendment.id} was already {amendment.status}; "
                            "it cannot be withdrawn now")
    seq = write.record(EventKind.WITHDRAW, symbol,
                       {"amendment": amendment.id, "delegation": delegation}).seq
    set_status(write, number, _S.WITHDRAWN)
    record_statuses(write, seq, [(number, _S.WITHDRAWN)])
    return replace(amendment, status=_S.WITHDRAWN)


def decide(write: Write, amendment_id: str, decision: str, note: str) -> Amendment:
    """Accept or reject an amendment still open (a stale one can only be rejected)."""
    if decision not in DECISION_STATUS:
        raise StoreError(f"'{decision}' is not a decision: use 'accept', 'reject' or 'reopen'")
    number, amendment, symbol = stored(write.connection, amendment_id)
    if amendment.status is _S.WITHDRAWN:
        raise ConflictError(f"{amendment.id} was withdrawn by its proponents; "
                            "it cannot be decided")
    if amendment.status in (_S.ACCEPTED, _S.REJECTED):
        raise ConflictError(f"{amendment.id} was already {amendment.status}; to correct a "
                            f"decision taken by mistake, reopen it first: drafting decide "
                            f'{amendment.id} reopen --note "why"')
    if amendment.status is _S.STALE and decision == "accept":
        raise ConflictError(f"{amendment.id} is stale (the words it changed have changed); "
                            "it can be rejected, not accepted")
    if decision == "accept":
        _refuse_behind(write.connection, amendment, symbol)
        _refuse_orphan(write.connection, amendment, symbol)
    return record_verdict(write, symbol, number, amendment, decision, note,
                          DECISION_STATUS[decision])


def record_verdict(write: Write, symbol: str, number: int, amendment: Amendment,
                   decision: str, note: str, status: AmendmentStatus) -> Amendment:
    """Record ``decision`` (accept, reject, reopen) on the stored amendment ``number`` as
    an event, its new ``status`` with it; the amendment as it now stands."""
    seq = write.record(EventKind.DECIDE, symbol,
                       {"amendment": amendment.id, "decision": decision, "note": note}).seq
    set_status(write, number, status)
    record_decision(write, seq, number, decision, note)
    record_statuses(write, seq, [(number, status)])
    return replace(amendment, status=status)


def _refuse_orphan(connection: Connection, amendment: Amendment, symbol: str) -> None:
    """ConflictError for accepting an amendment to a proposal that is neither pending nor
    accepted (rejected, withdrawn, stale), unless another delegation's identical proposal
    is still pending (`drafting.engine.subamend.followed`): none of its words would reach
    the text."""
    if not amendment.amends:
        return
    parent = stored(connection, amendment.amends)[1]
    if parent.status not in (_S.SUBMITTED, _S.ACCEPTED) and \
            not _followed(connection, amendment, symbol):
        raise ConflictError(
            f"{amendment.id} amends {parent.id}, which was {parent.status}: accepted now, "
            f"none of its words would reach the text; it can be rejected (or reopen "
            f"{parent.id} first, if its decision was taken by mistake)")


def _followed(connection: Connection, amendment: Amendment, symbol: str) -> bool:
    """Whether ``amendment``, to a proposal no longer pending, follows another delegation's
    identical proposal still pending (as the compilation and revisions take it)."""
    from drafting.engine.subamend import followed

    row = mapping.find_document(connection, symbol)
    every = mapping.load_amendments(connection, mapping.amendment_query(row.id))
    now = {a.id: a.amends for a in followed(mapping.load_document(connection, row), every)}
    return now.get(amendment.id, amendment.amends) != amendment.amends


def _refuse_behind(connection: Connection, amendment: Amendment, symbol: str) -> None:
    """ConflictError for accepting an amendment made on a revision before the current one
    and never moved onto it (one recorded while a revision was issued, before drafting
    refused that): the next revision would not apply it."""
    _, current = mapping.revision_row(connection, mapping.find_document(connection, symbol),
                                      None)
    if amendment.revision != current:
        raise ConflictError(
            f"{amendment.id} was made on {amendment.revision} and the current text is "
            f"{current}, onto which it was never moved: accepted now, no revision would "
            "apply it. Issue the next revision, which moves it on (or marks it stale), "
            "and decide it then; it can be rejected now")
