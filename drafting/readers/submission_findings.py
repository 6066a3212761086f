"""How the problems of a JSON submission are said: each a finding on its amendment
(number and paragraph) with a sentence, and the schema's errors turned into sentences
a delegation can act on ("'with' is missing: give the new words ...")."""

from __future__ import annotations

import difflib
import json
from collections import Counter
from collections.abc import Collection
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from drafting.readers.submission_shape import plainly_valid, thinned

if TYPE_CHECKING:  # jsonschema is imported when a file needs it (see schema_findings)
    from jsonschema import Draft202012Validator, ValidationError

ACTIONS = ("replace", "delete", "insert", "new_paragraph", "delete_paragraph", "alternative",
           "retain", "bracket")
"""The JSON keys that name what an amendment does; each amendment has exactly one."""

_TYPES = {"string": "a text", "array": "a list", "integer": "a whole number",
          "object": "an object", "boolean": "true or false"}
_WHAT = {
    "document": "give the symbol of the document amended, e.g. A/C.2/81/L.7",
    "delegation": "give the code of the delegation making the amendments, e.g. EU",
    "paragraph": "give the label of the paragraph, e.g. OP2 or PP5 bis",
    "replace": "quote the words to replace",
    "with": "give the new words (to remove words, use 'delete')",
    "delete": "quote the words to delete",
    "insert": "give the words to insert",
    "after": "quote the words the insertion goes after",
    "before": "quote the words the insertion goes before",
    "new_paragraph": "give the text of the new paragraph",
    "alternative": "give the text of the alternative",
    "bracket": "quote the words to put in brackets",
    "amendments": "give a list of amendments",
}
_DEPENDS = {
    ("replace", "with"): "a replacement needs the new text",
    ("with", "replace"): "'with' gives the new text for the words quoted in 'replace'",
    ("after", "insert"): "'after' only places an insertion",
    ("before", "insert"): "'before' only places an insertion",
    ("place", "new_paragraph"): "'place' only places a new paragraph",
}
Finding = tuple[int, str, str]
"""One problem: the amendment's number (0 for the file as a whole), its paragraph
label ("" if unknown) and what is wrong."""



def field_name(path: list[Any], whole: str = "the amendment") -> str:
    """``['supporters', 1]`` -> ``'supporters' entry 2``; ``['with']`` -> ``'with'``;
    ``whole`` for an empty path."""
    if not path:
        return whole
    text = f"'{path[0]}'"
    for step in path[1:]:
        text += f" entry {step + 1}" if isinstance(step, int) else f" field '{step}'"
    return text


def located(items: list[Any], path: list[Any], sentence: str) -> Finding:
    """``sentence`` about the text at ``path``, as a finding on its amendment (if any)."""
    if len(path) >= 2 and path[0] == "amendments" and isinstance(path[1], int):
        number = path[1] + 1
        return number, written_label(items[path[1]]), f"{field_name(path[2:])}, {sentence}"
    return 0, "", f"{field_name(path)}, {sentence}" if path else sentence


def valid_amendment(item: Any) -> bool:
    return _validator().is_valid({"document": "-", "delegation": "-", "amendments": [item]})


@cache
def _validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    resource = files("drafting") / "schemas" / "submission.schema.json"
    return Draft202012Validator(json.loads(resource.read_text(encoding="utf-8")))


def schema_findings(data: Any) -> list[Finding]:
    """Every way ``data`` departs from the schema, as sentences."""
    found: list[Finding] = []
    amendments = data.get("amendments") if isinstance(data, dict) else None
    items = amendments if isinstance(amendments, list) else []
    labels = [""] + [written_label(item) for item in items]
    for number, item in [(0, data), *enumerate(items, 1)]:
        for key in getattr(item, "duplicates", ()):
            found.append((number, labels[number], f"'{key}' is given more than once; "
                          "give it once"))
    if plainly_valid(data):  # the usual case, told in microseconds; else the schema explains
        return found
    schema = _validator().schema
    guesses = {0: _guesses(data, schema["properties"])}
    for number, item in enumerate(items, 1):
        guesses[number] = _guesses(item, schema["$defs"]["amendment"]["properties"])
    for error in _validator().iter_errors(thinned(data)):
        path = list(error.absolute_path)
        number = path[1] + 1 if len(path) >= 2 and path[0] == "amendments" else 0
        found.extend((number, labels[number], text) for text in _sentences(
            error, path[2:] if number else path, bool(number), guesses[number]))
    return found


