"""Runs spelt out as markup: unmarked text is one run, as its pieces would make it; and
the marks runs make, plain runs none."""

import itertools

import pytest

from drafting.model.marks import Mark, Style, normalised, pieces
from drafting.ooxml.markup import Run, form_of, marks_of, styled


@pytest.mark.parametrize("text", ["", "a", "Requests the Secretary-General\tto\nsubmit"])
@pytest.mark.parametrize("form", [{}, {"strike": True}])
def test_unmarked_text_is_styled_as_its_pieces_give_it(text, form):
    by_pieces = [Run(piece, **{**form_of(styles), **form})
                 for piece, styles in pieces(text, (), 7) if piece]
    assert styled(text, (), 7, **form) == by_pieces


def _marks_the_long_way(runs):
    """`marks_of` flag by flag for every run (the reference for its plain-words shortcut)."""
    flags = {Style.ITALIC: "italic", Style.BOLD: "bold", Style.UNDERLINE: "underline",
             Style.SMALL_CAPS: "small_caps"}
    raised = {Style.SUPERSCRIPT: "superscript", Style.SUBSCRIPT: "subscript"}
    found, at = [], 0
    for run in runs:
        shown = [style for style, name in flags.items() if getattr(run, name)]
        shown += [style for style, name in raised.items() if run.raised == name]
        found += [Mark(at, at + len(run.text), style) for style in shown if run.text]
        at += len(run.text)
    return normalised(found)


_FORMS = [{}, {"strike": True}, {"italic": True}, {"bold": True}, {"underline": True},
          {"small_caps": True}, {"raised": "superscript"}, {"raised": "subscript"},
          {"bold": True, "strike": True}]


@pytest.mark.parametrize("texts", [("",), ("words",), ("a", "b"), ("", "two words", " x")])
def test_the_marks_of_runs_are_what_reading_every_flag_gives(texts):
    for forms in itertools.product(_FORMS, repeat=len(texts)):
        runs = [Run(text, **form) for text, form in zip(texts, forms, strict=True)]
        assert marks_of(runs) == _marks_the_long_way(runs)
    assert marks_of([Run("plain"), Run(" struck", strike=True)]) == ()
