"""Paths that name no file, and names and encodings that hide what a file is.

A link to /dev/zero or a named pipe given as a draft, a map or a store is refused before a
byte is read (reading one never ends, or waits forever); a file saved as UTF-16 is said to
be so; a file name holding a line feed stays on one line of a message. Commands that
could hang or grow without bound run in a child process with a time and a memory cap, so
a regression fails the test instead of stopping the suite.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from corpus import CODES, SYMBOL, fingerprint, refused_line, run_cli

from drafting.errors import InputError, LimitError, ReaderError
from drafting.inbox import by_filename, read_map
from drafting.limits import MAX_MAP_BYTES
from drafting.readers import read_draft, read_submission

ROOT = Path(__file__).parents[2]
USA_COPY = ROOT / "samples" / "docx" / "usa-tracked.docx"
EU_JSON = ROOT / "samples" / "submissions" / "eu.json"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="named pipes and /dev/zero are Unix things")


def _capped() -> None:
    """In the child: at most 1.5 GB of memory, so an unbounded read fails at once."""
    resource.setrlimit(resource.RLIMIT_AS, (1536 << 20, 1536 << 20))


def drafting(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``drafting ARGS`` on the store at ``url``, in a child capped in time and memory."""
    return subprocess.run([sys.executable, "-m", "drafting_cli", *args],
                          capture_output=True, text=True, timeout=60, preexec_fn=_capped,
                          env={**os.environ, "DRAFTING_DB": url})


def one_line(done: subprocess.CompletedProcess[str]) -> str:
    """The one refusal line the command printed (exit 1, no traceback)."""
    assert done.returncode == 1 and done.stdout == "", (done.returncode, done.stderr)
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    return done.stderr.rstrip("\n")


def not_files(folder: Path, suffix: str) -> dict[str, tuple[Path, str]]:
    """A link to /dev/zero and a named pipe, named with ``suffix``, and what each is said
    to be."""
    zero, pipe = folder / f"zero{suffix}", folder / f"pipe{suffix}"
    zero.symlink_to("/dev/zero")
    os.mkfifo(pipe)
    return {"zero": (zero, "is a link to /dev/zero, a device, not a file saved on disk"),
            "pipe": (pipe, "is a named pipe (FIFO), not a file saved on disk")}


# Drafts, maps and stores that are no files


@pytest.mark.parametrize("which", ["zero", "pipe"])
def test_a_word_draft_that_is_no_file_is_refused_before_it_is_read(negotiation, tmp_path,
                                                                   which):
    path, said = not_files(tmp_path, ".docx")[which]
    before = fingerprint(negotiation)
    line = one_line(drafting(negotiation, "import", str(path), "--doc", "Z/1"))
    assert line.startswith(f"drafting: {path}: {said}")
    assert line.endswith("nothing was read: give the path of a .docx file")
    assert fingerprint(negotiation) == before


@pytest.mark.parametrize("which", ["zero", "pipe"])
def test_a_map_that_is_no_file_is_refused_before_it_is_read(negotiation, tmp_path, which):
    path, said = not_files(tmp_path, ".csv")[which]
    before = fingerprint(negotiation)
    line = one_line(drafting(negotiation, "submit", SYMBOL, "--map", str(path), "--dry-run"))
    assert line.startswith(f"drafting: {path}: {said}")
    assert fingerprint(negotiation) == before


def test_a_map_past_its_limit_is_refused_naming_it(tmp_path):
    big = tmp_path / "inbox.csv"
    big.write_bytes(b"file,delegation\n" + b"#" * MAX_MAP_BYTES)
    with pytest.raises(LimitError, match=r"inbox\.csv: the file is 1 MB, more than the 1 MB "
                                         r"a map of files may take"):
        read_map(big, CODES)


def test_receipts_that_are_no_file_are_refused_before_they_are_read(negotiation, tmp_path):
    path, said = not_files(tmp_path, ".txt")["pipe"]
    line = one_line(drafting(negotiation, "verify", "--anchors", str(path)))
    assert line == (f"drafting: {path}: cannot read the receipts: {said} (reading it may "
                    "never end); nothing was read: give the path of a file of receipts")


def test_a_store_that_is_a_named_pipe_or_a_device_is_refused(tmp_path):
    pipe = tmp_path / "store.db"
    os.mkfifo(pipe)
    for path, what in ((pipe, "a named pipe (FIFO)"), (Path("/dev/null"), "a device")):
        for command in (["verify"], ["init"]):
            line = one_line(drafting(f"sqlite:///{path}", *command))
            assert line == (f"drafting: {path} is {what}, not a store (sqlite:///{path}); "
                            "nothing was read or recorded: name the store's file, e.g. "
                            "sqlite:///drafting.db")
    assert not pipe.is_file() and pipe.exists()


# Files saved as UTF-16


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_as_utf16_is_said_to_be_so(tmp_path, encoding):
    """Notepad saves "Unicode" as UTF-16 with a BOM; without one, its bytes still decode
    as UTF-8 (a zero byte after each letter) and JSON would quote ``{\\x00``."""
    said = "the file is saved as UTF-16 (\"Unicode\" in Notepad and Excel), which is not read"
    submission = tmp_path / "eu.json"
    submission.write_bytes(EU_JSON.read_text(encoding="utf-8").encode(encoding))
    with pytest.raises(ReaderError) as refused:
        read_submission(submission)
    assert refused.value.message == f"{submission}: {said}: save it as UTF-8 text"
    draft = tmp_path / "draft.md"
    draft.write_bytes("# Fisheries\n\nOP1 Decides to act;\n".encode(encoding))
    with pytest.raises(ReaderError) as refused:
        read_draft(draft)
    assert refused.value.message == f"{draft}: {said}: save it as UTF-8 text"
    inbox = tmp_path / "inbox.csv"
    inbox.write_bytes("file\tdelegation\nEU.docx\tEU\n".encode(encoding))
    with pytest.raises(ReaderError) as refused:
        read_map(inbox, CODES)
    assert refused.value.message == f"{inbox}: {said}: save it as 'CSV UTF-8'"


def test_utf8_text_with_no_letters_between_zero_bytes_is_still_read(tmp_path):
    """One NUL is no sign of UTF-16: the reader reports it where it stands."""
    draft = tmp_path / "draft.md"
    draft.write_bytes(b"# Fisheries\n\nOP1 Decides\x00 to act;\n")
    with pytest.raises(ReaderError) as refused:
        read_draft(draft)
    assert "UTF-16" not in refused.value.message and "line 3" in refused.value.message


# File names holding a line feed


def test_a_name_holding_a_line_feed_stays_on_one_line(negotiation, tmp_path, capsys):
    name = tmp_path / "EU\nUSA.docx"
    shutil.copyfile(USA_COPY, name)
    inbox = by_filename([name], CODES)
    with pytest.raises(InputError) as refused:
        inbox.check(CODES)
    assert refused.value.details == (f"  {tmp_path}/EU\\nUSA.docx: its name names both EU "
                                     "and USA; name the file after one delegation")
    outcome = run_cli(capsys, "submit", SYMBOL, str(name), "--by-filename", "--dry-run",
                      "--db", negotiation)
    refused_line(outcome)
    assert outcome.err.splitlines()[1:] == [refused.value.details]
