"""Support on a shared PostgreSQL server (issue 16, point 1): USA's role gives and withdraws
its own support through the library; EU's role, writing raw SQL behind the library's back,
cannot name USA as a confirmed supporter, support in USA's name, or touch USA's support.

The roles are cluster-wide: each test makes its own (a random prefix) and drops them.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterator

import pytest
from pg_forgery import CONTENT, Server, append_event, forge, granted_roles, record, secure_store
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError
from store_scenario import SMALL, amend

from drafting.store import open_store
from drafting.store.chain import canonical
from drafting.store.connect import resolve_url

pytestmark = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


@pytest.fixture
def server(store_url) -> Iterator[Server]:
    tokens = secure_store(store_url)
    with open_store(store_url, token=tokens["EU"]) as eu:
        (pending,) = eu.submit(SMALL.symbol, [amend("EU", "OP4", replace="question",
                                                    with_="matter")]).ids
    with granted_roles(store_url, f"ds{secrets.token_hex(4)}_", tokens) as roles:
        yield Server(store_url, tokens, roles, pending, pending)


@pytest.fixture
def eu(server) -> Iterator[Engine]:
    engine = create_engine(resolve_url(server.as_role("EU")))
    yield engine
    engine.dispose()


def _naming_usa(side: str):
    """A payload change: USA named on ``side`` (supporters, or requested), hash made anew."""
    def change(made: dict) -> dict:
        item = made["amendments"][0]
        item[side] = ["USA"]
        content = {k: item[k] for k in CONTENT} | ({side: ["USA"]} if side != "supporters"
                                                    else {})
        made["submission"] = hashlib.sha256(canonical(
            {"document": SMALL.symbol, "amendments": [content]}).encode()).hexdigest()
        return made
    return change


def _usa_row(state: str) -> str:
    return ("INSERT INTO amendment_supporters (amendment_id, position, delegation_code, state) "
            f"SELECT max(id), 0, 'USA', '{state}' FROM amendments")


def test_usas_role_supports_and_withdraws_its_own_support(server):
    with open_store(server.as_role("USA"), token=server.tokens["USA"]) as usa:
        assert usa.support(server.pending, "USA").supporters == ("USA",)
        assert usa.verify().ok
        assert usa.support(server.pending, "USA", withdraw=True).supporters == ()
        assert usa.verify().ok
    with open_store(server.as_role("EU"), token=server.tokens["EU"]) as eu:
        (number,) = eu.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit",
                                                   with_="present", supporters=["USA"])]).ids
        assert eu.amendments(SMALL.symbol)[-1].requested == ("USA",)
    with open_store(server.as_role("USA"), token=server.tokens["USA"]) as usa:
        assert usa.support(number, "USA").supporters == ("USA",)
        assert usa.verify().ok


def test_eus_role_cannot_name_usa_a_confirmed_supporter_behind_the_librarys_back(server, eu):
    before = record(server.url)
    with pytest.raises(DBAPIError, match=r"row-level security|violates|support"):
        forge(eu, payload=_naming_usa("supporters"), then=(_usa_row("confirmed"),))
    assert record(server.url) == before
    # the same, with USA's support requested, is what the library writes: recorded
    forged = forge(eu, payload=_naming_usa("requested"), then=(_usa_row("requested"),))
    with open_store(server.url) as store:
        assert store.verify().ok
        assert [a.requested for a in store.amendments(SMALL.symbol) if a.id == forged] == [
            ("USA",)]


def test_eus_role_cannot_support_or_withdraw_in_usas_name(server, eu):
    with open_store(server.as_role("USA"), token=server.tokens["USA"]) as usa:
        usa.support(server.pending, "USA")
    before = record(server.url)
    number = server.pending[1:]
    attempts = {
        "a support event in USA's name": (
            {"amendment": server.pending, "delegation": "USA", "withdraw": True},
            f"UPDATE amendment_supporters SET state = 'withdrawn' WHERE amendment_id = "
            f"{number}"),
        "USA's row withdrawn with EU's own event": (
            {"amendment": server.pending, "delegation": "EU", "withdraw": True},
            f"UPDATE amendment_supporters SET state = 'withdrawn' WHERE amendment_id = "
            f"{number}"),
        "a row for USA with EU's own event": (
            {"amendment": server.pending, "delegation": "EU", "withdraw": False},
            "INSERT INTO amendment_supporters (amendment_id, position, delegation_code, "
            f"state) VALUES ({number}, 5, 'USA', 'confirmed')"),
    }
    for payload, statement in attempts.values():
        with pytest.raises(DBAPIError), eu.connect() as connection, connection.begin():
            append_event(connection, kind="support", payload=payload)
            connection.execute(text(statement))  # a row EU may not touch is not found
        # (refused as written, or at commit: its support event left no row of its own)
    assert record(server.url) == before
