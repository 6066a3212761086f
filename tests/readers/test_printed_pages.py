"""A draft's text taken from its PDF (pdftotext, with or without -layout): printed pages
after form feeds, every printed line a line, no blank line between paragraphs, the page
furniture and the footnotes among them. Such a text was refused (a form feed is no
text), and without its form feeds the whole preamble was one paragraph.

The texts below are written as pdftotext writes a UN draft's PDF (its label "1." alone on
a line, a word broken at its hyphen joined without it, a note's number on the line above
its words, or after them); the last test makes one with LibreOffice and pdftotext."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from drafting.errors import ReaderError
from drafting.readers import read_draft
from drafting.readers.textfile import read_text

FF = "\f"

DEFAULT = f"""A/C.2/81/L.7
United Nations
A/C.2/81/L.7
General Assembly
Distr.: Limited
14 October 2026
Original: English
Eighty-first session
Second Committee
Agenda item 18 (a)*
Fiji and Samoa: draft resolution

Sustainable small-scale fisheries
The General Assembly,
Recalling its resolution 70/1 of 25 September 2015, entitled "Transforming our
world: the 2030 Agenda for Sustainable Development",1
Deeply concerned that illegal, unreported and unregulated fishing continues to
undermine the livelihoods of smallscale fishing communities,
1.
Decides to convene a high-level meeting on small-scale fisheries at its sixtyfourth
session;
2.
Calls upon States:
(a)
To protect the tenure rights of small-scale fishers;
(b) To report on progress every two years;
3.
Requests the Secretary-General to submit a report on the implementation of the
1
See A/RES/70/1, para. 4.
* A/81/150.
26-12345 (E) 151026
*2612345*
{FF}A/C.2/81/L.7
present resolution [within existing resources];
4.
Invites Member States to contribute to the trust fund.
2/2
{FF}"""

LAYOUT = f"""                                                                A/HRC/61/L.12
United Nations
General Assembly
Human Rights Council
Albania,* Argentina and Austria: draft resolution

           The right to education
      The Human Rights Council,
               Guided by the purposes and principles of the Charter of the United
      Nations,
               Reaffirming the Universal Declaration of Human Rights1 and the
      International Covenant on Economic, Social and Cultural Rights,
               Convinced that education is a human right,
               1.     Urges all States to give full effect to the right to education by,
      inter alia, [complying with their obligations][taking all appropriate measures],
      including through small-
      scale and community schools;


1
  General Assembly resolution 217 A (III).
