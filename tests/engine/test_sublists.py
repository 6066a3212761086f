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


DOTTED = "Requests the Secretary-General:\n1.\tTo report;\n2.\tTo consult;\n3.\tTo publish;"


@pytest.mark.parametrize(("new", "expected"), [
    ("Requests the Secretary-General:\n1.\tTo report;\n3.\tTo publish;",
     "Requests the Secretary-General:\n1.\tTo report;\n2.\tTo publish;"),
    ("Requests the Secretary-General:\n1.\tTo report;\n2.\tTo brief;\n2.\tTo consult;\n"
     "3.\tTo publish;",
     "Requests the Secretary-General:\n1.\tTo report;\n2.\tTo brief;\n3.\tTo consult;\n"
     "4.\tTo publish;"),
    ("Requests the Secretary-General:\n1.\tTo report;\n3.\tTo publish;\n4.\tTo brief;",
     "Requests the Secretary-General:\n1.\tTo report;\n2.\tTo publish;\n3.\tTo brief;")],
    ids=["removed", "inserted", "removed and appended"])
def test_items_numbered_with_a_full_stop_are_numbered_again(new, expected):
    """"1.", "2." (Word's "List Number 2", or typed) count on as Word shows them, in the
    same form: a full stop, never a bracket."""
    assert relettered(DOTTED, new) == expected


def test_a_full_stop_list_counts_apart_from_a_bracketed_one():
    old = "Decides:\n1. A, through:\n(a) x;\n(b) y;\n2. B;\n3. C;"
    new = "Decides:\n1. A, through:\n(a) x;\n(c) z;\n3. C;"
    assert relettered(old, new) == "Decides:\n1. A, through:\n(a) x;\n(b) z;\n2. C;"


@pytest.mark.parametrize("line", ["(1. A;", "a. A;", "1.2 A;"])
def test_what_is_no_item_is_not_numbered_again(line):
    old = f"Decides:\n{line}\n1. B;\n2. C;"
    assert relettered(old, f"Decides:\n{line}\n2. C;") == f"Decides:\n{line}\n1. C;"
    assert relettered(f"Decides:\n{line}\n{line}", f"Decides:\n{line}") == f"Decides:\n{line}"


@pytest.mark.parametrize("between", ["(a bis)\tTo consult;", "a bis)\tTo consult;",
                                     "To consult;"], ids=["(a bis)", "a bis)", "no number"])
def test_a_line_added_between_two_items_reletters_nothing(between):
    """A new item typed "(a bis)", or a line with no number, between (a) and (b): the
    list goes on over it, so (b) stays (b), and the line keeps what it was typed with."""
    close = ")" if between.startswith("a") else ""
    one, two = ("a)", "b)") if close else ("(a)", "(b)")
    old = f"Decides:\n{one}\tTo consider;\n{two}\tTo include;"
    new = f"Decides:\n{one}\tTo consider;\n{between}\n{two}\tTo include;"
    assert relettered(old, new) == new


BETWEEN_CASES = {  # the draft's items, the line a revision adds, what the revision reads
    "(a bis)": ("(a)\tA;\n(b)\tB;", "(a)\tA;\n(a bis)\tNew;\n(b)\tB;",
                "(a)\tA;\n(b)\tNew;\n(c)\tB;"),
    "a bis) French": ("a) A;\nb) B;", "a) A;\na bis)\tNew;\nb) B;", "a) A;\nb) New;\nc) B;"),
    "(2 bis), (1) deleted": ("(1)\tA;\n(2)\tB;\n(3)\tC;", "(2)\tB;\n(2 bis)\tNew;\n(3)\tC;",
                             "(1)\tB;\n(2)\tNew;\n(3)\tC;"),
    "(c bis) Word's": ("(a) A;\n(b) B;\n(c) C;\n(d) D;", "(a) A;\n(c) C;\n(c bis)\tNew;\n(d) D;",
                       "(a) A;\n(b) C;\n(c) New;\n(d) D;"),
    "(b ter) last": ("(a)\tA;\n(b)\tB;", "(a)\tA;\n(b)\tB;\n(b ter)\tNew;",
                     "(a)\tA;\n(b)\tB;\n(c)\tNew;"),
    "no number": ("(a)\tA;\n(b)\tB;", "(a)\tA;\nNew;\n(b)\tB;", "(a)\tA;\nNew;\n(b)\tB;"),
    "(a bis) among letters skipped": ("(a)\tA;\n(c)\tC;", "(a)\tA;\n(a bis)\tNew;\n(c)\tC;",
                                      "(a)\tA;\n(a bis)\tNew;\n(c)\tC;"),
    "(1 bis) in no list": ("Text.", "Text.\n(1 bis)\tNew;", "Text.\n(1 bis)\tNew;"),
}


@pytest.mark.parametrize("case", BETWEEN_CASES.values(), ids=BETWEEN_CASES)
def test_a_revision_numbers_an_item_typed_between_two_in_turn(case):
    """A revision issued renumbers its lists as a whole (UN practice: an accepted "(a bis)"
    is the next revision's "(b)", as "6 bis." is "7."): the new item takes its place among
    its list's items, written as they are (a tab after Word's number "(c)" is a space),
    and those after it move on; a line with no number is no item and stays as it is, and
    so does an item where no list runs on (letters the drafters skipped, or no list)."""
    old, new, expected = (f"Decides:\n{text}" for text in case)
    assert relettered(old, new, between=True) == expected


@pytest.mark.parametrize("typed", ["(c)", "(b)", "(d)", "(a)"])
def test_a_new_item_takes_its_place_whatever_letter_it_was_typed_with(typed):
    """A delegation adds an item between (a) and (b) and types a letter on it by guess:
    the next free one ("(c)"), a stale one, anything. It stands second, so it is (b), and
    the old (b) is (c) (Rev.1 read "(a), (c), (a)": the list split where the letters went
    back, the second part lettered from (a) again)."""
    old = "Calls upon States:\n(a)\tTo protect tenure;\n(b)\tTo report;"
    new = f"Calls upon States:\n(a)\tTo protect tenure;\n{typed}\tTo protect access;\n" \
          "(b)\tTo report;"
    assert relettered(old, new) == ("Calls upon States:\n(a)\tTo protect tenure;\n"
                                    "(b)\tTo protect access;\n(c)\tTo report;")


def test_a_new_first_item_typed_as_the_first_letters_the_others_on():
    old = "Calls upon States:\n(a)\tA;\n(b)\tB;"
    assert relettered(old, "Calls upon States:\n(a)\tNew;\n(a)\tA;\n(b)\tB;") == \
        "Calls upon States:\n(a)\tNew;\n(b)\tA;\n(c)\tB;"
