"""Text in an ``mc:AlternateContent`` is read as Word shows it: the first ``mc:Choice``
Word understands, else the ``mc:Fallback``; a draft and a copy read the same branch, and
another branch holding other text is said, naming the paragraph.

The import read the Fallback only, without a word, while the document kept for the
outputs still held the Choice: a merged draft and Rev.1 showed words the store never held.
"""

from __future__ import annotations

import docx
from lxml import etree

from drafting.model import AmendmentKind
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
AUTHOR, DATE = "Anna Schmidt", "2026-12-06T05:21:05Z"
HEAD = ["United Nations", "A/C.2/81/L.50", "Sustainable mountain development",
        "The General Assembly,", "Recalling its resolution 76/129,"]
OP1 = "1.\tTakes note of the report of the Secretary-General;"


def _runs(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""


def _alternate(choice: str, fallback: str, requires: str = "w14",
               namespace: str = _W14) -> str:
    return (f'<mc:AlternateContent xmlns:mc="{_MC}" xmlns:{requires}="{namespace}">'
            f'<mc:Choice Requires="{requires}">{_runs(choice)}</mc:Choice>'
            f"<mc:Fallback>{_runs(fallback)}</mc:Fallback></mc:AlternateContent>")


def _write(path, middle: str, inserted: str = ""):
    """A draft whose OP2 is "2. Requests " + ``middle`` (raw XML) + "a report;", with
    ``inserted`` tracked as inserted before "report"."""
    word = docx.Document()
    for line in [*HEAD, OP1]:
        word.add_paragraph(line)
    tracked = (f'<w:ins w:id="7" w:author="{AUTHOR}" w:date="{DATE}">{_runs(inserted)}</w:ins>'
               if inserted else "")
    p = etree.fromstring(
        f'<w:p xmlns:w="{_W}"><w:r><w:t>2.</w:t><w:tab/><w:t xml:space="preserve">Requests '
        f"</w:t></w:r>{middle}{_runs('a ')}{tracked}{_runs('report;')}</w:p>")
    word.element.body.insert(len(word.element.body) - 1, p)  # before the sectPr
    word.save(str(path))
    return path


def _op2(read) -> str:
    return next(p.text for p in read.paragraphs if p.label == "OP2")


def test_the_choice_word_shows_is_read_and_the_fallback_said(tmp_path):
    path = _write(tmp_path / "draft.docx", _alternate("the Secretary-General to submit ",
                                                      "nobody to write "))
    read = read_draft(path)
    assert _op2(read) == "Requests the Secretary-General to submit a report;"
    assert [str(w) for w in read.warnings] == [
        f"{path}: text 'nobody to write ' in another branch of an mc:AlternateContent (the "
        "one Word shows was read; a program that cannot show it shows this one instead) "
        "in OP2 not imported"]


def test_a_choice_word_does_not_understand_is_said_and_the_fallback_read(tmp_path):
    path = _write(tmp_path / "draft.docx", _alternate(
        "the President to submit ", "the Secretary-General to submit ",
        requires="x9", namespace="http://example.org/unknown"))
    read = read_draft(path)
    assert _op2(read) == "Requests the Secretary-General to submit a report;"
    assert [str(w) for w in read.warnings] == [
        f"{path}: text 'the President to submit ' in another branch of an "
        "mc:AlternateContent (the one Word shows was read; a program that cannot show it "
        "shows this one instead) in OP2 not imported"]


def test_an_empty_fallback_is_said_and_equal_branches_are_not(tmp_path):
    empty = _write(tmp_path / "empty.docx", _alternate("the Secretary-General to submit ", ""))
    read = read_draft(empty)
    assert _op2(read) == "Requests the Secretary-General to submit a report;"
    assert [str(w) for w in read.warnings] == [
        f"{empty}: nothing (no text) in another branch of an mc:AlternateContent (the one "
        "Word shows was read; a program that cannot show it shows this one instead) in OP2 "
        "not imported"]
    same = _write(tmp_path / "same.docx", _alternate("the Secretary-General to submit ",
                                                     "the Secretary-General to submit "))
    read = read_draft(same)
    assert _op2(read) == "Requests the Secretary-General to submit a report;"
    assert not read.warnings


def test_a_copy_reads_the_branch_the_draft_read(tmp_path):
    """A tracked insertion beside the alternate content is the copy's one change: the
    Choice's words are in the copy's original text as in the draft's."""
    middle = _alternate("the Secretary-General to submit ", "nobody to write ")
    document = read_draft(_write(tmp_path / "draft.docx", middle)).to_document("L.50")
    copy = _write(tmp_path / "copy.docx", middle, inserted="short ")
    read = read_docx_submission(copy, document, authors={AUTHOR: "EU"})
    (amendment,) = read.amendments
    assert (amendment.kind, amendment.old_text, amendment.new_text) == (
        AmendmentKind.INSERT, "a", " short")
