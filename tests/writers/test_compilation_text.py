import re

import pytest

from drafting.engine.segments import Alternatives, Change, NewParagraph, Option, Text
from drafting.model import ParagraphKind, ParagraphStatus
from drafting.writers.compilation_text import render_text


def blocks(compilation) -> list[str]:
    """The blocks after the three header blocks (title, symbol line, legend)."""
    text = render_text(compilation)
    assert text.endswith("\n") and not text.endswith("\n\n")
    return text.removesuffix("\n").split("\n\n")[3:]


def one(make, *segments, **options) -> str:
    [block] = blocks(make.compilation(make.paragraph("OP1", *segments, **options)))
    return block


def test_header_names_the_text_and_explains_the_marks(make):
    assert render_text(make.compilation()) == (
        "Sustainable fisheries\n"
        "=====================\n"
        "\n"
        "A/C.2/81/L.7 — compilation of proposals on the Zero draft\n"
        "\n"
        "Insertions +{thus}+, deletions -{thus}-, proponents in parentheses; "
        "[ / ] alternatives not agreed.\n"
    )


def test_plain_paragraph_opens_with_its_label(make):
    para = make.paragraph("PP1", Text("Recalling its resolution 70/1 of 25 September 2015,"),
                          kind=ParagraphKind.PREAMBULAR)
    assert blocks(make.compilation(para)) == [
        "PP1 Recalling its resolution 70/1 of 25 September 2015,"
    ]


CHANGED = {
    "insert": "Requests the Secretary-General to submit a +{comprehensive}+ {tag} report "
              "within existing resources;",
    "delete": "Requests the Secretary-General to submit a report -{within existing resources}- "
              "{tag};",
    "replace": "Requests the Secretary-General to -{submit}- +{present}+ {tag} a report "
               "within existing resources;",
    "bracket": "Requests the Secretary-General to submit a report "
               "+{[}+within existing resources+{]}+ {tag};",
}
TAGS = {"one": "(EU)", "several": "(EU, USA)", "supported": "(EU; supported by JPN, CAN)"}


def test_each_change_kind_with_each_kind_of_credit(make, change_kind, credit_case):
    case, by = credit_case
    expected = "OP1 " + CHANGED[change_kind].replace("{tag}", TAGS[case])
    assert one(make, *make.change(change_kind, by)) == expected


def test_alternatives_keep_the_original_first_with_who_retains_it(make):
    block = one(
        make,
        Text("Requests the Secretary-General to "),
        Alternatives("submit", ("JPN", "CAN"), (
            Option("present", make.credit("EU")),
            Option("transmit", make.credit("G77", supporters=("BRA",))),
        )),
        Text(" a report;"),
    )
    assert block == (
        "OP1 Requests the Secretary-General to [submit (retain: JPN, CAN) / present (EU)"
        " / transmit (G77; supported by BRA)] a report;"
    )


def test_an_empty_option_proposes_to_delete_the_words(make):
    block = one(
        make,
        Text("Requests a report "),
        Alternatives("within existing resources", (), (
            Option("from voluntary contributions", make.credit("EU")),
            Option("", make.credit("USA", "JPN")),
        )),
        Text(";"),
    )
    assert block == (
        "OP1 Requests a report [within existing resources / from voluntary contributions (EU)"
        " / -{within existing resources}- (USA, JPN)];"
    )


def test_competing_insertions_leave_the_empty_original_out(make):
    block = one(
        make,
        Text("Supports small-scale fishers"),
        Alternatives("", (), (
            Option(" and fish workers", make.credit("EU")),
            Option(" and fishworkers", make.credit("G77")),
        )),
        Text(";"),
    )
    assert block == (
        "OP1 Supports small-scale fishers [and fish workers (EU) / and fishworkers (G77)];"
    )


def test_new_paragraph_stands_in_place(make):
    compilation = make.compilation(
        make.paragraph("OP4", Text("Decides to act;")),
        NewParagraph("OP4 bis", "OP4", "Calls upon States to contribute;", make.credit("USA")),
        make.paragraph("OP5", Text("Decides to remain seized of the matter.")),
    )
    assert blocks(compilation) == [
        "OP4 Decides to act;",
        "OP4 bis (USA) +{Calls upon States to contribute;}+",
        "OP5 Decides to remain seized of the matter.",
    ]


