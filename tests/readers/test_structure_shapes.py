"""Lines that are headings by their shape alone, and the numbered recitals of a European
Union act: texts as written by others, with no heading style and no ``#``."""

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from drafting.model import ParagraphKind, parse_label
from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers import write_text

OUTCOME = """\
The General Assembly,

Recalling its resolution 70/1,

Adopts the following declaration:

I. Introduction

1. We, the Heads of State and Government, have gathered.

2. We reaffirm our commitment.

II. Means of implementation

A. Financing

3. We commit to mobilize resources.

Follow-up and review

4. We decide to review progress.
"""


def test_roman_and_lettered_lines_and_short_titles_between_paragraphs_are_headings():
    """ "I. Introduction" was read as a preambular paragraph, "II. ..." and "Follow-up
    and review" as other text with a warning asking for a label."""
    result = read_text(OUTCOME)
    assert [(p.label, p.kind, p.text) for p in result.paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1,"),
        ("PP2", ParagraphKind.PREAMBULAR, "Adopts the following declaration:"),
        ("H1", ParagraphKind.HEADING, "I. Introduction"),
        ("OP1", ParagraphKind.OPERATIVE, "We, the Heads of State and Government, have gathered."),
        ("OP2", ParagraphKind.OPERATIVE, "We reaffirm our commitment."),
        ("H2", ParagraphKind.HEADING, "II. Means of implementation"),
        ("H3", ParagraphKind.HEADING, "A. Financing"),
        ("OP3", ParagraphKind.OPERATIVE, "We commit to mobilize resources."),
        ("H4", ParagraphKind.HEADING, "Follow-up and review"),
        ("OP4", ParagraphKind.OPERATIVE, "We decide to review progress.")]
    assert result.warnings == ()


def test_an_outcome_document_written_back_reads_the_same():
    result = read_text(OUTCOME)
    again = read_text(write_text(result.title, result.paragraphs,
                                 front_matter=result.front_matter, chapeau=result.chapeau))
    assert [(p.label, p.text) for p in again.paragraphs] == [
        (p.label, p.text) for p in result.paragraphs]


def test_sections_numbered_by_roman_headings_label_their_paragraphs_by_section():
    result = read_text("I. Scope\n\n1.1 These guidelines apply to ships.\n\n"
                       "1.2 They are voluntary.\n\nII. Application\n\n"
                       "2.1 Flag States apply them.\n")
    assert [(p.label, p.kind) for p in result.paragraphs] == [
        ("H1", ParagraphKind.HEADING), ("1.1", ParagraphKind.OPERATIVE),
        ("1.2", ParagraphKind.OPERATIVE), ("H2", ParagraphKind.HEADING),
        ("2.1", ParagraphKind.OPERATIVE)]


@pytest.mark.parametrize(("chapeau", "first", "second", "texts"), [
    pytest.param("The General Assembly,", "I. Introduction", "II. Means of implementation",
                 ("1. Text one.", "1. Text two."), id="English"),
    pytest.param("大会，", "一、导言", "二、执行手段", ("1. 案文一。", "1. 案文二。"),
                 id="Chinese"),
    pytest.param("إن الجمعية العامة،", "أولا - مقدمة", "ثانيا - وسائل التنفيذ",
                 ("1 - نص أول.", "1 - نص ثان."), id="Arabic"),
])
def test_numbered_headings_in_the_six_languages_number_their_sections_alike(
        chapeau, first, second, texts):
    """Paragraphs numbered from 1 under each heading are labelled by the heading's number,
    as a Roman numeral in every language (the Chinese and Arabic headings were other
    text, and the second "1." refused as a label used twice)."""
    result = read_text(f"{chapeau}\n\n{first}\n\n{texts[0]}\n\n{second}\n\n{texts[1]}\n")
    assert [(p.label, p.kind) for p in result.paragraphs] == [
        ("H1", ParagraphKind.HEADING), ("I.1", ParagraphKind.OPERATIVE),
        ("H2", ParagraphKind.HEADING), ("II.1", ParagraphKind.OPERATIVE)]
    assert result.paragraphs[2].text == second
    assert result.warnings == ()


