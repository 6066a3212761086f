"""A process killed in the middle of a large submission loses nothing and records no half.

A child process records a submission of a thousand amendments and is killed
with SIGKILL while its transaction is open: once right after its first
amendment rows reached the database, once at the very moment it is about to
commit (every row written), and once running the ``drafting submit`` command
line, at a random moment after the database shows its write under way. After
each kill the store opens, ``verify`` passes, and the submission is either all
there or absent; sending it again then records it exactly once.

The children are forked from the test (so they need not import drafting again);
each is a process of its own, with its own database connections. The first two
kill points are reached by an SQLAlchemy event hook in the child that says so
through a pipe and sleeps; it changes nothing the store does. The third is
observed from outside: on SQLite the file's write lock is held, on PostgreSQL
the child's backend (found by its application name) has a transaction id.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool
from store_scenario import delegations, sample_document

from drafting.model import Document
from drafting.readers import load_submission
from drafting.store import open_store
from drafting.store.connect import resolve_url

AMENDMENTS = 1000
WAIT_S = 60



def hooked_child(url: str, symbol: str, path: Path, point: str, said: Connection) -> None:
    """The forked child: record the submission in ``path``; at ``point`` (the first
    INSERT of amendment rows, or the COMMIT about to be sent) say so and sleep, to be
    killed there. The hooks only watch; the store does what it always does."""
    seen = {"amendment inserts": 0}

    def stop_here() -> None:
        said.send(point)
        time.sleep(600)

    def after(_connection, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO AMENDMENTS "):
            seen["amendment inserts"] += 1
            if point == "rows" and seen["amendment inserts"] == 1:
                stop_here()

    def commit(_connection) -> None:
        if point == "commit" and seen["amendment inserts"]:
            stop_here()

    event.listen(Engine, "after_cursor_execute", after)
    event.listen(Engine, "commit", commit)
    with open_store(url) as store:
        _, amendments = load_submission(path, store.document(symbol))
        store.submit(symbol, amendments, actor="crash test")
    said.send("recorded")


def large_submission(document: Document, path: Path, count: int = AMENDMENTS) -> Path:
    """A JSON submission by the EU of ``count`` amendments spread over every paragraph."""
    current = document.current
    assert current is not None
    labels = [p.label for p in current.paragraphs if p.label.startswith(("PP", "OP"))]
    items = []
    for n in range(count):
        label = labels[n % len(labels)]
        items.append([
            {"paragraph": label, "alternative": f"Variant {n} of this paragraph, put otherwise;"},
            {"paragraph": label, "new_paragraph": f"Decides further, as point {n}, to act;",
             "reason": "so that nothing is left out of the text"},
            {"paragraph": label, "alternative": f"Wording {n}, supported by others;",
             "supporters": ["JPN", "CAN"]},  # no two alike: a file's repeats count once
        ][n % 3])
    path.write_text(json.dumps({"document": document.symbol, "delegation": "EU",
                                "amendments": items}), encoding="utf-8")
    return path


@pytest.fixture
def prepared(store_url: str, tmp_path: Path) -> tuple[str, str, Path]:
    """(url, symbol, submission file): a store with the sample draft and its delegations."""
    document = sample_document()
    with open_store(store_url, check_version=False) as store:
        store.init()
        for delegation in delegations():
            store.add_delegation(delegation)
        store.add_document(document)
    return store_url, document.symbol, large_submission(document, tmp_path / "large.json")


def cli_child(argv: list[str], name: str, log: str) -> None:
    """The forked child running the command line, ``drafting`` + ``argv``, in itself (its
    output into ``log``, its PostgreSQL connections named ``name``); exits with its status."""
    from drafting_cli.app import main

    os.environ["PGAPPNAME"] = name  # libpq reads it when connecting
    with open(log, "w") as out:
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
    sys.argv = ["drafting", *argv]
    main()


def kill_at_hook(url: str, symbol: str, path: Path, point: str) -> None:
    """Fork a child that records the submission; SIGKILL it when it reports ``point``.
    (Forked, so that it need not import drafting again; it is a process of its own,
    with its own connections.)"""
    ours, theirs = multiprocessing.Pipe()
    child = multiprocessing.get_context("fork").Process(
        target=hooked_child, args=(url, symbol, path, point, theirs))
    child.start()
    try:
        said = ours.recv() if ours.poll(WAIT_S) else "nothing"
        assert said == point, f"the child never reached '{point}' (it said {said})"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.join(timeout=WAIT_S)
        if child.is_alive():
            child.kill()
    assert child.exitcode == -signal.SIGKILL


class Watcher:
    """Sees from outside whether a write transaction is open on the store: the SQLite
    file's write lock is taken, or the PostgreSQL backend named ``name`` holds a
    transaction id (it has locked or written a row)."""

    def __init__(self, url: str, name: str) -> None:
        self.url, self.name = make_url(url), name
        self.engine = (None if self.url.get_backend_name() == "sqlite" else
                       create_engine(resolve_url(url), poolclass=NullPool))

    def writing(self) -> bool:
        if self.engine is None:
            probe = sqlite3.connect(self.url.database, timeout=0, isolation_level=None)
            try:
                probe.execute("BEGIN IMMEDIATE")
                probe.execute("ROLLBACK")
                return False
            except sqlite3.OperationalError as error:
                if "locked" in str(error) or "busy" in str(error):
                    return True
                raise
            finally:
                probe.close()
        with self.engine.connect() as connection:
            return bool(connection.scalar(text(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name "
                "AND backend_xid IS NOT NULL"), {"name": self.name}))

    def wait_until_gone(self) -> None:
        """Wait until the server has finished with the child's connections: a client killed
        while its COMMIT runs (checks at commit included) leaves the server to finish it,
        and only then does the store show what became of the write."""
        if self.engine is None:
            return
        deadline = time.monotonic() + WAIT_S
        with self.engine.connect() as connection:
            while connection.scalar(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = :name"),
                    {"name": self.name}):
                assert time.monotonic() < deadline, "the killed client's backend stayed"
                connection.rollback()
                time.sleep(0.01)


def kill_cli_while_writing(url: str, symbol: str, path: Path, delay: float,
                           log: Path) -> int:
    """Run ``drafting submit --yes`` in a forked child and SIGKILL it ``delay`` seconds
    after its write is seen under way (or let it finish, if it finishes first);
    returns its exit status (negative: the signal)."""
    name = f"drafting-crash-cli-{os.getpid()}"
    watcher = Watcher(url, name)
    child = multiprocessing.get_context("fork").Process(target=cli_child, args=(
        ["submit", symbol, str(path), "--yes", "--db", url], name, str(log)))
    child.start()
    try:
        deadline = time.monotonic() + WAIT_S
        while child.is_alive() and not watcher.writing():
            assert time.monotonic() < deadline, "the submission never started writing"
            time.sleep(0.002)
        time.sleep(delay)
        if child.is_alive():
            os.kill(child.pid, signal.SIGKILL)
    finally:
        child.join(timeout=WAIT_S)
        if watcher.engine is not None:
            watcher.wait_until_gone()
            watcher.engine.dispose()
    assert child.exitcode is not None
    return child.exitcode


def all_or_nothing(url: str, symbol: str) -> int:
    """Check the store after a crash; returns how many of the amendments are recorded."""
    with open_store(url) as store:
        report = store.verify()
        assert report.ok, report.summary()
        stored = store.amendments(symbol)
        submits = [e for e in store.events(symbol) if e.kind == "submit"]
    assert len(stored) in (0, AMENDMENTS), f"{len(stored)} of {AMENDMENTS} amendments recorded"
    assert len(submits) == (len(stored) > 0)
    if stored:
        assert [a.id for a in stored] == [f"A{n}" for n in range(1, AMENDMENTS + 1)]
        assert {a.proponents for a in stored} == {("EU",)}
    return len(stored)


def test_a_submission_killed_half_way_is_all_there_or_absent(prepared, tmp_path):
    url, symbol, path = prepared
    for point in ("rows", "commit"):  # killed before COMMIT was sent: nothing may remain
        kill_at_hook(url, symbol, path, point)
        assert all_or_nothing(url, symbol) == 0, f"killed at {point}"
    delay = random.uniform(0, 0.6)
    status = kill_cli_while_writing(url, symbol, path, delay, tmp_path / "cli.log")
    recorded = all_or_nothing(url, symbol)
    if status == 0:  # it finished before the kill: then all of it is there
        assert recorded == AMENDMENTS, (tmp_path / "cli.log").read_text()[-500:]
    else:
        assert status == -signal.SIGKILL, (tmp_path / "cli.log").read_text()[-500:]
    with open_store(url) as store:
        _, amendments = load_submission(path, store.document(symbol))
        first = store.submit(symbol, amendments)
        again = store.submit(symbol, amendments)
        assert first.duplicate == (recorded > 0)
        assert again.duplicate and again.ids == first.ids
        assert len(store.amendments(symbol)) == AMENDMENTS
        assert store.verify().ok
