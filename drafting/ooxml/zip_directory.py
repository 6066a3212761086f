"""What a ``.docx``'s zip directory alone tells, checked before anything is unpacked:
how many entries, how many bytes they declare, how far one part inflates, whether one is
encrypted, and whether every entry names a part once and plainly.

A part name is a path inside the package (``word/document.xml``). Open Packaging
Conventions compare names without regard to case and allow no ``.`` or ``..`` segment
and no leading ``/``; Word will not open a package that breaks this. A zip holding one
name twice is read differently by different programs (Python's zip reader takes the
last entry, others the first), so a delegation's file could show one text in Word and
another here: it is refused, as is a name that climbs out of the package.
"""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.errors import ReaderError
from drafting.ooxml.unpack import SAVE_AGAIN

if TYPE_CHECKING:
    from drafting.ooxml.package import SafeLimits

_MB = 1024 * 1024


def check_directory(path: Path, infos: Sequence[zipfile.ZipInfo], limits: SafeLimits) -> None:
    """ReaderError naming ``path`` and what is wrong, from the zip directory ``infos``
    alone: too many entries or declared bytes (a zip bomb), an entry encrypted or
    inflating too far, a name given twice or not a plain part name."""
    if len(infos) > limits.max_parts:
        raise ReaderError(
            f"{path}: too many parts ({len(infos)} > {limits.max_parts}); not a normal "
            f"Word document, possibly a zip bomb: {SAVE_AGAIN}"
        )
    total = sum(info.file_size for info in infos)
    if total > limits.max_total_bytes:
        raise ReaderError(
            f"{path}: unpacks to {total // _MB} MB, more than {limits.max_total_bytes // _MB} MB "
            f"(possibly a zip bomb); refused: {SAVE_AGAIN}"
        )
    seen: dict[str, str] = {}
    for info in infos:
        _check_name(path, info.filename, seen)
        _check_part(path, info, limits)


def _check_name(path: Path, name: str, seen: dict[str, str]) -> None:
    segments = name.rstrip("/").split("/")  # "word/" is a folder's entry
    if name.startswith("/") or "\\" in name or any(s in ("", ".", "..") for s in segments):
        raise ReaderError(f"{path}: the package holds an entry named {name!r}, which is no "
                          f"part of a Word document (Word does not write such names); "
                          f"refused: {SAVE_AGAIN}")
    key = name.casefold()
    if key in seen:
        twice = repr(name) if seen[key] == name else f"{seen[key]!r} and {name!r}"
        raise ReaderError(f"{path}: the package holds {twice} twice (part names are the same "
                          "whatever their case), so programs would read different texts "
                          f"from it; refused: {SAVE_AGAIN}")
    seen[key] = name


def _check_part(path: Path, info: zipfile.ZipInfo, limits: SafeLimits) -> None:
    if info.flag_bits & 0x1:
        raise ReaderError(
            f"{path}: part {info.filename} is encrypted (password-protected): "
            "save it as .docx without a password"
        )
    ratio = info.file_size / max(info.compress_size, 1)
    if ratio > limits.max_ratio and info.file_size > limits.ratio_floor_bytes:
        raise ReaderError(
            f"{path}: part {info.filename} unpacks {int(ratio)} times its size "
            f"({info.file_size // _MB} MB), a zip bomb; refused: {SAVE_AGAIN}"
        )
