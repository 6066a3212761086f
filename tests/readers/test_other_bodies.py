"""Texts of bodies other than the General Assembly, laid out as those bodies circulate
them: the Council of the European Union's conclusions (a cover note, a heading in
capitals, "THE COUNCIL OF THE EUROPEAN UNION", then "1. RECALLS ..."), a WTO ministerial
decision ("Ministers decide as follows:"), an ICAO Assembly resolution ("Whereas ...;",
then "The Assembly:"), an OSCE decision ("The Permanent Council, ... Decides:", then its
one unnumbered paragraph), a UNEA draft ("Submitted by ..." after the title) and an IMO
resolution's annex ("1<tab>GENERAL", then clauses "1.1", "1.2"). The import read their
opening lines and formulas as preambular paragraphs (PP1, PP2 ...), took the sponsors
line for the title, and read IMO's section heading as ANNEX.1 and its clauses as other
text, so every label a delegation used was off."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from un_documents import Draft, Para, libreoffice_docx

from drafting.engine import Proposal
from drafting.readers import read_docx_submission, read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

EU_FRONT = ["Council of the European Union", "Brussels, 12 May 2026", "9123/26",
            "Delegations will find in the annex the Council conclusions on ocean governance, "
            "as approved by the Council at its meeting held on 12 May 2026."]
EU_TITLE = "COUNCIL CONCLUSIONS ON OCEAN GOVERNANCE"
EU_BODY = ["1.\tRECALLS the 2030 Agenda for Sustainable Development;",
           "2.\tWELCOMES the adoption of the Agreement on marine biodiversity;",
           "3.\tCALLS ON Member States to ratify it without delay."]

WTO_FRONT = ["WT/MIN(26)/W/5", "MINISTERIAL CONFERENCE", "Fourteenth Session",
             "Yaound\u00e9, 26-29 March 2026"]
WTO_TITLE = "WORK PROGRAMME ON ELECTRONIC COMMERCE"
WTO_BODY = ["1.\tWe agree to reinvigorate the work under the Work Programme on Electronic "
            "Commerce.",
            "2.\tWe agree to maintain the current practice of not imposing customs duties on "
            "electronic transmissions until the next session."]

ICAO_BODY = ["Whereas ICAO and its member States recognize the importance of climate change;",
             "Whereas the Assembly in Resolution A41-21 requested the Council to continue "
             "its work;",
             "The Assembly:",
             "1.\tResolves that this resolution supersedes Resolution A41-21;",
             "2.\tRequests the Council to report to the next ordinary session."]

OSCE_FRONT = ["PC.DEC/1500", "Permanent Council", "1500th Plenary Meeting", "DECISION No. 1500"]
OSCE_TITLE = "EXTENSION OF THE MANDATE OF THE OSCE MISSION TO SKOPJE"
OSCE_BODY = ["The Permanent Council,", "Recalling its Decision No. 1400,", "Decides:",
             "To extend the mandate of the OSCE Mission to Skopje until 30 June 2027."]

UNEA_FRONT = ["UNEP/EA.7/L.12", "United Nations Environment Assembly of the United Nations "
              "Environment Programme", "Seventh session", "Nairobi, 8-12 December 2025"]
UNEA_TITLE = "Sound management of chemicals and waste"
UNEA_BODY = ["The United Nations Environment Assembly,", "Recalling its resolution 6/4,",
             "1.\tRequests the Executive Director to report."]

IMO_FRONT = ["RESOLUTION MSC.520(106)", "(adopted on 9 November 2022)"]
IMO_TITLE = "AMENDMENTS TO THE INTERNATIONAL CODE ON INTACT STABILITY"
IMO_BODY = ["THE MARITIME SAFETY COMMITTEE,", "RECALLING Article 28(b) of the Convention,",
            "1\tADOPTS amendments to the Code, set out in the annex;",
            "2\tREQUESTS the Secretary-General to circulate them.", "ANNEX",
            "AMENDMENTS TO THE CODE", "1\tGENERAL",
            "1.1\tThe Code applies to ships of 24 m in length.",
            "1.2\tThe Administration may grant exemptions.", "2\tDEFINITIONS",
            "2.1\tFor the purpose of this Code, the terms have the meaning below."]


def _word(path: Path, front: list[str], title: str, body: list[str]) -> Path:
    """The text as LibreOffice writes it: the front matter small, the title bold in the
    secretariat's own style (no Word title style), the body typed."""
    draft = Draft(front[0] if front else title)
    draft.paragraphs = [Para((line,), "Front") for line in front]
    draft.paragraphs += [Para((title,), "UNTitle"), *(Para((line,)) for line in body)]
    return libreoffice_docx(draft, path)


