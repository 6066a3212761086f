"""A quick check that a JSON submission certainly fits the schema, before asking jsonschema.

`plainly_valid` answers True only for data that ``schemas/submission.schema.json`` accepts:
the known fields with the right types, exactly one action per amendment and the fields
that go with it. Anything else, however harmless, gets False, and the reader asks
jsonschema, which says precisely what is wrong. Validating a pile of 193 files with
jsonschema alone takes seconds (its ``oneOf`` tries eight branches per amendment); this
takes milliseconds. tests/readers/test_submission_shape.py holds it to the schema.
"""

from __future__ import annotations

from typing import Any

from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_NAME_CHARS, MAX_SUPPORTERS

_FILE_FIELDS = {"document", "delegation", "submitted_by", "revision", "amendments"}
_CODES = ("paragraph",)
_QUOTED = ("replace", "with", "delete", "insert", "after", "before", "new_paragraph",
           "alternative", "bracket")
_TRUE = ("delete_paragraph", "retain")
_ACTIONS = ("replace", "delete", "insert", "new_paragraph", "delete_paragraph",
            "alternative", "retain", "bracket")
_QUOTING = {"replace", "delete", "insert", "bracket"}
_AMENDMENT_FIELDS = {"paragraph", *_QUOTED, *_TRUE, "occurrence", "reason", "supporters",
                     "place"}
_NOT_BLANK = lazy_compile(r"\S")


def plainly_valid(data: Any) -> bool:
    """True if ``data`` (parsed JSON) is certainly a valid submission; False when in any
    doubt (then ask the schema)."""
    return (
        isinstance(data, dict) and data.keys() <= _FILE_FIELDS
        and _code(data.get("document")) and _code(data.get("delegation"))
        and _text_or_absent(data, "submitted_by") and _text_or_absent(data, "revision")
        and len(data.get("submitted_by", "")) <= MAX_NAME_CHARS
        and type(amendments := data.get("amendments")) is list and len(amendments) > 0
        and all(_amendment(item) for item in amendments)
    )


def _code(value: Any) -> bool:
    return type(value) is str and _NOT_BLANK.search(value) is not None


def _text_or_absent(item: dict[str, Any], key: str) -> bool:
    return key not in item or type(item[key]) is str


def _amendment(item: Any) -> bool:
    if not isinstance(item, dict) or not item.keys() <= _AMENDMENT_FIELDS:
        return False
    actions = [key for key in _ACTIONS if key in item]
    if len(actions) != 1 or not _code(item.get("paragraph")):
        return False
    if any(key in item and not (type(item[key]) is str and item[key]) for key in _QUOTED):
        return False
    if any(key in item and item[key] is not True for key in _TRUE):
        return False
    if ("replace" in item) != ("with" in item):
        return False
    if ("insert" in item) != (("after" in item) + ("before" in item) == 1) or (
            "after" in item and "before" in item):
        return False
    if "place" in item and not (item["place"] in ("after", "before")
                                and type(item["place"]) is str and "new_paragraph" in item):
        return False
    if "occurrence" in item and not (type(item["occurrence"]) is int and item["occurrence"] >= 1
                                     and actions[0] in _QUOTING):
        return False
    return _text_or_absent(item, "reason") and _supporters(item)


def thinned(data: Any) -> Any:
    """``data`` as the schema need see it: each amendment's ``supporters`` that is
    certainly valid left empty (its codes cost the schema some 45 microseconds each and
    can tell nothing), the rest as it is."""
    amendments = data.get("amendments") if isinstance(data, dict) else None
    if not isinstance(amendments, list) or not any(
            isinstance(item, dict) and item.get("supporters") for item in amendments):
        return data
    return {**data, "amendments": [
        {**item, "supporters": []} if isinstance(item, dict) and item.get("supporters")
        and _supporters(item) else item for item in amendments]}


def _supporters(item: dict[str, Any]) -> bool:
    if "supporters" not in item:
        return True
    codes = item["supporters"]
    return (type(codes) is list and len(codes) <= MAX_SUPPORTERS
            and all(_code(code) for code in codes)
            and len(set(codes)) == len(codes))
