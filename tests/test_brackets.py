import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting import brackets
from drafting.brackets import (
    Bracket,
    BracketFault,
    BracketGroup,
    agree,
    choose,
    count,
    delete,
    faults,
    groups,
    parse,
    unparse,
)
from drafting.errors import BracketError, InputError

# Parsing ---------------------------------------------------------------------


def test_empty_text_has_no_nodes():
    assert parse("") == ()
    assert unparse(()) == ""


def test_plain_text_is_one_piece():
    assert parse("Decides to act;") == ("Decides to act;",)


def test_one_bracket():
    assert parse("Requests [urgently] the report;") == (
        "Requests ",
        Bracket((("urgently",),)),
        " the report;",
    )


def test_alternatives_with_spaced_slash():
    assert parse("to [submit / present / transmit (G77)] a report") == (
        "to ",
        Bracket((("submit",), ("present",), ("transmit (G77)",)), (" / ", " / ")),
        " a report",
    )


def test_symbol_slashes_are_text_outside_and_inside_brackets():
    assert parse("Recalling A/RES/70/1,") == ("Recalling A/RES/70/1,",)
    assert parse("[A/RES/70/1]") == (Bracket((("A/RES/70/1",),)),)
    assert parse("[A/RES/70/1 / A/RES/71/2]") == (
        Bracket((("A/RES/70/1",), ("A/RES/71/2",)), (" / ",)),
    )
    assert parse("[and/or]") == (Bracket((("and/or",),)),)


def test_nested_brackets():
    assert parse("[a [b] c]") == (Bracket((("a ", Bracket((("b",),)), " c"),)),)


def test_separator_inside_a_nested_bracket_belongs_to_it():
    inner = Bracket((("x",), ("y",)), (" / ",))
    assert parse("[a [x / y] / b]") == (Bracket((("a ", inner), ("b",)), (" / ",)),)


def test_adjacent_brackets_stay_separate_nodes():
    assert parse("[submit][present]") == (Bracket((("submit",),)), Bracket((("present",),)))


def test_empty_bracket_and_empty_alternative():
    assert parse("[]") == (Bracket(((),)),)
    assert parse("a [ / b]") == ("a ", Bracket(((), ("b",)), (" / ",)))


def test_chinese_bare_slash_separates_alternatives():
    assert parse("请秘书长[提交/提出]报告") == (
        "请秘书长",
        Bracket((("提交",), ("提出",)), ("/",)),
        "报告",
    )
    # one wide neighbour is enough; kana count as wide
    assert parse("[报告/report]")[0].alternatives == (("报告",), ("report",))
    assert parse("[提出する/示す]")[0].separators == ("/",)


def test_chinese_with_spaced_slash():
    assert parse("请秘书长[提交 / 提出]报告") == (
        "请秘书长",
        Bracket((("提交",), ("提出",)), (" / ",)),
        "报告",
    )


def test_bare_slash_is_text_outside_brackets_and_between_latin_letters():
    assert parse("提交/提出") == ("提交/提出",)
    assert parse("[a/b]") == (Bracket((("a/b",),)),)


def test_arabic_text_with_brackets():
    text = "يقرر [تقديم / عرض] تقرير"
    assert parse(text) == ("يقرر ", Bracket((("تقديم",), ("عرض",)), (" / ",)), " تقرير")
    assert groups(text)[0].start == 5


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a  / b",
        "[a  / b]",
        "[ / ]",
        "[提交　/提出]",
        "[a / / b]",
        "[[a]/[b]]",
        "x [A/RES/70/1 / 提交/提出 / [y][z]] w",
    ],
)
def test_unparse_gives_back_the_text_exactly(text):
    assert unparse(parse(text)) == text


def test_bracket_built_by_hand_defaults_to_spaced_slash():
    bracket = Bracket((("submit",), ("present",)))
    assert bracket.separators == (" / ",)
    assert unparse(["to ", bracket, " it"]) == "to [submit / present] it"


@pytest.mark.parametrize(
    ("alternatives", "separators"),
    [((), ()), ((("a",), ("b",)), (" / ", " / ")), ((("a",), ("b",)), (" | ",))],
)
def test_bracket_refuses_a_malformed_shape(alternatives, separators):
    with pytest.raises(ValueError):
        Bracket(alternatives, separators)


