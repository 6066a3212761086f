"""Runs spelt out as markup: unmarked text is one run, as its pieces would make it."""

import pytest

from drafting.model.marks import pieces
from drafting.ooxml.markup import Run, form_of, styled


@pytest.mark.parametrize("text", ["", "a", "Requests the Secretary-General\tto\nsubmit"])
@pytest.mark.parametrize("form", [{}, {"strike": True}])
def test_unmarked_text_is_styled_as_its_pieces_give_it(text, form):
    by_pieces = [Run(piece, **{**form_of(styles), **form})
                 for piece, styles in pieces(text, (), 7) if piece]
    assert styled(text, (), 7, **form) == by_pieces
