"""The merged document: the draft as Word, every proposal a real Word tracked change.

Each proposal is a ``w:ins`` / ``w:del`` whose author is its proponents' codes
(``EU, USA``) and whose date is when its first amendment came in, so the
secretariat can use Word's own Accept / Reject. Rejecting every change gives the
draft exactly; accepting every change gives the text with every proposal made
and, where proposals compete, one bracket of alternatives. From the merged form
(`drafting.engine.segments`):

- ``Text``: plain runs (a preambular paragraph's opening words in italics);
- ``Change``: a ``w:del`` of the deleted words, then a ``w:ins`` of the inserted
  ones, exactly as the proposal has them. A request to bracket words inserts
  ``[`` before and ``]`` after them: two insertions;
- ``Alternatives`` (proposals on the same words): the original words stay as they
  are and insertions are put around them - ``[`` (by everyone with an option),
  then per option `` / `` + its words (by its proponents), then ``]`` - so
  accepting all gives ``[submit / present / transmit]``. Whitespace at either
  end of the original stays outside the bracket and each option's words are
  stripped, as in the compilation (``a [high-level / ] meeting``). An option that
  deletes the words shows as `` / `` followed by nothing: nothing is invented in
  its place. Where the proposals compete to insert at one point (no original
  words), the options alone stand in the bracket, the first without `` / ``
  (with a retain, the empty original comes first: ``[ / and fishers]``);
- a new paragraph (``OP9 bis``) or an alternative formulation (``OP14 Alt``): a
  new paragraph after its place whose label, tab and text are inserted; following
  Word, the previous paragraph's mark is marked inserted. After a paragraph
  proposed for deletion (its mark is deleted) or a heading, the new paragraph's
  own mark is marked inserted instead - a mark cannot be both deleted and inserted,
  and a heading's mark holds its style;
- a paragraph proposed for deletion: all its runs, label included, in a ``w:del``
  and its mark deleted; words another delegation proposes to insert in it are
  inserted and deleted (``w:ins`` holding a ``w:del``), so accepting all removes
  the paragraph whole;
- retains: a comment ``Retain: G77`` on the paragraph's label; every credit's
  reasons (and supporters): a comment on the change, by its proponents;
- stale proposals: a comment on the title each (they cannot be placed in the text).

The revision's front matter (a plain paragraph a line, before the title) and its
chapeau (a plain paragraph after the subtitle, no label) are written as they are,
never as tracked changes: no proposal touches them.

Paragraphs marked deleted in the draft itself are written struck through
(formatting, not a revision). Without a date for an amendment the change has no
``w:date``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from docx.document import Document as DocxDocument

from drafting.atomic import write_atomically
from drafting.engine.segments import (
    Alternatives,
    Amended,
    Change,
    Compilation,
    Credit,
    MergedParagraph,
    NewParagraph,
    Segment,
    Text,
)
from drafting.model import Mark, ParagraphKind, ParagraphStatus
from drafting.model.marks import shifted, within
from drafting.ooxml import markup
from drafting.ooxml.markup import Run, styled
from drafting.ooxml.revisions import RevisionMarks, Stamp, save_atomically
from drafting.writers.blank_word import blank_word
from drafting.writers.docx_clean import _append as at_end
from drafting.writers.merged_mark import stamp
from drafting.writers.pieces import (
    alternative_labels,
    compilation_formatted,
    credit_tag,
    paragraph_labels,
    shown_marks,
    stale_parts,
    subamendment_notes,
)
from drafting.writers.style_names import style_id
from drafting.writers.word_package import parts_of, repackaged


def write_merged_docx(compilation: Compilation, path: str | os.PathLike[str], *,
                      dates: Mapping[str, datetime] | None = None,
                      author: Stamp | None = None, marked: bool = False) -> None:
    """Write ``compilation`` to ``path`` as a Word document with tracked changes.

    ``dates`` maps amendment ids to submission times; a change is dated by the
    earliest of its amendments found there, and has no date when none is. ``author``
    stamps the changes no delegation proposed (a diff's: the later revision's label and
    date); without it they have no author. ``marked``, the file says it is the merged
    draft of the compilation's revision (`drafting.writers.merged_mark`). The file is
    written atomically (a temporary file in the same folder, then renamed);
    DraftingError if it cannot be written.
    """
    document = blank_word(compilation.title or compilation.symbol, compilation.symbol)
    writer = MergedWriter(document, dates or {}, author)
    writer.write(compilation)
    writer.marks.finish()
    if not marked:
        save_atomically(document, path)
        return
    write_atomically(path, repackaged([], parts_of(document), set(),
                                      stamp(compilation.symbol, compilation.revision)))


def _label_runs(label: str) -> list[Run]:
    return [Run(label, bold=True), Run("\t")]


class _Line:
    """One Word paragraph being written, as markup: ``parts`` in order, comment anchors
    to go before and after some of them. Inside a paragraph proposed for deletion
    (``deleter`` set) every untracked or inserted run is also deleted. The methods
    return the positions of the parts they add, for comments to anchor on."""

    def __init__(self, marks: RevisionMarks, deleter: Stamp | None) -> None:
        self.marks = marks
        self.deleter = deleter
        self.parts: list[str] = []
        self.before: dict[int, list[str]] = {}
        self.after: dict[int, list[str]] = {}

    def plain(self, runs: Sequence[Run]) -> list[int]:
        if not runs:
            return []
        if self.deleter is not None:
            return self._add([self._deleted(runs, self.deleter)])
        return self._add([run.xml() for run in runs])

    def inserted(self, runs: Sequence[Run], stamp: Stamp, *, bracket: bool = False,
                 ) -> list[int]:
        """``runs`` put in; a ``bracket``'s runs are upright as made (no marks given)."""
        if self.deleter is not None:  # inserted and deleted, as Word nests them
            inner = self._deleted(runs, self.deleter)
        else:
            inner = "".join(run.xml() for run in runs)
        return self._add([self.marks.wrap_xml("w:ins", inner, stamp)])

    def deleted(self, runs: Sequence[Run], stamp: Stamp) -> list[int]:
        return self._add([self._deleted(runs, stamp)])

    def comment(self, at: Sequence[int], lines: Sequence[str], stamp: Stamp) -> None:
        """A comment on the parts from ``at[0]`` to ``at[-1]``."""
        start, end = self.marks.comment_xml(lines, stamp)
        self.before.setdefault(at[0], []).append(start)
        self.after.setdefault(at[-1], []).append(end)

    def element(self, style_id: str | None) -> Any:
        """The paragraph as a ``w:p`` element."""
        parts = []
        for number, part in enumerate(self.parts):
            parts += [*self.before.get(number, ()), part, *self.after.get(number, ())]
        return markup.paragraph(parts, style_id)

    def _deleted(self, runs: Sequence[Run], stamp: Stamp) -> str:
        return self.marks.wrap_xml("w:del", "".join(run.xml(deleted=True) for run in runs),
                                   stamp)

    def _add(self, parts: list[str]) -> list[int]:
        first = len(self.parts)
        self.parts += parts
        return list(range(first, len(self.parts)))


