"""Replaying the event log: what the store should hold, by the record alone.

`replay` applies the events in order to an empty `Replayed` state, using the
payloads only; `drafting.store.verify` compares the result with the rows.
An event that cannot be applied (its payload was damaged, or it speaks of
something no earlier event made) is reported and skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from drafting.model import (
    Amendment,
    AmendmentStatus,
    Delegation,
    DelegationKind,
    Document,
    ParagraphStatus,
)
from drafting.store.amendment_steps import supported
from drafting.store.chain import Event, EventKind
from drafting.store.eventcheck import Doubts
from drafting.store.ledger import DECISION_STATUS, REOPEN, decision_for, revision_note
from drafting.store.payloads import (
    amendment_from,
    delegation_from,
    document_from,
    revision_from,
    stamp,
)
from drafting.store.sources import SourceInfo, info_from

Decision = tuple[str, str, str, int]
"""(amendment id, "accept", "reject" or "reopen", note, event number)."""


@dataclass(slots=True)
class Replayed:
    """What the events say the store holds.

    ``origin`` maps a thing's name (as `drafting.store.verify` names rows) to the
    last event that set it; ``failures`` lists (event number, reason) for events
    that could not be applied. ``credentials`` holds each token issued as
    (holder, fingerprint, time issued, time revoked or None), by id; ``secure``
    whether the store requires tokens; ``sources`` each revision's Word source as
    recorded, with the event that recorded it, by the revision's name. ``times`` holds
    each event's time, by number: one write stamps its event and every row it writes
    with one time. ``created`` the event that recorded each delegation and document,
    by name. A ``refused`` event changes nothing. ``doubts`` lists (event number, what)
    for events that hold what the library itself never records (`drafting.store.eventcheck`).
    """

    delegations: dict[str, Delegation] = field(default_factory=dict)
    documents: dict[str, Document] = field(default_factory=dict)
    amendments: dict[str, Amendment] = field(default_factory=dict)
    amendment_documents: dict[str, str] = field(default_factory=dict)
    made_against: dict[str, str] = field(default_factory=dict)
    history: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    submissions: dict[str, tuple[str, int, tuple[str, ...], str | None]] = field(
        default_factory=dict)
    credentials: dict[str, tuple[str, str, str | None, str | None]] = field(
        default_factory=dict)
    secure: bool = False
    sources: dict[str, tuple[SourceInfo, int]] = field(default_factory=dict)
    origin: dict[str, int] = field(default_factory=dict)
    times: dict[int, datetime] = field(default_factory=dict)
    created: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[int, str]] = field(default_factory=list)
    doubts: list[tuple[int, str]] = field(default_factory=list)


def replay(events: Iterable[Event], *, doubts: bool = True) -> Replayed:
    """The state the events describe, applied in the order given; with ``doubts``, what
    the library itself never records noted too (`Replayed.doubts`)."""
    state = Replayed()
    checks = Doubts()
    for event in events:
        state.times[event.seq] = event.at
        if doubts:
            checks.check(state, event)
        apply = _APPLY.get(event.kind)
        try:
            if apply is None:
                raise ValueError(f"unknown kind '{event.kind}'")
            apply(state, event, event.payload)
        except (KeyError, ValueError, TypeError, IndexError, AttributeError) as error:
            state.failures.append((event.seq, f"{type(error).__name__}: {error}"))
    state.doubts = checks.found
    return state


def _import(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    document = document_from(payload["document"])
    if document.symbol in state.documents:
        raise ValueError(f"document {document.symbol} imported twice")
    source = payload.get("source")
    if source is not None and source["revision"] not in [r.label for r in document.revisions]:
        raise ValueError(f"its source is for revision {source['revision']!r}, which it does "
                         "not import")
    info = None if source is None else info_from(source)
    state.documents[document.symbol] = document
    state.origin[f"document {document.symbol}"] = event.seq
    state.created[f"document {document.symbol}"] = event.seq
    for revision in document.revisions:
        state.origin[f"document {document.symbol}, revision '{revision.label}'"] = event.seq
    if source is not None and info is not None:
        state.sources[_named(document.symbol, source["revision"])] = (info, event.seq)


def _named(symbol: str, label: str) -> str:
    """A revision's name, as `drafting.store.verify` names it."""
    return f"document {symbol}, revision '{label}'"