def _both(tmp_path: Path, front: list[str], title: str, body: list[str]) -> list:
    """The text read from Word and from plain text."""
    return [read_docx_draft(_word(tmp_path / "text.docx", front, title, body)),
            read_text("\n\n".join([*front, title, *body]) + "\n")]


def _labels(result) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in result.paragraphs]


@pytest.mark.parametrize("organ", ["THE COUNCIL OF THE EUROPEAN UNION", "The Council", None])
def test_council_conclusions_keep_their_cover_note_and_heading_out_of_the_paragraphs(
        tmp_path, organ):
    body = [organ, *EU_BODY] if organ else EU_BODY
    for result in _both(tmp_path, EU_FRONT, EU_TITLE, body):
        assert (result.front_matter, result.title, result.chapeau) == (
            tuple(EU_FRONT), EU_TITLE, organ or "")
        assert _labels(result) == [(f"OP{n}", line[3:]) for n, line in enumerate(EU_BODY, 1)]


def test_council_conclusions_whose_paragraphs_name_the_council():
    result = read_text("\n\n".join([
        EU_FRONT[3], "Council conclusions on ocean governance",
        "1. The Council welcomes the adoption of the Agreement;",
        "2. The Council calls on Member States to ratify it."]))
    assert (result.front_matter, result.title) == (
        (EU_FRONT[3],), "Council conclusions on ocean governance")
    assert [p.label for p in result.paragraphs] == ["OP1", "OP2"]


@pytest.mark.parametrize(("front", "title", "organ"), [
    ([*EU_FRONT, "ANNEX"], EU_TITLE, ""),  # the conclusions on the annex's page
    (["Conseil de l\u2019Union europ\u00e9enne", "Bruxelles, le 12 mai 2026",
      "Les d\u00e9l\u00e9gations trouveront en annexe les conclusions du Conseil sur la "
      "gouvernance des oc\u00e9ans, approuv\u00e9es par le Conseil lors de sa session du "
      "12 mai 2026."], "CONCLUSIONS DU CONSEIL SUR LA GOUVERNANCE DES OC\u00c9ANS",
     "LE CONSEIL DE L\u2019UNION EUROP\u00c9ENNE"),
    (["Consejo de la Uni\u00f3n Europea", "Se adjunta a la atenci\u00f3n de las "
      "Delegaciones las Conclusiones del Consejo sobre la gobernanza de los oc\u00e9anos."],
     "CONCLUSIONES DEL CONSEJO SOBRE LA GOBERNANZA DE LOS OC\u00c9ANOS",
     "EL CONSEJO DE LA UNI\u00d3N EUROPEA")])
def test_council_conclusions_in_french_and_spanish_and_on_the_annexs_page(front, title, organ):
    result = read_text("\n\n".join([*front, title, *([organ] if organ else []),
                                     "1. RECALLS the 2030 Agenda;", "2. WELCOMES the Agreement."]))
    assert (result.front_matter, result.title, result.chapeau) == (tuple(front), title, organ)
    assert [p.label for p in result.paragraphs] == ["OP1", "OP2"]


@pytest.mark.parametrize("formula", ["L\u2019Assembl\u00e9e :", "La Asamblea:", "D\u00e9cide :"])
def test_an_operative_formula_in_french_or_spanish_closes_the_preamble(formula):
    result = read_text("\n\n".join(["A42-WP/5", "R\u00e9solution A42-1", "Whereas x;", formula,
                                     "1. Resolves y;"]))
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Whereas x;"), ("T1", formula), ("OP1", "Resolves y;")]


@pytest.mark.parametrize("formula", [
    "Ministers decide as follows:", "The General Council decides as follows:",
    "Les ministres d\u00e9cident ce qui suit :",
    "El Consejo General decide lo siguiente:"])
def test_a_wto_decisions_formula_is_its_chapeau(tmp_path, formula):
    for result in _both(tmp_path, WTO_FRONT, WTO_TITLE, [formula, *WTO_BODY]):
        assert (result.front_matter, result.title, result.chapeau) == (
            tuple(WTO_FRONT), WTO_TITLE, formula)
        assert _labels(result) == [("OP1", WTO_BODY[0][3:]), ("OP2", WTO_BODY[1][3:])]


