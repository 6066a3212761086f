"""An Arabic paragraph's typed number with a direction mark beside it ("2 - " then U+200F,
or U+200F then "2 - "), as text pasted into a copy brings: the mark shows nothing, and
the number is the paragraph's label. It was read as words: the copy proposed to insert
"2 - " and the mark before the paragraph's first word."""

from __future__ import annotations

import pytest
from docx_builders import lines_docx

from drafting.readers import read_docx_submission, read_draft
from drafting.readers.lines import read_label

LINES = ["A/C.2/81/L.99", "مصائد الأسماك المستدامة", "إن الجمعية العامة،",
         "إذ تشير إلى قرارها 70/1،", "1 - تقرر عقد اجتماع رفيع المستوى؛",
         "2 - تدعو الدول الأعضاء إلى المساهمة في الصندوق."]


@pytest.mark.parametrize("typed", ["2 - \u200fتدعو", "\u200f2 - تدعو", "\u200e2 - \u061cتدعو"])
def test_a_direction_mark_beside_a_typed_number_leaves_it_the_label(typed):
    label, skip, _ = read_label(typed)
    assert str(label) == "OP2" and typed[skip:].lstrip("\u200e\u200f\u061c") == "تدعو"


def test_no_label_is_read_in_a_mark_before_words():
    assert read_label("\u200fتدعو الدول")[0] is None


@pytest.mark.parametrize("typed", ["2 - \u200fتدعو", "\u200f2 - تدعو"])
def test_a_copy_with_a_mark_beside_a_number_proposes_nothing(tmp_path, typed):
    document = read_draft(lines_docx(tmp_path / "draft.docx", LINES)).to_document("A/C.2/81/L.99")
    assert [p.label for p in document.current] == ["PP1", "OP1", "OP2"]
    copy = lines_docx(tmp_path / "EGY.docx", [*LINES[:-1], LINES[-1].replace("2 - تدعو", typed)])
    read = read_docx_submission(copy, document, delegation="EGY")
    assert read.amendments == ()
