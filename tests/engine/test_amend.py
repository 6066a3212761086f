from datetime import UTC, datetime

import pytest

from drafting.engine.amend import Proposal, apply, draft_amendment, locate
from drafting.engine.merge import merge
from drafting.engine.revise import Decisions, revise
from drafting.errors import AmbiguousText, AmendmentError, InputError, StaleError, TextNotFound
from drafting.model import (
    AmendmentKind,
    Document,
    Paragraph,
    ParagraphKind,
    ParagraphStatus,
    Revision,
    Span,
)
from drafting.workflow import bracket_decisions

PP, OP = ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE
OP1 = "Encourages States to support small-scale fishers in coastal communities;"
OP2 = ("Requests the Secretary-General to submit a report on the implementation of the present "
       "resolution and to include in the report recommendations;")
OP3 = "Decides to convene a high-level meeting, within existing resources, in 2027;"
OP6 = "[Invites / Encourages] Member States’ fisheries bodies to contribute [voluntarily];"
AR = "يطلب إلى الأمين العام أن يقدم تقريرا عن تنفيذ هذا القرار؛"
ZH = "请秘书长提交关于本决议执行情况的报告，并在报告中提出建议；"

ZERO = Revision("Zero draft", (
    Paragraph("p1", "PP1", PP, "Recalling its resolution 70/1 of 25 September 2015,"),
    Paragraph("o1", "OP1", OP, OP1),
    Paragraph("o2", "OP2", OP, OP2),
    Paragraph("o3", "OP3", OP, OP3),
    Paragraph("o4", "OP4", OP, "Decides to remain seized of the matter;",
              status=ParagraphStatus.DELETED),
    Paragraph("o5", "OP5 bis", OP, "Calls upon States to cooperate;"),
    Paragraph("o6", "OP6", OP, OP6),
))
LANGUAGES = Revision("Zero draft", (
    Paragraph("a2", "OP2", OP, AR),
    Paragraph("z2", "OP3", OP, ZH),
))


def draft(revision=ZERO, **proposal):
    return draft_amendment(revision, Proposal(**proposal), id="A-1", proponents=["EU"])


def text_at(text, span):
    return text[span.start:span.end]


# --- each kind -------------------------------------------------------------------------------

def test_replace_records_the_span_the_words_and_who_asked():
    when = datetime(2025, 3, 4, 10, 30, tzinfo=UTC)
    amendment = draft_amendment(
        ZERO, Proposal("OP2", replace="submit", with_="present", reason="agreed language",
                       supporters=("JPN", "CAN")),
        id="A-7", proponents=["EU", "UK"], submitted_by="j.doe", submitted_at=when)
    assert amendment.kind is AmendmentKind.REPLACE
    assert (amendment.id, amendment.paragraph_id, amendment.revision) == ("A-7", "o2", "Zero draft")
    assert amendment.span == Span(34, 40)
    assert text_at(OP2, amendment.span) == amendment.old_text == "submit"
    assert amendment.new_text == "present"
    assert amendment.anchor is None
    assert amendment.proponents == ("EU", "UK")
    assert amendment.supporters == ("JPN", "CAN")
    assert amendment.reason == "agreed language"
    assert (amendment.submitted_by, amendment.submitted_at) == ("j.doe", when)
    assert apply(OP2, amendment) == OP2.replace("to submit a", "to present a")


def test_delete_removes_the_quoted_words():
    amendment = draft(paragraph="OP3", delete=", within existing resources")
    assert amendment.kind is AmendmentKind.DELETE
    assert amendment.span == Span(39, 66)
    assert text_at(OP3, amendment.span) == amendment.old_text == ", within existing resources"
    assert amendment.new_text == ""
    assert apply(OP3, amendment) == "Decides to convene a high-level meeting, in 2027;"


