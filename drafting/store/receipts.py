"""Receipts: the number and hash of a recorded event, kept outside the store as proof.

Each event's hash covers the hash of the event before it (`drafting.store.chain`), so
a receipt ``#42 3211d1dd...`` commits to the whole log up to event 42: whoever rewrites
anything at or before it, even recomputing every later hash and the head, leaves event
42 with another hash. `drafting.store.verify` checks anchors (receipts kept elsewhere)
against the log; this module reads them from what people keep:

- one receipt as printed (``receipt: #42 <hash>``, ``head: #42 <hash>``) or as
  ``42:<hash>`` (`parse_receipt`);
- a file of them (`read_anchors`): text whose lines hold receipts as printed (any other
  line is passed over), or JSON - what a command printed with ``--json``, several such
  outputs one after another, or an export (``drafting export``): every object in it with
  an integer ``seq`` and a 64-digit ``hash`` is a receipt (an export's head and each of
  its events).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from drafting.errors import InputError
from drafting.lazy_re import lazy_compile

_HASH = r"[0-9a-fA-F]{64}"
_ONE = lazy_compile(rf"(?:(?:receipt|head)\s*:\s*)?#?(\d+)\s*(?::|\s)\s*({_HASH})", re.IGNORECASE)
_IN_LINE = lazy_compile(rf"(?:#(\d+)(?:\s+|:)|(?<![\w#])(\d+):)({_HASH})(?![0-9a-fA-F])")
_NAMED = lazy_compile(r"\b(?:receipt|head)\s*:", re.IGNORECASE)
_FORMS = "42:<64 hex digits>, or as printed: 'receipt: #42 <64 hex digits>'"


@dataclass(frozen=True, slots=True, order=True)
class Receipt:
    """Proof that an event was recorded: its number in the log (``seq``) and its hash
    (SHA-256, 64 lower-case hex digits). ``str()`` gives ``#42 3211d1dd...`` (the whole
    hash), the form `parse_receipt` reads back."""

    seq: int
    hash: str

    def __str__(self) -> str:
        return f"#{self.seq} {self.hash}"

    def to_json(self) -> dict[str, Any]:
        """``{"seq": 42, "hash": "..."}``."""
        return {"seq": self.seq, "hash": self.hash}


def parse_receipt(text: str) -> Receipt:
    """The receipt written in ``text``: ``42:<hash>``, ``#42 <hash>``, or a printed line
    ``receipt: #42 <hash>`` (``head:`` too). InputError for anything else."""
    match = _ONE.fullmatch(text.strip())
    if match is None:
        raise InputError(f"'{_short(text)}' is not a receipt: write it as {_FORMS}")
    return Receipt(int(match.group(1)), match.group(2).lower())


def read_anchors(path: str | Path) -> list[Receipt]:
    """The receipts kept in the file at ``path`` (see the module's docstring), in the
    order found, each once. InputError naming the file (and the line) if it cannot be
    read, if a line that names a receipt (``receipt:``, ``head:``) holds none, or if it
    holds no receipt at all."""
    from drafting.given_files import decoded, read_given
    from drafting.limits import MAX_TEXT_FILE_BYTES

    path = Path(path)
    try:
        text = decoded(read_given(path, MAX_TEXT_FILE_BYTES, kind="a file of receipts",
                                  limit_said="a text file may take"), path)
    except InputError as error:
        why = error.message.removeprefix(f"{path}: ")
        raise InputError(f"{path}: cannot read the receipts: {why}") from error
    found = _from_json(path, text) if text.lstrip()[:1] in ("{", "[") else _from_lines(path,
                                                                                      text)
    unique = list(dict.fromkeys(found))
    if not unique:
        raise InputError(f"{path}: no receipt in it: keep the lines 'receipt: #N <hash>' "
                         f"that commands print, or write them as {_FORMS}")
    return unique


def _from_lines(path: Path, text: str) -> list[Receipt]:
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        here = [Receipt(int(m.group(1) or m.group(2)), m.group(3).lower())
                for m in _IN_LINE.finditer(line)]
        if not here and _NAMED.search(line):
            raise InputError(f"{path}, line {number}: '{_short(line)}' names a receipt but "
                             f"holds none: write it as {_FORMS}")
        found += here
    return found


def _from_json(path: Path, text: str) -> list[Receipt]:
    """Every receipt in one JSON document or several written one after another."""
    return [receipt for found in receipt_objects(path, text)
            if (receipt := as_receipt(found)) is not None]


def receipt_objects(path: Path, text: str) -> Iterator[dict[str, Any]]:
    """Every JSON object, at any depth, of the JSON documents written one after another
    in ``text`` (the file ``path``). InputError naming the line where one is no JSON."""
    decoder = json.JSONDecoder()
    position = 0
    while position < len(text):
        if text[position].isspace():
            position += 1
            continue
        try:
            value, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}, line {error.lineno}: not JSON ({error.msg})") from error
        yield from _objects(value)


def as_receipt(value: dict[str, Any]) -> Receipt | None:
    """The receipt a JSON object is (an integer ``seq``, a 64-digit ``hash``), else None."""
    seq, digest = value.get("seq"), value.get("hash")
    if (isinstance(seq, int) and not isinstance(seq, bool) and isinstance(digest, str)
            and re.fullmatch(_HASH, digest)):
        return Receipt(seq, digest.lower())
    return None


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item)


def _short(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 3] + "..."