* Non-member State of the Human Rights Council.
GE.26-05123(E)
{FF}                                                                A/HRC/61/L.12
               2.     Requests the Special Rapporteur to submit a report to the Council
      at its sixty-fourth session [within existing resources];
 2/2
{FF}"""

TREATY = f"""Draft agreement
The Parties to this Agreement,
Recalling the United Nations Convention on the Law of the Sea,
Desiring to act in a coherent and cooperative manner,
Have agreed as follows:
Article 1
Use of terms
1.
For the purposes of this Agreement:
(a)
"Area-based management tool" means a tool for a geographically defined area;
(b)
"Convention" means the United Nations Convention on the Law of the Sea;
2.
Each Party shall take the necessary measures.
Article 2
General objective
1.
The objective of this Agreement is to ensure the conservation of marine biological
diversity.
{FF}"""


def _texts(result) -> dict[str, str]:
    return {str(p.label): p.text for p in result.paragraphs}


def test_a_pdftotext_draft_is_read_as_its_paragraphs_and_footnotes():
    result = read_text(DEFAULT, name="L7.txt")
    assert result.title == "Sustainable small-scale fisheries"
    assert result.chapeau == "The General Assembly,"
    assert result.front_matter[-1] == "Fiji and Samoa: draft resolution"
    assert _texts(result) == {
        "PP1": 'Recalling its resolution 70/1 of 25 September 2015, entitled "Transforming '
               'our world: the 2030 Agenda for Sustainable Development",[^1]',
        "PP2": "Deeply concerned that illegal, unreported and unregulated fishing continues "
               "to undermine the livelihoods of small-scale fishing communities,",
        "OP1": "Decides to convene a high-level meeting on small-scale fisheries at its "
               "sixty-fourth session;",
        "OP2": "Calls upon States:\n(a) To protect the tenure rights of small-scale "
               "fishers;\n(b) To report on progress every two years;",
        "OP3": "Requests the Secretary-General to submit a report on the implementation of "
               "the present resolution [within existing resources];",
        "OP4": "Invites Member States to contribute to the trust fund.",
        "FN1": "See A/RES/70/1, para. 4.",
        "T1": "* A/81/150.",
    }
    said = [w.message for w in result.warnings]
    assert any("read as printed pages (a text taken from a PDF: 2 pages)" in s and
               "4 lines of page numbers and headers left out" in s and
               "the lines put back into 6 paragraphs" in s and "1 footnote read" in s
               for s in said), said
    assert any(s.startswith('"smallscale" read as "small-scale"') for s in said), said
    assert any(s.startswith('"sixtyfourth" read as "sixty-fourth"') for s in said), said


NOTE = ("See Official Records of the General Assembly, Seventy-ninth Session, Supplement "
        "No. 53 (A/79/53), chap. IV, sect. A,")
SHUFFLED = f"""The Human Rights Council,
Recalling its resolution 56/5 of 10 July 20241, and reaffirming the importance of
international cooperation,
Noting its resolution 55/1 of 4 April 2024,2
Recognizing the role of education,3
1.
Urges all States to give full effect to the right to education;
{NOTE}
note 1.
2
{NOTE}
note 2.
3
{NOTE}
note 3.
1
26-18542 (E)
{FF}"""


def test_notes_whose_first_number_a_pdf_reader_put_after_them_are_read():
    texts = _texts(read_text(SHUFFLED, name="hrc.txt"))
    assert texts["PP1"] == ("Recalling its resolution 56/5 of 10 July 2024[^1], and reaffirming "
                            "the importance of international cooperation,")
    assert texts["PP2"] == "Noting its resolution 55/1 of 4 April 2024,[^2]"
    assert texts["PP3"] == "Recognizing the role of education,[^3]"
    assert texts["OP1"] == "Urges all States to give full effect to the right to education;"
    assert [texts[f"FN{n}"] for n in (1, 2, 3)] == [f"{NOTE} note {n}." for n in (1, 2, 3)]


def test_a_pdftotext_layout_draft_reads_indented_paragraphs_and_notes_above_their_words():
    result = read_text(LAYOUT, name="L12.txt")
    assert result.chapeau == "The Human Rights Council,"
    assert _texts(result) == {
        "PP1": "Guided by the purposes and principles of the Charter of the United Nations,",
        "PP2": "Reaffirming the Universal Declaration of Human Rights[^1] and the "
               "International Covenant on Economic, Social and Cultural Rights,",
        "PP3": "Convinced that education is a human right,",
        "OP1": "Urges all States to give full effect to the right to education by, inter "
               "alia, [complying with their obligations][taking all appropriate measures], "
               "including through small-scale and community schools;",
        "OP2": "Requests the Special Rapporteur to submit a report to the Council at its "
               "sixty-fourth session [within existing resources];",
        "FN1": "General Assembly resolution 217 A (III).",
        "T1": "* Non-member State of the Human Rights Council.",
    }


def test_a_pdftotext_treaty_reads_its_articles_titles_and_formula():
    result = read_text(TREATY, name="treaty.txt")
    texts = _texts(result)
    assert result.chapeau == "The Parties to this Agreement,"
    assert texts["PP1"] == "Recalling the United Nations Convention on the Law of the Sea,"
    assert texts["PP2"] == "Desiring to act in a coherent and cooperative manner,"
    assert texts["T1"] == "Have agreed as follows:"
    assert [texts[f"H{n}"] for n in (1, 2, 3, 4)] == [
        "Article 1", "Use of terms", "Article 2", "General objective"]
    assert texts["1.1"] == (
        'For the purposes of this Agreement:\n(a) "Area-based management tool" means a '
        'tool for a geographically defined area;\n(b) "Convention" means the United '
        'Nations Convention on the Law of the Sea;')
    assert texts["1.2"] == "Each Party shall take the necessary measures."
    assert texts["2.1"] == ("The objective of this Agreement is to ensure the conservation "
                            "of marine biological diversity.")


GUIDELINES = f"""GUIDELINES ON SHIP EQUIPMENT
1 GENERAL
1.These Guidelines apply to ships of 500 gross tonnage and above.
1.1Each Administration should ensure that ships flying its flag comply.
2.Definitions apply as follows.
2 REQUIREMENTS
3.Ships should carry the equipment listed in the annex.
{FF}"""
ARTICLES = f"""The Parties to this Agreement,
Recalling the United Nations Convention on the Law of the Sea,
Have agreed as follows:
Objective
1.The objective of this Agreement is to protect the ocean.
2.Parties shall cooperate to that end.
Definitions
1.For the purposes of this Agreement:
(a)"Party" means a State that has consented to be bound;
{FF}"""


def test_numbers_printed_against_their_words_and_headings_of_words_alone():
    result = read_text(GUIDELINES, name="imo.txt")
    assert result.title == "GUIDELINES ON SHIP EQUIPMENT"
    assert _texts(result) == {
        "H1": "1 GENERAL",
        "OP1": "These Guidelines apply to ships of 500 gross tonnage and above.",
        "1.1": "Each Administration should ensure that ships flying its flag comply.",
        "OP2": "Definitions apply as follows.",
        "H2": "2 REQUIREMENTS",
        "OP3": "Ships should carry the equipment listed in the annex.",
    }
    texts = _texts(read_text(ARTICLES, name="treaty.txt"))
    assert (texts["H1"], texts["1.1"], texts["1.2"]) == (
        "Objective", "The objective of this Agreement is to protect the ocean.",
        "Parties shall cooperate to that end.")
    assert (texts["H2"], texts["2.1"]) == ("Definitions", 'For the purposes of this '
                                           'Agreement:\n(a) "Party" means a State that has '
                                           'consented to be bound;')


FRENCH = f"""A/C.2/81/L.7
Assemblée générale
Pêche artisanale durable
L'Assemblée générale,
Rappelant sa résolution 70/1 du 25 septembre 2015, intitulée « Transformer notre
monde »,
Profondément préoccupée par la pêche illicite, non déclarée et non réglementée,
Consciente du rôle des femmes dans la pêche artisanale et dans le commerce,
1.
Décide de convoquer une réunion de haut niveau sur la pêche artisanale ;
26-12345 (F)
{FF}"""


def test_a_french_draft_opens_its_preambular_paragraphs_at_their_words():
    texts = _texts(read_text(FRENCH, name="fr.txt"))
    assert texts == {
        "PP1": "Rappelant sa résolution 70/1 du 25 septembre 2015, intitulée « "
               "Transformer notre monde »,",
        "PP2": "Profondément préoccupée par la pêche illicite, non "
               "déclarée et non réglementée,",
        "PP3": "Consciente du rôle des femmes dans la pêche artisanale et dans le "
               "commerce,",
        "OP1": "Décide de convoquer une réunion de haut niveau sur la pêche "
               "artisanale ;",
    }


RUSSIAN = f"""Генеральная Ассамблея,
ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года, озаглавленную
«Преобразование нашего мира»,
признавая роль женщин в мелком рыболовстве,
1.
постановляет созвать совещание высокого уровня;
{FF}"""


def test_a_russian_draft_opens_its_paragraphs_in_small_letters():
    texts = _texts(read_text(RUSSIAN, name="ru.txt"))
    assert texts == {
        "PP1": "ссылаясь на свою резолюцию 70/1 от 25 сентября 2015 года, озаглавленную "
               "«Преобразование нашего мира»,",
        "PP2": "признавая роль женщин в мелком рыболовстве,",
        "OP1": "постановляет созвать совещание высокого уровня;",
    }


PARAGRAPH = ("the importance of international cooperation and coordination, at the global,\n"
             "regional and national levels, in the sustainable management of fisheries and\n"
             "the conservation of marine living resources, including through capacity-\n"
             "building and the transfer of marine technology,")
VIEWER = f"""Human Rights Council
The right to education
The Human Rights Council,
Recalling {PARAGRAPH}
Reaffirming {PARAGRAPH}
Noting {PARAGRAPH}
Stressing that the right to education is a human right, and that it is
26-18542 (E)
A/HRC/61/L.12
indispensable for the realization of other human rights,
Recognizing {PARAGRAPH}
Recalling further its resolution 56/5 of 10 July 2024, and General Assembly resolution
A/RES/79/144
1.
Urges all States to give full effect to the right to education;
"""


HEADED = VIEWER.replace("Human Rights Council\n", "A/HRC/61/L.12\nHuman Rights Council\n", 1
                        ).replace("26-18542 (E)\n", "")
"""The same, its pages parted by the draft's symbol alone (no job number printed)."""


