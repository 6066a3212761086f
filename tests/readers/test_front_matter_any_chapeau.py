"""Drafts that do not open "The General Assembly,": a political declaration ("We, Heads of
State and Government ..., assembled ...,"), a conference's outcome document (no chapeau:
its chapters and numbered paragraphs follow the title) and a bilateral agreement ("The
Government of ... and the Government of ... (hereinafter referred to as “the
Parties”),"). The import read their front matter, title and chapeau as preambular
paragraphs PP1..PPn, so every label the delegations use was off and the front matter
could be amended; Rev.1 named its revision in the page header but kept the old symbol in
the front matter, which it had read as a paragraph."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from un_documents import Draft, Para, libreoffice_docx

from drafting.engine import Proposal
from drafting.readers import read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_amendment,
    record,
    revise_document,
)

DECLARATION_FRONT = ["United Nations", "A/81/L.5", "General Assembly", "Distr.: Limited",
                     "14 October 2026", "Original: English", "Eighty-first session",
                     "Agenda item 128"]
DECLARATION_TITLE = ("Political declaration of the high-level meeting on antimicrobial "
                     "resistance")
WE = ("We, Heads of State and Government and representatives of States and Governments, "
      "assembled at United Nations Headquarters in New York on 26 September 2026,")
DECLARATION_BODY = [
    "Recalling the Global Action Plan on Antimicrobial Resistance,",
    "1.\tRecognize that antimicrobial resistance is one of the most urgent global health "
    "threats;",
    "2.\tCommit to reducing deaths associated with antimicrobial resistance by [10] per cent "
    "by 2030;"]

OUTCOME = "A/CONF.240/2026/L.1"
OUTCOME_FRONT = ["United Nations", OUTCOME,
                 "Fourth International Conference on Small Island Developing States",
                 "Antigua and Barbuda, 27-30 May 2026"]
OUTCOME_TITLE = "Draft outcome document of the Conference"
OUTCOME_BODY = [
    "I.\tOur common vision",
    "1.\tWe, the Heads of State and Government, reaffirm our commitment to small island "
    "developing States.",
    "2.\tWe recognize that small island developing States remain a special case for "
    "sustainable development.",
    "II.\tFollow-up",
    "3.\tWe request the Secretary-General to report on progress."]
OUTCOME_LABELS = [("H1", "I.\tOur common vision"), ("OP1", OUTCOME_BODY[1][3:]),
                  ("OP2", OUTCOME_BODY[2][3:]), ("H2", "II.\tFollow-up"),
                  ("OP3", OUTCOME_BODY[4][3:])]

AGREEMENT_TITLE = ("AGREEMENT BETWEEN THE GOVERNMENT OF NORWAY AND THE GOVERNMENT OF GHANA "
                   "ON COOPERATION IN FISHERIES MANAGEMENT")
GOVERNMENTS = ("The Government of the Kingdom of Norway and the Government of the Republic "
               "of Ghana (hereinafter referred to as \u201cthe Parties\u201d),")
AGREEMENT_BODY = ["Desiring to strengthen their cooperation in the field of fisheries "
                  "management,",
                  "Have agreed as follows:", "Article 1", "Scope",
                  "1.\tThis Agreement applies to the exclusive economic zones of the Parties.",
                  "Article 2", "Entry into force",
                  "1.\tThis Agreement shall enter into force on signature."]


def _word(path: Path, front: list[str], title: str, chapeau: list[str],
          body: list[str]) -> Path:
    """The draft as LibreOffice writes it: the front matter in a small style, the title in
    the secretariat's own "UN Title" (no Word title style), the body typed."""
    draft = Draft(front[1] if len(front) > 1 else title)
    draft.paragraphs = [Para((line,), "Front") for line in front]
    draft.paragraphs += [Para((title,), "UNTitle"), *(Para((c,), "Chapeau") for c in chapeau)]
    draft.paragraphs += [Para((line,)) for line in body]
    return libreoffice_docx(draft, path)


def _text(front: list[str], title: str, chapeau: list[str], body: list[str]) -> str:
    return "\n\n".join([*front, title, *chapeau, *body]) + "\n"