class MergedWriter:
    """Writes a compilation's entries into a Word document as tracked changes: the stamps
    (authors, dates), comments and paragraphs; `drafting.writers.docx_source` reuses its
    stamps and comments on the secretariat's own document."""

    def __init__(self, document: DocxDocument, dates: Mapping[str, datetime],
                 author: Stamp | None = None) -> None:
        self.document = document
        self.author = author
        """The stamp of the changes no delegation proposed (a diff's), if not none."""
        self.marks = RevisionMarks(document)
        self.dates = dates
        self.body = document.element.body
        self.styles: dict[str, str] = {}
        self.previous: Any = None
        self.hand_down = False
        """True when the previous paragraph's mark is untracked and may be marked
        inserted for a new paragraph after it (Word's convention)."""
        self.formatted = False  # the text came with its formatting (see shown_marks)
        self.amended: dict[str, Amended] = {}
        """Amendments to proposals, by the first amendment id of the proposal amended."""

    def know_amended(self, compilation: Compilation) -> None:
        """Learn the amendments to proposals, to comment on each proposal amended."""
        self.amended = {amended.of.amendments[0]: amended for entry in compilation.entries
                        for amended in entry.amended}

    def write(self, compilation: Compilation) -> None:
        title = compilation.title or compilation.symbol
        for line in compilation.front_matter:  # as it is, never a tracked change
            self.document.add_paragraph(line)
        heading = self.document.add_paragraph(title, style="Title")
        self.document.add_paragraph(
            f"{compilation.symbol} — {compilation.revision}, with proposals (merged)",
            style="Subtitle")
        for line in compilation.after_title:  # as it is, never a tracked change
            self.document.add_paragraph(line)
        if compilation.chapeau:
            self.document.add_paragraph(compilation.chapeau)
        self.document.core_properties.title = title
        self.document.core_properties.subject = compilation.symbol
        self._stale_comments(compilation, heading.runs[0]._r if heading.runs else None)
        self.formatted = compilation_formatted(compilation)
        self.know_amended(compilation)
        for entry in compilation.entries:
            if isinstance(entry, NewParagraph):
                self._new(entry.label, entry.text, entry.credit, entry.marks)
            else:
                self._existing(entry)

    # --- whole paragraphs -------------------------------------------------------------

    def _existing(self, entry: MergedParagraph) -> None:
        paragraph = entry.paragraph
        is_heading = paragraph.kind is ParagraphKind.HEADING
        style = f"Heading {min(max(paragraph.level, 1), 9)}" if is_heading else None
        deleter = self.stamp(entry.deletion) if entry.deletion else None
        line = _Line(self.marks, deleter)
        label = [] if is_heading else line.plain(_label_runs(paragraph.label))
        struck = paragraph.status is ParagraphStatus.DELETED
        marks = shown_marks(paragraph, self.formatted)
        SegmentWriter(self, line, marks, struck).write(entry.segments)
        everything = list(range(len(line.parts)))
        if entry.deletion is not None and deleter is not None:
            self.note(line, everything, entry.deletion)
        if entry.retains is not None:
            self._retain(line, label or everything, entry.retains)
        element = self._append(line, style)
        if entry.deletion is not None and deleter is not None:
            self.marks.mark_deleted(element, deleter)
        self.previous, self.hand_down = element, deleter is None and not is_heading
        labels = alternative_labels(paragraph.label, len(entry.alternatives))
        for alternative_label, option in zip(labels, entry.alternatives, strict=True):
            self._new(alternative_label, option.text, option.credit, option.marks)

    def _new(self, label: str, text: str, credit: Credit, marks: Sequence[Mark] = ()) -> None:
        """An inserted paragraph after the previous one (see the module docstring); its
        words in the formatting ``marks`` give them."""
        stamp = self.stamp(credit)
        line = _Line(self.marks, None)
        inserted = line.inserted([*_label_runs(label), *styled(text, marks)], stamp)
        self.note(line, inserted, credit)
        element = self._append(line, None)
        if self.hand_down:
            self.marks.mark_inserted(self.previous, stamp)
        else:
            self.marks.mark_inserted(element, stamp)
        self.previous = element  # hand_down stays: the untracked mark moved down, or none

    def _append(self, line: _Line, style: str | None) -> Any:
        """The line as a paragraph at the end of the body (before its section settings)."""
        element = line.element(self._style_id(style) if style else None)
        at_end(self.body, element)
        return element

    def _style_id(self, name: str) -> str:
        if name not in self.styles:
            self.styles[name] = style_id(self.document, name)
        return self.styles[name]

    # --- stamps and comments -------------------------------------------------------------

    def stamp(self, credit: Credit) -> Stamp:
        if self.author is not None and not credit.proponents:
            return self.author
        return Stamp(", ".join(credit.proponents), self.date(credit.amendments))

    def date(self, amendment_ids: Iterable[str]) -> datetime | None:
        known = [self.dates[i] for i in amendment_ids if i in self.dates]
        return min(known, default=None)

    def note(self, line: _Line, at: Sequence[int], credit: Credit) -> None:
        """A comment with the credit's reasons and supporters, if it has any."""
        lines = list(credit.reasons)
        if credit.supporters:
            lines.append(f"Supported by {', '.join(credit.supporters)}.")
        if lines and at:
            line.comment(at, lines, self.stamp(credit))
        for sub, words in self.subamendments(credit) if at else ():
            line.comment(at, [words, *sub.reasons], self.stamp(sub))

    def subamendments(self, credit: Credit) -> list[tuple[Credit, str]]:
        """The amendments to the proposal ``credit`` stands for, each in words."""
        amended = self.amended.get(credit.amendments[0]) if credit.amendments else None
        return subamendment_notes(amended) if amended is not None else []

    def _retain(self, line: _Line, at: Sequence[int], credit: Credit) -> None:
        if at:
            lines = [f"Retain: {credit_tag(credit)[1:-1]}", *credit.reasons]
            line.comment(at, lines, self.stamp(credit))

    def _stale_comments(self, compilation: Compilation, anchor: Any) -> None:
        labels = paragraph_labels(compilation)
        for stale in compilation.stale if anchor is not None else ():
            amendment_id, proponents, where, reason = stale_parts(stale, labels)
            text = (f"Not placed in the text: {amendment_id} ({proponents}) on {where}: "
                    f"{reason}")
            stamp = Stamp(proponents, self.date([amendment_id]))
            self.marks.comment(anchor, anchor, [text], stamp)


