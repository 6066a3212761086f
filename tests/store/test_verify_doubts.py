"""What a client that skips the library's own checks can still record, and `verify` names
(`drafting.store.eventcheck`): an amendment with no proponent or another's, a submission
in the name of a delegation whose token was revoked, a text the library refuses, an event
dated before the one it follows, support of one's own or a withdrawn amendment, and fields
the library never writes. On a shared PostgreSQL server, a delegation's own role is also
refused an amendment with no proponent. Also: the Word outputs refuse such a text by name.

Each forgery runs the library's own write path (`drafting.store.session.writing`,
`drafting.store.submissions.submit`) with its checks skipped: rows and event match, so
only these checks find it."""

from __future__ import annotations

import re
import secrets
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from pg_forgery import granted_roles, secure_store
from sqlalchemy import text
from store_scenario import SMALL, amend
from test_store_constraints import _downgrade

from drafting.model import AmendmentStatus
from drafting.store import (
    SECRETARIAT,
    StoreError,
    amendment_steps,
    open_store,
    session,
    submissions,
)
from drafting.store.access import Need
from drafting.store.chain import EventKind
from drafting.store.errors import RecordMismatch
from drafting.store.session import writing

SYMBOL = SMALL.symbol


def forge(url: str, monkeypatch: pytest.MonkeyPatch, amendment, recorded_by: str | None = "EU",
          actor: str = "forger") -> tuple[str, ...]:
    """Record ``amendment`` as a client skipping the library's checks (token, proponent,
    texts) would: the ids recorded."""
    with monkeypatch.context() as patched:
        patched.setattr(submissions, "_check", lambda *_, **__: None)
        with (open_store(url, check_version=False) as store,
              writing(store._engine, store._url, actor) as write):
            return submissions.submit(write, SYMBOL, [amendment], recorded_by=recorded_by).ids


def doubts(url: str) -> list[str]:
    with open_store(url) as store:
        report = store.verify()
    return [str(m) for m in report.mismatches]


@pytest.fixture
def tokens(store_url: str) -> dict[str, str]:
    return secure_store(store_url)


def test_verify_names_an_amendment_with_no_proponent_or_anothers(store_url, tokens,
                                                                  monkeypatch):
    assert doubts(store_url) == []
    nobody = replace(amend("EU", "OP2", replace="submit", with_="present"), proponents=())
    (first,) = forge(store_url, monkeypatch, nobody)
    usas = amend("USA", "OP4", replace="question", with_="matter")
    (second,) = forge(store_url, monkeypatch, usas)  # recorded by EU
    found = doubts(store_url)
    assert any(f"amendment {first} has no proponent" in m for m in found), found
    assert any(f"amendment {second} is proposed by USA, but it was recorded by EU" in m
               for m in found), found
    assert all(m.startswith("event ") for m in found)


def test_verify_names_what_was_recorded_in_the_name_of_a_revoked_delegation(
        store_url, tokens, monkeypatch):
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        secretariat.revoke_token("EU")
    assert doubts(store_url) == []
    forge(store_url, monkeypatch, amend("EU", "OP2", replace="submit", with_="present"))
    found = doubts(store_url)
    assert len(found) == 1 and "in EU's name, but EU held no live token then" in found[0]
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        token = secretariat.rotate_token("EU")  # issued again: EU records as before
    with open_store(store_url, token=token) as eu:
        eu.submit(SYMBOL, [amend("EU", "OP4", replace="question", with_="matter")])
    assert doubts(store_url) == found


@pytest.mark.parametrize("text", ["pre\x1bsent", "pre\u202esent", "p" * 100_001])
def test_verify_and_the_word_outputs_name_a_text_the_library_refuses(
        store_url, tokens, monkeypatch, tmp_path, text):
    from drafting.outputs import compile_to, merge_to

    made = replace(amend("EU", "OP2", replace="submit", with_="present"), new_text=text)
    if store_url.startswith("postgresql"):  # the server refuses it (schema 0012) ...
        with pytest.raises(StoreError, match="ck_amendments_texts"):
            forge(store_url, monkeypatch, made)
        with open_store(store_url) as store, store._engine.begin() as connection:
            connection.exec_driver_sql(  # ... but a store may hold one written before
                "ALTER TABLE amendments DROP CONSTRAINT ck_amendments_texts")
    (key,) = forge(store_url, monkeypatch, made)
    found = doubts(store_url)
    assert len(found) == 1 and f"amendment {key}, the new text" in found[0], found
    assert "the library records no such text" in found[0]
    with open_store(store_url) as store:
        for write, name in ((compile_to, "c.docx"), (merge_to, "m.docx")):
            with pytest.raises(RecordMismatch) as caught:
                write(store, SYMBOL, tmp_path / name)
            assert f"amendment {key}: the new text" in str(caught.value)
            assert "drafting verify" in str(caught.value)
            assert not (tmp_path / name).exists()


