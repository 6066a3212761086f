from pathlib import Path

import pytest

from drafting.errors import ReaderError
from drafting.model import ParagraphKind
from drafting.readers import read_draft, read_text
from drafting.writers import write_text

SAMPLE = Path(__file__).parents[2] / "samples" / "zero-draft.md"

DRAFT = """\
# Oceans and the law of the sea

## The General Assembly,

PP1 Recalling its resolution 70/1 of 25 September 2015,

Reaffirming the United Nations Convention
on the Law of the Sea,

OP1 Decides to convene a meeting [in 2027 / in 2028];

2. Requests the Secretary-General to report;

OP2 bis Invites States to contribute:
(a) To the trust fund;
(b) To the voluntary fund;

3. Urges States to act.

Annex text without a label.
"""


def test_reads_labels_kinds_and_title():
    result = read_text(DRAFT, name="draft.md")
    assert result.title == "Oceans and the law of the sea"
    assert result.chapeau == "The General Assembly,"
    got = [(p.label, p.kind, p.text) for p in result.paragraphs]
    assert got == [
        ("PP1", ParagraphKind.PREAMBULAR, "Recalling its resolution 70/1 of 25 September 2015,"),
        ("PP2", ParagraphKind.PREAMBULAR,
         "Reaffirming the United Nations Convention on the Law of the Sea,"),
        ("OP1", ParagraphKind.OPERATIVE, "Decides to convene a meeting [in 2027 / in 2028];"),
        ("OP2", ParagraphKind.OPERATIVE, "Requests the Secretary-General to report;"),
        ("OP2 bis", ParagraphKind.OPERATIVE,
         "Invites States to contribute:\n(a) To the trust fund;\n(b) To the voluntary fund;"),
        ("OP3", ParagraphKind.OPERATIVE, "Urges States to act."),
        ("T1", ParagraphKind.OTHER, "Annex text without a label."),
    ]
    assert [p.id for p in result.paragraphs] == [f"p{i}" for i in range(1, 8)]


def test_unlabelled_text_after_operatives_is_kept_with_a_warning():
    result = read_text(DRAFT, name="draft.md")
    assert len(result.warnings) == 1
    warning = str(result.warnings[0])
    assert warning.startswith("draft.md, line 20: ")
    assert "after OP3" in warning and "T1" in warning


def test_a_label_used_twice_is_refused_with_both_lines():
    message = r"d\.md, line 3: the label OP1 is used twice \(first on line 1\)"
    with pytest.raises(ReaderError, match=message):
        read_text("OP1 Decides;\n\n1. Requests;\n", name="d.md")


def test_unbalanced_brackets_are_kept_and_each_named_with_line_paragraph_and_offset():
    result = read_text("PP1 Recalling] it,\n\nOP1 Decides [to act;\n\nOP2 Urges;\n",
                       name="d.md")
    assert [p.text for p in result.paragraphs] == ["Recalling] it,", "Decides [to act;",
                                                   "Urges;"]
    first, second = (str(w) for w in result.warnings)
    assert first.startswith("d.md, line 1 (PP1, character 9): unbalanced bracket: "
                            "']' has no opening '['")
    assert second.startswith("d.md, line 3 (OP1, character 8): unbalanced bracket: "
                             "'[' is never closed")


def test_written_text_reads_back_the_same():
    result = read_text(DRAFT, name="draft.md")
    written = write_text(result.title, result.paragraphs)
    again = read_text(written)
    assert again.title == result.title
    assert again.paragraphs == result.paragraphs


def test_canonical_text_is_written_back_unchanged():
    canonical = (
        "# Title\n\nThe General Assembly,\n\nPP1 Recalling,\n\nPP2 Noting,\n\n"
        "OP1 Decides:\n(a) To act;\n(b) To report;\n\nOP1 bis Requests;\n\nOther text.\n"
    )
    result = read_text(canonical)
    assert write_text(result.title, result.paragraphs, chapeau=result.chapeau) == canonical


