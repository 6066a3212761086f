"""Footnote markers in the words a copy proposes, where the paragraph takes none.

A paragraph cut and pasted elsewhere in a copy without Track Changes keeps its footnote:
read against the revision, it is the old paragraph deleted and a new one proposed, whose
words hold the marker of the revision's footnote ("...fisheries[^1],"). A new paragraph
cannot cite a footnote yet, nor can words bring one into a paragraph that does not cite
it: the marker would be printed as text, and the footnote would lose its place in the
Word document. So the marker is left out of the proposal and named in a warning, which
says what accepting the deletion of the paragraph citing the footnote does to it. A
tracked move gives the moved paragraph a footnote of its own with the same words: that
one reads as inserted (`drafting.readers.copy_notes.inserted_said`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from drafting.engine.new_words import stray_note
from drafting.lazy_re import lazy_compile
from drafting.model import AmendmentKind, Paragraph
from drafting.readers.copy_notes import citing, revision_note
from drafting.readers.copy_text import quoted
from drafting.readers.result import ReadWarning

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_MARKER = lazy_compile(r"( ?)\[\^(\d{1,4})\]( ?)")
"""A footnote marker, with the space either side (one is kept where both stood)."""


def unmarked(drafts: list[Draft], paragraphs: Sequence[Paragraph],
             warnings: list[ReadWarning]) -> list[Draft]:
    """``drafts`` with the footnote markers taken out of the words each proposes where its
    paragraph does not cite that footnote (any, in a new paragraph), each named in a
    warning (``paragraphs``: the revision's); a draft left proposing nothing is dropped."""
    if not any("[^" in d.new_text for d in drafts):  # nearly always
        return drafts
    deleted = {d.paragraph.id for d in drafts if d.kind is AmendmentKind.DELETE_PARAGRAPH}
    kept = []
    for draft in drafts:
        cites = _cites(draft)
        if stray_note(draft.new_text, cites) is None:
            kept.append(draft)
            continue
        held = set(re.findall(r"\[\^(\d{1,4})\]", cites))
        taken: list[str] = []

        def out(found: re.Match[str], held: set[str] = held, taken: list[str] = taken) -> str:
            if found[2] in held:
                return found[0]
            taken.append(found[2])
            return " " if found[1] and found[3] else found[1] + found[3]

        new = _MARKER.sub(out, draft.new_text)
        for number in dict.fromkeys(taken):
            warnings.append(ReadWarning(draft.where, _said(draft, int(number), paragraphs,
                                                           deleted)))
        new = new.strip() if draft.kind is AmendmentKind.NEW_PARAGRAPH else new
        if new.strip() and new != draft.old_text:
            kept.append(replace(draft, new_text=new))
    return kept


def _cites(draft: Draft) -> str:
    """The text whose footnotes the words ``draft`` proposes may cite: none for a new
    paragraph, else the paragraph's (or the proposal's it amends)."""
    if draft.kind is AmendmentKind.NEW_PARAGRAPH:
        return ""
    return draft.paragraph.text if draft.amends is None else draft.amends.new_text


def _said(draft: Draft, number: int, paragraphs: Sequence[Paragraph],
          deleted: set[str]) -> str:
    """The warning that the marker of footnote ``number`` was left out of ``draft``
    (``deleted``: the paragraphs the copy deletes, by id)."""
    new_paragraph = draft.kind is AmendmentKind.NEW_PARAGRAPH
    what = "the new paragraph cites" if new_paragraph else "the new words cite"
    why = "a new paragraph cannot cite a footnote" if new_paragraph else \
        "words cannot bring a footnote into a paragraph that does not cite it"
    note = revision_note(paragraphs, number)
    if note is None:
        return (f"{what} a footnote that is not in the draft (marker [^{number}]): {why} "
                "yet, so the marker was left out; ask the secretariat to add the footnote")
    host = citing(paragraphs, number)
    cited = f", which {host.label} cites" if host is not None else ""
    told = (f"{what} {note.label} ({quoted(note.text)}){cited}: {why} yet, so the marker "
            "was left out and only the words are proposed")
    if host is not None and host.id in deleted:
        told += (f"; accepting the deletion of {host.label} deletes {note.label} with it: "
                 "ask the secretariat to keep the footnote")
    return told