def test_unparse_refuses_other_nodes():
    with pytest.raises(TypeError, match="not int"):
        unparse(["a", 3])


# Counting --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0),
        ("Decides to act;", 0),
        ("[a][b]", 2),
        ("[a / b]", 1),
        ("[a [b]]", 2),
        ("[提交/提出]", 1),
        ("Recalling A/RES/70/1 [and A/RES/71/2],", 1),
        (
            "Requests [the Secretary-General / the President] to [submit][present] a report "
            "[on [the] progress];",
            5,
        ),
    ],
)
def test_count(text, expected):
    assert count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a [b", 0),
        ("[a [b]", 1),
        ("development]],]", 0),
        ("]x[", 0),
        ("[a]] [b", 1),
        ("[[a] [b]", 2),
        ("Decides [to [act / move]]] now [", 2),
    ],
)
def test_count_leaves_out_stray_brackets_and_never_raises(text, expected):
    assert count(text, paragraph="OP2") == expected


# Errors ----------------------------------------------------------------------


def split_at_caret(details):
    """The excerpt line cut where the caret points, counting wide characters as two."""
    line, caret = details.split("\n")
    column, width = caret.index("^"), 0
    for i, char in enumerate(line):
        if width == column:
            return line[:i], line[i:]
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return line, ""


def test_unclosed_bracket_with_paragraph_label():
    text = "Requests the Secretary-General [to report on progress;"
    with pytest.raises(BracketError) as caught:
        parse(text, paragraph="OP3")
    error = caught.value
    assert (error.offset, error.paragraph) == (31, "OP3")
    assert error.message == "OP3, character 31: '[' is never closed"
    assert str(error) == error.message
    before, after = split_at_caret(error.details)
    assert before.endswith("Secretary-General ") and before.startswith("  ...")
    assert after.startswith("[to report")


def test_unclosed_bracket_without_label():
    with pytest.raises(BracketError) as caught:
        parse("Decides [to act;")
    assert caught.value.offset == 8
    assert caught.value.paragraph == ""
    assert caught.value.message == "character 8: '[' is never closed"
    assert split_at_caret(caught.value.details) == ("  Decides ", "[to act;")


@pytest.mark.parametrize(
    ("text", "offset"),
    [("[a [b] [c", 7), ("[a [b", 3), ("[a [b] c", 0), ("x [[[", 4)],
)
def test_unclosed_points_at_the_last_unclosed_opening(text, offset):
    with pytest.raises(BracketError) as caught:
        parse(text)
    assert caught.value.offset == offset
    assert split_at_caret(caught.value.details)[1] == text[offset:]


def test_stray_closing_bracket_with_and_without_label():
    with pytest.raises(BracketError) as caught:
        parse("Noting] the report,", paragraph="PP2")
    assert caught.value.offset == 6
    assert caught.value.message == "PP2, character 6: ']' has no opening '['"
    assert split_at_caret(caught.value.details) == ("  Noting", "] the report,")

    with pytest.raises(BracketError) as caught:
        parse("[a]] b")
    assert caught.value.message == "character 3: ']' has no opening '['"
    assert split_at_caret(caught.value.details) == ("  [a]", "] b")


def test_stray_closing_bracket_is_reported_before_a_later_unclosed_one():
    with pytest.raises(BracketError, match="character 0: ']' has no opening"):
        parse("] [")


def test_errors_in_arabic_text():
    with pytest.raises(BracketError) as caught:
        parse("يقرر [تقديم تقرير", paragraph="OP1")
    assert caught.value.message == "OP1, character 5: '[' is never closed"
    assert split_at_caret(caught.value.details) == ("  يقرر ", "[تقديم تقرير")

    with pytest.raises(BracketError) as caught:
        parse("يقرر تقديم] تقرير")
    assert caught.value.offset == 10
    assert split_at_caret(caught.value.details) == ("  يقرر تقديم", "] تقرير")


def test_error_caret_under_chinese_text():
    with pytest.raises(BracketError) as caught:
        parse("请秘书长[提交报告", paragraph="OP2")
    assert caught.value.offset == 4
    assert caught.value.details.split("\n")[1].index("^") == 2 + 4 * 2
    assert split_at_caret(caught.value.details) == ("  请秘书长", "[提交报告")


