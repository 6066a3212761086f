"""Read a delegation's Word file (tracked changes, or an edited copy) as amendments.

The file was made from one revision of the document in the house style: a "Title" and a
"Subtitle" paragraph (skipped), headings, and every other paragraph opening with its label
as a bold run and a tab. File paragraphs are matched to the revision's paragraphs by label
first, then, in order, by similarity of text (`difflib` ratio of at least 0.6), so files
without labels are read too.

With tracked changes, each Word paragraph's text with every change rejected must be the
revision's text; each stretch of changed text becomes one amendment (delete, insert or
replace), split where the Word author changes. Stretches that start or end inside a word
are widened to whole words, as negotiators quote whole words. A paragraph whose content is
all inserted is a new paragraph; one whose content is all deleted is a paragraph deletion.
Text that differs from the revision without being tracked is read as in an edited copy,
with a warning. An edited copy (no tracked changes) is diffed word by word against the
revision. Comments on changed text become the amendments' reasons.

Nothing is dropped silently: what is not read as an amendment (a comment on unchanged text,
a split or joined paragraph, text inserted and deleted again, a table) is a ReadWarning.
Text is read in Unicode NFC, as the draft was; a character that is not text
(`drafting.characters`) in a paragraph or a comment refuses the file, naming
the paragraph and the position.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from drafting import brackets, characters
from drafting.brackets import NOTE_MARKER
from drafting.engine.amend import apply
from drafting.errors import AmendmentError, BracketError, InputError, ReaderError
from drafting.model import Amendment, AmendmentKind, Document, Paragraph, Revision, Span
from drafting.model.document import ParagraphStatus
from drafting.ooxml import runs
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.package import open_docx
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.docx_changes import (
    UNTRACKED,
    anchor,
    hunks,
    most_similar,
    reconcile,
    shaped,
    strip_label,
)
from drafting.readers.docx_draft import heading_level
from drafting.readers.result import ReadWarning
from drafting.readers.structure import AutoNumber, Block, Role, RoleKind, read_structure

_K = AmendmentKind
_OUTSIDE = frozenset({RoleKind.FRONT, RoleKind.TITLE, RoleKind.CHAPEAU})
_MOVED = ("moved text is read as a deletion where it was and an insertion where it went; "
          "check that both are meant")


@dataclass(frozen=True, slots=True)
class DocxSubmission:
    """What a Word submission proposes: its amendments in file order, the warnings about
    what was not read as an amendment, and whether the file had tracked changes."""

    amendments: tuple[Amendment, ...]
    warnings: tuple[ReadWarning, ...]
    tracked: bool


def read_docx_submission(path: str | Path, document: Document, *, delegation: str | None = None,
                         authors: Mapping[str, str] | None = None, revision: str | None = None,
                         ids: Iterator[str] | None = None,
                         submitted_at: datetime | None = None) -> DocxSubmission:
    """Read the Word file at ``path``, made from ``revision`` of ``document`` (default: the
    current revision), as amendments.

    Proponents: with ``authors`` (Word author -> delegation code), each tracked change
    belongs to its author's delegation and ``delegation`` only takes changes with no author
    and untracked differences; without ``authors``, everything belongs to ``delegation``.
    ``submitted_by`` is the Word author ("" when none) and ``submitted_at`` the change's
    date (UTC), or the ``submitted_at`` given when the change has none. Ids are drawn from
    ``ids`` (only once the whole file is read), else ``<code>-docx-<n>``.

    Raises ReaderError, returning nothing, for a file that cannot be opened, an unknown
    revision, authors that cannot be attributed (listing them and how to map them), an
    edited copy without ``delegation``, a new paragraph before every existing one, or an
    amendment that does not fit the revision's text.
    """
    path = Path(path)
    target = _revision(document, revision, path)
    word = open_docx(path)
    try:
        reader = _Reader(path, document, target, word)
        drafts = reader.read(delegation)
        amendments = _finish(target, drafts, delegation, authors, submitted_at, ids,
                             reader.warnings)
    except ReaderError as error:
        if not error.message.startswith(str(path)):
            error.message = f"{path}: {error.message}"
            error.args = (error.message,)
        raise
    return DocxSubmission(tuple(amendments), tuple(reader.warnings), reader.tracked)


def _revision(document: Document, label: str | None, path: Path) -> Revision:
    found = document.current if label is None else document.revision(label)
    if found is None:
        known = ", ".join(r.label for r in document.revisions) or "none"
        raise ReaderError(f"{path}: {document.symbol} has no revision "
                          f"'{label or 'current'}' (it has: {known})")
    return found


@dataclass
class _Chunk:
    """One Word paragraph's content: its label (stripped) and its pieces."""

    number: int
    label: str | None
    pieces: list[RunPiece]
    mark: RunPiece

    @property
    def new(self) -> bool:
        return bool(self.pieces) and all(p.state == INSERTED for p in self.pieces)