@pytest.mark.parametrize("line", [
    "Requests a report.",  # a sentence: other text, to be labelled
    "[Placeholder on finance]",  # text to negotiate
    "- a bullet without a full stop",
    "\u201cQuoted words\u201d",
    "small-scale fisheries and aquaculture",  # a paragraph's line broken off, as from a PDF
])
def test_lines_that_are_not_headings_stay_other_text_with_a_warning(line):
    result = read_text(f"The General Assembly,\n\nRecalling,\n\n1. Decides;\n\n{line}\n\n"
                       "2. Requests;\n")
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "T1", "OP2"]
    assert len(result.warnings) == 1


def test_options_and_list_items_without_full_stops_are_no_headings():
    result = read_text("The General Assembly,\n\nRecalling,\n\n1. Calls upon States:\n\n"
                       "(a) Fishers\n\n(b) Farmers\n\n2.\n\nOption 1: Annually\n\n"
                       "Option 2: No text\n\n3. Requests a report.\n")
    assert [(p.label, p.text) for p in result.paragraphs][1:] == [
        ("OP1", "Calls upon States:\n(a) Fishers\n(b) Farmers"),
        ("OP2", "[Annually][]"),
        ("OP3", "Requests a report.")]
    assert result.warnings == ()


EU_ACT = """\
THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,

Having regard to the Treaty on the Functioning of the European Union,

Whereas:

(1)\tForests provide a broad variety of benefits.

(2)\tDeforestation is taking place at an alarming rate.

(3)\tThe Union should [reduce][halt] its contribution, in particular:

(a)\tby trade measures;

(b)\tby cooperation.

HAVE ADOPTED THIS REGULATION:

Article 1

1. This Regulation lays down rules.

Article 2

For the purposes of this Regulation, the following definitions shall apply:

(1) 'forest' means land spanning more than 0.5 hectares;

(2) 'Union' means the European Union.
"""


def test_numbered_recitals_after_whereas_are_preambular_paragraphs_of_their_own():
    """Each recital was a line of "Whereas:": the whole preamble one paragraph that no
    delegation could amend recital by recital."""
    result = read_text(EU_ACT)
    assert result.chapeau == "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"
    assert [(p.label, p.kind, p.text) for p in result.paragraphs][1:6] == [
        ("PP2", ParagraphKind.PREAMBULAR, "Whereas:"),
        ("PP3", ParagraphKind.PREAMBULAR, "(1)\tForests provide a broad variety of benefits."),
        ("PP4", ParagraphKind.PREAMBULAR,
         "(2)\tDeforestation is taking place at an alarming rate."),
        ("PP5", ParagraphKind.PREAMBULAR,
         "(3)\tThe Union should [reduce][halt] its contribution, in particular:\n"
         "(a)\tby trade measures;\n(b)\tby cooperation."),
        ("T1", ParagraphKind.OTHER, "HAVE ADOPTED THIS REGULATION:")]  # the formula
    # an article's numbered points after ":" stay its list
    assert result.paragraphs[-1].label == "2.1"
    assert result.paragraphs[-1].text.endswith("(2) 'Union' means the European Union.")


def test_a_list_numbered_in_brackets_under_another_preambular_paragraph_stays_its_list():
    result = read_text("The General Assembly,\n\nRecalling the following:\n\n"
                       "(1) the Charter;\n\n(2) the Declaration,\n\n1. Decides.\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling the following:\n(1) the Charter;\n(2) the Declaration,"),
        ("OP1", "Decides.")]


def _eu_docx(path, second="Deforestation is taking place at an alarming rate."):
    """Recitals numbered by Word (the "List Number" style) after "Whereas:", the second
    with a point numbered one level down."""
    word = docx.Document()
    word.add_paragraph("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,")
    word.add_paragraph("Whereas:")
    for text in ("Forests provide a broad variety of benefits.", second):
        word.add_paragraph(text, style="List Number")
    point = word.add_paragraph("in the tropics;", style="List Number")
    numbers = point._p.get_or_add_pPr().get_or_add_numPr()
    numbers.get_or_add_ilvl().val = 1
    numbers.get_or_add_numId().val = word.styles["List Number"].element.pPr.numPr.numId.val
    for listed in word.part.numbering_part.element.iter(qn("w:abstractNum")):
        if any(s.get(qn("w:val")) == "ListNumber" for s in listed.iter(qn("w:pStyle"))):
            listed.append(parse_xml(  # the template's list has one level: give it a second
                f'<w:lvl {nsdecls("w")} w:ilvl="1"><w:start w:val="1"/>'
                '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'))
    word.add_paragraph("HAVE ADOPTED THIS REGULATION:")
    word.add_paragraph("Article 1")
    word.add_paragraph("This Regulation lays down rules.")
    word.save(str(path))
    return path