# Stray brackets ----------------------------------------------------------------


def stray(*pairs):
    return tuple(BracketFault(offset, char) for offset, char in pairs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("Decides to act;", ()),
        ("[a / b] [c [d]]", ()),
        ("development]],]", stray((11, "]"), (12, "]"), (14, "]"))),
        ("[a [b]", stray((0, "["))),
        ("]x[", stray((0, "]"), (2, "["))),
        ("[", stray((0, "["))),
        ("]", stray((0, "]"))),
        ("[[a] [b]", stray((0, "["))),
        ("[a [b [c]] d", stray((0, "["))),
        ("[[a]]]", stray((5, "]"))),
        ("x [[[", stray((2, "["), (3, "["), (4, "["))),
        ("[a]] b [c", stray((3, "]"), (7, "["))),
        ("请秘书长[提交/提出]]报告", stray((11, "]"))),
        ("يقرر [تقديم تقرير", stray((5, "["))),
    ],
)
def test_faults_are_the_stray_brackets_in_order(text, expected):
    assert faults(text) == expected
    assert all(text[fault.offset] == fault.char for fault in expected)


def test_fault_messages_use_the_words_of_bracket_error():
    closing, opening = faults("]x[")
    assert closing.message == "']' has no opening '['"
    assert opening.message == "'[' is never closed"
    with pytest.raises(BracketError) as caught:
        parse("]x[")
    assert caught.value.message.endswith(closing.message)


def test_paris_agreement_draft_with_stray_brackets():
    text = ("[Parties [shall / should] take into account] the [needs of] developing country "
            "Parties [, including for sustainable development]],]")
    assert [(f.offset, f.char) for f in faults(text)] == [(len(text) - 3, "]"),
                                                          (len(text) - 1, "]")]
    assert unparse(parse(text, tolerant=True)) == text
    assert count(text) == 4
    assert [g.alternatives for g in groups(text)] == [
        ("Parties [shall / should] take into account",), ("shall", "should"), ("needs of",),
        (", including for sustainable development",)]
    assert choose(text, 1, 1).startswith("[Parties should take into account]")
    assert delete(text, 3) == ("[Parties [shall / should] take into account] the [needs of] "
                               "developing country Parties ],]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a [b]", ("[a ", Bracket((("b",),)))),
        ("a] [b / c]", ("a] ", Bracket((("b",), ("c",)), (" / ",)))),
        ("[b / c]] d", (Bracket((("b",), ("c",)), (" / ",)), "] d")),
        ("x [a / b", ("x [a / b",)),
        ("]x[", ("]x[",)),
        ("[提交/提出", ("[提交/提出",)),
        ("[a] [", (Bracket((("a",),)), " [")),
        ("[[a]", ("[", Bracket((("a",),)))),
    ],
)
def test_tolerant_parse_reads_stray_brackets_as_text(text, expected):
    assert parse(text, tolerant=True) == expected
    assert unparse(expected) == text
    with pytest.raises(BracketError):
        parse(text)


def test_tolerant_parse_of_balanced_text_is_the_strict_one():
    text = "Requests [the Secretary-General / the President] to [submit][present] [[a] b];"
    assert parse(text, tolerant=True) == parse(text)


def test_groups_skip_stray_brackets():
    text = "a] [b / c][d] [e"
    assert groups(text) == [BracketGroup(0, 3, 13, ("b", "c", "d"), 0)]
    assert groups("[a [b / c]") == [BracketGroup(0, 3, 10, ("b", "c"), 0)]
    assert groups("[a]][b]") == [BracketGroup(0, 0, 3, ("a",), 0),
                                 BracketGroup(1, 4, 7, ("b",), 0)]


def test_operations_settle_groups_and_leave_stray_brackets_as_they_are():
    assert choose("a] [b / c][d] [e", 0, 1) == "a] c [e"
    assert choose("[a [b / c]", 0, 0) == "[a b"
    assert agree("Decides] to [act] now;", 0) == "Decides] to act now;"
    assert delete("Decides] to act [now];", 0) == "Decides] to act;"
    assert delete("[Decides to act [now];", 0) == "[Decides to act;"
    assert delete("[now] acts]", 0) == "acts]"


