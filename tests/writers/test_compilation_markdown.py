import pytest

from drafting.engine.segments import Alternatives, Change, NewParagraph, Option, Text
from drafting.model import ParagraphKind, ParagraphStatus
from drafting.writers.compilation_markdown import render_markdown


def blocks(compilation) -> list[str]:
    """The blocks after the three header blocks (title, symbol line, legend)."""
    text = render_markdown(compilation)
    assert text.endswith("\n") and not text.endswith("\n\n")
    return text.removesuffix("\n").split("\n\n")[3:]


def one(make, *segments, **options) -> str:
    [block] = blocks(make.compilation(make.paragraph("OP1", *segments, **options)))
    return block


def test_header_names_the_text_and_explains_the_marks(make):
    text = render_markdown(make.compilation())
    assert text == (
        "# Sustainable fisheries\n"
        "\n"
        "A/C.2/81/L.7 — compilation of proposals on the Zero draft\n"
        "\n"
        "Insertions in **bold**, deletions ~~struck through~~, proponents in parentheses; "
        "[ / ] alternatives not agreed.\n"
    )


def test_an_untitled_text_is_headed_by_its_symbol(make):
    assert render_markdown(make.compilation(title="")).startswith("# A/C.2/81/L.7\n")


def test_plain_paragraph_is_its_bold_label_and_text(make):
    para = make.paragraph("PP1", Text("Recalling its resolution 70/1 of 25 September 2015,"),
                          kind=ParagraphKind.PREAMBULAR)
    assert blocks(make.compilation(para)) == [
        "**PP1** Recalling its resolution 70/1 of 25 September 2015,"
    ]


CHANGED = {
    "insert": "Requests the Secretary-General to submit a **comprehensive** {tag} report "
              "within existing resources;",
    "delete": "Requests the Secretary-General to submit a report ~~within existing resources~~ "
              "{tag};",
    "replace": "Requests the Secretary-General to ~~submit~~ **present** {tag} a report "
               "within existing resources;",
    "bracket": "Requests the Secretary-General to submit a report "
               "[within existing resources] {tag};",
}
TAGS = {"one": "(EU)", "several": "(EU, USA)", "supported": "(EU; supported by JPN, CAN)"}


def test_each_change_kind_with_each_kind_of_credit(make, change_kind, credit_case):
    case, by = credit_case
    expected = "**OP1** " + CHANGED[change_kind].replace("{tag}", TAGS[case])
    assert one(make, *make.change(change_kind, by)) == expected


def test_a_change_opening_with_punctuation_gets_a_space_so_the_strike_shows(make):
    block = one(make, Text("Decides to convene a meeting"),
                Change(", within existing resources", "", make.credit("USA")), Text(";"))
    assert block == "**OP1** Decides to convene a meeting ~~, within existing resources~~ (USA);"


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
        "**OP1** Requests the Secretary-General to [submit (retain: JPN, CAN) / **present** (EU)"
        " / **transmit** (G77; supported by BRA)] a report;"
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
        "**OP1** Requests a report [within existing resources / "
        "**from voluntary contributions** (EU) / ~~within existing resources~~ (USA, JPN)];"
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
        "**OP1** Supports small-scale fishers [**and fish workers** (EU) / "
        "**and fishworkers** (G77)];"
    )


def test_new_paragraph_stands_in_place(make):
    compilation = make.compilation(
        make.paragraph("OP4", Text("Decides to act;")),
        NewParagraph("OP4 bis", "OP4", "Calls upon States to contribute;", make.credit("USA")),
        make.paragraph("OP5", Text("Decides to remain seized of the matter.")),
    )
    assert blocks(compilation) == [
        "**OP4** Decides to act;",
        "**OP4 bis** (USA) **Calls upon States to contribute;**",
        "**OP5** Decides to remain seized of the matter.",
    ]


