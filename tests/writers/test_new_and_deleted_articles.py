"""New and deleted articles and sections, proposed in delegations' copies made with
LibreOffice (Track Changes on) and accepted: Rev.1 is issued, in the secretariat's own
document, and its headings number on as its renumbering table says.

- a new article numbered with a suffix in an agreement numbered in Roman numerals
  ("Article I bis") or a new chapter ("Chapter II bis" and its "Article 4 bis") is a new
  section of Rev.1 (``Ibis.1``, ``4bis.1``), never a revision refused;
- a new article numbered as the next one ("Article 4 – Reporting" after Article 3, as
  delegates number it) is a new article, and the articles after it are numbered on
  (the old Article 4 is Article 5, its ``4.1`` is ``5.1``);
- a deleted article or section ("Article 3", "II.<tab>Technology") pulls the ones after
  it back, and a new section typed "III.<tab>Adaptation" pushes them on.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from libreoffice import lo_track
from libreoffice_copies import Edited, make_copies

from drafting.engine import Decisions, revise
from drafting.model import ParagraphKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_revision import revise_source
from drafting.writers.docx_source import source_holds

AUTHOR = "Anna Schmidt (EU)"
SYMBOL = "X/TREATY/1"

AGREEMENT = [
    "AGREEMENT BETWEEN THE REPUBLIC OF ATLANTIS AND THE KINGDOM OF LEMURIA ON MARITIME "
    "CO-OPERATION",
    "The Government of the Republic of Atlantis and the Government of the Kingdom of Lemuria"
    " (hereinafter referred to as “the Parties”),",
    "Desiring to strengthen their co-operation in maritime matters,",
    "Have agreed as follows:",
    "Article I", "Objective", "The Parties shall co-operate in the field of maritime safety.",
    "Article II", "Areas of co-operation", "Co-operation under this Agreement shall include:",
    "(a)\tsearch and rescue;", "(b)\tprevention of pollution.",
    "Article III", "Entry into force",
    "1.\tThis Agreement shall enter into force on the date of the last notification.",
    "2.\tThis Agreement shall remain in force for a period of five years.",
    "IN WITNESS WHEREOF the undersigned, being duly authorized thereto, have signed this "
    "Agreement.",
]
CONVENTION = [
    "Council of Europe", "Draft Convention on the Protection of Coastal Heritage", "Preamble",
    "The member States of the Council of Europe and the other signatories hereto,",
    "Convinced of the need to protect coastal heritage,", "Have agreed as follows:",
    "Chapter I – Purpose and definitions", "Article 1 – Purpose",
    "1\tThe purpose of this Convention is to protect coastal heritage.",
    "2\tThis Convention establishes a specific monitoring mechanism.",
    "Article 2 – Definitions", "For the purposes of this Convention, “Party” means a State "
    "bound by this Convention.",
    "Chapter II – Obligations", "Article 3 – General obligations",
    "Each Party shall take the necessary measures to protect coastal heritage.",
    "Article 4 – Co-operation",
    "1\tThe Parties shall co-operate with each other to the widest extent possible.",
    "2\tThe Parties shall exchange information on best practices.",
]
ILO = [
    "International Labour Conference",
    "Proposed Convention concerning decent work in the platform economy",
    "The General Conference of the International Labour Organization,",
    "Having been convened at Geneva by the Governing Body of the International Labour Office,"
    " and",
    "Having determined that these proposals shall take the form of an international "
    "Convention,",
    "adopts the following Convention, which may be cited as the Platform Work Convention, "
    "2026.",
    "I. DEFINITIONS AND SCOPE", "Article 1", "For the purpose of this Convention, the term "
    "“platform” means a digital labour platform.",
    "Article 2", "1. This Convention applies to all workers.",
    "2. Each Member may, after consultation, exclude limited categories of workers.",
    "II. RIGHTS", "Article 3",
    "Each Member shall take measures to ensure that workers enjoy their rights at work.",
]
DECISION = [
    "United Nations", "FCCC/CP/2026/L.5", "Distr.: Limited", "Conference of the Parties",
    "Draft decision -/CP.31", "The Conference of the Parties,",
    "Recalling Articles 4 and 11 of the Convention,",
    "I.\tFinance", "1.\tWelcomes the report of the Standing Committee on Finance;",
    "2.\tUrges developed country Parties to scale up the provision of climate finance;",
    "II.\tTechnology", "3.\tTakes note of the report of the Technology Executive Committee;",
    "4.\tEncourages Parties to strengthen national systems of innovation;",
    "III.\tCapacity-building", "5.\tDecides to continue the Paris Committee on "
    "Capacity-building;",
    "IV.\tLoss and damage", "6.\tWelcomes the operationalization of the fund;",
]
DRAFTS = {"agreement": AGREEMENT, "convention": CONVENTION, "ilo": ILO, "decision": DECISION}


def _after(anchor: str, *lines: str) -> tuple[tuple[str, str, str, str], ...]:
    """New paragraphs typed one after another after the paragraph holding ``anchor``."""
    return tuple(("after", before, "", line)
                 for before, line in zip((anchor, *lines), lines, strict=False))


COPIES = {  # name: (draft, edits)
    "article I bis": ("agreement", _after(
        "field of maritime safety.", "Article I bis", "Definitions",
        "For the purposes of this Agreement, “vessel” means any ship.")),
    "chapter II bis": ("convention", _after(
        "exchange information on best practices.", "Chapter II bis – Monitoring",
        "Article 4 bis – Committee", "The Committee shall meet annually.")),
    "next article": ("convention", _after(
        "necessary measures to protect", "Article 4 – Reporting",
        "Each Party shall report every four years.")),
    "chapter at the end": ("convention", _after(
        "exchange information on best practices.", "Chapter III – Monitoring",
        "Article 5 – Committee", "The Committee shall meet annually.")),
    "ilo article": ("ilo", _after(
        "exclude limited categories", "Article 3",
        "Each Member shall adopt a national policy.")),
    "article deleted": ("convention", (
        ("delete", "Article 3 – General obligations", "", ""),
        ("delete", "necessary measures to protect", "", ""))),
    "section deleted": ("decision", (
        ("delete", "II.\tTechnology", "", ""), ("delete", "Takes note of the report", "", ""),
        ("delete", "strengthen national systems", "", ""))),
    "section added": ("decision", _after("strengthen national systems", "III.\tAdaptation")),
}


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    """The drafts, and every copy of ``COPIES`` (one LibreOffice session)."""
    folder = tmp_path_factory.mktemp("articles")
    files = {}
    for name, lines in DRAFTS.items():
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(str(files.setdefault(name, folder / f"{name}.docx")))
    jobs = [Edited(str(files[draft]), str(folder / f"{name}.docx"), edits, AUTHOR)
            for name, (draft, edits) in COPIES.items()]
    make_copies(jobs)
    return {**files, **{name: folder / f"{name}.docx" for name in COPIES}}


def _rev1(made: dict[str, Path], name: str):
    """Rev.1 with every amendment of copy ``name`` accepted, and the text of its Word
    document (made from the secretariat's own) as LibreOffice reads it."""
    source = made[COPIES[name][0]]
    document = read_docx_draft(source).to_document(SYMBOL)
    read = read_docx_submission(made[name], document, delegation="EU",
                                authors={AUTHOR: "EU"})
    accepted = frozenset(a.id for a in read.amendments)
    outcome = revise(document, read.amendments, Decisions(accepted=accepted), label="Rev.1")
    made_rev1 = revise_source(source.read_bytes(), document.current, outcome.revision,
                              symbol=SYMBOL)
    assert source_holds(made_rev1, outcome.revision)  # the secretariat's own document
    rev1 = made[name].with_name(f"{name} Rev.1.docx")
    rev1.write_bytes(made_rev1)
    return outcome, lo_track("text", rev1).stdout.splitlines()


def _headings(outcome) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in outcome.revision
            if p.kind is ParagraphKind.HEADING]


