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
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from docx.oxml.ns import qn

from drafting import characters
from drafting.limits import MAX_PARAGRAPHS, too_many_paragraphs
from drafting.model import Document, Revision
from drafting.ooxml import runs
from drafting.ooxml.body import as_before
from drafting.ooxml.character_form import CharacterForms
from drafting.ooxml.notes import Footnotes
from drafting.ooxml.numbering import NumberingCounter
from drafting.ooxml.parts import Parts, word_parts
from drafting.ooxml.run_styles import run_styles
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.blocks import AutoNumber, Block, Role, RoleKind
from drafting.readers.copy_furniture import box_warnings, margin_warnings
from drafting.readers.copy_hidden import hidden_warnings, unseen_warnings
from drafting.readers.copy_items import number_piece, typed_over
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
from drafting.readers.copy_pieces import (
    bracketed,
    bracketing,
    opening_bracket,
    option_body,
    restored,
    spaces_between,
    trimmed,
)
from drafting.readers.copy_roles import copy_roles
from drafting.readers.copy_tables import aside_warnings, table_warnings
from drafting.readers.copy_text import check_characters, quoted, unproposed
from drafting.readers.docx_changes import strip_label
from drafting.readers.docx_draft import clean_lines, heading_level
from drafting.readers.lines import DECIMAL, read_label, read_numbered
from drafting.readers.paragraph_tables import labelled_rows, laid_out
from drafting.readers.result import ReadWarning
from drafting.readers.typed_items import word_number

_OUTSIDE = frozenset({RoleKind.FRONT, RoleKind.TITLE, RoleKind.CHAPEAU})
_UNTYPED = frozenset({RoleKind.LINE, RoleKind.HEADING})
"""What keeps a number it types as its text: a line, a heading ("1<tab>GENERAL")."""
_STYLE, _NAME, _STYLE_ID, _VAL = qn("w:style"), qn("w:name"), qn("w:styleId"), qn("w:val")
_TRACKED = tuple(qn(f"w:{tag}") for tag in ("ins", "del", "moveFrom", "moveTo"))


@dataclass
class Chunk:
    """One Word paragraph's content: its label (stripped) and its pieces."""

    number: int
    label: str | None
    pieces: list[RunPiece]
    mark: RunPiece
    heading: bool = False
    """Read as a heading (in a heading style, or "Article 3")."""
    shown: str = ""
    """The number Word shows before a heading's words ("Article 3 "), its first piece."""
    alternatives: bool = False
    """Its pieces are its alternatives, in brackets ("Option 1: ..." read as "[...]")."""
    note: int | None = None
    """The number of the revision's footnote it is (labelled ``FN<n>``); None for a
    paragraph of the body."""

    @property
    def new(self) -> bool:
        pieces = self.pieces  # nearly always: the first piece is not inserted
        return bool(pieces) and pieces[0].state == INSERTED and \
            all(p.state == INSERTED for p in pieces)



