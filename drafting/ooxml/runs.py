"""Read Word paragraphs as flat lists of pieces of text, each with its revision state.

A paragraph (``w:p``) holds runs (``w:r``) directly or inside revision marks (``w:ins``,
``w:del``, ``w:moveTo``, ``w:moveFrom``) and containers (``w:hyperlink``, ``w:smartTag``,
``w:fldSimple``, ``w:sdt``/``w:sdtContent``, ``w:customXml``, ``w:dir``, ``w:bdo``; of
an ``mc:AlternateContent``, the branch Word shows: `drafting.ooxml.alternate`). This
module walks all of them and gives a `RunPiece` per stretch of text that shares one
state, one revision mark and one set of comments:

* text comes from ``w:t`` and ``w:delText``; ``w:tab``/``w:ptab`` give ``"\\t"``,
  ``w:br``/``w:cr`` give ``"\\n"`` and ``w:noBreakHyphen`` gives ``"-"``; a phonetic
  guide (``w:ruby``) gives the words it stands over (``w:rubyBase``), not the guide
  (``w:rt``); a symbol (``w:sym``) its character, as the import reads it
  (`drafting.ooxml.symbols`); hidden text (``w:vanish``) nothing;
* a symbol that is no known character, and an equation, are left out as the import
  leaves them out, but one a tracked change inserts or deletes is a ReaderError: what
  the delegation sent would be recorded without it;
* field codes (``w:instrText``, ``w:delInstrText``, and anything between a ``w:fldChar``
  *begin* and its *separate*) are not text; a field's result (between *separate* and *end*) is;
* ``w:moveTo`` counts as inserted and ``w:moveFrom`` as deleted, with ``kind == "move"``;
* a ``w:del`` inside a ``w:ins`` (one author deleting part of another's insertion) is a
  *cancelled* piece: it is in neither the original nor the proposed text, and ``inside``
  names the insertion it undoes;
* the paragraph mark's own state (``w:pPr/w:rPr/w:ins|w:del|w:moveFrom|w:moveTo``) is the
  `ParagraphRead.mark`.

Comments (`drafting.ooxml.comments` reads their text): pieces between
``w:commentRangeStart`` and ``w:commentRangeEnd`` carry the comment's id, and a comment
with only a ``w:commentReference`` is put on the piece just before the reference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from docx.oxml.ns import qn

from drafting.errors import ReaderError
from drafting.model.marks import Style
from drafting.ooxml import alternate, symbols
from drafting.ooxml.body import Survey as Survey  # these were here first: said here too
from drafting.ooxml.body import body_blocks as body_blocks
from drafting.ooxml.body import child_of as child_of
from drafting.ooxml.body import count_paragraphs as count_paragraphs
from drafting.ooxml.body import embedded as embedded
from drafting.ooxml.body import first_child
from drafting.ooxml.body import has_format_changes as has_format_changes
from drafting.ooxml.body import has_revisions as has_revisions
from drafting.ooxml.body import is_table as is_table
from drafting.ooxml.body import style_id as style_id
from drafting.ooxml.body import survey as survey
from drafting.ooxml.body import table_paragraphs as table_paragraphs
from drafting.ooxml.character_form import CharacterForms
from drafting.ooxml.comment_ranges import OpenComments
from drafting.ooxml.dates import parse_date as parse_date  # it was here first: said here too
from drafting.ooxml.notes import REFERENCE, Footnotes
from drafting.ooxml.run_form import own_styles
from drafting.ooxml.run_pieces import CHANGE as CHANGE  # these were here first: said here
from drafting.ooxml.run_pieces import DELETED as DELETED
from drafting.ooxml.run_pieces import INSERTED as INSERTED
from drafting.ooxml.run_pieces import MOVE as MOVE
from drafting.ooxml.run_pieces import NORMAL as NORMAL
from drafting.ooxml.run_pieces import Change as Change
from drafting.ooxml.run_pieces import ParagraphRead as ParagraphRead
from drafting.ooxml.run_pieces import RunPiece as RunPiece
from drafting.ooxml.run_pieces import original_text as original_text
from drafting.ooxml.run_pieces import proposed_text as proposed_text
from drafting.ooxml.run_styles import RunStyles
from drafting.text_memo import TextMemo

_MARKS = {qn("w:ins"): (INSERTED, CHANGE), qn("w:del"): (DELETED, CHANGE),
          qn("w:moveTo"): (INSERTED, MOVE), qn("w:moveFrom"): (DELETED, MOVE)}
_CONTAINERS = frozenset(qn(t) for t in (
    "w:hyperlink", "w:smartTag", "w:fldSimple", "w:sdt", "w:sdtContent", "w:customXml",
    "w:dir", "w:bdo"))
_CHARACTERS = {qn("w:tab"): "\t", qn("w:ptab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n",
               qn("w:noBreakHyphen"): "-"}
_TEXT = frozenset({qn("w:t"), qn("w:delText")})
_P, _R, _TBL = qn("w:p"), qn("w:r"), qn("w:tbl")
_ALTERNATE = alternate.ALTERNATE
_BLOCKS = frozenset({_P, _TBL})
_ID, _AUTHOR, _DATE, _VAL = qn("w:id"), qn("w:author"), qn("w:date"), qn("w:val")
_COMMENT_START, _COMMENT_END = qn("w:commentRangeStart"), qn("w:commentRangeEnd")
_COMMENT_REFERENCE = qn("w:commentReference")
_FLD_CHAR, _FLD_CHAR_TYPE = qn("w:fldChar"), qn("w:fldCharType")
_PPR, _RPR, _VANISH, _STYLE = qn("w:pPr"), qn("w:rPr"), qn("w:vanish"), qn("w:pStyle")
_TABS = qn("w:tabs")
_STRIKES, _HIDDEN = (qn("w:strike"), qn("w:dstrike")), (_VANISH,)
_RUBY, _RUBY_BASE, _SYM = qn("w:ruby"), qn("w:rubyBase"), symbols.SYM
_PLAIN = (qn("w:t"), *_CHARACTERS)
_PLAIN_TAGS = frozenset(_PLAIN)
"""What text a paragraph of plain runs is made of (`plain_paragraphs`)."""
_NOT_PLAIN = (*_MARKS, qn("w:delText"), _FLD_CHAR, _COMMENT_START, _COMMENT_END,
              _COMMENT_REFERENCE, REFERENCE, _VANISH, _SYM, *symbols.EQUATIONS)
"""What a paragraph of plain runs holds none of."""


def read_paragraph(p: Any) -> ParagraphRead:
    """Read one ``w:p`` element. Comment ranges and fields that begin before it are not
    known here; use `read_paragraphs` for a run of paragraphs."""
    return _Walker().paragraph(p)


def read_paragraphs(paragraphs: Iterable[Any], footnotes: Footnotes | None = None, *,
                    struck: bool = False, plain: Mapping[Any, ParagraphRead] | None = None,
                    styles: RunStyles | None = None,
                    forms: CharacterForms | None = None) -> list[ParagraphRead]:
    """Read ``w:p`` elements in document order, carrying open comment ranges and fields
    from one paragraph to the next. With ``footnotes``, a footnote reference reads as its
    marker ``[^N]`` (numbered as `Footnotes.cite` numbers it). With ``struck``, words
    struck through (``w:strike``, ``w:dstrike``) outside any revision mark read as deleted
    by nobody named: a copy that marks its changes by hand, without Track Changes.
    ``plain`` is `plain_reads` of an element holding them (the body), where it was
    worked out already: the paragraphs are read once for several readings. With
    ``styles`` (`drafting.ooxml.run_styles`), words hidden or struck through by a style
    are read as those hidden or struck through run by run. With ``forms``
    (`drafting.ooxml.character_form`), inserted words in a character style ("Emphasis")
    show its italics, bold, ... as those typed so do; without, a run's own properties."""
    paragraphs = list(paragraphs)
    walker = _Walker(footnotes)
    walker.struck, walker.styles, walker.forms = struck, styles, forms
    parents: dict[int, list[Any]] = {}
    for p in paragraphs if plain is None or struck else ():  # else no parent is looked at
        parent = p.getparent()
        if parent is not None:
            parents.setdefault(id(parent), [parent, 0])[1] += 1
    if plain is not None:
        walker.plain.update(plain)
    for parent, count in parents.values():
        if plain is None and 2 * count >= len(parent):  # most of what it holds: one
            walker.plain.update(plain_reads(parent))  # pass over it pays
    for parent, _ in parents.values() if struck else ():  # struck words: run by run
        for strike in parent.iter(*_STRIKES):
            walker.plain.pop(next(strike.iterancestors(_P), None), None)
    for p in paragraphs if styles is not None else ():  # rarely: what styles hide or strike
        if styles.touches(p):
            walker.plain.pop(p, None)
    return [walker.paragraph(p) for p in paragraphs]


