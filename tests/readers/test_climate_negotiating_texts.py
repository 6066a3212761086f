"""A UNFCCC draft decision as the secretariat circulates it: headings in curly braces,
which mark a structure not yet agreed ("{I. Preamble}", "{II. Mitigation}"), and "Alt 1:"
/ "Alt 2: No text" lines under a paragraph, its alternatives. The braced headings before
the operative part were read as preambular paragraphs (PP1 "{I. Preamble}", every PP
label after it off by one), and the "Alt" lines as other text T1, with a warning."""

from __future__ import annotations

from pathlib import Path

import docx

from drafting.model import AmendmentKind
from drafting.readers import read_docx_draft, read_docx_submission, read_text

CHAPEAU = ("The Conference of the Parties serving as the meeting of the Parties to the Paris "
           "Agreement,")
OWN = "Decides that Parties shall communicate their adaptation plans every [X] years;"
ALT = "Decides that Parties [may][are encouraged to] communicate their adaptation plans;"
LINES = ["Draft decision -/CMA.7", CHAPEAU, "{I. Preamble}",
         "Recalling Article 7 of the Paris Agreement,",
         "Recognizing that [XX] per cent of the population is highly vulnerable,",
         "{II. Mitigation}", "1.\tUrges Parties to reduce emissions;", f"2.\t{OWN}",
         f"Alt 1:\t{ALT}", "Alt 2:\tNo text", "{Finance}",
         "3.\tRequests the secretariat to organize a workshop;"]
READ = [("H1", "{I. Preamble}"), ("PP1", "Recalling Article 7 of the Paris Agreement,"),
        ("PP2", "Recognizing that [XX] per cent of the population is highly vulnerable,"),
        ("H2", "{II. Mitigation}"), ("OP1", "Urges Parties to reduce emissions;"),
        ("OP2", f"[{OWN}][{ALT}][]"), ("H3", "{Finance}"),
        ("OP3", "Requests the secretariat to organize a workshop;")]


def test_braced_headings_and_alt_lines_read_as_the_secretariat_wrote_them():
    result = read_text("\n\n".join(LINES) + "\n")
    assert [(p.label, p.text) for p in result.paragraphs] == READ
    assert result.chapeau == CHAPEAU
    assert not result.warnings


def test_the_same_from_word(tmp_path: Path):
    word = docx.Document()
    for line in LINES:
        word.add_paragraph(line)
    word.save(str(tmp_path / "decision.docx"))
    result = read_docx_draft(tmp_path / "decision.docx")
    assert [(p.label, p.text) for p in result.paragraphs] == READ


def test_an_alternative_under_a_paragraph_with_a_later_option_number():
    lines = [CHAPEAU, "Recalling Article 7 of the Paris Agreement,", f"1.\t{OWN}",
             f"Option 2: {ALT}", "2.\tRequests the secretariat to act;"]
    result = read_text("\n\n".join(lines) + "\n")
    assert [(p.label, p.text) for p in result.paragraphs][1:] == [
        ("OP1", f"[{OWN}][{ALT}]"), ("OP2", "Requests the secretariat to act;")]


def test_a_copy_changing_the_first_alt_line_amends_its_paragraph(tmp_path: Path):
    source = tmp_path / "decision.docx"
    word = docx.Document()
    for line in LINES:
        word.add_paragraph(line)
    word.save(str(source))
    document = read_docx_draft(source).to_document("FCCC/PA/CMA/2025/L.5")
    copy = docx.Document(str(source))
    for paragraph in copy.paragraphs:
        if paragraph.text.startswith("Alt 1:"):
            paragraph.runs[0].text = paragraph.runs[0].text.replace("plans;", "plans annually;")
    copy.save(str(tmp_path / "eu.docx"))
    read = read_docx_submission(tmp_path / "eu.docx", document, delegation="EU")
    op2 = document.current.by_label("OP2")
    (amendment,) = read.amendments
    assert (amendment.paragraph_id, amendment.kind, amendment.new_text) == (
        op2.id, AmendmentKind.INSERT, " annually")
    at = amendment.anchor.end
    assert op2.text[:at] + amendment.new_text + op2.text[at:] == \
        f"[{OWN}][{ALT.replace('plans;', 'plans annually;')}][]"