def test_insert_after_points_just_past_the_anchor():
    amendment = draft(paragraph="OP1", insert=" and fish workers", after="small-scale fishers")
    assert amendment.kind is AmendmentKind.INSERT
    assert amendment.anchor == Span(29, 48)
    assert text_at(OP1, amendment.anchor) == amendment.old_text == "small-scale fishers"
    assert amendment.span == Span(48, 48)
    assert amendment.new_text == " and fish workers"
    assert apply(OP1, amendment) == (
        "Encourages States to support small-scale fishers and fish workers in coastal communities;")


def test_insert_before_points_at_the_start_of_the_anchor():
    amendment = draft(paragraph="OP1", insert="artisanal and ", before="small-scale fishers")
    assert amendment.anchor == Span(29, 48)
    assert amendment.span == Span(29, 29)
    assert amendment.old_text == "small-scale fishers"
    assert apply(OP1, amendment) == (
        "Encourages States to support artisanal and small-scale fishers in coastal communities;")


def test_bracket_wraps_the_quoted_words():
    amendment = draft(paragraph="OP3", bracket="within existing resources")
    assert amendment.kind is AmendmentKind.BRACKET
    assert text_at(OP3, amendment.span) == amendment.old_text == "within existing resources"
    assert amendment.new_text == "[within existing resources]"
    assert apply(OP3, amendment) == (
        "Decides to convene a high-level meeting, [within existing resources], in 2027;")


def test_new_paragraph_follows_the_target_and_is_stripped():
    amendment = draft(paragraph="OP3", new_paragraph="  Calls upon States to [share] data;\n")
    assert amendment.kind is AmendmentKind.NEW_PARAGRAPH
    assert amendment.paragraph_id == "o3"
    assert (amendment.span, amendment.anchor) == (None, None)
    assert amendment.old_text == ""
    assert amendment.new_text == "Calls upon States to [share] data;"


def test_alternative_keeps_the_current_text_as_old():
    amendment = draft(paragraph="OP3", alternative="Decides to hold a meeting in 2028;")
    assert amendment.kind is AmendmentKind.ALTERNATIVE
    assert amendment.span is None
    assert amendment.old_text == OP3
    assert amendment.new_text == "Decides to hold a meeting in 2028;"


@pytest.mark.parametrize(("flag", "kind"), [("delete_paragraph", AmendmentKind.DELETE_PARAGRAPH),
                                            ("retain", AmendmentKind.RETAIN)])
def test_whole_paragraph_kinds_record_the_paragraph_as_it_stands(flag, kind):
    amendment = draft(paragraph="OP3", **{flag: True})
    assert amendment.kind is kind
    assert amendment.span is None
    assert (amendment.old_text, amendment.new_text) == (OP3, "")


# --- occurrences -----------------------------------------------------------------------------

def test_occurrence_picks_the_nth_match():
    first = draft(paragraph="OP2", replace="report", with_="note", occurrence=1)
    second = draft(paragraph="OP2", replace="report", with_="note", occurrence=2)
    assert (first.span, second.span) == (Span(43, 49), Span(120, 126))
    assert text_at(OP2, second.span) == "report"
    assert apply(OP2, second).endswith("to include in the note recommendations;")
    assert "submit a report on" in apply(OP2, second)


def test_occurrence_counts_for_the_anchor_of_an_insertion():
    amendment = draft(paragraph="OP2", insert="annual ", before="report", occurrence=2)
    assert amendment.span == Span(120, 120)
    assert apply(OP2, amendment).endswith("in the annual report recommendations;")


def test_ambiguous_text_lists_every_occurrence_with_context():
    with pytest.raises(AmbiguousText) as caught:
        draft(paragraph="OP2", replace="report", with_="note")
    assert str(caught.value) == (
        "OP2: 'report' occurs 2 times; say which with an occurrence number (1 to 2)")
    assert caught.value.details.splitlines() == [
        "  1: ...tary-General to submit a «report» on the implementation of...",
        "  2: ...on and to include in the «report» recommendations;",
    ]