@dataclass
class _Group:
    """One paragraph of the original text: the Word paragraphs up to one whose mark was
    there before the changes. ``hosts`` hold the original text; ``before``/``after`` are
    wholly inserted paragraphs around them."""

    hosts: list[_Chunk] = field(default_factory=list)
    before: list[_Chunk] = field(default_factory=list)
    after: list[_Chunk] = field(default_factory=list)
    match: Paragraph | None = None
    closing: RunPiece | None = None
    """The paragraph mark that ends the group (one that was there before the changes)."""

    @property
    def pieces(self) -> list[RunPiece]:
        return [piece for chunk in self.hosts for piece in chunk.pieces]

    @property
    def all_deleted(self) -> bool:
        return bool(self.pieces) and all(p.state == DELETED for p in self.pieces)


@dataclass(frozen=True, slots=True)
class _Draft:
    """An amendment before its proponent and id are known."""

    kind: AmendmentKind
    paragraph: Paragraph
    author: str | None
    date: datetime | None
    where: str
    span: Span | None = None
    anchor: Span | None = None
    old_text: str = ""
    new_text: str = ""
    reason: str = ""


class _Reader:
    def __init__(self, path: Path, document: Document, target: Revision, word: Any) -> None:
        self.path, self.document, self.target, self.word = path, document, target, word
        self.warnings: list[ReadWarning] = []
        self.comments = runs.read_comments(word)
        for key, comment in self.comments.items():
            _check_characters(f"{path}, the comment by {_who(comment.author)}", comment.text)
            self.comments[key] = replace(comment, text=characters.normalised(comment.text))
        self.used_comments: set[str] = set()
        self.seen_comments: dict[str, tuple[str, str]] = {}  # id -> (where, text it is on)
        self.tracked = runs.has_revisions(word.element.body)
        self.texts = {p.text for p in target}
        self.drafts: list[_Draft] = []

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(ReadWarning(where, message))

    def where(self, chunk: _Chunk) -> str:
        label = f" ({chunk.label})" if chunk.label else ""
        return f"{self.path}, paragraph {chunk.number}{label}"

    def read(self, delegation: str | None) -> list[_Draft]:
        if not self.tracked and not delegation:
            raise ReaderError("the file has no tracked changes, so it is read as an edited "
                              "copy of the draft; say which delegation it comes from "
                              "(delegation=..., or --delegation CODE)")
        if runs.has_format_changes(self.word.element.body):
            self.warn(str(self.path), "the file has tracked formatting changes (bold, italics, "
                      "paragraph settings); formatting is not an amendment and was not read")
        groups = self._groups(self._chunks())
        self._match(groups)
        self._emit(groups)
        self._unused_comments()
        return self.drafts

    # Layout: Word paragraphs -> chunks -> groups

    def _chunks(self) -> list[_Chunk]:
        blocks = list(runs.body_blocks(self.word.element.body))
        paragraphs = [b for b in blocks if not runs.is_table(b)]
        for table in (b for b in blocks if runs.is_table(b)):
            cells = runs.read_paragraphs(runs.table_paragraphs(table))
            text = " ".join(r.proposed for r in cells)
            lines = [line for r in cells for line in r.original.split("\n") if line.strip()]
            known = [self._front_text(line) for line in lines]
            if any(known):  # the front matter's own table (a symbol block)
                if not all(known) or any(r.original != r.proposed for r in cells):
                    self.warn(str(self.path), f"the front matter was changed ({_quote(text)}); "
                              "only paragraphs take amendments, so this change was not read")
                continue
            if text.strip():
                self.warn(str(self.path), f"a table ({_quote(text)}) is not part of the house "
                          "style and was not read; put proposals in the paragraphs")
        footnotes = Footnotes(self.word)
        body = runs.read_paragraphs(paragraphs, footnotes)
        entries: list[tuple[Any, runs.ParagraphRead, int | None]] = []
        for p, read in zip(paragraphs, body, strict=True):
            entries.append((p, read, None))
            for number in _cited(read):  # a footnote follows the paragraph citing it
                entries.append((None, _footnote(footnotes, number), number))
        roles = self._roles(entries)
        chunks: list[_Chunk] = []
        host: _Chunk | None = None  # the last chunk that is not a footnote
        for number, ((_, read, note), role) in enumerate(zip(entries, roles, strict=True), 1):
            if role is None or role.kind in _OUTSIDE:
                self._skip(number, str(role.kind) if role else "subtitle", read)
            elif note is not None:
                chunks.append(self._chunk(number, read, label=False))
                chunks[-1].label = f"FN{note}"
            elif role.kind is RoleKind.LINE and host is not None and role.prefix:
                self._join(host, self._chunk(number, read, label=False), role.prefix)
            else:
                chunks.append(host := self._chunk(number, read,
                                                  label=role.kind is not RoleKind.LINE))
        return chunks

    def _roles(self, entries: list[tuple[Any, runs.ParagraphRead, int | None]],
               ) -> list[Role | None]:
        """What each Word paragraph is, by the import's own rules (front matter, title,
        chapeau, paragraph, sub-paragraph line, footnote), read from its text as it was
        before the changes (or after them, for a paragraph that is all new). None for a
        subtitle."""
        names = {s.style_id: (s.name or "").casefold() for s in self.word.styles}
        counter = NumberingCounter(self.word)
        blocks, subtitles = [], set()
        reads = [read for _, read, _ in entries]
        for index, (p, read, note) in enumerate(entries):
            text = _clean(read.original if read.original.strip() else read.proposed)
            where = f"{self.path}, paragraph {index + 1}"
            if note is not None:
                blocks.append(Block(f"[^{note}]: {text}", where))
                continue
            style = names.get(runs.style_id(p) or "", "")
            number = counter.number(p)
            if style == "subtitle":
                subtitles.add(index)
                text = ""
            auto = None if number is None else AutoNumber(
                number.text, number.level, number.value, number.format.startswith("decimal"))
            blocks.append(Block(text, where, title_style=style == "title",
                                heading=heading_level(style), number=auto))
        try:
            roles: list[Role | None] = list(read_structure(blocks, name=str(self.path)).roles)
        except ReaderError:  # e.g. a label typed twice: read paragraph by paragraph
            roles = [Role(RoleKind.PARAGRAPH)] * len(blocks)
        for index in subtitles:
            roles[index] = None
        for index, role in enumerate(roles):  # where the copy's layout misleads, the text
            text = _clean(reads[index].original)  # of the draft decides
            if role is None:
                continue
            if role.kind in _OUTSIDE and (text in self.texts or not text):  # new: proposed
                roles[index] = Role(RoleKind.PARAGRAPH)
            elif role.kind is RoleKind.PARAGRAPH and text not in self.texts and \
                    self._front_text(text):
                roles[index] = Role(RoleKind.FRONT)
        return roles

    def _front_text(self, text: str) -> bool:
        """Whether ``text`` is (part of) the revision's front matter, title or chapeau."""
        text = " ".join(text.split())
        known = {" ".join(line.split()) for line in self.target.front_matter}
        known |= {self.target.chapeau.strip(), self.document.title.strip()} - {""}
        return text in known or any(text and text in line for line in known)

    def _join(self, chunk: _Chunk, line: _Chunk, prefix: str) -> None:
        """Add a sub-paragraph's Word paragraph to the paragraph it belongs to, as the
        import does: a line break (inserted if the line is new) and its number."""
        first = line.pieces[0] if line.pieces else None
        if line.new and first is not None:
            joint = RunPiece(prefix, INSERTED, first.author, first.date, first.change_id,
                             kind=first.kind)
        else:
            joint = RunPiece(prefix)
        chunk.pieces = [*_trimmed(chunk.pieces), joint, *_trimmed(line.pieces)]
        chunk.mark = line.mark
    def _skip(self, number: int, style: str, read: runs.ParagraphRead) -> None:
        where = f"{self.path}, paragraph {number}"
        if read.original != read.proposed:
            self.warn(where, f"the {style} was changed ({_quote(read.original)} -> "
                      f"{_quote(read.proposed)}); only paragraphs take amendments, so this "
                      "change was not read")
        named = read.proposed.rsplit("\u2014", 1)[-1].strip()
        other = self.document.revision(named) if "\u2014" in read.proposed else None
        if other is not None and other.label != self.target.label:
            self.warn(where, f"the file says it was made from {other.label}, but it is read "
                      f"against {self.target.label}")
        self._note_comments(where, read.pieces)

    def _chunk(self, number: int, read: runs.ParagraphRead, *, label: bool = True) -> _Chunk:
        chunk = _Chunk(number, None, [], read.mark)
        where = f"{self.path}, paragraph {number}"
        pieces = []
        for piece in read.pieces:
            text, replaced = characters.from_word(piece.text)
            if replaced:
                self.warn(where, replaced)
            _check_characters(where, text)
            pieces.append(replace(piece, text=characters.normalised(text)))
        read = runs.ParagraphRead(tuple(pieces), read.mark)
        kept = [p for p in read.pieces if not p.cancelled]
        if label:
            chunk.label, chunk.pieces, changed = strip_label(kept)
        else:
            chunk.pieces, changed = kept, False

        where = self.where(chunk)
        if changed:
            self.warn(where, "the paragraph's label was changed; labels are set by the "
                      "secretariat, so the change was not read")
        for piece in read.pieces:
            if piece.inside is not None:
                self.warn(where, f"{_quote(piece.text)} was inserted by "
                          f"{_who(piece.inside.author)} and deleted again by "
                          f"{_who(piece.author)}: it is in neither text, so it is no amendment")
                self._note_comments(where, [piece])
        return chunk

    def _groups(self, chunks: list[_Chunk]) -> list[_Group]:
        groups, current = [], _Group()
        pending: list[_Chunk] = []
        for chunk in chunks:
            if chunk.new:
                (current.after if current.hosts else pending).append(chunk)
            elif chunk.pieces:
                if current.after:  # text between two host parts: keep it in file order
                    current.hosts.extend(current.after)
                    current.after = []
                current.hosts.append(chunk)
            if chunk.mark.in_original:
                current.before, current.closing, pending = pending, chunk.mark, []
                groups.append(current)
                current = _Group()
        current.before = pending
        groups.append(current)
        self._mark_warnings(groups)
        return [g for g in groups if g.hosts or g.before or g.after]

    def _mark_warnings(self, groups: list[_Group]) -> None:
        for group, following in zip(groups, [*groups[1:], None], strict=True):
            mark = group.closing
            if (group.hosts and mark is not None and mark.state == DELETED
                    and not group.all_deleted and following is not None and following.hosts
                    and not following.all_deleted):
                self.warn(self.where(group.hosts[-1]), "this paragraph was joined with the "
                          "next one (a deleted paragraph mark); joining is not an amendment, "
                          "so they were read apart")

    # Matching file paragraphs to the revision's

    def _match(self, groups: list[_Group]) -> None:
        paragraphs = [p for p in self.target if p.status is not ParagraphStatus.DELETED]
        hosts = [g for g in groups if g.hosts]
        found: list[int | None] = [None] * len(hosts)
        by_label = {_key(p.label): k for k, p in enumerate(paragraphs)}
        last = -1
        for i, group in enumerate(hosts):
            label = group.hosts[0].label
            j = by_label.get(_key(label)) if label else None
            if j is not None and j > last:
                found[i], last = j, j
        last = -1
        for i, group in enumerate(hosts):
            if found[i] is None:
                limit = min((j for j in found[i + 1:] if j is not None), default=len(paragraphs))
                found[i] = most_similar(runs.original_text(group.pieces), paragraphs,
                                         range(last + 1, limit))
            last = found[i] if found[i] is not None else last
        for group, j in zip(hosts, found, strict=True):
            group.match = None if j is None else paragraphs[j]
        taken = set(found)
        self.unmatched = [p for k, p in enumerate(paragraphs) if k not in taken]

    # Emitting drafts in file order

    def _emit(self, groups: list[_Group]) -> None:
        previous: Paragraph | None = None
        order = {p.id: k for k, p in enumerate(self.target)}
        missing = list(self.unmatched)
        for group in groups:
            if group.match is not None:
                while missing and order[missing[0].id] < order[group.match.id]:
                    self._lost(missing.pop(0))
            for chunk in group.before:
                self._new(chunk, previous)
            if group.hosts:
                previous = self._host(group, previous)
            for chunk in group.after:
                self._new(chunk, previous)
        for paragraph in missing:
            self._lost(paragraph)

    def _lost(self, paragraph: Paragraph) -> None:
        where = f"{self.path} ({paragraph.label})"
        if self.tracked:
            self.warn(where, f"{paragraph.label} of {self.target.label} is not in the file and "
                      "its deletion is not tracked; it is read as a paragraph deletion")
        self.drafts.append(_Draft(_K.DELETE_PARAGRAPH, paragraph, None, None, where,
                                  old_text=paragraph.text))

    def _new(self, chunk: _Chunk, previous: Paragraph | None, untracked: bool = False) -> None:
        text = runs.proposed_text(chunk.pieces).strip()
        if not text:
            return
        where = self.where(chunk)
        if previous is None:
            raise ReaderError(f"paragraph {chunk.number} ({_quote(text)}) is new and comes "
                              f"before every paragraph of {self.target.label}; a new paragraph "
                              "can only follow an existing one: move it after one")
        first = chunk.pieces[0]
        author = None if untracked else first.author
        if any(p.author != first.author for p in chunk.pieces):
            self.warn(where, f"the new paragraph was typed by several authors; it is read as "
                      f"{_who(first.author)}'s")
        if any(p.kind == runs.MOVE for p in chunk.pieces):
            self.warn(where, _MOVED)
        self.drafts.append(_Draft(_K.NEW_PARAGRAPH, previous, author, first.date, where,
                                  new_text=text, reason=self._reason(chunk.pieces)))

    def _host(self, group: _Group, previous: Paragraph | None) -> Paragraph | None:
        chunk = group.hosts[0]
        where = self.where(chunk)
        if group.match is None:
            if group.all_deleted:
                self.warn(where, f"a deleted paragraph ({_quote(runs.original_text(group.pieces))})"
                          f" is not in {self.target.label}, so there is nothing to delete")
            else:
                if self.tracked:
                    self.warn(where, f"this paragraph is not in {self.target.label} and is not "
                              "tracked as inserted; it is read as a new paragraph")
                self._new(_Chunk(chunk.number, chunk.label, group.pieces, chunk.mark), previous,
                          untracked=True)
            return previous
        paragraph = group.match
        pieces, split_off = _split(group)
        pieces = _trimmed(pieces)
        if runs.original_text(pieces) != paragraph.text:
            if self.tracked:
                self.warn(where, f"the text differs from {paragraph.label} of "
                          f"{self.target.label} outside tracked changes; the differences are "
                          "read as amendments too")
            try:
                pieces = reconcile(pieces, paragraph.text)
            except InputError as error:
                raise ReaderError(f"{where}: {error.message}") from error
        if pieces and all(p.state == DELETED for p in pieces):
            first = next((p for p in pieces if p.kind != UNTRACKED), pieces[0])
            if any(p.kind == runs.MOVE for p in pieces):
                self.warn(where, _MOVED)
            self.drafts.append(_Draft(_K.DELETE_PARAGRAPH, paragraph, first.author, first.date,
                                      where, old_text=paragraph.text,
                                      reason=self._reason(pieces)))
        else:
            self._spans(paragraph, pieces, where)
        for part in split_off:  # a tracked paragraph mark inserted: the rest is new
            self._new(part, paragraph)
        return paragraph

    def _spans(self, paragraph: Paragraph, pieces: list[RunPiece], where: str) -> None:
        text = paragraph.text
        self._note_comments(where, [p for p in pieces if p.state == NORMAL])
        for hunk in shaped(hunks(pieces), text):
            old = text[hunk.start:hunk.end]
            if old == hunk.new:
                continue
            first = hunk.pieces[0]
            if any(p.kind == runs.MOVE for p in hunk.pieces):
                self.warn(where, _MOVED)
            fields: dict[str, Any] = {"span": Span(hunk.start, hunk.end), "old_text": old,
                                      "new_text": hunk.new}
            if not old:
                around = anchor(text, hunk.start)
                fields.update(kind=_K.INSERT, anchor=around,
                              old_text=text[around.start:around.end])
            else:
                fields["kind"] = _K.REPLACE if hunk.new else _K.DELETE
            date = next((p.date for p in hunk.pieces if p.date is not None), None)
            self.drafts.append(_Draft(paragraph=paragraph, author=first.author, date=date,
                                      where=where, reason=self._reason(hunk.pieces), **fields))

    # Comments

    def _reason(self, pieces: list[RunPiece]) -> str:
        ids = list(dict.fromkeys(c for p in pieces for c in p.comment_ids))
        self.used_comments.update(ids)
        return "; ".join(self.comments[c].text for c in ids if c in self.comments
                         and self.comments[c].text)

    def _note_comments(self, where: str, pieces: list[RunPiece]) -> None:
        for piece in pieces:
            for comment_id in piece.comment_ids:
                self.seen_comments.setdefault(comment_id, (where, piece.text))

    def _unused_comments(self) -> None:
        for comment_id, comment in self.comments.items():
            if comment_id in self.used_comments:
                continue
            where, on = self.seen_comments.get(comment_id, (str(self.path), ""))
            place = f" on {_quote(on)}" if on else ""
            self.warn(where, f"a comment by {_who(comment.author)}{place} is not on a change "
                      f"that became an amendment, so it was not read: {_quote(comment.text, 200)}")


