"""The structure of real negotiation texts, read from Markdown (the Word reader uses the
same rules: tests/readers/test_docx_layouts.py)."""

from pathlib import Path

import pytest

from drafting import brackets
from drafting.errors import ReaderError
from drafting.model import ParagraphKind
from drafting.readers import read_text
from drafting.readers.lines import chapeau_like, section_key
from drafting.writers import write_text

GA_DRAFT = """\
United Nations

A/C.2/81/L.99

General Assembly

Distr.: Limited
14 October 2026

Original: English

Eighty-first session
Second Committee
Agenda item 19 (a)

Fiji and Samoa: draft resolution

Sustainable small-scale fisheries

The General Assembly,

Recalling its resolution 70/1 of 25 September 2015,

Noting with concern the state of fish stocks[^1],

1.\tDecides to convene a high-level meeting;

2.\tCalls upon States:
(a)\tTo protect small-scale fishers;
(b)\tTo report [annually / biennially];

3.\tRequests the Secretary-General to report.

[^1]: See A/79/123, para. 4.
"""

TREATY = (Path(__file__).parents[1] / "data" / "treaty.md").read_text(encoding="utf-8")
"""A treaty text: articles numbered on their own, 1bis, an option block, a stray bracket."""


def labels(result):
    return [p.label for p in result.paragraphs]


def test_a_general_assembly_draft_as_circulated_keeps_its_front_matter_apart():
    result = read_text(GA_DRAFT, name="L.99.md")
    assert result.front_matter == (
        "United Nations", "A/C.2/81/L.99", "General Assembly", "Distr.: Limited 14 October 2026",
        "Original: English", "Eighty-first session Second Committee Agenda item 19 (a)",
        "Fiji and Samoa: draft resolution")
    assert result.title == "Sustainable small-scale fisheries"
    assert result.chapeau == "The General Assembly,"
    assert labels(result) == ["PP1", "PP2", "FN1", "OP1", "OP2", "OP3"]  # as Word places it
    assert result.paragraphs[1].text == "Noting with concern the state of fish stocks[^1],"
    assert result.paragraphs[2].text == "See A/79/123, para. 4."
    assert result.paragraphs[4].text == (
        "Calls upon States:\n(a)\tTo protect small-scale fishers;\n"
        "(b)\tTo report [annually / biennially];")
    assert result.warnings == ()


def test_footnote_markers_and_texts_that_do_not_meet_are_named():
    result = read_text("OP1 Decides[^1];\n\n[^2]: A note no paragraph cites.\n", name="d.md")
    assert [p.label for p in result.paragraphs] == ["OP1", "FN2"]
    assert [w.message for w in result.warnings] == [
        "the marker [^1] cites footnote 1, which the text does not have",
        "footnote 2 is cited by no paragraph (no marker [^N] for it)"]


def test_a_title_line_above_typed_labels_is_the_title_not_a_paragraph():
    result = read_text("Oceans and the law of the sea\n\nPP1 Recalling,\n\nOP1 Decides;\n")
    assert result.title == "Oceans and the law of the sea"
    assert labels(result) == ["PP1", "OP1"]


def test_a_treaty_numbered_per_article_is_labelled_article_dot_paragraph():
    result = read_text(TREATY, name="treaty.md")
    assert result.title == "Draft agreement on marine biodiversity"
    assert result.chapeau == "The Parties to this Agreement,"
    assert labels(result) == ["PP1", "H1", "1.1", "1.1 bis", "1.2", "H2", "2.1", "2.2",
                              "H3", "3.1"]
    by_label = {p.label: p for p in result.paragraphs}
    assert by_label["1.1 bis"].kind is ParagraphKind.OPERATIVE
    # the option block is one paragraph: one choice, "No text" an empty alternative
    assert by_label["2.1"].text == "[Parties shall establish a fund.][]"
    assert brackets.count(by_label["2.1"].text) == 2
    [group] = brackets.groups(by_label["2.1"].text)
    assert group.alternatives == ("Parties shall establish a fund.", "")
    # the stray bracket is reported, not refused
    [warning] = result.warnings
    assert "3.1" in warning.where and "never closed" in warning.message


