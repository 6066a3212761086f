"""Paragraph numbers typed with a space before the full stop or the bracket ("1 . Decides",
"1 ) Decides"), as a draft retyped from a fax or converted from a PDF has them, are read
as the paragraphs' numbers, and a revision of the Word document types the new numbers
the same way."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

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

OPERATIVE = ["Decides to convene a high-level meeting on oceans in 2027;",
             "Requests the Secretary-General to submit a report on the meeting;",
             "Decides to remain seized of the matter."]


def _text(number: str) -> str:
    """A General Assembly draft whose operative paragraphs are numbered as ``number``
    says ("{n} ." or "{n} )")."""
    return "\n\n".join(["The General Assembly,", "Recalling its resolution 70/1,",
                        *(f"{number.format(n=n)} {text}"
                          for n, text in enumerate(OPERATIVE, 1))])


def _word(path: Path) -> Path:
    word = docx.Document()
    for line in ["United Nations", "A/C.2/81/L.30", "General Assembly", "Distr.: Limited",
                 "Fiji and Samoa: draft resolution"]:
        word.add_paragraph(line)
    word.add_paragraph("Oceans and the law of the sea", style="Title")
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("Recalling its resolution 70/1,")
    for n, text in enumerate(OPERATIVE, 1):
        word.add_paragraph(f"{n} .\t{text}")
    word.save(path)
    return path


@pytest.mark.parametrize("number", ["{n} .", "{n} )", "{n}.", "{n})"])
def test_a_number_with_a_space_before_its_stop_or_bracket_is_the_paragraphs(number):
    result = read_text(_text(number), name="L30.txt")
    assert [(p.label, p.text) for p in result.paragraphs] == [
        ("PP1", "Recalling its resolution 70/1,"),
        *((f"OP{n}", text) for n, text in enumerate(OPERATIVE, 1))]
    assert result.warnings == ()


def test_a_word_draft_numbered_with_spaces_is_read_and_revised_in_its_form(tmp_path):
    path = _word(tmp_path / "L30.docx")
    assert [p.label for p in read_docx_draft(path).paragraphs] == ["PP1", "OP1", "OP2", "OP3"]
    url = f"sqlite:///{tmp_path / 's.db'}"
    init_store(url)
    with open_store(url) as store:
        import_draft(store, path, "L30")
        add_delegations(store, ["FJI"])
        proposal = Proposal("OP1", new_paragraph="Welcomes the offer of Fiji to host it;")
        (recorded,) = record(store, "L30", [
            prepare_amendment(store, "L30", proposal, "FJI")]).amendments
        store.decide(recorded.id, "accept")
        warnings: list[str] = []
        revise_document(store, "L30", "Rev.1", warn=warnings.append)
        assert warnings == []
        made = docx.Document(io.BytesIO(store.source("L30", "Rev.1")))
    assert [p.text for p in made.paragraphs][-4:] == [
        f"1 .\t{OPERATIVE[0]}", "2 .\tWelcomes the offer of Fiji to host it;",
        f"3 .\t{OPERATIVE[1]}", f"4 .\t{OPERATIVE[2]}"]
