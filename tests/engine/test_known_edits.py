"""The words an amendment changed, repeated beside them: a diff cannot tell which copy is
the old one, so the amendment is stale; where the revision's edits are known, it moves by
offset through them and stays on its own words."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.engine.anchoring import map_span
from drafting.engine.equivalent import joined
from drafting.engine.known_edits import Step, carry, edited
from drafting.errors import StaleError
from drafting.model.amendment import Amendment, AmendmentKind, Span

OP24 = ("Requests the Secretary-General to submit to the General Assembly at its eighty-third "
        "session a report on the implementation of the present resolution;")
AFTER = "eighty-third session"
FINANCING = " a report on the financing of small-scale fisheries and"
REV1 = OP24.replace(AFTER, AFTER + FINANCING)
REPORT = Span(OP24.index("report"), OP24.index("report") + len("report"))
ON_IMPLEMENTATION = REV1.index("report on the implementation")


def test_words_inserted_beside_the_span_that_repeat_it_make_it_stale():
    """It was mapped onto the new 'report' on the financing, the one it never amended."""
    with pytest.raises(StaleError) as caught:
        map_span(OP24, REV1, REPORT)
    assert str(caught.value).startswith(
        "the words it amended, 'report', now occur twice near where they stood (")
    assert str(caught.value).endswith("): which of them it meant cannot be told")


def test_words_repeated_past_a_small_word_the_diff_kept_make_it_stale():
    """The diff kept " of " ("implementation of" / "financing of") and put the repeat
    further on: read from the last word, it matches the other "report"."""
    tidied = REV1.replace("present resolution", "resolution")
    with pytest.raises(StaleError, match="'report', now occur twice near where they stood"):
        map_span(OP24, tidied, REPORT)


def test_words_deleted_beside_the_span_that_repeat_it_make_it_stale():
    """Was "and a report" deleted after the first "a report", or "a report and" before
    the second? The text cannot say which "report" is left."""
    old = "Requests a report and a report on the implementation;"
    new = "Requests a report on the implementation;"
    with pytest.raises(StaleError, match="now occur twice near where they stood"):
        map_span(old, new, Span(old.index("report"), old.index("report") + 6))


WORDS = st.lists(st.text("abcdefgh", min_size=1, max_size=3), min_size=2, max_size=10,
                 unique=True)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, data=st.data())
def test_inserted_copies_of_a_paragraphs_words_never_take_a_spans_place(words, data):
    """Words inserted that repeat some of the paragraph's own (among new ones): the span
    is found where it stood, or is stale; never on the copy."""
    n = len(words)
    first = data.draw(st.integers(0, n - 1), label="first word of span")
    last = data.draw(st.integers(first, n - 1), label="last word of span")
    at = data.draw(st.sampled_from([*range(first + 1), *range(last + 1, n + 1)]),
                   label="inserted before word")
    a = data.draw(st.integers(0, n - 1), label="copied from")
    b = data.draw(st.integers(a + 1, n), label="copied to")
    extra = data.draw(st.lists(st.text("XY", min_size=1, max_size=2), max_size=2))
    inserted = extra[:1] + words[a:b] + extra[1:]
    old, new = " ".join(words), " ".join(words[:at] + inserted + words[at:])
    start = len(" ".join(words[:first])) + (first > 0)
    span = Span(start, start + len(" ".join(words[first:last + 1])))
    shift = len(" ".join(inserted)) + 1 if at <= first else 0
    try:
        mapped = map_span(old, new, span)
    except StaleError:
        return
    assert mapped == Span(span.start + shift, span.end + shift)


def test_a_known_insertion_is_drawn_where_it_was_made_not_over_the_same_words_beside_it():
    at = OP24.index(AFTER) + len(AFTER)
    step = edited(OP24, REV1, at, at)
    assert step.diffs == ((0, OP24[:at]), (1, FINANCING), (0, OP24[at:]))


def test_a_span_moves_through_known_edits_by_offset_onto_its_own_words():
    at = OP24.index(AFTER) + len(AFTER)
    mapped = map_span(OP24, REV1, REPORT, diffs=list(edited(OP24, REV1, at, at).diffs),
                      known=True)
    assert mapped == Span(ON_IMPLEMENTATION, ON_IMPLEMENTATION + len("report"))


def test_a_known_deletion_that_takes_a_space_with_it_is_drawn_over_that_space():
    """A deletion leaves no two spaces behind it (`joined`): the step covers the space."""
    old = "Supports fishers in coastal communities;"
    start, end = old.index("coastal"), old.index("coastal") + len("coastal")
    new = joined(old[:start], "", old[end:])
    assert new == "Supports fishers in communities;"
    step = edited(old, new, start, end)
    assert step.diffs == ((0, "Supports fishers in "), (-1, "coastal "), (0, "communities;"))
    after = map_span(old, new, Span(old.index("communities"), len(old) - 1),
                     diffs=list(step.diffs), known=True)
    assert new[after.start:after.end] == "communities"


def _replace_report() -> Amendment:
    return Amendment("A1", AmendmentKind.REPLACE, "op24", "Zero draft", ("JPN",), span=REPORT,
                     old_text="report", new_text="study")


def test_carry_follows_known_steps_then_diffs_the_tidying_after():
    at = OP24.index(AFTER) + len(AFTER)
    tidied = REV1.replace("present resolution", "resolution")
    moved = carry(_replace_report(), OP24, tidied, "Rev.1", [edited(OP24, REV1, at, at)])
    assert moved.revision == "Rev.1"
    assert moved.span == Span(ON_IMPLEMENTATION, ON_IMPLEMENTATION + len("report"))


def test_carry_through_a_step_not_known_exactly_is_stale_where_the_diff_is_unsure():
    with pytest.raises(StaleError, match="now occur twice"):
        carry(_replace_report(), OP24, REV1, "Rev.1", [Step(OP24, REV1)])


def test_steps_that_do_not_start_from_the_old_text_are_not_used():
    elsewhere = edited(REV1, REV1 + " Adopted.", len(REV1), len(REV1))
    with pytest.raises(StaleError, match="now occur twice"):
        carry(_replace_report(), OP24, REV1, "Rev.1", [elsewhere])