# Groups ----------------------------------------------------------------------


def test_groups_flatten_adjacent_brackets():
    assert groups("[a / b][c] and [d]") == [
        BracketGroup(0, 0, 10, ("a", "b", "c"), 0),
        BracketGroup(1, 15, 18, ("d",), 0),
    ]


def test_groups_in_pre_order_with_depth():
    found = groups("[a [b [c]] [d]] [e]")
    assert [(g.start, g.end, g.depth) for g in found] == [
        (0, 15, 0),
        (3, 10, 1),
        (6, 9, 2),
        (11, 14, 1),
        (16, 19, 0),
    ]
    assert [g.index for g in found] == [0, 1, 2, 3, 4]
    assert found[1].alternatives == ("b [c]",)


def test_nested_bracket_adjacent_to_another_in_a_group():
    assert groups("[a][b [c]]") == [
        BracketGroup(0, 0, 10, ("a", "b [c]"), 0),
        BracketGroup(1, 6, 9, ("c",), 1),
    ]


def test_no_groups_without_brackets():
    assert groups("") == []
    assert groups("Recalling A/RES/70/1,") == []


# choose, agree, delete ---------------------------------------------------------

NESTED = "[Requests [urgently / promptly] the report / Invites a report];"


def test_choose_an_alternative():
    assert choose("Requests [urgently / promptly] the report;", 0, 1) == (
        "Requests promptly the report;"
    )
    assert choose("to [submit][present] a report;", 0, 1) == "to present a report;"
    assert choose("[a / b][c] and [d]", 0, 2) == "c and [d]"
    assert choose("请秘书长[提交/提出]报告", 0, 1) == "请秘书长提出报告"


def test_choose_in_nested_groups():
    assert groups(NESTED)[1] == BracketGroup(1, 10, 31, ("urgently", "promptly"), 1)
    assert choose(NESTED, 1, 1) == "[Requests promptly the report / Invites a report];"
    assert choose(NESTED, 0, 0) == "Requests [urgently / promptly] the report;"
    assert choose(NESTED, 0, 1) == "Invites a report;"


def test_choose_an_empty_alternative_tidies_like_delete():
    assert choose("Requests [ / urgently] the report;", 0, 0) == "Requests the report;"


def test_agree_keeps_the_text():
    assert agree("Decides [to act [now]];", 1) == "Decides [to act now];"
    assert agree("Decides [to act [now]];", 0) == "Decides to act [now];"
    assert agree("Decides [] to act;", 0) == "Decides to act;"


def test_agree_refuses_a_group_with_alternatives():
    with pytest.raises(InputError, match="OP1: bracket group 0 has 2 alternatives; choose one"):
        agree("to [submit][present] a report", 0, paragraph="OP1")
    with pytest.raises(InputError, match="has 2 alternatives"):
        agree(NESTED, 0)


@pytest.mark.parametrize(
    ("text", "index", "expected"),
    [
        ("Decides [, within existing resources,] to act;", 0, "Decides to act;"),
        ("Requests [urgently] the report;", 0, "Requests the report;"),
        ("within existing resources [and staff];", 0, "within existing resources;"),
        ("Recalling [A/RES/70/1], and", 0, "Recalling, and"),
        ("[Strongly] urges States to act;", 0, "urges States to act;"),
        ("Decides to act [immediately]", 0, "Decides to act"),
        (
            "Takes note of the report[s] of the Secretary-General;",
            0,
            "Takes note of the report of the Secretary-General;",
        ),
        ("(see [also] A/RES/70/1)", 0, "(see A/RES/70/1)"),
        ("([see] A/RES/70/1)", 0, "(A/RES/70/1)"),
        ("to [submit][present] a report", 0, "to a report"),
        ("Decides  to [x] act;", 0, "Decides  to act;"),
        ("Decides: [x]\n(a) To act;", 0, "Decides:\n(a) To act;"),
        ("请秘书长[尽快]提交报告；", 0, "请秘书长提交报告；"),
        ("يقرر [تقديم / عرض] تقرير", 0, "يقرر تقرير"),
        (NESTED, 1, "[Requests the report / Invites a report];"),
        (NESTED, 0, ";"),
    ],
)
def test_delete_leaves_tidy_text(text, index, expected):
    assert delete(text, index) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[a [x] / b]", "[a / b]"),
        ("[a / [x] b]", "[a / b]"),
        ("[[x] a]", "[a]"),
        ("[a [x]]", "[a]"),
        ("[a / [x] / b]", "[a /  / b]"),
    ],
)
def test_delete_inside_a_bracket_keeps_its_alternatives(text, expected):
    result = delete(text, 1)
    assert result == expected
    assert len(groups(result)[0].alternatives) == len(groups(text)[0].alternatives)


