"""Output files written whole or not at all, with errors that say what to do.

`write_atomically` writes into a hidden temporary file in the target's folder,
forces it to disk, then renames it over the target: the target holds either its
old content or the whole new one. It never replaces a link, a device, a pipe or a
database (the store itself, named as an output by mistake), nor a file this user may
not write. When anything fails (a full disk, a read-only folder) the temporary file
is removed and one DraftingError names the file, the cause and the remedy.

A file replaced keeps what it was: its permission bits (a private 0600 file stays
private), and its owner and group where this user may set them. A file with several
names (a hard link, ``st_nlink`` > 1) is not replaced, which would leave its other
names holding the old content: once the new content is whole in the temporary file,
it is copied into the file in place, as ``cp`` does. That copy is not atomic: if it
fails half way the error says so and names the temporary file, which is kept and
holds the whole new content.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from drafting.errors import DraftingError

Content = str | bytes | Callable[[BinaryIO], None]
"""Text (written as UTF-8), bytes, or a function that writes into a binary stream."""


def write_atomically(path: str | os.PathLike[str], content: Content) -> None:
    """Write ``content`` to ``path`` whole or not at all (see the module docstring).

    A new file gets the usual mode (0666 less the umask); a file replaced keeps its own.
    Raises DraftingError before anything is written when ``path`` is a link, a device,
    a pipe, a database, or a file this user may not write (``os.access``; a file that
    no one may write, mode 0444, is refused to root as well, who may write anything);
    and (the OSError as its cause) when the folder is missing, not writable, read-only
    or full, ``path`` then as it was before.
    """
    target = file_path(path)
    existing = _replaceable(target)
    # a short name of its own: a name near the system's 255 bytes would not take a suffix
    temporary = target.with_name(f".drafting-{os.urandom(6).hex()}.tmp")
    linked = existing is not None and existing.st_nlink > 1
    try:
        with open(temporary, "xb") as stream:  # a plain open applies the umask
            if existing is not None and not linked:
                _keep_owner_and_mode(stream.fileno(), existing)
            if callable(content):
                content(stream)
            else:
                stream.write(content.encode("utf-8") if isinstance(content, str) else content)
            stream.flush()
            os.fsync(stream.fileno())  # a full disk may only say so here
        if not linked:
            os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise cannot_write(target, error) from error
    except BaseException:
        _remove(temporary)
        raise
    if linked:
        _copy_in_place(temporary, target)


def file_path(path: str | os.PathLike[str]) -> Path:
    """``path`` as a Path, or DraftingError when it is a folder, or ends with a path
    separator (``out.json/``): that names a folder, as the shell reads it ("Is a directory", "Not a
    directory"), but ``Path`` drops the separator and would write the file ``out.json``
    (over one already there). An output's path goes through here before anything is
    read or written."""
    text = os.fspath(path)
    if isinstance(text, str) and text.endswith(_SEPARATORS):
        raise DraftingError(f"{text}: ends with '{text[-1]}', so it names a folder, not a "
                            "file; nothing was written: give the file's name without the "
                            f"trailing '{text[-1]}'")
    folder = Path(text)
    try:
        named_folder = folder.is_dir()
    except OSError as error:  # a name longer than the file system takes ("too long")
        raise cannot_write(folder, error) from error
    except ValueError as error:  # a NUL in it
        raise DraftingError(f"{text!r}: holds a NUL character, which no file name may; "
                            "nothing was written") from error
    if named_folder:
        example = folder / f"name{folder.suffix or '.docx'}"
        raise DraftingError(f"{text}: is a folder, not a file; nothing was written: give a "
                            f"file's name in it ({example})")
    return Path(text)


_SEPARATORS = tuple(sep for sep in (os.sep, os.altsep) if sep)
"""What ends a folder's name in a path: '/' (and '\\' on Windows)."""


_DATABASE = b"SQLite format 3\x00"
"""How every SQLite database file begins: a drafting store, most likely."""


def _replaceable(target: Path) -> os.stat_result | None:
    """What ``target`` is now (None: absent, or a folder the write will name), or
    DraftingError, before anything is written, when it is something an output must never
    replace: a link, a device or a pipe (the rename would put a plain file in its place),
    a database (the drafting store itself, given as ``-o``), or a file this user may not
    write (as ``cp`` and a shell's ``>`` refuse it)."""
    try:
        info = os.lstat(target)
    except OSError:
        return None  # absent (the usual case), or the write itself will say what is wrong
    if stat.S_ISDIR(info.st_mode):
        return None
    if not stat.S_ISREG(info.st_mode):
        raise DraftingError(f"{target}: is not a plain file (a link, a device or a pipe); "
                            "nothing was written: give the path of a file")
    try:
        with open(target, "rb") as existing:
            head = existing.read(len(_DATABASE))
    except OSError:
        head = b""
    if head == _DATABASE:
        raise DraftingError(f"{target}: is a database (perhaps the drafting store itself); "
                            "nothing was written: choose another file name")
    _refuse_read_only(target, info)
    return info


_ANY_WRITE = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def _refuse_read_only(target: Path, info: os.stat_result) -> None:
    """DraftingError when this user may not write ``target``; also when no one may
    (mode 0444): root may write anything, but such a file was made read-only on purpose."""
    effective = os.access in os.supports_effective_ids
    if os.access(target, os.W_OK, effective_ids=effective) and info.st_mode & _ANY_WRITE:
        return
    with contextlib.suppress(OSError):
        if os.statvfs(target).f_flag & os.ST_RDONLY:
            return  # a read-only disk: the write itself fails, and says so (`cannot_write`)
    mode = f"{stat.S_IMODE(info.st_mode):04o}"
    raise DraftingError(f"{target}: the file is read-only for this user (mode {mode}); "
                        "nothing was written: make it writable (chmod u+w) if it may be "
                        "replaced, or choose another file name")


def _keep_owner_and_mode(descriptor: int, existing: os.stat_result) -> None:
    """The temporary file's permission bits made those of the file it replaces (and its
    owner and group where this user may set them: root, or a group it belongs to)."""
    with contextlib.suppress(OSError):
        if (existing.st_uid, existing.st_gid) != (os.geteuid(), os.getegid()):
            os.fchown(descriptor, existing.st_uid, existing.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))  # after fchown, which clears some


def _copy_in_place(temporary: Path, target: Path) -> None:
    """The whole new content, in ``temporary``, copied into ``target`` (a file with
    several names: each of them then shows it); ``temporary`` removed once done, kept
    and named when the copy fails."""
    try:
        with open(temporary, "rb") as source, open(target, "r+b") as stream:
            shutil.copyfileobj(source, stream)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        cause = error.strerror or str(error)
        raise DraftingError(
            f"{target}: cannot write the file ({cause}); it has other names (a hard link), "
            "so it is written in place rather than replaced, and it may now be incomplete: "
            f"the whole new content is in {temporary}") from error
    _remove(temporary)


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
    elif code == errno.ENAMETOOLONG:
        advice = "the name (or a folder's in the path) is longer than the disk allows: give a " \
            "shorter one"
    else:
        advice = "check that the folder exists and is writable"
    return DraftingError(f"{path}: cannot write the file ({cause}); nothing was written: "
                         f"{advice}")


def _remove(temporary: Path) -> None:
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)
