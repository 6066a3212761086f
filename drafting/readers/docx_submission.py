"""Read a delegation's Word file (tracked changes, or an edited copy) as amendments.

The file was made from one revision of the document in the house style: a "Title" and a
"Subtitle" paragraph (skipped), headings, and every other paragraph opening with its label
as a bold run and a tab. File paragraphs are matched to the revision's paragraphs by label
first, then, in order, by similarity of text (word by word, at least 0.6), so files
without labels are read too; where a paragraph inserted or deleted shifted the copy's
numbers, by text (`drafting.readers.docx_matching`).

With tracked changes, each Word paragraph's text with every change rejected must be the
revision's text; each stretch of changed text becomes one amendment (delete, insert or
replace), split where the Word author changes. Stretches that start or end inside a word
are widened to whole words, as negotiators quote whole words. A paragraph whose content is
all inserted is a new paragraph; one whose content is all deleted is a paragraph deletion.
Text that differs from the revision without being tracked is read as in an edited copy,
with a warning. An edited copy (no tracked changes) is diffed word by word against the
revision. Comments on changed text become the amendments' reasons: those of the change's
own authors, not another's reply in a Word comment thread (`drafting.readers.copy_comments`).

Nothing is dropped silently: what is not read as an amendment (a comment on unchanged text,
text inserted and deleted again, a table) is a ReadWarning; two paragraphs joined are a
replacement and a deletion (`drafting.readers.copy_joins`), and a copy made of the draft's
printed lines is read as its paragraphs (`drafting.readers.copy_lines`), each with one.
Text is read in Unicode NFC, as the draft was; a character that is not text
(`drafting.characters`) in a paragraph or a comment refuses the file, naming
the paragraph and the position.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache, partial
from pathlib import Path
from typing import Any

from drafting.errors import InputError, ReaderError
from drafting.limits import (
    MAX_AMENDMENTS_PER_FILE,
    MAX_TRACKED_PROPOSALS,
    too_many_amendments,
)
from drafting.model import (
    Amendment,
    AmendmentKind,
    Document,
    Paragraph,
    Revision,
    Span,
)
from drafting.model.document import ParagraphStatus
from drafting.ooxml import runs
from drafting.ooxml.notes import survey_with_footnotes
from drafting.ooxml.package import open_word
from drafting.ooxml.parts import Parts
from drafting.ooxml.properties import MERGED_DRAFT, custom_text, merged_draft_of
from drafting.ooxml.runs import DELETED
from drafting.readers.blocks import RoleKind
from drafting.readers.copy_answers import merged_comments
from drafting.readers.copy_chunks import Chunk
from drafting.readers.copy_flat_notes import flat_notes
from drafting.readers.copy_identity import cut_off, identify, merged_copy
from drafting.readers.copy_items import as_numbered, heading_renumbered
from drafting.readers.copy_joins import read_joins, untracked_joins
from drafting.readers.copy_lines import as_paragraphs
from drafting.readers.copy_new_paragraphs import clause_before, split_parts, stands_before
from drafting.readers.copy_pending import claim_inserted, tracked_to
from drafting.readers.copy_pieces import struck_by, trimmed
from drafting.readers.copy_revision import (
    OtherRevision,
    accepted_on,
    carried,
    made_by,
    older_copy,
)
from drafting.readers.copy_rewritten import rewritten
from drafting.readers.copy_spans import MOVED, CopySpans
from drafting.readers.copy_text import quoted
from drafting.readers.docx_changes import in_section, typed_by
from drafting.readers.docx_drafts import Draft, finish
from drafting.readers.docx_groups import CopyGroups
from drafting.readers.docx_matching import Group, match_groups, unchanged
from drafting.readers.docx_untracked import (
    UNTRACKED,
    reconcile,
)
from drafting.readers.merged_copies import by_codes
from drafting.readers.proposal_words import struck_stripped
from drafting.readers.result import ReadWarning
from drafting.readers.typed_form import typed_words

_K = AmendmentKind
_OUTSIDE = frozenset({RoleKind.FRONT, RoleKind.TITLE, RoleKind.CHAPEAU})


@dataclass(frozen=True, slots=True)
class DocxSubmission:
    """What a Word submission proposes: its amendments in file order, the warnings about
    what was not read as an amendment, and whether the file had tracked changes."""

    amendments: tuple[Amendment, ...]
    warnings: tuple[ReadWarning, ...]
    tracked: bool
    comments_unread: int = 0
    """The delegation's comments on no change that became an amendment (each warned)."""
    merged: bool = False
    """Whether the file says it is a merged draft of the document (`merged_copy`)."""