def test_recitals_numbered_by_word_are_preambular_and_their_copies_amend_them(tmp_path):
    """Word's numbered recitals were read as operative paragraphs OP1 and OP2."""
    result = read_docx_draft(_eu_docx(tmp_path / "eu.docx"))
    assert [(p.label, p.kind) for p in result.paragraphs] == [  # the chapeau is no PP
        ("PP1", ParagraphKind.PREAMBULAR), ("PP2", ParagraphKind.PREAMBULAR),
        ("PP3", ParagraphKind.PREAMBULAR), ("T1", ParagraphKind.OTHER),
        ("H1", ParagraphKind.HEADING), ("OP1", ParagraphKind.OPERATIVE)]
    # the number is Word's, as an operative paragraph's: Word renumbers it, the text keeps
    # none; the point one level down is a line of its recital
    assert result.paragraphs[2].text.startswith(
        "Deforestation is taking place at an alarming rate.\n")
    assert result.paragraphs[2].text.endswith("\n(a) in the tropics;")
    document = result.to_document("EU/1")
    copy = _eu_docx(tmp_path / "copy.docx", "Deforestation is taking place at a worrying rate.")
    found = read_docx_submission(copy, document, delegation="EU")
    labels = {p.id: p.label for p in document.current}
    assert [(labels[a.paragraph_id], a.old_text, a.new_text) for a in found.amendments] == [
        ("PP3", "an alarming", "a worrying")]


def _bulleted(path, recalling="Recalling its resolution 70/1 of 25 September 2015, entitled "
              "\u201cTransforming our world\u201d,"):
    """A preamble whose first paragraph carries Word's bullet (the "List Bullet" style)."""
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    word.add_paragraph(recalling, style="List Bullet")
    word.add_paragraph("Noting the report,")
    word.add_paragraph("Decides to act;", style="List Number")
    word.save(str(path))
    return path


def test_a_copy_of_a_bulleted_preamble_proposes_only_its_edits(tmp_path):
    """The bullet is part of the paragraph's text: a copy read without it proposed to
    delete it, in the delegation's name."""
    result = read_docx_draft(_bulleted(tmp_path / "d.docx"))
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "\u2022 Recalling its resolution 70/1 of 25 September 2015, entitled "
                "\u201cTransforming our world\u201d,"), ("PP2", "Noting the report,"),
        ("OP1", "Decides to act;")]
    document = result.to_document("A/1")
    assert read_docx_submission(tmp_path / "d.docx", document, delegation="EU").amendments == ()
    copy = _bulleted(tmp_path / "c.docx", "Recalling its resolution 70/1 of 25 September "
                     "2015, entitled \u201cTransforming our world together\u201d,")
    found = read_docx_submission(copy, document, delegation="EU").amendments
    assert [(a.old_text, a.new_text) for a in found] == [
        ("world", " together")]  # inserted after "world"


