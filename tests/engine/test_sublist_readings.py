"""How a list's item numbers are read where a number reads two ways ("(i)": a letter after
"(h)", one in a roman list), how a revision reletters a list that lost its first item,
and how a diff shows an item inserted or removed: that item alone, not the letters after
it."""

from __future__ import annotations

from itertools import pairwise

import pytest

from drafting.engine.diff import _segments
from drafting.engine.segments import Text
from drafting.engine.sublists import relettered, unrelettered


def _list(numbers: str | list[str], head: str = "Calls upon States:") -> str:
    return "\n".join([head, *(f"({n}) W{n};" for n in numbers)])


def _without(text: str, *numbers: str) -> str:
    return "\n".join(line for line in text.split("\n")
                     if not line.startswith(tuple(f"({n}) " for n in numbers)))


ROMAN = ["i", "ii", "iii", "iv", "v"]


@pytest.mark.parametrize(("old", "gone", "expected"), [
    (_list("abcdefghi"), ("b",), "Calls upon States:\n" + "\n".join(
        f"({new}) W{was};" for new, was in zip("abcdefgh", "acdefghi", strict=True))),
    (_list("abcdefghij"), ("h",), "Calls upon States:\n" + "\n".join(
        f"({new}) W{was};" for new, was in zip("abcdefghi", "abcdefgij", strict=True))),
    (_list("abc"), ("a",), "Calls upon States:\n(a) Wb;\n(b) Wc;"),
    (_list(ROMAN), ("i",), "Calls upon States:\n" + "\n".join(
        f"({new}) W{was};" for new, was in pairwise(ROMAN))),
    (_list(ROMAN), ("ii",), "Calls upon States:\n" + "\n".join(
        f"({new}) W{was};" for new, was in zip(ROMAN, ["i", *ROMAN[2:]], strict=False)))],
    ids=["letters to (i)", "(i) after (g)", "first letter", "first roman", "roman"])
def test_a_revision_reletters_from_where_the_list_started(old, gone, expected):
    assert relettered(old, _without(old, *gone)) == expected


def test_an_articles_first_line_numbered_is_renumbered_once_it_is_the_only_one():
    """An article's paragraph whose first line Word numbers ("1. ..."), the first line
    deleted: the one left is "1." as Word numbers it; a paragraph that opens with no
    item is left as it is."""
    assert relettered("1. Each Party shall act.\n2. Each Party shall report.",
                      "2. Each Party shall report.") == "1. Each Party shall report."
    assert relettered("Decides:\n1. To act;\n2. To report.", "2. To report.") == \
        "2. To report."


NESTED = ("Calls upon States:\n(a) A;\n(b) B;\n(c) C;\n(d) D;\n(e) E;\n(f) F;\n(g) G;\n"
          "(h) H, through:\n(i) x;\n(ii) y;\n(iii) z;\n(i) I;")
"""Roman items under "(h)", then the letter "(i)"."""


def test_roman_items_under_h_are_a_list_of_their_own():
    new = NESTED.replace("(b) B;\n", "")
    assert relettered(NESTED, new) == new.replace("(c) C", "(b) C").replace(
        "(d) D", "(c) D").replace("(e) E", "(d) E").replace("(f) F", "(e) F").replace(
        "(g) G", "(f) G").replace("(h) H", "(g) H").replace("(i) I", "(h) I")
    without_x = NESTED.replace("(i) x;\n", "")
    assert relettered(NESTED, without_x) == without_x.replace("(ii) y", "(i) y").replace(
        "(iii) z", "(ii) z")


OLD = "Calls upon States:\n(a) A;\n(b) B, through:\n(i) x;\n(ii) y;\n(c) C;"


def _shown(segments) -> list[tuple[str, str] | str]:
    return [s.text if isinstance(s, Text) else (s.deleted, s.inserted) for s in segments]


@pytest.mark.parametrize(("new", "shown"), [
    ("Calls upon States:\n(a) A;\n(b) C;",
     ["Calls upon States:\n(a) A;", ("\n(b) B, through:\n(i) x;\n(ii) y;", ""), "\n(c) C;"]),
    ("Calls upon States:\n(a) B, through:\n(i) x;\n(ii) y;\n(b) C;",
     ["Calls upon States:", ("\n(a) A;", ""), "\n(b) B, through:\n(i) x;\n(ii) y;\n(c) C;"]),
    ("Calls upon States:\n(a) A;\n(b) N;\n(c) B, through:\n(i) x;\n(ii) y;\n(d) C;",
     ["Calls upon States:\n(a) A;", ("", "\n(b) N;"),
      "\n(b) B, through:\n(i) x;\n(ii) y;\n(c) C;"]),
    ("Calls upon States:\n(a) A;\n(b) B, through:\n(i) y;\n(c) C;",
     ["Calls upon States:\n(a) A;\n(b) B, through:", ("\n(i) x;", ""), "\n(ii) y;\n(c) C;"])],
    ids=["item removed", "first removed", "item inserted", "nested removed"])
def test_a_diff_shows_the_item_not_the_relettering(new, shown):
    assert _shown(_segments(OLD, new)) == shown


def test_letters_changed_otherwise_are_a_change():
    swapped = "Calls upon States:\n(a) A;\n(c) B, through:\n(i) x;\n(ii) y;\n(b) C;"
    assert unrelettered(OLD, swapped) == swapped
    assert _shown(_segments(OLD, swapped)) == [  # each number changed whole
        "Calls upon States:\n(a) A;\n", ("(b)", "(c)"), " B, through:\n(i) x;\n(ii) y;\n",
        ("(c)", "(b)"), " C;"]


def test_a_diff_shows_the_item_numbered_with_a_full_stop_not_the_numbering():
    """Items "1.", "2." (Word's "List Number 2"): the item removed is the change, the
    numbers after it are not; with ``renumbered``, each number changed is one change."""
    old = "Calls upon States:\n1. A;\n2. B;\n3. C;"
    new = "Calls upon States:\n1. A;\n2. C;"
    assert unrelettered(old, new) == "Calls upon States:\n1. A;\n3. C;"
    assert _shown(_segments(old, new)) == [
        "Calls upon States:\n1. A;", ("\n2. B;", ""), "\n3. C;"]
    assert _shown(_segments(old, new, renumbered=True)) == [
        "Calls upon States:\n1. A;", ("\n2. B;", ""), "\n", ("3.", "2."), " C;"]