@pytest.mark.parametrize("text", [VIEWER, HEADED], ids=["job number", "symbol alone"])
def test_printed_lines_copied_from_a_pdf_viewer_without_form_feeds_are_read_so(text):
    result = read_text(text, name="viewer.txt")
    texts = _texts(result)
    joined = " ".join(PARAGRAPH.replace("capacity-\n", "capacity-").split())
    assert texts == {
        "PP1": f"Recalling {joined}", "PP2": f"Reaffirming {joined}", "PP3": f"Noting {joined}",
        "PP4": "Stressing that the right to education is a human right, and that it is "
               "indispensable for the realization of other human rights,",
        "PP5": f"Recognizing {joined}",
        "PP6": "Recalling further its resolution 56/5 of 10 July 2024, and General Assembly "
               "resolution A/RES/79/144",
        "OP1": "Urges all States to give full effect to the right to education;"}
    left = 2 if text is VIEWER else 1
    assert any("read as printed pages" in w.message and
               f"{left} line{'s' * (left > 1)} of page numbers" in w.message
               for w in result.warnings)


LONG = "Each Party shall take the necessary legislative, administrative or policy measures."
PAGED_TREATY = f"""The Parties to this Agreement,
Have agreed as follows:
Article 1
1.
{LONG}
{FF}Draft text of the agreement
2.
{LONG}
Article 2
1.
{LONG}
{FF}2.
This Agreement applies to areas beyond national jurisdiction.
Article 3
1.
{LONG}
{FF}Draft text of the agreement
2.
This Agreement enters into force on signature.
Article 4
1.
{LONG}
{FF}2.
This Agreement is open for signature.
{FF}"""


