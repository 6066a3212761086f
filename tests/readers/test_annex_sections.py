"""An annex divided by numbered headings ("I. General provisions", "II. Fact-finding"),
each numbering its paragraphs from 1 again, as treaty annexes on procedures often are:
the import refused it ("the label ANNEX I.1 is used twice"). A numbered heading after
which the numbers start again opens a section of the annex (``ANNEX I SECTION II.1``);
where the numbers run on through the annex, its paragraphs keep the annex's key
(``ANNEX I.3``), as before."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from drafting.model import ParagraphKind
from drafting.model.labels import parse_label
from drafting.readers import read_docx_submission, read_text
from drafting.readers.docx_draft import read_docx_draft
from drafting.store import init_store, open_store
from drafting.workflow import (
    add_delegations,
    import_draft,
    prepare_files,
    record,
    revise_document,
)
from tests.readers.test_annex_parts import _word

BODY = ["Agreement on Shared Watercourses", "The Parties to this Agreement,",
        "Recognizing the importance of shared watercourses,", "Have agreed as follows:",
        "Article 1", "Scope", "1.\tThis Agreement applies to international watercourses.",
        "2.\tThe Parties shall cooperate in good faith.", "Article 2", "Notification",
        "1.\tEach Party shall notify the others of planned measures."]
ANNEX = ["Annex I", "Procedures", "I. General provisions",
         "1.\tThe procedures in this annex apply to every notification.",
         "2.\tA notification shall be made in writing.",
         "II. Fact-finding",
         "1.\tA fact-finding commission shall be established at the request of a Party.",
         "2.\tThe commission shall consist of three members.",
         "III. Final provisions",
         "1.\tThe commission shall adopt its own rules of procedure."]
LABELS = ["1.1", "1.2", "2.1", "ANNEX I.1", "ANNEX I.2", "ANNEX I SECTION II.1",
          "ANNEX I SECTION II.2", "ANNEX I SECTION III.1"]


def _operative(paragraphs) -> list[str]:
    return [p.label for p in paragraphs if p.kind is ParagraphKind.OPERATIVE]


def test_numbered_headings_whose_paragraphs_start_again_are_sections_of_the_annex(tmp_path):
    texts = [*BODY, *ANNEX]
    for result in (read_docx_draft(_word(tmp_path / "w.docx", texts)),
                   read_text("\n\n".join(texts) + "\n", markdown=True)):
        assert _operative(result.paragraphs) == LABELS
        shown = {p.label: p.text for p in result.paragraphs}
        assert shown["ANNEX I SECTION II.2"] == "The commission shall consist of three members."
        assert shown["ANNEX I SECTION III.1"].startswith("The commission shall adopt")
        assert result.warnings == ()


def test_numbers_running_on_through_the_annex_keep_the_annexs_key():
    texts = [*BODY, *ANNEX]
    texts[texts.index("II. Fact-finding") + 1] = texts[texts.index("II. Fact-finding") + 1] \
        .replace("1.", "3.", 1)
    texts = [t.replace("2.\tThe commission", "4.\tThe commission")
             .replace("1.\tThe commission shall adopt", "5.\tThe commission shall adopt")
             for t in texts]
    result = read_text("\n\n".join(texts) + "\n", markdown=True)
    assert _operative(result.paragraphs)[3:] == [f"ANNEX I.{n}" for n in range(1, 6)]


def test_a_section_label_reads_back_as_written():
    label = parse_label("annex i section ii.2 bis")
    assert (label.section, label.number, str(label)) == \
        ("ANNEX I SECTION II", 2, "ANNEX I SECTION II.2 bis")


def _tracked_copy(draft: Path, path: Path, old: str, new: str) -> Path:
    """``draft`` with ``old`` tracked as replaced by ``new`` by the Word author BRA in
    the paragraph holding it (its runs written again: text, deletion, insertion, text)."""
    word = docx.Document(str(draft))
    paragraph = next(p for p in word.paragraphs if old in p.text)
    number, text = paragraph.text.split("\t", 1)
    before, after = text.split(old, 1)
    for run in paragraph.runs:
        paragraph._p.remove(run._r)
    paragraph.add_run(number).add_tab()
    paragraph.add_run(before)
    for tag, words in (("w:del", old), ("w:ins", new)):
        mark = paragraph._p.makeelement(qn(tag), {
            qn("w:id"): str(len(tag)), qn("w:author"): "BRA",
            qn("w:date"): "2026-12-01T10:00:00Z"})
        run = paragraph.add_run(words)._r
        if tag == "w:del":
            run.find(qn("w:t")).tag = qn("w:delText")
        run.addprevious(mark)
        mark.append(run)
    paragraph.add_run(after)
    word.save(str(path))
    return path


@pytest.fixture
def store(tmp_path):
    path = _word(tmp_path / "watercourses.docx", [*BODY, *ANNEX])
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, path, "WC/1")
        add_delegations(opened, ["BRA"])
        yield opened, path


def test_a_copy_and_a_revision_keep_the_sections_labels(store, tmp_path):
    opened, draft = store
    copied = _tracked_copy(draft, tmp_path / "BRA.docx", "three", "five")
    document = opened.document("WC/1")
    read = read_docx_submission(copied, document, authors={"BRA": "BRA"})
    (amendment,) = read.amendments
    assert (document.current.by_id(amendment.paragraph_id).label, amendment.old_text,
            amendment.new_text) == ("ANNEX I SECTION II.2", "three", "five")
    (prepared,) = prepare_files(opened, "WC/1", [copied], authors={"BRA": "BRA"})
    (recorded,) = record(opened, "WC/1", prepared.amendments).amendments
    opened.decide(recorded.id, "accept")
    warnings: list[str] = []
    revise_document(opened, "WC/1", "Rev.1", warn=warnings.append)
    assert warnings == []
    rev1 = opened.document("WC/1").current
    assert _operative(rev1) == LABELS
    assert rev1.by_label("ANNEX I SECTION II.2").text == \
        "The commission shall consist of five members."
    made = docx.Document(io.BytesIO(opened.source("WC/1", "Rev.1")))
    assert "2.\tThe commission shall consist of five members." in \
        [p.text for p in made.paragraphs]
    (tmp_path / "rev1.docx").write_bytes(opened.source("WC/1", "Rev.1"))
    again = read_docx_draft(tmp_path / "rev1.docx")
    assert [(p.label, p.text) for p in again.paragraphs] == [(p.label, p.text) for p in rev1]
