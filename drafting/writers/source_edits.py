"""A paragraph's changes in its Word source's own coordinates: where the revision's
characters stand in the source's Word paragraphs (`drafting.readers.source_places`),
edits moved there (`to_source`), and the edits a writer adds of its own: what a deleted
paragraph shows beyond its text (`rest_deleted`), and a typed number that a renumbering
changes (`renumbered`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from docx.oxml.ns import qn

from drafting.engine.segments import Change, Segment, Text, original_text
from drafting.engine.sublists import ITEM
from drafting.errors import LabelError
from drafting.model.labels import parse_label
from drafting.model.marks import Mark, within
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.weave import Edit
from drafting.readers.paragraph_tables import paragraph_row
from drafting.readers.source_places import Place, SourcePlace
from drafting.writers.typed_numbers import shown_number, typed_label_of

_BODY, _P, _TC = qn("w:body"), qn("w:p"), qn("w:tc")
_NOT_BODY = frozenset(qn(f"w:{tag}") for tag in ("footnote", "endnote", "comment", "tc",
                                                  "txbxContent", "hdr", "ftr"))


def in_body(element: Any) -> bool:
    """Whether the ``w:p`` ``element`` is one of the main text's paragraphs: in the
    document's body, directly or inside a content control (``w:sdt``), not in a note,
    comment, table cell or text box; a cell of a table whose rows are paragraphs
    (`paragraph_row`) is the main text's."""
    for ancestor in element.iterancestors():
        if ancestor.tag == _BODY:
            return True
        if ancestor.tag == _TC and paragraph_row(element) is not None:
            continue  # then its table's place decides
        if ancestor.tag in _NOT_BODY or ancestor.tag == _P:
            return False
    return False


def to_source(place: SourcePlace, edit: Edit, places: Sequence[Place] | None = None,
              text: str = "") -> list[tuple[int, Edit]]:
    """The edit in the source's coordinates: one per Word paragraph it touches (an
    insertion after the last character of the deletion's first paragraph). ``places``:
    ``place.places`` as a list, for a caller that maps many edits of one paragraph;
    ``text``, the paragraph's, lets an insertion inside Word's number move past it
    (`_past_number`). What has no place is left out: characters without one are not
    deleted, and an insertion with no character to stand by is dropped (in an option
    block: one into an empty alternative, or outside the alternatives' words); `shown`
    tells."""
    places = place.places if places is None else places
    spans: dict[int, list[int]] = {}
    for where in places[edit.start:edit.end]:
        if where is not None:
            spans.setdefault(where[0], []).append(where[1])
    moved = [(index, _moved(edit, min(offsets), max(offsets) + 1, ""))
             for index, offsets in spans.items()]
    if edit.text:
        at, words = _past_number(text, places, edit.end, edit.text)
        found = _anchor(places, at, _within(place, at, len(places)))
        if found is not None:
            index, offset = found
            moved.append((index, _moved(edit, offset, offset, words)))
    return moved


def _past_number(text: str, places: Sequence[Place], offset: int,
                 words: str) -> tuple[int, str]:
    """Where an insertion of ``words`` at ``offset`` in ``text`` stands and what it
    inserts there, moved past the characters with no place it opens with: " Also" after
    "(c)" in "(c) To collect", Word's number, is "Also " before "To collect", the same
    text read. Unmoved after a character with a place, or without ``text``."""
    if len(text) != len(places) or (offset and places[offset - 1] is not None):
        return offset, words
    while offset < len(text) and places[offset] is None and words[0] == text[offset]:
        words, offset = words[1:] + words[0], offset + 1
    return offset, words


def shown(edit: Edit, moved: Sequence[tuple[int, Edit]]) -> bool:
    """Whether ``moved``, `to_source`'s pieces of ``edit``, show all it proposes: some
    of the words it deletes, and the words it inserts."""
    deletes = any(piece.start < piece.end for _, piece in moved)
    inserts = any(piece.text for _, piece in moved)
    return (deletes or edit.start == edit.end) and (inserts or not edit.text)


def word_numbers_kept(segments: Sequence[Segment], place: SourcePlace) -> list[Segment]:
    """``segments`` with a diff's new number for an item Word numbers itself ("(c)" ->
    "(b)": no proponent, an item's number alone for another, none of its characters in
    the source) read as the text it was: Word's own numbering shows it."""
    kept: list[Segment] = []
    at, places = 0, None
    for segment in segments:
        if isinstance(segment, Change) and not segment.credit.proponents and \
                _number(segment.deleted) and _number(segment.inserted):
            places = list(place.places) if places is None else places
            if all(where is None for where in places[at:at + len(segment.deleted)]):
                segment = Text(segment.deleted)
        kept.append(segment)
        at += len(original_text((segment,)))
    return kept


def _number(text: str) -> bool:
    """Whether ``text`` is an item's number alone ("(b)", "iv)")."""
    found = ITEM.match(f"{text} ")
    return found is not None and found.end() == len(text)


