"""Tracked changes, comments and house-style runs, written through python-docx's lxml tree.

python-docx reads and writes the package but has no API for revisions, so this
module builds the WordprocessingML itself:

- `make_run`: a ``w:r`` with text (``w:t xml:space="preserve"``), tabs (``w:tab``),
  line breaks (``w:br``) and bold / italic / underline / strike properties;
- `RevisionMarks`: wraps runs in ``w:ins`` / ``w:del`` (every ``w:t`` inside a
  ``w:del`` becomes ``w:delText``), marks a paragraph mark inserted or deleted
  (``w:pPr/w:rPr/w:ins|w:del``) and anchors comments
  (``w:commentRangeStart`` ... ``w:commentRangeEnd`` + a ``w:commentReference``
  run). Every ``w:id`` it gives is unique across insertions, deletions and
  comments, as Word expects;
- the house style shared by our Word writers: `label_runs` (the bold label and
  its tab) and `save_atomically`; a preambular paragraph's italic opening words are
  `drafting.opening_words`' (text only: the text writers need them too).

A revision's author and date travel together as a `Stamp`; dates are written as
ISO 8601 UTC (``2026-11-02T10:00:00Z``), and a stamp without a date writes no
``w:date`` (Word accepts that).
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import Any, BinaryIO

from docx.document import Document as DocxDocument
from docx.oxml.ns import nsmap, qn
from docx.oxml.parser import oxml_parser

from drafting.atomic import write_atomically
from drafting.lazy_re import lazy_compile
from drafting.ooxml import markup
from drafting.ooxml.schema_order import place

_ID_BEARERS = ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange",
               "w:commentRangeStart", "w:commentRangeEnd", "w:commentReference")
_AFTER_RPR = ("w:sectPr", "w:pPrChange")  # what follows w:rPr inside w:pPr
DELETED_TAGS = {qn("w:t"): qn("w:delText"), qn("w:instrText"): qn("w:delInstrText")}
"""What text elements become inside a deletion."""
_PIECES = lazy_compile(r"(\t|\n)")
_W_NSMAP = {"w": nsmap["w"]}
_PRESERVE = qn("xml:space")
_ID = qn("w:id")
_AUTHOR, _DATE, _INITIALS, _VAL = qn("w:author"), qn("w:date"), qn("w:initials"), qn("w:val")
_clark = cache(qn)  # "w:r" -> "{...main}r", computed once a tag
_ANNOTATION_REF = ('<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                   "<w:annotationRef/></w:r>")


@dataclass(frozen=True, slots=True)
class Stamp:
    """Who made a revision (``w:author``) and when (``w:date``; None writes none)."""

    author: str
    date: datetime | None = None


@lru_cache(maxsize=4096)  # a merged draft stamps thousands of changes with few dates
def iso_date(when: datetime) -> str:
    """``when`` as Word writes it: ``2026-11-02T10:00:00Z`` (UTC, whole seconds).

    A naive datetime is taken to be UTC already.
    """
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- runs ---------------------------------------------------------------------------------


def element(tag: str, attrs: dict[str, str] | None = None) -> Any:
    """A new ``w:`` element (``tag`` such as ``"w:r"``) of python-docx's element class,
    with ``attrs`` (keys already in Clark notation, as `qn` gives them).

    The same as python-docx's ``OxmlElement``, several times faster: thousands of these
    make a large merged document."""
    if not attrs:
        return _form(tag, ()).__copy__()
    made = _form(tag, tuple(attrs)).__copy__()
    for key, value in attrs.items():
        made.set(key, value)
    return made


@cache
def _form(tag: str, keys: tuple[str, ...]) -> Any:
    """An element of ``tag`` with the attributes ``keys`` (empty, in that order), copied
    for each new one: a copy costs less than making an element and its attributes."""
    return oxml_parser.makeelement(_clark(tag), attrib=dict.fromkeys(keys, ""), nsmap=_W_NSMAP)


def make_run(text: str, *, bold: bool = False, italic: bool = False, underline: bool = False,
             strike: bool = False) -> Any:
    """A ``w:r`` holding ``text``: each ``\\t`` becomes a ``w:tab``, each ``\\n`` a ``w:br``
    and the rest ``w:t`` with ``xml:space="preserve"``. Empty text gives a run with no
    content (only its properties)."""
    run = element("w:r")
    if bold or italic or underline or strike:
        run.append(_run_properties(bold, italic, underline, strike))
    if "\t" not in text and "\n" not in text:
        if text:
            run.append(text_element("w:t", text))
        return run
    for piece in _PIECES.split(text):
        if piece == "\t":
            run.append(element("w:tab"))
        elif piece == "\n":
            run.append(element("w:br"))
        elif piece:
            run.append(text_element("w:t", piece))
    return run


def _run_properties(bold: bool, italic: bool, underline: bool, strike: bool) -> Any:
    """``w:rPr`` with the flags set, in the schema's order (b, i, strike, u)."""
    properties = element("w:rPr")
    for flag, tag in ((bold, "w:b"), (italic, "w:i"), (strike, "w:strike")):
        if flag:
            properties.append(element(tag))
    if underline:
        properties.append(element("w:u", {qn("w:val"): "single"}))
    return properties


