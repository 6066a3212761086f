"""A typed table of contents' line ("Article 1<tab>Purpose<tab>1", "Preamble . . . 2") is
told apart from the front matter by its end: a page number after a tab, dot leaders or
an ellipsis. The pattern that read it from its start tried every place its entry could
end: a front-matter line of dots ("Introduction . . . . ...") took time growing as its
length squared (2,000 dots: 0.75 s; a line of 90,000 characters: minutes), so a draft
holding one never finished importing. It is read from its end now, in one pass, and
tells the same lines as before (the old pattern is kept here as the oracle)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.model.sections import section_key
from drafting.readers.contents import _HEADING_WORDS, contents_line
from drafting.readers.textfile import read_text

_OLD = re.compile(r"(?P<entry>\S.*?)(?:\s*\t\s*|\s*(?:\.\s?){3,}\s*|\s*\u2026+\s*)"
                  r"(?P<page>\d{1,4}|[ivxlc]{1,6})", re.IGNORECASE)
_PIECES = ["a", "1", "2", "x", "i", "I", "c", " ", "  ", "\t", ".", ". ", "\u2026", "12345",
           "Article 1", "Article 3", "Preamble", "II. ", "I.", "Annex", "Final clauses",
           "...", " . . . "]


def _as_before(text: str) -> bool:
    found = _OLD.fullmatch(text.strip())
    if found is None:
        return False
    entry = found["entry"].replace("\t", " ")
    return section_key(entry) is not None or bool(_HEADING_WORDS.match(entry))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=8).map("".join))
def test_a_line_is_a_contents_line_exactly_where_it_was(text):
    assert contents_line(text) == _as_before(text)


def test_the_lines_a_contents_has():
    assert contents_line("Article 1\tPurpose\t1")
    assert contents_line("Preamble . . . . . 2") and contents_line("Annex ...... iv")
    assert contents_line("Final clauses \u2026 12")
    assert not contents_line("Article 1\tPurpose")  # no page
    assert not contents_line("Preamble . . 2")  # two dots are no leader
    assert not contents_line("Recalling its resolution 70/1\t12345")


def test_a_draft_with_a_long_line_of_dots_before_its_chapeau_is_read():
    dots = "Introduction" + " ." * 45_000 + " x 12"  # under the paragraph limit
    read = read_text(f"A/C.2/81/L.7\n\n{dots}\n\nThe General Assembly,\n\n"
                     "1. Decides to act.\n")
    assert [p.label for p in read.paragraphs] == ["OP1"]
    assert dots in (*read.front_matter, read.title)