def read_docx_submission(path: str | Path, document: Document, *, delegation: str | None = None,
                         authors: Mapping[str, str] | None = None, revision: str | None = None,
                         ids: Iterator[str] | None = None,
                         submitted_at: datetime | None = None,
                         proposed: Callable[[], Mapping[str, Sequence[Amendment]]] | None
                         = None, shown: Callable[[], Collection[str]] | None = None,
                         boxes: Callable[[], Collection[str]] | None = None,
                         source_comments: Callable[[], Collection[tuple[str, str]]] | None
                         = None) -> DocxSubmission:
    """Read the Word file at ``path``, made from ``revision`` of ``document`` (default: the
    current revision), as amendments.

    Proponents: with ``authors`` (Word author -> delegation code), each tracked change
    belongs to its author's delegation and ``delegation`` takes the others (an author the
    map does not give, no author, untracked differences); without ``authors``, everything
    belongs to ``delegation``.
    ``submitted_by`` is the Word author ("" when none) and ``submitted_at`` the change's
    date (UTC), or the ``submitted_at`` given when the change has none. Ids are drawn from
    ``ids`` (only once the whole file is read), else ``<code>-docx-<n>``. The amendments
    ``proposed`` gives (the pending ones, by paragraph id; asked for only where a Word
    author reads as delegation codes) are not proposed again where the file tracks them
    by the delegations proposing them: a copy of the merged draft. ``shown`` gives the
    symbols the document's own Word sources show (`copy_symbols.source_symbols`), and
    ``boxes`` the texts of their text boxes (`copy_furniture.source_boxes`): a copy's
    other text boxes are named in warnings (all of them, without ``boxes``).
    ``source_comments`` gives the comments of those sources (Word author, text:
    `source_comments.source_comments`): the copy's comments that are theirs are never a
    change's reason, whatever their dates (without it, their dates tell).

    Raises ReaderError, returning nothing, for a file that cannot be opened, an unknown
    revision, authors that cannot be attributed (listing them and how to map them), an
    edited copy without ``delegation``, a new paragraph before every existing one, or an
    amendment that does not fit the revision's text.
    """
    path = Path(path)
    proposed = None if proposed is None else cache(proposed)  # asked for once at most
    target = _revision(document, revision, path)
    word = open_word(path)
    plain = cache(partial(runs.plain_reads, word.body))  # one pass, for both readings
    noted: list[ReadWarning] = []  # what the copy shows instead of the document's symbol
    try:
        try:
            own = None if proposed is None else made_by(proposed, target, {
                delegation, *(authors or {}).values()})
            identify(path, document, target, word, revision, shown, noted, own,
                     plain=plain)  # another document, another text, another revision
            reader = _Reader(path, document, target, word, authors, proposed, boxes, own,
                             plain=plain, sources=source_comments)
            drafts = reader.read(delegation)
        except OtherRevision as other:  # a copy of an earlier revision: read against it
            if revision is not None:
                raise
            target = _revision(document, other.label, path)
            reader = _Reader(path, document, target, word, authors, proposed, boxes,
                             plain=plain, sources=source_comments)
            drafts = reader.read(delegation, compare=False)
        amendments = tuple(finish(target, drafts, delegation, authors, submitted_at, ids,
                                  reader.warnings, proposed, document.symbol,
                                  set(reader.merged.values()), str(path), reader.marked))
        reader.said(amendments)
        if len(amendments) > MAX_AMENDMENTS_PER_FILE:  # a merged copy's own, set aside
            raise too_many_amendments(str(path))
        if target is not document.current and revision is None:  # found, not asked for
            moved = carried(amendments, document, target, str(path),
                            () if proposed is None else accepted_on(proposed, document, target))
            amendments, reader.warnings = moved.amendments, [moved.warning, *reader.warnings]
    except ReaderError as error:
        if not error.message.startswith(str(path)):
            error.message = f"{path}: {error.message}"
            error.args = (error.message,)
        raise
    return DocxSubmission(amendments, (*noted, *reader.warnings), reader.tracked,
                          reader.comments_unread, merged_copy(word, document))


def _revision(document: Document, label: str | None, path: Path) -> Revision:
    found = document.current if label is None else document.revision(label)
    if found is None:
        known = ", ".join(r.label for r in document.revisions) or "none"
        raise ReaderError(f"{path}: {document.symbol} has no revision "
                          f"'{label or 'current'}' (it has: {known})")
    return found


