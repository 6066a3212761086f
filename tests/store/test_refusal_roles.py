"""A delegation's PostgreSQL role records refusals in its own name only: the ``holder`` of a
refused event (whose token was given) is its own delegation or no one, never another
delegation or the secretariat, whether written in raw SQL or through the library.

The roles are cluster-wide: each test makes its own (a random prefix) and drops them.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
from pg_forgery import Server, append_event, granted_roles, record, refused, secure_store
from sqlalchemy import Engine, create_engine
from store_scenario import SMALL, amend

from drafting.store import SECRETARIAT, AccessError, open_store
from drafting.store.connect import resolve_url

pytestmark = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


@pytest.fixture
def server(store_url) -> Iterator[Server]:
    tokens = secure_store(store_url)
    with open_store(store_url, token=tokens["EU"]) as eu:
        pending = eu.submit(SMALL.symbol, [amend("EU", "OP4", replace="question",
                                                 with_="matter")]).ids[0]
    with granted_roles(store_url, f"dt{secrets.token_hex(4)}_", tokens) as roles:
        yield Server(store_url, tokens, roles, accepted="", pending=pending)  # none accepted


@pytest.fixture
def eu(server) -> Iterator[Engine]:
    """An engine connected as EU's role, skipping every check of the library."""
    engine = create_engine(resolve_url(server.as_role("EU")))
    yield engine
    engine.dispose()


def refusal(holder: str | None, claimed: str = "USA") -> dict:
    return {"command": "submit", "claimed": [claimed], "reason": "another's token",
            "holder": holder}


def test_the_role_cannot_record_a_refusal_in_another_delegations_name(server, eu):
    before = record(server.url)
    for holder in ("USA", SECRETARIAT, "eu"):
        def attempt(h: str = holder) -> None:
            with eu.begin() as connection:
                append_event(connection, kind="refused", payload=refusal(h), actor="USA")
        assert "row-level security" in refused(attempt), holder
    assert record(server.url) == before


def test_the_role_records_refusals_with_its_own_token_or_none(server, eu):
    for holder in ("EU", None):
        with eu.begin() as connection:
            append_event(connection, kind="refused", payload=refusal(holder))
    with eu.begin() as connection:
        append_event(connection, kind="refused", payload={"command": "decide"})
    with open_store(server.url) as store:
        assert [e.payload.get("holder") for e in store.events()[-3:]] == ["EU", None, None]
        assert store.verify().ok


def test_through_the_library_only_the_roles_own_refusals_are_recorded(server):
    with (open_store(server.as_role("EU"), token=server.tokens["EU"]) as mine,
          pytest.raises(AccessError, match="not the secretariat's token")):
        mine.decide(server.pending, "reject")
    with open_store(server.as_role("EU")) as none, pytest.raises(AccessError, match="requires"):
        none.withdraw(server.pending, "EU")
    before = record(server.url)
    with (open_store(server.as_role("EU"), token=server.tokens["USA"]) as stolen,
          pytest.raises(AccessError, match="refused the change for the role")):
        stolen.withdraw(server.pending, "EU")  # a refusal naming USA's token
    assert record(server.url) == before
    with open_store(server.url) as store:
        assert [(e.kind, e.payload["holder"]) for e in store.events()[-2:]] == [
            ("refused", "EU"), ("refused", None)]