class SegmentWriter:
    """A paragraph's segments as runs and revisions on one line (any object with the
    line's ``plain``, ``inserted``, ``deleted`` and ``comment``: the template's `_Line`,
    or the source's edits in `drafting.writers.docx_source`).

    ``offset`` follows the paragraph's text as it stands, for the formatting (``marks``)
    of its own words, kept or deleted.
    """

    def __init__(self, writer: MergedWriter, line: _Line, marks: Sequence[Mark],
                 struck: bool) -> None:
        self.writer = writer
        self.line = line
        self.marks = marks
        self.struck = struck
        self.offset = 0

    def write(self, segments: Iterable[Segment]) -> None:
        for segment in segments:
            if isinstance(segment, Text):
                self._untracked(segment.text)
            elif isinstance(segment, Change):
                self._change(segment)
            else:
                self._alternatives(segment)

    def _untracked(self, text: str) -> list[int]:
        runs = styled(text, self.marks, self.offset, strike=self.struck)
        self.offset += len(text)
        return self.line.plain(runs)

    def _struck(self, text: str, stamp: Stamp) -> list[int]:
        at = self.line.deleted(styled(text, self.marks, self.offset), stamp)
        self.offset += len(text)
        return at

    def _inserted(self, text: str, stamp: Stamp, marks: Sequence[Mark] = ()) -> list[int]:
        return self.line.inserted(styled(text, marks), stamp) if text else []

    def _bracket(self, text: str, stamp: Stamp) -> list[int]:
        """A bracket put in ("[", " [", "] "): upright, whatever the words beside it."""
        return self.line.inserted(styled(text, ()), stamp, bracket=True) if text else []

    def _change(self, change: Change) -> None:
        stamp = self.writer.stamp(change.credit)
        if change.bracket:
            at = self._bracket("[", stamp)
            self._untracked(change.deleted)
            at += self._bracket("]", stamp)
        elif change.lift:  # the brackets struck, the words between them as they stand
            at = self._struck("[", stamp)
            self._untracked(change.inserted)
            at += self._struck("]", stamp)
        else:
            at = self.line.deleted(styled(change.deleted, self.marks, self.offset),
                                   stamp) if change.deleted else []
            self.offset += len(change.deleted)
            at += self._inserted(change.inserted, stamp, change.marks)
        self.writer.note(self.line, at, change.credit)

    def _alternatives(self, alternatives: Alternatives) -> None:
        options = alternatives.options
        everyone = Stamp(
            ", ".join(dict.fromkeys(c for o in options for c in o.credit.proponents)),
            self.writer.date(i for o in options for i in o.credit.amendments))
        lead, core, trail = _split_space(alternatives.original)
        first = not core and not alternatives.retained_by
        if alternatives.original:
            self._untracked(lead)
            brackets = self._bracket("[", everyone)
            self._untracked(core)
        else:  # competing insertions: the first option's spacing frames the bracket
            lead, _, trail = _split_space(next((o.text for o in options if o.text.strip()), ""))
            brackets = self._bracket(lead + "[", everyone)
        shown_at = []
        for option in options:
            words = option.text.strip()
            shown = words if first else " / " + words
            lead = option.text.index(words) if words else 0
            typed = within(option.marks, lead, lead + len(words))  # as its proponents
            first = False  # typed its words, past " / "
            shown_at.append(self._inserted(shown, self.writer.stamp(option.credit),
                                           shifted(typed, len(shown) - len(words))))
            self.writer.note(self.line, shown_at[-1], option.credit)
        if alternatives.original:
            self._bracket("]", everyone)
            self._untracked(trail)
        else:
            brackets += self._bracket("]" + trail, everyone)
            competing = getattr(self.line, "competing", None)  # the source's: new list items?
            if competing is not None and all(len(at) == 1 for at in shown_at):
                competing.append((brackets, [(at[0], option.text) for at, option
                                             in zip(shown_at, options, strict=True)]))


def _split_space(text: str) -> tuple[str, str, str]:
    """(leading whitespace, core, trailing whitespace); all-whitespace text is all lead."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]
