"""A delegation's Word copy as the import reads a draft: its Word paragraphs (and its
footnotes, after the paragraph citing them) given the roles `drafting.readers.structure`
gives them, so that front matter, the title, the chapeau, typed numbers, sub-paragraph
lines and whitespace at either end are never amendments; a table whose rows are
paragraphs (`drafting.readers.paragraph_tables`) is read as the import reads it, each
row's number cell before its text cell. What comes out are chunks:
one per paragraph of the draft, its runs' pieces in order, its label taken off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from functools import cache, cached_property, lru_cache, partial
from pathlib import Path
from typing import Any

from docx.oxml.ns import qn

from drafting.limits import MAX_PARAGRAPHS, too_many_paragraphs
from drafting.model import Document, Revision
from drafting.ooxml import runs
from drafting.ooxml.body import as_before, style_ids
from drafting.ooxml.character_form import CharacterForms
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.parts import Parts, word_parts
from drafting.ooxml.run_styles import run_styles
from drafting.ooxml.runs import DELETED, RunPiece
from drafting.readers.blocks import AutoNumber, Role, RoleKind
from drafting.readers.copy_chunks import Chunk, ChunkReader
from drafting.readers.copy_furniture import box_warnings, margin_warnings
from drafting.readers.copy_hidden import hidden_warnings, unseen_warnings
from drafting.readers.copy_lengths import check_length
from drafting.readers.copy_links import LINK_TAGS, link_warnings
from drafting.readers.copy_notes import (
    cited,
    footnote,
    inserted_said,
    own_numbers,
    unread_said,
)
from drafting.readers.copy_objects import object_warnings
from drafting.readers.copy_roles import Row, layout_roles
from drafting.readers.copy_tables import aside_warnings, table_warnings
from drafting.readers.copy_text import quoted
from drafting.readers.docx_draft import clean_lines, heading_level
from drafting.readers.lines import DECIMAL
from drafting.readers.paragraph_tables import labelled_rows, laid_out
from drafting.readers.result import ReadWarning
from drafting.readers.typed_items import word_number

_OUTSIDE = frozenset({RoleKind.FRONT, RoleKind.TITLE, RoleKind.CHAPEAU})
_UNTYPED = frozenset({RoleKind.LINE, RoleKind.HEADING})
"""What keeps a number it types as its text: a line, a heading ("1<tab>GENERAL")."""
_STYLE, _NAME, _STYLE_ID, _VAL = qn("w:style"), qn("w:name"), qn("w:styleId"), qn("w:val")
_TRACKED = tuple(qn(f"w:{tag}") for tag in ("ins", "del", "moveFrom", "moveTo"))


class CopyLayout(ChunkReader):
    """Reading a delegation's copy, Word paragraph by Word paragraph, into chunks by the
    import's own rules; `_Reader` goes on from the chunks. Its state (``path``,
    ``document``, ``target``, ``word``, ``texts``, ``warnings``, ``seen_comments``,
    ``survey``) is set by the reader."""

    path: Path
    name: str
    """``path`` as text, for messages."""
    document: Document
    target: Revision
    word: Parts
    texts: set[str]
    warnings: list[ReadWarning]
    seen_comments: dict[str, tuple[str, str]]
    survey: runs.Survey
    boxes: Callable[[], Collection[str]] | None = None
    """The texts of the text boxes of the document's own Word sources (none where None)."""
    plain: Callable[[], Mapping[Any, runs.ParagraphRead]] | None = None
    """`runs.plain_reads` of the body, worked out once for every reading of it."""
    new_notes: tuple[str, ...] = ()
    """The words of the footnotes the copy holds and the revision has not (maybe an
    earlier revision's: `drafting.readers.copy_revision.older_copy`)."""

    def _place(self, number: int) -> str:
        """Where the copy's Word paragraph ``number`` is, with the label the import's rules
        read it as (once `_roles` has read them)."""
        label = self.labels_read.get(number)
        return f"{self.name}, paragraph {number}{f' ({label})' if label else ''}"

    def _chunks(self) -> list[Chunk]:
        count = self.survey.paragraphs
        if count > MAX_PARAGRAPHS:
            raise too_many_paragraphs(str(self.path), count)
        blocks = list(runs.body_blocks(self.word.body))
        paragraphs, labels, tables = laid_out(blocks)
        self.warnings += table_warnings(str(self.path), tables, self._front_text,
                                        tracked=bool(self.survey.revisions))
        self.warnings += aside_warnings(str(self.path), blocks)  # a proposals column
        if (unread := unread_said(str(self.path), self.word, self.target)) is not None:
            self.warnings.append(unread)
        footnotes = Footnotes(self.word)
        struck = not self.survey.revisions  # changes marked by hand: struck words deleted
        styles = run_styles(self.word.styles)  # None unless a style hides or strikes words
        forms = CharacterForms(self.word.styles)  # words typed in "Emphasis": italics
        body = runs.read_paragraphs(paragraphs, footnotes, struck=struck, styles=styles,
                                    plain=None if self.plain is None else self.plain(),
                                    forms=forms)
        body = labelled_rows(body, labels, footnotes, struck=struck, styles=styles,
                             forms=forms)
        if struck and any(p.kind == runs.STRUCK for read in body for p in read.pieces):
            self.warn(str(self.path), "the file marks its changes by hand, without Track "
                      "Changes: the words struck through in it are read as deleted")
        if any(next(note.iter(*_TRACKED), None) is not None
               for note in footnotes.own_marks.values()):
            self.warn(str(self.path), "a custom-mark footnote (one with a mark of its own, "
                      "such as \"*\") was changed; only numbered footnotes take amendments, "
                      "so this change was not read")
        note = cache(partial(footnote, footnotes, styles=styles, forms=forms))  # read once
        body, numbers, new = own_numbers(body, note, self.target.paragraphs)
        added = [(index, note(number).proposed) for number, index in new.items()]
        self.new_notes = tuple(text.strip() for _, text in added)
        copied = {ours: theirs for theirs, ours in numbers.items()}  # ours: the revision's
        entries: list[tuple[Any, runs.ParagraphRead, int | None]] = []
        places: list[int] = []  # each Word paragraph's number among the entries
        for p, read in zip(paragraphs, body, strict=True):
            entries.append((p, read, None))
            places.append(len(entries))
            # a footnote follows the paragraph citing it (none cites one: none numbered)
            for number in cited(read) if copied else ():
                entries.append((None, note(copied[number]), number))
        self._embedded(entries)
        self.warnings += margin_warnings(self.path)
        paragraphs = [p for p, _, _ in entries]
        self.warnings += hidden_warnings(self.name, self.word.body, paragraphs, self.texts,
                                         styles)
        self.warnings += unseen_warnings(self.name, self.word.body, paragraphs, self.texts)
        self.warnings += object_warnings(self.name, self.word.body, paragraphs)
        if next(self.word.body.iter(*LINK_TAGS), None) is not None:  # nearly never
            self.warnings += link_warnings(self.name, paragraphs, self._known)
        for number, (_, read, note) in enumerate(entries, 1):
            check_length(self.name, number, read, note)
        roles = self._roles(entries)
        if self.survey.boxes:  # rarely: said where changed or new (`copy_furniture`)
            self.warnings += box_warnings(self._place, paragraphs,
                                          None if self.boxes is None else self.boxes())
        for index, text in added:  # placed once the paragraphs' labels are read
            self.warn(self._place(places[index]), inserted_said(text, self.target.paragraphs))
        chunks: list[Chunk] = []
        host: Chunk | None = None  # the last chunk that is not a footnote
        opened: dict[int, Chunk] = {}  # the chunk of each paragraph the structure reads
        for number, ((_, read, note), role) in enumerate(zip(entries, roles, strict=True), 1):
            if role is None or role.kind in _OUTSIDE:
                self._skip(number, str(role.kind) if role else "subtitle", read)
            elif note is not None:
                chunks.append(self._chunk(number, read, label=False))
                chunks[-1].label, chunks[-1].note = f"FN{note}", note
            elif role.option and role.kind is RoleKind.LINE and host is not None:
                named = opened.get(role.paragraph, host)  # "2 alt." after "2 bis.": OP2's
                self._alternative(named, self._chunk(number, read))  # "Option 2: ..."
            elif role.kind is RoleKind.LINE and host is not None and role.prefix:
                self._join(host, self._chunk(number, read, label=False), role.prefix)
            elif role.kind is RoleKind.EMPTY and \
                    _emptied_item(role, read, host, roles[number:number + 1]):
                self._note_comments(f"{self.name}, paragraph {number}", list(read.pieces))
            elif role.option:  # "3. Option 1: ...": the first alternative opens it
                chunks.append(host := self._chunk(number, read))
                self._alternative(host, None)
            else:
                typed = role.kind not in _UNTYPED and not (  # "1.2" in an annex: text
                    role.skip == 0 and DECIMAL.match((read.original or read.proposed).lstrip()))
                chunks.append(host := self._chunk(number, read, label=typed,
                                                  bracketed=role.skip > 0,
                                                  inside=role.skip_at > 0))
                host.heading = role.kind is RoleKind.HEADING
                if role.kind is not RoleKind.LINE and role.prefix:  # its automatic number
                    host.pieces.insert(0, RunPiece(role.prefix))
                    host.shown = role.prefix if host.heading else ""
            if chunks and chunks[-1] is host and role is not None and \
                    role.kind is not RoleKind.LINE and role.paragraph is not None:
                opened[role.paragraph] = host
        return chunks

    def _embedded(self, entries: list[tuple[Any, runs.ParagraphRead, int | None]]) -> None:
        """A warning for each embedded document or object (OLE), never read as text."""
        if not self.survey.embedded:  # nearly always: nothing to place
            return
        placed: Counter[str] = Counter()
        places = [(f"{self.name}, paragraph {number}", p)
                  for number, (p, _, _) in enumerate(entries, 1) if p is not None]
        for where, element in [*places, (str(self.path), self.word.body)]:
            found = runs.embedded(element) - placed
            placed += found
            for what, count in found.items():
                many = f"{count} {what.replace(' (', 's (', 1)}" if count > 1 else f"an {what}"
                self.warn(where, f"{many} not read: only the text of paragraphs takes "
                          "amendments; put a proposal in the text itself")

    def _roles(self, entries: list[tuple[Any, runs.ParagraphRead, int | None]],
               ) -> list[Role | None]:
        """What each Word paragraph is, by the import's own rules (front matter, title,
        chapeau, paragraph, sub-paragraph line, footnote), read from its text as it was
        before the changes (or after them, for a paragraph that is all new). None for a
        subtitle."""
        names = style_names(self.word)
        counter = NumberingCounter(self.word)
        numbered = counter.numbers_any(self.word.body)  # else each number is None
        styled = style_ids(self.word.body)  # each paragraph's style, in one pass
        rows: list[Row] = []  # each Word paragraph's block (`layout_roles`)
        subtitles: set[int] = set()
        originals = [clean_lines(read.original) for _, read, _ in entries]
        for index, (p, read, note) in enumerate(entries):
            text = originals[index] or clean_lines(read.proposed)
            if note is not None:
                rows.append((f"[^{note}]: {text}", False, 0, None, False, 0))
                continue
            if self.survey.format_changes:  # its style and numbering as they were too
                p = as_before(p)
                style = names.get(runs.style_id(p) or "", "")
            else:
                style = names.get(styled.get(p) or "", "")
            # a paragraph the copy inserts takes the number Word shows it; the others
            # keep theirs from before it (its list's next items are not renumbered)
            number = word_number(counter, p, text, count=bool(originals[index]) or not text,
                                 held=self._lines) if numbered else None
            if style == "subtitle":
                subtitles.add(index)
                text = ""
            rows.append((text, style == "title", heading_level(style),
                         AutoNumber.shown(number), False, 0))
        found, labels = layout_roles(tuple(rows), self.name)
        roles: list[Role | None] = list(found)
        self.labels_read = labels
        for index in subtitles:
            roles[index] = None
        for index, role in enumerate(roles):  # where the copy's layout misleads, the text
            text = originals[index]  # of the draft decides
            if role is None:
                continue
            if role.kind in _OUTSIDE and (not text or (text in self.texts and  # new: proposed
                                          not self._front_text(text))):  # (a title twice)
                roles[index] = Role(RoleKind.PARAGRAPH)
            elif role.kind is RoleKind.PARAGRAPH and text not in self.texts and \
                    self._front_text(text):
                roles[index] = Role(RoleKind.FRONT)
        return roles

    def _known(self, words: str) -> bool:
        """Whether the revision holds ``words``: in a paragraph, or its front matter."""
        return any(words in " ".join(text.split()) for text in self.texts) or \
            self._front_text(words)

    def _front_text(self, text: str) -> bool:
        """Whether ``text`` is (part of) the revision's front matter, title or chapeau."""
        known, longest, together = self._front_known
        head = text[:64].split(None, 1)
        if head and head[0] not in together:  # its first word is in no line: quickly no
            return False
        text = " ".join(text.split())
        return text in known or (len(text) <= longest and
                                 any(text and text in line for line in known))

    @cached_property
    def _front_known(self) -> tuple[set[str], int, str]:
        """The revision's front matter lines, title and chapeau, spaces collapsed; the
        length of the longest (no longer text is part of one); all of them together."""
        known = {" ".join(line.split()) for line in (
            *self.target.front_matter, *self.target.after_title, self.target.chapeau,
            self.document.title)} - {""}
        return known, max(map(len, known), default=0), "\n".join(known)

    def _skip(self, number: int, style: str, read: runs.ParagraphRead) -> None:
        where = f"{self.name}, paragraph {number}"
        if read.original != read.proposed:
            self.warn(where, f"the {style} was changed ({quoted(read.original)} -> "
                      f"{quoted(read.proposed)}); only paragraphs take amendments, so this "
                      "change was not read")
        elif style != "subtitle" and (text := clean_lines(read.original)) and \
                not self._front_text(text):  # typed without Track Changes
            self.warn(where, f"the {style} holds words {self.target.label}'s does not "
                      f"({quoted(text)}), typed without Track Changes; only the paragraphs "
                      f"after {quoted(self.target.chapeau or 'the chapeau')} take amendments, "
                      "so they were not read")
        if read.mark.state == DELETED and read.mark.in_original:  # joined to the next one
            self.warn(where, f"the {style}'s paragraph mark was deleted, joining it with the "
                      "next paragraph; only paragraphs take amendments, so the join was not read")
        named = read.proposed.rsplit("\u2014", 1)[-1].strip()
        other = self.document.revision(named) if "\u2014" in read.proposed else None
        if other is not None and other.label != self.target.label:
            self.warn(where, f"the file says it was made from {other.label}, but it is read "
                      f"against {self.target.label}")
        self._note_comments(where, read.pieces)



