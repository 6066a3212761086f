"""A process killed in the middle of a large submission loses nothing and records no half.

A real child process records a submission of a few thousand amendments and is
killed with SIGKILL while its transaction is open: once right after its first
amendment rows reached the database, once at the very moment it is about to
commit (every row written), and once as the plain ``drafting submit`` command,
at a random moment after the database shows its write under way. After each
kill the store opens, ``verify`` passes, and the submission is either all there
or absent; sending it again then records it exactly once.

The first two kill points are reached by an SQLAlchemy event hook in the child
that prints a line and sleeps; it changes nothing the store does. The third is
observed from outside: on SQLite the file's write lock is held, on PostgreSQL
the child's backend (found by its application name) has a transaction id.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from store_scenario import ROOT, delegations, sample_document

from drafting.model import Document
from drafting.readers import load_submission
from drafting.store import open_store
from drafting.store.connect import resolve_url

AMENDMENTS = 1000
WAIT_S = 60

# The child: record the submission in FILE; at POINT print "at POINT" and sleep, to be killed.
CHILD = """
import sys, time
from sqlalchemy import event
from sqlalchemy.engine import Engine
from drafting.readers import load_submission
from drafting.store import open_store

url, symbol, path, point = sys.argv[1:5]
seen = {"amendment inserts": 0}

def stop_here():
    print("at", point, flush=True)
    time.sleep(600)

@event.listens_for(Engine, "after_cursor_execute")
def _after(connection, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("INSERT INTO AMENDMENTS "):
        seen["amendment inserts"] += 1
        if point == "rows" and seen["amendment inserts"] == 1:
            stop_here()

@event.listens_for(Engine, "commit")
def _commit(connection):
    if point == "commit" and seen["amendment inserts"]:
        stop_here()

with open_store(url) as store:
    _, amendments = load_submission(path, store.document(symbol))
    store.submit(symbol, amendments, actor="crash test")
print("recorded", flush=True)
"""


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
            {"paragraph": label, "retain": True, "supporters": ["JPN", "CAN"]},
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


def child_env(name: str) -> dict[str, str]:
    """The child's environment: the repository importable, its PostgreSQL connections named."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "PGAPPNAME": name}


def kill_at_hook(url: str, symbol: str, path: Path, point: str) -> None:
    """Run the hooked child until it reports reaching ``point``, then SIGKILL it."""
    child = subprocess.Popen([sys.executable, "-c", CHILD, url, symbol, str(path), point],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=child_env("drafting-crash-hook"))
    try:
        ready, _, _ = select.select([child.stdout], [], [], WAIT_S)
        line = child.stdout.readline() if ready else ""
        if line.strip() != f"at {point}":
            child.kill()
            pytest.fail(f"the child never reached '{point}' (said {line!r}): "
                        f"{child.communicate()[1][-2000:]}")
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=WAIT_S)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL


def writing_now(url: str, name: str) -> bool:
    """Whether a write transaction is open on the store, seen from outside: the SQLite
    file's write lock is taken, or the PostgreSQL backend named ``name`` holds a
    transaction id (it has locked or written a row)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        probe = sqlite3.connect(parsed.database, timeout=0, isolation_level=None)
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
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as connection:
            return bool(connection.scalar(text(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE application_name = :name AND backend_xid IS NOT NULL"), {"name": name}))
    finally:
        engine.dispose()


def kill_cli_while_writing(url: str, symbol: str, path: Path, delay: float,
                           log: Path) -> int:
    """Run ``drafting submit`` and SIGKILL it ``delay`` seconds after its write is seen
    under way (or let it finish, if it finishes first); returns its exit status."""
    name = f"drafting-crash-cli-{os.getpid()}"
    with log.open("w") as out:
        child = subprocess.Popen(
            [sys.executable, "-m", "drafting_cli", "submit", symbol, str(path), "--yes",
             "--db", url], stdout=out, stderr=subprocess.STDOUT, env=child_env(name))
        try:
            deadline = time.monotonic() + WAIT_S
            while child.poll() is None and not writing_now(url, name):
                assert time.monotonic() < deadline, "the submission never started writing"
                time.sleep(0.005)
            time.sleep(delay)
            if child.poll() is None:
                child.send_signal(signal.SIGKILL)
        finally:
            child.wait(timeout=WAIT_S)
    return child.returncode


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
