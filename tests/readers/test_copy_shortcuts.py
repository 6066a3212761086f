"""The short paths a copy's unchanged paragraphs take answer as the long ones do: a
group's `all_deleted` (stopping at the first kept piece), `check_length` (one
unchanged piece: its length and its "[" counted only) and `plain_chunk` (a bare
piece's chunk remembered for the next copy), `longest_run` (a copy all in order kept
whole)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.errors import LimitError
from drafting.limits import MAX_BRACKET_DEPTH, MAX_PARAGRAPH_CHARS, bracket_depth
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, Change, ParagraphRead, RunPiece
from drafting.readers.copy_chunks import Chunk, forget_chunks, plain_chunk
from drafting.readers.copy_identity import _shown
from drafting.readers.copy_lengths import check_length
from drafting.readers.copy_pieces import struck_by
from drafting.readers.docx_matching import Group, _longest_run, longest_run

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


_OPENINGS = ["", "1.\t", "2 bis. ", "PP3 ", "OP4 Alt ", "(2) ", "(b) ", "[3. ", "  5.\u00a0",
             "1.2 ", "\u200f4 - "]
_WORDS = ["Decides to remain seized of the matter;", "Recalling its resolution 70/1,",
          "[within existing resources]", "", "e\u0301tudes\r", "a\u00adb", "x\x07y", "\u2028"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_OPENINGS), st.sampled_from(_WORDS), st.booleans(), st.booleans(),
       st.booleans(), st.sampled_from([(), ("7",)]))
def test_a_plain_paragraph_read_again_is_read_as_the_first_time(opening, words, label,
                                                                 bracketed, inside, comments):
    """`plain_chunk` remembers what it made of a bare piece of text: the same text read
    again (another copy of the draft) gives the same chunk, its own, and a piece with a
    comment is never given the bare piece's chunk."""
    forget_chunks()
    text = opening + words
    bare = ParagraphRead((RunPiece(text),), RunPiece(""))
    read = ParagraphRead((RunPiece(text, comment_ids=comments),), RunPiece("", DELETED))
    first = plain_chunk(1, read, label, bracketed, inside)
    forget_chunks()
    assert plain_chunk(2, bare, label, bracketed, inside) is not None or first is None
    again = plain_chunk(1, read, label, bracketed, inside)
    assert again == first
    forget_chunks()
    once = plain_chunk(3, bare, label, bracketed, inside)
    if once is not None:
        once.pieces.append(RunPiece("x"))  # a chunk is the layout's to change
        twice = plain_chunk(3, bare, label, bracketed, inside)
        assert twice is not None and (twice.label, twice.pieces) == (once.label, once.pieces[:-1])


found_paragraphs = st.lists(st.one_of(st.none(), st.integers(0, 12)), max_size=12)
in_order = st.lists(st.integers(0, 30), max_size=12, unique=True).flatmap(
    lambda js: st.lists(st.booleans(), min_size=len(js), max_size=len(js)).map(
        lambda gaps: [None if gap else j for j, gap in zip(sorted(js), gaps, strict=True)]))


@settings(max_examples=300, deadline=None)
@given(st.one_of(found_paragraphs, in_order), st.sets(st.integers(0, 12)))
def test_the_longest_run_of_a_copy_in_order_is_the_trees(found, noted):
    """A copy whose paragraphs all stand in the revision's order keeps them all, as the
    tree reading any order keeps them."""
    assert longest_run(found, noted) == _longest_run(found, noted)


_SPACED = st.text(alphabet="ab1 \t\n\u00a0\u2003\x1c", max_size=12)


@settings(max_examples=500, deadline=None)
@given(st.lists(_SPACED, max_size=4), _SPACED, _SPACED)
def test_a_paragraph_shown_with_spaces_collapsed_answers_as_its_words_split(texts, label,
                                                                            rest):
    """`copy_identity._shown` takes a label, a tab and a text of the draft apart without
    splitting them into words: the same two texts as splitting gives, whatever spaces,
    tabs and line breaks stand in the label or the text."""
    words = {" ".join(t.split()) for t in (*texts, rest)} - {""}
    for text in (f"{label}\t{rest}", f"{label}\t{' '.join(rest.split())}", rest, *texts):
        collapsed = " ".join(text.split())
        assert _shown(text, words) == (collapsed, collapsed.partition(" ")[2]), text
