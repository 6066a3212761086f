"""Hyperlinks a delegation's copy puts on words it proposes. An amendment records words
(and, in the paragraph, their formatting: `drafting.model.marks`), never a link's target,
so the merged draft and the revision show the words without the link. That is said, not
left silent (`link_warnings`): the words are read as proposed, and the secretariat or
the delegation knows the link is to be added by hand, or dropped.

A link is the delegation's own where every word it holds is inserted with Track Changes
(Word puts the ``w:ins`` inside the ``w:hyperlink``, or the link inside the insertion), or,
in a copy edited without Track Changes, where its words stand in no paragraph of the
revision. A link of the draft with words inserted into it keeps its place, as the
draft's. A link is a ``w:hyperlink``, or a HYPERLINK field (``w:fldSimple``, or a field
of ``w:fldChar`` marks, its code in ``w:instrText``), whose shown words are read as any
others."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from docx.oxml.ns import qn

from drafting.readers.copy_text import quoted
from drafting.readers.result import ReadWarning

_HYPERLINK, _P = qn("w:hyperlink"), qn("w:p")
_INSERTED = frozenset({qn("w:ins"), qn("w:moveTo")})
_DELETED = frozenset({qn("w:del"), qn("w:moveFrom")})
_TEXT, _DELETED_TEXT = qn("w:t"), qn("w:delText")
_RUN, _SPACES = qn("w:r"), (qn("w:tab"), qn("w:br"), qn("w:cr"))
"""A run's tab or line break: a space between a link's words ("Article 1 Purpose<tab>1",
a table of contents' entry, is the front matter's line, not "Article 1 Purpose1")."""
_FIELD, _INSTR, _ANCHOR = qn("w:fldSimple"), qn("w:instr"), qn("w:anchor")
_FIELD_CHAR, _FIELD_CHAR_TYPE = qn("w:fldChar"), qn("w:fldCharType")
_CODES = (qn("w:instrText"), qn("w:delInstrText"))
_CONTENTS_ANCHORS = ("_Toc", "__RefHeading")
"""The bookmarks a table of contents' entries link to, as Word and LibreOffice name them."""
LINK_TAGS = (_HYPERLINK, _FIELD, *_CODES)
"""What a copy holding a link holds (a field's code, maybe a HYPERLINK's)."""


def link_warnings(name: str, paragraphs: Sequence[Any | None],
                  known: Callable[[str], bool]) -> list[ReadWarning]:
    """A warning for each hyperlink of ``paragraphs`` (the copy's Word paragraphs, None
    for a footnote's place, numbered from 1 as the reader names them) that the
    delegation put on words it proposes: all of them inserted, or, typed without Track
    Changes, words the revision does not hold (``known``: whether it holds them)."""
    found = []
    for number, paragraph in enumerate(paragraphs, 1):
        if paragraph is None:
            continue
        for link in _links(paragraph):
            inserted, kept = _words(link)
            if (inserted.strip() and not kept.strip()) or \
                    (not inserted and kept.strip() and not known(" ".join(kept.split()))):
                found.append(ReadWarning(f"{name}, paragraph {number}", (
                    f"the words {quoted(inserted or kept)} come with a hyperlink, which is not "
                    "kept: an amendment holds words only, so the merged draft and the "
                    "revision show them without the link; ask the secretariat to add it")))
    return found


def _links(paragraph: Any) -> Iterator[list[Any]]:
    """The text nodes each link of ``paragraph`` shows: a ``w:hyperlink``'s, a HYPERLINK
    ``w:fldSimple``'s, and the result of a HYPERLINK field of ``w:fldChar`` marks (its
    words between "separate" and "end"; a field in another's result shows in both)."""
    for link in paragraph.iter(_HYPERLINK):
        if (link.get(_ANCHOR) or "").startswith(_CONTENTS_ANCHORS):
            continue  # a table of contents' entry: Word's link to its heading, not words
        yield _shown(link.iter(_TEXT, _DELETED_TEXT, *_SPACES))
    for field in paragraph.iter(_FIELD):
        if _is_link(field.get(_INSTR)):
            yield _shown(field.iter(_TEXT, _DELETED_TEXT, *_SPACES))
    open_fields: list[tuple[list[str], list[Any], list[bool]]] = []  # code, words, shown
    for node in _shown(paragraph.iter(_FIELD_CHAR, *_CODES, _TEXT, _DELETED_TEXT, *_SPACES)):
        if node.tag == _FIELD_CHAR:
            kind = node.get(_FIELD_CHAR_TYPE)
            if kind == "begin":
                open_fields.append(([], [], [False]))
            elif kind == "separate" and open_fields:
                open_fields[-1][2][0] = True
            elif kind == "end" and open_fields:
                code, words, _ = open_fields.pop()
                if _is_link("".join(code)):
                    yield words
        elif node.tag in _CODES:
            if open_fields and not open_fields[-1][2][0]:
                open_fields[-1][0].append(node.text or "")
        else:
            for _, words, shown in open_fields:
                if shown[0]:
                    words.append(node)


def _shown(nodes: Iterable[Any]) -> list[Any]:
    """``nodes`` without the tabs that are not a run's (a paragraph's tab stops)."""
    return [node for node in nodes if node.tag not in _SPACES or node.getparent().tag == _RUN]


def _is_link(code: str | None) -> bool:
    """Whether a field's code is a HYPERLINK's (not one to a table of contents' heading,
    "HYPERLINK \\l _Toc123": Word's own)."""
    words = (code or "").split()
    return [word.upper() for word in words[:1]] == ["HYPERLINK"] and \
        not any(word.strip('"').startswith(_CONTENTS_ANCHORS) for word in words[1:])


def _words(link: list[Any]) -> tuple[str, str]:
    """The words in ``link`` (its text nodes) inserted with Track Changes, and those in
    the draft's text (neither inserted nor deleted, or deleted: the draft's all the same)."""
    inserted, kept = [], []
    for node in link:
        state = _state(node)
        words = " " if node.tag in _SPACES else node.text or ""
        if state == "inserted":
            inserted.append(words)
        elif state != "cancelled":
            kept.append(words)
    return "".join(inserted), "".join(kept)


def _state(node: Any) -> str:
    """Whether the text ``node`` is "inserted", "cancelled" (inserted, then deleted) or
    of the draft ("kept"), by the revision marks around it within its paragraph."""
    tags = set()
    for ancestor in node.iterancestors():
        if ancestor.tag == _P:
            break
        tags.add(ancestor.tag)
    if tags & _INSERTED:
        return "cancelled" if tags & _DELETED else "inserted"
    return "kept"