def test_a_new_article_i_bis_in_roman_numbers_is_a_section_of_rev1(made):
    outcome, text = _rev1(made, "article I bis")
    assert ("H3", "Article I bis") in _headings(outcome)
    vessel = "For the purposes of this Agreement, “vessel” means any ship."
    assert outcome.revision.by_label("Ibis.1").text == vessel
    assert outcome.revision.by_label("II.1").text.startswith("Co-operation under")
    start = text.index("Article I")
    assert text[start:start + 7] == [
        "Article I", "Objective", "The Parties shall co-operate in the field of maritime "
        "safety.", "Article I bis", "Definitions", vessel, "Article II"]


def test_a_new_chapter_ii_bis_and_its_article_4_bis_are_sections_of_rev1(made):
    outcome, text = _rev1(made, "chapter II bis")
    assert _headings(outcome)[-2:] == [("H7", "Chapter II bis – Monitoring"),
                                       ("H8", "Article 4 bis – Committee")]
    assert outcome.revision.by_label("4bis.1").text == "The Committee shall meet annually."
    assert text[-3:] == ["Chapter II bis – Monitoring", "Article 4 bis – Committee",
                         "The Committee shall meet annually."]


def test_a_new_article_numbered_as_the_next_pushes_the_next_on(made):
    outcome, text = _rev1(made, "next article")
    assert _headings(outcome)[-3:] == [("H5", "Article 3 – General obligations"),
                                       ("H6", "Article 4 – Reporting"),
                                       ("H7", "Article 5 – Co-operation")]
    assert outcome.revision.by_label("4.1").text == "Each Party shall report every four years."
    assert outcome.revision.by_label("5.2").text.startswith("The Parties shall exchange")
    assert {"4.1": "5.1", "4.2": "5.2"}.items() <= outcome.label_table.items()
    start = text.index("Article 3 – General obligations")
    assert text[start:] == [
        "Article 3 – General obligations",
        "Each Party shall take the necessary measures to protect coastal heritage.",
        "Article 4 – Reporting", "Each Party shall report every four years.",
        "Article 5 – Co-operation",
        "1\tThe Parties shall co-operate with each other to the widest extent possible.",
        "2\tThe Parties shall exchange information on best practices."]