def test_delete_tidies_within_the_innermost_alternative():
    assert delete("[[a [x]] c]", 2) == "[[a] c]"
    assert delete("[b / [[x] a]]", 2) == "[b / [a]]"


def test_out_of_range_group():
    with pytest.raises(
        InputError,
        match="there is no bracket group 2; the text has 2 bracket groups, numbered 0 to 1",
    ):
        delete("[a] and [b]", 2)
    with pytest.raises(InputError, match=r"^OP4: there is no bracket group -1; .* 1 bracket group"):
        choose("[a / b]", -1, 0, paragraph="OP4")
    with pytest.raises(InputError, match="the text has no brackets"):
        agree("Decides to act;", 0)


def test_out_of_range_alternative():
    with pytest.raises(
        InputError, match="group 0 has 2 alternatives, numbered 0 to 1; there is no alternative 2"
    ):
        choose("[a / b]", 0, 2)
    with pytest.raises(InputError, match="no alternative -1"):
        choose("[a]", 0, -1)


def test_operations_on_text_with_only_stray_brackets_find_no_group():
    with pytest.raises(InputError, match="OP1: there is no bracket group 0; the text has no "
                                         "brackets") as caught:
        delete("[a", 0, paragraph="OP1")
    assert not isinstance(caught.value, BracketError)


def test_out_of_range_errors_are_not_bracket_errors():
    with pytest.raises(InputError) as caught:
        delete("", 0)
    assert not isinstance(caught.value, BracketError)


# Properties ------------------------------------------------------------------

WORDS = [
    "Decides",
    "to",
    "report",
    "A/RES/70/1",
    "Member States",
    ",",
    ";",
    ".",
    "(EU)",
    "提交",
    "报告",
    "يقرر",
    "تقرير",
    " ",
    "  ",
    "/",
    "a/b",
]
CLEAN_WORDS = [
    "Decides",
    "to",
    "report",
    "A/RES/70/1",
    "Member States",
    ",",
    ";",
    "(EU)",
    "提交",
    "报告",
    "يقرر",
    "تقرير",
    " ",
]


def merged(nodes):
    """A node sequence as parse gives it: adjacent text pieces joined."""
    out = []
    for node in nodes:
        if isinstance(node, str) and out and isinstance(out[-1], str):
            out[-1] += node
        else:
            out.append(node)
    return tuple(out)


def tree(words, separators):
    piece = st.lists(st.sampled_from(words), min_size=1, max_size=3).map("".join)

    @st.composite
    def bracket(draw, inner):
        alternatives = draw(
            st.lists(st.lists(inner, max_size=2).map(merged), min_size=1, max_size=3)
        )
        seps = draw(
            st.lists(
                st.sampled_from(separators),
                min_size=len(alternatives) - 1,
                max_size=len(alternatives) - 1,
            )
        )
        return Bracket(tuple(alternatives), tuple(seps))

    node = st.recursive(piece, bracket, max_leaves=8)
    return st.lists(node, max_size=4).map(merged)


valid_texts = tree(WORDS, [" / ", "/"]).map(unparse)


@settings(max_examples=200)
@given(valid_texts)
def test_round_trip_of_valid_texts(text):
    assert unparse(parse(text)) == text
    assert count(text) == text.count("[")


@settings(max_examples=200)
@given(tree(CLEAN_WORDS, [" / "]))
def test_clean_trees_read_back_the_same(nodes):
    assert parse(unparse(nodes)) == nodes


