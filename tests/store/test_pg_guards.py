"""A delegation's role cannot break the shared store (issue 15, break 2): the database
itself refuses what would break its readers or its record, whatever the client.

EU's role writes behind the library's back, in raw SQL, exactly what the library
writes for a submission (its event with the hash computed as `drafting.store.chain`
does, the head moved, the submission, the amendment, its proponent and first status),
with one value changed: an amendment numbered 2147483647, a reversed or negative span,
an unknown status or kind, an event with a bogus hash, the head moved to a bogus hash or
backwards, and more. The unchanged forgery is recorded and verifies, so each refusal is
the server's answer to the one value changed. After them all the store still verifies
and a normal submission still works.

The roles are cluster-wide: each test makes its own (a random prefix) and drops them.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable, Iterator
from dataclasses import replace as dataclass_replace
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pg_forgery import (
    BOGUS,
    Server,
    append_event,
    forge,
    granted_roles,
    one,
    record,
    refused,
    run,
    secure_store,
)
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from store_scenario import SMALL, amend

from drafting.engine.revise import Decisions, revise
from drafting.model import Span
from drafting.store import SECRETARIAT, StoreError, chain, open_store, submissions, tables
from drafting.store.chain import canonical
from drafting.store.connect import resolve_url
from drafting.store.payloads import stamp

pytestmark = pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)


@pytest.fixture
def server(store_url) -> Iterator[Server]:
    tokens = secure_store(store_url)
    with open_store(store_url, token=tokens["USA"]) as usa:
        usa.submit(SMALL.symbol, [amend("USA", "OP1", bracket="a meeting")])
    with open_store(store_url, token=tokens["EU"]) as eu:
        accepted, pending = eu.submit(SMALL.symbol, [
            amend("EU", "OP3", delete=" [within existing resources]"),
            amend("EU", "OP4", replace="question", with_="matter")]).ids
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        secretariat.decide(accepted, "accept")
    with granted_roles(store_url, f"dt{secrets.token_hex(4)}_", tokens) as roles:
        yield Server(store_url, tokens, roles, accepted, pending)


@pytest.fixture
def eu(server) -> Iterator[Engine]:
    """An engine connected as EU's role: a client that skips every check of the library."""
    engine = create_engine(resolve_url(server.as_role("EU")))
    yield engine
    engine.dispose()


def test_the_forgery_unchanged_is_recorded_and_verifies(server, eu):
    number = forge(eu)
    with open_store(server.url) as store:
        assert store.verify().ok
        forged = [a for a in store.amendments(SMALL.symbol) if a.id == number]
        assert [(a.proponents, a.new_text, a.status) for a in forged] == [
            (("EU",), "present", "submitted")]


def test_the_librarys_own_write_path_with_a_check_skipped_is_refused(server, monkeypatch):
    """The issue's own words: the library's write path, run as EU's role with EU's token,
    with one of its checks skipped; the server refuses and nothing is recorded."""
    before = record(server.url)
    backwards = object.__new__(Span)  # a span the model itself would refuse to make
    object.__setattr__(backwards, "start", 10)
    object.__setattr__(backwards, "end", 3)
    proposal = amend("EU", "OP2", replace="submit", with_="present")
    numbered = submissions._target

    def far_ahead(connection: Connection, symbol: str) -> Any:
        return dataclass_replace(numbered(connection, symbol), next_number=2147483647)

    skipped = {
        "amendment number 2147483647": (
            [(submissions, "_target", far_ahead), (tables, "MAX_AMENDMENT", 2**40)],
            [proposal], "ck_amendments_number"),
        "a reversed span": ([(submissions, "_check", lambda *_: None)],
                            [dataclass_replace(proposal, span=backwards)], "ck_amendments_span"),
        "an event with a bogus hash": ([(chain, "chain_hash", lambda *_: BOGUS)], [proposal],
                                       "its hash is not the SHA-256"),
    }
    for what, (patches, amendments, answer) in skipped.items():
        with monkeypatch.context() as patched:
            for target, name, value in patches:
                patched.setattr(target, name, value)
            with (open_store(server.as_role("EU"), token=server.tokens["EU"]) as store,
                  pytest.raises(StoreError, match="refused the change") as caught):
                store.submit(SMALL.symbol, amendments)
        assert answer in str(caught.value) and "nothing was recorded" in str(caught.value), what
    assert record(server.url) == before


def _set(**values: Any) -> dict[str, Any]:
    return {"row": values}


def _also_a_float(payload: dict) -> str:
    return json.dumps(payload).replace('], "anchor"', '.0], "anchor"', 1)  # span [a, b.0]


