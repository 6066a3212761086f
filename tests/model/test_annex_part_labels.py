"""A part of an annex keyed in it (``ANNEX B PART I.1``: paragraph 1 of Part I of Annex
B, where Annex A's Part I is ``I``): read in any case and spacing, renumbered within the
part, and typed as the part numbers it ("1")."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from drafting.model.labels import (
    Label,
    next_label,
    normalize_label,
    parse_label,
    renumber,
    typed_number,
)

_PARTS = st.builds(
    lambda annex, kind, key: f"{annex} {kind} {key}",
    st.sampled_from(["ANNEX", "ANNEX B", "ANNEX II", "APPENDIX 12", "ANNEX Cbis"]),
    st.sampled_from(["PART", "CHAPTER", "SECTION"]),
    st.sampled_from(["I", "XIV", "A", "3", "12A"]))


@given(section=_PARTS, number=st.integers(0, 9999), suffix=st.integers(0, 40))
def test_a_part_of_an_annex_reads_back_as_written_in_any_case(section, number, suffix):
    label = Label("OP", number, suffix, section)
    for spelling in (str(label), str(label).lower(), str(label).replace(" ", "")):
        assert parse_label(spelling) == label
    assert normalize_label(str(label).upper()) == str(label)


def test_a_part_of_an_annex_counts_its_own_paragraphs():
    assert parse_label("annex b part ii.3 bis") == Label("OP", 3, 1, "ANNEX B PART II")
    assert typed_number("ANNEX B PART II.3 bis") == "3 bis"
    assert next_label("ANNEX B PART I.1", ["ANNEX B PART I.1 bis"]) == "ANNEX B PART I.1 ter"
    assert renumber(["I.1", "ANNEX B PART I.1", "ANNEX B PART I.1 bis",
                     "ANNEX B PART II.1"]) == {
        "I.1": "I.1", "ANNEX B PART I.1": "ANNEX B PART I.1",
        "ANNEX B PART I.1 bis": "ANNEX B PART I.2", "ANNEX B PART II.1": "ANNEX B PART II.1"}