def test_a_treaty_written_back_reads_the_same():
    result = read_text(TREATY, name="treaty.md")
    written = write_text(result.title, result.paragraphs, front_matter=result.front_matter,
                         chapeau=result.chapeau)
    again = read_text(written)
    assert (again.title, again.chapeau, again.front_matter) == (
        result.title, result.chapeau, result.front_matter)
    assert [(p.label, p.kind, p.text) for p in again.paragraphs] == [
        (p.label, p.kind, p.text) for p in result.paragraphs]


def test_a_general_assembly_draft_written_back_reads_the_same():
    result = read_text(GA_DRAFT)
    written = write_text(result.title, result.paragraphs, front_matter=result.front_matter,
                         chapeau=result.chapeau)
    again = read_text(written)
    assert again.front_matter == result.front_matter
    assert (again.title, again.chapeau) == (result.title, result.chapeau)
    assert [(p.label, p.text) for p in again.paragraphs] == [
        (p.label, p.text) for p in result.paragraphs]


def test_a_text_numbered_straight_through_keeps_op_labels_across_headings():
    text = "# T\n\nThe General Assembly,\n\nRecalling,\n\n## I. Oceans\n\n1. Decides;\n\n" \
           "## II. Fisheries\n\n2. Requests;\n"
    assert labels(read_text(text)) == ["PP1", "H1", "OP1", "H2", "OP2"]


@pytest.mark.parametrize(("written", "label"), [
    ("OP2ter Urges;", "OP2 ter"), ("1bis. Urges;", "OP1 bis"), ("1 bis. Urges;", "OP1 bis"),
    ("OP1bis Urges;", "OP1 bis")])
def test_label_spellings_found_in_real_texts(written, label):
    result = read_text(f"OP1 Decides;\n\n{written}\n")
    assert labels(result)[-1] == label
    assert result.paragraphs[-1].text == "Urges;"


@pytest.mark.parametrize("alt", ["OP2 Alt ", "2 alt.\t", "2 Alt. "])
def test_an_alt_paragraph_is_an_alternative_of_the_paragraph_it_names(alt):
    """Climate texts type the alternative "2 alt." (it was other text, T1)."""
    numbered = alt[0].isdigit()
    first, second = ("1.\t", "2.\t") if numbered else ("OP1 ", "OP2 ")
    result = read_text(f"The Conference of the Parties,\n\nRecalling,\n\n{first}Decides;\n\n"
                       f"{second}Requests a report;\n\n{alt}Requests a note;\n")
    assert labels(result) == ["PP1", "OP1", "OP2"]
    assert result.paragraphs[2].text == "[Requests a report;][Requests a note;]"


@pytest.mark.parametrize(("body", "said"), [
    ("I. Takes note of the report;\n\nII. Encourages States to act;",
     "it opens with the number 'I.'"),
    ("Recalling its resolution 70/1,\\\nNoting the report,\\\nWelcoming the Year,",
     "its 3 lines each end with a comma")])
def test_a_preambular_paragraph_that_may_be_another_thing_is_warned_about(body, said):
    """Operative paragraphs numbered "I.", and preambular ones joined by Shift+Enter (in
    Markdown, a backslash at the line's end), were read as preambular paragraphs without
    a word."""
    result = read_text(f"The General Assembly,\n\n{body}\n", markdown=True)
    assert result.paragraphs[0].label == "PP1"
    assert said in result.warnings[0].message