def _at(moment: datetime) -> type[datetime]:
    """A clock for `session` that reads ``moment``."""
    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return moment
    return Clock


def test_an_event_dated_before_the_one_it_follows_or_in_the_future_is_named_or_refused(
        store_url, tokens, monkeypatch):
    """The library dates a write whose clock reads before the last event as that event,
    never before it, and refuses nothing for a clock (probe 17, finding 3: one fast clock
    locked every writer out). A client that skips that dating: on SQLite verify names
    its back-dated event; on PostgreSQL (schema 0013) the server refuses it. A clock a
    little behind is no matter."""
    server = store_url.startswith("postgresql")

    def submit_at(moment: datetime, code: str, amendment, *, checked: bool = True) -> None:
        with monkeypatch.context() as patched:
            patched.setattr(session, "datetime", _at(moment))
            if not checked:  # a client skipping the library's own dating
                patched.setattr(session, "_dated", lambda *args: args[-1])
            with open_store(store_url, token=tokens[code]) as store:
                store.submit(SYMBOL, [amendment])

    with open_store(store_url) as store:
        before = len(store.events())
        last = store.events()[-1].at
    back = datetime(2020, 1, 1, 9, tzinfo=UTC)
    submit_at(back, "EU", amend("EU", "OP2", replace="submit", with_="present"))
    assert doubts(store_url) == []
    with open_store(store_url) as store:
        assert len(store.events()) == before + 1
        assert store.events()[-1].at == last + timedelta(microseconds=1)  # just after
    eu = amend("EU", "OP3", replace="contribute", with_="pay")
    set_back = (r"dated 2020-01-01 09:00:00 UTC, before the last event .* the clock of the "
                r"machine writing it, which is wrong or set back; set it right and try again")
    if server:
        with pytest.raises(StoreError, match=set_back):
            submit_at(back, "EU", eu, checked=False)
    else:
        submit_at(back, "EU", eu, checked=False)
    found = doubts(store_url)
    if server:
        assert found == []
        with open_store(store_url) as store:
            assert len(store.events()) == before + 1
    else:
        assert len(found) == 1 and "it is dated 2020-01-01 09:00:00 UTC, before the event" \
            in found[0]
    small = datetime.now(UTC) - timedelta(minutes=2)  # within the tolerance: clocks differ
    submit_at(small, "USA", amend("USA", "OP4", replace="question", with_="matter"))
    assert doubts(store_url) == found
    ahead = datetime(2099, 1, 1, 9, tzinfo=UTC)
    if server:
        with pytest.raises(StoreError, match="dated 2099-01-01 09:00:00 UTC, later than the "
                           "database server's clock"):
            submit_at(ahead, "EU", amend("EU", "OP1", bracket="a meeting"))
        assert doubts(store_url) == []
        return
    submit_at(ahead, "EU", amend("EU", "OP1", bracket="a meeting"))
    later = doubts(store_url)
    assert later[:1] == found and len(later) == 2
    assert "it is dated 2099-01-01 09:00:00 UTC, in the future by this machine's clock" \
        in later[1]


def support_forged(url: str, token: str, key: str, payload: dict) -> None:
    """EU's support of ``key`` as a client skipping `amendment_steps.support`'s checks."""
    with (open_store(url, token=token) as store,
          store._write("forger", Need("support", ("EU",), SYMBOL)) as write):
        number, amendment, symbol = amendment_steps.stored(write.connection, key)
        write.record(EventKind.SUPPORT, symbol, payload)
        amendment_steps._write_support(write, number, amendment, "EU", False)