class CopyLayout:
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
    labels_read: Mapping[int, str] = MappingProxyType({})
    """The label the import's rules give each Word paragraph that opens one, by its
    number (`_roles` reads them)."""

    def warn(self, where: str, message: str) -> None:
        self.warnings.append(ReadWarning(where, message))

    def where(self, chunk: Chunk) -> str:
        shown = self.labels_read.get(chunk.number, chunk.label) if chunk.label and \
            chunk.note is None else chunk.label  # a treaty's typed "1." is its 4.1
        label = f" ({shown})" if shown else ""
        return f"{self.name}, paragraph {chunk.number}{label}"

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
        blocks, subtitles = [], set()
        originals = [clean_lines(read.original) for _, read, _ in entries]
        for index, (p, read, note) in enumerate(entries):
            text = originals[index] or clean_lines(read.proposed)
            where = f"{self.name}, paragraph {index + 1}"
            if note is not None:
                blocks.append(Block(f"[^{note}]: {text}", where))
                continue
            if self.survey.format_changes:  # its style and numbering as they were too
                p = as_before(p)
            style = names.get(runs.style_id(p) or "", "")
            # a paragraph the copy inserts takes the number Word shows it; the others
            # keep theirs from before it (its list's next items are not renumbered)
            number = word_number(counter, p, text, count=bool(originals[index]) or not text,
                                 held=self._lines) if numbered else None
            if style == "subtitle":
                subtitles.add(index)
                text = ""
            auto = AutoNumber.shown(number)
            blocks.append(Block(text, where, title_style=style == "title",
                                heading=heading_level(style), number=auto))
        found, labels = copy_roles(blocks, str(self.path))
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

    def _join(self, chunk: Chunk, line: Chunk, prefix: str) -> None:
        """Add a sub-paragraph's Word paragraph to the paragraph it belongs to, as the
        import does: a line break (inserted if the line is new, deleted with the mark
        before it: two lines joined) and its number."""
        first, mark = (line.pieces[0] if line.pieces else None), chunk.mark
        text = "".join(p.text for p in line.pieces).lstrip()  # "(c bis)<tab>": its label
        if line.new and first is not None:
            prefix = typed_over(prefix, text)
            joint = RunPiece(prefix, INSERTED, first.author, first.date, first.change_id,
                             kind=first.kind)
        elif mark.state == DELETED and mark.in_original:
            joint = RunPiece(prefix, DELETED, mark.author, mark.date, mark.change_id,
                             kind=mark.kind)
        else:  # Word's number, read as the revision numbers the item (`as_numbered`)
            if all(p.state == NORMAL for p in line.pieces):  # an edited copy's new item?
                prefix = typed_over(prefix, text, self._lines)
            joint = number_piece(prefix) if prefix.strip() else RunPiece(prefix)
        chunk.pieces = [*trimmed(chunk.pieces), joint, *trimmed(line.pieces)]
        chunk.mark = line.mark

    @cached_property
    def _lines(self) -> frozenset[str]:
        """Every line of the revision's paragraphs."""
        return frozenset(line for p in self.target.paragraphs for line in p.text.split("\n"))

    def _alternative(self, host: Chunk, option: Chunk | None) -> None:
        """Read a paragraph's alternatives as the import writes them, adjacent brackets
        (``[first][second][]``): ``host``'s own text becomes the first alternative (once),
        and ``option`` (an "Option 2: ..." or "OP4 Alt ..." paragraph) is added as the next,
        each without its "Option N:" and with "No text" as nothing."""
        if not host.alternatives:
            host.alternatives = True
            if host.pieces:  # else "3." on its own: the options follow
                host.pieces = bracketed(option_body(host.pieces))
        if option is not None:
            host.pieces = [*host.pieces, *bracketed(option_body(option.pieces))]
            host.mark = option.mark

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

    def _chunk(self, number: int, read: runs.ParagraphRead, *, label: bool = True,
               bracketed: bool = False, inside: bool = False) -> Chunk:
        """The chunk of one Word paragraph; with ``label``, the label it opens with
        taken off (and, where ``bracketed``, a number in brackets: "(2) "; where
        ``inside``, the label after the "[" of a paragraph bracketed whole: "[2. ...]")."""
        if len(read.pieces) == 1 and read.pieces[0].state == NORMAL:  # nearly always
            plain = _plain_chunk(number, read, label, bracketed, inside)
            if plain is not None:
                return plain
        chunk = Chunk(number, None, [], read.mark)
        where = f"{self.name}, paragraph {number}"
        pieces = self._cleaned(where, read.pieces)
        # words struck in another's insertion stay its words (`restored`): they may be
        # an amendment to its proposal; words their own author struck are no one's
        again = [p if p.inside is None else restored(p) for p in pieces]
        kept = spaces_between([p for p in again if p is not None])
        opening, kept = opening_bracket(kept) if label and (inside or bracketing(kept)) \
            else ([], kept)
        if label:
            chunk.label, chunk.pieces, changed = strip_label(kept, bracketed=bracketed)
        else:
            chunk.pieces, changed = kept, False
        chunk.pieces = [*opening, *chunk.pieces]

        where = self.where(chunk)
        if changed:
            self.warn(where, "the paragraph's label was changed; labels are set by the "
                      "secretariat, so the change was not read")
        for piece, kept_as in zip(pieces, again, strict=True):
            if kept_as is None:
                self.warn(where, unproposed(piece))
                self._note_comments(where, [piece])
        return chunk

    def _cleaned(self, where: str, pieces: tuple[RunPiece, ...]) -> list[RunPiece]:
        """``pieces`` with the characters Word allows read as Word shows them (with a
        warning), in NFC; ReaderError for a character that is not text. A piece is copied
        only when its text changes."""
        whole = "".join(piece.text for piece in pieces)
        if characters.first_forbidden(whole) is None and not characters.from_word(whole)[1]:
            return [piece if (text := characters.normalised(piece.text)) == piece.text
                    else piece.with_text(text) for piece in pieces]
        cleaned = []
        for piece in pieces:
            text, replaced = characters.from_word(piece.text)
            if replaced:
                self.warn(where, replaced)
            check_characters(where, text)
            text = characters.normalised(text)
            cleaned.append(piece if text == piece.text else piece.with_text(text))
        return cleaned

    def _note_comments(self, where: str, pieces: list[RunPiece]) -> None:
        for piece in pieces:
            for comment_id in piece.comment_ids:
                self.seen_comments.setdefault(comment_id, (where, piece.text))


def _emptied_item(role: Role, read: runs.ParagraphRead, host: Chunk | None,
                  after: list[Role | None]) -> bool:
    """Whether a Word paragraph is an item an edited copy emptied: no words (before the
    changes or after), between the lines of the paragraph ``host`` (the next Word
    paragraph, ``after``, is one of its lines). It is no paragraph of its own: the item
    is read as missing from the paragraph (`copy_items`), the lines after it its own."""
    return role.kind is RoleKind.EMPTY and host is not None and \
        not read.original.strip() and not read.proposed.strip() and \
        bool(after) and after[0] is not None and after[0].kind is RoleKind.LINE


def _plain_chunk(number: int, read: runs.ParagraphRead, label: bool,
                 bracketed: bool = False, inside: bool = False) -> Chunk | None:
    """`CopyLayout._chunk` of a paragraph that is one piece of unchanged text (what
    `strip_label` and `CopyLayout._cleaned` make of it, with nothing to warn about), or
    None when its characters need a closer look."""
    (piece,) = read.pieces
    text = piece.text
    if characters.first_forbidden(text) is not None or characters.from_word(text)[1]:
        return None
    if (normal := characters.normalised(text)) != text:
        piece, text = piece.with_text(normal), normal
    chunk = Chunk(number, None, [piece], read.mark)
    if not label:
        return chunk
    stripped = text.lstrip()
    opening = "[" if inside and stripped.startswith("[") else ""  # "[2. Decides ...]"
    stripped = stripped[len(opening):]
    found, skip, alternative = (read_numbered if bracketed else read_label)(stripped)
    if found is not None:
        skip += len(text) - len(stripped)
        chunk.label = f"{found}{' Alt' if alternative else ''}"
        kept = opening + text[skip:]
        chunk.pieces = [piece.with_text(kept)] if kept else []
    return chunk


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