def _finish(target: Revision, drafts: list[_Draft], delegation: str | None,
            authors: Mapping[str, str] | None, submitted_at: datetime | None,
            ids: Iterator[str] | None, warnings: list[ReadWarning]) -> list[Amendment]:
    """Attribute every draft and check it against the text; then give each an id."""
    codes = [delegation if d.author is None or authors is None else authors.get(d.author)
             for d in drafts]
    unknown = sorted({d.author for d, c in zip(drafts, codes, strict=True)
                      if c is None and d.author})
    if unknown:
        names = ", ".join(f"'{a}'" for a in unknown)
        example = ", ".join(f"'{a}': 'CODE'" for a in unknown[:2])
        raise ReaderError(f"no delegation is known for the Word author(s) {names}; map each "
                          f"author to a delegation code (authors={{{example}}}), or give one "
                          "delegation for the whole file")
    if any(c is None for c in codes):
        where = next(d.where for d, c in zip(drafts, codes, strict=True) if c is None)
        raise ReaderError(f"{where}: a change has no Word author (or is not tracked); give the "
                          "delegation it belongs to (delegation=..., or --delegation CODE)")
    amendments = []
    for draft, code in zip(drafts, codes, strict=True):
        _check_characters(f"{draft.where}, the Word author's name", draft.author or "")
        amendment = Amendment(
            id="", kind=draft.kind, paragraph_id=draft.paragraph.id, revision=target.label,
            proponents=(str(code),),
            span=draft.span, anchor=draft.anchor, old_text=draft.old_text,
            new_text=draft.new_text, reason=draft.reason, submitted_by=draft.author or "",
            submitted_at=draft.date or submitted_at)
        _check(draft, amendment, warnings)
        amendments.append(amendment)
    return [replace(a, id=next(ids) if ids is not None else f"{a.proponents[0]}-docx-{n}")
            for n, a in enumerate(amendments, 1)]


