"""One of two bracketed alternatives struck in a copy ("[annually] [biennially]" ->
"[biennially]") was read as the deletion of "annually] [", crossing both brackets (the
compilation showed "[~~annually] [~~biennially]"); it is the deletion of " [annually]",
as a diplomat reads it. Both delete the same; only where the words are drawn moves."""

from __future__ import annotations

import pytest
from docx_builders import SYMBOL, TITLE, dele, house, write_docx

from drafting.model import Document, Paragraph, ParagraphKind, Revision
from drafting.readers.docx_submission import read_docx_submission

TEXT = "Requests a report [annually] [biennially] on [small] [large] fisheries;"
ZERO = Revision("Zero draft", (Paragraph("op1", "OP1", ParagraphKind.OPERATIVE, TEXT),))
DOCUMENT = Document(SYMBOL, TITLE, (ZERO,))


@pytest.mark.parametrize("tracked", [False, True], ids=["edited", "tracked"])
def test_striking_one_alternative_deletes_it_whole(tmp_path, tracked):
    kept = ["Requests a report [biennially] on [small] ", "fisheries;"]
    if tracked:
        kept = ["Requests a report [", dele("annually] ["), "biennially] on [small] ",
                dele("[large] "), "fisheries;"]
    path = write_docx(tmp_path / "copy.docx", house(ZERO, {"OP1": kept}))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [(a.old_text, a.new_text) for a in read.amendments] == [
        (" [annually]", ""), (" [large]", "")]
    assert [TEXT[a.span.start:a.span.end] for a in read.amendments] == [
        " [annually]", " [large]"]