def test_a_new_chapter_and_article_at_the_end_are_headings_not_numbered_paragraphs(made):
    outcome, text = _rev1(made, "chapter at the end")
    assert _headings(outcome)[-2:] == [("H7", "Chapter III – Monitoring"),
                                       ("H8", "Article 5 – Committee")]
    assert outcome.revision.by_label("5.1").text == "The Committee shall meet annually."
    assert text[-3:] == ["Chapter III – Monitoring", "Article 5 – Committee",
                         "The Committee shall meet annually."]  # alone: no number typed


def test_a_new_article_3_in_an_ilo_convention_numbers_the_old_article_3_on(made):
    outcome, text = _rev1(made, "ilo article")
    assert [words for _, words in _headings(outcome)][-4:] == [
        "Article 2", "Article 3", "II. RIGHTS", "Article 4"]
    assert outcome.revision.by_label("3.1").text == "Each Member shall adopt a national policy."
    start = text.index("Article 2")
    assert [line for line in text[start:] if line.startswith(("Article", "II."))] == [
        "Article 2", "Article 3", "II. RIGHTS", "Article 4"]
    assert text[text.index("Article 3") + 1] == "Each Member shall adopt a national policy."


def test_a_deleted_article_pulls_the_next_back_as_the_table_says(made):
    outcome, text = _rev1(made, "article deleted")
    assert [line for line in text if line.startswith("Article")] == [
        "Article 1 – Purpose", "Article 2 – Definitions", "Article 3 – Co-operation"]
    assert {"4.1": "3.1", "4.2": "3.2"}.items() <= outcome.label_table.items()


@pytest.mark.parametrize(("name", "numbers"), [
    ("section deleted", ["I.", "II.", "III."]),
    ("section added", ["I.", "II.", "III.", "IV.", "V."])])
def test_typed_section_numbers_follow_the_renumbering(made, name, numbers):
    outcome, text = _rev1(made, name)
    shown = [line.split("\t")[0] for line in text if line.split("\t")[0] in
             ("I.", "II.", "III.", "IV.", "V.")]
    assert shown == numbers
    assert [words.split("\t")[0] for _, words in _headings(outcome)
            if "\t" in words] == numbers
    if name == "section added":
        assert "III.\tAdaptation" in text and "IV.\tCapacity-building" in text