def test_a_decision_formula_after_a_preamble_closes_it():
    result = read_text("\n\n".join([
        "WT/L/1234", "Waiver concerning preferential treatment", "Decision of 10 May 2026",
        "The General Council,", "Having regard to paragraph 3 of Article IX of the "
        "Marrakesh Agreement;", "Noting the request;", "Decides as follows:",
        "1. The provisions of Article I of the GATT 1994 shall be waived.",
        "2. This waiver shall expire on 31 December 2030."]))
    assert result.title == "Waiver concerning preferential treatment"
    assert [(p.label, p.text) for p in result.paragraphs][1:3] == [
        ("PP2", "Noting the request;"), ("T1", "Decides as follows:")]
    assert [p.label for p in result.paragraphs][3:] == ["OP1", "OP2"]


def test_an_icao_resolution_reads_the_assembly_as_its_operative_formula(tmp_path):
    title = ("Resolution 42/1: Consolidated statement of continuing ICAO policies related to "
             "environmental protection")
    for result in _both(tmp_path, ["A42-WP/5"], title, ICAO_BODY):
        assert (result.front_matter, result.title) == (("A42-WP/5",), title)
        assert _labels(result) == [("PP1", ICAO_BODY[0]), ("PP2", ICAO_BODY[1]),
                                   ("T1", "The Assembly:"), ("OP1", ICAO_BODY[3][3:]),
                                   ("OP2", ICAO_BODY[4][3:])]
        assert result.warnings == ()


def test_an_osce_decisions_paragraph_after_decides_is_operative(tmp_path):
    for result in _both(tmp_path, OSCE_FRONT, OSCE_TITLE, OSCE_BODY):
        assert (result.front_matter, result.title, result.chapeau) == (
            tuple(OSCE_FRONT), OSCE_TITLE, "The Permanent Council,")
        assert _labels(result) == [("PP1", OSCE_BODY[1]), ("T1", "Decides:"),
                                   ("OP1", OSCE_BODY[3])]
        assert result.warnings == ()


def test_unnumbered_paragraphs_opening_decides_are_operative():
    result = read_text("\n\n".join([
        *OSCE_FRONT, OSCE_TITLE, "The Permanent Council,", "Recalling its Decision No. 1400,",
        "Decides to hold the 2027 Annual Security Review Conference in Vienna;",
        "Decides also that the conference shall be opened by the Chair."]))
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2"]
    assert result.warnings == ()


@pytest.mark.parametrize("sponsors", [
    "Submitted by the European Union and its member States",
    "Proposed by the delegation of Kenya", "Pr\u00e9sent\u00e9 par le Kenya"])
def test_a_unea_drafts_sponsors_after_its_title_stay_after_it(tmp_path, sponsors):
    for result in _both(tmp_path, UNEA_FRONT, UNEA_TITLE, [sponsors, *UNEA_BODY]):
        assert result.title == UNEA_TITLE
        assert (result.front_matter, result.after_title) == (tuple(UNEA_FRONT), (sponsors,))
        assert [p.label for p in result.paragraphs] == ["PP1", "OP1"]


def test_an_imo_annexs_numbered_heading_opens_a_section_of_its_clauses(tmp_path):
    for result in _both(tmp_path, IMO_FRONT, IMO_TITLE, IMO_BODY):
        assert _labels(result)[3:] == [
            ("H1", "ANNEX"), ("H2", "AMENDMENTS TO THE CODE"), ("H3", "1\tGENERAL"),
            ("ANNEX SECTION 1.1", IMO_BODY[7][4:]), ("ANNEX SECTION 1.2", IMO_BODY[8][4:]),
            ("H4", "2\tDEFINITIONS"), ("ANNEX SECTION 2.1", IMO_BODY[10][4:])]
        assert result.warnings == ()


@pytest.mark.parametrize(("front", "title", "body", "label", "old", "new"), [
    (EU_FRONT, EU_TITLE, ["THE COUNCIL OF THE EUROPEAN UNION", *EU_BODY], "OP2",
     "marine biodiversity", "biodiversity beyond national jurisdiction"),
    (OSCE_FRONT, OSCE_TITLE, OSCE_BODY, "OP1", "30 June 2027", "31 December 2027"),
    (IMO_FRONT, IMO_TITLE, IMO_BODY, "ANNEX SECTION 1.2", "may grant", "shall grant")])