def _a_long_number(payload: dict) -> str:
    return json.dumps(payload).replace('], "anchor"', ', 1234567890123456789], "anchor"', 1)


def _a_key_twice(payload: dict) -> str:
    """The rows hold the first reason; Python, and the server, read the last."""
    return json.dumps(payload).replace('"reason": ""', '"reason": "", "reason": "x"', 1)


def _other_text(payload: dict) -> dict:
    payload["amendments"][0]["new_text"] = "transmit"
    return payload


def _squatted(payload: dict) -> dict:
    return {**payload, "submission": hashlib.sha256(b"someone else's submission").hexdigest()}


SUBMISSIONS: dict[str, tuple[dict[str, Any], str]] = {
    # what is tried: (how the forgery differs, what the server answers)
    "amendment number 2147483647": (_set(id=2147483647), "ck_amendments_number"),
    "an amendment number skipping ahead": (_set(id=900), "take the next number"),
    "a reversed span": (_set(span_start=10, span_end=3, old_text=""), "ck_amendments_span"),
    "a negative span": (_set(span_start=-5, span_end=3, old_text=""), "ck_amendments_span"),
    "half a span": (_set(span_end=None), "ck_amendments_span"),
    "a replacement without a span": (_set(span_start=None, span_end=None),
                                     "ck_amendments_span_kind"),
    "a reversed anchor": (_set(anchor_start=9, anchor_end=2), "ck_amendments_anchor"),
    "a span past the paragraph's end": (_set(span_end=3000), "its span inside the"),
    "old text that is not at its span": (_set(old_text="report"), "its span inside the"),
    "an unknown status": (_set(status="approved"), "ck_amendments_status|row-level security"),
    "an accepted status": (_set(status="accepted"), "row-level security"),
    "an unknown kind": (_set(kind="rewrite"), "ck_amendments_kind"),
    "a time no reader can read": (_set(submitted_at="infinity"), "ck_amendments_submitted_at"),
    "an event with a bogus hash": ({"hash": BOGUS}, "its hash is not the SHA-256"),
    "an event chained to another hash": ({"prev_hash": "0" * 64}, "row-level security"),
    "an event at time infinity": ({"at": "infinity", "hash": BOGUS}, "ck_events_at"),
    "the head moved to a bogus hash": ({"head": (99, BOGUS)}, "row-level security"),
    "a number Python reads as a float": ({"payload": _also_a_float}, "not a whole number"),
    "a number of 19 digits": ({"payload": _a_long_number}, "not a whole number of up to 18"),
    "a key twice, the rows holding the first": ({"payload": _a_key_twice},
                                                "not as the submit event of its submission"),
    "a payload its rows do not hold": ({"payload": _other_text},
                                       "not as the submit event of its submission"),
    "a submission hash not its content's": ({"payload": _squatted}, "not the SHA-256 of what"),
    "no status history": ({"steps": 0}, "a first status step is missing"),
    "a supporter added once the checks were run early": (
        {"then": ("SET CONSTRAINTS ALL IMMEDIATE", "INSERT INTO amendment_supporters SELECT "
                  "max(id), 0, 'USA' FROM amendments")}, "not as the submit event"),
    "a status history begun twice": ({"steps": 2}, "uq_amendment_statuses_amendment_id_event_seq"),
}


def test_the_server_refuses_each_value_that_would_break_the_store(server, eu):
    before = record(server.url)
    problems = []
    for what, (changes, answer) in SUBMISSIONS.items():
        try:
            forge(eu, **changes)
            problems.append(f"{what}: recorded")
        except DBAPIError as error:
            said = str(error.orig).splitlines()[0]
            if not any(part in said for part in answer.split("|")):
                problems.append(f"{what}: refused, but with '{said}'")
    assert problems == []
    assert record(server.url) == before


def test_a_submission_tabled_again_must_name_an_earlier_one_and_hash_with_it(server, eu):
    before = record(server.url)
    with open_store(server.url) as store:
        earlier = next(e.payload["submission"] for e in store.events() if e.kind == "submit")

    def again(named: str, rehash: bool) -> Callable[[dict], dict]:
        def change(made: dict) -> dict:
            content = {"document": SMALL.symbol, "again": named, "amendments": [
                {k: v for k, v in item.items() if k not in (
                    "id", "submitted_by", "submitted_at", "status")}
                for item in made["amendments"]]}
            digest = hashlib.sha256(canonical(content).encode()).hexdigest()
            return {**made, "again": named, **({"submission": digest} if rehash else {})}
        return change

    assert "is not an earlier submission of its document" in refused(
        lambda: forge(eu, payload=again("0" * 64, rehash=True)))
    assert "its submission's hash is not the SHA-256" in refused(
        lambda: forge(eu, payload=again(earlier, rehash=False)))
    assert record(server.url) == before
    forge(eu, payload=again(earlier, rehash=True))  # as the library writes it
    with open_store(server.url) as store:
        assert store.verify().ok


