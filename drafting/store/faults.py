"""Database faults made StoreErrors that say what happened and what to do.

SQLAlchemy wraps every driver error in a DBAPIError. `database_error` reads the
driver's own code (SQLite's result code, PostgreSQL's SQLSTATE) and, for a
SQLite file, looks at the disk it lives on, so that a full disk, a read-only
file, folder or file system, a busy file, a server out of connections or out
of reach each get a message of their own. Every one of them comes from a
transaction that was rolled back: nothing was recorded.

`busy_connecting` and `busy_writing` tell which failures are worth waiting
out: a PostgreSQL server with no free connection (or starting up), a SQLite
file another process is writing to.

`sqlite_file_problem` looks at a SQLite store's file before anything connects to it
(connecting writes to it): an empty file, one that is not a SQLite database
(``/proc/self/environ``, a text file), and what is no file at all (a folder, a named
pipe, a device) are said to be what they are.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError

from drafting.given_files import not_a_file
from drafting.store.errors import SchemaError, StoreError

NEARLY_FULL_BYTES = 1 << 20
"""Free space under which a disk I/O error on a SQLite file is put down to a full disk."""

# SQLite primary result codes (https://sqlite.org/rescode.html)
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26

# PostgreSQL SQLSTATEs (https://www.postgresql.org/docs/current/errcodes-appendix.html)
_PG_DISK_FULL = "53100"
_PG_TOO_MANY_CONNECTIONS = "53300"
_PG_CANNOT_CONNECT_NOW = "57P03"
_PG_READ_ONLY = "25006"
_PG_LOCK_TIMEOUT = "55P03"
"""lock_not_available: the chain head held by another write past `lock_timeout`."""
_PG_BUSY_TEXT = ("too many clients", "too many connections", "remaining connection slots",
                 "the database system is starting up")


def database_error(error: DBAPIError, url: URL) -> StoreError:
    """A StoreError saying what went wrong with the database at ``url`` and what to try."""
    where = url.render_as_string(hide_password=True)
    detail = first_line(error)
    if isinstance(error, IntegrityError):
        return StoreError(f"the store at {where} refused the change ({detail}); "
                          "nothing was recorded")
    if url.get_backend_name() == "sqlite":
        return _sqlite_error(error, url, where, detail)
    return _server_error(error, where, detail)


def first_line(error: DBAPIError) -> str:
    """The driver's message, first line only."""
    text = str(error.orig).strip() if error.orig is not None else str(error)
    return text.splitlines()[0] if text else type(error.orig or error).__name__


def busy_connecting(error: BaseException) -> bool:
    """Whether a failed connection attempt should be tried again shortly: the PostgreSQL
    server has no free connection slot, or is starting up."""
    state = getattr(error, "sqlstate", None)
    if state in (_PG_TOO_MANY_CONNECTIONS, _PG_CANNOT_CONNECT_NOW):
        return True
    text = str(error).lower()
    return any(fragment in text for fragment in _PG_BUSY_TEXT)


def busy_writing(error: DBAPIError) -> bool:
    """Whether SQLite refused to begin a write because another one holds the file."""
    code = getattr(error.orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)
    return "database is locked" in first_line(error)


def _sqlite_error(error: DBAPIError, url: URL, where: str, detail: str) -> StoreError:
    code = getattr(error.orig, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    text = detail.lower()
    trouble = _file_trouble(url)
    if primary == _SQLITE_FULL or "disk is full" in text or (
            trouble == "full" and primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN, None)):
        return StoreError(f"the disk holding the store at {where} is full ({detail}); "
                          "nothing was recorded: free some space on it (or move the store "
                          "elsewhere), then try again")
    if trouble not in (None, "full") and (
            primary in (_SQLITE_READONLY, _SQLITE_CANTOPEN, _SQLITE_PERM, _SQLITE_IOERR)
            or "readonly" in text or "unable to open" in text):
        return StoreError(f"the store at {where} cannot be written: {trouble} ({detail}); "
                          "nothing was recorded")
    if primary == _SQLITE_READONLY or "readonly" in text:
        return StoreError(f"the store at {where} is open read-only ({detail}); nothing was "
                          "recorded: open it without mode=ro, or copy it somewhere writable")
    if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
        return StoreError(f"the store at {where} stayed busy with another write for too "
                          "long (SQLite); nothing was recorded: try again")
    if "no such table" in text:
        return SchemaError(f"there is no drafting store at {where} yet: run `drafting init`")
    if primary in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return StoreError(f"the file at {where} is not a drafting store, or is damaged "
                          f"({detail}); nothing was recorded: check the path, or restore "
                          "the store from a backup")
    return StoreError(f"the database at {where} failed: {detail}; nothing was recorded")


