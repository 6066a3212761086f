"""Word's comment threads (``commentsExtended.xml``) as read from files Word wrote
(`../shared/fixtures/docx`): each reply names the comment that opened its thread, from
either view of the parts; a file with no threads part has no threads."""

from pathlib import Path

import pytest

from drafting.ooxml.comment_threads import Threads, read_threads
from drafting.ooxml.comments import read_comments
from drafting.ooxml.package import open_docx, open_word
from drafting.ooxml.parts import DocxParts

FIXTURES = Path(__file__).resolve().parents[2] / ".." / "shared" / "fixtures" / "docx"
pytestmark = pytest.mark.skipif(not (FIXTURES / "docx2python_comments.docx").exists(),
                                reason="the shared Word fixtures are not here")


def _replies(name: str) -> list[tuple[str, str, str, str]]:
    """(reply's author, its text, the opening comment's author, its text) of each reply
    in the fixture ``name``; the same from python-docx's view of the file."""
    path = FIXTURES / name
    light, heavy = open_word(path), DocxParts(open_docx(path))
    threads, comments = read_threads(light), read_comments(light)
    assert threads == read_threads(heavy)
    assert threads.done == frozenset()
    return [(comments[r].author, comments[r].text, comments[o].author, comments[o].text)
            for r, o in threads.opening.items()]


def test_replies_name_the_comment_opening_their_thread():
    assert _replies("docx2python_comments.docx") == [
        ("Randy Bartels", "RESPONSE", "Randy Bartels", "COMMENT"),
        ("Shay Hill", "Response from Shay Hill", "Randy Bartels", "COMMENT"),
        ("Randy Bartels", "RESPONSE to comment on par 5", "Randy Bartels", "COMMENT on par 5"),
        ("Shay Hill", "Response from Shay Hill on par 5", "Randy Bartels", "COMMENT on par 5"),
    ]
    assert _replies("pandoc_comments.docx") == [
        ("Jesse Rosenthal", "Do something else.", "Jesse Rosenthal", "Do something.")]


def test_a_file_without_threads_has_none():
    path = FIXTURES / "pandoc_track_changes_scrubbed_metadata.docx"  # one comment, no part
    assert read_comments(open_word(path)) and read_threads(open_word(path)) == Threads()
