"""JSON for people and programs alike, written at the speed of the C encoder.

``json.dumps(value, indent=2)`` puts every value of every amendment on a line of its own
and runs in Python, not in the C encoder: at 100,000 amendments an export took 2.6 s to
lay out. `laid_out` gives the same JSON value, laid out as a reader scans a record: the
outer object a key a line, and a long list an item a line (an amendment, a paragraph, an
event, each whole on its line, as the C encoder writes it). A small container stays on
one line; a large one is opened the same way, level by level.
"""

from __future__ import annotations

import json
from typing import Any

WIDTH = 2_000
"""A container whose JSON is longer than this is opened, an entry a line (an amendment
stays on its line unless its words run to pages)."""
_MANY = 20
"""A container with more entries than this is opened without trying it on one line."""


def laid_out(value: Any, indent: str = "  ") -> str:
    """``value`` as JSON (non-ASCII kept): the outermost container opened, an entry a
    line, and within it every container longer than `WIDTH` characters likewise."""
    return _laid_out(value, indent, 0)


def _laid_out(value: Any, indent: str, level: int) -> str:
    if not isinstance(value, dict | list) or not value:
        return _one_line(value)
    if level and len(value) <= _MANY:
        line = _one_line(value)
        if len(line) <= WIDTH:
            return line
    inner, outer = indent * (level + 1), indent * level
    if isinstance(value, dict):
        entries = [f"{inner}{_key(key)}: {_laid_out(item, indent, level + 1)}"
                   for key, item in value.items()]
        return "{\n" + ",\n".join(entries) + f"\n{outer}}}"
    entries = [inner + _laid_out(item, indent, level + 1) for item in value]
    return "[\n" + ",\n".join(entries) + f"\n{outer}]"


_one_line = json.JSONEncoder(ensure_ascii=False).encode
"""``value`` as JSON on one line (one encoder made once, not one a call)."""


def _key(key: Any) -> str:
    """A key as JSON writes it: a string as it is, a number, true, false or null as the
    string of it (``{1: 0}`` is ``{"1": 0}``)."""
    return _one_line(key) if isinstance(key, str) else _one_line({key: 0})[1:-4]