def plain_reads(element: Any) -> dict[Any, ParagraphRead]:
    """`plain_paragraphs` of ``element``, each read: one piece of text, the paragraph
    mark as it was (read paragraphs are immutable: several readings may share them, and
    paragraphs of one text, in this file or another, one read: `forget_plain_reads`)."""
    memo = _plain_memo
    found: dict[Any, ParagraphRead] = {}
    for p, text in plain_paragraphs(element).items():
        read = memo.get(text)
        if read is None:
            read = _plain_read(text)
            memo.keep(text, read, len(text))
        found[p] = read
    return found


_plain_memo: TextMemo[ParagraphRead] = TextMemo()
"""`_plain_read` of short texts, by text: every copy of a draft (an inbox) holds the
same unchanged paragraphs, each then read once."""


def forget_plain_reads() -> None:
    """Forget the paragraphs `plain_reads` read (the next file is read as the first)."""
    _plain_memo.clear()


def _plain_read(text: str) -> ParagraphRead:
    read = ParagraphRead((RunPiece(text),) if text else (), _NO_MARK)
    read.__dict__.update(original=text, proposed=text)  # both texts are known
    return read


def plain_paragraphs(element: Any) -> dict[Any, str]:
    """The text of each paragraph in ``element`` that holds nothing but text in runs
    (in containers at most): no revision mark, field, comment, footnote, hidden text,
    symbol, equation or text box. One pass over ``element``; `_Walker` reads the others."""
    texts: dict[Any, list[str]] = {}
    mixed: set[Any] = set()
    p: Any = None
    found: list[str] = []  # the texts of ``p``'s runs
    for node in element.iter(_P, *_PLAIN, *_NOT_PLAIN):
        tag = node.tag
        if tag == _P:
            p = node
            found = texts[p] = []
            continue
        parent = node.getparent()
        if tag in _PLAIN_TAGS and parent.tag == _R:
            owner = parent.getparent()  # nearly always the paragraph itself
            while owner is not p and owner is not None and owner.tag in _CONTAINERS:
                owner = owner.getparent()
            if owner is p:
                found.append(_CHARACTERS.get(tag) or node.text or "")
                continue
        elif tag in _PLAIN_TAGS and parent.tag == _TABS:  # a tab stop, not a tab
            continue
        while parent is not None and parent.tag != _P:  # anything else: the walk reads
            parent = parent.getparent()  # its paragraph
        mixed.add(parent)
        mixed.add(p)
    return {p: "".join(parts) for p, parts in texts.items() if p not in mixed}


