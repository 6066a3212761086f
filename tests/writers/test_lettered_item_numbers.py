"""A decision's items typed as letters ("(a)<tab>", French "a) "): a new item's letter
typed in the form of the one before, and the letter a label stands for."""

import pytest

from drafting.writers.typed_numbers import TYPED_NUMBER, shown_number, typed_label


@pytest.mark.parametrize(("label", "before", "typed"), [
    ("OP1 bis", "(a)\t", "(a bis)\t"), ("OP3", "(b)\t", "(c)\t"),
    ("OP2 bis", "b) ", "b bis) "), ("OP4 ter", "(c-bis)\t", "(d-ter)\t")])
def test_a_new_item_is_lettered_as_the_one_before(label, before, typed):
    assert typed_label(label, before) == typed


def test_a_letter_is_read_only_before_a_closing_bracket():
    assert TYPED_NUMBER.match("(c)\tTo act;")["number"] == "c"
    assert TYPED_NUMBER.match("a) De prendre note")["number"] == "a"
    assert TYPED_NUMBER.match("a. To act") is None and TYPED_NUMBER.match("(ii)\tTo") is None


def test_past_z_the_number_stays_figures():
    assert shown_number("OP27", "z") == "27"
