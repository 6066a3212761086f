"""The JSON of an export and of `amendments --json`: the same value as before, laid out an
amendment (a paragraph, an event) a line, the outer object a key a line."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.json_layout import WIDTH, laid_out

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=30) | st.dictionaries(st.text(max_size=8), inner,
                                                                   max_size=25)
    | st.dictionaries(st.integers() | st.booleans() | st.none(), inner, max_size=3),
    max_leaves=200)


@given(VALUES)
@settings(max_examples=150, deadline=None)
def test_what_is_laid_out_reads_back_as_the_value(value):
    assert json.loads(laid_out(value)) == json.loads(json.dumps(value))  # keys as strings


def test_a_list_of_records_is_a_record_a_line_in_an_object_a_key_a_line():
    amendments = [{"id": f"A{n}", "paragraph": "OP3", "new_text": "Invites «all» States",
                   "proponents": ["EU", "G77"]} for n in range(1, 31)]
    text = laid_out({"symbol": "A/C.2/81/L.7", "amendments": amendments, "head": {"seq": 4}})
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "symbol": "A/C.2/81/L.7",', '  "amendments": [']
    assert lines[3] == ('    {"id": "A1", "paragraph": "OP3", "new_text": "Invites «all» States",'
                        ' "proponents": ["EU", "G77"]},')
    assert len(lines) == 3 + 30 + 3  # each amendment whole on its line
    assert lines[-2:] == ['  "head": {"seq": 4}', "}"]


def test_a_record_too_long_for_a_line_is_opened_a_key_a_line():
    long = {"id": "A9", "new_text": "word " * WIDTH}
    lines = laid_out([long, {"id": "A10"}]).splitlines()
    assert lines[1:4] == ["  {", '    "id": "A9",', f'    "new_text": "{"word " * WIDTH}"']
    assert lines[-2:] == ['  {"id": "A10"}', "]"]


def test_empty_containers_and_plain_values_are_as_json_writes_them():
    assert [laid_out(v) for v in ({}, [], "x", 3, None)] == ["{}", "[]", '"x"', "3", "null"]
