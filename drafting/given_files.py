"""Files a user names, looked at before a byte of them is read.

A path given on the command line (a draft, a submission, a map, a receipts file, a
SQLite store) may name a folder, a named pipe, a socket or a device, or a link to one
(``zero.docx -> /dev/zero``): reading a pipe waits for a writer that may never come,
and a device may never end. `read_given` refuses those before it opens anything, then
refuses a file past its limit and reads no more than the limit even if the file grows
meanwhile. `not_a_file` says what stands at a path that is no regular file, for a
caller with its own refusal (the store). Every refusal is a `ReaderError` naming the
path and saying what to do; nothing is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from drafting.errors import LimitError, ReaderError

_KB, _MB = 1024, 1024 * 1024


def not_a_file(path: Path) -> str | None:
    """What stands at ``path`` (links followed) when it is not a regular file, as words
    that follow "is" (``a folder``, ``a link to /dev/zero, a device``); None for a
    regular file. OSError when nothing stands there or it cannot be looked at."""
    mode = path.stat().st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        what = "a folder"
    elif stat.S_ISFIFO(mode):
        what = "a named pipe (FIFO)"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "not a file"
    if path.is_symlink():
        return f"a link to {os.path.realpath(path)}, {what}"
    return what


def read_given(path: Path, limit: int, *, kind: str, limit_said: str) -> bytes:
    """The bytes of the file at ``path``, at most ``limit`` of them. ``kind`` names what
    is wanted (``a .docx file``), ``limit_said`` ends the sentence refusing a larger
    file (``a draft may take; remove large images and save it again``). ReaderError,
    before anything is read, for a missing path, a folder, a pipe, a socket or a device
    (or a link to one) and a file that cannot be read; LimitError for a file past
    ``limit`` (as it stands, or grown while read). An empty file gives ``b""``."""
    try:
        what = not_a_file(path)
        if what is not None:
            endless = "" if what == "a folder" else " (reading it may never end)"
            raise ReaderError(f"{path}: is {what}, not a file saved on disk{endless}; "
                              f"nothing was read: give the path of {kind}")
        size = path.stat().st_size
        if size > limit:
            raise LimitError(f"{path}: the file is {_size(size)}, more than the "
                             f"{_size(limit)} {limit_said}")
        with path.open("rb") as stream:
            # as much as it holds (reading the whole limit would reserve it each time),
            # then whatever it grew by since, up to the limit
            data = stream.read(size + 1)
            if len(data) > size:
                data += stream.read(limit + 1 - len(data))
    except FileNotFoundError as error:
        raise ReaderError(f"{path}: cannot read the file: there is no such file; "
                          "check the name and the folder") from error
    except OSError as error:
        raise ReaderError(f"{path}: cannot read the file ({error.strerror or error}); check "
                          "that it exists and that you may read it") from error
    if len(data) > limit:
        raise LimitError(f"{path}: the file grew past {_size(limit)} while it was read; "
                         "nothing was read: try again once it is saved")
    return data


def _size(count: int) -> str:
    """``count`` bytes in MB (KB under one MB), as a person says it."""
    if count < _MB:
        return f"{count // _KB} KB"
    return f"{count // _MB} MB"


_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decoded(raw: bytes, path: Path, *, save_as: str = "UTF-8 text") -> str:
    """``raw`` (the bytes of the file at ``path``) as UTF-8 text, a BOM allowed.
    ReaderError naming the first byte that is not UTF-8, or saying the file was saved
    as UTF-16 (Notepad's "Unicode", Excel's "Unicode Text"), and to save it as
    ``save_as``."""
    if _utf16(raw):  # without a BOM it decodes, a zero byte after each character
        raise ReaderError(f"{path}: the file is saved as UTF-16 (\"Unicode\" in Notepad "
                          f"and Excel), which is not read: save it as {save_as}")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReaderError(f"{path}: byte {error.start} is not UTF-8; save the file as "
                          f"{save_as}") from error


def _utf16(raw: bytes) -> bool:
    """Whether ``raw`` looks saved as UTF-16: a UTF-16 BOM, or a zero byte at every other
    place of its start (ASCII text in UTF-16, without a BOM)."""
    if raw.startswith(_UTF16_BOMS):
        return True
    pairs = len(raw[:64]) // 2
    return pairs >= 2 and pairs in (raw[1:pairs * 2:2].count(0), raw[0:pairs * 2:2].count(0))
