"""A footnote of several paragraphs, one of them deleted whole: its paragraph mark goes
too, so that no empty line is left in the note. The merged draft marks the mark deleted
(`marks_deleted`); a revision takes the emptied paragraph out (`emptied_removed`).
A footnote's paragraphs read as the lines of one paragraph of the draft, so the words
of a line can be deleted with or without the line break standing for its mark; either
way the line goes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit
from drafting.readers.source_places import Place, SourcePlace
from drafting.writers.list_items import join_items
from drafting.writers.source_edits import in_body


def marks_deleted(place: SourcePlace, edit: Edit, places: Sequence[Place],
                  edits: Sequence[Edit] = ()) -> list[int]:
    """The footnote's Word paragraphs (indexes in ``place``) whose marks go with
    ``edit``, a deletion on its text (``places``: its characters' places): each
    paragraph whose every character it deletes, its own mark; for those ending the note,
    whose last mark no word processor removes, the marks before them (accepted, the
    line before takes the last mark, as Word marks a last paragraph deleted). None where
    ``edit`` or another of the paragraph's ``edits`` puts words in its place (a line
    replaced), where it leaves the note no words (it goes with its marker), or on the
    body's text."""
    if edit.text or edit.start == edit.end or in_body(place.paragraphs[0].element) or \
            any(other.text and edit.start <= other.start <= edit.end for other in edits):
        return []
    held: dict[int, list[int]] = {}
    for at, where in enumerate(places):
        if where is not None:
            held.setdefault(where[0], []).append(at)
    gone = {index for index, ats in held.items()
            if edit.start <= ats[0] and ats[-1] < edit.end}
    if not gone or gone == set(held):
        return []
    last = trailing = len(place.paragraphs) - 1
    while trailing > 0 and (trailing in gone or trailing not in held):
        trailing -= 1  # back to the last paragraph the note keeps words in
    return sorted({index for index in gone if index < trailing} | set(range(trailing, last)))


def emptied_removed(place: SourcePlace, indexes: Iterable[int]) -> bool:
    """Take out of a footnote each of its Word paragraphs (``indexes`` in ``place``)
    that a revision's edits left with no words (`Visible.text` is what they had), as Accept
    All of the merged draft leaves it: a first one (holding the note's own number)
    takes in the words of the paragraph after it. Whether anything was taken out;
    nothing for a note left with no words at all, nor for the body's paragraphs."""
    paragraphs = place.paragraphs
    if not paragraphs or in_body(paragraphs[0].element):
        return False
    empty = {index for index in indexes if paragraphs[index].text.strip() and
             not visible(paragraphs[index].element).text.strip()}
    kept = [index for index in range(len(paragraphs)) if index not in empty]
    if not empty or not any(paragraphs[index].text.strip() for index in kept):
        return False
    if 0 in empty:  # the note's number stays where it is, before the words kept
        join_items(place, [(0, kept[0])])
        empty.discard(0)
    for index in empty:
        element = paragraphs[index].element
        element.getparent().remove(element)
    return True