def test_a_footnote_on_the_title_is_not_the_title():
    """It was: the footnote follows the paragraph citing it, the title the last line
    before the chapeau."""
    result = read_text("United Nations\n\nA/C.2/81/L.42\n\nSustainable oceans[^1]\n\n"
                       "[^1]: On behalf of the Alliance of Small Island States.\n\n"
                       "The General Assembly,\n\nRecalling its resolution 78/123,\n\n"
                       "1. Decides to act.\n")
    assert result.title == "Sustainable oceans[^1]"
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1"]


def test_a_report_holding_several_draft_resolutions_is_refused_by_what_it_is():
    """It was refused for "the label OP1 is used twice", which sends one looking for a
    typing error."""
    with pytest.raises(ReaderError, match=r"a second chapeau \('The General Assembly,'\): "
                       r"the file holds 2 drafts"):
        read_text("Draft resolution I\n\nThe General Assembly,\n\nRecalling,\n\n"
                  "1. Decides;\n\nDraft resolution II\n\nThe General Assembly,\n\n"
                  "Noting,\n\n1. Requests;\n")


def test_a_label_used_twice_in_one_article_is_still_refused():
    with pytest.raises(ReaderError, match=r"the label 1\.1 is used twice"):
        read_text("## Article 1\n\n1. A;\n\n1. B;\n\n## Article 2\n\n1. C;\n")


@pytest.mark.parametrize(("text", "key"), [
    ("Article 3", "3"), ("Article 3 bis", "3bis"), ("ARTICLE 12. Finance", "12"),
    ("Chapter II", "II"), ("Section B - Finance", "B"), ("Annex", "ANNEX"),
    ("Article 3 of the Convention provides that", None), ("Articles of faith", None),
    ("Article premier", "1"), ("Chapitre IV", "IV"), ("Annexe", "ANNEX"),
    ("Artículo 12", "12"), ("Capítulo II - Finanzas", "II"), ("Anexo", "ANNEX"),
    ("Annex I", "ANNEX I"), ("Annexe II", "ANNEX II"), ("Anexo 3", "ANNEX 3"),
    ("Appendix A", "APPENDIX A"), ("Приложение I", "ANNEX I"), ("Chapter", "CHAPTER"),
    ("Parte de los recursos", None), ("Partie des ressources", None),
    ("Статья 1", "1"), ("Статья 12. Депозитарий", "12"), ("Глава II", "II"),
    ("статья 5 Конвенции предусматривает", None),
    # Arabic numbers parts and articles in words: Part One (I), Article One (1)
    ("الجزء الأول", "I"), ("الجزء الثاني - أحكام عامة", "II"), ("المادة الأولى", "1"),
    ("المادة العاشرة", "10"), ("الفصل الثالث", "III"), ("المرفق الثاني", "ANNEX II")])
def test_section_headings(text, key):
    assert section_key(text) == key


@pytest.mark.parametrize(("text", "expected"), [
    ("The General Assembly,", True), ("The Conference of the Parties,", True),
    ("The Parties to this Agreement,", True), ("The Security Council,", True),
    ("The General Assembly", True),  # no comma: a resolution adopting a declaration
    ("The situation in Afghanistan", False), ("The General Assembly hall", False),
    ("THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,", True),
    ("LE PARLEMENT EUROPÉEN ET LE CONSEIL DE L'UNION EUROPÉENNE,", True),
    ("THE SITUATION IN AFGHANISTAN", False), ("HAVE ADOPTED THIS REGULATION:", False),
    ("Recalling the General Assembly,", False),
    ("The Assembly decides, after a long debate, to act,", False),
    ("L'Assemblée générale,", True), ("L\u2019Assemblée générale,", True),
    ("Le Conseil de sécurité,", True), ("Les Parties au présent Accord,", True),
    ("La Asamblea General,", True), ("Los Estados Partes en el presente Convenio,", True),
    ("Rappelant sa résolution 70/1,", False), ("Recordando su resolución 70/1,", False)])
def test_chapeaus(text, expected):
    assert chapeau_like(text) is expected


