"""Chapeaux that name who acts in words a General Assembly's does not use: the Council of
Europe's "The member States of the Council of Europe and the other signatories hereto,"
(small words after "The") and UNESCO's "The General Conference of the United Nations
Educational, Scientific and Cultural Organization, meeting in Paris ..., at its 44th
session," (commas inside). Unread, the front matter (organ, symbol, title, "Preamble")
became PP1..PP4, open to amendment, and every preambular label was off. "Preamble", between
the title and the chapeau, stays there (``after_title``)."""

from __future__ import annotations

import pytest
from docx_builders import lines_docx

from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.lines import chapeau_like

COE_FRONT = ["Council of Europe", "CM(2026)45-final"]
COE_TITLE = "Draft Council of Europe Convention on Coastal Heritage"
COE = "The member States of the Council of Europe and the other signatories hereto,"
COE_BODY = ["Considering that the aim of the Council of Europe is to achieve a greater "
            "unity between its members;",
            "Convinced of the need to protect coastal heritage,", "Have agreed as follows:",
            "Chapter I \u2013 Purpose, scope and definitions", "Article 1 \u2013 Purpose",
            "1\tThe purpose of this Convention is to protect coastal heritage.",
            "Article 2 \u2013 Scope", "1\tThis Convention applies to the coast."]
UNESCO_FRONT = ["General Conference", "44 C/DR.12"]
UNESCO = ("The General Conference of the United Nations Educational, Scientific and Cultural "
          "Organization, meeting in Paris from 10 to 25 November 2027, at its 44th session,")
UNESCO_BODY = ["Recalling 41 C/Resolution 23 on the Recommendation on Open Science,",
               "1.\tInvites Member States to implement the Recommendation;"]


def test_a_council_of_europe_convention_keeps_its_front_matter_and_chapeau(tmp_path):
    path = lines_docx(tmp_path / "coe.docx", [*COE_FRONT, COE_TITLE, "Preamble", COE, *COE_BODY])
    result = read_docx_draft(path)
    assert (result.front_matter, result.title, result.after_title, result.chapeau) == (
        tuple(COE_FRONT), COE_TITLE, ("Preamble",), COE)
    assert result.warnings == ()  # "Preamble" stays after the title: nothing reordered
    assert [(p.label, p.text) for p in result.paragraphs][:3] == [
        ("PP1", COE_BODY[0]), ("PP2", COE_BODY[1]), ("T1", COE_BODY[2])]
    assert [p.label for p in result.paragraphs][3:] == ["H1", "H2", "1.1", "H3", "2.1"]


def test_a_unesco_resolution_keeps_its_front_matter_and_chapeau(tmp_path):
    path = lines_docx(tmp_path / "unesco.docx", [*UNESCO_FRONT, "Original: English", UNESCO,
                                            *UNESCO_BODY])
    result = read_docx_draft(path)
    assert result.chapeau == UNESCO
    assert (result.front_matter, result.title) == ((*UNESCO_FRONT, "Original: English"), "")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", UNESCO_BODY[0]), ("OP1", UNESCO_BODY[1][3:])]


@pytest.mark.parametrize("chapeau", [
    COE, UNESCO,
    "The member States of the Council of Europe, the other States and the European Union, "
    "signatories hereto,",
    "La Conf\u00e9rence g\u00e9n\u00e9rale de l\u2019Organisation des Nations Unies pour "
    "l\u2019\u00e9ducation, la science et la culture, r\u00e9unie \u00e0 Paris du 10 au 25 "
    "novembre 2027 en sa 44e session,",
    "Les \u00c9tats membres du Conseil de l\u2019Europe et les autres signataires de la "
    "pr\u00e9sente Convention,",
    "The States Parties to this Convention,", "The Conference of the Parties,",
    "The Governing Body of the International Labour Office,",
    "The High Contracting Parties,",
])
def test_who_acts_sets_the_front_matter_apart(chapeau):
    result = read_text("\n\n".join([*UNESCO_FRONT, COE_TITLE, chapeau, *UNESCO_BODY]) + "\n")
    assert (result.front_matter, result.title, result.chapeau) == (
        tuple(UNESCO_FRONT), COE_TITLE, chapeau)
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1"]


@pytest.mark.parametrize("line", [
    "Recalling 41 C/Resolution 23 on the Recommendation on Open Science,",
    "The Assembly decides, after a long debate, to act,",
    "The situation in Afghanistan, which remains grave,",
    "The Parties note, with concern, that,",
    "The Council of Europe has decided, in view of its mandate,",
])
def test_a_paragraph_ending_with_a_comma_is_no_chapeau(line):
    assert chapeau_like(line) is False


ILO = ["The General Conference of the International Labour Organization,",
       "Having been convened at Geneva by the Governing Body of the International Labour "
       "Office, and having met in its 114th Session on 1 June 2026, and",
       "Having determined that these proposals shall take the form of an international "
       "Convention,",
       "adopts this nineteenth day of June of the year two thousand and twenty-six the "
       "following Convention, which may be cited as the Platform Work Convention, 2026.",
       "I. DEFINITIONS AND SCOPE", "Article 1", "For the purpose of this Convention:",
       "(a)\tthe term \u201cplatform\u201d means a digital labour platform;",
       "Article 2", "1. This Convention applies to all workers.",
       "2. Each Member may, after consultation, exclude limited categories of workers."]


def test_an_ilo_convention_closes_its_preamble_with_its_adoption_formula(tmp_path):
    """"adopts this ... day of June ... the following Convention, which may be cited as
    ..." closes the preamble as "Have agreed as follows:" does: other text, no PP3."""
    front = ["International Labour Conference", "ILC.114/Record No. 5A",
             "Proposed Convention concerning decent work in the platform economy"]
    for result in (read_docx_draft(lines_docx(tmp_path / "ilo.docx", [*front, *ILO])),
                   read_text("\n\n".join([*front, *ILO]) + "\n")):
        assert (result.title, result.chapeau) == (front[-1], ILO[0])
        assert [(p.label, p.text) for p in result.paragraphs][:3] == [
            ("PP1", ILO[1]), ("PP2", ILO[2]), ("T1", ILO[3])]
        assert [p.label for p in result.paragraphs][3:] == [
            "H1", "H2", "1.1", "H3", "2.1", "2.2"]


def test_an_ilo_adoption_formula_ending_with_a_colon_closes_the_preamble_too():
    """A draft may end the formula "... the following Convention:": it was read as PP3,
    and the articles after it as operative paragraphs (OP1, OP2) with no article."""
    formula = ("adopts this twentieth day of June two thousand and twenty-six the following "
               "Convention:")
    result = read_text("\n\n".join([*ILO[:3], formula, *ILO[5:]]) + "\n")
    assert [(p.label, p.text) for p in result.paragraphs][:3] == [
        ("PP1", ILO[1]), ("PP2", ILO[2]), ("T1", formula)]
    assert [p.label for p in result.paragraphs][3:] == ["H1", "1.1", "H2", "2.1", "2.2"]
