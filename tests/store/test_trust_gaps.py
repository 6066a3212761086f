"""Trust gaps an attack probe found, on SQLite and PostgreSQL: a log that cannot be read is
refused by name (not a crash), and `verify` covers a status step's position, a token's
time of issue and its salt; a damaged salt refuses the token plainly.

Each tamper is raw SQL behind the library's back (`tamper`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from store_scenario import SYMBOL
from tamper import tamper

from drafting.engine import Proposal
from drafting.store import SECRETARIAT, AccessError, open_store
from drafting.store.errors import RecordMismatch
from drafting.store.tokens import DamagedHash, Hashed, matches, new_token, token_id
from drafting.workflow import export_json, prepare_amendment

DEEP = "[" * 100_000 + "]" * 100_000
"""A payload nested too deep for Python's JSON parser (PostgreSQL refuses to store it)."""


def first_event_of(raw, symbol: str) -> int:
    with raw.connect() as connection:
        return connection.scalar(text("SELECT min(seq) FROM events WHERE document = :s"),
                                 {"s": symbol})


def unreadable_event(raw, seq: int) -> None:
    """Make event ``seq`` unreadable: a payload nested too deep on SQLite, a time Python
    cannot hold on PostgreSQL."""
    if raw.dialect.name == "sqlite":
        tamper(raw, "UPDATE events SET payload = :deep WHERE seq = :seq", deep=DEEP, seq=seq)
    else:
        tamper(raw, "UPDATE events SET at = 'infinity' WHERE seq = :seq", tables=["events"],
               seq=seq)


def test_the_log_and_the_export_refuse_an_event_that_cannot_be_read(filled, raw, tmp_path):
    seq = first_event_of(raw, SYMBOL)
    unreadable_event(raw, seq)
    where = f"table events, row seq {seq}"
    assert any(m.where == where for m in filled.verify().mismatches)  # named alike there
    with pytest.raises(RecordMismatch) as caught:
        filled.events(SYMBOL)
    said = str(caught.value)
    assert f"the record cannot be read: {where}: " in said
    assert "cannot be read as" in said and "run `drafting verify`" in said
    with pytest.raises(RecordMismatch, match=f"{where}: "):
        filled.events()  # the whole log too
    out = tmp_path / "l7.json"
    with pytest.raises(RecordMismatch, match=f"{where}: .*drafting verify"):
        export_json(filled, SYMBOL, out)
    assert not out.exists()  # nothing written


def test_a_log_that_can_be_read_is_read_as_before(filled):
    events = filled.events(SYMBOL)
    assert events and all(e.document == SYMBOL for e in events)
    assert [e.seq for e in filled.events()] == list(range(1, len(filled.events()) + 1))


def longest_history(raw) -> tuple[int, int]:
    """The amendment with the most status steps, and its last step's position."""
    with raw.connect() as connection:
        return tuple(connection.execute(text(
            "SELECT amendment_id, max(position) FROM amendment_statuses GROUP BY amendment_id "
            "ORDER BY count(*) DESC, amendment_id LIMIT 1")).one())


def test_verify_notices_a_status_step_moved_to_another_position(filled, raw):
    number, last = longest_history(raw)
    assert last >= 2
    tamper(raw, "UPDATE amendment_statuses SET position = position + 10 "
                "WHERE amendment_id = :n AND position = :p", tables=["amendment_statuses"],
           n=number, p=last)
    report = filled.verify()
    assert not report.ok
    assert report.first.where == (f"table amendment_statuses, row amendment_id {number}, "
                                  f"position {last + 10}")
    assert report.first.what.startswith(f"position is {last + 10}, but the record")
    assert f"position {last}" in report.first.what
    tamper(raw, "UPDATE amendment_statuses SET position = :p WHERE amendment_id = :n "
                "AND position = :q", n=number, p=last, q=last + 10)
    assert filled.verify().ok


@pytest.fixture
def tokens(filled) -> dict[str, str]:
    return filled.make_secure(actor="secretariat")


def event_count(raw) -> int:
    with raw.connect() as connection:
        return connection.scalar(text("SELECT count(*) FROM events"))


def test_verify_notices_a_backdated_token(filled, raw, tokens):
    assert filled.verify().ok  # the time of issue is the issuing event's
    eu = token_id(tokens["EU"])
    tamper(raw, "UPDATE credentials SET issued_at = :t WHERE id = :i",
           t=datetime(2001, 1, 1, tzinfo=UTC), i=eu)
    report = filled.verify()
    assert [m.where for m in report.mismatches] == [f"token {eu}"]
    assert report.first.what.startswith("time issued (credentials.issued_at) is "
                                        "'2001-01-01T00:00:00.000000+00:00' in the store")


