"""Anchoring: amendments follow their words from one revision to the next, or go stale."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.engine import anchoring
from drafting.engine.anchoring import map_span, rebase, word_diff
from drafting.errors import StaleError
from drafting.model.amendment import Amendment, AmendmentKind, Span

OP2 = "Requests the Secretary-General to submit a report on the implementation of this resolution;"


def span_of(text: str, words: str) -> Span:
    start = text.index(words)
    assert text.find(words, start + 1) == -1, "test text must quote unique words"
    return Span(start, start + len(words))


def amendment(kind: AmendmentKind, span: Span | None = None, anchor: Span | None = None,
              old_text: str = "") -> Amendment:
    return Amendment("a1", kind, "p2", "Zero draft", ("EU",), span=span, anchor=anchor,
                     old_text=old_text, new_text="present")


def old_and_new(diffs: list[tuple[int, str]]) -> tuple[str, str]:
    return ("".join(t for op, t in diffs if op <= 0), "".join(t for op, t in diffs if op >= 0))


# --- word_diff ---------------------------------------------------------------------------------

def test_word_diff_changes_whole_words_not_character_pieces():
    new = OP2.replace("submit", "transmit")
    assert word_diff(OP2, new) == [
        (0, "Requests the Secretary-General to "), (-1, "submit"), (1, "transmit"),
        (0, " a report on the implementation of this resolution;"),
    ]


def test_word_diff_never_splits_a_word_even_where_words_share_letters():
    new = OP2.replace("a report", "an oral update")
    assert word_diff(OP2, new) == [
        (0, "Requests the Secretary-General to submit "), (-1, "a report"),
        (1, "an oral update"), (0, " on the implementation of this resolution;"),
    ]


def test_word_diff_rebuilds_both_texts():
    new = "Also requests the Secretary-General to present a short report, within resources;"
    assert old_and_new(word_diff(OP2, new)) == (OP2, new)


def test_word_diff_keeps_arabic_words_with_their_vowel_marks_whole():
    old, new = "بِسْمِ اللَّهِ الرَّحْمَنِ", "بِسْمِ اللَّهُ الرَّحْمَنِ"
    assert word_diff(old, new) == [
        (0, "بِسْمِ "), (-1, "اللَّهِ"), (1, "اللَّهُ"), (0, " الرَّحْمَنِ"),
    ]


def test_word_diff_takes_chinese_character_by_character():
    # Chinese has no spaces: a run of word characters would be a whole clause.
    assert word_diff("请秘书长提交报告。", "请秘书长转交报告。") == [
        (0, "请秘书长"), (-1, "提"), (1, "转"), (0, "交报告。"),
    ]


def test_word_diff_of_two_unlike_long_texts_stops_at_its_time_limit():
    """Two paragraphs as long as allowed, sharing their words in no order: comparing them
    fully would take minutes; the diff stops after DIFF_SECONDS and is still a diff of
    the two texts (the rest as one deletion and one insertion)."""
    import random
    import time

    from drafting.limits import DIFF_SECONDS, MAX_PARAGRAPH_CHARS

    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(3000)]

    def text() -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(20_000))[:MAX_PARAGRAPH_CHARS]

    old, new = text(), text()
    started = time.perf_counter()
    diffs = word_diff(old, new, remember=False)
    assert time.perf_counter() - started < DIFF_SECONDS + 10
    assert old_and_new(diffs) == (old, new)


# --- map_span: drift around the span -----------------------------------------------------------

def test_words_added_before_the_span_shift_it_by_their_length():
    new = "Also requests the Secretary-General, in consultation with Member States, " \
          "to submit a report on the implementation of this resolution;"
    span = span_of(OP2, "submit a report")
    added = len("Also r") - len("R") + len(", in consultation with Member States,")
    mapped = map_span(OP2, new, span)
    assert mapped == Span(span.start + added, span.end + added)
    assert new[mapped.start:mapped.end] == "submit a report"


def test_words_removed_before_the_span_shift_it_back():
    new = "Requests to submit a report on the implementation of this resolution;"
    span = span_of(OP2, "the implementation")
    removed = len(" the Secretary-General")
    assert map_span(OP2, new, span) == Span(span.start - removed, span.end - removed)


def test_words_changed_after_the_span_leave_it_where_it_was():
    new = "Requests the Secretary-General to submit a report to the General Assembly at its " \
          "eighty-second session;"
    span = span_of(OP2, "submit a report")
    assert map_span(OP2, new, span) == span


def test_an_identical_text_keeps_the_span():
    span = span_of(OP2, "a report")
    assert map_span(OP2, OP2, span) == span


def test_words_inserted_right_before_or_after_the_span_stay_outside_it():
    new = "Requests the Secretary-General to promptly submit a report in writing on the " \
          "implementation of this resolution;"
    mapped = map_span(OP2, new, span_of(OP2, "submit a report"))
    assert mapped == span_of(new, "submit a report")


# --- map_span: changes to the span's own words -------------------------------------------------

def test_a_word_changed_inside_the_span_makes_it_stale_and_says_what_it_became():
    new = OP2.replace("submit", "transmit")
    with pytest.raises(StaleError) as caught:
        map_span(OP2, new, span_of(OP2, "submit"))
    assert str(caught.value) == \
        "the words it amended, 'submit', were changed to 'transmit' since it was made"
    with pytest.raises(StaleError, match="'submit a report', were changed to 'transmit a report'"):
        map_span(OP2, new, span_of(OP2, "submit a report"))


def test_deleted_words_make_the_span_stale():
    old = "Decides to convene the meeting, within existing resources, in 2026;"
    new = "Decides to convene the meeting in 2026;"
    with pytest.raises(StaleError) as caught:
        map_span(old, new, span_of(old, "within existing resources"))
    assert str(caught.value) == \
        "the words it amended, 'within existing resources', were deleted since it was made"


def test_a_word_inserted_strictly_inside_the_span_makes_it_stale():
    new = OP2.replace("a report", "a comprehensive report")
    with pytest.raises(StaleError, match="were changed to 'submit a comprehensive report'"):
        map_span(OP2, new, span_of(OP2, "submit a report"))


def test_a_span_partly_over_a_change_is_stale():
    new = OP2.replace("a report", "an oral update")
    with pytest.raises(StaleError, match="'to submit a'"):
        map_span(OP2, new, span_of(OP2, "to submit a"))


def test_a_point_moves_with_the_text_and_is_stale_inside_a_deleted_stretch():
    new = OP2.replace(" on the implementation of this resolution", "")
    at_end = len(OP2) - 1  # before the semicolon
    assert map_span(OP2, new, Span(at_end, at_end)) == Span(len(new) - 1, len(new) - 1)
    inside = OP2.index("implementation")
    with pytest.raises(StaleError, match="' on the implementation of this resolution', "
                                         "were deleted"):
        map_span(OP2, new, Span(inside, inside))


def test_a_precomputed_diff_gives_the_same_answers_and_must_fit_the_texts():
    new = "Further requests the Secretary-General to submit a report on this resolution;"
    diffs = word_diff(OP2, new)
    span = span_of(OP2, "submit a report")
    assert map_span(OP2, new, span, diffs=diffs) == map_span(OP2, new, span)
    with pytest.raises(ValueError, match="not a diff"):
        map_span(OP2, new + " ", span, diffs=diffs)
    with pytest.raises(ValueError, match="runs past"):
        map_span(OP2, new, Span(0, len(OP2) + 1))


def test_arabic_span_follows_drift_and_goes_stale_when_its_word_changes():
    old = "يطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار؛"
    drift = "يطلب كذلك إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار؛"
    span = span_of(old, "يقدم تقريرا")
    mapped = map_span(old, drift, span)
    assert mapped == Span(span.start + len("كذلك "), span.end + len("كذلك "))
    assert drift[mapped.start:mapped.end] == "يقدم تقريرا"
    with pytest.raises(StaleError, match="'يقدم تقريرا', were changed to 'يحيل تقريرا'"):
        map_span(old, old.replace("يقدم", "يحيل"), span)


def test_chinese_span_follows_drift_and_goes_stale_when_a_character_changes():
    old = "请秘书长提交关于本决议执行情况的报告；"
    drift = "还请秘书长提交关于本决议执行情况的报告；"
    span = span_of(old, "执行情况")
    assert map_span(old, drift, span) == Span(span.start + 1, span.end + 1)
    with pytest.raises(StaleError, match="'执行情况', were changed to '落实情况'"):
        map_span(old, old.replace("执行", "落实"), span)
    assert map_span(old, old.replace("提交", "转交"), span) == span


# --- rebase ------------------------------------------------------------------------------------

def test_rebase_moves_a_replacement_and_relabels_it():
    new = "Also requests the Secretary-General to submit a report on this resolution;"
    old_amendment = amendment(AmendmentKind.REPLACE, span_of(OP2, "submit"), old_text="submit")
    moved = rebase(old_amendment, OP2, new, "Rev.1")
    assert moved.revision == "Rev.1"
    assert moved.span == span_of(new, "submit")
    assert new[moved.span.start:moved.span.end] == moved.old_text == "submit"
    assert (moved.id, moved.new_text, moved.proponents) == ("a1", "present", ("EU",))


@pytest.mark.parametrize("kind", [AmendmentKind.DELETE, AmendmentKind.BRACKET])
def test_rebase_maps_deletions_and_brackets_and_stales_them(kind):
    old = "Decides to convene the meeting, within existing resources, in 2026;"
    span = span_of(old, "within existing resources")
    drift = "Also decides to convene the meeting, within existing resources, in 2026;"
    assert rebase(amendment(kind, span), old, drift, "Rev.1").span == span_of(
        drift, "within existing resources")
    with pytest.raises(StaleError, match="were changed to 'within available resources'"):
        rebase(amendment(kind, span), old, old.replace("existing", "available"), "Rev.1")


FISHERS = "Encourages support for small-scale fishers in coastal communities;"


def test_an_insertion_after_its_anchor_follows_the_anchor():
    anchor = span_of(FISHERS, "small-scale fishers")
    ins = amendment(AmendmentKind.INSERT, Span(anchor.end, anchor.end), anchor)
    # Words arrive before the anchor, and right after it (where the point was).
    new = "Strongly encourages support for small-scale fishers, women and youth in coastal " \
          "communities;"
    moved = rebase(ins, FISHERS, new, "Rev.1")
    assert moved.anchor == span_of(new, "small-scale fishers")
    assert moved.span == Span(moved.anchor.end, moved.anchor.end)
    assert new[moved.span.start:].startswith(", women")


def test_an_insertion_before_its_anchor_follows_the_anchor():
    anchor = span_of(FISHERS, "coastal communities")
    ins = amendment(AmendmentKind.INSERT, Span(anchor.start, anchor.start), anchor)
    new = "Encourages support for small-scale fishers in vulnerable coastal communities;"
    moved = rebase(ins, FISHERS, new, "Rev.1")
    assert moved.anchor == span_of(new, "coastal communities")
    assert moved.span == Span(moved.anchor.start, moved.anchor.start)
    assert new[:moved.span.start].endswith("vulnerable ")


def test_an_insertion_whose_anchor_changed_is_stale():
    anchor = span_of(FISHERS, "small-scale fishers")
    ins = amendment(AmendmentKind.INSERT, Span(anchor.end, anchor.end), anchor)
    new = FISHERS.replace("small-scale", "artisanal")
    with pytest.raises(StaleError) as caught:
        rebase(ins, FISHERS, new, "Rev.1")
    assert str(caught.value) == ("the words it goes after, 'small-scale fishers', were changed "
                                 "to 'artisanal fishers' since it was made")


def test_an_insertion_without_anchor_maps_its_point_alone():
    point = FISHERS.index(" in coastal")
    ins = amendment(AmendmentKind.INSERT, Span(point, point))
    new = "Encourages, as appropriate, support for small-scale fishers in coastal communities;"
    moved = rebase(ins, FISHERS, new, "Rev.1")
    shifted = point + len(", as appropriate,")
    assert moved.span == Span(shifted, shifted)
    assert moved.anchor is None


@pytest.mark.parametrize("kind", [AmendmentKind.ALTERNATIVE, AmendmentKind.RETAIN,
                                  AmendmentKind.DELETE_PARAGRAPH])
def test_whole_paragraph_kinds_are_stale_once_the_text_changes(kind):
    whole = amendment(kind)
    assert rebase(whole, OP2, OP2, "Rev.1") == replace(whole, revision="Rev.1")
    with pytest.raises(StaleError, match=r"paragraph changed in Rev\.1"):
        rebase(whole, OP2, OP2.replace("submit", "present"), "Rev.1")


def test_a_new_paragraph_is_never_stale():
    new_para = amendment(AmendmentKind.NEW_PARAGRAPH)
    moved = rebase(new_para, OP2, "Decides to remain seized of the matter.", "Rev.2")
    assert moved.revision == "Rev.2"


def test_an_unchanged_text_is_relabelled_without_diffing(monkeypatch):
    def no_diff(old: str, new: str) -> list[tuple[int, str]]:
        raise AssertionError("diffed an unchanged text")

    monkeypatch.setattr(anchoring, "word_diff", no_diff)
    span = span_of(OP2, "submit")
    moved = rebase(amendment(AmendmentKind.REPLACE, span), OP2, OP2, "Rev.1")
    assert (moved.span, moved.revision) == (span, "Rev.1")


def test_a_span_kind_without_a_span_is_refused():
    with pytest.raises(ValueError, match="has no span"):
        rebase(amendment(AmendmentKind.REPLACE), OP2, OP2 + " ", "Rev.1")


# --- properties --------------------------------------------------------------------------------

# Words are unique (a repeated word makes it ambiguous which copy changed; then the answer may
# be stale, and the second property shows it is never wrong). Inserted words are upper case, so
# they can never be mistaken for an old word.
OLD_WORDS = st.lists(st.text("abcdefgh", min_size=1, max_size=5), min_size=1, max_size=12,
                     unique=True)
NEW_WORDS = st.lists(st.text("XYZ", min_size=1, max_size=4), min_size=1, max_size=4)


@settings(max_examples=200, deadline=None)
@given(words=OLD_WORDS, data=st.data())
def test_edits_outside_the_span_never_make_it_stale(words, data):
    n = len(words)
    first = data.draw(st.integers(0, n - 1), label="first word of span")
    last = data.draw(st.integers(first, n - 1), label="last word of span")
    before = data.draw(st.booleans(), label="edit before the span")
    lo, hi = (0, first) if before else (last + 1, n)
    i = data.draw(st.integers(lo, hi), label="edit from")
    j = data.draw(st.integers(i, hi), label="edit to")
    inserted = data.draw(NEW_WORDS) if i == j else data.draw(st.one_of(st.just([]), NEW_WORDS))
    old = " ".join(words)
    start = len(" ".join(words[:first])) + (first > 0)
    span = Span(start, start + len(" ".join(words[first:last + 1])))
    new = " ".join(words[:i] + inserted + words[j:])
    mapped = map_span(old, new, span)
    assert new[mapped.start:mapped.end] == old[span.start:span.end]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(["to", "a", "the", "report", "submit", ",", "[", "]"]),
                      max_size=14),
       edits=st.lists(st.tuples(st.integers(0, 14), st.integers(0, 3),
                                st.lists(st.sampled_from(["the", "a", "note", ","]),
                                         max_size=3)), min_size=1, max_size=3),
       data=st.data())
def test_a_mapped_span_always_holds_the_same_words(words, edits, data):
    old = " ".join(words)
    new_words = list(words)
    for at, length, inserted in edits:
        at = min(at, len(new_words))
        new_words[at:at + length] = inserted
    new = " ".join(new_words)
    start = data.draw(st.integers(0, len(old)), label="span start")
    end = data.draw(st.integers(start, len(old)), label="span end")
    try:
        mapped = map_span(old, new, Span(start, end))
    except StaleError:
        return
    assert new[mapped.start:mapped.end] == old[start:end]


def _tokens_char_by_char(text):
    """`tokens` as it was first written: each character's kind, cut where kinds change."""
    from itertools import pairwise

    from drafting.engine.anchoring import _kind

    kinds = [_kind(c) for c in text]
    cuts = [i for i, k in enumerate(kinds) if i == 0 or k is None or k != kinds[i - 1]]
    return [text[a:b] for a, b in pairwise([*cuts, len(text)])]


@given(st.text(alphabet=st.sampled_from(
    "ab Z_9 \t\n.,;’“”-–[]()\u00e9\u0301\u064e\u0628\u0644\u4e2d\u6587\u3042\u0915\u093e"
    "\u00a0\u2028\U00020001\u0660"), max_size=60))
def test_tokens_cut_words_spaces_and_marks_as_the_character_by_character_reading(text):
    from drafting.engine.anchoring import tokens

    assert tokens(text) == _tokens_char_by_char(text)
    assert "".join(tokens(text)) == text