def test_paragraph_deletion_retain_and_alternative_formulations(make):
    para = make.paragraph(
        "OP7", Text("Decides to establish a working group;"),
        deletion=make.credit("USA"),
        retains=make.credit("G77", supporters=("BRA", "IND")),
        alternatives=(Option("Decides to consider the matter;", make.credit("EU")),),
    )
    assert blocks(make.compilation(para)) == [
        "**OP7** Decides to establish a working group; — *delete paragraph (USA)* — "
        "*retain (G77; supported by BRA, IND)*",
        "**OP7 Alt** (EU) **Decides to consider the matter;**",
    ]


def test_several_alternative_formulations_are_numbered(make):
    para = make.paragraph("OP7", Text("Decides;"), alternatives=(
        Option("Agrees;", make.credit("EU")), Option("Resolves;", make.credit("CHN", "RUS")),
    ))
    assert blocks(make.compilation(para))[1:] == [
        "**OP7 Alt 1** (EU) **Agrees;**",
        "**OP7 Alt 2** (CHN, RUS) **Resolves;**",
    ]


def test_headings_have_no_label(make):
    compilation = make.compilation(
        make.paragraph("H1", Text("The General Assembly,"), kind=ParagraphKind.HEADING, level=1),
        make.paragraph("H2", Text("Financing"), kind=ParagraphKind.HEADING, level=2),
    )
    assert blocks(compilation) == ["## The General Assembly,", "### Financing"]


@pytest.mark.parametrize(("status", "expected"), [
    (ParagraphStatus.OPEN, "**OP3** Decides to act;"),
    (ParagraphStatus.AGREED_AD_REF, "**OP3** *(agreed ad ref)* Decides to act;"),
    (ParagraphStatus.AGREED, "**OP3** *(agreed)* Decides to act;"),
    (ParagraphStatus.DELETED, "**OP3** *(deleted)* ~~Decides to act;~~"),
])
def test_status_follows_the_label(make, status, expected):
    para = make.paragraph("OP3", Text("Decides to act;"), status=status)
    assert blocks(make.compilation(para)) == [expected]


def test_user_text_cannot_change_the_formatting(make):
    block = one(
        make,
        Text("Urges *all* States_Parties ~now~ to use `code` <b> and a \\ in "),
        Change("", "A/RES/70/1 [*urgently*]", make.credit("EU_1")),
    )
    assert block == (
        "**OP1** Urges \\*all\\* States\\_Parties \\~now\\~ to use \\`code\\` \\<b> and a \\\\ "
        "in **A/RES/70/1 [\\*urgently\\*]** (EU\\_1)"
    )


def test_a_delegations_words_make_no_link_or_image(make):
    """A delegation inserting "[click](javascript:...)" or "![t](http://...)" planted a
    live link and a remote image in the compilation every delegation renders."""
    markdown_it = pytest.importorskip("markdown_it")
    para = make.paragraph("OP1", Text("Urges [all][some] States "), Change(
        "", "![t](http://evil.example/t.png) [click](javascript:alert(3))", make.credit("USA")),
                          Text(" to act;"))
    html = markdown_it.MarkdownIt("commonmark").render(render_markdown(make.compilation(para)))
    assert "<a " not in html and "<img" not in html
    assert "![t](http://evil.example/t.png) [click](javascript:alert(3))" in html
    assert "[all][some]" in html  # the negotiators' brackets as they are


def test_line_breaks_stay_inside_the_paragraph(make):
    block = one(make, Text("Calls upon States:\n(a) To act;\n- To report;\n1. To pay;"))
    assert block == "**OP1** Calls upon States:\\\n(a) To act;\\\n\\- To report;\\\n1\\. To pay;"


def test_stale_proposals_are_listed_at_the_end(make):
    compilation = make.compilation(
        make.paragraph("OP3", Text("Decides to act;")),
        stale=(make.stale("a7", "op3", "EU", "USA", reason="its words changed in Rev.1"),
               make.stale("a9", "p-gone", "G77", reason="the paragraph was deleted")),
    )
    assert blocks(compilation)[1:] == [
        "## Stale proposals",
        "- a7 (EU, USA) on OP3: its words changed in Rev.1\n"
        "- a9 (G77) on p-gone: the paragraph was deleted",
    ]


def test_no_stale_section_without_stale_proposals(make):
    assert "Stale" not in render_markdown(make.compilation(make.paragraph("OP1", Text("A;"))))