def test_labels_past_vicies_read_back_with_their_prefix_only():
    canonical = "OP11 Decides;\n\nOP11 vicies Invites;\n\nOP11.21 Urges;\n\nOP12 Requests;\n"
    result = read_text(canonical)
    assert [p.label for p in result.paragraphs] == ["OP11", "OP11 vicies", "OP11.21", "OP12"]
    assert write_text("", result.paragraphs) == canonical
    revision = result.to_document("X").current
    assert revision.by_label("op 11.21").text == "Urges;"
    assert revision.by_label("11.21") is None  # paragraph 21 of section 11, not OP11.21
    # a bare 3.1.21 is a paragraph numbered on three levels, as documents number them
    three = read_text("3.1.21 Each Party shall act.\n").paragraphs
    assert [(p.label, p.text) for p in three] == [("PP1", "3.1.21 Each Party shall act.")]


def test_other_text_before_operatives_keeps_its_label_on_the_way_back():
    from drafting.model import Paragraph

    paragraphs = (
        Paragraph("p1", "T1", ParagraphKind.OTHER, "The General Assembly,"),
        Paragraph("p2", "PP1", ParagraphKind.PREAMBULAR, "Recalling,"),
        Paragraph("p3", "OP1", ParagraphKind.OPERATIVE, "Decides."),
    )
    text = write_text("", paragraphs)
    assert text.startswith("T1 The General Assembly,\n\n")
    assert read_text(text).paragraphs == paragraphs


def test_arabic_and_chinese_paragraphs():
    text = "OP1 يقرر [تقديم / عرض] تقرير؛\n\nOP2 请秘书长[提交/提出]报告；\n"
    result = read_text(text)
    assert [p.text for p in result.paragraphs] == [
        "يقرر [تقديم / عرض] تقرير؛",
        "请秘书长[提交/提出]报告；",
    ]
    assert write_text("", result.paragraphs) == text


def test_empty_text_has_no_paragraphs():
    result = read_text("\n\n")
    assert result.paragraphs == () and result.title == ""
    assert write_text("", ()) == ""


def test_files_that_are_not_utf8_or_of_unknown_type(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("OP1 Décide;".encode("latin-1"))
    with pytest.raises(ReaderError, match=r"latin\.txt: byte 5 is not UTF-8"):
        read_draft(latin)
    unknown = (r"cannot read '\.pdf' files \(a PDF holds no paragraphs or tracked changes "
               r"to read: send the Word file it was made from, or import a draft's text: "
               r"pdftotext -layout draft\.pdf draft\.txt\); use \.docx, \.markdown, "
               r"\.md, \.txt")
    with pytest.raises(ReaderError, match=unknown):
        read_draft(tmp_path / "draft.pdf")
    with pytest.raises(ReaderError, match=r"'\.odt' files \(an OpenDocument text, as "
                                          r"LibreOffice saves it: save it in Word's format"):
        read_draft(tmp_path / "draft.odt")
    with pytest.raises(ReaderError, match=r"'\.xyz' files; use"):  # nothing more to say
        read_draft(tmp_path / "draft.xyz")
    with pytest.raises(ReaderError, match="cannot read the file"):
        read_draft(tmp_path / "missing.md")


def test_a_bom_is_allowed(tmp_path):
    path = tmp_path / "bom.md"
    path.write_bytes("\ufeffOP1 Decides;\n".encode())
    assert read_draft(path).paragraphs[0].text == "Decides;"


def test_the_sample_zero_draft():
    result = read_draft(SAMPLE)
    kinds = [p.kind for p in result.paragraphs]
    assert kinds.count(ParagraphKind.PREAMBULAR) == 15
    assert kinds.count(ParagraphKind.OPERATIVE) == 25
    assert result.warnings == ()
    assert result.chapeau == "The General Assembly,"
    assert result.front_matter[:2] == ("United Nations", "A/C.2/81/L.7")
    written = write_text(result.title, result.paragraphs, front_matter=result.front_matter,
                         chapeau=result.chapeau)
    assert written == SAMPLE.read_text(encoding="utf-8")
