"""A matched paragraph of a delegation's copy, its changed stretches read as drafts
(`CopySpans._spans`): each stretch of changed text one change (delete, insert or
replace); spaces, quotes or dashes typed otherwise only warned of; words struck in
another's insertion in neither text (`drafting.readers.proposal_words`); changes the
revision already holds, still tracked, accepted (`drafting.readers.copy_pending`)."""

from __future__ import annotations

from typing import Any

from drafting.model import AmendmentKind, Paragraph, Span
from drafting.ooxml import runs
from drafting.ooxml.runs import NORMAL, RunPiece
from drafting.readers.copy_comments import CopyComments
from drafting.readers.copy_pending import in_the_draft
from drafting.readers.copy_pieces import struck_by
from drafting.readers.docx_changes import anchor, hunks, shaped
from drafting.readers.docx_copy import CopyLayout
from drafting.readers.docx_drafts import Draft
from drafting.readers.docx_untracked import RESPACED, respaced, retyped, spacing_only
from drafting.readers.proposal_words import neither, struck_in
from drafting.readers.typed_form import typed_words, widened

_K = AmendmentKind
MOVED = ("moved text is read as a deletion where it was and an insertion where it went; "
         "check that both are meant")


class CopySpans(CopyComments, CopyLayout):
    """`CopyLayout` reading a matched paragraph's changes as drafts (`_spans`)."""

    drafts: list[Draft]

    def _in_the_draft(self, pieces: list[RunPiece], text: str, where: str) -> list[RunPiece]:
        """`in_the_draft`, its warning said."""
        first = self.target is self.document.revisions[0]
        pieces, said = in_the_draft(pieces, text, "it was imported with them accepted"
                                    if first else f"{self.target.label} holds them")
        if said:
            self.warn(where, said)
        return pieces

    def _spans(self, paragraph: Paragraph, pieces: list[RunPiece], where: str) -> None:
        text = paragraph.text
        self._note_comments(where, [p for p in pieces if p.state == NORMAL])
        position, typed = 0, []  # quotes or dashes typed otherwise: said once
        for piece in pieces:  # an edited copy's spaces that differ in kind only
            if piece.kind == RESPACED:  # its text is the draft's: spaces, or quotes or dashes
                span = (position, position + len(piece.text))
                if piece.text.strip():
                    typed.append(span)
                else:
                    self.warn(where, respaced(text, *span))
            position += len(piece.text) if piece.in_original else 0
        if typed:
            self.warn(where, retyped(text, typed))
        moved = False
        found = hunks(pieces)
        for read, hunk in zip(found, shaped(found, text), strict=True):
            old = text[hunk.start:hunk.end]
            if old == hunk.new:
                continue
            if spacing_only(text, hunk.start, hunk.end, hunk.new):
                self.warn(where, respaced(text, hunk.start, hunk.end))
                continue
            first = hunk.pieces[0]
            if any(p.kind == runs.MOVE for p in hunk.pieces) and not moved:
                self.warn(where, MOVED)  # once for the paragraph: where it was and went
                moved = True
            fields: dict[str, Any] = {"span": Span(hunk.start, hunk.end), "old_text": old,
                                      "new_text": hunk.new, "struck": struck_in(
                                          hunk.pieces, hunk.new, read.start - hunk.start),
                                      "form": widened(typed_words(read.pieces), hunk.new, text,
                                                      paragraph.marks, hunk.start, hunk.end)}
            if not old:
                around = anchor(text, hunk.start, ahead=hunk.new[-1:].isspace())
                fields.update(kind=_K.INSERT, anchor=around,
                              old_text=text[around.start:around.end])
            else:
                fields["kind"] = _K.REPLACE if hunk.new else _K.DELETE
            date = next((p.date for p in hunk.pieces if p.date is not None), None)
            self.drafts.append(Draft(paragraph=paragraph, author=first.author, date=date,
                                      where=where, **self._reasons(hunk.pieces, where),
                                      **fields))

    def _unstruck(self, where: str, pieces: list[RunPiece]) -> list[RunPiece]:
        """``pieces`` without the words struck in another's insertion (`restored`): in
        neither text, said in a warning each."""
        for piece in pieces:
            if (deletion := struck_by(piece)) is not None:
                self.warnings.append(neither(where, piece.text, piece.author, deletion.author))
        return [p for p in pieces if not struck_by(p)]
