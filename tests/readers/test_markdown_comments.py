"""HTML comments in a Markdown draft (``<!-- ... -->``): Markdown never shows them, but
the reader took them as text, so a drafter's note to self ("do not circulate") became
front matter or a paragraph's words, and was circulated with every compilation. A
comment on lines of its own also ran into the next line ("<!-- ... --> # Title"), so the
title was lost into the front matter."""

from __future__ import annotations

from drafting.readers.textfile import _without_comments, read_text

DRAFT = """<!-- facilitator's note: do not circulate -->
# Humanitarian assistance

A/81/L.19

The General Assembly,

*Recalling* its resolution 46/182,

1. Calls upon all States to act <!-- EU asked for "urgently" here -->;

<!--
2. Requests a report (dropped in informals).
-->

2. Decides to remain seized.
"""


def test_comments_are_left_out_each_with_a_warning_and_lines_stay_where_they_were():
    read = read_text(DRAFT, name="d.md", markdown=True)
    assert read.title == "Humanitarian assistance"
    assert read.after_title == ("A/81/L.19",) and read.front_matter == ()
    assert [(p.label, p.text) for p in read.paragraphs] == [
        ("PP1", "Recalling its resolution 46/182,"),
        ("OP1", "Calls upon all States to act ;"), ("OP2", "Decides to remain seized.")]
    said = [(w.where, w.message) for w in read.warnings if "HTML comment" in w.message]
    assert said == [
        ("d.md, line 1", "an HTML comment, which Markdown does not show, was left out: "
                         "'facilitator's note: do not circulate'"),
        ("d.md, line 10", "an HTML comment, which Markdown does not show, was left out: "
                          "'EU asked for \"urgently\" here'"),
        ("d.md, line 12", "an HTML comment, which Markdown does not show, was left out: "
                          "'2. Requests a report (dropped in informals).'")]
    assert not any("do not circulate" in p.text for p in read.paragraphs)


def test_an_escaped_or_unclosed_comment_and_a_plain_text_file_keep_it_as_text():
    escaped = read_text("The General Assembly,\n\n1. Decides \\<!-- x --> to act.\n",
                        markdown=True)
    assert escaped.paragraphs[0].text == "Decides <!-- x --> to act."
    unclosed = read_text("The General Assembly,\n\n1. Decides <!-- to act.\n", markdown=True)
    assert unclosed.paragraphs[0].text == "Decides <!-- to act."
    plain = read_text("The General Assembly,\n\n1. Decides <!-- x --> to act.\n")
    assert plain.paragraphs[0].text == "Decides <!-- x --> to act."


def test_a_file_of_comment_openings_is_read_in_one_pass():
    """Each "<!--" looked for its "-->" through the rest of the file: a file of them,
    never closed (hostile, or a broken export), took time growing as their count squared
    (8,000 took 2 s; a 10 MB file would take hours). Now the first one never closed ends
    the search, and what follows is text."""
    source = "The General Assembly,\n\n1. Decides " + "<!--x" * 2_000_000
    assert _without_comments(source, "d.md") == (source, [])
    closed, said = _without_comments("1. Decides" + " <!-- x -->" * 200_000 + " to act.",
                                      "d.md")
    assert closed == "1. Decides" + " " * 200_000 + " to act." and len(said) == 200_000
