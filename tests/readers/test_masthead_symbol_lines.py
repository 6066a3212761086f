"""The masthead line of a draft typed or copied as text: "Nations Unies A/C.3/81/L.12"
(the Organization's name and the symbol one space apart) or "United Nations        A/C...
" (a text copied from a PDF, the two columns set apart by spaces). The symbol was found
only on a line of its own or after a tab, so the import refused such a draft ("shows no
document symbol"); and where that line was the only one before the chapeau, it was read
as the draft's title."""

from __future__ import annotations

import pytest

from drafting.readers import read_draft
from drafting.readers.copy_symbols import draft_symbols

BODY = "The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. Decides to act.\n"
MASTHEADS = ["United Nations", "Nations Unies", "Naciones Unidas",
             "Организация Объединенных Наций", "联合国", "الأمم المتحدة"]


def _read(tmp_path, front: str):
    path = tmp_path / "draft.md"
    path.write_text(front + "\n\n" + BODY, encoding="utf-8")
    return read_draft(path)


@pytest.mark.parametrize("masthead", MASTHEADS)
@pytest.mark.parametrize("gap", [" ", "      "])
def test_the_symbol_beside_the_masthead_is_shown_and_the_line_is_no_title(
        tmp_path, masthead, gap):
    line = f"{masthead}{gap}A/C.3/81/L.12"
    read = _read(tmp_path, line)
    assert read.title == ""
    assert read.front_matter == (line,)  # kept as written
    assert draft_symbols(read.front_matter) == ["A/C.3/81/L.12"]
    assert [p.label for p in read.paragraphs] == ["PP1", "OP1"]


def test_the_title_below_such_a_masthead_is_still_the_title(tmp_path):
    read = _read(tmp_path, "Nations Unies A/C.3/81/L.12\n\nTroisième Commission\n\n"
                           "Droits de l'enfant")
    assert read.title == "Droits de l'enfant"
    assert draft_symbols(read.front_matter) == ["A/C.3/81/L.12"]


def test_a_title_typed_with_two_spaces_is_a_title_and_a_masthead_name_alone_no_symbol(
        tmp_path):
    read = _read(tmp_path, "A/C.2/81/L.7\n\nOceans and  the law of the sea")
    assert read.title == "Oceans and  the law of the sea"
    assert draft_symbols(["United Nations Environment Assembly", "UNEP/EA.6/L.2"]) == \
        ["UNEP/EA.6/L.2"]
    assert draft_symbols(["United Nations Environment Assembly of UNEP/EA.6"]) == []
