"""An edited copy that deletes one of a paragraph's items and adds another in the same
list: each is read whole, the deleted item deleted with its line, the new one inserted
with its line, never one item's words put for another's nor a number proposed as text
("(b)" -> "(c)"); items numbered by Word ("(a)" its own) or typed ("(a)<tab>")."""

from __future__ import annotations

import docx
import pytest

from drafting.engine.amend import apply
from drafting.engine.sublists import relettered
from drafting.readers import read_draft
from drafting.readers.docx_submission import read_docx_submission
from tests.readers.test_copy_auto_numbers import HEAD
from tests.readers.test_copy_auto_numbers import _word as _numbered_by_word

CHAPEAU = "Requests the Secretary-General:"
REPORT, MEETING, SUPPORT = ("To submit a report on implementation;",
                            "To convene an expert meeting;", "To support developing States;")
CONSULT, MOBILIZE = "To consult Member States;", "To mobilize voluntary contributions;"
LAST = "Decides to remain seized of the matter."
CASES = {  # the copy's items, and the lines read deleted and inserted
    "delete (b), add at the end": ([REPORT, SUPPORT, MOBILIZE], [MEETING], [MOBILIZE]),
    "add before (a), delete (b)": ([CONSULT, REPORT, SUPPORT], [MEETING], [CONSULT]),
    "add first, delete (b), add last": ([CONSULT, REPORT, SUPPORT, MOBILIZE], [MEETING],
                                        [CONSULT, MOBILIZE]),
}


def _typed(path, items):
    """A draft (or an edited copy) with its items' letters typed, "(a)<tab>"."""
    word = docx.Document()
    for line in (*HEAD, f"1.\t{CHAPEAU}",
                 *(f"({'abcdefg'[n]})\t{item}" for n, item in enumerate(items)), f"2.\t{LAST}"):
        word.add_paragraph(line)
    word.save(str(path))
    return path


def _by_word(path, items):
    """A draft (or an edited copy) numbered by Word: "1.", its items "(a)"."""
    return _numbered_by_word(path, [(0, CHAPEAU), *((1, item) for item in items), (0, LAST)])


BUILDERS = {"numbered by Word": _by_word, "typed": _typed}


def _read(tmp_path, build, items):
    document = read_draft(build(tmp_path / "draft.docx", [REPORT, MEETING, SUPPORT])) \
        .to_document("A/C.2/81/L.9")
    read = read_docx_submission(build(tmp_path / "copy.docx", items), document,
                                delegation="USA")
    return document, read


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS)
@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_an_item_deleted_and_another_added_are_each_read_whole(tmp_path, build, case):
    items, deleted, inserted = case
    document, read = _read(tmp_path, build, items)
    op1 = document.current.by_label("OP1")
    assert op1.text.split("\n")[1:] == [f"({letter}){space}{item}" for letter, item in
                                       zip("abc", (REPORT, MEETING, SUPPORT), strict=True)
                                       for space in [op1.text[len(CHAPEAU) + 4]]]
    assert all(a.paragraph_id == op1.id for a in read.amendments)
    lines = {(a.kind.value, a.old_text if a.kind.value == "delete" else a.new_text)
             for a in read.amendments}
    # the item gone is its whole line, "(b)" included; each new item a whole line
    gone = {("delete", f"\n(b){op1.text[len(CHAPEAU) + 4]}{MEETING}")}
    assert {line for line in lines if line[0] == "delete"} == gone
    added = sorted(text.split(None, 1)[1] for kind, text in lines if kind == "insert")
    assert added == sorted(inserted) and all(
        text.startswith("\n(") for kind, text in lines if kind == "insert")
    assert len(read.amendments) == len(deleted) + len(inserted)  # no number, no word swap


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS)
@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_accepting_all_gives_the_copys_list_and_the_deletion_alone_no_item_twice(
        tmp_path, build, case):
    items, _, _ = case
    document, read = _read(tmp_path, build, items)
    op1 = document.current.by_label("OP1")

    def accepted(amendments):
        text = op1.text
        for amendment in sorted(amendments, key=lambda a: a.span.start, reverse=True):
            text = apply(text, amendment)  # each on the draft's text: the last first
        return [line.split(None, 1)[1] for line in relettered(op1.text, text).split("\n")[1:]]

    assert accepted(read.amendments) == items
    alone = accepted(a for a in read.amendments if a.kind.value == "delete")
    assert alone == [REPORT, SUPPORT]  # no item twice, none lost


def _list_number(path, items):
    """A draft (or an edited copy) numbered by Word's "List Number" styles: "1.", its
    items "1.", "2." too."""
    word = docx.Document()
    for line in HEAD:
        word.add_paragraph(line)
    word.add_paragraph(CHAPEAU, style="List Number")
    for item in items:
        word.add_paragraph(item, style="List Number 2")
    word.add_paragraph(LAST, style="List Number")
    word.save(str(path))
    return path


@pytest.mark.parametrize("case", CASES.values(), ids=CASES)
def test_items_word_numbers_1_2_3_are_read_whole_too(tmp_path, case):
    items, deleted, inserted = case
    document, read = _read(tmp_path, _list_number, items)
    op1 = document.current.by_label("OP1")
    assert op1.text == f"{CHAPEAU}\n1. {REPORT}\n2. {MEETING}\n3. {SUPPORT}"
    assert all(a.paragraph_id == op1.id for a in read.amendments)  # no new paragraph
    found = sorted((a.kind.value, a.old_text if a.kind.value == "delete" else
                    a.new_text.split(None, 1)[1]) for a in read.amendments)
    assert found == sorted([*(("delete", f"\n2. {item}") for item in deleted),
                            *(("insert", item) for item in inserted)])


@pytest.mark.parametrize("build", BUILDERS.values(), ids=BUILDERS)
def test_the_first_item_deleted_and_the_next_changed_proposes_no_relettering(tmp_path, build):
    """Item (a) gone, (b) shown as "(a)" now (Word's renumbering, or the copy's) with a
    word added: the deletion and the word are proposed, not "b" -> "a"."""
    changed = MEETING.replace("meeting", "meeting of specialists")
    _, read = _read(tmp_path, build, [changed, SUPPORT])
    found = sorted((a.kind.value, (a.old_text if a.kind.value == "delete" else a.new_text)
                    .strip()) for a in read.amendments)
    gone = next(text for kind, text in found if kind == "delete")
    assert gone.startswith("(a)") and gone.endswith(REPORT)
    assert found == sorted([("delete", gone), ("insert", "of specialists")])