def test_rev1_keeps_the_layout_of_another_bodys_text(tmp_path, front, title, body, label,
                                                      old, new):
    path = _word(tmp_path / "text.docx", front, title, body)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, path, "X/1")
        add_delegations(store, ["KEN"])
        amendment = prepare_amendment(store, "X/1", Proposal(label, replace=old, with_=new),
                                      "KEN")
        (recorded,) = record(store, "X/1", [amendment]).amendments
        store.decide(recorded.id, "accept")
        revise_document(store, "X/1", "Rev.1", warn=lambda _: None)
        rev1 = store.document("X/1").current
        made = docx.Document(io.BytesIO(store.source("X/1", "Rev.1")))
    texts = [p.text for p in made.paragraphs]
    assert title in texts and front[-1] in texts and not any(
        t.startswith(("PP", "T1")) for t in texts)
    assert any(new in t for t in texts) and not any(old in t for t in texts)
    again = read_docx_draft(_saved(made, tmp_path / "rev1.docx"))
    assert _labels(again) == [(p.label, p.text) for p in rev1]
    assert (again.title, again.front_matter) == (title, tuple(front))


def _saved(word, path: Path) -> Path:
    word.save(str(path))
    return path


def test_a_tracked_copy_of_an_imo_annex_amends_its_clause_not_its_heading(tmp_path):
    """The copy's "1<tab>GENERAL" is the heading it was, its number its text: the one
    change the delegation tracked is the only amendment."""
    path = _word(tmp_path / "imo.docx", IMO_FRONT, IMO_TITLE, IMO_BODY)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, path, "MSC/1")
        copy = _tracked(path, tmp_path / "KEN.docx", "may grant", "shall grant")
        read = read_docx_submission(copy, store.document("MSC/1"), authors={"KEN": "KEN"})
        (amendment,) = read.amendments
        document = store.document("MSC/1")
    assert (document.current.by_id(amendment.paragraph_id).label, amendment.old_text,
            amendment.new_text) == ("ANNEX SECTION 1.2", "may grant", "shall grant")
    assert read.warnings == ()


def _tracked(draft: Path, path: Path, old: str, new: str) -> Path:
    """``draft`` with ``old`` tracked as replaced by ``new`` by the Word author KEN."""
    word = docx.Document(str(draft))
    paragraph = next(p for p in word.paragraphs if old in p.text)
    before, after = paragraph.text.split(old, 1)
    for run in paragraph.runs:
        paragraph._p.remove(run._r)
    paragraph.add_run(before)
    for n, (tag, words) in enumerate((("w:del", old), ("w:ins", new))):
        mark = paragraph._p.makeelement(qn(tag), {
            qn("w:id"): str(900 + n), qn("w:author"): "KEN",
            qn("w:date"): "2026-12-01T10:00:00Z"})
        run = paragraph.add_run(words)._r
        if tag == "w:del":
            run.find(qn("w:t")).tag = qn("w:delText")
        run.addprevious(mark)
        mark.append(run)
    paragraph.add_run(after)
    word.save(str(path))
    return path


def test_the_lines_saying_what_kind_of_decision_follows_are_no_title():
    front = ["WT/MIN(22)/32", "22 June 2022", "Ministerial Conference", "Twelfth Session",
             "Geneva, 12-15 June 2022"]
    kind = ["MINISTERIAL DECISION", "ADOPTED ON 17 JUNE 2022"]
    result = read_text("\n\n".join([*front, WTO_TITLE, *kind, *WTO_BODY]))
    assert (result.front_matter, result.title, result.after_title) == (
        tuple(front), WTO_TITLE, tuple(kind))
    assert [p.label for p in result.paragraphs] == ["OP1", "OP2"]


def test_a_heading_after_the_conclusions_title_is_the_texts():
    result = read_text("\n\n".join([*EU_FRONT, "ANNEX", EU_TITLE, "I. GENERAL", *EU_BODY]))
    assert (result.front_matter, result.title) == ((*EU_FRONT, "ANNEX"), EU_TITLE)
    assert [p.label for p in result.paragraphs] == ["H1", "OP1", "OP2", "OP3"]
