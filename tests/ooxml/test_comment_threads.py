"""Word's comment threads (``commentsExtended.xml``) as read from files Word wrote
(`../shared/fixtures/docx`): each reply names the comment that opened its thread, from
either view of the parts; a file with no threads part has no threads."""

from itertools import product
from pathlib import Path

import pytest
from lxml import etree

from drafting.ooxml.comment_threads import Threads, read_threads
from drafting.ooxml.comments import read_comments
from drafting.ooxml.package import open_docx, open_word
from drafting.ooxml.parts import DocxParts, WordParts

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


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _parts(parents: dict[int, int | None]) -> WordParts:
    """Comments 0, 1 ... (paragraph ids 1000, 1001 ...) each answering its parent."""
    comments = "".join(f'<w:comment w:id="{c}"><w:p w14:paraId="{1000 + c}"/></w:comment>'
                       for c in parents)
    entries = "".join(
        f'<w15:commentEx w15:paraId="{1000 + c}"'
        + (f' w15:paraIdParent="{1000 + p}"' if p is not None else "") + "/>"
        for c, p in parents.items())
    return WordParts(
        document=etree.Element("document"), styles=etree.Element("styles"),
        comments=etree.fromstring(f'<w:comments xmlns:w="{_W}" xmlns:w14="{_W14}">'
                                  f"{comments}</w:comments>"),
        comments_extended=etree.fromstring(f'<w15:commentsEx xmlns:w15="{_W15}">'
                                           f"{entries}</w15:commentsEx>"))


def _followed(reply: str, parents: dict[str, str]) -> str:
    """A reply's parent's parent ..., walked on its own, stopping at the last comment
    before one met again."""
    seen, current = {reply}, parents[reply]
    while current in parents and parents[current] not in seen:
        seen.add(current)
        current = parents[current]
    return current


def test_every_way_four_comments_can_answer_each_other_threads_as_followed_one_by_one():
    for targets in product([None, 0, 1, 2, 3], repeat=4):
        given = dict(enumerate(targets))
        threads = read_threads(_parts(given))
        parents = {str(c): str(p) for c, p in given.items() if p is not None and p != c}
        assert threads.opening == {r: _followed(r, parents) for r in parents}, given
        assert list(threads.opening) == list(parents)  # in the order of the file
        for first in set(threads.opening.values()):
            assert threads.replies(first) == tuple(
                r for r, o in threads.opening.items() if o == first)