def test_the_head_cannot_move_back_or_to_a_bogus_hash(server, eu):
    before = record(server.url)
    moves = {
        "back": "UPDATE chain_head SET seq = seq - 1, hash = (SELECT e.hash FROM events e "
                "WHERE e.seq = chain_head.seq - 1)",
        "to a bogus hash": f"UPDATE chain_head SET hash = '{BOGUS}'",
        "on, to no event": f"UPDATE chain_head SET seq = seq + 1, hash = '{BOGUS}'",
    }
    for statement in moves.values():
        assert "row-level security" in refused(lambda s=statement: run(eu, s))
    assert record(server.url) == before


def test_rows_added_later_to_its_own_submission_are_refused(server, eu):
    number = int(forge(eu)[1:])  # EU's submission is now the head: its rows are "fresh"
    before = record(server.url)
    copied = ("document_id, submission_id, paragraph_id, made_against_id, revision_id, kind, "
              "span_start, span_end, anchor_start, anchor_end, old_text, new_text, reason, "
              "submitted_by, submitted_at, status")
    attempts = [
        (f"INSERT INTO amendments (id, {copied}) SELECT id + 1, {copied} FROM amendments "
         f"WHERE id = {number}", f"INSERT INTO amendment_proponents VALUES ({number + 1}, 0, "
         f"'EU')", f"INSERT INTO amendment_statuses SELECT {number + 1}, 0, status, "
         f"event_seq, at FROM amendment_statuses WHERE amendment_id = {number}"),
        (f"INSERT INTO amendment_supporters VALUES ({number}, 0, 'USA')",),
        (f"INSERT INTO amendment_proponents VALUES ({number}, 1, 'EU')",),
    ]
    for statements in attempts:
        assert "not as the submit event of its submission" in refused(
            lambda s=statements: run(eu, *s))
    assert record(server.url) == before


def test_events_of_the_kinds_a_delegation_may_append_must_hold(server, eu):
    before = record(server.url)
    usa_number = 1
    attempts = {
        "an event the head does not move to": (
            {"kind": "refused", "payload": {"command": "x"}, "head": False},
            "is not on the last event"),
        "a refusal naming no command": ({"kind": "refused", "payload": {}},
                                        "names the command refused"),
        "a payload that is not an object": ({"kind": "refused", "payload": '"refused"'},
                                            "not a JSON object"),
        "withdrawing an accepted amendment": (
            {"kind": "withdraw", "payload": {"amendment": server.accepted, "delegation": "EU"}},
            "is not withdrawn by it"),
        "a withdrawal recorded, the amendment left as it was": (
            {"kind": "withdraw", "payload": {"amendment": server.pending, "delegation": "EU"}},
            "is not withdrawn by it"),
        "a withdrawal of USA's amendment": (
            {"kind": "withdraw", "payload": {"amendment": f"A{usa_number}",
                                             "delegation": "EU"}}, "row-level security"),
        "a submission with no rows": (
            {"kind": "submit", "payload": {"submission": "x", "amendments": [],
                                           "delegation": "EU"}}, "one submission of its document"),
    }
    for what, (event, answer) in attempts.items():
        def attempt(e: dict = event) -> None:
            with eu.begin() as connection:
                append_event(connection, **e)
        said = refused(attempt)
        assert answer in said, f"{what}: {said}"
    assert record(server.url) == before


def test_the_role_cannot_switch_the_guards_off(server, eu):
    attempts = ["ALTER TABLE events DISABLE TRIGGER drafting_event_chained",
                "ALTER TABLE amendments DROP CONSTRAINT ck_amendments_span",
                "SET session_replication_role = replica",
                "DROP FUNCTION drafting_event_chained() CASCADE",
                "CREATE OR REPLACE FUNCTION drafting_stamp(value timestamptz) RETURNS text "
                "LANGUAGE sql AS $$ SELECT 'x' $$"]
    for statement in attempts:
        said = refused(lambda s=statement: run(eu, s))
        assert "must be owner" in said or "permission denied" in said, said
    assert "its hash is not the SHA-256" in refused(lambda: forge(eu, hash=BOGUS))