def test_bracketed_option_headings_in_braces_head_their_paragraphs():
    lines = [CHAPEAU, "[{Option 1}]", "Recalling Article 7 of the Paris Agreement,",
             "[{Option 2}]", "1.\tUrges Parties to reduce emissions;",
             "2.\tDecides to review progress;"]
    result = read_text("\n\n".join(lines) + "\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("H1", "[{Option 1}]"), ("PP1", "Recalling Article 7 of the Paris Agreement,"),
        ("H2", "[{Option 2}]"), ("OP1", "Urges Parties to reduce emissions;"),
        ("OP2", "Decides to review progress;")]
    assert not result.warnings


BRACED_BLOCKS = ["The Conference of the Parties,", "1.\tUrges Parties to act;", "{Option 1}",
                 "2.\tDecides A;", "3.\tDecides B;", "[{Option 2}]", "2.\tDecides C;"]
"""Options in braces as blocks of paragraphs, each numbering from its own start again."""
BLOCKS_READ = [("OP1", "Urges Parties to act;"), ("H1", "{Option 1}"),
               ("OPTION 1.2", "Decides A;"), ("OPTION 1.3", "Decides B;"),
               ("H2", "[{Option 2}]"), ("OPTION 2.2", "Decides C;")]


def test_option_blocks_headed_in_braces_read_as_plain_option_lines_do():
    result = read_text("\n\n".join(BRACED_BLOCKS) + "\n")
    assert [(p.label, p.text) for p in result.paragraphs] == BLOCKS_READ
    plain = [line.strip("[{}]") for line in BRACED_BLOCKS]
    assert [p.label for p in read_text("\n\n".join(plain) + "\n").paragraphs] == \
        [label for label, _ in BLOCKS_READ]
    assert not result.warnings


def test_option_blocks_headed_in_braces_from_word(tmp_path: Path):
    word = docx.Document()
    for line in BRACED_BLOCKS:
        word.add_paragraph(line)
    word.save(str(tmp_path / "decision.docx"))
    result = read_docx_draft(tmp_path / "decision.docx")
    assert [(p.label, p.text) for p in result.paragraphs] == BLOCKS_READ


ARTICLES = ["The Parties to this Agreement,", "Recognizing the need for action,",
            "Have agreed as follows:", "Article 3", "1.\tThis Agreement applies to all Parties.",
            "Article 4", "1.\tEach Party shall prepare a contribution.",
            "2.\tParties shall pursue domestic measures."]


def test_a_proponents_line_after_an_article_paragraph_is_asked_for_no_label():
    lines = [*ARTICLES, "(Proponents: EU, AOSIS, Rwanda)", "3.\tEach Party shall report."]
    result = read_text("\n\n".join(lines) + "\n")
    assert [(p.label, p.text) for p in result.paragraphs][-3:] == [
        ("4.2", "Parties shall pursue domestic measures."),
        ("T2", "(Proponents: EU, AOSIS, Rwanda)"), ("4.3", "Each Party shall report.")]
    (warning,) = [w.message for w in result.warnings if "T2" in w.message]
    assert warning == ("paragraph without a label after 4.2; kept as other text T2, "
                       "a line naming proponents")


def test_an_unlabelled_line_in_an_article_is_asked_for_a_label_of_its_kind():
    result = read_text("\n\n".join([*ARTICLES, "Some words without a label"]) + "\n")
    (warning,) = [w.message for w in result.warnings if "T2" in w.message]
    assert "after 4.2" in warning and "(e.g. 4.3)" in warning and "OP" not in warning
