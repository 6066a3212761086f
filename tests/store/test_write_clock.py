"""The clocks of the machines writing and verifying a store (probe 16, finding 3): a
write dated more than `CLOCK_SKEW` before the last event (its clock set back, or the
last event's writer's clock fast) is refused, nothing recorded, so the store still
verifies and issues revisions; a machine verifying with a slow clock is told its clock
may be the one that is wrong, while a forged post-dated event is still named."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from store_scenario import SMALL, amend, delegations

from drafting.store import ConflictError, eventcheck, open_store, session


def _clock(shift: timedelta) -> type[datetime]:
    """A clock that runs ``shift`` ahead of the real one (behind, when negative)."""
    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime.now(tz) + shift
    return Clock


def _submit(url: str, monkeypatch, shift: timedelta, code: str, label: str, **fields):
    with monkeypatch.context() as patched:
        patched.setattr(session, "datetime", _clock(shift))
        with open_store(url) as store:
            return store.submit(SMALL.symbol, [amend(code, label, **fields)])


def _verify(url: str, monkeypatch, shift: timedelta = timedelta()):
    with monkeypatch.context() as patched:
        patched.setattr(eventcheck, "datetime", _clock(shift))
        with open_store(url) as store:
            return store.verify()


@pytest.fixture
def url(tmp_path) -> str:
    """A SQLite store with the small text (PostgreSQL refuses a post-dated write itself:
    schema 0013, `test_verify_doubts`)."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url, check_version=False) as store:
        store.init()
        for delegation in delegations():
            store.add_delegation(delegation, actor="secretariat")
        store.add_document(SMALL, actor="secretariat")
    return url


def test_a_write_dated_before_the_last_event_is_refused_and_the_store_still_verifies(
        url, monkeypatch):
    """A laptop 6 minutes fast records EU's amendment; its clock is corrected and the
    USA's is entered: refused, not recorded to break `verify` (and `revise`) for ever."""
    _submit(url, monkeypatch, timedelta(minutes=6), "EU", "OP2", replace="submit",
            with_="present")
    with open_store(url) as store:
        before = store.events()
    with pytest.raises(ConflictError, match=r"before the last event .* the clock of the "
                       r"machine writing it, which is wrong or set back; set it right and try "
                       r"again \(if it is right, the last event's writer's clock was set "
                       r"forward: this write can be made from .* UTC\); nothing was recorded"):
        _submit(url, monkeypatch, timedelta(), "USA", "OP4", replace="question",
                with_="matter")
    with open_store(url) as store:
        assert store.events() == before
    _submit(url, monkeypatch, timedelta(minutes=2), "USA", "OP4", replace="question",
            with_="matter")  # clocks a little apart: no matter
    assert _verify(url, monkeypatch, timedelta(minutes=7)).ok  # once time has caught up


def test_a_verifier_whose_clock_is_slow_is_told_so_and_a_post_dated_event_is_still_named(
        url, monkeypatch):
    _submit(url, monkeypatch, timedelta(), "EU", "OP2", replace="submit", with_="present")
    assert _verify(url, monkeypatch).ok
    slow = _verify(url, monkeypatch, -timedelta(minutes=6))  # a delegation's slow laptop
    assert not slow.ok and slow.clock_only
    assert slow.summary().startswith("the record's times are later than this machine's "
                                     "clock: event 1: it is dated ")
    assert "if this machine's clock is slow, set it right and verify again" in slow.summary()
    _submit(url, monkeypatch, timedelta(days=400), "USA", "OP4", replace="question",
            with_="matter")  # a post-dated event...
    with monkeypatch.context() as patched:  # ...and one after it from a client skipping
        patched.setattr(session, "_refuse_set_back", lambda *args: None)  # the check
        _submit(url, monkeypatch, timedelta(), "JPN", "OP1", bracket="a meeting")
    forged = _verify(url, monkeypatch)
    assert not forged.clock_only
    assert forged.summary().startswith("the record does not match: event ")
    assert any("before the event it follows" in m.what for m in forged.mismatches)