def text_element(tag: str, text: str) -> Any:
    """A ``w:t`` (or ``w:delText``: ``tag``) holding ``text``, its spaces kept
    (``xml:space="preserve"``)."""
    made = _preserved(tag).__copy__()
    made.text = text
    return made


@cache
def _preserved(tag: str) -> Any:
    return element(tag, {_PRESERVE: "preserve"})


def run_text(element: Any) -> str:
    """The text an element holds (``w:t`` and ``w:delText``, tabs and breaks as
    ``\\t`` and ``\\n``), whatever revisions wrap it."""
    out = []
    for node in element.iter(qn("w:t"), qn("w:delText"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:tab"):
            out.append("\t")
        elif node.tag == qn("w:br"):
            out.append("\n")
        else:
            out.append(node.text or "")
    return "".join(out)


# --- revisions and comments -----------------------------------------------------------------


class RevisionMarks:
    """Writes revisions and comments into one python-docx document, with unique ids.

    Ids start above every id already used by a revision or comment in the
    document, so marks can be added to a document that has some.
    """

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        used = [int(value) for tag in _ID_BEARERS
                for value in document.element.body.xpath(f".//{tag}/@w:id")
                if value.lstrip("-").isdigit()]
        self._next = max(used, default=0) + 1
        self._comments_root: Any = None
        self._pending: list[str] = []
        self._forms: dict[tuple[str, Stamp], Any] = {}

    def next_id(self) -> int:
        """A ``w:id`` not given before by this object nor used in the document."""
        value = self._next
        self._next += 1
        return value

    def inserted(self, runs: Iterable[Any], stamp: Stamp) -> Any:
        """A ``w:ins`` by ``stamp`` holding ``runs`` (``w:r``, or a ``w:del`` for words
        inserted and then deleted, as Word nests them)."""
        return self._wrap("w:ins", runs, stamp)

    def deleted(self, runs: Iterable[Any], stamp: Stamp) -> Any:
        """A ``w:del`` by ``stamp`` holding ``runs``; every ``w:t`` in them becomes
        ``w:delText`` (and ``w:instrText`` ``w:delInstrText``)."""
        wrapper = self._wrap("w:del", runs, stamp)
        for node in wrapper.iter(*DELETED_TAGS):
            node.tag = DELETED_TAGS[node.tag]
        return wrapper

    def mark_inserted(self, paragraph: Any, stamp: Stamp) -> None:
        """Mark ``paragraph``'s mark (the ``w:p``'s end) inserted by ``stamp``.

        Word's convention for a new paragraph after P is P's mark inserted. Does
        nothing if the mark is already marked inserted.
        """
        self._mark(paragraph, "w:ins", stamp)

    def mark_deleted(self, paragraph: Any, stamp: Stamp) -> None:
        """Mark ``paragraph``'s mark deleted by ``stamp`` (accepting joins it to the next
        paragraph). Does nothing if the mark is already marked deleted."""
        self._mark(paragraph, "w:del", stamp)

    def mark_row(self, row: Any, tag: str, stamp: Stamp) -> None:
        """Mark the table row ``row`` (``w:tr``) inserted (``tag`` "w:ins") or deleted
        ("w:del") by ``stamp``, as Word tracks a row added or taken out (once)."""
        properties = row.find(qn("w:trPr"))
        if properties is None:
            properties = element("w:trPr")
            before = next((child for child in row if child.tag == qn("w:tc")), None)
            if before is None:
                row.append(properties)
            else:
                before.addprevious(properties)
        if properties.find(qn(tag)) is None:
            properties.append(self._stamped(tag, stamp))

    def comment(self, first: Any, last: Any, paragraphs: Sequence[str], stamp: Stamp,
                initials: str | None = None, *, later: bool = False) -> int:
        """Anchor a comment on ``first`` .. ``last`` (siblings in one ``w:p``, ``first``
        not after ``last``; a ``w:r``, ``w:ins`` or ``w:del``) and return its id.

        The range markers and the ``w:commentReference`` run stand outside any
        revision, so accepting or rejecting the change keeps the comment. Each
        string of ``paragraphs`` is one paragraph of the comment (at least one,
        possibly empty). ``initials`` default to the author. With ``later``, the
        comment reaches the comments part at `finish`, parsed with the others in one go
        (as `comment_xml` gives them): for a writer that makes thousands.
        """
        comment_id = self.next_id()
        comments, made = self._comments(), _comment_xml(comment_id, paragraphs, stamp, initials)
        if later:
            self._pending.append(made)
        else:
            comments.append(markup.element(made))
        first.addprevious(element("w:commentRangeStart", {_ID: str(comment_id)}))
        end = element("w:commentRangeEnd", {_ID: str(comment_id)})
        last.addnext(end)
        end.addnext(_reference_run(comment_id, "w:commentReference"))
        return comment_id

    def _comments(self) -> Any:
        """The ``w:comments`` root of the document's comments part (made on first use)."""
        if self._comments_root is None:
            self._comments_root = self._document.comments._comments_elm
        return self._comments_root

    # The same, as markup (see `drafting.ooxml.markup`): for writers of large documents.

    def wrap_xml(self, tag: str, inner: str, stamp: Stamp) -> str:
        """``inner`` markup in a ``w:ins`` or ``w:del`` (``tag``) by ``stamp``. Runs in a
        deletion must have been written deleted (``w:delText``)."""
        date = f' w:date="{iso_date(stamp.date)}"' if stamp.date is not None else ""
        return (f'<{tag} w:id="{self.next_id()}" w:author="{markup.attribute(stamp.author)}"'
                f"{date}>{inner}</{tag}>")

    def comment_xml(self, paragraphs: Sequence[str], stamp: Stamp,
                    initials: str | None = None) -> tuple[str, str]:
        """A comment added to the document, as `comment` adds one, and the markup that
        anchors it: (what goes before the first element commented on, what goes after
        the last: the range's end and the reference run). The comments given this way
        reach the document's comments part at `finish`."""
        comment_id = self.next_id()
        self._pending.append(_comment_xml(comment_id, paragraphs, stamp, initials))
        return (f'<w:commentRangeStart w:id="{comment_id}"/>',
                f'<w:commentRangeEnd w:id="{comment_id}"/><w:r><w:rPr>'
                f'<w:rStyle w:val="CommentReference"/></w:rPr>'
                f'<w:commentReference w:id="{comment_id}"/></w:r>')

    def finish(self) -> None:
        """Put the comments made by `comment_xml` (or `comment` ``later``) into the
        comments part, in one parse."""
        if self._pending:
            made = markup.element(f"<w:comments>{''.join(self._pending)}</w:comments>")
            self._comments().extend(list(made))
            self._pending.clear()

    def _wrap(self, tag: str, runs: Iterable[Any], stamp: Stamp) -> Any:
        wrapper = self._stamped(tag, stamp)
        for run in runs:
            wrapper.append(run)
        return wrapper

    def _stamped(self, tag: str, stamp: Stamp) -> Any:
        """A new ``tag`` element by ``stamp`` with the next id: a copy of one made for
        the stamp (a merged draft has thousands of changes by a few hundred stamps)."""
        form = self._forms.get((tag, stamp))
        if form is None:
            attributes = {_ID: "", _AUTHOR: stamp.author}  # the id set on each copy
            if stamp.date is not None:
                attributes[_DATE] = iso_date(stamp.date)
            form = self._forms[tag, stamp] = element(tag, attributes)
        made = form.__copy__()
        made.set(_ID, str(self.next_id()))
        return made

    def _mark(self, paragraph: Any, tag: str, stamp: Stamp) -> None:
        properties = _mark_properties(paragraph)
        if properties.find(qn(tag)) is not None:
            return
        mark = self._stamped(tag, stamp)
        if tag == "w:del" and (inserted := properties.find(qn("w:ins"))) is not None:
            inserted.addnext(mark)  # the schema orders ins before del
        else:
            properties.insert(0, mark)


def _mark_properties(paragraph: Any) -> Any:
    """The paragraph mark's run properties (``w:pPr/w:rPr``), created where the schema
    wants it (before ``w:sectPr`` and ``w:pPrChange``); a footnote's paragraph too,
    parsed apart from the body (plain lxml: no ``get_or_add_pPr``)."""
    paragraph_properties = paragraph.find(qn("w:pPr"))
    if paragraph_properties is None:
        paragraph_properties = element("w:pPr")
        paragraph.insert(0, paragraph_properties)
    found = paragraph_properties.find(qn("w:rPr"))
    if found is not None:
        return found
    properties = element("w:rPr")
    follower = next((paragraph_properties.find(qn(tag)) for tag in _AFTER_RPR
                     if paragraph_properties.find(qn(tag)) is not None), None)
    if follower is not None:
        follower.addprevious(properties)
    else:
        paragraph_properties.append(properties)
    return properties


def _reference_run(comment_id: int | None, tag: str) -> Any:
    """A run in the CommentReference style holding ``tag``: the ``w:commentReference`` in
    the text (with ``comment_id``), or the ``w:annotationRef`` opening a comment."""
    run = _reference_form(tag).__copy__()  # lxml's deep copy
    if comment_id is not None:
        run[1].set(_ID, str(comment_id))
    return run


def _comment_xml(comment_id: int, paragraphs: Sequence[str], stamp: Stamp,
                 initials: str | None) -> str:
    """A ``w:comment`` as markup: each of ``paragraphs`` one paragraph (at least one), the
    first opening with the annotation mark, as Word writes them."""
    who = markup.attribute(stamp.author)
    mark = markup.attribute(stamp.author if initials is None else initials)
    date = f' w:date="{iso_date(stamp.date)}"' if stamp.date is not None else ""
    body = "".join(
        '<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>'
        + (_ANNOTATION_REF if number == 0 else "")
        + (markup.run_xml(line) if line else "") + "</w:p>"
        for number, line in enumerate(list(paragraphs) or [""]))
    return (f'<w:comment w:id="{comment_id}" w:author="{who}" w:initials="{mark}"{date}>'
            f"{body}</w:comment>")


# A comment reference's fixed run is built once and copied: one copy costs less than
# the elements one by one. The form itself is never handed out.

@cache
def _reference_form(tag: str) -> Any:
    run = element("w:r")
    properties = element("w:rPr")
    properties.append(element("w:rStyle", {_VAL: "CommentReference"}))
    run.append(properties)
    run.append(element(tag))
    return run


# --- house style ------------------------------------------------------------------------------

def set_right_to_left(paragraph: Any) -> Any:
    """Mark a ``w:p`` right to left: ``w:bidi`` on the paragraph, ``w:rtl`` on its runs
    (Word then lays Arabic out from the right margin). Returns it."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = element("w:pPr")
        paragraph.insert(0, properties)
    if properties.find(qn("w:bidi")) is None:
        place(properties, element("w:bidi"))  # in the schema's order, as Word asks
    for run in paragraph.iter(qn("w:r")):
        run_properties = run.find(qn("w:rPr"))
        if run_properties is None:
            run_properties = element("w:rPr")
            run.insert(0, run_properties)
        if run_properties.find(qn("w:rtl")) is None:
            place(run_properties, element("w:rtl"))
    return paragraph


def set_left_to_right(paragraph: Any) -> Any:
    """Mark a ``w:p`` left to right (``w:bidi w:val="0"``), whatever its style says: an
    English line among a right-to-left text's paragraphs. Returns it."""
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        properties = element("w:pPr")
        paragraph.insert(0, properties)
    bidi = properties.find(qn("w:bidi"))
    if bidi is None:
        bidi = place(properties, element("w:bidi"))
    bidi.set(qn("w:val"), "0")
    return paragraph


def label_runs(label: str) -> list[Any]:
    """The house-style opening of a paragraph: its label as a bold run, then a run
    holding a single tab."""
    return [make_run(label, bold=True), make_run("\t")]


def save_atomically(document: DocxDocument, path: str | os.PathLike[str]) -> None:
    """Save ``document`` to ``path`` through a temporary file in the same folder, so
    ``path`` holds either its old content or the whole new file, never half of one.

    Raises DraftingError, naming the file, the cause and the remedy, when the folder
    is missing, not writable, read-only or full (see `drafting.atomic`).
    """
    def save(stream: BinaryIO) -> None:
        buffer = io.BytesIO()  # built in memory: zipfile never meets a full disk half way
        document.save(buffer)
        stream.write(buffer.getvalue())

    write_atomically(path, save)
