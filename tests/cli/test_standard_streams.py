"""Commands whose standard streams are closed (``<&-``, ``>&-``, ``2>&-``, cron), full
(``>/dev/full``) or a pipe whose reader has gone: never an internal error, and never
something recorded without saying so. Real processes: a closed stream is closed before
Python starts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from test_workflow_commands import SAMPLES, drafting, ok

SYMBOL = "L.7"
AMEND = ("amend", SYMBOL, "OP24", "-d", "EU", "--replace", "submit", "--with", "present")


@pytest.fixture(scope="module")
def _base(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("streams") / "s.db"
    ok(db, "init")
    ok(db, "import", str(SAMPLES / "zero-draft.md"), "--doc", SYMBOL)
    ok(db, "delegation", "add", "EU", "USA")
    return db


@pytest.fixture
def db(_base, tmp_path) -> Path:
    shutil.copy(_base, tmp_path / "s.db")
    return tmp_path / "s.db"


def run(db: Path, *args: str, closing: int | None = None, stdout: int | None = None,
        ) -> subprocess.CompletedProcess[str]:
    """`drafting ARGS` as a real process, with descriptor ``closing`` closed (0, 1 or 2)
    and stdout ``stdout`` (a descriptor) if given; the streams not closed are captured."""
    env = dict(os.environ, DRAFTING_DB=f"sqlite:///{db}")
    for name in ("DRAFTING_TOKEN", "DRAFTING_ACTOR"):
        env.pop(name, None)
    close: Callable[[], None] | None = None
    if closing is not None:
        def close() -> None:
            os.close(closing)
    return subprocess.run(
        [sys.executable, "-m", "drafting_cli", *args], env=env, text=True, timeout=120,
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE, preexec_fn=close)


def amendments(db: Path) -> int:
    return len(json.loads(ok(db, "amendments", SYMBOL, "--json")))


def last_receipt(db: Path) -> str:
    return ok(db, "head").strip().removeprefix("head: ")


def test_closed_stdin_is_no_terminal_and_asks_for_yes(db):
    """It was "internal error (AttributeError: 'NoneType' object has no attribute
    'isatty')"."""
    done = run(db, *AMEND, closing=0)
    assert done.returncode == 1, done.stderr
    assert "nothing recorded: add --yes to confirm without a terminal" in done.stderr
    assert "internal error" not in done.stderr and amendments(db) == 0
    assert run(db, *AMEND, "--yes", closing=0).returncode == 0 and amendments(db) == 1


def test_closed_stderr_records_without_progress_or_crash(db):
    """It was an internal error, printed on stdout (``print(file=None)``), even with
    --yes; an error is now told by the exit code alone, stdout keeping to results."""
    done = run(db, *AMEND, "--yes", closing=2)
    assert done.returncode == 0
    assert f"receipt: {last_receipt(db)}" in done.stdout and amendments(db) == 1
    failed = run(db, "amend", SYMBOL, "OP99", "-d", "EU", "--delete", "x", "--yes",
                 closing=2)
    assert failed.returncode == 1 and failed.stdout == "" and amendments(db) == 1


def test_closed_stdout_stops_before_recording(db):
    """The preview cannot be shown: nothing is recorded, and it says so (it recorded,
    exited 0 and printed the receipt nowhere)."""
    done = run(db, *AMEND, "--yes", closing=1)
    assert done.returncode == 1
    assert done.stderr == ("drafting: cannot write to standard output (it is closed); "
                           "nothing was recorded\n")
    assert amendments(db) == 0


def test_a_receipt_that_cannot_be_printed_is_said_on_stderr(db):
    """Recorded, then stdout fails: exit 1, and stderr says what was recorded, with the
    receipt (--json shows the preview on stderr, so only the result is lost)."""
    done = run(db, *AMEND, "--yes", "--json", closing=1)
    receipt = last_receipt(db)
    assert done.returncode == 1 and amendments(db) == 1
    number = receipt.split()[0]
    assert (f"drafting: recorded as event {number}; its receipt could not be written to "
            "standard output (it is closed), so it is below: keep it") in done.stderr
    assert done.stderr.endswith(f"\nreceipt: {receipt}\n")
    withdrawn = run(db, "withdraw", "A1", "-d", "EU", closing=1)
    assert withdrawn.returncode == 1
    assert withdrawn.stderr.endswith(f"\nreceipt: {last_receipt(db)}\n")
    assert "internal error" not in withdrawn.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_stdout_is_said_plainly(db):
    """It was "internal error (OSError: [Errno 28] No space left on device)"."""
    with open("/dev/full", "w") as full:
        done = run(db, *AMEND, "--yes", stdout=full.fileno())
    assert done.returncode == 1 and amendments(db) == 0
    assert done.stderr == ("drafting: cannot write to standard output (No space left on "
                           "device); nothing was recorded\n")


def dead_pipe(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`drafting ARGS` writing into a pipe whose reader has already gone (``| head -1``
    once head has read its line): whether something is recorded no longer depends on
    when the reader went."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        return run(db, *args, stdout=writer)
    finally:
        os.close(writer)


def test_a_broken_pipe_before_recording_records_nothing_and_says_so(db):
    done = dead_pipe(db, *AMEND, "--yes")
    assert done.returncode == 1 and amendments(db) == 0
    assert done.stderr == ("drafting: cannot write to standard output (Broken pipe); "
                           "nothing was recorded\n")
    ok(db, *AMEND, "--yes")
    withdrawn = dead_pipe(db, "withdraw", "A1", "-d", "EU")  # recorded, then the receipt
    assert withdrawn.returncode == 1
    assert "its receipt could not be written to standard output (Broken pipe)" in \
        withdrawn.stderr
    assert withdrawn.stderr.endswith(f"\nreceipt: {last_receipt(db)}\n")
    assert drafting(db, "amendments", SYMBOL, "--status", "withdrawn").stdout.count("A1") == 1
    listed = dead_pipe(db, "log", SYMBOL)  # nothing at stake: silent, as Unix tools are
    assert listed.returncode == 1 and listed.stderr == ""