def test_occurrence_out_of_range_says_how_many_there_are():
    with pytest.raises(AmendmentError, match=r"'report' occurs 2 times; there is no occurrence 3"):
        draft(paragraph="OP2", replace="report", with_="note", occurrence=3)
    with pytest.raises(AmendmentError, match="there is no occurrence 0"):
        locate(OP2, "report", occurrence=0, paragraph="OP2")
    with pytest.raises(AmendmentError, match="'submit' occurs once; there is no occurrence 2"):
        locate(OP2, "submit", occurrence=2, paragraph="OP2")


def test_occurrence_one_of_a_single_match_is_fine():
    assert locate(OP2, "submit", occurrence=1) == Span(34, 40)


def test_overlapping_occurrences_are_each_counted():
    assert locate("aaa", "aa", occurrence=2) == Span(1, 3)


# --- text not found --------------------------------------------------------------------------

def test_missing_text_names_the_paragraph_and_shows_it():
    with pytest.raises(TextNotFound) as caught:
        draft(paragraph="OP2", replace="submitt", with_="present")
    assert str(caught.value) == "OP2: the text 'submitt' does not occur in the paragraph"
    assert caught.value.details == "  " + OP2


def test_long_paragraph_is_shortened_in_the_details():
    long_text = "Decides " + "to act, " * 100 + "now;"
    with pytest.raises(TextNotFound) as caught:
        locate(long_text, "later", paragraph="OP9")
    assert caught.value.details.endswith("...")
    assert len(caught.value.details) < 320


def test_missing_text_hints_at_a_difference_in_case():
    with pytest.raises(TextNotFound) as caught:
        locate(OP2, "Submit a Report", paragraph="OP2")
    message = str(caught.value)
    assert message.startswith("OP2: the text 'Submit a Report' does not occur in the paragraph")
    assert "different case as 'submit a report' at character 34" in message
    assert "spacing" not in message
    assert caught.value.details.splitlines()[-1].endswith("^")


def test_missing_text_hints_at_a_difference_in_spacing():
    with pytest.raises(TextNotFound, match="different spacing as 'to submit'"):
        locate(OP2, "to  submit", paragraph="OP2")


def test_a_typed_space_quotes_a_no_break_space_of_the_text():
    """A draft holds "25<no-break space>September" (as UN texts do); no keyboard types it,
    so a space quotes it, and the amendment records the paragraph's own words."""
    text = "Recalling its resolution 70/1 of 25\u00a0September 2015,"
    assert locate(text, "25 September 2015") == Span(33, 50)
    revision = Revision("Zero draft", (Paragraph("p1", "PP1", ParagraphKind.PREAMBULAR,
                                                  text),))
    amendment = draft_amendment(revision, Proposal("PP1", replace="25 September 2015",
                                                   with_="25 September 2016"),
                                id="A1", proponents="EU")
    assert (amendment.old_text, amendment.new_text) == ("25\u00a0September 2015",
                                                        "25 September 2016")
    with pytest.raises(TextNotFound, match="different spacing"):  # two spaces are not one
        locate(text, "25  September")


@pytest.mark.parametrize(("quoted", "found"), [
    ("act", "a\u200bct"),  # a zero-width space pasted from a web page
    ("25 September", "25\u00a0Sep\u00adtember"),  # a no-break space and a soft hyphen
])
def test_a_quote_finds_words_that_hold_invisible_characters(quoted, found):
    text = "Decides to a\u200bct on the 25\u00a0Sep\u00adtember report;"
    span = locate(text, quoted)
    assert text[span.start:span.end] == found
    with pytest.raises(AmbiguousText):  # occurrences are counted as they are found
        locate(text + " a\u200bct", "act")


def test_missing_text_hints_at_case_and_spacing_together():
    with pytest.raises(TextNotFound, match="different case and spacing as 'to submit'"):
        locate(OP2, "To\nsubmit", paragraph="OP2")


def test_missing_text_hints_at_typographic_quotes():
    with pytest.raises(TextNotFound, match="different quotation marks or dashes as 'States’'"):
        locate(OP6, "States'", paragraph="OP6")