def test_the_guards_run_as_the_owner_with_the_search_path_pinned(server):
    engine = create_engine(resolve_url(server.url))
    with engine.connect() as connection:
        owner = connection.scalar(text("SELECT tableowner FROM pg_tables WHERE "
                                       "tablename = 'events' AND schemaname = current_schema()"))
        found = connection.execute(text(
            "SELECT p.proname, p.prosecdef, p.proconfig, pg_get_userbyid(p.proowner) FROM "
            "pg_proc p JOIN pg_trigger t ON t.tgfoid = p.oid WHERE p.pronamespace = "
            "current_schema()::regnamespace")).all()
    engine.dispose()
    assert {name for name, *_ in found} == {
        "drafting_event_chained", "drafting_event_settled", "drafting_head_moved",
        "drafting_amendments_added", "drafting_backers_added", "drafting_statuses_added",
        "drafting_supporters_changed", "drafting_decision_kept", "drafting_steps_reopened",
        "drafting_reopened", "drafting_event_timed", "drafting_support_allowed"}
    schema = make_url(server.url).query["options"].split("=")[-1]
    for name, definer, config, by in found:
        assert definer and by == owner, name
        assert config == [f"search_path=pg_catalog, {schema}, pg_temp"], name


def test_the_owners_own_connection_is_held_to_the_hash_and_the_head_too(server):
    engine = create_engine(resolve_url(server.url))
    try:
        with engine.begin() as connection:
            last = one(connection, "SELECT seq FROM chain_head")[0]
        assert "its hash is not the SHA-256" in refused(lambda: _ownerevent(engine, BOGUS))
        assert "moves one event on" in refused(lambda: run(
            engine, "UPDATE chain_head SET seq = seq - 1, hash = (SELECT e.hash FROM events e "
            "WHERE e.seq = chain_head.seq - 1)"))
        assert "grows one step at a time; step 5 is refused" in refused(lambda: run(
            engine, "INSERT INTO amendment_statuses SELECT amendment_id, 5, 'withdrawn', 2, at "
            "FROM amendment_statuses WHERE position = 0 LIMIT 1"))
        with engine.begin() as connection:
            assert one(connection, "SELECT seq FROM chain_head")[0] == last
    finally:
        engine.dispose()
    assert record(server.url)


def test_an_amendment_on_a_superseded_revision_is_refused(server, eu):
    with open_store(server.url, token=server.tokens[SECRETARIAT]) as secretariat:
        zero = secretariat.document(SMALL.symbol)
        secretariat.add_revision(SMALL.symbol, revise(zero, [], Decisions(), label="Rev.1"))
    engine = create_engine(resolve_url(server.url))
    with engine.connect() as connection:
        old = one(connection, "SELECT min(id) FROM revisions")[0]
    engine.dispose()
    before = record(server.url)
    said = refused(lambda: forge(eu, row={"made_against_id": old, "revision_id": old}))
    assert "made against its current revision" in said
    assert record(server.url) == before
    forge(eu)  # on Rev.1 it is recorded
    assert record(server.url)


_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**18) + 1, 10**18 - 1) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=25)


def test_the_servers_canonical_json_is_pythons_byte_for_byte(server):
    """What the server hashes is what `drafting.store.chain.canonical` writes, for any JSON
    a payload may hold: nesting, key order by code point, escapes, any Unicode."""
    engine = create_engine(resolve_url(server.url))

    @settings(max_examples=300, deadline=None)
    @given(value=_JSON)
    def same(value: Any) -> None:
        with engine.connect() as connection:
            ours = connection.scalar(text("SELECT drafting_canonical(CAST(:v AS jsonb))"),
                                     {"v": json.dumps(value)})
        assert ours == canonical(value)

    try:
        same()
        with engine.connect() as connection:
            assert connection.scalar(text(
                "SELECT drafting_stamp(CAST('2026-03-04 05:06:07.000008+01' AS timestamptz))"
            )) == stamp(datetime(2026, 3, 4, 4, 6, 7, 8, tzinfo=UTC))
    finally:
        engine.dispose()


def _ownerevent(engine: Engine, digest: str) -> None:
    with engine.begin() as connection:
        append_event(connection, kind="agree", payload={"x": 1}, hash=digest)


def test_after_every_refusal_the_store_verifies_and_takes_a_submission(server, eu):
    for changes, _ in SUBMISSIONS.values():
        with pytest.raises(DBAPIError):
            forge(eu, **changes)
    with open_store(server.as_role("EU"), token=server.tokens["EU"]) as mine:
        assert mine.verify().ok  # EU can check the record itself
        done = mine.submit(SMALL.symbol, [amend("EU", "OP2", replace="submit",
                                                with_="present")])
        assert done.ids == ("A4",) and not done.duplicate
        assert mine.withdraw(done.ids[0], "EU").status == "withdrawn"
    with open_store(server.url) as store:
        assert store.verify().ok
        assert [e.kind for e in store.events()[-2:]] == ["submit", "withdraw"]