def test_an_act_of_the_european_union_opens_with_its_chapeau_in_capitals():
    """Its front matter (the Council's note) was read as PP1-PP14, chapeau included."""
    result = read_text("Council of the European Union\n\nBrussels, 26 January 2024\n\n"
                       "LIMITE\n\nProposal for a\n\nREGULATION OF THE EUROPEAN PARLIAMENT "
                       "AND OF THE COUNCIL\n\nTHE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE "
                       "EUROPEAN UNION,\n\nHaving regard to the Treaty,\n\nWhereas:\n\n"
                       "(1) The internal market should function well.\n\n"
                       "HAVE ADOPTED THIS REGULATION:\n\nArticle 1\n\n"
                       "1. This Regulation lays down rules.\n")
    assert result.chapeau == "THE EUROPEAN PARLIAMENT AND THE COUNCIL OF THE EUROPEAN UNION,"
    assert result.title == "REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL"
    assert [p.label for p in result.paragraphs][:2] == ["PP1", "PP2"]


TREATY_WITH_PLAIN_ARTICLES = """# Draft agreement

The Parties to this Agreement,

Recognizing the need for cooperation,

Have agreed as follows:

## Article 1

For the purposes of this Agreement, the definitions in the annex apply.

## Article 2

1. Each Party shall report.

2. Each Party may cooperate.

## Article 3

### Depositary

The Secretary-General of the United Nations shall be the Depositary.

The Depositary shall inform the Parties of every signature.
"""


def test_an_articles_unnumbered_paragraphs_are_its_operative_text():
    result = read_text(TREATY_WITH_PLAIN_ARTICLES)
    assert [(p.label, p.kind) for p in result.paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR), ("T1", ParagraphKind.OTHER),
        ("H1", ParagraphKind.HEADING), ("1.1", ParagraphKind.OPERATIVE),
        ("H2", ParagraphKind.HEADING), ("2.1", ParagraphKind.OPERATIVE),
        ("2.2", ParagraphKind.OPERATIVE), ("H3", ParagraphKind.HEADING),
        ("H4", ParagraphKind.HEADING), ("3.1", ParagraphKind.OPERATIVE),
        ("3.2", ParagraphKind.OPERATIVE)]
    assert result.paragraphs[-2].text.startswith("The Secretary-General")
    assert result.warnings == ()  # none of them is "other text" to be labelled


def test_an_article_that_numbers_some_paragraphs_keeps_asking_for_the_others_labels():
    result = read_text("## Article 1\n\n1. Each Party shall report.\n\n"
                       "Nothing here is numbered.\n\n## Annex\n\nAn annex's plain text.\n")
    assert labels(result) == ["H1", "OP1", "T1", "H2", "T2"]
    assert [w.message[:28] for w in result.warnings] == [
        "paragraph without a label af"] * 2