def test_a_salt_that_is_not_hex_refuses_the_token_plainly_and_verify_names_it(
        filled, raw, tokens, store_url):
    usa = token_id(tokens["USA"])
    tamper(raw, "UPDATE credentials SET salt = 'zz' || substr(salt, 3) WHERE id = :i", i=usa)
    before = event_count(raw)
    with (open_store(store_url, token=tokens["USA"]) as store,
          pytest.raises(RecordMismatch) as caught):
        store.withdraw("A1", "USA")
    said = str(caught.value)
    assert f"table credentials, row id '{usa}'" in said and "its salt is not hex" in said
    assert "run `drafting verify`" in said and "nothing was recorded" in said
    assert event_count(raw) == before  # not even a refusal
    found = [str(m) for m in filled.verify().mismatches]
    assert found == [f"table credentials, row id '{usa}': its salt is not hex digits as "
                     "drafting writes them: no token can be checked against it"]


def test_a_salt_changed_to_other_hex_is_a_fingerprint_that_differs(filled, raw, tokens,
                                                                    store_url):
    eu = token_id(tokens["EU"])
    tamper(raw, "UPDATE credentials SET salt = :s WHERE id = :i", s="00" * 16, i=eu)
    with (open_store(store_url, token=tokens["EU"]) as store,
          pytest.raises(AccessError, match="not EU's token")):
        store.withdraw("A1", "EU")
    report = filled.verify()
    assert [m.where for m in report.mismatches] == [f"token {eu}"]
    assert "fingerprint (of credentials.scheme, salt and hash)" in report.first.what


def test_a_kept_hash_that_cannot_be_checked_is_damaged_not_a_wrong_token():
    token, kept = new_token()
    assert matches(token, kept) and kept.damage is None
    for damaged, said in [
            (Hashed(kept.id, kept.scheme, "zz" + kept.salt[2:], kept.hash), "salt"),
            (Hashed(kept.id, kept.scheme, kept.salt[:-1], kept.hash), "salt"),
            (Hashed(kept.id, kept.scheme, kept.salt, "é" * 64), "hash"),
            (Hashed(kept.id, "scrypt:n=3,r=8,p=1", kept.salt, kept.hash), "scrypt refuses"),
            (Hashed(kept.id, "scrypt:n=4096,r=8,p=100000", kept.salt, kept.hash),
             "more work than drafting ever uses")]:
        with pytest.raises(DamagedHash, match=said):
            matches(token, damaged)
        assert len(damaged.fingerprint) == 64  # verify can still compare it
    assert not matches(token, Hashed(kept.id, "argon2:m=1", kept.salt, kept.hash))


def test_the_secretariat_token_still_works_beside_a_damaged_one(filled, raw, tokens,
                                                                 store_url):
    tamper(raw, "UPDATE credentials SET hash = 'not hex' WHERE id = :i",
           i=token_id(tokens["USA"]))
    with open_store(store_url, token=tokens[SECRETARIAT]) as secretariat:
        secretariat.rotate_token("USA")  # the way out the message names
    assert json.dumps([str(m) for m in filled.verify().mismatches]).count("not hex") == 1


def test_no_one_writes_while_the_token_setting_is_taken_away(filled, raw, tokens, store_url,
                                                             tmp_path):
    """Whoever can write the store takes the "tokens required" setting away, to record an
    amendment in another delegation's name with no token: the record says tokens are
    required, so the write is refused and nothing recorded (it went through, and only
    `verify` found it afterwards); a compilation is not written either."""
    assert filled.verify().ok
    before = _events(raw)
    tamper(raw, "DELETE FROM settings WHERE key = 'secure'")
    with open_store(store_url) as store:  # no token asked for now
        forged = prepare_amendment(store, SYMBOL, Proposal("OP3", delete_paragraph=True),
                                   "USA")
        with pytest.raises(RecordMismatch, match=r"setting secure: requiring tokens is "
                           r"False in the store, but the record .* says True"):
            store.submit(SYMBOL, [forged])
        with pytest.raises(RecordMismatch, match=r"nothing was written: the store does not "
                           r"match its record .*setting secure"):
            export_json(store, SYMBOL, tmp_path / "export.json")
    assert _events(raw) == before and not (tmp_path / "export.json").exists()
    assert [m.where for m in filled.verify().mismatches] == ["setting secure"]


def _events(raw) -> int:
    with raw.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM events")).scalar()
