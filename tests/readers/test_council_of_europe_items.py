"""A Council of Europe convention letters an article's items "a<tab>", "b<tab>" (no
bracket, no full stop): the items are lines of the paragraph they stand under, as
"(a)<tab>" ones are, never paragraphs of their own ("2.2 a<tab>"child" means ...") nor a
line of other text ("T2"); a revision letters them again where one goes."""

from __future__ import annotations

import pytest
from un_documents import Del, Draft, Para, libreoffice_docx

from drafting.engine.amend import Proposal, draft_amendment
from drafting.engine.revise import Decisions, revise
from drafting.model import AmendmentKind, ParagraphKind
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.readers.textfile import read_text

CHILD = 'a\t"child" means any person under the age of 18 years;'
EXPLOITATION = 'b\t"sexual exploitation" means the behaviour referred to in Articles 18 to 23;'
VICTIM = 'c\t"victim" means any child subject to sexual exploitation.'
AWARENESS = "a\tencourage awareness of the protection of children;"
KNOWLEDGE = "b\tensure that persons working with children have adequate knowledge."
LINES = [
    "The member States of the Council of Europe and the other signatories hereto,",
    "Considering that the aim of the Council of Europe is to achieve a greater unity "
    "between its members;",
    "Have agreed as follows:",
    "Article 1 – Purposes",
    "The purposes of this Convention are to prevent and combat sexual exploitation.",
    "Article 2 – Definitions",
    "For the purposes of this Convention:", CHILD, EXPLOITATION, VICTIM,
    "Article 3 – Preventive measures",
    "1\tEach Party shall take the necessary measures to:", AWARENESS, KNOWLEDGE,
    "2\tEach Party shall promote research.",
]
EXPECTED = [
    ("PP1", ParagraphKind.PREAMBULAR, LINES[1]),
    ("T1", ParagraphKind.OTHER, "Have agreed as follows:"),
    ("H1", ParagraphKind.HEADING, "Article 1 – Purposes"),
    ("1.1", ParagraphKind.OPERATIVE, LINES[4]),
    ("H2", ParagraphKind.HEADING, "Article 2 – Definitions"),
    ("2.1", ParagraphKind.OPERATIVE,
     f"For the purposes of this Convention:\n{CHILD}\n{EXPLOITATION}\n{VICTIM}"),
    ("H3", ParagraphKind.HEADING, "Article 3 – Preventive measures"),
    ("3.1", ParagraphKind.OPERATIVE,
     f"Each Party shall take the necessary measures to:\n{AWARENESS}\n{KNOWLEDGE}"),
    ("3.2", ParagraphKind.OPERATIVE, "Each Party shall promote research."),
]


def _convention(lines: list[str | Para]) -> Draft:
    return Draft("CETS No. 201", [line if isinstance(line, Para) else Para((line,))
                                  for line in lines])


@pytest.fixture(scope="module")
def convention(tmp_path_factory):
    """The convention as LibreOffice writes it to Word: (its path, what it imports as)."""
    path = libreoffice_docx(_convention(LINES), tmp_path_factory.mktemp("coe") / "c.docx")
    return path, read_docx_draft(path)


def test_items_typed_letter_and_tab_are_lines_of_their_paragraph(convention):
    _, read = convention
    assert [(p.label, p.kind, p.text) for p in read.paragraphs] == EXPECTED


def test_the_same_convention_as_text_reads_alike():
    read = read_text("\n\n".join(LINES) + "\n")
    assert [(p.label, p.kind, p.text) for p in read.paragraphs] == EXPECTED
    assert read.warnings == ()


def test_a_word_then_a_space_opens_no_item():
    read = read_text("Article 1\n\nEach Party shall act:\n\na\tto report;\n\n"
                     "a report shall be made every year.\n")
    assert [p.text for p in read.paragraphs] == [
        "Article 1", "Each Party shall act:\na\tto report;",
        "a report shall be made every year."]


def test_an_item_struck_in_a_copy_amends_its_paragraph(convention, tmp_path):
    _, read = convention
    document = read.to_document("CETS201")
    words = EXPLOITATION.split("\t")[1]
    copy = _convention([*LINES[:8], Para(("b\t", Del(words))), *LINES[9:]])
    found = read_docx_submission(libreoffice_docx(copy, tmp_path / "eu.docx"), document,
                                 delegation="EU")
    labels = {p.id: p.label for p in document.current}
    assert [(a.kind, labels[a.paragraph_id], a.old_text) for a in found.amendments] == [
        (AmendmentKind.DELETE, "2.1", words)]


def test_a_revision_letters_the_items_again_where_one_goes(convention):
    _, read = convention
    document = read.to_document("CETS201")
    zero = document.current
    struck = draft_amendment(zero, Proposal("2.1", delete=f"\n{EXPLOITATION}"), id="A1",
                             proponents=["EU"])
    outcome = revise(document, [struck], Decisions(accepted=frozenset({"A1"})),
                     label="Rev.1")
    assert outcome.revision.by_label("2.1").text == \
        f"For the purposes of this Convention:\n{CHILD}\nb\t{VICTIM[2:]}"
