"""Who may do what: a store that requires tokens, on SQLite and PostgreSQL.

Each write needs its holder's token; a refused one changes nothing of the
negotiation and is recorded as a ``refused`` event, never with the token; tokens
are kept only as salted hashes, rotated and revoked; `verify` replays it all.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from store_scenario import SMALL, amend, dump_tables, views

from drafting.engine.revise import Decisions, revise
from drafting.model import Delegation, Document, ParagraphStatus
from drafting.store import (
    SECRETARIAT,
    AccessError,
    ConflictError,
    NotFoundError,
    StoreError,
    open_store,
)
from drafting.store import schema as store_schema
from drafting.store.connect import resolve_url
from drafting.store.tokens import new_token, token_id


@pytest.fixture
def secure(empty_store, store_url):
    """A store with EU, USA and JPN and the small document, made secure; its tokens."""
    for code in ("EU", "USA"):
        empty_store.add_delegation(Delegation(code))
    empty_store.add_document(SMALL, actor="secretariat")
    tokens = empty_store.make_secure(actor="secretariat")
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        tokens["JPN"] = secretariat.add_delegation(Delegation("JPN", "Japan"))
    return store_url, tokens


def acting(url: str, token: str | None):
    return open_store(url, token=token)


def eu_amendment(code: str = "EU", with_: str = "present"):
    return amend(code, "OP2", replace="submit", with_=with_)


def test_an_open_store_asks_for_no_token_and_ignores_one(empty_store, store_url):
    assert empty_store.secure is False
    with acting(store_url, "drf_0000000000000000_not-a-real-token-at-all") as store:
        store.add_delegation(Delegation("EU"))
        store.add_document(SMALL)
        assert store.submit(SMALL.symbol, [eu_amendment()]).ids == ("A1",)
        with pytest.raises(ConflictError, match="does not require tokens"):
            store.rotate_token("EU")
    assert empty_store.tokens() == []


def test_making_a_store_secure_issues_each_token_once_kept_only_as_a_hash(secure, raw):
    url, tokens = secure
    assert set(tokens) == {SECRETARIAT, "EU", "USA", "JPN"}
    assert len(set(tokens.values())) == 4 and all(t.startswith("drf_") for t in tokens.values())
    with acting(url, None) as store:
        assert store.secure
        assert [t.holder for t in store.tokens()] == [SECRETARIAT, "EU", "USA", "JPN"]
        with pytest.raises(ConflictError, match="already requires tokens"):
            store.make_secure()
        assert store.verify().ok
    everything = json.dumps(dump_tables(raw), default=str)
    for token in tokens.values():
        secret = token.split("_", 2)[-1][-20:]  # the secret may hold "_" itself
        assert token_id(token) in everything and secret not in everything


def test_the_secretariats_commands_need_the_secretariats_token(secure):
    url, tokens = secure
    outcome = None
    with acting(url, tokens[SECRETARIAT]) as store:
        outcome = revise(store.document(SMALL.symbol), [], Decisions(), label="Rev.1")
    attempts = {
        "import": lambda s: s.add_document(Document("TEST/2", "x", SMALL.revisions)),
        "add delegations": lambda s: s.add_delegation(Delegation("CAN")),
        "add members": lambda s: s.add_members("EU", ["FRA"]),
        "agree": lambda s: s.set_paragraph_status(SMALL.symbol, "p1", ParagraphStatus.AGREED),
        "revise": lambda s: s.add_revision(SMALL.symbol, outcome),
        "rotate tokens": lambda s: s.rotate_token("USA"),
        "revoke tokens": lambda s: s.revoke_token("USA"),
    }
    for command, attempt in attempts.items():
        for token in (None, tokens["EU"]):
            with acting(url, token) as store, pytest.raises(AccessError) as refused:
                attempt(store)
            assert command in refused.value.message and "nothing was recorded" in (
                refused.value.message), refused.value.message
    with acting(url, tokens[SECRETARIAT]) as store:
        for attempt in attempts.values():
            attempt(store)
        assert store.verify().ok


def test_a_delegation_submits_and_withdraws_only_in_its_own_name(secure):
    url, tokens = secure
    with acting(url, tokens["EU"]) as eu:
        mine = eu.submit(SMALL.symbol, [amend("EU", "OP3", delete=" [within existing resources]",
                                              supporters=("JPN",))])
        with pytest.raises(AccessError, match=r"^the token given is not USA's token; nothing "
                                              r"was recorded$"):
            eu.submit(SMALL.symbol, [eu_amendment("USA")])
        with pytest.raises(AccessError, match="not USA's token"):
            eu.submit(SMALL.symbol, [amend("EU", "OP1", bracket="a meeting"),
                                     eu_amendment("USA")])
    with acting(url, tokens[SECRETARIAT]) as secretariat:
        with pytest.raises(AccessError, match="not EU's token"):
            secretariat.submit(SMALL.symbol, [eu_amendment()])
        with pytest.raises(AccessError, match="not EU's token"):
            secretariat.withdraw(mine.ids[0], "EU")
    with acting(url, tokens["USA"]) as usa:
        theirs = usa.submit(SMALL.symbol, [eu_amendment("USA")])
        with pytest.raises(AccessError, match="not EU's token"):
            usa.withdraw(mine.ids[0], "EU")
        with pytest.raises(ConflictError, match="only a proponent"):
            usa.withdraw(mine.ids[0], "USA")
    with acting(url, tokens["EU"]) as eu:
        assert eu.withdraw(mine.ids[0], "EU").status == "withdrawn"
        assert [a.status for a in eu.amendments(SMALL.symbol)] == ["withdrawn", "submitted"]
        assert theirs.ids == ("A2",)
        assert eu.verify().ok


def test_a_refusal_changes_nothing_and_is_recorded_without_the_token(secure):
    url, tokens = secure
    with acting(url, None) as store:
        before = views(store)
    wrong = new_token()[0]
    attempts = [(None, "no token"), ("nonsense", "unknown token"), (wrong, "unknown token"),
                (tokens["USA"], "another's token"), (tokens[SECRETARIAT], "another's token")]
    for token, _ in attempts:
        with acting(url, token) as store, pytest.raises(AccessError):
            store.submit(SMALL.symbol, [eu_amendment()], actor="someone")
    with acting(url, None) as store:
        after = views(store)
        refused = store.events()[len(before["events"]):]
        assert store.verify().ok
        assert store.events(SMALL.symbol)[-1].kind == "refused"
    assert {k: v for k, v in after.items() if k != "events"} == {
        k: v for k, v in before.items() if k != "events"}
    assert after["events"][: len(before["events"])] == before["events"]
    assert [(e.kind, e.actor, e.payload["command"], e.payload["claimed"], e.payload["reason"])
            for e in refused] == [("refused", "someone", "submit", ["EU"], reason)
                                  for _, reason in attempts]
    assert [e.payload["holder"] for e in refused][-2:] == ["USA", SECRETARIAT]
    logged = json.dumps([dict(e.payload) for e in refused])
    # drf_<id>_<secret>: the secret may itself hold "_", so split from the left
    assert not any(t.split("_", 2)[-1] in logged for t in [wrong, *tokens.values()])


def test_a_name_too_long_is_refused_before_even_a_refusal_is_recorded(secure):
    """Without a token, every attempt recorded a refusal with its actor, 128 KB of it:
    anyone reaching the store could grow its log at will."""
    url, _ = secure
    with acting(url, None) as store:
        events = len(store.events())
        for actor, code in (("x" * 201, "EU"), ("someone", "E" * 201)):
            with pytest.raises(StoreError, match="characters long, more than the 200 a name "
                               "may have; nothing was recorded"):
                store.submit(SMALL.symbol, [eu_amendment(code)], actor=actor)
        assert len(store.events()) == events
        with pytest.raises(AccessError):  # a name of 200 is one: refused for want of a token
            store.submit(SMALL.symbol, [eu_amendment()], actor="x" * 200)
        assert store.events()[-1].actor == "x" * 200


def test_check_submit_refuses_a_token_before_anything_is_shown_and_records_the_refusal(secure):
    url, tokens = secure
    batches = [[eu_amendment()], [amend("EU", "OP1", bracket="a meeting")]]
    with acting(url, tokens["USA"]) as usa:
        before = len(usa.events())
        with pytest.raises(AccessError, match=r"^the token given is not EU's token; nothing "
                                              r"was recorded$"):
            usa.check_submit(SMALL.symbol, batches, actor="someone")
        (refused,) = usa.events()[before:]
        assert (refused.kind, refused.actor, refused.payload["command"],
                refused.payload["claimed"]) == ("refused", "someone", "submit", ["EU"])
    with acting(url, tokens["EU"]) as eu:
        before = eu.events()
        eu.check_submit(SMALL.symbol, batches)  # the right token: passes, writes nothing
        assert eu.events() == before and eu.amendments(SMALL.symbol) == []
        assert eu.verify().ok


def test_check_submit_on_an_open_store_passes_and_writes_nothing(empty_store):
    empty_store.add_delegation(Delegation("EU"))
    empty_store.add_document(SMALL)
    before = empty_store.events()
    empty_store.check_submit(SMALL.symbol, [[eu_amendment()]])
    assert empty_store.events() == before


def test_rotating_and_revoking_stop_the_old_token_at_once(secure):
    url, tokens = secure
    with acting(url, tokens["EU"]) as eu, acting(url, tokens[SECRETARIAT]) as secretariat:
        eu.submit(SMALL.symbol, [eu_amendment()])  # the token is checked and remembered
        new_eu = secretariat.rotate_token("EU")
        with pytest.raises(AccessError, match=r"was EU's until .* replaced or revoked"):
            eu.submit(SMALL.symbol, [eu_amendment(with_="transmit")])
        with acting(url, new_eu) as renewed:
            renewed.submit(SMALL.symbol, [eu_amendment(with_="transmit")])
        assert secretariat.revoke_token("USA") and secretariat.revoke_token("USA") == []
        with acting(url, tokens["USA"]) as usa, pytest.raises(AccessError, match="was USA's"):
            usa.submit(SMALL.symbol, [eu_amendment("USA")])
        usa_again = secretariat.rotate_token("USA")  # a delegation without a token gets one
        with pytest.raises(StoreError, match="cannot be revoked"):
            secretariat.revoke_token(SECRETARIAT)
        with pytest.raises(NotFoundError, match="no delegation 'XYZ'"):
            secretariat.rotate_token("XYZ")
        new_secretariat = secretariat.rotate_token(SECRETARIAT)
        with pytest.raises(AccessError, match="secretariat"):
            secretariat.add_delegation(Delegation("CAN"))
    with acting(url, new_secretariat) as secretariat:
        secretariat.add_delegation(Delegation("CAN"))
        live = {t.holder for t in secretariat.tokens() if t.live}
        assert live == {SECRETARIAT, "EU", "USA", "JPN", "CAN"}
        assert secretariat.verify().ok
    with acting(url, usa_again) as usa:
        usa.submit(SMALL.symbol, [eu_amendment("USA")])


def test_verify_notices_a_token_or_the_setting_changed_behind_the_librarys_back(secure, raw):
    url, tokens = secure
    eu_id = token_id(tokens["EU"])
    forged = new_token()[1]
    with raw.begin() as connection:
        connection.execute(text("UPDATE credentials SET hash = :h WHERE id = :i"),
                           {"h": forged.hash, "i": eu_id})
    with acting(url, None) as store:
        report = store.verify()
        assert not report.ok and report.first.where == f"token {eu_id}"
        assert "fingerprint" in report.first.what
    with raw.begin() as connection:
        connection.execute(text("DELETE FROM settings"))
    with acting(url, None) as store:
        assert store.secure is False
        found = [str(m) for m in store.verify().mismatches]
        assert any(m.startswith("setting secure: requiring tokens is False") for m in found)


def test_a_submission_keeps_whose_token_recorded_it(secure, raw):
    url, tokens = secure
    with acting(url, tokens["JPN"]) as jpn:
        jpn.submit(SMALL.symbol, [amend("JPN", "OP4", replace="question", with_="matière")])
        assert jpn.events()[-1].payload["delegation"] == "JPN"
    with raw.connect() as connection:
        assert connection.execute(text("SELECT delegation FROM submissions")).all() == [("JPN",)]
    with raw.begin() as connection:
        connection.execute(text("UPDATE submissions SET delegation = 'EU'"))
    with acting(url, None) as store:
        assert "delegation" in str(store.verify().first)


def test_the_secretariat_code_is_reserved(empty_store):
    for code in ("secretariat", "Secretariat"):
        with pytest.raises(StoreError, match="reserved for the secretariat"):
            empty_store.add_delegation(Delegation(code))


def test_a_store_made_by_the_first_schema_upgrades_then_becomes_secure(store_url):
    with open_store(store_url, check_version=False) as store:
        store_schema.upgrade(store._engine, resolve_url(store_url), "0001")
    with open_store(store_url, check_version=False) as store:
        assert store.init() == store_schema.head_revision()
        store.add_delegation(Delegation("EU"))
        store.add_document(SMALL)
        store.submit(SMALL.symbol, [eu_amendment()])
        tokens = store.make_secure()
    with acting(store_url, tokens["EU"]) as eu:
        eu.submit(SMALL.symbol, [eu_amendment(with_="transmit")])
        with pytest.raises(AccessError):
            eu.add_delegation(Delegation("USA"))
        assert eu.verify().ok


def test_init_never_prints_the_database_password(store_url, tmp_path):
    """`drafting init` showed the URL as given, password and all (every other command
    hides it); its output is pasted into tickets and kept with the tokens it hands out."""
    import subprocess
    import sys

    from sqlalchemy.engine import make_url

    url = make_url(store_url)
    if url.get_backend_name() != "postgresql":
        pytest.skip("a SQLite store has no password")
    given = url.set(password="S3cretPW").render_as_string(hide_password=False)
    for extra in ([], ["--json"]):
        done = subprocess.run([sys.executable, "-m", "drafting_cli", "init", "--db", given,
                               *extra], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "S3cretPW" not in done.stdout + done.stderr
        assert "***" in done.stdout
