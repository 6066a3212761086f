"""A treaty whose annexes each have a "Part I" (as the Minamata Convention's Annexes A
and B do): the import refused it ("the label I.1 is used twice"), as Annex B's Part I
gave the key Annex A's had. Annex A's parts keep their keys (``I.1``, ``II.1``, as
before); a part of a later annex whose key is taken counts in the annex's part
(``ANNEX B PART I.1``), so every part numbers its paragraphs from 1 as the
secretariat types them, and a revision written into its Word document retypes none and
reads back to the same labels."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from drafting.engine import Proposal
from drafting.model import ParagraphKind
from drafting.outputs import merge_to
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

BODY = ["Draft Convention on Mercury", "The Parties to this Convention,",
        "Recognizing mercury as a chemical of global concern,", "Have agreed as follows:",
        "Article 1", "Objective",
        "The objective of this Convention is to protect human health.",
        "Article 2", "Mercury-added products",
        "1.\tEach Party shall not allow the manufacture of the products listed in Annex A.",
        "2.\tParagraph 1 shall not apply to products for civil protection."]
ANNEX_A = ["Annex A", "Mercury-added products", "Part I",
           "1.\tBatteries shall be phased out by 2020.",
           "2.\tSwitches and relays shall be phased out by 2020.",
           "Part II", "1.\tEach Party shall phase down the use of dental amalgam."]
ANNEX_B = ["Annex B", "Manufacturing processes", "Part I",
           "1.\tChlor-alkali production shall be phased out by 2025.",
           "Part II", "1.\tEach Party shall take measures on vinyl chloride monomer.",
           "2.\tEach Party shall report on the measures taken."]
OPERATIVE = ["1.1", "2.1", "2.2", "I.1", "I.2", "II.1", "ANNEX B PART I.1",
             "ANNEX B PART II.1", "ANNEX B PART II.2"]


def _word(path: Path, texts: list[str]) -> Path:
    """``texts`` as the secretariat lays a treaty out: headings bold and centred, each
    paragraph's number typed before a tab with a hanging indent."""
    document = docx.Document()
    for text in texts:
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if text[0].isdigit():
            paragraph.paragraph_format.left_indent = Cm(1)
            paragraph.paragraph_format.first_line_indent = Cm(-1)
        elif len(text.split()) <= 4 and not text.endswith((",", ".", ":")):
            run.bold = True
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.save(path)
    return path


def _operative(result) -> list[str]:
    return [p.label for p in result.paragraphs if p.kind is ParagraphKind.OPERATIVE]


def test_the_parts_of_two_annexes_are_labelled_apart(tmp_path):
    texts = [*BODY, *ANNEX_A, *ANNEX_B]
    for result in (read_docx_draft(_word(tmp_path / "mercury.docx", texts)),
                   read_text("\n\n".join(texts) + "\n", markdown=True)):
        assert _operative(result) == OPERATIVE
        shown = {p.label: p.text for p in result.paragraphs}
        assert shown["ANNEX B PART I.1"].startswith("Chlor-alkali")
        assert shown["ANNEX B PART II.1"].startswith("Each Party shall take measures")
        assert result.warnings == ()


@pytest.mark.parametrize("kind", ["Chapter", "Section"])
def test_chapters_and_sections_of_a_second_annex_are_its_own_too(kind):
    texts = [*BODY, *(t.replace("Part", kind) for t in [*ANNEX_A, *ANNEX_B])]
    result = read_text("\n\n".join(texts) + "\n")
    assert _operative(result)[-3:] == [f"ANNEX B {kind.upper()} I.1",
                                       f"ANNEX B {kind.upper()} II.1",
                                       f"ANNEX B {kind.upper()} II.2"]


def test_parts_of_one_annex_numbered_from_1_again_keep_their_own_keys(tmp_path):
    result = read_docx_draft(_word(tmp_path / "a.docx", [*BODY, *ANNEX_A]))
    assert _operative(result) == OPERATIVE[:6]


def test_the_same_labels_when_the_document_is_read_again(tmp_path):
    path = _word(tmp_path / "mercury.docx", [*BODY, *ANNEX_A, *ANNEX_B])
    first, again = read_docx_draft(path), read_docx_draft(path)
    assert [(p.label, p.text) for p in first.paragraphs] == \
        [(p.label, p.text) for p in again.paragraphs]


@pytest.fixture
def store(tmp_path):
    path = _word(tmp_path / "mercury.docx", [*BODY, *ANNEX_A, *ANNEX_B])
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as opened:
        import_draft(opened, path, "UNEP/MC/1")
        add_delegations(opened, ["BRA"])
        yield opened


def _propose(store, label: str, **fields) -> str:
    amendment = prepare_amendment(store, "UNEP/MC/1", Proposal(label, **fields), "BRA")
    (recorded,) = record(store, "UNEP/MC/1", [amendment]).amendments
    return recorded.id


def test_a_revision_keeps_each_parts_numbers_and_reads_back_the_same(store, tmp_path):
    new = _propose(store, "ANNEX B PART I.1", new_paragraph="Each Party shall report.")
    changed = _propose(store, "ANNEX B PART II.2", replace="report on", with_="publish")
    merge_to(store, "UNEP/MC/1", tmp_path / "merged.docx")
    merged = docx.Document(tmp_path / "merged.docx").element.body
    deleted = [t.text for t in merged.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}delText")]
    assert deleted == ["report on"]  # no typed number renumbered
    store.decide(new, "accept")
    store.decide(changed, "accept")
    warnings: list[str] = []
    revise_document(store, "UNEP/MC/1", "Rev.1", warn=warnings.append)
    assert warnings == []
    rev1 = store.document("UNEP/MC/1").current
    assert _operative(rev1)[-4:] == [
        "ANNEX B PART I.1", "ANNEX B PART I.2", "ANNEX B PART II.1", "ANNEX B PART II.2"]
    (tmp_path / "rev1.docx").write_bytes(store.source("UNEP/MC/1", "Rev.1"))
    made = docx.Document(io.BytesIO(store.source("UNEP/MC/1", "Rev.1")))
    assert [p.text for p in made.paragraphs][-6:] == [
        "Part I", "1.\tChlor-alkali production shall be phased out by 2025.",
        "2.\tEach Party shall report.", "Part II",
        "1.\tEach Party shall take measures on vinyl chloride monomer.",
        "2.\tEach Party shall publish the measures taken."]
    again = read_docx_draft(tmp_path / "rev1.docx")
    assert [(p.label, p.text) for p in again.paragraphs] == \
        [(p.label, p.text) for p in rev1]
