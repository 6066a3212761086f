"""The short paths a copy's unchanged paragraphs take answer as the long ones do: a
group's `all_deleted` (stopping at the first kept piece) and `check_length` (one
unchanged piece: its length and its "[" counted only)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.errors import LimitError
from drafting.limits import MAX_BRACKET_DEPTH, MAX_PARAGRAPH_CHARS, bracket_depth
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, Change, ParagraphRead, RunPiece
from drafting.readers.copy_chunks import Chunk
from drafting.readers.copy_lengths import check_length
from drafting.readers.copy_pieces import struck_by
from drafting.readers.docx_matching import Group

_STRUCK_BY = Change(DELETED, "B", None, "9")
piece = st.builds(lambda state, struck: RunPiece("w", state, inside=_STRUCK_BY if struck
                                                 else None),
                  st.sampled_from([NORMAL, INSERTED, DELETED]), st.booleans())
hosts = st.lists(st.lists(piece, max_size=3), max_size=3)


@settings(max_examples=300, deadline=None)
@given(hosts)
def test_all_deleted_answers_as_every_piece_looked_at(chunks):
    group = Group(hosts=[Chunk(k, None, pieces, RunPiece("")) for k, pieces in
                         enumerate(chunks)])
    kept = [p for p in group.pieces if not struck_by(p)]
    assert group.all_deleted == (bool(kept) and all(p.state == DELETED for p in kept))


def _read(text: str) -> ParagraphRead:
    return ParagraphRead((RunPiece(text),), RunPiece(""))


@pytest.mark.parametrize("text", [
    "x" * MAX_PARAGRAPH_CHARS,
    "[" * MAX_BRACKET_DEPTH + "]" * MAX_BRACKET_DEPTH,
    "[" * (MAX_BRACKET_DEPTH + 1) + "]" * (MAX_BRACKET_DEPTH + 1),
    "[a] " * (MAX_BRACKET_DEPTH + 1),
])
def test_an_unchanged_paragraph_within_the_limits_passes(text):
    if bracket_depth(text) > MAX_BRACKET_DEPTH:
        with pytest.raises(LimitError, match="deep"):
            check_length("copy.docx", 3, _read(text), None)
    else:
        check_length("copy.docx", 3, _read(text), None)


def test_an_unchanged_paragraph_too_long_is_refused_where_it_stands():
    with pytest.raises(LimitError, match=r"copy\.docx, paragraph 3"):
        check_length("copy.docx", 3, _read("x" * (MAX_PARAGRAPH_CHARS + 1)), None)