def _check(draft: _Draft, amendment: Amendment, warnings: list[ReadWarning]) -> None:
    """ReaderError if the amendment does not fit its paragraph; a warning if it leaves
    the paragraph's brackets unbalanced."""
    if draft.span is None:
        return
    try:
        result = apply(draft.paragraph.text, amendment)
    except AmendmentError as error:
        raise ReaderError(f"{draft.where}: the change cannot be placed on "
                          f"{draft.paragraph.label}: {error.message}") from error
    if _balanced(draft.paragraph.text) and not _balanced(result):
        warnings.append(ReadWarning(draft.where, f"the {amendment.kind} of "
                                    f"{_quote(amendment.old_text or amendment.new_text)} "
                                    "leaves the paragraph's square brackets unbalanced"))


def _cited(read: runs.ParagraphRead) -> list[int]:
    """The footnotes a paragraph cites, by number, in order (new ones included)."""
    found = NOTE_MARKER.findall("".join(piece.text for piece in read.pieces))
    return list(dict.fromkeys(int(number) for number in found))


def _footnote(footnotes: Footnotes, number: int) -> runs.ParagraphRead:
    """Footnote ``number``'s paragraphs read as one, joined by line breaks."""
    reads = runs.read_paragraphs(footnotes.paragraphs(number))
    pieces: list[RunPiece] = []
    for read in reads:
        pieces += [RunPiece("\n")] * bool(pieces) + list(read.pieces)
    return runs.ParagraphRead(tuple(pieces), reads[-1].mark if reads else RunPiece(""))


