"""Words typed without Track Changes in a copy's front matter (a co-sponsor added to
"Fiji, Samoa and Tonga: draft resolution", a new paragraph typed above "The General
Assembly,"): they are no amendment, and used to vanish without a word, the copy said to
hold no change at all."""

from __future__ import annotations

import copy
from pathlib import Path

import docx
from docx.text.paragraph import Paragraph

from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission

SAMPLE = Path(__file__).parents[2] / "samples" / "docx" / "zero-draft.docx"


def test_words_typed_in_the_front_matter_are_named_as_not_read(tmp_path):
    document = read_docx_draft(SAMPLE).to_document("A/C.2/81/L.7")
    word = docx.Document(str(SAMPLE))
    sponsors = next(p for p in word.paragraphs if p.text.endswith(": draft resolution"))
    chapeau = next(p for p in word.paragraphs if p.text == "The General Assembly,")
    for run in sponsors.runs[1:]:
        run._r.getparent().remove(run._r)
    sponsors.runs[0].text = "Fiji, Samoa, Tonga and the European Union: draft resolution"
    typed = copy.deepcopy(chapeau._p)
    chapeau._p.addprevious(typed)
    typed = Paragraph(typed, chapeau._parent)
    for run in typed.runs[1:]:
        run._r.getparent().remove(run._r)
    typed.runs[0].text = "Recalling also the Paris Agreement,"
    path = tmp_path / "eu.docx"
    word.save(str(path))
    read = read_docx_submission(path, document, delegation="EU")
    assert read.amendments == ()
    said = [str(w) for w in read.warnings]
    assert len(said) == 2, said
    assert "'Fiji, Samoa, Tonga and the European Union: draft resolution'" in said[0]
    assert "'Recalling also the Paris Agreement,'" in said[1]
    assert all("typed without Track Changes" in w and "not read" in w for w in said)


def test_an_unchanged_copy_of_the_front_matter_says_nothing(tmp_path):
    document = read_docx_draft(SAMPLE).to_document("A/C.2/81/L.7")
    word = docx.Document(str(SAMPLE))
    op = next(p for p in word.paragraphs if p.text.startswith("Recalling its resolution"))
    op.runs[-1].text += " (unchanged otherwise)"
    path = tmp_path / "eu.docx"
    word.save(str(path))
    read = read_docx_submission(path, document, delegation="EU")
    assert len(read.amendments) == 1 and read.warnings == ()
