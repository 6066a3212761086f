"""Output files written whole or not at all, with errors that say what to do.

`write_atomically` writes into a hidden temporary file in the target's folder,
forces it to disk, then renames it over the target: the target holds either its
old content or the whole new one. It never replaces a link, a device, a pipe or a
database (the store itself, named as an output by mistake). When anything fails
(a full disk, a read-only folder) the temporary file is removed and one
DraftingError names the file, the cause and the remedy.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from drafting.errors import DraftingError

Content = str | bytes | Callable[[BinaryIO], None]
"""Text (written as UTF-8), bytes, or a function that writes into a binary stream."""


def write_atomically(path: str | os.PathLike[str], content: Content) -> None:
    """Write ``content`` to ``path`` whole or not at all (see the module docstring).

    Raises DraftingError (the OSError as its cause) when the folder is missing,
    not writable, read-only or full; ``path`` is then as it was before.
    """
    target = Path(path)
    _refuse_to_replace(target)
    # a short name of its own: a name near the system's 255 bytes would not take a suffix
    temporary = target.with_name(f".drafting-{os.urandom(6).hex()}.tmp")
    try:
        with open(temporary, "xb") as stream:  # a plain open applies the umask
            if callable(content):
                content(stream)
            else:
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
            stream.flush()
            os.fsync(stream.fileno())  # a full disk may only say so here
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise cannot_write(target, error) from error
    except BaseException:
        _remove(temporary)
        raise


_DATABASE = b"SQLite format 3\x00"
"""How every SQLite database file begins: a drafting store, most likely."""


def _refuse_to_replace(target: Path) -> None:
    """DraftingError, before anything is written, when ``target`` is something an output
    must never replace: a link, a device or a pipe (the rename would put a plain file in
    its place), or a database (the drafting store itself, given as ``-o``)."""
    try:
        info = os.lstat(target)
    except OSError:
        return  # absent (the usual case), or the write itself will say what is wrong
    if stat.S_ISDIR(info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        raise DraftingError(f"{target}: is not a plain file (a link, a device or a pipe); "
                            "nothing was written: give the path of a file")
    try:
        with open(target, "rb") as existing:
            head = existing.read(len(_DATABASE))
    except OSError:
        return
    if head == _DATABASE:
        raise DraftingError(f"{target}: is a database (perhaps the drafting store itself); "
                            "nothing was written: choose another file name")


def cannot_write(path: Path, error: OSError) -> DraftingError:
    """The DraftingError for failing to write ``path``: what happened and what to do."""
    cause = error.strerror or str(error)
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        advice = "the disk is full: free some space, or write the file elsewhere"
    elif code == errno.EROFS:
        advice = "the folder is on a read-only file system: write the file elsewhere"
    elif code in (errno.EACCES, errno.EPERM):
        advice = ("the folder or the file is not writable for this user: write the file "
                  "elsewhere, or change its permissions")
    elif code == errno.ENOENT:
        advice = f"there is no folder {path.parent}: create it first"
    elif code == errno.EISDIR:
        advice = "that is a folder: give a file name"
    else:
        advice = "check that the folder exists and is writable"
    return DraftingError(f"{path}: cannot write the file ({cause}); nothing was written: "
                         f"{advice}")


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)