def marked(edits: Sequence[Edit], marks: Sequence[Mark]) -> list[Edit]:
    """``edits`` (in text order) that make a paragraph's text the text ``marks`` are
    over, each insertion with the marks of its words there: words a delegation typed in
    italics are so in the revision too (`drafting.ooxml.weave.Edit.marks`)."""
    if not marks:
        return list(edits)
    out, moved = [], 0  # how far the words after the edits so far have moved
    for edit in edits:
        at = edit.start + moved
        out.append(replace(edit, marks=within(marks, at, at + len(edit.text)))
                   if edit.text else edit)
        moved += len(edit.text) - (edit.end - edit.start)
    return out


def _moved(edit: Edit, start: int, end: int, text: str) -> Edit:
    """``edit`` at ``start:end`` with ``text``, as `dataclasses.replace` would give it (its
    ``made`` shared, so the woven elements reach the line), without its cost; its
    formatting marks kept where its words are (not where they were moved past a number)."""
    return Edit(start, end, edit.stamp, text, edit.deleter, edit.made, edit.tracked,
                edit.marks if text == edit.text else (), edit.upright)


def _within(place: SourcePlace, offset: int, size: int) -> tuple[int, int]:
    """The span of a paragraph's text (``size`` characters) where an insertion at
    ``offset`` finds its place: all of it; in an option block, the words of the
    alternative it stands among (at their start or end too), none outside them."""
    if not place.alternatives:
        return 0, size
    return next(((start, end) for start, end, _ in place.alternatives
                 if start <= offset <= end), (offset, offset))


def _anchor(places: Sequence[Any], offset: int,
            within: tuple[int, int]) -> tuple[int, int] | None:
    """Where an insertion at ``offset`` goes: after the character before it, else
    before the character after it; both looked for ``within`` the span given (an
    alternative's words: one at its start goes into its own Word paragraph, not after
    the alternative before). Past characters with no place (a line break and the
    number Word gives the line: "\\n(c) "), it goes before the character after it
    where that one is in another Word paragraph: at the start of its line's."""
    low, high = within
    before = next((places[at] for at in range(offset - 1, low - 1, -1)
                   if places[at] is not None), None)
    if before is not None and offset > low and places[offset - 1] is not None:
        return before[0], before[1] + 1
    after = next((places[at] for at in range(offset, high) if places[at] is not None), None)
    if before is not None and (after is None or after[0] == before[0]):
        return before[0], before[1] + 1
    return after


def rest_deleted(place: SourcePlace, stamp: Stamp) -> list[tuple[int, Edit]]:
    """The deletions, by ``stamp``, of what a paragraph's Word paragraphs in the body show
    beyond its text's characters: before them (a typed number and its tab, spaces) and
    after them (spaces), or all of a Word paragraph none of them is in; so that accepting
    the paragraph's deletion leaves nothing of it. Pairs of (Word paragraph index, edit)."""
    spans: dict[int, tuple[int, int]] = {}
    for length, index, offset in place.places.stretches:
        if index is not None:
            low, high = spans.get(index, (offset, offset + length))
            spans[index] = (min(low, offset), max(high, offset + length))
    edits: list[tuple[int, Edit]] = []
    for index, source in enumerate(place.paragraphs):
        if not in_body(source.element):  # a footnote goes with its reference
            continue
        size = len(source.text)
        low, high = spans.get(index, (size, size))
        if low > 0:
            edits.append((index, Edit(0, low, stamp)))
        if high < size:
            edits.append((index, Edit(high, size, stamp)))
    return edits


def renumbered(place: SourcePlace, label: str, was: str, stamp: Stamp | None) -> Edit | None:
    """The tracked change, by ``stamp`` (unsigned only for a diff made without one), of an
    operative paragraph's typed number where ``label`` numbers it otherwise ("7." in the
    older document, ``OP8`` now); None where it agrees, where the number is the text's own
    (`typed_label_of`), or where ``label`` is ``was``, the source's own reading's: a merged
    draft renumbers nothing, its changes are the delegations'."""
    typed = typed_label_of(place) if label != was else None
    if typed is None:
        return None
    try:
        number = shown_number(label, typed["number"])
        if parse_label(label).prefix != "OP":
            return None
        if number[0].isalpha():  # a decision's item letter: "(c)" for OP3
            if " ".join(number.replace("-", " ").replace("\u0640", "").split()) == \
                    " ".join(typed["number"].replace("-", " ").replace("\u0640", "").split()):
                return None
        elif parse_label(number) == parse_label(typed["number"]):
            return None
    except LabelError:
        return None
    return Edit(typed.start("number"), typed.end("number"), stamp or Stamp(""), number)


def unnumbered(paragraph: Any) -> None:
    """Take ``paragraph`` (made in the form of a numbered item) out of Word's numbering,
    its own or its style's (``w:numId`` 0)."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = paragraph.makeelement(qn("w:pPr"), {})
        paragraph.insert(0, properties)
    for found in properties.findall(qn("w:numPr")):
        properties.remove(found)
    numbering = properties.makeelement(qn("w:numPr"), {})
    numbering.append(numbering.makeelement(qn("w:numId"), {qn("w:val"): "0"}))
    before = [n for n, child in enumerate(properties) if child.tag in _BEFORE_NUMBERING]
    properties.insert(before[-1] + 1 if before else 0, numbering)  # in the schema's order


_BEFORE_NUMBERING = frozenset(qn(f"w:{name}") for name in (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl"))
"""What stands before ``w:numPr`` in a paragraph's properties."""