class _Reader(CopySpans, CopyGroups):
    def __init__(self, path: Path, document: Document, target: Revision, word: Parts,
                 authors: Mapping[str, str] | None = None,
                 proposed: Callable[[], Mapping[str, Sequence[Amendment]]] | None = None,
                 boxes: Callable[[], Collection[str]] | None = None,
                 own: Callable[[], Collection[str]] | None = None, *,
                 plain: Callable[[], Mapping[Any, runs.ParagraphRead]] | None = None,
                 sources: Callable[[], Collection[tuple[str, str]]] | None = None) -> None:
        self.path, self.document, self.target, self.word = path, document, target, word
        self.sources = sources
        self.authors, self.proposed, self.boxes = authors, proposed, boxes
        self.own, self.plain = own, plain
        self.name = str(path)
        self.warnings: list[ReadWarning] = []
        self.seen_comments: dict[str, tuple[str, str]] = {}  # id -> (where, text it is on)
        self._read_comments(word)
        self.survey = survey_with_footnotes(word)
        self.tracked = self.survey.revisions
        self.texts = {p.text for p in target}
        self.drafts: list[Draft] = []
        self.untracked: dict[str, tuple[int, ReadWarning]] = {}  # said if read (`said`)
        self.ahead: Paragraph | None = None  # what the last new paragraph stands before
        self.counted = self.coded = 0  # drafts weighed by `_too_many`, those by codes

    def read(self, delegation: str | None, compare: bool = True) -> list[Draft]:
        """The file's changes; without ``compare``, not held against the other revisions
        (it is read against the one it was found to be a copy of)."""
        self.delegation = delegation
        # tracked changes that are no amendments: text it differs by needs a delegation
        untextual = not self.tracked and (self.survey.boxed or self.survey.format_changes)
        if not self.tracked and not delegation and not untextual:
            raise ReaderError("the file has no tracked changes, so it is read as an edited "
                              "copy of the draft; say which delegation it comes from "
                              "(delegation=..., or --delegation CODE)")
        if self.survey.format_changes:
            self.warn(str(self.path), "the file has tracked formatting changes (bold, italics, "
                      "paragraph settings); formatting is not an amendment and was not read")
        chunks = as_paragraphs(self._chunks(), self.target, self.labels_read, self.warn,
                               self.where, self.document.symbol)  # a PDF's lines joined
        groups = self._groups(chunks)
        self._match(groups)
        rewritten(groups, self.warn, self.where)  # Word's Compare: deleted, inserted again
        self.unmatched = flat_notes(groups, self.unmatched, self.tracked, self.where,
                                    self.warn, self.name)  # footnotes pasted as text
        if compare:
            self._same_revision(groups)
        read_joins(groups, self.warn, self.where)  # two paragraphs joined: see there
        self._emit(groups)
        if not self.tracked:  # a join in an edited copy: a change and a deletion already
            untracked_joins(self.drafts, self.target, self.warn)
        if self.survey.boxed and not self.tracked and not self.drafts:
            raise ReaderError("the file's only tracked changes to text are in text boxes, "
                              "which are not part of the text (the import leaves them out "
                              "too), and its paragraphs are the draft's: nothing to submit; "
                              "put proposals in the paragraphs")
        self.marked = custom_text(self.word.custom, MERGED_DRAFT) == merged_draft_of(
            self.document.symbol, self.target.label)  # as `drafting merge` writes it
        self.merged = {} if self.proposed is None else merged_comments(  # the merged
            self.comments, self.proposed, {delegation, *(self.authors or {}).values()})
        self._unused_comments(set(self.merged))
        return self.drafts

    def said(self, amendments: Sequence[Amendment]) -> None:
        """The warnings that a paragraph of a tracked copy differs from the revision's
        outside tracked changes, in their place, for the paragraphs where such a
        difference was read as an amendment (none by a Word author); not where none was
        (a join, a pending proposal this copy accepted, set aside)."""
        read = {a.paragraph_id for a in amendments if not a.submitted_by}
        for pid, (index, warning) in sorted(self.untracked.items(),
                                            key=lambda item: -item[1][0]):
            if pid in read:
                self.warnings.insert(index, warning)

    # Matching file paragraphs to the revision's

    def _match(self, groups: list[Group]) -> None:
        paragraphs = [p for p in self.target if p.status is not ParagraphStatus.DELETED]
        self.unmatched = match_groups([g for g in groups if g.hosts], paragraphs, self.path,
                                      None if self.proposed is None else self._pending)
        if self.tracked:  # the draft's own paragraphs, tracked inserted still?
            self.unmatched = claim_inserted(groups, self.unmatched,
                                            {p.id: k for k, p in enumerate(self.target)})

    def _pending(self, paragraph: Paragraph) -> list[Amendment]:
        """The pending proposals to change words of ``paragraph`` (asked for only where a
        copy's paragraph is like none of the revision's: maybe the merged draft's, its
        proposals accepted)."""
        assert self.proposed is not None
        return [a for a in self.proposed().get(paragraph.id, ()) if not a.amends
                and a.revision == self.target.label]

    def _same_revision(self, groups: list[Group]) -> None:
        """`OtherRevision` when the file is a copy of another revision (`older_copy`); a
        warning on a paragraph that reads as an earlier revision had it, but where its
        tracked changes make it the revision's (`tracked_to`)."""
        held = older_copy(self.document, self.target, groups, self.own, self.new_notes)
        if held is not None and not tracked_to(held[1].pieces, held[1].match):
            other, group = held
            self.warn(self.where(group.hosts[0]), f"the paragraph reads as {other.label} had "
                      f"it, and nothing else {self.target.label} changed is in the file: if "
                      f"the file is a copy of {other.label}, undoing {self.target.label}'s "
                      "change is not the delegation's proposal")

    # Emitting drafts in file order

    def _emit(self, groups: list[Group]) -> None:
        previous: Paragraph | None = None
        order = {p.id: k for k, p in enumerate(self.target)}
        missing = list(self.unmatched)
        for group in groups:
            if group.match is not None:
                while missing and order[missing[0].id] < order[group.match.id]:
                    self._lost(missing.pop(0))
            for chunk in group.before:
                self._new(chunk, previous)
            if group.note is not None:  # a footnote: no new paragraph goes after it
                self._host(group, previous)
            elif group.hosts:
                self.ahead = None  # the new ones after it follow it
                previous = self._host(group, previous)
            for chunk in group.after:
                self._new(chunk, previous)
            if self._too_many():  # stop reading: refused anyway
                raise too_many_amendments(str(self.path))
        for paragraph in missing:
            self._lost(paragraph)
        if not self.tracked and (said := cut_off(self.target, self.unmatched, self.drafts)):
            self.warn(str(self.path), said)
        if self._too_many():
            raise too_many_amendments(str(self.path))

    def _too_many(self) -> bool:
        """Whether the changes read so far are more than one file may propose: those
        tracked by delegation codes (a copy of the merged draft: pending proposals, set
        aside once read) count against `MAX_TRACKED_PROPOSALS` instead."""
        if len(self.drafts) <= MAX_AMENDMENTS_PER_FILE:  # nearly always
            return False
        self.coded += sum(by_codes(d, None, None, own=True)  # the drafts not counted yet
                          for d in self.drafts[self.counted:])
        self.counted = len(self.drafts)
        return self.counted - self.coded > MAX_AMENDMENTS_PER_FILE or \
            self.coded > MAX_TRACKED_PROPOSALS

    def _lost(self, paragraph: Paragraph) -> None:
        where = f"{self.path} ({paragraph.label})"
        if self.tracked:
            self.warn(where, f"{paragraph.label} of {self.target.label} is not in the file and "
                      "its deletion is not tracked; it is read as a paragraph deletion")
        self.drafts.append(Draft(_K.DELETE_PARAGRAPH, paragraph, None, None, where,
                                  old_text=paragraph.text))

    def _new(self, chunk: Chunk, previous: Paragraph | None, untracked: bool = False) -> None:
        where = self.where(replace(chunk, label=in_section(chunk.label, previous)))
        if untracked:  # words struck in an insertion are in neither text
            chunk = replace(chunk, pieces=self._unstruck(where, chunk.pieces))
        text = runs.proposed_text(chunk.pieces).strip()
        if not text:
            return
        first = chunk.pieces[0]
        author = None if untracked else first.author
        typed = () if untracked else typed_by(chunk.pieces)
        if any(p.kind == runs.MOVE for p in chunk.pieces):  # where it went, not its label
            self.warn(where if previous is None else f"{self.name}, paragraph {chunk.number} "
                      f"(moved to stand after {previous.label})", MOVED)
        if chunk.heading:
            self.warn(where, f"the new heading {quoted(text)} is proposed as a new paragraph "
                      "after the one before it: accepted, a revision makes it a heading "
                      "where it numbers itself (\"B. ...\") in a text numbered straight "
                      "through, or, after an article's last paragraph, a new article "
                      "(\"Article 5 bis\", its title and its paragraphs, 5bis.1 ...), "
                      "or after the last of an article's option blocks, a new option "
                      "(\"Option 3\", its paragraphs 5 OPTION 3.1 ...); "
                      "elsewhere it stays a paragraph, and the secretariat decides where "
                      "it goes")
        read = self.labels_read.get(chunk.number)
        previous = clause_before(self.target, previous, read)  # a new 1.2 after 1.1.1: 1.1's
        self.ahead = ahead = stands_before(  # OP1's new "1." goes before it: OP0
            self.target, previous, read, self.ahead)
        self.drafts.append(Draft(_K.NEW_PARAGRAPH, ahead or previous, author, first.date,
                                  where, span=Span(0, 0) if ahead is not None else None,
                                  new_text=text, **self._reasons(chunk.pieces, where),
                                  typed=typed, struck=struck_stripped(chunk.pieces, text),
                                  form=typed_words(chunk.pieces)))

    def _host(self, group: Group, previous: Paragraph | None) -> Paragraph | None:
        chunk = group.hosts[0]
        if group.match is not None and unchanged(group, group.match.text):
            return group.match  # nearly always: nothing proposed here
        where = self.where(chunk)
        if group.match is None and group.note is not None:  # cited, yet none of the revision's
            self.warn(where, f"{chunk.label} is not in {self.target.label}, so its text "
                      f"({quoted(runs.proposed_text(group.pieces))}) was not read")
            return previous
        if group.match is None and not any(p.text.strip() for p in group.pieces):
            self._note_comments(where, group.pieces)  # a page break's paragraph: no text,
            return previous  # tracked or not, inserted or deleted: nothing to read
        if group.match is None:
            if group.all_deleted:
                self.warn(where, f"a deleted paragraph ({quoted(runs.original_text(group.pieces))})"
                          f" is not in {self.target.label}, so there is nothing to delete")
            else:
                if self.tracked:
                    self.warn(where, f"this paragraph is not in {self.target.label} and is not "
                              "tracked as inserted; it is read as a new paragraph")
                self._new(Chunk(chunk.number, chunk.label, group.pieces, chunk.mark,
                                chunk.heading), previous, untracked=True)
            return previous
        paragraph = group.match
        pieces, split_off = split_parts(group)
        pieces = as_numbered(trimmed(heading_renumbered(pieces, chunk.shown, paragraph.text)),
                             paragraph.text,  # Word's renumbering: no change
                             closing_deleted=_closed_deleted(group))
        if runs.original_text(pieces) != paragraph.text and self.tracked:
            pieces = self._in_the_draft(pieces, paragraph.text, where)
        missing = any(p.kind == UNTRACKED for p in pieces)  # an item gone, untracked
        if runs.original_text(pieces) != paragraph.text or missing:
            if self.tracked and not (chunk.alternatives and  # "[text]": ours, "Alt" tracked
                                     runs.original_text(pieces) == f"[{paragraph.text}]"):
                self.untracked[paragraph.id] = (len(self.warnings), ReadWarning(
                    where, f"the text differs from {paragraph.label} of {self.target.label} "
                    "outside tracked changes; the differences are read as amendments too"))
            try:
                pieces = reconcile(pieces, paragraph.text)
            except InputError as error:
                raise ReaderError(f"{where}: {error.message}") from error
        if pieces and all(p.state == DELETED or struck_by(p) for p in pieces):
            pieces = self._unstruck(where, pieces)  # in the paragraph's deletion
            first = next((p for p in pieces if p.kind != UNTRACKED), pieces[0])
            if any(p.kind == runs.MOVE for p in pieces):
                self.warn(where, MOVED)
            self.drafts.append(Draft(_K.DELETE_PARAGRAPH, paragraph, first.author, first.date,
                                      where, old_text=paragraph.text,
                                      **self._reasons(pieces, where)))
        else:
            self._spans(paragraph, pieces, where)
        for part in split_off:  # a tracked paragraph mark inserted: the rest is new
            self._new(part, paragraph)
        return paragraph


def _closed_deleted(group: Group) -> bool:
    """Whether the paragraph mark closing ``group`` is tracked as deleted."""
    return group.closing is not None and group.closing.state == DELETED

