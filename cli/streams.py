"""The standard streams as a command finds them: closed (``<&-``, ``>&-``, ``2>&-``, some
cron set-ups), full (``>/dev/full``), or a pipe whose reader has gone (``| head -1``).

`standard_streams` makes each usable for the length of a command:

- stdin closed reads as /dev/null: not a terminal, so recording asks for --yes.
- stderr closed, full or broken takes what is written and drops it: no progress bar, no
  warnings, no crash; the exit code still tells how the command went.
- stdout that cannot be written raises `OutputLost` at the first write that fails, and
  the command stops there. Before anything is recorded that stops it recording (a
  preview that cannot be shown is not confirmed: nothing is recorded; a new token that
  cannot be shown is not kept, `showing_first`); after, `said` tells what was recorded,
  with its receipts, on stderr.

A closed descriptor (0, 1 or 2) is given /dev/null, so that no file the command opens
takes its number: a child process or a library writing to "stdout" would write into it.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

if TYPE_CHECKING:
    from drafting.store import Receipt

_T = TypeVar("_T")


class OutputLost(Exception):
    """Standard output could not be written: ``reason`` says why (it is closed, the disk
    is full, its reader has gone: ``broken_pipe``)."""

    def __init__(self, reason: str, *, broken_pipe: bool = False) -> None:
        super().__init__(f"cannot write to standard output ({reason})")
        self.reason = reason
        self.broken_pipe = broken_pipe


class _Session:
    """What the command has done that a lost output must not hide."""

    def __init__(self) -> None:
        self.recorded: list[Receipt] = []
        self.asking = False
        self.unchanged = ""


_session = _Session()


def note_recorded(receipts: Iterable[Receipt]) -> None:
    """Receipts of events the command recorded (committed): said if its output is lost."""
    _session.recorded += [r for r in receipts if r not in _session.recorded]


def asking() -> None:
    """The command is about to show what it would record and ask: a lost output from now
    on says that nothing was recorded (until something is)."""
    _session.asking = True


def showing_first(unchanged: str) -> None:
    """The command is about to show what it records before it is recorded, and records it
    only once shown (a new token: the store keeps none that was shown nowhere): a lost
    standard output from now on says that nothing was recorded, and ``unchanged``, what
    that leaves as it was ("EU's token still works"), even through a pipe whose reader
    has gone."""
    _session.asking = True
    _session.unchanged = unchanged


def said(lost: OutputLost) -> tuple[str, str] | None:
    """The message (and the receipts, as details) for ``lost``; None for a pipe whose
    reader has gone while nothing was at stake (``drafting log | head -1``): silent, as
    Unix tools are."""
    recorded = _session.recorded
    if recorded:
        numbers = ", ".join(f"#{r.seq}" for r in recorded)
        events, theirs, here = (("event", "its receipt", "it is below: keep it")
                                if len(recorded) == 1 else
                                ("events", "their receipts", "they are below: keep them"))
        return (f"drafting: recorded as {events} {numbers}; {theirs} could not be written "
                f"to standard output ({lost.reason}), so {here}; drafting log shows what "
                "was recorded",
                "\n".join(f"receipt: {r}" for r in recorded))
    if lost.broken_pipe and not _session.asking:
        return None
    unchanged = f" ({_session.unchanged})" if _session.unchanged else ""
    nothing = f"; nothing was recorded{unchanged}" if _session.asking else ""
    return f"drafting: cannot write to standard output ({lost.reason}){nothing}", ""


class _Output:
    """A text stream in front of stdout or stderr (None: closed). A write that fails
    raises `OutputLost`, then and at every write after; with ``drop`` (stderr) the
    failure is swallowed instead and what is written is dropped."""

    def __init__(self, stream: TextIO | None, *, drop: bool) -> None:
        self._stream = stream
        self._drop = drop
        self._lost: OutputLost | None = None if stream is not None else OutputLost(
            "it is closed")

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        return getattr(self._stream, "errors", None) or "strict"

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # click tries bytes to tell a binary stream
            raise TypeError(f"a text stream: write str, not {type(text).__name__}")
        if not text:
            return 0
        return self._guard(lambda stream: stream.write(text), len(text))

    def flush(self) -> None:
        self._guard(lambda stream: stream.flush(), None)

    def _guard(self, action: Callable[[TextIO], _T], dropped: _T) -> _T:
        if self._lost is None and self._stream is not None:
            try:
                return action(self._stream)
            except OSError as error:
                self._lost = OutputLost(error.strerror or str(error),
                                        broken_pipe=error.errno == errno.EPIPE)
                _quieten(self._stream)
        if self._drop:
            return dropped
        raise cast(OutputLost, self._lost)

    def isatty(self) -> bool:
        try:
            return self._lost is None and self._stream is not None and self._stream.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self._stream is None:
            raise io.UnsupportedOperation("standard output is closed")
        return self._stream.fileno()

    def writable(self) -> bool:
        return True

    def readable(self) -> bool:
        return False

    @property
    def closed(self) -> bool:
        return False


def _quieten(stream: TextIO) -> None:
    """What ``stream`` still holds, dropped: /dev/null put on its descriptor, so that
    Python's last flush at exit does not fail again with a traceback."""
    with suppress(OSError, ValueError, io.UnsupportedOperation):
        descriptor = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, descriptor)
        os.close(null)


def _fill_closed_descriptors() -> None:
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
            continue
        except OSError:
            pass
        null = os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one, as a rule
        if null != descriptor:
            os.dup2(null, descriptor)
            os.close(null)
        os.set_inheritable(descriptor, True)


@contextmanager
def standard_streams() -> Iterator[None]:
    """stdin, stdout and stderr made usable for one command (see the module docstring);
    as they were afterwards, for a program (or a test) that runs a command and goes on."""
    global _session
    _session = _Session()
    saved: tuple[Any, Any, Any] = (sys.stdin, sys.stdout, sys.stderr)
    _fill_closed_descriptors()
    null_input = open(os.devnull, encoding="utf-8") if sys.stdin is None else None  # noqa: SIM115
    if null_input is not None:
        sys.stdin = null_input
    sys.stdout = cast(TextIO, _Output(saved[1], drop=False))
    sys.stderr = cast(TextIO, _Output(saved[2], drop=True))
    try:
        yield
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        if null_input is not None:
            null_input.close()
