"""An inbox's Word files read by worker processes at once (`drafting.read_ahead`): the same
outcome, file for file, as read one after the other; a file a worker cannot read alone (a
copy of the merged draft needs the store; a broken file; a worker that dies) is read by the
caller, which says what is wrong word for word as it would without workers."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_copy_of_merged_draft import _with_own_change

from drafting import read_ahead
from drafting.engine import Proposal
from drafting.errors import InputError
from drafting.inbox import by_filename
from drafting.intake import read_inbox
from drafting.outputs import merge_to
from drafting.read_ahead import WordFile, workers_for
from drafting.store import init_store, open_store
from drafting.workflow import add_delegations, import_draft, prepare_amendment, record

SAMPLES = Path(__file__).parents[1] / "samples"
SYMBOL = "A/C.2/81/L.7"
CODES = ["EU", "G77", "USA", "JPN", "AUS", "NZL"]


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, SAMPLES / "zero-draft.md", SYMBOL)
        add_delegations(opened, CODES)
        record(opened, SYMBOL, [prepare_amendment(
            opened, SYMBOL, Proposal("OP24", replace="submit", with_="transmit"), "G77")])
        yield opened


@pytest.fixture
def inbox(store, tmp_path) -> Path:
    """Tracked copies, an edited copy, a copy of the merged draft with the sender's own
    change (its other changes are G77's pending proposal: only the store tells), JSON."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(SAMPLES / "docx" / "eu-tracked.docx", folder / "EU.docx")
    shutil.copy(SAMPLES / "docx" / "usa-tracked.docx", folder / "USA.docx")
    shutil.copy(SAMPLES / "docx" / "jpn-edited.docx", folder / "JPN.docx")
    shutil.copy(SAMPLES / "docx" / "jpn-edited.docx", folder / "NZL edited.docx")
    merge_to(store, SYMBOL, tmp_path / "merged.docx")
    _with_own_change(tmp_path / "merged.docx", folder / "AUS.docx", "AUS")
    shutil.copy(SAMPLES / "submissions" / "g77.json", folder / "G77.json")
    return folder


def _outcome(store, folder: Path, jobs: int, *, each: bool = True):
    intake = read_inbox(store, SYMBOL, by_filename(sorted(folder.iterdir()), CODES),
                        each=each, jobs=jobs)
    return ([(item.path.name, item.delegation, item.amendments, item.warnings)
             for item in intake.prepared],
            [(failure.path.name, failure.error) for failure in intake.failed])


def test_workers_read_an_inbox_as_one_process_does_file_for_file(store, inbox):
    (inbox / "USA.docx").write_text("not a Word file", encoding="utf-8")
    alone = _outcome(store, inbox, jobs=1)
    together = _outcome(store, inbox, jobs=3)
    assert together == alone
    prepared, failed = together
    assert [name for name, *_ in prepared] == [
        "AUS.docx", "EU.docx", "G77.json", "JPN.docx", "NZL edited.docx"]
    assert failed == [("USA.docx", alone[1][0][1])] and "not a Word .docx file" in failed[0][1]
    aus = next(amendments for name, _, amendments, _ in prepared if name == "AUS.docx")
    # G77's pending proposal is not proposed again in AUS's name: only its own words
    assert [(a.proponents, a.new_text) for a in aus] == [(("AUS",), " Also")]
    jpn, nzl = (amendments for name, _, amendments, _ in prepared
                if name in ("JPN.docx", "NZL edited.docx"))
    assert [a.proponents for a in nzl] == [("NZL",)] * len(jpn) and len(jpn) == 5


def test_all_or_nothing_with_workers_refuses_with_the_same_words(store, inbox):
    (inbox / "USA.docx").write_text("not a Word file", encoding="utf-8")
    (inbox / "EU.docx").write_bytes(b"PK\x03\x04 broken")
    messages = []
    for jobs in (1, 2):
        with pytest.raises(InputError) as refused:
            read_inbox(store, SYMBOL, by_filename(sorted(inbox.iterdir()), CODES), jobs=jobs)
        messages.append((refused.value.message, refused.value.details))
    assert messages[0] == messages[1]
    assert messages[1][0].startswith("2 files cannot be submitted; nothing was recorded")
    assert "EU.docx" in messages[1][1] and "USA.docx" in messages[1][1]


def test_the_workers_read_the_word_files_and_the_store_where_a_file_needs_it(store, inbox):
    document = store.document(SYMBOL)
    files = [WordFile(inbox / "EU.docx", "EU"), WordFile(inbox / "AUS.docx", "AUS"),
             WordFile(inbox / "G77.json", "G77"), WordFile(inbox / "JPN.docx", "JPN")]
    with read_ahead.read_ahead(document, files, jobs=2) as ahead:  # no store: the caller's
        read = list(ahead)
    # the merged draft's copy, and an edited copy (it may be the merged draft with every
    # change accepted), need the pending amendments: without the store, the caller's
    assert [r is not None for r in read] == [True, False, False, False]
    assert {a.proponents for a in read[0].amendments} == {("EU",)}
    with read_ahead.read_ahead(document, files, jobs=2,
                               store_url=store.connect_url) as ahead:
        read = list(ahead)
    assert [r is not None for r in read] == [True, True, False, True]
    assert [(a.proponents, a.new_text) for a in read[1].amendments] == [(("AUS",), " Also")]
    with read_ahead.read_ahead(document, files, jobs=1) as ahead:  # no workers: all the caller's
        assert list(ahead) == [None] * 4


def _dies(file: WordFile) -> None:
    """A worker killed (out of memory, say) half way through an inbox."""
    if file.path.name == "JPN.docx":
        os._exit(1)


def test_a_worker_that_dies_leaves_the_rest_to_the_caller(store, inbox, monkeypatch):
    monkeypatch.setattr(read_ahead, "_read", _dies)  # the forked workers inherit it
    monkeypatch.setattr(read_ahead, "_method", lambda: "fork")
    prepared, failed = _outcome(store, inbox, jobs=2, each=False)
    assert [name for name, *_ in prepared] == [
        "AUS.docx", "EU.docx", "G77.json", "JPN.docx", "NZL edited.docx", "USA.docx"]
    assert all(amendments for _, _, amendments, _ in prepared) and not failed
    monkeypatch.undo()
    assert _outcome(store, inbox, jobs=1, each=False) == (prepared, failed)


def test_spawned_workers_read_the_same(store, inbox, monkeypatch):
    # where fork is not at hand (macOS, Windows) the workers are new processes: the
    # document and the files go to them pickled, and what they read comes back so
    monkeypatch.setattr(read_ahead, "_method", lambda: "spawn")
    monkeypatch.setitem(read_ahead.MIN_FILES, "spawn", 2)
    assert _outcome(store, inbox, jobs=2) == _outcome(store, inbox, jobs=1)


@pytest.mark.parametrize(("files", "jobs", "method", "workers"), [
    (193, 1, "fork", 0), (193, 4, "fork", 4), (3, 8, "fork", 3), (1, 8, "fork", 0),
    (10, 8, "spawn", 0), (193, 8, "spawn", 8), (0, None, "fork", 0)])
def test_how_many_workers(files, jobs, method, workers):
    assert workers_for(files, jobs, method=method) == workers


def test_jobs_below_one_are_refused():
    with pytest.raises(ValueError, match="at least 1"):
        workers_for(10, 0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:  # a zombie is no worker
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def _gone(pids: list[int], seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def _hangs(file: WordFile) -> None:
    """A worker reading a file that never ends (a network share that stalled)."""
    time.sleep(3600)


@pytest.mark.skipif(sys.platform != "linux", reason="the workers are forked on Linux only")
def test_ctrl_c_ends_workers_stuck_on_a_file_at_once(store, inbox, monkeypatch):
    monkeypatch.setattr(read_ahead, "_read", _hangs)
    files = [WordFile(inbox / "EU.docx", "EU"), WordFile(inbox / "JPN.docx", "JPN")]
    started = time.monotonic()
    document = store.document(SYMBOL)
    with pytest.raises(KeyboardInterrupt), read_ahead.read_ahead(document, files, jobs=2):
        workers = [p.pid for p in multiprocessing.active_children()]
        raise KeyboardInterrupt  # the secretariat presses Ctrl-C while they read
    assert workers and _gone(workers) and time.monotonic() - started < 10


CHILD = """
import sys, time
from pathlib import Path
import drafting.read_ahead as ra
from drafting.model import Document, Revision

def hangs(file):
    time.sleep(3600)

ra._read = hangs
files = [ra.WordFile(Path(name), "EU") for name in ("a.docx", "b.docx")]
with ra.read_ahead(Document("X", "x", (Revision("Zero draft", ()),)), files, jobs=2) as ahead:
    import multiprocessing
    print(*[p.pid for p in multiprocessing.active_children()], flush=True)
    next(ahead)  # waits for ever: only the kernel ends the workers now
"""


@pytest.mark.skipif(sys.platform != "linux", reason="the kernel ends them on Linux")
def test_workers_end_with_the_command_however_it_is_killed(tmp_path):
    command = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE,
                               text=True, cwd=tmp_path)
    workers: list[int] = []
    try:
        workers = [int(pid) for pid in command.stdout.readline().split()]
        assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        command.kill()  # SIGKILL: nothing of the command runs again
        command.wait()
        assert _gone(workers)
    finally:  # nothing left behind if the test fails
        for pid in [command.pid, *workers]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        command.wait()
