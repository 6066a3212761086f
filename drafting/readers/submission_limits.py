"""The input limits (`drafting.limits`) on a JSON submission, checked first.

A file of more amendments than `MAX_AMENDMENTS_PER_FILE`, an amendment of more
supporters than `MAX_SUPPORTERS`, a file of more values than `MAX_JSON_VALUES` (told from
the lengths of its lists and objects, before any value is looked at), a text longer than
`MAX_PARAGRAPH_CHARS` or whose brackets nest deeper than `MAX_BRACKET_DEPTH`: each is
refused on these findings alone, before the schema is asked and before any amendment is
placed on the document: each names the amendment (counted from 1), its paragraph and the
field, as the reader's other findings do.
"""

from __future__ import annotations

from typing import Any

from drafting.limits import (
    MAX_AMENDMENTS_PER_FILE,
    MAX_BRACKET_DEPTH,
    MAX_JSON_VALUES,
    MAX_PARAGRAPH_CHARS,
    MAX_SUPPORTERS,
    bracket_depth,
    nested_too_deep,
)
from drafting.readers.submission_findings import field_name

_SEE = '(see "Input limits" in the README)'

Finding = tuple[int, str, str]
"""The amendment's number (0 for the file as a whole), its paragraph label ("" if
unknown) and what is wrong."""


def limit_findings(data: Any) -> list[Finding]:
    """Every way ``data`` (parsed JSON) goes past the input limits (a text too long, or
    its brackets nested too deep); [] when it does not.
    Too many amendments is said alone: their texts are then not looked at."""
    amendments = data.get("amendments") if isinstance(data, dict) else None
    items = amendments if isinstance(amendments, list) else []
    if len(items) > MAX_AMENDMENTS_PER_FILE:
        return [(0, "", f"the file holds {len(items):,} amendments, more than the "
                 f"{MAX_AMENDMENTS_PER_FILE:,} one file may hold {_SEE}; split it into "
                 "several files")]
    if sized := _size_findings(data, items):
        return sized
    found: list[Finding] = []
    pending: list[tuple[Any, list[Any]]] = [(data, [])]
    while pending:  # iterative: the parser already bounds the depth
        value, path = pending.pop()
        if isinstance(value, dict):
            for key, inner in value.items():
                if len(key) > MAX_PARAGRAPH_CHARS:
                    found.append(_finding(items, path, "a field name", len(key)))
                pending.append((inner, [*path, key]))
        elif isinstance(value, list):
            pending.extend((inner, [*path, n]) for n, inner in enumerate(value))
        elif isinstance(value, str) and len(value) > MAX_PARAGRAPH_CHARS:
            found.append(_finding(items, path, "", len(value)))
        elif isinstance(value, str) and (depth := bracket_depth(value)) > MAX_BRACKET_DEPTH:
            found.append(_finding(items, path, "", depth, deep=True))
    return sorted(found)


def _size_findings(data: Any, items: list[Any]) -> list[Finding]:
    """Amendments of more than `MAX_SUPPORTERS` supporters, else the file if it holds more
    than `MAX_JSON_VALUES` values: counted by the lengths of its lists and objects (a
    field and its value count as two), each refused before its entries are looked at."""
    found = [(number, _label(item), f"'supporters' names {len(codes):,} delegations, more "
              f"than the {MAX_SUPPORTERS:,} an amendment may name {_SEE}; name fewer")
             for number, item in enumerate(items, 1)
             if isinstance(item, dict) and isinstance(codes := item.get("supporters"), list)
             and len(codes) > MAX_SUPPORTERS]
    if found:
        return found
    left = MAX_JSON_VALUES
    pending: list[tuple[Any, list[Any]]] = [(data, [])] if isinstance(data, (dict, list)) \
        else []
    while pending:
        value, path = pending.pop()
        left -= len(value) * (2 if isinstance(value, dict) else 1)
        if left < 0:
            return [(0, "", f"the file holds more than the "
                     f"{MAX_JSON_VALUES:,} values (texts, numbers, lists, objects "
                     f"and field names) a submission may hold {_SEE}: the count "
                     f"passes it at {_where(items, path)}, of {len(value):,} entries; "
                     "split the file, or take out what is not an amendment")]
        inner = value.items() if isinstance(value, dict) else enumerate(value)
        pending.extend((item, [*path, key]) for key, item in inner
                       if isinstance(item, (dict, list)))
    return []


def _where(items: list[Any], path: list[Any]) -> str:
    """Where ``path`` is, in words: ``amendment 3 (OP1), 'supporters'``."""
    if len(path) >= 2 and path[0] == "amendments" and isinstance(path[1], int):
        label = _label(items[path[1]])
        return (f"amendment {path[1] + 1}" + (f" ({label})" if label else "")
                + (f", {field_name(path[2:])}" if path[2:] else ""))
    return field_name(path, "the file's object")


def _label(item: Any) -> str:
    label = item.get("paragraph") if isinstance(item, dict) else None
    return label.strip()[:40] if isinstance(label, str) else ""


def _placed(items: list[Any], path: list[Any], sentence: str) -> Finding:
    """``sentence`` as a finding on the amendment ``path`` is in, or on the file."""
    if len(path) >= 2 and path[0] == "amendments" and isinstance(path[1], int):
        return path[1] + 1, _label(items[path[1]]), sentence
    return 0, "", sentence


def _finding(items: list[Any], path: list[Any], what: str, size: int,
             deep: bool = False) -> Finding:
    """The finding for the text at ``path``: ``size`` characters, or (``deep``) brackets
    nested ``size`` deep."""
    in_amendment = len(path) >= 2 and path[0] == "amendments" and isinstance(path[1], int)
    rest = path[2:] if in_amendment else path
    what = what or field_name(rest, "the text")
    sentence = (f"{nested_too_deep(what, size)}; take out the brackets that stand inside "
                "others" if deep else f"{what} has {size:,} characters, more than the "
                f"{MAX_PARAGRAPH_CHARS:,} a paragraph may have {_SEE}; shorten it")
    return _placed(items, path, sentence)