def _delegation(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    delegation = delegation_from(payload["delegation"])
    state.delegations[delegation.code] = delegation
    state.origin[f"delegation {delegation.code}"] = event.seq
    state.created.setdefault(f"delegation {delegation.code}", event.seq)
    if "token" in payload:
        _issued(state, event, payload["token"])


def _members(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    group = state.delegations[payload["group"]]
    state.delegations[group.code] = replace(group, kind=DelegationKind(payload["kind"]),
                                            members=(*group.members, *payload["members"]))
    state.origin[f"delegation {group.code}"] = event.seq


def _issued(state: Replayed, event: Event, token: dict[str, Any]) -> None:
    if token["credential"] in state.credentials:
        raise ValueError(f"token {token['credential']} issued twice")
    state.credentials[token["credential"]] = (token["holder"], token["fingerprint"],
                                              stamp(event.at), None)
    state.origin[f"token {token['credential']}"] = event.seq


def _secure(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    state.secure = True
    state.origin["setting secure"] = event.seq
    for token in payload["issued"]:
        _issued(state, event, token)


def _token(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    for credential in payload["revoked"]:
        holder, fingerprint, issued, _ = state.credentials[credential]
        state.credentials[credential] = (holder, fingerprint, issued, stamp(event.at))
        state.origin[f"token {credential}"] = event.seq
    if payload["issued"] is not None:
        _issued(state, event, payload["issued"])


def _refused(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    if not isinstance(payload["command"], str):
        raise ValueError("a refusal names the command refused")


def _submit(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    symbol = _document(state, event).symbol
    if state.secure and "delegation" not in payload:  # a token's holder records each one
        raise ValueError("a submission recorded with no token, in a store that requires "
                         f"them since event {state.origin['setting secure']}")
    amendments = [amendment_from(item) for item in payload["amendments"]]
    for amendment in amendments:
        state.amendments[amendment.id] = amendment
        state.amendment_documents[amendment.id] = symbol
        state.made_against[amendment.id] = amendment.revision
        state.history[amendment.id] = [(str(amendment.status), event.seq)]
        state.origin[f"amendment {amendment.id}"] = event.seq
    state.submissions[payload["submission"]] = (
        symbol, event.seq, tuple(a.id for a in amendments), payload.get("delegation"))


def _set_status(state: Replayed, event: Event, amendment_id: str,
                status: AmendmentStatus) -> None:
    amendment = state.amendments[amendment_id]
    state.amendments[amendment_id] = replace(amendment, status=status)
    state.history[amendment_id].append((str(status), event.seq))
    state.origin[f"amendment {amendment_id}"] = event.seq


def _withdraw(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    _set_status(state, event, payload["amendment"], AmendmentStatus.WITHDRAWN)


def _support(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    key = payload["amendment"]
    if not isinstance(payload["withdraw"], bool):
        raise ValueError("a support event says whether it withdraws, true or false")
    state.amendments[key] = supported(state.amendments[key], payload["delegation"],
                                      payload["withdraw"])
    state.origin[f"amendment {key}"] = event.seq


def _decide(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    decision = payload["decision"]
    key = payload["amendment"]
    status = _reopened(state, key) if decision == REOPEN else DECISION_STATUS[decision]
    _set_status(state, event, key, status)
    state.decisions.append((key, decision, payload["note"], event.seq))


def _reopened(state: Replayed, key: str) -> AmendmentStatus:
    """What reopening the decision on ``key`` returns it to: its status before that
    decision, if no revision of its document was issued since (as `reopening` checks)."""
    amendment, steps = state.amendments[key], state.history[key]
    if amendment.status not in (AmendmentStatus.ACCEPTED, AmendmentStatus.REJECTED):
        raise ValueError(f"{key} is {amendment.status}: there is no decision to reopen")
    current = state.documents[state.amendment_documents[key]].current
    issued = 0 if current is None else state.origin.get(
        _named(state.amendment_documents[key], current.label), 0)
    if issued >= steps[-1][1]:
        raise ValueError(f"{key} was decided for a revision issued since (event {issued})")
    if len(steps) < 2 or steps[-2][0] not in ("submitted", "stale"):
        raise ValueError(f"{key} was neither submitted nor stale before its decision")
    return AmendmentStatus(steps[-2][0])


def _agree(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    document = _document(state, event)
    current = document.current
    if current is None or current.label != payload["revision"]:
        raise ValueError(f"revision '{payload['revision']}' is not the current one")
    status = ParagraphStatus(payload["status"])
    key = payload["paragraph"]
    if current.by_id(key) is None:
        raise ValueError(f"no paragraph '{key}' in {current.label}")
    paragraphs = tuple(replace(p, status=status) if p.id == key else p for p in current)
    revised = replace(current, paragraphs=paragraphs)
    state.documents[document.symbol] = replace(
        document, revisions=(*document.revisions[:-1], revised))
    state.origin[f"document {document.symbol}, revision '{current.label}', "
                 f"paragraph {key}"] = event.seq


def _revise(state: Replayed, event: Event, payload: dict[str, Any]) -> None:
    document = _document(state, event)
    revision = revision_from(payload["revision"])
    info = info_from(payload["source"]) if "source" in payload else None
    state.documents[document.symbol] = replace(
        document, revisions=(*document.revisions, revision))
    state.origin[_named(document.symbol, revision.label)] = event.seq
    if info is not None:
        state.sources[_named(document.symbol, revision.label)] = (info, event.seq)
    for item in payload["amendments"]:
        new = amendment_from(item)
        old = state.amendments[new.id]
        state.amendments[new.id] = new
        state.origin[f"amendment {new.id}"] = event.seq
        if new.status is not old.status:
            state.history[new.id].append((str(new.status), event.seq))
            if (decision := decision_for(new.status)) is not None:
                state.decisions.append((new.id, decision, revision_note(revision.label),
                                        event.seq))


def _document(state: Replayed, event: Event) -> Document:
    if event.document not in state.documents:
        raise ValueError(f"no earlier event imported document '{event.document}'")
    return state.documents[event.document]


_APPLY: dict[str, Callable[[Replayed, Event, dict[str, Any]], None]] = {
    EventKind.IMPORT: _import,
    EventKind.DELEGATION: _delegation,
    EventKind.SUBMIT: _submit,
    EventKind.WITHDRAW: _withdraw,
    EventKind.DECIDE: _decide,
    EventKind.AGREE: _agree,
    EventKind.REVISE: _revise,
    EventKind.MEMBERS: _members,
    EventKind.SECURE: _secure,
    EventKind.TOKEN: _token,
    EventKind.REFUSED: _refused,
    EventKind.SUPPORT: _support,
}
