"""Reopening a decision, guarded by the database itself (issue 16, point 3; schema 0009).

On PostgreSQL the owner's triggers take a reopening written in raw SQL as the library
writes it, and refuse a step back that no reopening made: an accepted amendment set back
to submitted, a status step after a decision, a reopening event whose rows do not follow
it, one without a note, one of a decision a revision was since issued with. A delegation's
role cannot reopen at all. On every database, going back to schema 0008 is refused while
a reopening is stored, and works (and comes back) otherwise.

The roles are cluster-wide: each test makes its own (a random prefix) and drops them.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from pg_forgery import Server, append_event, granted_roles, record, refused, run, secure_store
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import IntegrityError
from store_scenario import SMALL, amend, fill, views
from test_store_constraints import _downgrade, _guards

from drafting.model import AmendmentStatus, Delegation
from drafting.store import SECRETARIAT, AccessError, open_store
from drafting.store import schema as store_schema
from drafting.store.connect import resolve_url
from drafting.workflow import revise_document

_POSTGRES = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


@pytest.fixture
def server(store_url) -> Iterator[Server]:
    """A secure store: EU's A1 accepted by the secretariat, its A2 still submitted."""
    tokens = secure_store(store_url)
    with open_store(store_url, token=tokens["EU"]) as eu:
        accepted, pending = eu.submit(SMALL.symbol, [
            amend("EU", "OP3", delete=" [within existing resources]"),
            amend("EU", "OP4", replace="question", with_="matter")]).ids
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        secretariat.decide(accepted, "accept")
    with granted_roles(store_url, f"dr{secrets.token_hex(4)}_", tokens) as roles:
        yield Server(store_url, tokens, roles, accepted, pending)


@pytest.fixture
def owner(server) -> Iterator[Engine]:
    """The store owner's own connection: what the secretariat's server account may do."""
    engine = create_engine(resolve_url(server.url))
    yield engine
    engine.dispose()


def reopen_by_hand(engine: Engine, amendment: str, *, note: str = "accepted by mistake",
                   status: str = "submitted", rows: bool = True) -> None:
    """A reopening in raw SQL, as the library writes it: the event, the amendment's status,
    its status step and the decision's row (``rows`` False: the event alone)."""
    number = int(amendment[1:])
    with engine.begin() as connection:
        seq = append_event(connection, kind="decide", payload={
            "amendment": amendment, "decision": "reopen", "note": note})
        if not rows:
            return
        values = {"n": number, "s": seq, "status": status, "note": note}
        connection.execute(text("UPDATE amendments SET status = :status WHERE id = :n"),
                           values)
        at = "(SELECT at FROM events WHERE seq = :s)"  # one time for the write, as the event's
        connection.execute(text(
            f"INSERT INTO amendment_statuses SELECT :n, max(position) + 1, :status, :s, {at} "
            "FROM amendment_statuses WHERE amendment_id = :n"), values)
        connection.execute(text(
            "INSERT INTO decisions (amendment_id, decision, note, event_seq, decided_at) "
            f"VALUES (:n, 'reopen', :note, :s, {at})"), values)


@_POSTGRES
def test_a_step_back_that_no_reopening_made_is_refused(server, owner):
    before = record(server.url)
    number = int(server.accepted[1:])
    forgeries = {
        "the accepted amendment set back to submitted": (lambda: run(
            owner, f"UPDATE amendments SET status = 'submitted' WHERE id = {number}"),
            f"{server.accepted} was accepted: a decision is taken back only by reopening it"),
        "a status step after the acceptance": (lambda: run(
            owner, "INSERT INTO amendment_statuses SELECT amendment_id, position + 1, "
            "'submitted', 1, now() FROM amendment_statuses WHERE "
            f"amendment_id = {number} AND status = 'accepted'"),
            "after a decision, a status step is a reopening of it"),
        "a reopening event, the rows left as they were": (
            lambda: reopen_by_hand(owner, server.accepted, rows=False), "is not reopened by it"),
        "a reopening that does not say why": (
            lambda: reopen_by_hand(owner, server.accepted, note=" "), "says why (a note)"),
        "a reopening back to a status it never had": (
            lambda: reopen_by_hand(owner, server.accepted, status="stale"),
            "is not reopened by it"),
        "a reopening of an amendment never decided": (
            lambda: reopen_by_hand(owner, server.pending), "is not reopened by it"),
    }
    for what, (attempt, answer) in forgeries.items():
        said = refused(attempt)
        assert answer in said, f"{what}: {said}"
    assert record(server.url) == before
    reopen_by_hand(owner, server.accepted)  # written as the library writes it: taken
    with open_store(server.url) as store:
        assert store.verify().ok
        status = {a.id: a.status for a in store.amendments(SMALL.symbol)}
        assert status[server.accepted] is AmendmentStatus.SUBMITTED


@_POSTGRES
def test_a_reopening_after_the_revision_is_refused_by_the_server(server, owner):
    with open_store(server.url, token=server.tokens[SECRETARIAT]) as secretariat:
        revise_document(secretariat, SMALL.symbol, "Rev.1")
    before = record(server.url)
    said = refused(lambda: reopen_by_hand(owner, server.accepted))
    assert "a decision taken since the last revision" in said
    assert record(server.url) == before


@_POSTGRES
def test_a_delegations_role_cannot_reopen_a_decision(server, owner):
    before = record(server.url)
    with (open_store(server.as_role("EU"), token=server.tokens[SECRETARIAT]) as store,
          pytest.raises(AccessError, match="row-level security")):
        store.decide(server.accepted, "reopen", note="EU wants it back")
    eu = create_engine(resolve_url(server.as_role("EU")))
    try:
        assert "row-level security" in refused(lambda: reopen_by_hand(eu, server.accepted))
        assert "permission denied" in refused(lambda: run(
            eu, "INSERT INTO decisions (amendment_id, decision, note, event_seq, decided_at) "
            f"SELECT {server.accepted[1:]}, 'reopen', 'x', seq, now() FROM chain_head"))
        run(eu, f"UPDATE amendments SET status = 'submitted' WHERE id = {server.accepted[1:]}")
    finally:
        eu.dispose()
    assert record(server.url) == before  # the update touched no row: not EU's to change


def test_back_to_0008_only_while_no_reopening_is_stored(empty_store, store_url, raw):
    fill(empty_store, reopen=False, subamend=False)
    fresh, before = _guards(store_url), views(empty_store)
    _downgrade(raw, "0008")
    with pytest.raises(IntegrityError, match="ck_decisions_decision"), raw.begin() as sql:
        sql.execute(text("UPDATE decisions SET decision = 'reopen' WHERE id = 1"))
    assert not any("reopen" in t or "decision_kept" in t for t in _guards(store_url).get(
        "triggers", ()))
    assert empty_store.init() == store_schema.head_revision()
    assert _guards(store_url) == fresh and views(empty_store) == before
    empty_store.add_delegation(Delegation("CHE"))
    (number,) = empty_store.submit(SMALL.symbol, [amend(
        "CHE", "PP1", revision=empty_store.document(SMALL.symbol).current,
        replace="Recalling", with_="Recalling also")]).ids
    empty_store.decide(number, "accept")
    empty_store.decide(number, "reopen", note="Switzerland was not in the room")
    with pytest.raises(RuntimeError, match="records a decision reopened; schema 0008 cannot "
                                           "hold it"):
        _downgrade(raw, "0008")
    assert empty_store.verify().ok
