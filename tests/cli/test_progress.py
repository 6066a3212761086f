"""Long commands show a progress bar on a terminal, and nothing in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def run(args: list[str], env: dict[str, str], *, terminal: bool) -> tuple[int, str]:
    """Exit code and what the command wrote to stderr (a pseudo-terminal if asked)."""
    if not terminal:
        done = subprocess.run([sys.executable, "-m", "drafting_cli", *args], env=env,
                              capture_output=True, text=True, timeout=120)
        return done.returncode, done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "drafting_cli", *args], env=env,
                               stdout=subprocess.DEVNULL, stderr=follower)
    os.close(follower)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_compile_shows_its_steps_on_a_terminal_only(tmp_path):
    env = dict(os.environ, DRAFTING_DB=f"sqlite:///{tmp_path / 'p.db'}", COLUMNS="100",
               TERM="xterm")
    env.pop("CI", None)
    for args in (["init"], ["import", str(ROOT / "samples" / "zero-draft.md"), "--doc", "L7"]):
        assert run(args, env, terminal=False)[0] == 0
    code, shown = run(["compile", "L7", "-o", str(tmp_path / "c.html")], env, terminal=True)
    assert code == 0
    assert "loading L7" in shown and "writing c.html" in shown
    code, piped = run(["compile", "L7", "-o", str(tmp_path / "d.html")], env, terminal=False)
    assert code == 0 and piped == ""


def test_a_submission_waiting_for_another_write_shows_it_is_recording(tmp_path):
    import sqlite3
    import threading
    import time

    db = tmp_path / "w.db"
    env = dict(os.environ, DRAFTING_DB=f"sqlite:///{db}", COLUMNS="100", TERM="xterm")
    env.pop("CI", None)
    for args in (["init"], ["import", str(ROOT / "samples" / "zero-draft.md"), "--doc", "L7"],
                 ["delegation", "add", "EU"]):
        assert run(args, env, terminal=False)[0] == 0
    other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another write, under way for 1.5 s
    timer = threading.Timer(1.5, other.execute, ("COMMIT",))
    timer.start()
    started = time.monotonic()
    amend = ["amend", "L7", "OP24", "-d", "EU", "--replace", "submit", "--with", "present",
             "--yes"]
    code, shown = run(amend, env, terminal=True)
    timer.join()
    other.close()
    assert code == 0 and time.monotonic() - started >= 1.5  # it did wait its turn
    assert "recording 1 amendment" in shown
    code, piped = run([*amend[:-3], "--with", "transmit", "--yes"], env, terminal=False)
    assert code == 0 and "recording" not in piped


def test_submit_of_many_files_draws_its_bar_on_a_terminal_only(tmp_path):
    """Reading many files shows a bar on a terminal; stderr that is a pipe (a script, a
    log file) gets nothing, not even the finished bar."""
    env = dict(os.environ, DRAFTING_DB=f"sqlite:///{tmp_path / 's.db'}", COLUMNS="100",
               TERM="xterm")
    env.pop("CI", None)
    files = sorted(str(path) for path in (ROOT / "samples" / "submissions").glob("*.json"))
    assert len(files) == 5
    for args in (["init"], ["import", str(ROOT / "samples" / "zero-draft.md"), "--doc",
                            "A/C.2/81/L.7"],
                 ["delegation", "add", "EU", "G77", "USA", "JPN", "AOSIS", "AUS", "NZL", "FJI"]):
        assert run(args, env, terminal=False)[0] == 0
    submit = ["submit", "A/C.2/81/L.7", *files, "--dry-run"]
    code, piped = run(submit, env, terminal=False)
    assert code == 0 and piped == ""
    code, shown = run(submit, env, terminal=True)
    assert code == 0 and "reading usa.json" in shown
