"""A revision reletters the sub-paragraphs after an item inserted or removed, as Word
numbers them."""

from __future__ import annotations

import pytest

from drafting.engine.sublists import relettered

OLD = "Calls upon States:\n(a) A;\n(b) B, through:\n(i) x;\n(ii) y;\n(c) C;"


@pytest.mark.parametrize(("new", "expected"), [
    ("Calls upon States:\n(a) A;\n(b) N;\n(b) B, through:\n(i) x;\n(ii) y;\n(c) C;",
     "Calls upon States:\n(a) A;\n(b) N;\n(c) B, through:\n(i) x;\n(ii) y;\n(d) C;"),
    ("Calls upon States:\n(a) A;\n(b) B, through:\n(i) x;\n(ii) n;\n(ii) y;\n(c) C;",
     "Calls upon States:\n(a) A;\n(b) B, through:\n(i) x;\n(ii) n;\n(iii) y;\n(c) C;"),
    ("Calls upon States:\n(a) A;\n(i) x;\n(ii) y;\n(c) C;",  # nested ones now under (a),
     "Calls upon States:\n(a) A;\n(i) x;\n(ii) y;\n(b) C;"),  # as Word numbers them
    ("Calls upon States:\n(a) A;\n(c) C;", "Calls upon States:\n(a) A;\n(b) C;"),
    (OLD + "\n(d) D;", OLD + "\n(d) D;")],
    ids=["inserted", "nested inserted", "orphans", "removed", "appended"])
def test_items_after_a_change_are_relettered(new, expected):
    assert relettered(OLD, new) == expected


def test_a_list_numbered_otherwise_at_the_start_is_left_as_it_is():
    odd = "Decides:\n(a) A;\n(a) B;"
    assert relettered(odd, odd + "\n(b) C;") == odd + "\n(b) C;"