def test_empty_quote_is_refused():
    with pytest.raises(AmendmentError, match="OP2: the quoted text is empty") as caught:
        draft(paragraph="OP2", delete="")
    assert not isinstance(caught.value, TextNotFound)


# --- paragraphs ------------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["OP2", "op 2", " Op2 ", "OP 2"])
def test_labels_forgive_case_and_spacing(label):
    assert draft(paragraph=label, delete="submit a ").paragraph_id == "o2"


def test_suffixed_labels_are_found_however_spaced():
    assert draft(paragraph="op5  BIS", retain=True).paragraph_id == "o5"


def test_unknown_label_lists_labels_of_its_kind():
    with pytest.raises(AmendmentError) as caught:
        draft(paragraph="OP9", delete="x")
    assert str(caught.value) == (
        "OP9: there is no such paragraph in Zero draft; it has OP1, OP2, OP3, OP4, OP5 bis, OP6")


def test_unreadable_label_lists_every_label():
    with pytest.raises(AmendmentError, match=r"paragraph two: .* it has PP1, OP1, OP2"):
        draft(paragraph="paragraph two", delete="x")


def test_deleted_paragraph_is_refused():
    with pytest.raises(AmendmentError, match="OP4: the paragraph is deleted in Zero draft"):
        draft(paragraph="OP4", replace="matter", with_="question")


def test_proponents_are_required():
    with pytest.raises(AmendmentError, match="at least one proponent"):
        draft_amendment(ZERO, Proposal("OP2", retain=True), id="A-1", proponents=[])
    with pytest.raises(AmendmentError, match="at least one proponent"):
        draft_amendment(ZERO, Proposal("OP2", retain=True), id="A-1", proponents=["EU", " "])


def test_a_single_proponent_may_be_given_as_a_string():
    amendment = draft_amendment(ZERO, Proposal("OP2", retain=True), id="A-1", proponents="G77")
    assert amendment.proponents == ("G77",)


# --- Proposal.kind ---------------------------------------------------------------------------

@pytest.mark.parametrize(("fields", "kind"), [
    ({"replace": "a", "with_": "b"}, AmendmentKind.REPLACE),
    ({"delete": "a"}, AmendmentKind.DELETE),
    ({"insert": "a", "after": "b"}, AmendmentKind.INSERT),
    ({"insert": "a", "before": "b"}, AmendmentKind.INSERT),
    ({"new_paragraph": "a"}, AmendmentKind.NEW_PARAGRAPH),
    ({"delete_paragraph": True}, AmendmentKind.DELETE_PARAGRAPH),
    ({"alternative": "a"}, AmendmentKind.ALTERNATIVE),
    ({"retain": True}, AmendmentKind.RETAIN),
    ({"bracket": "a", "occurrence": 2}, AmendmentKind.BRACKET),
])
def test_kind_names_the_one_action(fields, kind):
    assert Proposal("OP1", **fields).kind is kind


@pytest.mark.parametrize(("fields", "message"), [
    ({}, "OP1: the proposal asks for nothing"),
    ({"delete_paragraph": False, "retain": False}, "asks for nothing"),
    ({"delete": "a", "retain": True}, "asks for delete and retain at once"),
    ({"replace": "a", "with_": "b", "bracket": "a"}, "asks for replace and bracket at once"),
    ({"with_": "b"}, "'replace' and 'with' go together"),
    ({"delete": "a", "with_": "b"}, "'replace' and 'with' go together"),
    ({"replace": "a"}, "'replace' and 'with' go together"),
    ({"insert": "a"}, "'after' and 'before' only place an insertion"),
    ({"insert": "a", "after": "b", "before": "c"}, "not both"),
    ({"delete": "a", "after": "b"}, "'after' and 'before' only place an insertion"),
    ({"retain": True, "occurrence": 1}, "a retain proposal quotes none"),
])
def test_kind_refuses_muddled_proposals(fields, message):
    with pytest.raises(AmendmentError, match=message):
        _ = Proposal("OP1", **fields).kind


def test_draft_refuses_a_muddled_proposal_before_looking_anything_up():
    with pytest.raises(AmendmentError, match="asks for nothing"):
        draft(paragraph="OP99")


