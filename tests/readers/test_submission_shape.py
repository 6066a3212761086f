"""The quick check of a JSON submission never accepts what the schema refuses, and takes
the submissions people actually send."""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from drafting.readers.submission_shape import plainly_valid

ROOT = Path(__file__).parents[2]
SCHEMA = json.loads((files("drafting") / "schemas" / "submission.schema.json").read_text(
    encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
REVIEWED = "e4bda2631495e4376eb82404074f4bc37c8361e0f4bdc3b27e61244d700543f2"
"""The digest of the schema plainly_valid was written for."""

AMENDMENT_KEYS = [*SCHEMA["$defs"]["amendment"]["properties"], "bogus"]
FILE_KEYS = [*SCHEMA["properties"], "bogus"]
values = st.one_of(
    st.sampled_from(["", " ", "\t", "OP2", "submit", "A/C.2/81/L.7", "é"]), st.text(max_size=4),
    st.booleans(), st.integers(-1, 3), st.sampled_from([2.0, 1.5, None]),
    st.lists(st.sampled_from(["EU", "EU", "", " ", 3]), max_size=3),
)
amendments = st.dictionaries(st.sampled_from(AMENDMENT_KEYS), values, max_size=5)
valid_base = st.fixed_dictionaries(
    {"paragraph": st.sampled_from(["OP2", "pp 1"])},
    optional={"reason": st.text(max_size=3), "supporters": st.lists(
        st.sampled_from(["EU", "USA", "JPN"]), unique=True, max_size=2)},
).flatmap(lambda base: st.sampled_from([
    {"replace": "a", "with": "b"}, {"delete": "a", "occurrence": 2}, {"insert": "x", "after": "a"},
    {"insert": "x", "before": "a"}, {"new_paragraph": "T"}, {"delete_paragraph": True},
    {"new_paragraph": "T", "place": "before"}, {"new_paragraph": "T", "place": "after"},
    {"alternative": "T"}, {"retain": True}, {"bracket": "a"},
]).map(lambda action: {**base, **action}))
mutated = st.tuples(valid_base, st.dictionaries(st.sampled_from(AMENDMENT_KEYS), values,
                                                max_size=1)).map(lambda p: {**p[0], **p[1]})
files_ = st.fixed_dictionaries(
    {"document": st.sampled_from(["X", " ", ""]), "delegation": st.sampled_from(["EU", "\n"]),
     "amendments": st.lists(st.one_of(valid_base, mutated, amendments), max_size=3)},
    optional={"submitted_by": values, "revision": values, "bogus": values},
)


def test_the_schema_is_the_one_the_quick_check_was_written_for():
    digest = hashlib.sha256(json.dumps(SCHEMA, sort_keys=True).encode()).hexdigest()
    assert digest == REVIEWED, (
        "the submission schema changed: review drafting/readers/submission_shape.py against "
        "it, then put the new digest in REVIEWED")


@settings(max_examples=400, deadline=None)
@given(files_)
def test_what_the_quick_check_accepts_the_schema_accepts(data):
    if plainly_valid(data):
        assert VALIDATOR.is_valid(data), data


@settings(max_examples=200, deadline=None)
@given(st.one_of(valid_base, mutated))
def test_a_single_amendment_is_judged_as_the_schema_does(item):
    data = {"document": "X", "delegation": "EU", "amendments": [item]}
    if plainly_valid(data):
        assert VALIDATOR.is_valid(data), item


BASES = [
    {"replace": "a", "with": "b"}, {"delete": "a", "occurrence": 2}, {"insert": "x", "after": "a"},
    {"insert": "x", "before": "a"}, {"new_paragraph": "T"}, {"delete_paragraph": True},
    {"new_paragraph": "T", "place": "before"}, {"new_paragraph": "T", "place": "after"},
    {"alternative": "T"}, {"retain": True}, {"bracket": "a"},
]
EDGES = ["", " ", "a", True, False, 0, 1, 2, 2.0, -1, None, [], ["EU"], ["EU", "EU"], [""],
         ["EU", 3], {"a": 1}]


def test_every_one_field_change_of_a_valid_amendment_is_judged_safely():
    judged = accepted = 0
    for base in BASES:
        amendment = {"paragraph": "OP2", **base}
        variants = [{k: v for k, v in amendment.items() if k != gone} for gone in amendment]
        variants += [{**amendment, key: value} for key in AMENDMENT_KEYS for value in EDGES]
        for item in variants:
            data = {"document": "X", "delegation": "EU", "amendments": [item]}
            judged += 1
            if plainly_valid(data):
                accepted += 1
                assert VALIDATOR.is_valid(data), item
    assert judged > 2000 and accepted > 50  # it did take many, and checked them all


def test_the_sample_and_synthetic_submissions_take_the_quick_path(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "samples"))
    from synthetic import write_workload

    paths = sorted((ROOT / "samples" / "submissions").glob("*.json"))
    paths += write_workload(tmp_path, paragraphs=30, delegations=5, per_delegation=12,
                            ).submissions
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert VALIDATOR.is_valid(data)
        assert plainly_valid(data), path.name
