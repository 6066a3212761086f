"""Sub-items put in Word's "List Number" under a typed "2.": Word numbers them 1., 2.,
3. apart from the typed numbers, and the import stops at the typed "3." ("the label OP3
is used twice"). The refusal now says why and what to do."""

from __future__ import annotations

import docx
import pytest

from drafting.errors import ReaderError
from drafting.readers import read_draft


def test_a_typed_number_meeting_one_word_shows_says_the_two_count_apart(tmp_path):
    word = docx.Document()
    word.add_paragraph("Sustainable fisheries", style="Title")
    word.add_paragraph("The General Assembly,")
    word.add_paragraph("1.\tDecides to convene a meeting;")
    word.add_paragraph("2.\tRequests the Secretary-General to include in his report:")
    for item in ("information on stocks;", "information on fleets;", "recommendations;"):
        word.add_paragraph(item, style="List Number")
    word.add_paragraph("3.\tDecides to remain seized of the matter.")
    path = tmp_path / "draft.docx"
    word.save(str(path))
    with pytest.raises(ReaderError) as refused:
        read_draft(path)
    message = str(refused.value)
    assert "the label OP3 is used twice (first in paragraph 7)" in message
    assert "Word numbers paragraph 7 itself (a list), while the other types its number" \
        in message
    assert "give them letters ((a), (b)) or indent them a level" in message
