"""`bracket_report`: brackets left per paragraph, beside the revision before."""

from __future__ import annotations

import json

from drafting.engine import bracket_report
from drafting.model import Paragraph, ParagraphKind, ParagraphStatus

OP = ParagraphKind.OPERATIVE


def test_counts_pairs_nested_and_adjacent_and_lists_the_choices():
    report = bracket_report([
        Paragraph("p1", "OP1", OP, "Decides to [submit / present] a report [[soon] / later];"),
        Paragraph("p2", "OP2", OP, "Invites [States][Members];"),
        Paragraph("p3", "OP3", OP, "No brackets;"),
    ])
    assert [c.brackets for c in report.paragraphs] == [3, 2, 0]
    assert report.total == 5
    first = report.paragraphs[0].groups
    assert [g.alternatives for g in first] == [("submit", "present"), ("[soon]", "later"),
                                              ("soon",)]
    assert [g.alternatives for g in report.paragraphs[1].groups] == [("States", "Members")]
    assert report.change is None and report.paragraphs[0].change is None


def test_previous_revision_matched_by_paragraph_id_not_label():
    before = [Paragraph("a", "OP1", OP, "[x] [y] [z];"), Paragraph("b", "OP2", OP, "[w];"),
              Paragraph("gone", "OP3", OP, "[v];")]
    after = [Paragraph("new", "OP1", OP, "New text;"),
             Paragraph("a", "OP2", OP, "x [y];"),
             Paragraph("b", "OP3", OP, "[w] and [u];")]
    report = bracket_report(after, previous=before, previous_label="Rev.1")
    assert [(c.label, c.brackets, c.previous, c.change) for c in report.paragraphs] == [
        ("OP1", 0, None, None), ("OP2", 1, 3, -2), ("OP3", 2, 1, 1)]
    assert (report.previous_total, report.total, report.change) == (5, 3, -2)
    data = report.to_json()
    assert data["previous"] == {"revision": "Rev.1", "total": 5}
    assert data["paragraphs"][2]["groups"] == [{"number": 1, "alternatives": ["w"]},
                                               {"number": 2, "alternatives": ["u"]}]


def test_deleted_paragraphs_count_none():
    deleted = Paragraph("d", "OP4", OP, "[gone] [", status=ParagraphStatus.DELETED)
    report = bracket_report([deleted])
    assert (report.total, report.unbalanced) == (0, 0)
    assert report.paragraphs[0].groups == ()


def test_stray_brackets_are_counted_apart_from_the_pairs():
    report = bracket_report([
        Paragraph("a", "OP1", OP, "Decides [to act;"),
        Paragraph("b", "OP2", OP, "for [sustainable [development]],] [now];"),
        Paragraph("c", "OP3", OP, "[a / b];"),
    ], previous=[Paragraph("b", "OP2", OP, "for sustainable development]],]")],
        previous_label="Zero draft")
    assert [(c.brackets, c.unbalanced) for c in report.paragraphs] == [(0, 1), (3, 1), (1, 0)]
    assert (report.total, report.unbalanced) == (4, 2)
    assert (report.previous_total, report.change) == (0, 4)  # stray brackets are no progress
    assert [g.alternatives for g in report.paragraphs[1].groups] == [
        ("sustainable [development]",), ("development",), ("now",)]
    data = report.to_json()
    assert (data["total"], data["unbalanced"]) == (4, 2)
    assert [(p["label"], p["brackets"], p["unbalanced"]) for p in data["paragraphs"]] == [
        ("OP1", 0, 1), ("OP2", 3, 1), ("OP3", 1, 0)]
    assert data["paragraphs"][0]["groups"] == []
    assert json.loads(json.dumps(data)) == data


def test_a_balanced_text_has_nothing_unbalanced():
    report = bracket_report([Paragraph("a", "OP1", OP, "[a] [b / c];")])
    assert report.unbalanced == 0 == report.paragraphs[0].unbalanced
    assert report.to_json()["unbalanced"] == 0


def test_a_paragraphs_count_is_found_however_its_label_is_spelt():
    report = bracket_report([Paragraph("p", "OP5 bis", OP, "[a];"),
                             Paragraph("q", "OP6", OP, "b;")])
    assert report.count_of("op 5  BIS").brackets == 1
    assert report.count_of("op6").label == "OP6"
    assert report.count_of("OP7") is None


def test_a_bracketed_option_block_is_one_bracket_on_its_heading():
    """"[Option 1", its paragraphs, the last ending "]": one bracket (on the heading), no
    unbalanced one; it was two unbalanced brackets and no bracket."""
    heading = ParagraphKind.HEADING
    block = [Paragraph("h", "H2", heading, "[Option 1", level=2),
             Paragraph("a", "5 OPTION 1.1", OP, "A fund is established."),
             Paragraph("b", "5 OPTION 1.2", OP, "It reports [annually / biennially].]"),
             Paragraph("c", "5.2", OP, "Parties shall review this article.")]
    report = bracket_report(block)
    assert [(c.label, c.brackets, c.unbalanced) for c in report.paragraphs] == [
        ("H2", 1, 0), ("5 OPTION 1.1", 0, 0), ("5 OPTION 1.2", 1, 0), ("5.2", 0, 0)]
    assert (report.total, report.unbalanced) == (2, 0)
    chosen = bracket_report(block[3:], previous=block, previous_label="Zero draft")
    assert (chosen.previous_total, chosen.total) == (2, 0)
    half = bracket_report(block[1:])  # the heading gone: its "]" is stray again
    assert (half.total, half.unbalanced) == (1, 1)
