"""A copy converted from the draft's PDF back to Word, then edited: each printed line a
Word paragraph of its own (or a paragraph broken by hand at each line), the label on the
first line only, words hyphenated at a line's end. Its lines are read back as the
draft's paragraphs, so that the edit alone is an amendment. Each line was read as a new
paragraph, and every paragraph cut after its first line.

`test_copy_joined_lines` covers the other joining of lines: the lines of one paragraph's
sub-paragraphs ("(a)", "(b)") joined with Track Changes."""

from __future__ import annotations

import pytest
from printed_copies import PARAGRAPHS, PRINTED, SYMBOL, write_draft, write_printed

from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

K = AmendmentKind


@pytest.fixture
def document(tmp_path):
    return read_draft(write_draft(tmp_path / "draft.docx")).to_document(SYMBOL)


@pytest.mark.parametrize("breaks", [False, True], ids=["paragraph per line", "line breaks"])
def test_the_printed_lines_are_read_as_the_drafts_paragraphs(tmp_path, document, breaks):
    copy = write_printed(tmp_path / "copy.docx", breaks=breaks)
    result = read_docx_submission(copy, document, delegation="BRA")
    op1 = document.current.by_label("OP1")
    (amendment,) = result.amendments
    assert (amendment.kind, amendment.paragraph_id, amendment.old_text, amendment.new_text) == (
        K.REPLACE, op1.id, "second", "third")
    (said,) = [w.message for w in result.warnings]
    assert "the printed lines of the draft's paragraphs" in said
    assert "the lines of PP1, PP2, OP1, OP2 were read as those paragraphs" in said


def test_a_copy_with_one_paragraph_in_lines_is_read_as_it_is_with_a_warning(tmp_path,
                                                                             document):
    printed = [(text,) for text in PARAGRAPHS]  # a Word paragraph a paragraph...
    printed[3] = PRINTED[3]  # ... but OP1, edited: its split may be the delegation's
    copy = write_printed(tmp_path / "copy.docx", printed=tuple(printed))
    result = read_docx_submission(copy, document, delegation="BRA")
    assert [a.kind for a in result.amendments] == [K.DELETE, K.NEW_PARAGRAPH]
    (said,) = [w.message for w in result.warnings]
    assert "may be the printed lines of the draft's paragraphs" in said
    assert "read as they are" in said


def test_a_paragraph_split_in_two_on_purpose_is_read_without_the_pdf_warning(tmp_path,
                                                                             document):
    printed = [(text,) for text in PARAGRAPHS]  # OP2 split after its first part, the
    printed[4] = ("2.\tRequests the Secretary-General to submit a report;",  # second
                  "Requests also a report on the implementation of the present resolution "
                  "within existing resources;")  # rewritten as a paragraph of its own
    copy = write_printed(tmp_path / "copy.docx", printed=tuple(printed))
    result = read_docx_submission(copy, document, delegation="BRA")
    op2 = document.current.by_label("OP2")
    assert [(a.kind, a.paragraph_id) for a in result.amendments] == [
        (K.DELETE, op2.id), (K.NEW_PARAGRAPH, op2.id)]
    assert result.amendments[1].new_text.startswith("Requests also a report")
    assert result.warnings == ()


def test_a_printed_line_ending_at_a_colon_before_a_capital_still_warns(tmp_path, document):
    printed = [(text,) for text in PARAGRAPHS]  # PP1's line ends at "world:", the next
    printed[1] = ("Recalling its resolution 70/1 of 25 September 2015, entitled "  # opens
                  "\"Transforming our world:",  # with a capital: but the draft holds
                  "The 2030 Agenda for Sustainable Development\",")  # "world: the"
    copy = write_printed(tmp_path / "copy.docx", printed=tuple(printed))
    result = read_docx_submission(copy, document, delegation="BRA")
    (said,) = [w.message for w in result.warnings]
    assert "may be the printed lines of the draft's paragraphs" in said


FURNITURE = (("24-12345 (E)",), ("2/3",), (SYMBOL,))
"""What a page break leaves in a converted PDF: the first page's footer (job number, page
number) and the next page's header (the symbol)."""


@pytest.mark.parametrize("furniture", [FURNITURE, (("- 2 -",),), (("GE.24-12345",), ("2",)),
                                       (("Page 2 of 3",),)],
                         ids=["UN New York", "dashes", "Geneva", "page of"])
def test_page_furniture_between_a_paragraphs_lines_is_left_out(tmp_path, document,
                                                               furniture):
    # OP1's page ends after its first line; OP2's page break falls between two paragraphs
    printed = (*PRINTED[:3], PRINTED[3][:1], *furniture, PRINTED[3][1:], *furniture,
               *PRINTED[4:])
    copy = write_printed(tmp_path / "copy.docx", printed=printed)
    result = read_docx_submission(copy, document, delegation="BRA")
    op1 = document.current.by_label("OP1")
    (amendment,) = result.amendments
    assert (amendment.kind, amendment.paragraph_id, amendment.old_text, amendment.new_text) == (
        K.REPLACE, op1.id, "second", "third")
    said = [w.message for w in result.warnings]
    assert any("the printed lines of the draft's paragraphs" in m for m in said), said
    left = [m for m in said if "page" in m and "left out" in m]
    assert len(left) == 1, said
    for (line,) in furniture:
        assert f"'{line}'" in left[0]


def test_a_lone_page_number_typed_as_a_new_paragraph_in_an_ordinary_copy_is_read(
        tmp_path, document):
    # not a converted PDF: a paragraph a paragraph, one new paragraph "2" is a proposal
    printed = [(text,) for text in PARAGRAPHS]
    printed.insert(4, ("2",))
    copy = write_printed(tmp_path / "copy.docx", printed=tuple(printed))
    result = read_docx_submission(copy, document, delegation="BRA")
    assert [(a.kind, a.new_text) for a in result.amendments] == [(K.NEW_PARAGRAPH, "2")]
