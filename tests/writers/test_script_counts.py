"""The script of a text, for the words a new paragraph's suffix is typed in: a text with
no Arabic or Cyrillic character is told apart without counting its letters, and gives
what counting gives."""

import pytest

from drafting.writers.typed_numbers import _script


def counted(text):
    """`_script` by counting every letter (the reference)."""
    counts = {"arabic": 0, "cyrillic": 0, "": 0}
    for char in text:
        if char.isalpha():
            script = "arabic" if "\u0600" <= char <= "\u06ff" else \
                "cyrillic" if "\u0400" <= char <= "\u04ff" else ""
            counts[script] += 1
    return max(counts, key=lambda script: (counts[script], script == ""))


@pytest.mark.parametrize("text", [
    "", " ", "Decides to convene", "12 345", "Décide de convoquer", "决定召开", "５．",
    "يقرر أن يعقد", "постановляет созвать", "Decides ب", "Decides б and more", "٥٦٧",
    "Ж", "ب", "\u0600\u04ff", "\u0400x", "a\u06ffb", "Ab ру", "Ab руc", "x ، y",
])
def test_the_script_is_what_counting_the_letters_gives(text):
    assert _script(text) == counted(text)


def test_texts_of_each_script_are_told_apart():
    assert [_script(t) for t in ("Decides", "يقرر", "постановляет")] == \
        ["", "arabic", "cyrillic"]