def test_commonmark_reads_the_marks_as_meant(make):
    markdown_it = pytest.importorskip("markdown_it")
    para = make.paragraph(
        "OP1",
        Text("Urges *all* States to meet"),
        Change(", within existing resources", "", make.credit("USA")),
        Text(" and to "),
        Change("submit", "present", make.credit("EU")),
        Text(" [a / the] report;\n- annually;"),
    )
    parser = markdown_it.MarkdownIt("commonmark").enable("strikethrough")
    html = parser.render(render_markdown(make.compilation(para)))
    assert (
        "<p><strong>OP1</strong> Urges *all* States to meet <s>, within existing resources</s>"
        " (USA) and to <s>submit</s> <strong>present</strong> (EU) [a / the] report;<br />\n"
        "- annually;</p>"
    ) in html


def test_adjacent_changes_keep_a_space_after_each_tag(make):
    block = one(make, Text("the integration of such knowledge"),
                Change("", ", as appropriate", make.credit("JPN")),
                Change(", with their consent", "", make.credit("USA")),
                Text(", into science;"))
    assert block == (
        "**OP1** the integration of such knowledge **, as appropriate** (JPN) "
        "~~, with their consent~~ (USA), into science;"
    )


def fronted(make, **options):
    para = make.paragraph("PP1", Text("Recalling its resolution 70/1,"),
                          kind=ParagraphKind.PREAMBULAR)
    return make.compilation(para, front_matter=options.get("front", make.front_matter),
                            chapeau=options.get("chapeau", make.chapeau))


def test_front_matter_opens_the_text_and_the_chapeau_leads_into_the_paragraphs(make):
    text = render_markdown(fronted(make))
    assert text.removesuffix("\n").split("\n\n") == [
        "United Nations", "A/C.2/81/L.7", "General Assembly", "Distr.: Limited",
        "Eighty-first session\tAgenda item 18 (a)", "Fiji and Samoa: draft resolution",
        "# Sustainable fisheries",
        "A/C.2/81/L.7 — compilation of proposals on the Zero draft",
        "Insertions in **bold**, deletions ~~struck through~~, proponents in parentheses; "
        "[ / ] alternatives not agreed.",
        "The General Assembly,",
        "**PP1** Recalling its resolution 70/1,",
    ]


def test_without_front_matter_or_chapeau_the_text_is_as_before(make):
    assert render_markdown(fronted(make, front=(), chapeau="")) == render_markdown(
        make.compilation(make.paragraph("PP1", Text("Recalling its resolution 70/1,"),
                                        kind=ParagraphKind.PREAMBULAR)))


def test_front_matter_stays_plain_paragraphs_in_commonmark(make):
    markdown_it = pytest.importorskip("markdown_it")
    compilation = fronted(make, front=("1. Distr.: *Limited*", "- 2025 -", "# 5", "    Code"),
                          chapeau="> The Parties,")
    html = markdown_it.MarkdownIt("commonmark").render(render_markdown(compilation))
    assert html.startswith(
        "<p>1. Distr.: *Limited*</p>\n<p>- 2025 -</p>\n<p># 5</p>\n<p>Code</p>\n"
        "<h1>Sustainable fisheries</h1>\n")
    assert "<p>&gt; The Parties,</p>\n<p><strong>PP1</strong>" in html


def test_the_drafts_own_italics_show_on_its_words(make):
    from dataclasses import replace

    from drafting.engine.segments import Change, Text
    from drafting.model import Mark, ParagraphKind, Style

    entry = make.paragraph("PP1", Text("Noting with concern the "),
                           Change("state", "situation", make.credit("EU")), Text(" of fish,"),
                           kind=ParagraphKind.PREAMBULAR)
    marks = (Mark(0, 19, Style.ITALIC), Mark(24, 29, Style.ITALIC))  # the deleted "state" too
    entry = replace(entry, paragraph=replace(entry.paragraph, marks=marks))
    text = render_markdown(make.compilation(entry))
    assert "**PP1** *Noting with concern* the ~~*state*~~ **situation** (EU) of fish," in text