@dataclass(frozen=True, slots=True)
class _Context:
    state: str = NORMAL
    change: Change | None = None
    inside: Change | None = None
    key: tuple[Any, ...] = (NORMAL, None, None, None, "", None)
    """What a piece read here carries besides its text and comments: state, author, date,
    change id, kind, inside (the order of `_Walker.flush`)."""


_OUTSIDE = _Context()
_NO_MARK = RunPiece("")
"""The mark of a paragraph whose mark has no revision (pieces are immutable: one will do)."""
_PLAIN_FORM: frozenset[Style] = frozenset()
STRUCK = "struck"
"""The ``kind`` of a piece deleted by striking its words through, not by Track Changes."""


class _Walker:
    """Walks paragraphs, keeping open fields and comment ranges between them.

    A paragraph's text is gathered as it is met: a list of [key, comments, texts] per
    stretch of one state, one mark and one set of comments, so that each piece is made
    once, whole (never copied to join it to the next)."""

    def __init__(self, footnotes: Footnotes | None = None) -> None:
        self.footnotes = footnotes
        self.fields: list[bool] = []  # one per open field: True once past its 'separate'
        self.in_code = False  # inside a field's code (some open field not yet separated)
        self.open = OpenComments()  # the comment ranges open, as pieces carry them
        self.started: set[str] = set()
        self.pending: list[str] = []  # lone references waiting for the next piece
        self.stretches: list[list[Any]] = []
        self.vanish = True  # whether the paragraph being read hides some text (w:vanish)
        self.plain: dict[Any, ParagraphRead] = {}  # paragraphs of plain runs, read
        self.struck = False  # whether struck-through words read as deleted
        self.styles: RunStyles | None = None  # hidden or struck-through words by style
        self.forms: CharacterForms | None = None  # italics, bold... by character style
        self.given: dict[str, bool] = {}  # what the paragraph's style gives its runs
        self.p: Any = None  # the paragraph being read

    def paragraph(self, p: Any) -> ParagraphRead:
        plain = None if self.fields or self.open or self.pending else self.plain.get(p)
        if plain is not None:  # nearly always: one piece of text, the mark as it was
            read = plain
        else:
            self.stretches, self.p = [], p
            self.vanish = self.styles is not None or next(p.iter(_VANISH), None) is not None
            self.given = {} if self.styles is None else self.styles.paragraph(p)
            self._children(p, _OUTSIDE)
            read = ParagraphRead(tuple(self.flush()), _mark(p))
        sibling = p.getnext()  # comment ranges may open or close between paragraphs
        self.vanish = True
        while sibling is not None and sibling.tag not in _BLOCKS:
            self._children((sibling,), _OUTSIDE)
            sibling = sibling.getnext()
        return read

    def flush(self) -> list[RunPiece]:
        """The pieces gathered so far, each stretch made one piece."""
        return [RunPiece("".join(texts), key[0], key[1], key[2], key[3], tuple(comments),
                         key[4], key[5], styles) for key, comments, texts, styles
                in self.stretches]

    def _children(self, element: Any, context: _Context) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                self._run(child, context)
            elif tag in _MARKS:
                self._children(child, _enter(context, _change(child)))
            elif tag in _CONTAINERS:
                self._children(child, context)
            elif tag in symbols.EQUATIONS and not self.in_code:  # not text: the import
                self._unread(symbols.equation_text(child), context,  # leaves it out too
                             changed=next(child.iter(*_MARKS), None) is not None)
            elif tag == _ALTERNATE:  # the branch Word shows, as `drafting.ooxml.visible`
                if (branch := alternate.shown(child)) is not None:
                    self._children(branch, context)
            elif tag == _COMMENT_START:
                self._start_comment(child.get(_ID))
            elif tag == _COMMENT_END:
                self.open.end(child.get(_ID))

    def _start_comment(self, comment_id: str | None) -> None:
        if comment_id is not None:
            self.open.start(comment_id)
            self.started.add(comment_id)

    def _run(self, run: Any, context: _Context) -> None:
        hidden = self.vanish and self._on(run, _HIDDEN)  # hidden: the import did not take it
        if self.struck and context.state == NORMAL and self._on(run, _STRIKES):
            context = _STRUCK
        styles = self._form(run) if context.state == INSERTED and context.inside is None \
            else _PLAIN_FORM  # the form a delegation typed its words in
        for child in run:
            tag = child.tag
            if tag in _TEXT:
                if not (self.in_code or hidden):
                    self._add(child.text or "", context, styles)
            elif tag == _FLD_CHAR:
                self._field(child.get(_FLD_CHAR_TYPE))
            elif tag == _COMMENT_REFERENCE:
                self._reference(child.get(_ID))
            elif self.in_code or hidden:
                continue  # inside a field's code, or hidden
            elif tag in _CHARACTERS:
                self._add(_CHARACTERS[tag], context, styles)
            elif tag == _SYM:  # Insert > Symbol: read as the import reads it
                if (text := symbols.symbol_text(child)) is not None:
                    self._add(text, context, styles)
                else:
                    self._unread(symbols.unread_symbol(child), context)
            elif tag == _RUBY:  # a phonetic guide: its words (not the guide above them)
                for base in child.iterchildren(_RUBY_BASE):
                    self._children(base, context)
            elif tag == REFERENCE and self.footnotes is not None and \
                    (number := self.footnotes.cite(child)) is not None:
                self._add(f"[^{number}]", context)

    def _form(self, run: Any) -> frozenset[Style]:
        """The italics, bold, ... ``run`` shows (its character style's too, if known)."""
        return own_styles(run) if self.forms is None else self.forms.of(run)

    def _on(self, run: Any, tags: tuple[str, ...]) -> bool:
        if self.styles is None:  # nearly always: the run's own properties decide
            return _on(run, tags)
        return self.styles.on(run, self.given, tags)

    def _unread(self, what: str, context: _Context, changed: bool = False) -> None:
        """ReaderError for ``what`` (a symbol or an equation, no text) inserted or
        deleted by a tracked change (or ``changed`` within); else it is left out, as the
        import leaves it out."""
        if (context.state != NORMAL and context.inside is None) or changed:
            author = context.change.author if context.change is not None else None
            raise ReaderError(symbols.refusal(what, context.state, author, self.p))

    def _field(self, kind: str | None) -> None:
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()
        self.in_code = not all(self.fields)

    def _reference(self, comment_id: str | None) -> None:
        """A comment with a reference but no range marks the piece just before it (or,
        at the start of a paragraph, the next one)."""
        if comment_id is None or comment_id in self.started:
            return
        self.started.add(comment_id)
        if not self.stretches:
            self.pending.append(comment_id)
            return
        last = self.stretches[-1]
        if len(last[2]) > 1:  # the text just read, split from the stretch it joined
            last = [last[0], last[1], [last[2].pop()], last[3]]
            self.stretches.append(last)
        last[1] = self.open.marked(last[1], comment_id)

    def _add(self, text: str, context: _Context,
             styles: frozenset[Style] = frozenset()) -> None:
        if not text:
            return
        comments = (*self.open.ids, *self.pending) if self.pending else self.open.ids
        self.pending = []
        stretches, key = self.stretches, context.key
        if stretches:
            last = stretches[-1]
            if (last[1] is comments or last[1] == comments) and (
                    last[0] is key or last[0] == key) and last[3] == styles:
                last[2].append(text)
                return
        self.open.carry(len(comments))
        stretches.append([key, comments, [text], styles])