def test_paragraph_deletion_retain_and_alternative_formulations(make):
    para = make.paragraph(
        "OP7", Text("Decides to establish a working group;"),
        deletion=make.credit("USA"),
        retains=make.credit("G77", supporters=("BRA",)),
        alternatives=(Option("Decides to consider the matter;", make.credit("EU")),
                      Option("Decides to revert;", make.credit("CHN"))),
    )
    assert blocks(make.compilation(para)) == [
        "OP7 Decides to establish a working group; — delete paragraph (USA) — "
        "retain (G77; supported by BRA)",
        "OP7 Alt 1 (EU) +{Decides to consider the matter;}+",
        "OP7 Alt 2 (CHN) +{Decides to revert;}+",
    ]


def test_a_single_alternative_formulation_is_not_numbered(make):
    para = make.paragraph("OP7", Text("Decides;"),
                          alternatives=(Option("Agrees;", make.credit("EU")),))
    assert blocks(make.compilation(para))[1] == "OP7 Alt (EU) +{Agrees;}+"


def test_headings_are_underlined_without_a_label(make):
    compilation = make.compilation(
        make.paragraph("H1", Text("The General Assembly,"), kind=ParagraphKind.HEADING, level=1),
    )
    assert blocks(compilation) == ["The General Assembly,\n---------------------"]


@pytest.mark.parametrize(("status", "expected"), [
    (ParagraphStatus.OPEN, "OP3 Decides to act;"),
    (ParagraphStatus.AGREED_AD_REF, "OP3 (agreed ad ref) Decides to act;"),
    (ParagraphStatus.AGREED, "OP3 (agreed) Decides to act;"),
    (ParagraphStatus.DELETED, "OP3 (deleted) -{Decides to act;}-"),
])
def test_status_follows_the_label(make, status, expected):
    para = make.paragraph("OP3", Text("Decides to act;"), status=status)
    assert blocks(make.compilation(para)) == [expected]


def test_user_text_is_written_as_it_is_and_lines_are_not_wrapped(make):
    long = "Calls upon *all* States <b> " + "to act " * 30 + ":\n(a) To report;"
    assert one(make, Text(long)) == "OP1 " + long


def test_words_that_would_read_as_a_mark_cannot_pass_for_another_delegations_proposal(make):
    """A delegation's words holding "}+ (USA) ... +{" read as an insertion credited to
    the USA; each brace beside a "+" or "-" is escaped, so that the marks are ours only.
    Braces elsewhere (a placeholder "{Option 1}") are written as they are."""
    block = one(make, Text("Decides {Option 1} to act"),
                Change("", " annual}+ (USA) and -{", make.credit("EU")),
                Change("now}-", "", make.credit("JPN")), Text(";"))
    assert block == ("OP1 Decides {Option 1} to act +{annual\\}+ (USA) and -\\{}+ (EU) "
                     "-{now\\}-}- (JPN);")
    unescaped = [mark for mark in re.findall(r"\\?\}[+-]|[+-]\\?\{", block) if "\\" not in mark]
    assert unescaped == ["+{", "}+", "-{", "}-"]  # our own marks only


def test_stale_proposals_are_listed_at_the_end(make):
    compilation = make.compilation(
        make.paragraph("OP3", Text("Decides to act;")),
        stale=(make.stale("a7", "op3", "EU", "USA", reason="its words changed in Rev.1"),
               make.stale("a9", "p-gone", "G77", reason="the paragraph was deleted")),
    )
    assert blocks(compilation)[1:] == [
        "Stale proposals\n---------------",
        "- a7 (EU, USA) on OP3: its words changed in Rev.1\n"
        "- a9 (G77) on p-gone: the paragraph was deleted",
    ]


def test_adjacent_changes_keep_a_space_after_each_tag(make):
    block = one(make, Text("the integration of such knowledge"),
                Change("", ", as appropriate", make.credit("JPN")),
                Change(", with their consent", "", make.credit("USA")),
                Text(", into science;"))
    assert block == (
        "OP1 the integration of such knowledge+{, as appropriate}+ (JPN) "
        "-{, with their consent}- (USA), into science;"
    )


def test_front_matter_opens_the_text_and_the_chapeau_leads_into_the_paragraphs(make):
    para = make.paragraph("PP1", Text("Recalling its resolution 70/1,"),
                          kind=ParagraphKind.PREAMBULAR)
    text = render_text(make.compilation(para, front_matter=make.front_matter,
                                        chapeau=make.chapeau))
    front = "\n".join(make.front_matter)
    assert text.startswith(front + "\n\nSustainable fisheries\n=====================\n\n")
    assert text.endswith("alternatives not agreed.\n\nThe General Assembly,\n\n"
                         "PP1 Recalling its resolution 70/1,\n")
    assert render_text(make.compilation(para)).startswith("Sustainable fisheries\n")