def test_the_united_nations_heading_styles_are_headings(tmp_path):
    """A heading in the template's own style ("HCh", Geneva's "H1_G") was read as a
    preambular paragraph when no operative paragraph had come yet."""
    word = docx.Document()
    for name in ("HCh", "H1_G"):
        word.styles.add_style(name, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    word.add_paragraph("Oceans", style="HCh")
    word.add_paragraph("Fisheries", style="H1_G")
    word.add_paragraph("1. Decides to act;")
    word.save(str(tmp_path / "d.docx"))
    result = read_docx_draft(tmp_path / "d.docx")
    assert [(p.label, p.text, p.level) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,", 0), ("H1", "Oceans", 1),
        ("H2", "Fisheries", 2), ("OP1", "Decides to act;", 0)]


@pytest.mark.parametrize("chapeau", [
    "The Conference of the Parties serving as the meeting of the Parties to the Paris "
    "Agreement,",
    "The Meeting of the Parties to the Montreal Protocol on Substances that Deplete the "
    "Ozone Layer,",
    "La Conferencia de las Partes en calidad de reunión de las Partes en el Acuerdo de París,",
    "Конференция Сторон, действующая в качестве совещания Сторон Парижского соглашения,",
    "作为《巴黎协定》缔约方会议的《公约》缔约方大会，",
])
def test_the_long_chapeaus_of_treaty_bodies_set_the_front_matter_apart(chapeau):
    """A decision of the Paris Agreement's meeting of the Parties (16 words before the
    comma) had its symbol, title and chapeau read as preambular paragraphs."""
    result = read_text(f"Decision -/CMA.6\n\nNew collective quantified goal\n\n{chapeau}\n\n"
                       "Recalling Article 9,\n\n1. Decides to act;\n")
    assert (result.front_matter, result.title, result.chapeau) == (
        ("Decision -/CMA.6",), "New collective quantified goal", chapeau)
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1"]


def _sub_listed(path, protect="To protect fishers;", after="Calls upon States:"):
    """Operative paragraphs in Word's "List Number", the items of one in "List Number 2"
    (a list of its own, numbered from 1 again, indented)."""
    word = docx.Document()
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    word.add_paragraph("Decides to convene a meeting;", style="List Number")
    word.add_paragraph(after, style="List Number")
    for item in (protect, "To support workers;"):
        word.add_paragraph(item, style="List Number 2")
    word.add_paragraph("Requests a report.", style="List Number")
    word.save(str(path))
    return path


def test_a_list_of_its_own_under_a_paragraph_ending_with_a_colon_is_its_lines(tmp_path):
    """Its items were other text, T1 and T2, each with a warning that the numbering
    showed OP1 and OP2 a second time."""
    result = read_docx_draft(_sub_listed(tmp_path / "d.docx"))
    assert [(p.label, p.text) for p in result.paragraphs][1:] == [
        ("OP1", "Decides to convene a meeting;"),
        ("OP2", "Calls upon States:\n1. To protect fishers;\n2. To support workers;"),
        ("OP3", "Requests a report.")]
    assert result.warnings == ()
    document = result.to_document("A/1")
    copy = _sub_listed(tmp_path / "c.docx", protect="To protect small-scale fishers;")
    found = read_docx_submission(copy, document, delegation="EU").amendments
    assert [(a.paragraph_id, a.new_text.strip()) for a in found] == [
        (document.current.by_label("OP2").id, "small-scale")]


def test_a_list_of_its_own_after_a_finished_sentence_is_still_named(tmp_path):
    result = read_docx_draft(_sub_listed(tmp_path / "d.docx", after="Calls upon States."))
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2", "T1", "T2", "OP3"]
    assert len(result.warnings) == 2


def test_an_article_inserted_as_the_european_union_numbers_it_opens_its_own_section():
    """ "Article 5a" (inserted after Article 5) was no heading: its "1." was Article 5's
    paragraph 1 again, and the import was refused (the label 5.1 used twice)."""
    result = read_text("Article 5\n\n1. Text one.\n\n2. Text two.\n\nArticle 5a\n\n"
                       "1. New article text.\n\nArticle 6\n\n1. Six.\n")
    assert [p.label for p in result.paragraphs] == [
        "H1", "5.1", "5.2", "H2", "5A.1", "H3", "6.1"]
    assert parse_label("5a.1") == parse_label("5A.1") and str(parse_label("5a.1")) == "5A.1"


def test_paragraphs_lettered_as_the_european_union_inserts_them_are_bis_ter():
    """ "1a." (inserted after "1.") was other text with a warning asking for a label."""
    result = read_text("Article 5\n\n1. Text one.\n\n1a. Inserted.\n\n1b. Inserted too.\n\n"
                       "2. Text two.\n\nArticle 6\n\n1. Six.\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("H1", "Article 5"), ("5.1", "Text one."), ("5.1 bis", "Inserted."),
        ("5.1 ter", "Inserted too."), ("5.2", "Text two."), ("H2", "Article 6"),
        ("6.1", "Six.")]
    assert result.warnings == ()


PARTS = ["The General Assembly,", "Recalling its resolution 78/213,", "I",
         "Safety of journalists", "1.\tCalls upon States to protect journalists;",
         "2.\tUrges States to release detained journalists;", "II", "Follow-up",
         "3.\tRequests a report;"]


def _geneva(path, texts, style_of):
    """``texts`` in a Word file whose styles are named as the Geneva template names them."""
    word = docx.Document()
    for name in ("_ H _Ch_G", "_ H_1_G"):
        word.styles.add_style(name, 1)
    for text in texts:
        word.add_paragraph(text, style=style_of.get(text))
    word.save(str(path))
    return path


def test_a_resolutions_parts_numbered_on_a_line_of_their_own_are_headings(tmp_path):
    """ "I" then "Safety of journalists" were read as preambular paragraphs, "II" as other
    text with a warning."""
    plain = _geneva(tmp_path / "plain.docx", PARTS, {})
    for result in (read_text("\n\n".join(PARTS) + "\n"), read_docx_draft(plain)):
        assert [(p.label, p.kind, p.level, p.text) for p in result.paragraphs] == [
            ("PP1", ParagraphKind.PREAMBULAR, 0, "Recalling its resolution 78/213,"),
            ("H1", ParagraphKind.HEADING, 1, "I"),
            ("H2", ParagraphKind.HEADING, 2, "Safety of journalists"),
            ("OP1", ParagraphKind.OPERATIVE, 0, "Calls upon States to protect journalists;"),
            ("OP2", ParagraphKind.OPERATIVE, 0,
             "Urges States to release detained journalists;"),
            ("H3", ParagraphKind.HEADING, 1, "II"), ("H4", ParagraphKind.HEADING, 2, "Follow-up"),
            ("OP3", ParagraphKind.OPERATIVE, 0, "Requests a report;")]
        assert result.warnings == ()
    written = write_text(result.title, result.paragraphs, chapeau=result.chapeau,
                         markdown=True)
    again = read_text(written, markdown=True)
    assert [(p.label, p.text) for p in again.paragraphs] == \
        [(p.label, p.text) for p in result.paragraphs]


def test_headings_in_the_geneva_templates_own_style_names_are_headings(tmp_path):
    """The Geneva template shows its heading styles as "_ H_1_G" and "_ H _Ch_G": only
    "H1_G" was known, so its headings were read as paragraphs."""
    texts = ["The General Assembly,", "Recalling its resolution 78/213,",
             "Protection of journalists", "1.\tCalls upon States to act;",
             "Safety online", "2.\tUrges States;"]
    path = _geneva(tmp_path / "geneva.docx", texts, {"Protection of journalists": "_ H _Ch_G",
                                                      "Safety online": "_ H_1_G"})
    result = read_docx_draft(path)
    assert [(p.label, p.kind, p.level) for p in result.paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR, 0), ("H1", ParagraphKind.HEADING, 1),
        ("OP1", ParagraphKind.OPERATIVE, 0), ("H2", ParagraphKind.HEADING, 2),
        ("OP2", ParagraphKind.OPERATIVE, 0)]