def _labels(result) -> list[tuple[str, str]]:
    return [(p.label, p.text) for p in result.paragraphs]


def test_a_political_declaration_keeps_its_front_matter_and_its_we_chapeau(tmp_path):
    parts = (DECLARATION_FRONT, DECLARATION_TITLE, [WE], DECLARATION_BODY)
    for result in (read_docx_draft(_word(tmp_path / "declaration.docx", *parts)),
                   read_text(_text(*parts))):
        assert result.front_matter == tuple(DECLARATION_FRONT)
        assert (result.title, result.chapeau) == (DECLARATION_TITLE, WE)
        assert _labels(result) == [("PP1", DECLARATION_BODY[0]),
                                   ("OP1", DECLARATION_BODY[1][3:]),
                                   ("OP2", DECLARATION_BODY[2][3:])]


def test_an_outcome_document_without_a_chapeau_opens_at_its_first_chapter(tmp_path):
    parts = (OUTCOME_FRONT, OUTCOME_TITLE, [], OUTCOME_BODY)
    for result in (read_docx_draft(_word(tmp_path / "outcome.docx", *parts)),
                   read_text(_text(*parts))):
        assert result.front_matter == tuple(OUTCOME_FRONT)
        assert (result.title, result.chapeau) == (OUTCOME_TITLE, "")
        assert _labels(result) == OUTCOME_LABELS
    # lines that name no symbol, organ, date or session are no front matter: with no
    # chapeau, the paragraphs before the first numbered one stay preambular
    result = read_text("Oceans and seas\n\nRecalling its resolution 70/1,\n\n"
                       "1.\tDecides to convene a conference;\n")
    assert (result.front_matter, result.chapeau) == ((), "")
    assert [p.label for p in result.paragraphs] == ["PP1", "PP2", "OP1"]


def test_an_outcome_document_with_its_title_in_word_title_style(tmp_path):
    """The title in Word's "Title" style, the chapters in "Heading 1", the paragraphs
    typed "1.<tab>"."""
    word = docx.Document()
    for line in OUTCOME_FRONT:
        word.add_paragraph(line)
    word.add_paragraph(OUTCOME_TITLE, style="Title")
    for line in OUTCOME_BODY:
        word.add_paragraph(line, style="Heading 1" if line[0] in "IV" else None)
    word.save(tmp_path / "outcome.docx")
    result = read_docx_draft(tmp_path / "outcome.docx")
    assert result.front_matter == tuple(OUTCOME_FRONT)
    assert result.title == OUTCOME_TITLE
    assert _labels(result) == OUTCOME_LABELS


def test_an_outcome_document_whose_symbol_stands_in_a_table(tmp_path):
    """The organization and the symbol side by side in a table, as the UN sets them."""
    word = docx.Document()
    table = word.add_table(1, 2)
    table.cell(0, 0).text, table.cell(0, 1).text = OUTCOME_FRONT[:2]
    for line in [*OUTCOME_FRONT[2:], OUTCOME_TITLE, *OUTCOME_BODY]:
        word.add_paragraph(line, style="Heading 1" if line[0] in "IV" else None)
    word.save(tmp_path / "outcome.docx")
    result = read_docx_draft(tmp_path / "outcome.docx")
    assert (result.front_matter, result.title) == (tuple(OUTCOME_FRONT), OUTCOME_TITLE)
    assert _labels(result) == OUTCOME_LABELS
    assert result.warnings == ()


def test_a_bilateral_agreement_keeps_its_title_and_its_long_chapeau(tmp_path):
    parts = ([], AGREEMENT_TITLE, [GOVERNMENTS], AGREEMENT_BODY)
    for result in (read_docx_draft(_word(tmp_path / "agreement.docx", *parts)),
                   read_text(_text(*parts))):
        assert (result.title, result.chapeau, result.front_matter) == (
            AGREEMENT_TITLE, GOVERNMENTS, ())
        assert [label for label, _ in _labels(result)] == [
            "PP1", "T1", "H1", "H2", "1.1", "H3", "H4", "2.1"]
        assert result.paragraphs[0].text == AGREEMENT_BODY[0]


