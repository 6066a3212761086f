"""Formatting marks: merged, cut into styled pieces, and carried through a change."""

import pytest

from drafting.model.marks import Mark, Style, carried, normalised, pieces

IT, B = Style.ITALIC, Style.BOLD


def test_marks_of_one_style_merge_where_they_touch_or_overlap_and_are_cut_at_the_end():
    assert normalised([Mark(4, 6, IT), Mark(0, 4, IT), Mark(5, 9, IT), Mark(2, 3, B)],
                      length=8) == (Mark(0, 8, IT), Mark(2, 3, B))
    with pytest.raises(ValueError, match="at least one character"):
        Mark(3, 3, IT)


def test_pieces_cut_text_where_its_styles_change():
    text = "Recalling its resolution"
    assert pieces(text, [Mark(0, 9, IT), Mark(14, 24, B)]) == [
        ("Recalling", frozenset({IT})), (" its ", frozenset()), ("resolution", frozenset({B}))]
    assert pieces(text[5:12], [Mark(0, 9, IT)], 5) == [("ling", frozenset({IT})),
                                                   (" it", frozenset())]


def test_carried_keeps_kept_words_drops_deleted_ones_and_marks_insertions_inside_a_mark():
    # "Noting with concern the state" -> "Noting with deep concern the state of"
    diffs = [(0, "Noting with "), (1, "deep "), (0, "concern the state"), (1, " of")]
    assert carried([Mark(0, 19, IT)], diffs) == (Mark(0, 24, IT),)
    deleted = [(0, "Noting "), (-1, "with concern "), (0, "the state")]
    assert carried([Mark(0, 19, IT)], deleted) == (Mark(0, 7, IT),)  # "Noting "
    edge = [(1, "Also "), (0, "Noting the state")]  # at the edge of a mark: not inside it
    assert carried([Mark(0, 6, IT)], edge) == (Mark(5, 11, IT),)