def test_an_article_written_on_one_line_opens_its_article_whatever_its_length():
    long = ("Article 3. This Agreement shall enter into force on the thirtieth day after "
            "the date of deposit of the tenth instrument of ratification.")
    result = read_text(f"## Article 2\n\nEach Party shall report.\n\n{long}\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("H1", "Article 2"), ("OP1", "Each Party shall report."), ("H2", long)]
    assert section_key(long) == "3"
    assert section_key(long.replace("Article 3.", "Article 3")) is None  # a sentence


def test_an_articles_title_on_the_line_after_its_heading_is_a_heading_too():
    result = read_text("The Parties to this Agreement,\n\nRecognizing the need,\n\n"
                       "Article 1\n\nUse of terms\n\n1. For the purposes of this Agreement, "
                       "terms apply.\n\n2. Other terms apply.\n\nArticle 2\n\nDepositary\n\n"
                       "The Secretary-General shall be the Depositary.\n\n"
                       "Article 3\n\nEntry into force\n")
    assert [(p.label, p.kind, p.level, p.text[:16]) for p in result.paragraphs] == [
        ("PP1", ParagraphKind.PREAMBULAR, 0, "Recognizing the "),
        ("H1", ParagraphKind.HEADING, 1, "Article 1"),
        ("H2", ParagraphKind.HEADING, 2, "Use of terms"),
        ("1.1", ParagraphKind.OPERATIVE, 0, "For the purposes"),
        ("1.2", ParagraphKind.OPERATIVE, 0, "Other terms appl"),
        ("H3", ParagraphKind.HEADING, 1, "Article 2"),
        ("H4", ParagraphKind.HEADING, 2, "Depositary"),
        ("2.1", ParagraphKind.OPERATIVE, 0, "The Secretary-Ge"),
        ("H5", ParagraphKind.HEADING, 1, "Article 3"),
        ("3.1", ParagraphKind.OPERATIVE, 0, "Entry into force")]  # its text, not a title
    assert result.warnings == ()


def test_a_bracketed_placeholder_after_an_article_heading_stays_text_to_negotiate():
    result = read_text("Article 1\n\n[Placeholder for provisions on finance]\n\n"
                       "[Placeholder for provisions on transfer of technology]\n\n"
                       "Article 2\n\nEach Party shall report.\n")
    assert [(p.label, p.kind) for p in result.paragraphs][:3] == [
        ("H1", ParagraphKind.HEADING), ("1.1", ParagraphKind.OPERATIVE),
        ("1.2", ParagraphKind.OPERATIVE)]


def test_a_french_treaty_and_a_spanish_resolution_read_as_the_english_ones_do():
    french = read_text("Les Parties au présent Accord,\n\nRappelant la Charte,\n\n"
                       "Sont convenues de ce qui suit :\n\nArticle premier\n\nObjet\n\n"
                       "Le présent Accord a pour objet la coopération.\n\nArticle 2\n\n"
                       "1. Chaque Partie fait rapport.\n\n2. Chaque Partie coopère.\n")
    assert french.chapeau == "Les Parties au présent Accord,"
    assert [p.label for p in french.paragraphs] == [
        "PP1", "T1", "H1", "H2", "1.1", "H3", "2.1", "2.2"]
    assert french.warnings == ()
    spanish = read_text("La Asamblea General,\n\nRecordando su resolución 70/1,\n\n"
                        "1. Decide actuar;\n\nAnexo\n\nTérminos de referencia\n\n"
                        "1. El fondo apoya a los Estados.\n")
    assert spanish.chapeau == "La Asamblea General,"
    assert [p.label for p in spanish.paragraphs] == ["PP1", "OP1", "H1", "H2", "ANNEX.1"]


def test_a_russian_treaty_numbered_per_article_is_read_not_refused():
    result = read_text("Стороны настоящего Соглашения,\n\nпризнавая необходимость,\n\n"
                       "Статья 1\n\n1. Каждая Сторона представляет доклад.\n\n"
                       "2. Каждая Сторона сотрудничает.\n\nСтатья 2\n\n"
                       "1. Депозитарием является Генеральный секретарь.\n")
    assert [p.label for p in result.paragraphs][-4:] == ["1.1", "1.2", "H2", "2.1"]



@pytest.mark.parametrize("opening", ["Decides that", "Calls upon States, inter alia,",
                                     "Calls upon States \u2014"])
def test_a_list_after_a_paragraph_that_does_not_end_its_sentence_is_part_of_it(opening):
    """Not only a line ending with ":" introduces a list: "Decides that" followed by
    "(a) ..." is one paragraph (its list was other text, with a warning to label it)."""
    result = read_text(f"The General Assembly,\n\nRecalling,\n\n1. {opening}\n\n"
                       "(a) the meeting shall be held;\n\n(b) it shall last one day;\n\n"
                       "2. Requests a report.\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling,"),
        ("OP1", f"{opening}\n(a) the meeting shall be held;\n(b) it shall last one day;"),
        ("OP2", "Requests a report.")]
    assert result.warnings == ()