def _file_trouble(url: URL) -> str | None:
    """What on disk stops the SQLite file of ``url`` from being written, as the end of
    a sentence with its remedy; "full" for a (nearly) full disk; None if nothing shows."""
    name = url.database or ""
    if name in ("", ":memory:") or name.startswith("file:"):
        return None
    path = Path(name).absolute()
    folder = path.parent
    if not folder.is_dir():
        return f"there is no folder {folder}: create it, or give another path"
    try:
        disk = os.statvfs(folder)
    except OSError:
        return None
    if disk.f_flag & os.ST_RDONLY:
        return (f"{folder} is on a file system mounted read-only: mount it read-write, or "
                "copy the store to a writable folder")
    if disk.f_blocks and disk.f_bavail * disk.f_frsize < NEARLY_FULL_BYTES:  # not /proc
        return "full"
    if os.access(path, os.F_OK) and not os.access(path, os.W_OK):  # never raises
        return (f"the file {path} is read-only for this user: make it writable "
                "(chmod u+w), or ask whoever owns it")
    if not os.access(folder, os.W_OK):
        return (f"the folder {folder} is not writable for this user, and SQLite keeps "
                f"{path.name}-wal and {path.name}-shm beside the store: make the folder "
                "writable, or move the store")
    return None


def _server_error(error: DBAPIError, where: str, detail: str) -> StoreError:
    state = getattr(error.orig, "sqlstate", None)
    if state == _PG_DISK_FULL or "no space left on device" in detail.lower():
        return StoreError(f"the disk of the database server at {where} is full ({detail}); "
                          "nothing was recorded: ask its administrator to free some space, "
                          "then try again")
    if busy_connecting(error.orig or error):
        return StoreError(f"the database server at {where} has no free connection "
                          f"({detail}); nothing was recorded: try again in a moment, or ask "
                          "its administrator to raise max_connections")
    if state == _PG_LOCK_TIMEOUT:
        return StoreError(f"the store at {where} stayed locked by another write for too long "
                          f"({detail}); nothing was recorded: try again; if it stays locked, "
                          "a session holds a write open (pg_stat_activity shows it 'idle in "
                          "transaction'): its administrator can end it (pg_terminate_backend)")
    if state == _PG_READ_ONLY:
        return StoreError(f"the database at {where} accepts no writes ({detail}): it is "
                          "read-only or a standby server; nothing was recorded: use the "
                          "primary server's URL")
    if state is None and ("connection" in detail.lower() or "connect" in detail.lower()):
        return StoreError(f"cannot reach the database at {where} ({detail}); nothing was "
                          "recorded: check that the server is running, and the URL (host, "
                          "port, database, user)")
    return StoreError(f"the database at {where} failed: {detail}; nothing was recorded")



SQLITE_HEADER = b"SQLite format 3\x00"
"""How every SQLite database file begins."""


def sqlite_file_problem(url: URL, *, creating: bool = False) -> StoreError | None:
    """What stops the existing SQLite file of ``url`` from being a store: it is not a
    regular file, does not begin as a SQLite database does, or is empty (0 bytes, with
    no write-ahead log beside it). ``creating`` (``drafting init``) takes an empty file:
    SQLite makes a database in it. None for a file that may be one, a missing file or
    an in-memory database, and when the file cannot be read (SQLite will say why)."""
    name = url.database or ""
    if url.get_backend_name() != "sqlite" or name in ("", ":memory:") or \
            name.startswith("file:") or not os.path.lexists(name):
        return None  # a server's database is no file here, whatever is named so
    where, path = url.render_as_string(hide_password=True), Path(name)
    try:
        what = not_a_file(path)
    except OSError:
        return None  # SQLite will say why
    if what is not None:  # opening a named pipe waits for a writer that never comes
        return StoreError(f"{path} is {what}, not a store ({where}); nothing was read or "
                          "recorded: name the store's file, e.g. sqlite:///drafting.db")
    try:
        with path.open("rb") as stream:
            head = stream.read(len(SQLITE_HEADER))
    except OSError:
        return None
    if head and not head.startswith(SQLITE_HEADER):
        return StoreError(f"the file at {where} is not a SQLite database, so not a drafting "
                          "store; nothing was read or recorded: check the path")
    if head or creating or _has_log(path):
        return None
    return StoreError(f"the file at {where} is empty (0 bytes), so it holds no drafting "
                      "store: if it was made for one, run `drafting init` to create the "
                      "store in it; if it held a store, the store was lost: restore it "
                      "from a backup")


def _has_log(path: Path) -> bool:
    """Whether a non-empty SQLite write-ahead log stands beside ``path``."""
    try:
        return path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        return False