def test_support_of_ones_own_or_a_withdrawn_amendment_or_with_extra_fields_is_named_or_refused(
        store_url, tokens):
    with open_store(store_url, token=tokens["EU"]) as eu:
        (own,) = eu.submit(SYMBOL, [amend("EU", "OP2", replace="submit", with_="present")]).ids
    with open_store(store_url, token=tokens["USA"]) as usa:
        gone, open_ = usa.submit(SYMBOL, [
            amend("USA", "OP4", replace="question", with_="matter"),
            amend("USA", "OP1", bracket="a meeting")]).ids
        assert usa.withdraw(gone, "USA").status is AmendmentStatus.WITHDRAWN
    assert doubts(store_url) == []
    forged = [(own, {"amendment": own, "delegation": "EU", "withdraw": False},
               f"EU supports {own}, which it proposes: a proponent does not support"),
              (gone, {"amendment": gone, "delegation": "EU", "withdraw": False},
               f"EU supports {gone}, which is withdrawn: an amendment no longer open"),
              (open_, {"amendment": open_, "delegation": "EU", "withdraw": False,
                       "note": "on behalf of USA and JPN"},
               "its payload holds fields the library never writes")]
    if store_url.startswith("postgresql"):  # schema 0013: the server refuses each
        for key, payload, said in forged:
            with pytest.raises(StoreError, match=re.escape(said)):
                support_forged(store_url, tokens["EU"], key, payload)
        assert doubts(store_url) == []
        return
    for key, payload, _ in forged:
        support_forged(store_url, tokens["EU"], key, payload)
    found = doubts(store_url)
    assert len(found) == 3, found
    assert f"EU supports {own}, which it proposes" in found[0]
    assert f"EU supports {gone}, which was withdrawn then" in found[1]
    assert "its payload holds 'note', which the library never writes" in found[2]


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_delegations_role_is_refused_an_amendment_with_no_proponent(store_url, tokens,
                                                                      monkeypatch):
    with granted_roles(store_url, f"dt{secrets.token_hex(4)}_", tokens) as roles:
        from sqlalchemy.engine import make_url

        as_eu = make_url(store_url).set(username=roles["EU"]).render_as_string(False)
        nobody = replace(amend("EU", "OP2", replace="submit", with_="present"), proponents=())
        with pytest.raises(StoreError, match="refused the change"):
            forge(as_eu, monkeypatch, nobody)
        assert doubts(store_url) == []  # nothing was recorded
        forge(as_eu, monkeypatch, amend("EU", "OP2", replace="submit", with_="present"))
        assert doubts(store_url) == []  # EU's own, as the library records it


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_a_revoked_delegations_role_records_nothing_in_its_name_until_rotated(
        store_url, tokens, monkeypatch):
    with granted_roles(store_url, f"dt{secrets.token_hex(4)}_", tokens) as roles:
        from sqlalchemy.engine import make_url

        as_eu = make_url(store_url).set(username=roles["EU"]).render_as_string(False)
        with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
            secretariat.revoke_token("EU")
        mine = amend("EU", "OP2", replace="submit", with_="present")
        with pytest.raises(StoreError, match="refused the change"):
            forge(as_eu, monkeypatch, mine)  # no token asked: the server says no
        with (open_store(as_eu, token=tokens["EU"]) as eu,
              pytest.raises(StoreError, match="revoked it; nothing was recorded")):
            eu.submit(SYMBOL, [mine])  # the library's refusal, itself logged by the role
        with open_store(store_url) as store:
            assert store.events(SYMBOL)[-1].kind == "refused"
        assert doubts(store_url) == []
        with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
            token = secretariat.rotate_token("EU")
        with open_store(as_eu, token=token) as eu:
            assert eu.submit(SYMBOL, [mine]).ids
        assert doubts(store_url) == []


@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_the_upgrade_to_0012_keeps_a_text_stored_before_and_refuses_new_ones(
        store_url, tokens, raw, monkeypatch):
    _downgrade(raw, "0011")
    made = amend("EU", "OP2", replace="submit", with_="present")
    with raw.begin() as connection:  # the forger's library reads amendments' marks (0014)
        connection.execute(text("ALTER TABLE amendments ADD COLUMN marks text DEFAULT ''"))
    (old,) = forge(store_url, monkeypatch, replace(made, new_text="pre\x07sent"))
    with raw.begin() as connection:  # the store as 0011 has it again
        connection.execute(text("ALTER TABLE amendments DROP COLUMN marks"))
    with open_store(store_url, check_version=False) as store:
        assert store.init() == "0015"  # the upgrade goes through, the row kept
    with raw.connect() as connection:
        assert connection.execute(text(
            "SELECT convalidated FROM pg_constraint WHERE conname = 'ck_amendments_texts' "
            "AND conrelid = 'amendments'::regclass")  # this store's, not a parallel test's
            ).scalar() is False
    with pytest.raises(StoreError, match="ck_amendments_texts"):
        forge(store_url, monkeypatch, replace(made, new_text="pre\x1bsent"))
    found = doubts(store_url)
    assert len(found) == 1 and f"amendment {old}, the new text: character 3: U+0007" in found[0]