def is_hidden(run: Any) -> bool:
    """Whether ``run`` is hidden: its first ``w:rPr`` has ``w:vanish`` on. The
    properties come first in a run, so that is nearly always the first look."""
    return _on(run, (_VANISH,))


def _on(run: Any, tags: tuple[str, ...]) -> bool:
    """Whether ``run``'s own properties turn one of ``tags`` on (``w:vanish``,
    ``w:strike``)."""
    properties = first_child(run, _RPR)
    if properties is None:
        return False
    return any(flag is not None and flag.get(_VAL) not in ("0", "false", "off")
               for flag in (child_of(properties, tag) for tag in tags))


def _change(element: Any) -> Change:
    state, kind = _MARKS[element.tag]
    return Change(state, element.get(_AUTHOR), parse_date(element.get(_DATE)),
                  element.get(_ID), kind)


def _enter(context: _Context, change: Change) -> _Context:
    """The context inside ``change``: a deletion inside an insertion (or the reverse)
    cancels the text; otherwise the innermost mark decides."""
    if context.state == INSERTED and change.state == DELETED:
        return _context(DELETED, change, context.change)
    if context.state == DELETED and change.state == INSERTED:
        return _context(DELETED, context.change, change)
    return _context(change.state, change, context.inside)


def _context(state: str, change: Change, inside: Change | None) -> _Context:
    return _Context(state, change, inside,
                    (state, change.author, change.date, change.change_id, change.kind, inside))


def _mark(p: Any) -> RunPiece:
    """The paragraph mark as a piece with no text."""
    ppr = first_child(p, _PPR)
    rpr = child_of(ppr, _RPR) if ppr is not None else None
    context = _OUTSIDE
    if rpr is not None:
        for child in rpr:
            if child.tag in _MARKS:
                context = _enter(context, _change(child))
    change = context.change
    if change is None:
        return _NO_MARK
    return RunPiece("", context.state, change.author, change.date, change.change_id,
                    kind=change.kind, inside=context.inside)


_STRUCK = _context(DELETED, Change(DELETED, None, None, None, STRUCK), None)