def written_label(item: Any) -> str:
    paragraph = item.get("paragraph") if isinstance(item, dict) else None
    return paragraph.strip() if isinstance(paragraph, str) else ""


def _guesses(item: Any, known: Collection[str]) -> dict[str, str]:
    """Unknown keys of an object -> the known key each is probably a misspelling of."""
    if not isinstance(item, dict):
        return {}
    guesses = {}
    for key in item:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            if close and close[0] not in item:
                guesses[key] = close[0]
    return guesses


def _sentences(error: ValidationError, path: list[Any], in_amendment: bool,
               guesses: dict[str, str]) -> list[str]:
    """One schema error as plain sentences; none when another sentence already says it.

    ``path`` is relative to the amendment when ``in_amendment``, else to the file;
    ``guesses`` maps misspelt keys of the object to what they probably mean (a key
    said to be missing is not reported again when a misspelling of it is).
    """
    keyword, instance, field = error.validator, error.instance, field_name(path)
    if keyword == "type":
        if path:
            wanted = _TYPES.get(str(error.validator_value), "something else")
            return [f"{field} must be {wanted}"]
        if in_amendment:
            return ['the amendment must be an object, such as {"paragraph": "OP2", '
                    '"delete": "..."}']
        return ["the file must hold one JSON object with 'document', 'delegation' and "
                "'amendments'"]
    if keyword in ("minLength", "pattern"):
        if not isinstance(instance, str):
            return []
        hint = _WHAT.get(str(path[-1]), "")
        return [f"{field} is {'blank' if instance else 'empty'}" + (f": {hint}" if hint else "")]
    if keyword == "minItems":
        return [f"{field} is empty: a submission needs at least one amendment"]
    if keyword == "required":
        return [f"'{key}' is missing: {_WHAT.get(key, 'it is required')}"
                for key in error.validator_value
                if key not in instance and key not in guesses.values()]
    if keyword == "additionalProperties":
        known = error.schema.get("properties", {})
        return [f"unknown field '{key}'" + (f" (did you mean '{guesses[key]}'?)"
                                            if key in guesses else "")
                for key in instance if key not in known]
    if keyword == "dependentRequired":
        return [f"'{need}' is missing: {_DEPENDS.get((key, need), f'{key!r} needs it')}"
                for key, needs in error.validator_value.items() if key in instance
                for need in needs if need not in instance and need not in guesses.values()]
    if keyword == "const":
        return [f"{field} can only be true; leave it out to ask for something else"]
    if keyword == "minimum":
        return [f"{field} must be 1 or more: occurrences are counted from 1"]
    if keyword == "uniqueItems":
        counts = Counter(x for x in instance if isinstance(x, str))
        names = ", ".join(f"'{x}'" for x, n in counts.items() if n > 1) or "a delegation"
        return [f"{field} names {names} more than once"]
    if keyword in ("oneOf", "anyOf"):  # about the action; a non-object is reported as such
        text = _action_sentence(error, instance, guesses) if isinstance(instance, dict) else None
        return [text] if text else []
    return [f"{field}: {error.message}" if path else error.message]


def _action_sentence(error: ValidationError, item: dict[str, Any],
                     guesses: dict[str, str]) -> str | None:
    """What is wrong with an amendment's choice of action, after/before or occurrence."""
    where = list(error.schema_path)
    actions = [key for key in ACTIONS if key in item]
    if "dependentSchemas" in where:
        governed = where[where.index("dependentSchemas") + 1]
        if governed == "insert":
            if "after" in item and "before" in item:
                return ("an insertion goes after some words or before them: give 'after' or "
                        "'before', not both")
            return "an insertion needs 'after' or 'before': quote the words it goes next to"
        if governed == "occurrence":
            kind = f"a '{actions[0]}' amendment" if len(actions) == 1 else "this amendment"
            return (f"'occurrence' only picks among repeated quoted words, and {kind} quotes "
                    "none; leave it out")
    if len(actions) > 1:
        both = ", ".join(f"'{a}'" for a in actions[:-1]) + f" and '{actions[-1]}'"
        return f"the amendment asks for {both} at once: make each its own amendment"
    if any(guess in ACTIONS for guess in guesses.values()):
        return None  # the misspelt key is the action; "unknown field" already says so
    return ("the amendment asks for nothing: give one of 'replace' (with 'with'), 'delete', "
            "'insert' (with 'after' or 'before'), 'new_paragraph', 'delete_paragraph', "
            "'alternative', 'retain' or 'bracket'")