# --- validation ------------------------------------------------------------------------------

def test_replacing_half_a_bracket_is_refused():
    with pytest.raises(AmendmentError) as caught:
        draft(paragraph="OP6", replace="[Invites", with_="Calls upon")
    assert str(caught.value) == (
        "OP6: replacing '[Invites' would leave unbalanced brackets "
        "(']' has no opening '[' at character 23); quote whole brackets")
    assert caught.value.details.splitlines()[1].endswith("^")


def test_replacing_a_whole_bracket_is_fine():
    amendment = draft(paragraph="OP6", replace="[Invites / Encourages]", with_="Urges")
    assert apply(OP6, amendment).startswith("Urges Member States’")


def test_replacing_within_a_bracket_keeping_it_balanced_is_fine():
    amendment = draft(paragraph="OP6", replace="[Invites", with_="[Calls upon")
    assert apply(OP6, amendment).startswith("[Calls upon / Encourages] Member")


def test_new_text_that_opens_a_bracket_is_refused():
    with pytest.raises(AmendmentError, match=(
            r"OP2: replacing 'submit' with '\[present' would leave unbalanced brackets "
            r"\('\[' is never closed at character 34\); close every '\[' you open")):
        draft(paragraph="OP2", replace="submit", with_="[present")


def test_deleting_or_inserting_half_a_bracket_is_refused():
    with pytest.raises(AmendmentError, match="OP6: deleting 'voluntarily]' would leave unbal"):
        draft(paragraph="OP6", delete="voluntarily]")
    with pytest.raises(AmendmentError, match="OP1: inserting 'and \\[' would leave unbal"):
        draft(paragraph="OP1", insert="and [", before="small-scale")


def test_bracketing_must_keep_brackets_balanced_and_add_one():
    with pytest.raises(AmendmentError) as caught:
        draft(paragraph="OP6", bracket="Encourages] Member")
    assert str(caught.value) == (
        "OP6: bracketing 'Encourages] Member' would cut a bracket in half "
        "(']' has no opening '[' at character 21); quote whole brackets")
    with pytest.raises(AmendmentError, match="OP6: 'voluntarily' is already in brackets"):
        draft(paragraph="OP6", bracket="voluntarily")
    nested = draft(paragraph="OP6", bracket="Encourages")
    assert apply(OP6, nested).startswith("[Invites / [Encourages]] Member")


def test_a_paragraph_already_unbalanced_does_not_block_other_changes():
    broken = Revision("Zero draft", (Paragraph("b1", "OP1", OP, "Decides [to act; urgently"),))
    amendment = draft(broken, paragraph="OP1", replace="urgently", with_="promptly")
    assert apply("Decides [to act; urgently", amendment) == "Decides [to act; promptly"


BROKEN = "Parties [shall / should] provide finance for sustainable development]],] [now];"
UNBALANCED = Revision("Zero draft", (
    Paragraph("u1", "OP1", OP, BROKEN),
    Paragraph("u2", "OP2", OP, "Decides [to act;"),
))


@pytest.mark.parametrize(("fields", "result"), [
    ({"replace": "finance", "with_": "[climate] finance"},
     "Parties [shall / should] provide [climate] finance for sustainable development]],] [now];"),
    ({"bracket": "provide"},
     "Parties [shall / should] [provide] finance for sustainable development]],] [now];"),
    ({"delete": "[shall / should] "},
     "Parties provide finance for sustainable development]],] [now];"),
    ({"delete": ",]"}, "Parties [shall / should] provide finance for sustainable development]] "
                       "[now];"),
    ({"insert": "[", "before": "sustainable"},  # mends: the first stray ']' closes it
     "Parties [shall / should] provide finance for [sustainable development]],] [now];"),
    ({"insert": " [urgently", "after": "provide"},  # closed by a stray ']' after it
     "Parties [shall / should] provide [urgently finance for sustainable development]],] [now];"),
    ({"replace": "development]]", "with_": "development [a]"},  # two strays gone, a pair added
     "Parties [shall / should] provide finance for sustainable development [a],] [now];"),
])
def test_an_unbalanced_paragraph_takes_changes_that_add_no_stray_bracket(fields, result):
    amendment = draft(UNBALANCED, paragraph="OP1", **fields)
    assert apply(BROKEN, amendment) == result