def test_a_running_header_is_left_out_but_not_a_number_that_opens_pages():
    texts = _texts(read_text(PAGED_TREATY, name="treaty.txt"))
    assert [texts[label] for label in ("1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "4.2")] == [
        LONG, LONG, LONG, "This Agreement applies to areas beyond national jurisdiction.",
        LONG, "This Agreement enters into force on signature.",
        "This Agreement is open for signature."]
    assert "Draft text of the agreement" not in " ".join(texts.values())


def test_a_text_without_form_feeds_is_read_as_before():
    lines = [line for line in DEFAULT.split("\n") if FF not in line]
    result = read_text("\n".join(lines), name="pasted.txt")
    assert not any("printed pages" in w.message for w in result.warnings)
    assert any("26-12345 (E) 151026" in p.text for p in result.paragraphs)


def test_a_form_feed_inside_a_line_is_still_refused():
    with pytest.raises(ReaderError, match=r"line 3, character 9: U\+000C"):
        read_text(f"# Title\n\nOP1 Urges{FF} States;\n\f", name="x.txt")


def test_the_command_line_imports_a_pdftotext_draft(tmp_path):
    path = tmp_path / "L7.txt"
    path.write_text(DEFAULT, encoding="utf-8")
    env = {**os.environ, "DRAFTING_DB": f"sqlite:///{tmp_path / 's.db'}"}
    cli = [sys.executable, "-m", "drafting_cli"]
    subprocess.run([*cli, "init"], env=env, check=True, capture_output=True)
    done = subprocess.run([*cli, "import", str(path), "--doc", "A/C.2/81/L.7"], env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "imported A/C.2/81/L.7: 8 paragraphs" in done.stdout
    assert "warning: L7.txt: read as printed pages" in done.stderr.replace(str(tmp_path) + "/", "")
    shown = subprocess.run([*cli, "show", "A/C.2/81/L.7", "--para", "OP3"], env=env,
                           capture_output=True, text=True).stdout
    assert "the present resolution [within existing resources];" in " ".join(shown.split())
    assert "2/2" not in shown and "L.7 present" not in " ".join(shown.split())


_TOOLS = shutil.which("soffice") and shutil.which("pdftotext")


@pytest.mark.skipif(not _TOOLS, reason="needs LibreOffice (soffice) and pdftotext "
                    "(apt-get install libreoffice-writer poppler-utils)")
@pytest.mark.parametrize("kind", ["GA", "IMO"],
                         ids=["GA draft", "IMO clauses numbered by Word"])
def test_the_pdf_of_a_word_draft_reads_as_the_word_draft(tmp_path, kind):
    """The PDF LibreOffice makes of the Word draft, through pdftotext with and without
    -layout (one conversion each: LibreOffice is the slow part)."""
    from clause_documents import libreoffice_clauses
    from libreoffice import convert
    from un_documents import ga_draft, libreoffice_docx

    docx = (libreoffice_docx(ga_draft(), tmp_path / "draft.docx") if kind == "GA" else
            libreoffice_clauses(tmp_path / "draft.docx"))
    convert(docx, "pdf")
    word = read_draft(docx)
    for layout in ([], ["-layout"]):
        text = tmp_path / f"draft{''.join(layout)}.txt"
        subprocess.run(["pdftotext", *layout, str(tmp_path / "draft.pdf"), str(text)],
                       check=True, timeout=60)
        printed = read_draft(text)
        assert (printed.title, printed.chapeau) == (word.title, word.chapeau), layout
        assert _texts(printed) == {label: text.replace("\t", " ")
                                   for label, text in _texts(word).items()}, layout
        assert ("FN1" if kind == "GA" else "1.1.1") in _texts(printed)