def _split(group: _Group) -> tuple[list[RunPiece], list[_Chunk]]:
    """A paragraph split by inserted paragraph marks: its own pieces (the text moved out
    deleted by whoever inserted the mark) and each part after a mark as a new paragraph."""
    first, *rest = group.hosts
    pieces, parts = list(first.pieces), []
    mark = first.mark
    for chunk in rest:
        pieces += [p if p.state == DELETED else replace(
            p, state=DELETED, author=mark.author, date=mark.date, change_id=mark.change_id,
            kind=mark.kind or runs.CHANGE) for p in chunk.pieces if p.in_original]
        parts.append(_Chunk(chunk.number, chunk.label, [p if p.state == INSERTED else replace(
            p, state=INSERTED, author=mark.author, date=mark.date, change_id=mark.change_id,
            kind=mark.kind or runs.CHANGE) for p in chunk.pieces if p.in_proposed], chunk.mark))
        mark = chunk.mark
    return pieces, parts


def _trimmed(pieces: list[RunPiece]) -> list[RunPiece]:
    """``pieces`` without whitespace at either end, as the import trims each paragraph."""
    pieces = list(pieces)
    while pieces and not pieces[0].text.lstrip():
        pieces.pop(0)
    if pieces:
        pieces[0] = replace(pieces[0], text=pieces[0].text.lstrip())
    while pieces and not pieces[-1].text.rstrip():
        pieces.pop()
    if pieces:
        pieces[-1] = replace(pieces[-1], text=pieces[-1].text.rstrip())
    return pieces


def _clean(text: str) -> str:
    """Each line trimmed, empty ones dropped: a paragraph's text as the import keeps it."""
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _check_characters(where: str, text: str) -> None:
    if found := characters.problem(text):
        offset, sentence = found
        raise ReaderError(f"{where}, {sentence}", details=characters.caret(text, offset))


def _balanced(text: str) -> bool:
    try:
        brackets.parse(text)
    except BracketError:
        return False
    return True


def _key(label: str) -> str:
    return "".join(label.split()).casefold()


def _who(author: str | None) -> str:
    return author or "an unnamed author"


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"'{text if len(text) <= limit else text[:limit - 3] + '...'}'"
