"""DRAFTING_TIMING, and the command line's garbage collection settings, which must not
outlive a call of main() (tests and other programs call it and go on)."""

from __future__ import annotations

import gc
import re
import subprocess
import sys

import pytest

from drafting_cli.app import main


def _run(monkeypatch, *args: str) -> int:
    monkeypatch.setattr("sys.argv", ["drafting", *args])
    with pytest.raises(SystemExit) as done:
        main()
    return done.value.code or 0


def test_timing_is_told_on_stderr_when_asked(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("DRAFTING_TIMING", "1")
    assert _run(monkeypatch, "init", "--db", f"sqlite:///{tmp_path / 'a.db'}") == 0
    told = capsys.readouterr().err.strip().splitlines()[-1]
    assert re.fullmatch(r"drafting: timing: work \d+\.\d{3} s, process cpu \d+\.\d{3} s, "
                        r"peak \d+\.\d MB \(the largest process\)", told)


def test_no_timing_unless_asked_and_a_failure_still_tells_it(monkeypatch, capsys, tmp_path):
    monkeypatch.delenv("DRAFTING_TIMING", raising=False)
    assert _run(monkeypatch, "init", "--db", f"sqlite:///{tmp_path / 'a.db'}") == 0
    assert "timing" not in capsys.readouterr().err
    monkeypatch.setenv("DRAFTING_TIMING", "1")
    missing = f"sqlite:///{tmp_path / 'missing.db'}"
    assert _run(monkeypatch, "amendments", "X/1", "--db", missing) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert "no drafting store" in lines[0] and lines[-1].startswith("drafting: timing: work")


def test_no_collection_runs_during_a_command_and_all_is_as_before_after_it(monkeypatch):
    seen = []
    monkeypatch.setattr("drafting_cli.app._run", lambda: seen.append(
        (gc.isenabled(), gc.get_freeze_count() > 0)))
    before = gc.get_threshold()
    assert gc.isenabled()
    main()
    assert seen == [(False, True)]
    assert gc.isenabled() and gc.get_threshold() == before and gc.get_freeze_count() == 0
    gc.disable()  # a program that had turned collections off finds them off still
    try:
        main()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_command_leaves_is_not_walked_as_its_thresholds_drop(monkeypatch):
    """What a command made and keeps (the modules it imported, say) is not collected as
    `main` puts the thresholds back: the first allocation after that started a
    collection walking all of it (70-150 ms at the end of a merge of 3,860 amendments).
    It is moved to the oldest generation instead, collectable as ever."""
    kept: list[list[int]] = []
    monkeypatch.setattr("drafting_cli.app._run",
                        lambda: kept.extend([number] for number in range(50_000)))
    walked: list[int] = []  # how many new objects each collection found

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            walked.append(gc.get_count()[0])

    gc.collect()
    gc.callbacks.append(seen)
    try:
        main()
        assert len([[] for _ in range(1_000)]) == 1_000  # allocations past the threshold
    finally:
        gc.callbacks.remove(seen)
    assert len(kept) == 50_000 and all(count < 5_000 for count in walked)
    assert any(found is kept[0] for found in gc.get_objects(generation=2))


_AT_EXIT = """
import atexit, gc, sys
atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
from drafting_cli.app import main
sys.argv = ["drafting", "init", "--db", sys.argv[1]]
try:
    main()
finally:
    print("frozen after main:", gc.get_freeze_count() > 0)
"""


def test_the_program_freezes_what_is_left_only_at_its_exit(tmp_path):
    """The interpreter's last collections at exit would walk every object the command
    left (a tenth of a second of a merge at 3,860 amendments): they are frozen then, and
    only then (an exit handler registered before main() runs after main's own)."""
    done = subprocess.run([sys.executable, "-c", _AT_EXIT, f"sqlite:///{tmp_path / 'a.db'}"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-2:] == ["frozen after main: False", "frozen at exit: True"]


def test_what_opening_the_store_built_is_frozen_for_the_rest_of_the_command(tmp_path):
    """A command's first collection walked every object SQLAlchemy and the store had
    built (most of the 30-90 ms it took in a compile at 3,860 amendments): once the store
    is open they are frozen, as `main` freezes what importing the command line built,
    and `main` unfreezes them at the end."""
    from drafting.store import init_store
    from drafting_cli.common import store_at

    db = f"sqlite:///{tmp_path / 'a.db'}"
    init_store(db)
    gc.unfreeze()
    try:
        with store_at(db) as store:
            frozen = gc.get_freeze_count()
            walked = any(found is store for found in gc.get_objects())
    finally:
        gc.unfreeze()
    assert frozen > 0 and not walked

def test_ctrl_c_says_the_command_was_interrupted_and_nothing_is_half_done(
        monkeypatch, capsys, tmp_path):
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert _run(monkeypatch, "init", "--db", db) == 0

    def pressed(*args, **kwargs):  # Ctrl-C while the inbox is read
        raise KeyboardInterrupt

    monkeypatch.setattr("drafting.intake.read_inbox", pressed)
    assert _run(monkeypatch, "submit", "X", str(tmp_path / "EU.docx"), "--by-filename",
                "--db", db) == 130
    assert capsys.readouterr().err.strip().splitlines()[-1].startswith(
        "drafting: interrupted; nothing is left half done")
