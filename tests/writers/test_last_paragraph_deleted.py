"""The deletion of the document's last paragraph in the merged draft: no word processor
removes the body's last paragraph mark, so Accept All left an empty item ("3." where Word
numbers the paragraphs); the mark before it is deleted instead, as for a paragraph that
ends a section, and the words before take the last place in their own form."""

from __future__ import annotations

import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "readers"))
from docx_builders import numbered
from libreoffice import lo_track
from ooxml_views import rejected
from source_merges import merge_into

from drafting.ooxml.numbering import NumberingCounter

SYMBOL = "A/C.2/81/L.90"


def _draft(path: Path, typed: bool) -> Path:
    word = docx.Document()
    word.add_paragraph("Oceans", style="Title")
    word.add_paragraph("The General Assembly,")
    for number, text in enumerate(("Decides to convene a meeting;", "Requests a report;",
                                   "Decides to remain seized of the matter."), 1):
        word.add_paragraph(f"{number}.\t{text}" if typed else text,
                           style="Normal" if typed else "List Number")
    word.save(str(path))
    return path if typed else numbered(path, "List Number")


@pytest.mark.parametrize("typed", [True, False], ids=["typed numbers", "Word numbering"])
def test_accepted_the_last_paragraphs_deletion_leaves_no_empty_item(typed, tmp_path):
    source = _draft(tmp_path / "draft.docx", typed)
    merged = merge_into(source, [("EU", "OP3", {"delete_paragraph": True})],
                        tmp_path / "merged.docx", SYMBOL)
    lo_track("accept", merged, tmp_path / "accepted.docx")  # LibreOffice's Accept All
    accepted = docx.Document(str(tmp_path / "accepted.docx"))
    body = accepted.paragraphs
    assert [p.text for p in body][-3:] == ["The General Assembly,", *(
        ["1.\tDecides to convene a meeting;", "2.\tRequests a report;"] if typed else
        ["Decides to convene a meeting;", "Requests a report;"])]
    if not typed:  # still numbered by Word, as the second item
        counter = NumberingCounter(accepted)
        assert [counter.number(p._p) for p in body][-1].text == "2."
    assert rejected(merged) == rejected(source)
