"""The roles of a copy's Word paragraphs are read once for copies laid out alike (an
inbox of copies of one draft): a copy that differs in a paragraph's text, style or Word
number is read on its own, never given another copy's roles."""

from __future__ import annotations

import pytest

from drafting.errors import LimitError
from drafting.limits import MAX_PARAGRAPH_CHARS
from drafting.readers.blocks import AutoNumber, Block, RoleKind
from drafting.readers.copy_roles import copy_roles, forget_layouts, layout_roles
from drafting.readers.structure import read_structure

TEXTS = ("Draft resolution", "The General Assembly,", "Recalling its resolutions,",
         "Scope", "1. Decides to act;", "2. Requests a report;")


def _blocks(name: str, **changed) -> list[Block]:
    return [Block(text, f"{name}, paragraph {k + 1}", **changed.get(text, {}))
            for k, text in enumerate(TEXTS)]


def _alone(blocks: list[Block]):
    """What the import's rules read, with nothing remembered."""
    return read_structure(blocks, name="alone", text_warnings=False, unique=False).roles


def test_a_copy_laid_out_alike_is_given_the_same_reading():
    first = copy_roles(_blocks("a.docx"), "a.docx")
    again = copy_roles(_blocks("b.docx"), "b.docx")
    assert again == first
    assert again[0] == _alone(_blocks("c.docx"))
    assert dict(again[1]) == {3: "PP1", 4: "PP2", 5: "OP1", 6: "OP2"}


@pytest.mark.parametrize("changed", [
    {"Scope": {"heading": 1}},  # a heading style
    {"Scope": {"number": AutoNumber("(a)", 1, 1, False)}},  # Word's item: a line of PP2
    {"Draft resolution": {"title_style": True}, "Scope": {"title_style": True}},
])
def test_a_copy_laid_out_otherwise_is_read_on_its_own(changed):
    plain = copy_roles(_blocks("a.docx"), "a.docx")
    other = copy_roles(_blocks("b.docx", **changed), "b.docx")
    assert other[0] == _alone(_blocks("c.docx", **changed))
    assert other[0] != plain[0]


def test_a_heading_style_makes_a_heading_of_the_copys_line():
    (roles, labels) = copy_roles(_blocks("a.docx", Scope={"heading": 1}), "a.docx")
    assert roles[3].kind is RoleKind.HEADING and 4 not in labels


def test_past_the_limits_each_copy_is_refused_naming_itself():
    for name in ("a.docx", "b.docx"):
        with pytest.raises(LimitError, match=f"^{name}, paragraph 1: the paragraph has"):
            copy_roles([Block("x" * (MAX_PARAGRAPH_CHARS + 1), f"{name}, paragraph 1")],
                       name)


def _rows(blocks: list[Block]) -> tuple:
    return tuple((b.text, b.title_style, b.heading, b.number, b.contents, b.table)
                 for b in blocks)


def test_a_layout_given_as_rows_is_read_as_its_blocks():
    """A copy's reader gives its layout as rows, the blocks made only where the layout
    is read: the same reading as the blocks', remembered for either, each layout its own,
    and a refusal naming the copy's paragraph."""
    forget_layouts()
    first = layout_roles(_rows(_blocks("a.docx")), "a.docx")
    assert first[0] == _alone(_blocks("c.docx"))
    assert copy_roles(_blocks("b.docx"), "b.docx") == first
    assert dict(first[1]) == {3: "PP1", 4: "PP2", 5: "OP1", 6: "OP2"}
    heading = _blocks("a.docx", Scope={"heading": 1})
    assert layout_roles(_rows(heading), "a.docx")[0] == _alone(heading) != first[0]
    with pytest.raises(LimitError, match=r"^d\.docx, paragraph 2: the paragraph has"):
        layout_roles(_rows([Block("x", ""), Block("x" * (MAX_PARAGRAPH_CHARS + 1), "")]),
                     "d.docx")