@settings(max_examples=200)
@given(st.text(alphabet="[]/ ab提,", max_size=30))
def test_any_string_round_trips_or_raises_bracket_error(text):
    try:
        nodes = parse(text)
    except BracketError as error:
        assert 0 <= error.offset < len(text)
        assert text[error.offset] in "[]"
        assert error.message.startswith(f"character {error.offset}: ")
    else:
        assert unparse(nodes) == text
        assert count(text) == text.count("[")


@settings(max_examples=200)
@given(valid_texts, st.data())
def test_operations_remove_exactly_the_brackets_of_the_group(text, data):
    found = groups(text)
    if not found:
        return
    group = data.draw(st.sampled_from(found))
    written = text[group.start : group.end]
    assert written.startswith("[") and written.endswith("]")
    pairs = count(text) - written.count("[")
    assert count(delete(text, group.index)) == pairs
    chosen = data.draw(st.integers(0, len(group.alternatives) - 1))
    result = choose(text, group.index, chosen)
    assert count(result) == pairs + group.alternatives[chosen].count("[")
    if group.alternatives[chosen]:
        assert result == text[: group.start] + group.alternatives[chosen] + text[group.end :]


@settings(max_examples=200)
@given(valid_texts, st.data())
def test_top_level_delete_adds_no_stray_spaces(text, data):
    text = re.sub(r"\s+", " ", text).strip()
    top = [g for g in groups(text) if g.depth == 0]
    if not top:
        return
    result = delete(text, data.draw(st.sampled_from(top)).index)
    assert "  " not in result
    assert result == result.strip()
    for mark in ",;.":
        if f" {mark}" not in text:
            assert f" {mark}" not in result


# Stray brackets, any text ------------------------------------------------------

ANY_TEXT = st.lists(st.sampled_from(["[", "]", " / ", "/", "a", "b", " ", "提", ","]),
                    max_size=30).map("".join)


def matched_pairs(text):
    """The ']' that close an open '[', counted without drafting.brackets."""
    depth = pairs = 0
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]" and depth:
            depth, pairs = depth - 1, pairs + 1
    return pairs


def brackets_in(nodes):
    return sum(1 + sum(brackets_in(alt) for alt in node.alternatives)
               for node in nodes if isinstance(node, Bracket))


@settings(max_examples=300)
@given(ANY_TEXT)
def test_any_text_reads_back_tolerantly_and_counts_its_pairs(text):
    nodes = parse(text, tolerant=True)
    assert unparse(nodes) == text
    pairs = matched_pairs(text)
    assert count(text) == pairs == brackets_in(nodes)
    found = faults(text)
    assert len(found) == text.count("[") + text.count("]") - 2 * pairs
    assert all(text[fault.offset] == fault.char for fault in found)
    assert [f.offset for f in found] == sorted(f.offset for f in found)
    cleaned = "".join(c for i, c in enumerate(text) if i not in {f.offset for f in found})
    assert faults(cleaned) == ()
    assert count(cleaned) == pairs
    try:
        parse(text)
    except BracketError as error:
        assert error.offset in {fault.offset for fault in found}
    else:
        assert found == ()


@settings(max_examples=300)
@given(ANY_TEXT, st.data())
def test_settling_a_group_keeps_the_stray_brackets(text, data):
    found = groups(text)
    if not found:
        return
    group = data.draw(st.sampled_from(found))
    assert text[group.start] == "[" and text[group.end - 1] == "]"
    assert {group.start, group.end - 1}.isdisjoint(f.offset for f in faults(text))
    alternative = data.draw(st.integers(0, len(group.alternatives) - 1))
    strays = [f.char for f in faults(text)]
    for settled in (choose(text, group.index, alternative), delete(text, group.index)):
        assert [f.char for f in faults(settled)] == strays
        assert count(settled) < count(text)


def test_a_footnote_marker_is_text_not_a_bracket():
    text = "the state of fish stocks[^1], [in 2027[^2] / in 2028] and more[^12]"
    assert brackets.faults(text) == ()
    assert brackets.count(text) == 1
    [group] = brackets.groups(text)
    assert group.alternatives == ("in 2027[^2]", "in 2028")
    assert brackets.choose(text, 0, 0) == "the state of fish stocks[^1], in 2027[^2] and more[^12]"
    assert brackets.unparse(brackets.parse(text)) == text
    assert brackets.count("a [^x] b") == 1  # no number: a bracket like any other