def test_a_list_that_starts_mid_way_or_after_a_sentence_is_not_joined():
    result = read_text("The General Assembly,\n\nRecalling,\n\n1. Decides to act.\n\n"
                       "(a) the meeting shall be held;\n\n2. Calls upon States \u2014\n\n"
                       "(c) to act;\n")
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "T1", "OP2", "T2"]
    assert len(result.warnings) == 2  # each asks for a label


def test_a_list_numbered_in_brackets_under_an_operative_paragraph_is_its_list():
    result = read_text("The General Assembly,\n\nRecalling,\n\n1. Decides that\n\n"
                       "(1) the meeting shall be held;\n\n(2) it shall last one day;\n\n"
                       "2. Requests a report.\n")
    assert [(p.label, p.text) for p in result.paragraphs][1:] == [
        ("OP1", "Decides that\n(1) the meeting shall be held;\n(2) it shall last one day;"),
        ("OP2", "Requests a report.")]


def test_numbered_headings_inside_annexes_keep_the_annex_in_the_labels():
    """ "I. General" in Annex I and in Annex II named the same section "I", and the
    import refused the text (the label I.1 used twice)."""
    result = read_text("The General Assembly,\n\nRecalling,\n\n1. Adopts the annexes;\n\n"
                       "# Annex I\n\n## I. General\n\n1. These guidelines apply.\n\n"
                       "## II. Implementation\n\n2. States shall report.\n\n# Annex II\n\n"
                       "## I. Sessions\n\n1. The body shall meet.\n")
    assert [p.label for p in result.paragraphs if p.kind is ParagraphKind.OPERATIVE] == [
        "OP1", "ANNEX I.1", "ANNEX I.2", "ANNEX II.1"]


@pytest.mark.parametrize("annex", ["Annex", "Annex I", "Appendix"])
def test_an_annex_numbered_from_1_leaves_the_resolution_numbered_straight_through(annex):
    """A resolution in parts ("I. Objectives", "II. Follow-up") whose annex counts its
    paragraphs from 1 again keeps OP1-OP4 (its parts were read as sections: I.1, I.2,
    II.3, II.4, because the annex's 1 and 2 stood in a second section)."""
    result = read_text("The General Assembly,\n\nRecalling its resolution 76/307,\n\n"
                       "I. Objectives\n\n1. Decides to act;\n\n2. Recognizes the divide;\n\n"
                       "II. Follow-up\n\n3. Reaffirms the Charter;\n\n"
                       "4. Adopts the Compact contained in the annex.\n\n"
                       f"{annex}\n\n1. We commit to an inclusive future.\n\n"
                       "2. We recognize the divide.\n")
    key = annex.upper()
    assert [p.label for p in result.paragraphs if p.kind is ParagraphKind.OPERATIVE] == [
        "OP1", "OP2", "OP3", "OP4", f"{key}.1", f"{key}.2"]


def test_articles_numbered_on_their_own_are_still_sections_beside_an_annex():
    result = read_text("The Parties to this Agreement,\n\nRecalling,\n\nArticle 1\n\n"
                       "1. Each Party shall act.\n\n2. Each Party shall report.\n\n"
                       "Article 2\n\n1. This Agreement enters into force.\n\nAnnex\n\n"
                       "1. Technical guidance.\n")
    assert [p.label for p in result.paragraphs if p.kind is ParagraphKind.OPERATIVE] == [
        "1.1", "1.2", "2.1", "ANNEX.1"]


@pytest.mark.parametrize("gap", ["\u00a0", "\u2003", "\u202f", "  "])
def test_a_number_followed_by_any_space_opens_an_operative_paragraph(gap):
    result = read_text(f"The General Assembly,\n\nRecalling,\n\n1.{gap}Decides to act;\n\n"
                       f"2.{gap}Requests a report.\n")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling,"), ("OP1", "Decides to act;"), ("OP2", "Requests a report.")]