@pytest.mark.parametrize(("fields", "message"), [
    ({"insert": " [urgently", "after": "[now];"},
     rf"OP1: inserting ' \[urgently' would leave unbalanced brackets \('\[' is never closed at "
     rf"character {len(BROKEN) + 1}\); close every '\[' you open"),
    ({"replace": "[now]", "with_": "now]"},
     rf"OP1: replacing '\[now\]' with 'now\]' would leave unbalanced brackets \('\]' has no "
     rf"opening '\[' at character {BROKEN.index('[now]') + 3}\); close every"),
    ({"delete": "[shall"},
     rf"OP1: deleting '\[shall' would leave unbalanced brackets \('\]' has no opening '\[' "
     rf"at character {BROKEN.index('/ should]') + 2}\); quote whole brackets"),
    ({"bracket": "development]"}, r"OP1: bracketing 'development\]' would cut a bracket in half"),
    ({"replace": ",]", "with_": ", ["},  # mends one stray bracket, adds another: as many, refused
     rf"OP1: replacing ',\]' with ', \[' would leave unbalanced brackets \('\[' is never closed "
     rf"at character {BROKEN.index(',]') + 2}\)"),
])
def test_an_unbalanced_paragraph_refuses_a_change_that_adds_a_stray_bracket(fields, message):
    with pytest.raises(AmendmentError, match=message) as caught:
        draft(UNBALANCED, paragraph="OP1", **fields)
    assert caught.value.details.splitlines()[1].endswith("^")


def test_an_alternative_may_keep_the_paragraphs_own_stray_brackets_but_add_none():
    kept = "Parties shall provide finance for sustainable development]],];"
    assert draft(UNBALANCED, paragraph="OP1", alternative=kept).new_text == kept
    mended = "Parties shall provide finance for [sustainable development]],];"
    assert draft(UNBALANCED, paragraph="OP1", alternative=mended).new_text == mended
    with pytest.raises(AmendmentError, match=r"^OP1: the alternative has 4 stray brackets where "
                                             r"the paragraph has 3; close every '\[' you open$"):
        draft(UNBALANCED, paragraph="OP1", alternative=kept + " [")
    with pytest.raises(AmendmentError, match="OP2: the new paragraph has unbalanced brackets"):
        draft(UNBALANCED, paragraph="OP2", new_paragraph="Decides [to act;")


def test_an_unbalanced_paragraph_goes_through_merge_and_revise():
    document = Document("A/CONF/1", "Paris", (UNBALANCED,))
    finance = draft_amendment(UNBALANCED, Proposal("OP1", replace="finance", with_="climate "
                                                   "finance"), id="EU-1", proponents=["EU"])
    now = draft_amendment(UNBALANCED, Proposal("OP2", insert=" now", after="act"), id="US-1",
                          proponents=["USA"])
    compilation = merge(document, [finance, now])
    assert [p.paragraph.text for p in compilation.entries] == [BROKEN, "Decides [to act;"]
    decided = bracket_decisions(UNBALANCED, choose=["OP1=should"], keep=["OP1#2"])
    outcome = revise(document, [finance, now], Decisions(
        accepted=frozenset({"EU-1", "US-1"}), brackets=tuple(decided)), label="Rev.1")
    assert [p.text for p in outcome.revision] == [
        "Parties should provide climate finance for sustainable development]],] now;",
        "Decides [to act now;"]
    with pytest.raises(InputError, match="OP2 has no brackets left"):
        bracket_decisions(UNBALANCED, keep=["OP2"])