def _emptied_item(role: Role, read: runs.ParagraphRead, host: Chunk | None,
                  after: list[Role | None]) -> bool:
    """Whether a Word paragraph is an item an edited copy emptied: no words (before the
    changes or after), between the lines of the paragraph ``host`` (the next Word
    paragraph, ``after``, is one of its lines). It is no paragraph of its own: the item
    is read as missing from the paragraph (`copy_items`), the lines after it its own."""
    return role.kind is RoleKind.EMPTY and host is not None and \
        not read.original.strip() and not read.proposed.strip() and \
        bool(after) and after[0] is not None and after[0].kind is RoleKind.LINE


def style_names(word: Any) -> dict[str | None, str]:
    """Every style's name (casefolded; "" for none) by its id, read from the styles part
    of ``word`` (python-docx's ``Document``, or its parts)."""
    return dict(_style_names(word_parts(word).styles))


@lru_cache(maxsize=4)
def _style_names(styles: Any) -> dict[str | None, str]:
    """`style_names` of one styles part, read once: the copies of one draft share it."""
    names: dict[str | None, str] = {}
    for style in styles.iterchildren(_STYLE):
        name = style.find(_NAME)
        names[style.get(_STYLE_ID)] = (name.get(_VAL) or "" if name is not None else "").casefold()
    return names
