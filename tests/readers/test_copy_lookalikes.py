"""Words a delegation's Word copy proposes are held to what its JSON and command line
are: a line that only looks empty (Shift+Enter, a no-break space, Shift+Enter: Word then
shows the typed "11.<tab>Decides ..." as a numbered paragraph of the text's own), a
combining stroke drawing the inserted words as struck through, or a word mixing Latin and
Cyrillic letters, is refused when the file is read (a dry run too), naming the file and
the paragraph, not later as "amendment 1"."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docx_builders import DOCUMENT, ZERO, house, ins, write_docx

from drafting.errors import ReaderError
from drafting.model import Revision
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

OP1 = "Requests the Secretary-General to submit a report on small-scale fishers"


@pytest.mark.parametrize(("inserted", "said"), [
    (", and on fish workers\n\u00a0\n11.\tDecides to abolish quotas",
     "character 21: an empty line (or one of spaces or characters that show nothing)"),
    (" n\u0336o\u0336t", "character 2: U+0336 (COMBINING LONG STROKE OVERLAY) draws the letter "
     "before it struck through"),
    (" and fish w\u043erkers", "character 11: the word 'w\u043erkers' mixes letters of two "
     "scripts: U+043E (CYRILLIC SMALL LETTER O)"),
    (", and on fish workers\n\u2800\n11.\tDecides to abolish quotas",
     "character 21: an empty line (or one of spaces or characters that show nothing)"),
    (", and on fish workers\n11.\tDecides to abolish quotas", "character 22: the line '11. ...' "
     "starts with a number as the text's own paragraphs do"),
    (" and fish wor\u2062kers", "character 13: U+2062 (INVISIBLE TIMES) shows nothing"),
    (" and \uff26ish workers", "character 5: the word '\uff26ish' mixes letters of two scripts: "
     "U+FF26 (FULLWIDTH LATIN CAPITAL LETTER F) is its character 1"),
], ids=["empty line", "struck", "Cyrillic", "braille blank line", "numbered line",
        "invisible times", "fullwidth"])
def test_tracked_words_that_look_other_than_they_are_refuse_the_copy(inserted, said, tmp_path):
    path = write_docx(tmp_path / "eu.docx", house(ZERO, {"OP1": [OP1, ins(inserted), ";"]}))
    with pytest.raises(ReaderError) as caught:
        read_docx_submission(path, DOCUMENT, delegation="EU")
    message = str(caught.value)
    assert message.startswith(f"{path}, paragraph "), message
    assert f", the new text, {said}" in message


def test_tracked_words_of_two_scripts_side_by_side_are_read(tmp_path):
    path = write_docx(tmp_path / "eu.docx", house(ZERO, {"OP1": [
        OP1, ins(" (ООН и UNESCO)"), ";"]}))
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.new_text for a in read.amendments] == [" (ООН и UNESCO)"]


def test_a_word_draft_with_such_a_word_is_read_with_a_warning(tmp_path):
    """The draft is the secretariat's text: said, not refused (nor changed)."""
    paragraphs = list(ZERO.paragraphs)
    paragraphs[3] = replace(paragraphs[3], text=OP1.replace("Secre", "Secr\u0435") + ";")
    path = write_docx(tmp_path / "zero.docx", house(Revision("Zero draft", tuple(paragraphs))))
    read = read_draft(path)
    assert [w.message for w in read.warnings] == [
        "character 21: the word 'Secr\u0435tary' mixes letters of two scripts: U+0435 "
        "(CYRILLIC SMALL LETTER IE) is its character 5, so it looks like a word it is not; "
        "type it in one script"]
    assert "Secr\u0435tary-General" in read.to_document("X/1").current.by_label("OP1").text
