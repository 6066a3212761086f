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


def test_past_z_the_letter_doubles_and_past_zzz_the_number_stays_figures():
    # This test expected "27" after "z" (figures past z) before UN practice "(aa)" was typed.
    assert shown_number("OP27", "z") == "aa" and shown_number("OP28 bis", "aa") == "bb bis"
    assert shown_number("OP79", "zzz") == "79"


def test_a_doubled_letter_is_read_as_a_typed_number_but_never_the_numeral_ii():
    assert TYPED_NUMBER.match("(aa)\tTo act;")["number"] == "aa"
    assert TYPED_NUMBER.match("(iii)\tTo act;") is None
    assert typed_label("OP27 bis", "(aa)\t") == "(aa bis)\t"


@pytest.mark.parametrize(("label", "typed", "shown"), [
    ("OP2", "\u0430", "\u0431"), ("OP10", "\u0438", "\u043a"),  # Russian: no "й" after "и"
    ("OP3", "\u0628", "\u062c"), ("OP5", "\u062f", "\u0647\u0640"),  # Arabic: abjad, "هـ"
    ("OP6", "\u0647\u0640", "\u0648")])
def test_russian_and_arabic_items_are_lettered_in_their_own_letters(label, typed, shown):
    assert TYPED_NUMBER.match(f"({typed})\tText")["number"] == typed
    assert shown_number(label, typed) == shown
