"""A whole option block bracketed, as chairs' texts of treaties bracket one: "[Option 1"
on its own line, its paragraphs, the last ending "...Parties.]". The import warned of
two brackets across paragraphs per block ("read as two unbalanced brackets") and `show`
counted them unbalanced; the article's paragraph after the blocks ("4.") was read as
the last option's (``5 OPTION 2.4``). A block's two brackets now pair, one bracket on
its heading; anything else keeps the warning. An amendment refused for quoting the
block's "]" says which bracket it closes."""

from __future__ import annotations

import pytest

from drafting.engine import Proposal, bracket_report, draft_amendment
from drafting.engine.amend import apply
from drafting.errors import AmendmentError
from drafting.model import ParagraphKind
from drafting.readers import read_text
from drafting.readers.text_checks import stray_brackets

FUND = "A dedicated fund is hereby established."
GUIDANCE = "The fund shall operate under the guidance of the Conference of the Parties."
GEF = "The Global Environment Facility shall serve as the financial mechanism."
REVIEW = "The Conference of the Parties shall review this article."


def _article(option_1: str, option_2: str, *paragraphs: str) -> str:
    """Article 5 ("1." then the options' blocks, each line a paragraph), Article 6."""
    lines = ["The Parties to this Agreement,", "Recognizing the need for finance,",
             "Article 5", "Financing", "1. Each Party shall provide resources.", option_1,
             *paragraphs[:2], option_2, *paragraphs[2:], "Article 6",
             "1. Each Party shall report."]
    return "\n\n".join(lines) + "\n"


def _read(text: str):
    read = read_text(text, name="draft.md")
    return read, [(p.label, p.text) for p in read.paragraphs
                  if p.kind is not ParagraphKind.HEADING][2:-1]


def test_a_bracketed_option_block_is_one_bracket_and_the_article_goes_on_after_it():
    read, article = _read(_article("[Option 1", "[Option 2", f"2. {FUND}",
                                   f"3. {GUIDANCE}]", f"2. {GEF}]", f"4. {REVIEW}"))
    assert article == [("5 OPTION 1.2", FUND), ("5 OPTION 1.3", f"{GUIDANCE}]"),
                       ("5 OPTION 2.2", f"{GEF}]"), ("5.4", REVIEW)]
    assert read.warnings == ()
    assert stray_brackets(read.paragraphs) == []
    report = bracket_report(read.paragraphs)
    assert (report.total, report.unbalanced) == (2, 0)
    texts = {p.label: p.text for p in read.paragraphs}
    assert [(texts[c.label], c.brackets) for c in report.paragraphs if c.brackets] == [
        ("[Option 1", 1), ("[Option 2", 1)]


def test_the_bracket_closing_an_option_block_ends_it_where_the_numbers_tell_nothing():
    """Blocks of one length: only the "]" tells that "4." is the article's again."""
    _, article = _read(_article("[Option 1", "[Option 2", f"2. {FUND}", f"3. {GUIDANCE}]",
                                f"2. {GEF}", f"3. {GUIDANCE}]", f"4. {REVIEW}"))
    assert article[-2:] == [("5 OPTION 2.3", f"{GUIDANCE}]"), ("5.4", REVIEW)]


def test_the_number_that_goes_on_from_the_longest_option_block_is_the_articles():
    _, article = _read(_article("Option 1", "Option 2", f"2. {FUND}", f"3. {GUIDANCE}",
                                f"2. {GEF}", f"4. {REVIEW}", f"5. {REVIEW[:-1]} again."))
    assert article[-3:] == [("5 OPTION 2.2", GEF), ("5.4", REVIEW),
                            ("5.5", f"{REVIEW[:-1]} again.")]


def test_option_blocks_of_one_length_without_brackets_keep_the_last_options_paragraph():
    """Nothing tells whether "4." is Option 2's or the article's: read as before."""
    _, article = _read(_article("Option 1", "Option 2", f"2. {FUND}", f"3. {GUIDANCE}",
                                f"2. {GEF}", f"3. {GUIDANCE}", f"4. {REVIEW}"))
    assert article[-1] == ("5 OPTION 2.4", REVIEW)


@pytest.mark.parametrize(("option_1", "closing", "why"), [
    ("[Option 1", f"3. {GUIDANCE[:-1]}].", "a full stop after the ']'"),
    ("[Option 1", "3. The fund shall operate] under the guidance.]",
     "another stray bracket in the closing paragraph"),
    ("[Option 1", f"3. {GUIDANCE}]", "another stray bracket in the block: 'A [dedicated'"),
])
def test_only_a_strict_option_block_pairs_its_brackets(option_1, closing, why):
    fund = FUND.replace("A ", "A [") if "A [" in why else FUND
    read, _ = _read(_article(option_1, "Option 2", f"2. {fund}", closing, f"2. {GEF}"))
    assert any("a bracket across paragraphs is read as two unbalanced brackets" in
               w.message for w in read.warnings), why
    assert bracket_report(read.paragraphs).unbalanced >= 2, why


def test_a_bracket_closed_past_the_next_option_line_is_no_block_of_its_own():
    """"[Option 1" closed by the "]" of Option 2's paragraph: two brackets across
    paragraphs, warned of as before (and Option 2's paragraph stays Option 2's)."""
    read, article = _read(_article("[Option 1", "Option 2", f"2. {FUND}", f"3. {GUIDANCE}",
                                   f"2. {GEF}]"))
    assert article[-1] == ("5 OPTION 2.2", f"{GEF}]")
    (warning,) = read.warnings
    assert "closes the '[' opened in H3 at character 0" in warning.message  # "[Option 1"
    assert len(stray_brackets(read.paragraphs)) == 2


def test_amendments_in_a_bracketed_option_block_and_a_refusal_naming_its_bracket():
    document = read_text(_article("[Option 1", "[Option 2", f"2. {FUND}", f"3. {GUIDANCE}]",
                                  f"2. {GEF}]"), name="draft.md").to_document("INC/1")
    made = draft_amendment(document.current, Proposal(
        "5 option 1.3", replace="guidance", with_="authority"), id="A1", proponents="EU")
    assert apply(GUIDANCE + "]", made) == GUIDANCE.replace("guidance", "authority") + "]"
    with pytest.raises(AmendmentError, match=(
            r"bracketing 'Parties\.\]' would cut a bracket in half \(']' has no opening '\[' "
            r"at character 75\); quote whole brackets; the '\]' ending 5 OPTION 1\.3 closes "
            r"the bracket that '\[Option 1' \(H3\) opens around its option block: quote "
            "words before it")):
        draft_amendment(document.current, Proposal("5 OPTION 1.3", bracket="Parties.]"),
                        id="A2", proponents="EU")
