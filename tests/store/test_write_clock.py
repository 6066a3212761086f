"""The clocks of the machines writing and verifying a store (probe 16, finding 3; probe
17, finding 3): a write whose clock reads before the last event is dated as that event,
never refused, so one writer's fast clock locks no one out and the record's times never
go back; events dated later than a verifier's clock are said so, and issuing a revision
goes on with a warning naming them; a forged back-dated event is still named."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest
from store_scenario import SMALL, amend, delegations

from drafting.engine.amend import Proposal
from drafting.errors import AmendmentError
from drafting.store import eventcheck, open_store, session
from drafting.store.errors import RecordMismatch
from drafting.workflow import prepare_amendment, revise_document


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


def test_a_write_whose_clock_reads_before_the_last_event_is_dated_as_it_not_refused(
        url, monkeypatch, caplog):
    """A laptop a year fast records EU's amendment (probe 17, finding 3: every write after
    it was refused for a year). The USA's amendment from a right clock is recorded, dated
    as EU's and the writer told; the store verifies once time has caught up."""
    _submit(url, monkeypatch, timedelta(days=365), "EU", "OP2", replace="submit",
            with_="present")
    with open_store(url) as store:
        (eu,) = store.events()[-1:]
    with caplog.at_level(logging.WARNING, logger="drafting.store"):
        (usa,) = _submit(url, monkeypatch, timedelta(), "USA", "OP4", replace="question",
                         with_="matter").ids
    assert f"earlier than the last event recorded ({eu.at:%Y-%m-%d %H:%M} UTC): event " \
        f"{eu.seq + 1} is dated just after it; if this clock is slow, set it right" in caplog.text
    with open_store(url) as store:
        assert store.events()[-1].at == eu.at + timedelta(microseconds=1)
        assert {a.id: a for a in store.amendments(SMALL.symbol)}[usa].submitted_at > eu.at
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="drafting.store"):
        _submit(url, monkeypatch, timedelta(days=366), "JPN", "OP1", bracket="a meeting")
    assert caplog.text == ""  # a clock later than the last event: its own time
    now = _verify(url, monkeypatch)
    assert now.clock_only and len(now.mismatches) == 3
    assert _verify(url, monkeypatch, timedelta(days=367)).ok  # once time has caught up


def test_a_revision_goes_on_with_a_warning_when_only_times_are_later_than_this_clock(
        url, monkeypatch):
    """Events dated in the future (a writer's fast clock) hold no revision up: issuing
    names them in a warning; anything else found still refuses it."""
    _submit(url, monkeypatch, timedelta(days=30), "EU", "OP2", replace="submit",
            with_="present")
    warned: list[str] = []
    with open_store(url) as store:
        outcome = revise_document(store, SMALL.symbol, "Rev.1", warn=warned.append)
        assert store.document(SMALL.symbol).current.label == "Rev.1"
    assert outcome.revision.label == "Rev.1"
    assert len(warned) == 1 and warned[0].startswith(
        "Rev.1: the record's times are later than this machine's clock (event ")
    assert "in the future by this machine's clock" in warned[0]
    assert warned[0].endswith("); Rev.1 is issued all the same")


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
        patched.setattr(session, "_dated", lambda *args: args[-1])  # the library's dating
        _submit(url, monkeypatch, timedelta(), "JPN", "OP1", bracket="a meeting")
    forged = _verify(url, monkeypatch)
    assert not forged.clock_only
    assert forged.summary().startswith("the record does not match: event ")
    assert any("before the event it follows" in m.what for m in forged.mismatches)
    with open_store(url) as store, pytest.raises(RecordMismatch, match=r"Rev\.1 was not "
                                                 r"issued: the store does not match"):
        revise_document(store, SMALL.symbol, "Rev.1")


def _jpn_on(url: str, label: str):
    """JPN's amendment to the proposal the compilation labels ``label``, as `amend` makes it."""
    with open_store(url) as store:
        return prepare_amendment(store, SMALL.symbol, Proposal(
            label, replace="States", with_="all States"), "JPN")


def test_a_proposal_recorded_later_by_a_slow_clock_takes_no_label_already_circulated(
        url, monkeypatch):
    """Probe 17, finding 6: EU's paragraph is circulated as "OP2 bis"; the USA's, recorded
    after it from a machine 4 minutes slow, took that label, and JPN's amendment to "OP2
    bis" landed on the USA's words. Now the USA's is dated after the EU's and is "OP2
    ter"; in a store that holds it dated earlier (written before, or by a client that
    skipped the library's dating), the label is refused, naming both."""
    eu = "Invites States to present their views;"
    usa = "Encourages States to contribute generously;"
    _submit(url, monkeypatch, timedelta(), "EU", "OP2", new_paragraph=eu)
    _submit(url, monkeypatch, -timedelta(minutes=4), "USA", "OP2", new_paragraph=usa)
    assert _jpn_on(url, "OP2 bis").amends == "A1"
    assert _jpn_on(url, "OP2 ter").amends == "A2"
    _submit(url, monkeypatch, timedelta(), "EU", "OP3", new_paragraph=eu)
    with monkeypatch.context() as patched:
        patched.setattr(session, "_dated", lambda *args: args[-1])  # dated as before
        _submit(url, monkeypatch, -timedelta(minutes=4), "USA", "OP3", new_paragraph=usa)
    with pytest.raises(AmendmentError, match=r"^OP3 bis: the compilation gave this label to "
                       r"the proposal of EU \(A3\); it now names the proposal of USA \(A4\), "
                       r"recorded after it but dated earlier: name the proposal you amend by "
                       r"its id \(A3 or A4\) instead of the label$"):
        _jpn_on(url, "OP3 bis")
    assert _jpn_on(url, "A3").amends == "A3"
    assert _jpn_on(url, "OP3 ter").amends == "A3"


def test_the_command_line_says_a_slow_clock_as_a_warning(url, monkeypatch):
    """The write dated after the last event is told on the command line as its other
    warnings are (`warning: ...`), not as a bare line of Python's logging."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "cli"))
    from test_workflow_commands import drafting

    _submit(url, monkeypatch, timedelta(days=365), "EU", "OP2", replace="submit",
            with_="present")
    done = drafting(Path(url.removeprefix("sqlite:///")), "amend", SMALL.symbol, "OP4",
                    "--delegation", "USA", "--replace", "question", "--with", "matter",
                    "--yes")
    assert done.returncode == 0, done.stderr
    (said,) = [line for line in done.stderr.splitlines() if "clock" in line]
    assert said.startswith("warning: this machine's clock reads ")
    assert said.endswith("is dated just after it; if this clock is slow, set it right")
