"""A new item typed between two of a paragraph's items in an edited copy ("(a bis)", French
"a bis)", or a line with no number): one amendment inserting that line into the
paragraph, as an item added at the end is read, never the next item deleted and both
proposed as paragraphs of their own; applied, it reletters nothing around it (the
revision issued numbers it in turn: tests/writers/test_bis_item_renumbered.py)."""

from __future__ import annotations

import docx
import pytest

from drafting.engine.amend import apply
from drafting.engine.sublists import relettered
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission
from tests.readers.test_copy_auto_numbers import HEAD
from tests.readers.test_copy_auto_numbers import _word as _numbered_by_word

CHAPEAU = "Decides:"
FIRST, SECOND = ("To consider the question at its eighty-second session;",
                 "To include the item in the provisional agenda;")
NEW, LAST = "To consult Member States;", "Decides to remain seized of the matter."


def _typed(path, lines):
    """A draft (or an edited copy): "1.<tab>Decides:", its item ``lines``, then "2."."""
    word = docx.Document()
    for line in (*HEAD, f"1.\t{CHAPEAU}", *lines, f"2.\t{LAST}"):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _read(tmp_path, draft_lines, copy_lines):
    document = read_draft(_typed(tmp_path / "draft.docx", draft_lines)) \
        .to_document("A/C.2/81/L.40")
    read = read_docx_submission(_typed(tmp_path / "copy.docx", copy_lines), document,
                                delegation="EU")
    return document, read


CASES = {  # how the draft numbers its items, and the line the copy types between them
    "(a bis)": (("(a)\t", "(b)\t"), f"(a bis)\t{NEW}"),
    "French a bis)": (("a)\t", "b)\t"), f"a bis)\t{NEW}"),
    "no number": (("(a)\t", "(b)\t"), NEW),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_an_item_typed_between_two_is_one_line_inserted_into_the_paragraph(tmp_path, case):
    (one, two), line = case
    document, read = _read(tmp_path, [one + FIRST, two + SECOND],
                           [one + FIRST, line, two + SECOND])
    op1 = document.current.by_label("OP1")
    assert op1.text == f"{CHAPEAU}\n{one}{FIRST}\n{two}{SECOND}"
    assert not read.warnings
    assert [(a.kind.value, a.paragraph_id, a.new_text) for a in read.amendments] == \
        [("insert", op1.id, f"\n{line}")]
    accepted = relettered(op1.text, apply(op1.text, read.amendments[0]))
    assert accepted == f"{CHAPEAU}\n{one}{FIRST}\n{line}\n{two}{SECOND}"  # (b) stays (b)


def test_a_draft_with_an_item_a_bis_reads_it_as_a_line_of_its_paragraph(tmp_path):
    lines = [f"(a)\t{FIRST}", f"(a bis)\t{NEW}", f"(b)\t{SECOND}"]
    document = read_draft(_typed(tmp_path / "draft.docx", lines)).to_document("A/C.2/81/L.40")
    assert [p.label for p in document.current] == ["PP1", "OP1", "OP2"]
    assert document.current.by_label("OP1").text == "\n".join([CHAPEAU, *lines])


def test_a_typed_a_bis_between_items_word_numbers_is_one_line_inserted(tmp_path):
    body = [(0, CHAPEAU), (1, FIRST), (1, SECOND), (0, LAST)]
    document = read_draft(_numbered_by_word(tmp_path / "draft.docx", body)) \
        .to_document("A/C.2/81/L.40")
    op1 = document.current.by_label("OP1")
    word = docx.Document(str(_numbered_by_word(tmp_path / "copy.docx", body)))
    word.paragraphs[len(HEAD) + 2].insert_paragraph_before(f"(a bis)\t{NEW}")  # before (b)
    word.save(str(tmp_path / "copy.docx"))
    read = read_docx_submission(tmp_path / "copy.docx", document, delegation="EU")
    assert [(a.kind.value, a.paragraph_id, a.new_text) for a in read.amendments] == \
        [("insert", op1.id, f"\n(a bis)\t{NEW}")]
    assert apply(op1.text, read.amendments[0]) == \
        f"{CHAPEAU}\n(a) {FIRST}\n(a bis)\t{NEW}\n(b) {SECOND}"


def test_an_item_a_bis_tracked_as_inserted_is_one_line_inserted(tmp_path):
    """Track Changes on: the new line's words and the paragraph mark before it tracked
    as inserted (as Word records a paragraph typed after another)."""
    from docx.oxml.ns import qn

    lines = [f"(a)\t{FIRST}", f"(b)\t{SECOND}"]
    document = read_draft(_typed(tmp_path / "draft.docx", lines)).to_document("A/C.2/81/L.40")
    op1 = document.current.by_label("OP1")
    word = docx.Document(str(_typed(tmp_path / "copy.docx", lines)))
    first = word.paragraphs[len(HEAD) + 1]
    added = word.paragraphs[len(HEAD) + 2].insert_paragraph_before(f"(a bis)\t{NEW}")
    stamp = {qn("w:author"): "Anna Berg", qn("w:date"): "2026-12-06T00:00:00Z"}
    run = added._p.find(qn("w:r"))
    wrapper = run.makeelement(qn("w:ins"), {qn("w:id"): "1", **stamp})
    run.addprevious(wrapper)
    wrapper.append(run)
    mark = first._p.get_or_add_pPr().makeelement(qn("w:rPr"), {})
    mark.append(mark.makeelement(qn("w:ins"), {qn("w:id"): "2", **stamp}))
    first._p.get_or_add_pPr().append(mark)
    word.save(str(tmp_path / "copy.docx"))
    read = read_docx_submission(tmp_path / "copy.docx", document, delegation="EU",
                                authors={"Anna Berg": "EU"})
    assert read.tracked and not read.warnings
    assert [(a.kind.value, a.paragraph_id, a.new_text) for a in read.amendments] == \
        [("insert", op1.id, f"\n(a bis)\t{NEW}")]


def test_an_item_b_bis_typed_after_the_last_is_one_line_inserted(tmp_path):
    lines = [f"(a)\t{FIRST}", f"(b)\t{SECOND}"]
    document, read = _read(tmp_path, lines, [*lines, f"(b bis)\t{NEW}"])
    op1 = document.current.by_label("OP1")
    assert [(a.kind.value, a.paragraph_id, a.new_text) for a in read.amendments] == \
        [("insert", op1.id, f"\n(b bis)\t{NEW}")]


def test_an_item_after_a_line_broken_off_the_one_before_stays_in_its_paragraph(tmp_path):
    """A revision writes a line with no number into the item before it (a line break):
    the draft made of it reads the next item as a line of the paragraph still."""
    word = docx.Document()
    for line in (*HEAD, f"1.\t{CHAPEAU}"):
        word.add_paragraph(line)
    broken = word.add_paragraph(f"(a)\t{FIRST}")
    broken.add_run().add_break()
    broken.add_run(NEW)
    for line in (f"(b)\t{SECOND}", f"2.\t{LAST}"):
        word.add_paragraph(line)
    word.save(str(tmp_path / "rev1.docx"))
    document = read_draft(tmp_path / "rev1.docx").to_document("A/C.2/81/L.40")
    assert [p.label for p in document.current] == ["PP1", "OP1", "OP2"]
    assert document.current.by_label("OP1").text == \
        f"{CHAPEAU}\n(a)\t{FIRST}\n{NEW}\n(b)\t{SECOND}"