@pytest.mark.parametrize("chapeau", [
    "We, the Heads of State and Government, gathered in Bridgetown on 27 May 2026,",
    "We, the Ministers and high representatives of States, meeting in Geneva on 3 and "
    "4 March 2026 at the invitation of the Government of Switzerland,",
    "We, the representatives of the peoples of the world, assembled at the Summit of the "
    "Future at United Nations Headquarters,",
    "The Government of the French Republic, the Government of the Kingdom of Spain and the "
    "Government of the Portuguese Republic, hereinafter referred to as \u201cthe Parties\u201d,",
])
def test_a_declaration_or_treaty_chapeau_after_the_front_matter(chapeau):
    result = read_text(_text(DECLARATION_FRONT, DECLARATION_TITLE, [chapeau],
                             DECLARATION_BODY))
    assert (result.front_matter, result.title, result.chapeau) == (
        tuple(DECLARATION_FRONT), DECLARATION_TITLE, chapeau)
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2"]


def test_a_first_paragraph_that_opens_we_is_no_chapeau():
    """"We, ..." that ends a sentence is a paragraph: before the front matter's run ends,
    as after it."""
    result = read_text(_text(OUTCOME_FRONT, OUTCOME_TITLE, [], [
        "We, the Heads of State and Government, reaffirm our commitment.",
        "1.\tWe recognize the special case of small island developing States."]))
    assert (result.front_matter, result.title, result.chapeau) == (
        tuple(OUTCOME_FRONT), OUTCOME_TITLE, "")
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1"]


def test_rev1_of_an_outcome_document_names_its_revision_in_the_front_matter(tmp_path):
    path = _word(tmp_path / "outcome.docx", OUTCOME_FRONT, OUTCOME_TITLE, [], OUTCOME_BODY)
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, path, OUTCOME)
        add_delegations(store, ["AOSIS"])
        amendment = prepare_amendment(store, OUTCOME, Proposal("OP2", delete_paragraph=True),
                                      "AOSIS")
        (recorded,) = record(store, OUTCOME, [amendment]).amendments
        store.decide(recorded.id, "accept")
        revise_document(store, OUTCOME, "Rev.1", warn=lambda _: None)
        rev1 = store.document(OUTCOME).current
        made = docx.Document(io.BytesIO(store.source(OUTCOME, "Rev.1")))
    revised = f"{OUTCOME}/Rev.1"
    assert rev1.front_matter == (OUTCOME_FRONT[0], revised, *OUTCOME_FRONT[2:])
    texts = [p.text for p in made.paragraphs if p.text]
    assert texts[:5] == [OUTCOME_FRONT[0], revised, *OUTCOME_FRONT[2:], OUTCOME_TITLE]
    assert OUTCOME not in texts  # the symbol alone, unrevised, is nowhere on page 1
    assert texts[5:] == ["I.\tOur common vision", OUTCOME_BODY[1], "II.\tFollow-up",
                         "2.\tWe request the Secretary-General to report on progress."]
    header = "".join(p.text for p in made.sections[0].header.paragraphs)
    assert header == revised


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_we_chapeau_wrapped_over_two_lines_of_a_text_file_stays_one(gap):
    """A text file wraps the chapeau after "Governments,": the line after it goes on in
    small letters, so it is no paragraph of its own (paragraphs apart by a blank line,
    or one per line)."""
    first, rest = WE.split(" assembled")
    lines = [*DECLARATION_FRONT, DECLARATION_TITLE, f"{first}\nassembled{rest}",
             *DECLARATION_BODY]
    result = read_text(gap.join(lines) + "\n")
    assert (result.front_matter, result.title) == (tuple(DECLARATION_FRONT),
                                                   DECLARATION_TITLE)
    assert result.chapeau.replace("\n", " ") == WE
    assert [p.label for p in result.paragraphs] == ["PP1", "OP1", "OP2"]
    assert result.warnings == ()
