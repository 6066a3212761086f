import re
from html.parser import HTMLParser

import pytest

from drafting.engine.segments import Alternatives, Change, NewParagraph, Option, Text
from drafting.model import ParagraphKind, ParagraphStatus
from drafting.writers.compilation_html import bracket_count, render_html

ROW = re.compile(
    r'<tr class="(?P<css>[^"]*)">'
    r'(?:<th scope="row">(?P<label>[^<]*)(?:<span class="status">(?P<status>[^<]*)</span>)?</th>)?'
    r"<td[^>]*>(?P<text>.*?)</td>"
    r'<td class="count">(?P<count>\d+)</td></tr>',
    re.DOTALL,
)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
BLOCK = {"p", "div", "h1", "h2", "h3", "table", "ul", "ol", "li", "section", "header"}


class WellFormed(HTMLParser):
    """Collects every way the page is not well formed: a tag closed out of order or
    never closed, a void tag closed, a block inside a <p>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.problems: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in BLOCK and "p" in self.open:
            self.problems.append(f"<{tag}> inside <p>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            self.problems.append(f"</{tag}> closes a void tag")
        elif not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> while {self.open[-1:]} is open")
        else:
            self.open.pop()

    def close(self) -> None:
        super().close()
        self.problems.extend(f"<{tag}> never closed" for tag in self.open)


def rows(html: str) -> list[dict[str, str]]:
    return [match.groupdict() for match in ROW.finditer(html)]


def cell(make, *segments, **options) -> str:
    [row] = rows(render_html(make.compilation(make.paragraph("OP1", *segments, **options))))
    return row["text"]


def everything(make):
    """One of each kind of entry, for the whole-page checks."""
    return make.compilation(
        make.paragraph("H1", Text("The General Assembly,"), kind=ParagraphKind.HEADING, level=1),
        make.paragraph("PP1", Text("Recalling [its resolution 70/1 / the 2030 Agenda],"),
                       kind=ParagraphKind.PREAMBULAR),
        make.paragraph(
            "OP1", Text("Requests the Secretary-General to "),
            Alternatives("submit", ("JPN",), (Option("present", make.credit("EU")),
                                               Option("", make.credit("USA")))),
            Text(" a report\n(a) on fisheries;"),
            deletion=make.credit("RUS"), retains=make.credit("G77"),
            alternatives=(Option("Decides <to act>;", make.credit("CHN")),),
        ),
        NewParagraph("OP1 bis", "OP1", "Invites States to contribute;", make.credit("USA")),
        make.paragraph("OP2", Text("يقرر أن يعقد اجتماعا؛"), status=ParagraphStatus.AGREED),
        stale=(make.stale("a7", "op1", "EU", reason="its words changed"),),
    )


def test_page_is_standalone_utf8_and_prints_well(make):
    html = render_html(everything(make))
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">")
    assert "<title>A/C.2/81/L.7 — Sustainable fisheries</title>" in html
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    for rule in ("@page { size: A4;", "serif",
                 "ins { font-weight: bold; text-decoration: underline",
                 "del { text-decoration: line-through",
                 ".by { font-variant: small-caps; font-weight: bold"):
        assert rule in style
    assert "background" not in style
    assert '<h1 dir="auto">Sustainable fisheries</h1>' in html
    assert ('<p class="symbol"><span dir="auto">A/C.2/81/L.7</span> — compilation of proposals '
            "on the Zero draft</p>") in html


def test_legend_says_what_the_marks_mean(make):
    legend = re.search(r'<p class="legend">(.*?)</p>', render_html(make.compilation())).group(1)
    assert "<ins>inserted words</ins>" in legend
    assert "<del>deleted words</del>" in legend
    assert '<span class="by">(EU; supported by JPN)</span>' in legend
    assert "[ / ]" in legend and "not agreed" in legend


def test_page_is_well_formed(make):
    checker = WellFormed()
    checker.feed(render_html(everything(make)))
    checker.close()
    assert checker.doctype == "DOCTYPE html"
    assert checker.problems == []


def test_the_checker_would_catch_a_broken_page():
    checker = WellFormed()
    checker.feed("<p>open <ins>never closed</p><br></br><p><p>")
    checker.close()
    assert checker.problems == [
        "</p> while ['ins'] is open",
        "</br> closes a void tag",
        "<p> inside <p>",
        "<p> inside <p>",
        "<p> never closed",
        "<ins> never closed",
        "<p> never closed",
        "<p> never closed",
    ]


CHANGED = {
    "insert": "Requests the Secretary-General to submit a <ins>comprehensive</ins> {tag} report "
              "within existing resources;",
    "delete": "Requests the Secretary-General to submit a report "
              "<del>within existing resources</del> {tag};",
    "replace": "Requests the Secretary-General to <del>submit</del> <ins>present</ins> {tag} "
               "a report within existing resources;",
    "bracket": "Requests the Secretary-General to submit a report "
               "<ins>[</ins>within existing resources<ins>]</ins> {tag};",
}
TAGS = {"one": "(EU)", "several": "(EU, USA)", "supported": "(EU; supported by JPN, CAN)"}


def test_each_change_kind_with_each_kind_of_credit(make, change_kind, credit_case):
    case, by = credit_case
    tag = f'<span class="by">{TAGS[case]}</span>'
    expected = '<p dir="auto">' + CHANGED[change_kind].replace("{tag}", tag) + "</p>"
    assert cell(make, *make.change(change_kind, by)) == expected


def test_reasons_show_on_demand_over_the_codes(make):
    by = make.credit("EU", reasons=("agreed language", 'from "2030 Agenda"'))
    text = cell(make, Text("Requests "), Change("", "urgently ", by), Text("a report;"))
    assert ('<ins>urgently</ins> <span class="by" title="agreed language; from '
            '&quot;2030 Agenda&quot;">(EU)</span> a report;') in text


def test_alternatives_keep_the_original_first_with_who_retains_it(make):
    text = cell(
        make,
        Text("Requests the Secretary-General to "),
        Alternatives("submit", ("JPN", "CAN"), (
            Option("present", make.credit("EU")),
            Option("transmit", make.credit("G77", supporters=("BRA",))),
        )),
        Text(" a report;"),
    )
    assert text == (
        '<p dir="auto">Requests the Secretary-General to [submit <span class="by">(retain: JPN, '
        'CAN)</span> / <ins>present</ins> <span class="by">(EU)</span> / <ins>transmit</ins> '
        '<span class="by">(G77; supported by BRA)</span>] a report;</p>'
    )


def test_an_empty_option_proposes_to_delete_the_words(make):
    text = cell(
        make,
        Text("Requests a report "),
        Alternatives("within existing resources", (), (Option("", make.credit("USA")),)),
        Text(";"),
    )
    assert text == (
        '<p dir="auto">Requests a report [within existing resources / '
        '<del>within existing resources</del> <span class="by">(USA)</span>];</p>'
    )


def test_competing_insertions_leave_the_empty_original_out(make):
    text = cell(
        make,
        Text("Supports small-scale fishers"),
        Alternatives("", (), (
            Option(" and fish workers", make.credit("EU")),
            Option(" and fishworkers", make.credit("G77")),
        )),
        Text(";"),
    )
    assert text == (
        '<p dir="auto">Supports small-scale fishers [<ins>and fish workers</ins> '
        '<span class="by">(EU)</span> / <ins>and fishworkers</ins> '
        '<span class="by">(G77)</span>];</p>'
    )


def test_new_paragraph_is_a_row_in_place(make):
    compilation = make.compilation(
        make.paragraph("OP4", Text("Decides to act;")),
        NewParagraph("OP4 bis", "OP4", "Calls upon States to contribute;", make.credit("USA")),
        make.paragraph("OP5", Text("Decides to remain seized of the matter.")),
    )
    assert [(r["label"], r["status"], r["text"]) for r in rows(render_html(compilation))] == [
        ("OP4", None, '<p dir="auto">Decides to act;</p>'),
        ("OP4 bis", "new", '<p dir="auto"><span class="by">(USA)</span> '
                           "<ins>Calls upon States to contribute;</ins></p>"),
        ("OP5", None, '<p dir="auto">Decides to remain seized of the matter.</p>'),
    ]


def test_paragraph_deletion_retain_and_alternative_formulation(make):
    text = cell(
        make, Text("Decides to establish a working group;"),
        deletion=make.credit("USA"), retains=make.credit("G77", supporters=("BRA",)),
        alternatives=(Option("Decides to consider the matter;", make.credit("EU")),),
    )
    assert text == (
        '<p dir="auto">Decides to establish a working group; — <em class="note">delete paragraph '
        '<span class="by">(USA)</span></em> — <em class="note">retain <span class="by">(G77; '
        'supported by BRA)</span></em></p>'
        '<p dir="auto" class="alt"><b class="label">OP1 Alt</b> <span class="by">(EU)</span> '
        "<ins>Decides to consider the matter;</ins></p>"
    )


def test_headings_are_h2_without_a_label(make):
    compilation = make.compilation(
        make.paragraph("H1", Text("The General Assembly,"), kind=ParagraphKind.HEADING, level=1),
    )
    [row] = rows(render_html(compilation))
    assert row["label"] is None
    assert row["css"] == "heading open"
    assert row["text"] == '<h2 dir="auto">The General Assembly,</h2>'


@pytest.mark.parametrize(("status", "css", "text"), [
    (ParagraphStatus.OPEN, "open", "Decides to act;"),
    (ParagraphStatus.AGREED_AD_REF, "agreed-ad-ref", "Decides to act;"),
    (ParagraphStatus.AGREED, "agreed", "Decides to act;"),
    (ParagraphStatus.DELETED, "deleted", "<del>Decides to act;</del>"),
])
def test_status_is_shown_under_the_label(make, status, css, text):
    para = make.paragraph("OP3", Text("Decides to act;"), status=status)
    [row] = rows(render_html(make.compilation(para)))
    shown = None if status is ParagraphStatus.OPEN else str(status)
    assert (row["css"], row["label"], row["status"]) == (css, "OP3", shown)
    assert row["text"] == f'<p dir="auto">{text}</p>'


def test_user_text_is_escaped(make):
    evil = "<script>alert(\"x\") & 'y'</script>"
    safe = "&lt;script&gt;alert(&quot;x&quot;) &amp; &#x27;y&#x27;&lt;/script&gt;"
    compilation = make.compilation(
        make.paragraph("OP1", Text(f"Decides {evil} "), Change("", evil, make.credit("<u>"))),
        stale=(make.stale("<s>", "op1", "EU", reason=evil),),
        title=evil,
    )
    html = render_html(compilation)
    assert "<script" not in html and "<u>" not in html and "<s>" not in html
    assert f'<p dir="auto">Decides {safe} <ins>{safe}</ins> <span class="by">(&lt;u&gt;)</span>' \
        in html
    assert '<li><b>&lt;s&gt;</b> <span class="by">(EU)</span> on OP1: ' in html
    assert f"<title>A/C.2/81/L.7 — {safe}</title>" in html
    assert f'<span dir="auto">{safe}</span></li>' in html


def test_arabic_paragraphs_take_their_direction_from_the_text(make):
    text = cell(make, Text("يقرر أن "),
                Alternatives("يعقد", (), (Option("ينظم", make.credit("EGY")),)),
                Text(" اجتماعا؛"))
    assert text == ('<p dir="auto">يقرر أن [يعقد / <ins>ينظم</ins> '
                    '<span class="by">(EGY)</span>] اجتماعا؛</p>')


@pytest.mark.parametrize("mark", ["\u200f", "\u061c", "\u200f\u200e"])
def test_a_direction_mark_put_first_turns_no_paragraph_round(make, mark):
    """``dir="auto"`` would take the mark's direction: the first letter's is given."""
    text = cell(make, Change("", f"{mark}Further ", make.credit("JPN")), Text("Recognizes;"))
    assert text.startswith(f'<p dir="ltr"><ins>{mark}Further</ins>')
    arabic = cell(make, Change("", "\u200eيقرر ", make.credit("EGY")), Text("أن;"))
    assert arabic.startswith('<p dir="rtl"><ins>\u200eيقرر</ins>')


def test_line_breaks_become_br(make):
    assert cell(make, Text("Calls upon States:\n(a) To act;")) == (
        '<p dir="auto">Calls upon States:<br>\n(a) To act;</p>'
    )


def counted(make):
    """Hand-counted: PP1 1, OP1 3, OP2 3, and 0 for everything else - 7 in all."""
    usa = make.credit("USA")
    return make.compilation(
        # one "[" in the text
        make.paragraph("PP1", Text("Recalling [its resolution 70/1 / the 2030 Agenda],"),
                       kind=ParagraphKind.PREAMBULAR),
        # two "[" in the text, one in the words a deletion would remove
        make.paragraph("OP1", Text("Decides to convene [a meeting [in 2027]] "),
                       Change("[in New York]", "", usa), Text(";")),
        # one "[" in a bracket's original words, and two brackets of alternatives
        make.paragraph("OP2", Text("Requests the Secretary-General to "),
                       Alternatives("submit", (), (Option("present", usa),)),
                       Text(" a report "),
                       Alternatives("[annually]", ("JPN",), (Option("biennially", usa),)),
                       Text(";")),
        # proposals are not the text: a new paragraph, inserted brackets, a bracket request
        NewParagraph("OP2 bis", "OP2", "Invites [States] to act;", usa),
        make.paragraph("OP3", Text("Decides to act "),
                       Change("", "[urgently] ", usa),
                       Change("within resources", "[within resources]", usa, bracket=True),
                       Text(";"), alternatives=(Option("Decides [x];", usa),)),
        # a deleted paragraph holds no brackets any more
        make.paragraph("OP4", Text("Decides [to act];"), status=ParagraphStatus.DELETED),
    )


def test_bracket_count_per_entry(make):
    assert [bracket_count(entry) for entry in counted(make).entries] == [1, 3, 3, 0, 0, 0]


def test_page_shows_bracket_counts_per_paragraph_and_total(make):
    html = render_html(counted(make))
    assert [(r["label"], r["count"]) for r in rows(html)] == [
        ("PP1", "1"), ("OP1", "3"), ("OP2", "3"), ("OP2 bis", "0"), ("OP3", "0"), ("OP4", "0"),
    ]
    assert '<p class="total">Brackets in the text: <strong id="total">7</strong></p>' in html


def test_stale_proposals_are_listed_at_the_end(make):
    compilation = make.compilation(
        make.paragraph("OP3", Text("Decides to act;")),
        stale=(make.stale("a7", "op3", "EU", "USA", reason="its words changed in Rev.1"),
               make.stale("a9", "p-gone", "G77", reason="the paragraph was deleted")),
    )
    html = render_html(compilation)
    section = html[html.index('<section class="stale">'):html.index("</section>")]
    assert section.split("\n")[1:] == [
        "<h2>Stale proposals</h2>",
        "<ul>",
        '<li><b>a7</b> <span class="by">(EU, USA)</span> on OP3: '
        '<span dir="auto">its words changed in Rev.1</span></li>',
        '<li><b>a9</b> <span class="by">(G77)</span> on p-gone: '
        '<span dir="auto">the paragraph was deleted</span></li>',
        "</ul>",
        "",
    ]
    assert "stale" not in render_html(make.compilation())


def test_front_matter_heads_the_page_and_the_chapeau_leads_into_the_table(make):
    compilation = make.compilation(
        make.paragraph("PP1", Text("Recalling its resolution 70/1,"),
                       kind=ParagraphKind.PREAMBULAR),
        front_matter=("United Nations", "", "Fiji & Samoa: <draft> resolution"),
        chapeau=make.chapeau)
    html = render_html(compilation)
    front = ('<header>\n<p dir="auto" class="front">United Nations</p>\n'
             '<p dir="auto" class="front"></p>\n'
             '<p dir="auto" class="front">Fiji &amp; Samoa: &lt;draft&gt; resolution</p>\n'
             '<h1 dir="auto">Sustainable fisheries</h1>\n')
    assert front in html
    assert ('</header>\n<p dir="auto" class="chapeau">The General Assembly,</p>\n'
            '<table class="compilation">') in html
    assert html.count("The General Assembly,") == 1  # not a row, not labelled
    checker = WellFormed()
    checker.feed(html)
    checker.close()
    assert checker.problems == []
    plain = render_html(make.compilation())
    assert 'class="front"' not in plain and 'class="chapeau"' not in plain


def test_the_drafts_own_formatting_shows_on_its_words_not_on_proposed_ones(make):
    from dataclasses import replace

    from drafting.model import Mark, Style

    entry = make.paragraph("PP1", Text("Recalling its resolution 70/"),
                           Change("1", "2", make.credit("EU")), Text(" of 2015,"),
                           kind=ParagraphKind.PREAMBULAR)
    # "Recalling" italic, "70/1" bold (the "1" deleted keeps it), "2015" with a raised "15"
    marked = (Mark(0, 9, Style.ITALIC), Mark(25, 29, Style.BOLD),
              Mark(35, 37, Style.SUPERSCRIPT))
    entry = replace(entry, paragraph=replace(entry.paragraph, marks=marked))
    [row] = rows(render_html(make.compilation(entry)))
    assert row["text"] == (
        '<p dir="auto"><em>Recalling</em> its resolution <strong>70/</strong><del><strong>1'
        '</strong></del> <ins>2</ins> <span class="by">(EU)</span> of 20<sup>15</sup>,</p>')