@pytest.mark.parametrize("field", ["new_paragraph", "alternative"])
def test_whole_new_text_must_have_balanced_brackets(field):
    with pytest.raises(AmendmentError, match=r"OP3: .* has unbalanced brackets \('\[' is never"):
        draft(paragraph="OP3", **{field: "Decides [to act;"})


@pytest.mark.parametrize(("fields", "message"), [
    ({"replace": "submit", "with_": "submit"}, "OP2: replacing 'submit' with the same text "
                                               "changes nothing"),
    ({"replace": "submit ", "with_": ""}, "with nothing is a deletion"),
    ({"insert": "", "after": "submit"}, "OP2: the insertion is empty"),
    ({"new_paragraph": " \n "}, "OP2: the new paragraph is empty"),
    ({"alternative": ""}, "OP2: the alternative is empty"),
    ({"alternative": OP2 + " "}, "changes nothing; propose 'retain'"),
])
def test_proposals_that_change_nothing_are_refused(fields, message):
    with pytest.raises(AmendmentError, match=message):
        draft(paragraph="OP2", **fields)


# --- apply -----------------------------------------------------------------------------------

@pytest.mark.parametrize("flag", ["delete_paragraph", "retain"])
def test_apply_refuses_whole_paragraph_kinds(flag):
    with pytest.raises(AmendmentError, match="acts on the whole paragraph"):
        apply(OP3, draft(paragraph="OP3", **{flag: True}))


def test_apply_refuses_text_that_moved_on():
    amendment = draft(paragraph="OP2", replace="submit", with_="present")
    with pytest.raises(StaleError, match="'submit' is no longer at characters 34 to 40"):
        apply("Requests the Secretary-General to transmit a report;", amendment)
    insertion = draft(paragraph="OP1", insert="artisanal ", before="small-scale")
    with pytest.raises(StaleError):
        apply("Encourages States to support large-scale fishers;", insertion)


# --- Arabic and Chinese ----------------------------------------------------------------------

def test_arabic_replacement_and_insertion():
    replace = draft(LANGUAGES, paragraph="OP2", replace="يقدم", with_="يحيل")
    assert replace.span == Span(25, 29)
    assert text_at(AR, replace.span) == "يقدم"
    assert apply(AR, replace) == "يطلب إلى الأمين العام أن يحيل تقريرا عن تنفيذ هذا القرار؛"
    insert = draft(LANGUAGES, paragraph="OP2", insert=" سنويا", after="تقريرا")
    assert insert.span == Span(36, 36)
    assert apply(AR, insert) == "يطلب إلى الأمين العام أن يقدم تقريرا سنويا عن تنفيذ هذا القرار؛"


def test_chinese_occurrences_and_brackets():
    with pytest.raises(AmbiguousText, match="'报告' occurs 2 times") as caught:
        draft(LANGUAGES, paragraph="OP3", bracket="报告")
    assert "«报告»" in caught.value.details.splitlines()[0]
    second = draft(LANGUAGES, paragraph="OP3", replace="报告", with_="文件", occurrence=2)
    assert second.span == Span(21, 23)
    assert apply(ZH, second) == "请秘书长提交关于本决议执行情况的报告，并在文件中提出建议；"
    bracket = draft(LANGUAGES, paragraph="OP3", bracket="提交")
    assert apply(ZH, bracket) == "请秘书长[提交]关于本决议执行情况的报告，并在报告中提出建议；"
    with pytest.raises(TextNotFound, match="OP3: the text '递交' does not occur"):
        draft(LANGUAGES, paragraph="OP3", delete="递交")


def test_a_word_quoted_once_as_a_word_is_found_inside_longer_words_too():
    """ "sources" was ambiguous in "resources from all sources": the amendment could not
    be made without an occurrence number, though the delegation quoted one word."""
    text = "We commit to mobilize resources from all sources."
    span = locate(text, "sources")
    assert (span.start, span.end) == (41, 48)
    assert locate(text, "sources", occurrence=1) == Span(24, 31)  # numbers count them all
    with pytest.raises(AmbiguousText, match="'sources' occurs 3 times"):
        locate(text + " Other sources.", "sources")
