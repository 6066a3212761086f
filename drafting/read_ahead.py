"""Reading an inbox's Word files ahead, in worker processes, while the files are taken in order.

Reading a delegation's Word copy is nearly all that submitting it costs (25-35 ms for a
600-paragraph draft), and each copy is read on its own: with several processors, an inbox
of 193 copies is read by as many processes at once. `read_ahead` starts them and gives,
file by file and in the order given, what each worker read; `drafting.intake.read_inbox`
takes each as its turn comes, and checks and records everything itself, as before.

A worker only reads the store where a file needs it (tracked changes whose Word authors
read as delegation codes, as in a copy of the merged draft: the pending amendments are read
then, once per worker), and never says why a file failed: a file that cannot be read, or a
bug met, comes back as None and is read again by the caller, so that every error is raised
there, word for word as it is without workers. On Linux the workers are forked, and start
at once; elsewhere they are new processes, which import the package first, so they are
used for large inboxes only.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from drafting.model import Amendment, Document
    from drafting.readers import DocxSubmission

MIN_FILES = {"fork": 2, "spawn": 24}
"""The fewest Word files worth workers: a forked worker starts in milliseconds, a spawned
one imports the package first (about half a second)."""


@dataclass(frozen=True, slots=True)
class WordFile:
    """A Word file to read, as `drafting.readers.read_docx_submission` is asked to."""

    path: Path
    delegation: str | None = None
    authors: Mapping[str, str] | None = None


def processors() -> int:
    """How many processors this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(files: int, jobs: int | None = None, *, method: str | None = None) -> int:
    """How many worker processes read ``files`` Word files: ``jobs`` (None: one per
    processor), never more than the files; 0 where workers do not pay (one processor,
    one job, or too few files for the way workers start)."""
    wanted = processors() if jobs is None else jobs
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    count = min(wanted, files)
    return count if count > 1 and files >= MIN_FILES[method or _method()] else 0


@contextmanager
def read_ahead(document: Document, files: Sequence[WordFile], jobs: int | None = None, *,
               store_url: str | None = None) -> Iterator[Iterator[DocxSubmission | None]]:
    """Read ``files`` against ``document`` in worker processes (`workers_for`); yields
    an iterator giving, for each file in order, what was read, or None for a file the
    caller reads itself (no workers, or the worker met a problem: see the module). A
    worker reads the pending amendments from the store at ``store_url``
    (`drafting.store.Store.connect_url`) where a file needs them; without it, such a
    file is left to the caller. Leaving the block stops the workers, whatever is left
    unread."""
    count = workers_for(len(files), jobs)
    if not count:
        yield iter([None] * len(files))
        return
    import multiprocessing  # only here: 20 ms that one file need not pay
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context(_method())
    pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start,
                               initargs=(document, store_url, os.getpid()))
    try:
        yield _in_order(pool.map(_read, files), len(files))  # every file asked for now
    except BaseException:  # Ctrl-C, or the caller's error: no waiting on a file that hangs
        _stop(pool)
        raise
    pool.shutdown(wait=True, cancel_futures=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers at once, whatever they are reading (a pipe that never ends)."""
    workers = list(getattr(pool, "_processes", None) or {})  # the pool's own, by pid
    pool.shutdown(wait=False, cancel_futures=True)
    for pid in workers:
        with suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _in_order(results: Iterator[DocxSubmission | None], count: int,
              ) -> Iterator[DocxSubmission | None]:
    """The ``count`` ``results`` of the workers, in order; None for each one that did not
    come back."""
    done = 0
    try:
        for result in results:
            done += 1
            yield result
    except Exception:  # a worker died (BrokenProcessPool: killed, out of memory), or what
        pass  # it read did not come back (pickling): the caller reads the rest itself
    yield from [None] * (count - done)


def _method() -> str:
    """Fork where it is safe and at hand (Linux), else spawn."""
    return "fork" if sys.platform == "linux" else "spawn"


_document: Document | None = None
"""The document every file is read against, in a worker."""
_store_url: str | None = None
"""Where a worker reads the pending amendments, if a file needs them."""


class _StoreNeeded(Exception):
    """A worker was asked for what only the store knows, and has no store."""


def _start(document: Document, store_url: str | None, parent: int) -> None:
    global _document, _store_url
    _document, _store_url = document, store_url
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    _end_with(parent)


def _end_with(parent: int) -> None:
    """Have this worker killed when the command that started it ends, however it ends
    (killed, or out of memory): on Linux, by the kernel (``PR_SET_PDEATHSIG``); a worker
    whose command has ended already ends now."""
    if sys.platform == "linux":
        import ctypes

        with suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(1)


_PR_SET_PDEATHSIG = 1
"""Linux's prctl option: the signal a process gets when its parent ends."""


def _read(file: WordFile) -> DocxSubmission | None:
    """What one worker reads of ``file``, or None for the caller to read it."""
    from drafting.readers import read_docx_submission

    assert _document is not None
    try:
        return read_docx_submission(file.path, _document, delegation=file.delegation,
                                    authors=dict(file.authors) if file.authors else None,
                                    proposed=_pending, shown=_shown, boxes=_boxes,
                                    source_comments=_comments)
    except Exception:  # read again by the caller, which says what is wrong as it would alone
        return None
    finally:
        gc.collect(1)  # as `drafting.intake.prepare_file` does: see there


@cache
def _pending() -> Mapping[str, Sequence[Amendment]]:
    """The pending amendments to the document, by paragraph id, read once by this worker
    (`drafting.intake.pending_by_paragraph`)."""
    return _from_store("pending_by_paragraph")


@cache
def _shown() -> list[str]:
    """The symbols the document's own Word sources show, read once by this worker
    (`drafting.intake.sources_shown`)."""
    return _from_store("sources_shown")


@cache
def _boxes() -> list[str]:
    """The texts of the text boxes of the document's own Word sources, read once by this
    worker (`drafting.intake.sources_boxes`)."""
    return _from_store("sources_boxes")


@cache
def _comments() -> set[tuple[str, str]]:
    """The comments of the document's own Word sources, read once by this worker
    (`drafting.intake.sources_comments`)."""
    return _from_store("sources_comments")


def _from_store(reader: str) -> Any:
    """What the intake's ``reader`` (a function of the store and the document giving a
    function that reads) reads of the document, from a store this worker opens."""
    from drafting import intake
    from drafting.store import Store

    if _store_url is None or _document is None:
        raise _StoreNeeded
    with Store(_store_url) as store:
        return getattr(intake, reader)(store, _document)()