@pytest.mark.parametrize("rule", ["______________", "* * *", "\u2014\u2014\u2014"])
def test_the_line_that_closes_a_un_document_is_kept_without_a_warning(rule):
    result = read_text(f"The General Assembly,\n\n1. Decides;\n\n{rule}\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [("OP1", "Decides;"), ("T1", rule)]
    assert result.warnings == ()
    unlabelled = read_text("The General Assembly,\n\n1. Decides;\n\nAnnexed text.\n")
    assert "paragraph without a label after OP1" in unlabelled.warnings[0].message


def test_a_lone_number_in_a_list_a_colon_opens_is_no_part():
    """After "Decides to classify as follows:", "I" and its line are the list's items, and
    "A", "B" after "Noting the categories listed below:" too: they were read as headings."""
    result = read_text("The General Assembly,\n\nNoting the categories listed below:\n\nA\n\n"
                       "B\n\nAffirming the importance of food,\n\n1. Decides to classify as "
                       "follows:\n\nI\n\nGeophysical hazards\n\nII\n\nWater hazards\n\n"
                       "2. Decides to remain seized of the matter.\n")
    headings = [p.text for p in result.paragraphs if p.kind is ParagraphKind.HEADING]
    assert "I" not in headings and "II" not in headings and "A" not in headings
    assert [p.text for p in result.paragraphs][:4] == [
        "Noting the categories listed below:", "A", "B", "Affirming the importance of food,"]
