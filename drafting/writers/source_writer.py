"""The writer that weaves a compilation into the secretariat's own Word document, paragraph
by paragraph: the rules are told where it is used (`drafting.writers.docx_source`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from docx.oxml.ns import qn

from drafting.engine.new_sections import title_line
from drafting.engine.segments import (
    Compilation,
    Credit,
    MergedParagraph,
    NewParagraph,
    original_text,
)
from drafting.errors import DraftingError
from drafting.model import Mark, ParagraphKind, parse_label
from drafting.model.sections import heading_line, section_key
from drafting.ooxml.revisions import Stamp
from drafting.ooxml.sections import (
    hand_on,
    keeper,
    properties_change,
    properties_differ,
    section_break,
)
from drafting.ooxml.table_rows import new_row
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit, new_runs, weave
from drafting.readers.paragraph_tables import (
    paragraph_row,
    row_form,
    row_label,
    unnumbered_row,
)
from drafting.readers.source_places import SourcePlace
from drafting.writers.docx_merged import SegmentWriter
from drafting.writers.field_numbers import field_numbered, number_field, track_number
from drafting.writers.footnote_lines import marks_deleted
from drafting.writers.heading_numbers import words_alone
from drafting.writers.list_items import (
    add_items,
    blank,
    competing_items,
    items_deleted,
    last_run,
    new_items,
    past_items,
)
from drafting.writers.option_paragraphs import added_options, tracked_options
from drafting.writers.pieces import alternative_labels
from drafting.writers.source_comments import SourceComments, note_lines
from drafting.writers.source_edits import (
    in_body,
    renumbered,
    rest_deleted,
    shown,
    to_source,
    word_numbers_kept,
)
from drafting.writers.source_line import SourceLine, spaces_taken
from drafting.writers.spacers import Spacers, body_spacers
from drafting.writers.typed_numbers import (
    clause_level,
    label_kind,
    typed_before,
    typed_label,
    typed_label_of,
)
from drafting.writers.unshown import where
from drafting.writers.word_lists import out_of_list

_PPR, _P, _INS, _DEL = qn("w:pPr"), qn("w:p"), qn("w:ins"), qn("w:del")


class SourceMismatch(DraftingError):
    """The source document does not hold the revision's text (it came from elsewhere)."""


class SourceWriter(SourceComments):
    """The template writer's stamps, dates and comments, on the source's paragraphs."""

    def __init__(self, document: Any, dates: Mapping[str, datetime],
                 places: list[SourcePlace | None], author: Stamp | None) -> None:
        super().__init__(document, dates, author)
        self.places = places
        self.by_id: dict[str, SourcePlace | None] = {}
        self.read: dict[str, str] = {}  # the labels the source's own reading gives, by id
        self.footnotes_changed = self.comments_made = False
        self.last: Any = None  # the w:p new paragraphs go after
        self.main: Any = None  # the w:p whose form they take (not a sub-paragraph's)
        self.typed = ""  # the typed label of the last paragraph ("5.\t"), if any
        self.kind: ParagraphKind | None = None  # the main one's
        self.forms: dict[ParagraphKind, tuple[Any, str]] = {}
        """The w:p and typed label of a paragraph of each kind: the last placed, else the
        first to come (a new paragraph after a heading takes a paragraph's form)."""
        self.leading: list[tuple[str, str, Credit]] = []  # new ones before the first
        self.unshown: list[str] = []  # the proposals not shown as tracked changes
        self.items: list[Any] = []  # the new list items made (`new_items`)
        self.opened = False  # the last new paragraph was a new article's heading
        self.headings: dict[str, tuple[Any, str]] = {}  # "article", "title": their forms
        self.headed = False  # the last paragraph placed was an article's heading
        self.spacers = Spacers([])  # the blank lines between paragraphs (`spacers`)
        self.taken: dict[int, list[Any]] = {}  # the blank lines each deletion takes
        self.ids: dict[str, int] = {}  # the index of each paragraph, by id

    def check(self, paragraphs: Sequence[Any], compilation: Compilation) -> None:
        ours = [e for e in compilation.entries if isinstance(e, MergedParagraph)]
        if [p.text for p in paragraphs] != [original_text(e.segments) for e in ours]:
            raise SourceMismatch(f"the Word source of {compilation.symbol} does not hold "
                                 f"its {compilation.revision} text")
        self.by_id = {e.paragraph.id: place for e, place in zip(ours, self.places, strict=True)}
        self.read = {e.paragraph.id: p.label for e, p in zip(ours, paragraphs, strict=True)}

    def write(self, compilation: Compilation) -> None:
        self.know_amended(compilation)
        ours = [e for e in compilation.entries if isinstance(e, MergedParagraph)]
        self.spacers = body_spacers(self.places)
        taken = self.spacers.taken([e.deletion is not None for e in ours])
        self.taken = {index: found for index, found in taken.items()}
        self.ids = {e.paragraph.id: index for index, e in enumerate(ours)}
        for entry in compilation.entries:  # the first of each kind, for one before any
            place = self.by_id.get(entry.paragraph.id) \
                if isinstance(entry, MergedParagraph) else None
            if place is not None and place.paragraphs and \
                    entry.paragraph.kind not in self.forms and in_body(place.elements()[0]):
                self.forms[entry.paragraph.kind] = (place.elements()[0], typed_before(place))
        for entry in compilation.entries:
            if isinstance(entry, NewParagraph):
                self._new(entry.label, entry.text, entry.credit, first=bool(entry.before),
                          marks=entry.marks)
            else:
                self._existing(entry)

    def finish(self) -> None:
        if self.leading:
            raise SourceMismatch("the source has no paragraph in its body to put the new "
                                 "first paragraph before")
        self.marks.finish()
        if self.footnotes_changed:
            next(p for p in self.places if p is not None).footnotes.save()

    def changed_parts(self) -> set[str]:
        parts = {"/word/document.xml"}
        if self.comments_made:
            parts.add(str(self.document.part._comments_part.partname))
        if self.footnotes_changed:
            parts |= {str(place.footnotes.part.partname) for place in self.places
                      if place is not None and place.footnotes.part is not None}
        return parts

    # --- existing paragraphs ----------------------------------------------------------

    def _existing(self, entry: MergedParagraph) -> None:
        place = self.by_id.get(entry.paragraph.id)
        if place is None or not place.paragraphs:
            return
        elements = place.elements()
        main = in_body(elements[0])  # not a footnote's
        deleter = self.stamp(entry.deletion) if entry.deletion else None
        line = SourceLine(deleter)
        SegmentWriter(self, line, (), False).write(  # the source's own form
            word_numbers_kept(entry.segments, place))
        line.edits[:] = spaces_taken(line.edits, original_text(entry.segments), deleter)
        whole: list[tuple[int, Edit]] = []  # what else a deleted paragraph shows
        lost: list[Edit] = []
        if all(at is None for at in place.places):  # no character found: say it instead
            self._unplaced(elements[0], entry)
        elif deleter is not None and entry.deletion is not None:
            whole = rest_deleted(place, deleter)  # its number goes with it, not renumbered
            lost = self._weave(place, line, extra=whole)
        else:
            number = renumbered(place, entry.paragraph.label, self.read[entry.paragraph.id],
                                self.author)
            typed = typed_label_of(place) if number is not None else None
            field = None if typed is None or number.start else \
                number_field(place.paragraphs[0].element, typed["number"])
            lost = self._weave(place, line, None if field else number,
                               text=original_text(entry.segments))
            if field is not None and number is not None:  # a SEQ field's: in its result
                track_number(field, number.text, self.marks, number.stamp)
        if lost:
            self._unplaced(elements[where(place, lost)], entry, lost)
        edits = [*line.edits, *(edit for _, edit in whole)]
        if deleter is not None and entry.deletion is not None and any(e.made for e in edits):
            for element in elements:
                self._delete_mark(element, deleter)
            for spacer in self.taken.get(self.ids[entry.paragraph.id], ()):  # its blank line
                self.marks.mark_deleted(spacer, deleter)
            made = _in_order(elements, edits)
            lines = note_lines(entry.deletion)
            if made and lines:  # the reasons for deleting it, on the paragraph
                self._comment(made[0], made[-1], lines, deleter)
        if entry.retains is not None:
            lines = [f"Retain: {', '.join(entry.retains.proponents)}", *entry.retains.reasons]
            self._comment_paragraph(elements[0], lines, self.stamp(entry.retains))
        if main:
            self.typed = typed_before(place)
            if self.leading:
                self._lead(elements[0], self.typed)
            self.main, self.last = elements[0], past_items(elements[-1], self.items)
            self.kind = entry.paragraph.kind
            self.forms[self.kind] = (self.main, self.typed)
            if self.kind is ParagraphKind.HEADING:  # an article's heading, then its title
                role = "article" if section_key(entry.paragraph.text) else "title"
                if role == "article" or self.headed:
                    self.headings[role] = (self.main, "")
                self.headed = role == "article"
            else:
                self.headed = False
        for alternative_label, option in zip(
                alternative_labels(entry.paragraph.label, len(entry.alternatives)),
                entry.alternatives, strict=True):
            self._new(alternative_label, option.text, option.credit, marks=option.marks)

    def _delete_mark(self, paragraph: Any, stamp: Stamp) -> None:
        """Mark ``paragraph``'s mark deleted; where it ends a section, or the body (whose
        last mark no word processor removes: Accept All left an empty item there), the
        mark before it instead, so that accepted, the words before take its place (in the
        form of their own paragraph) and rejected, all is as it was. With no paragraph
        there to take it, the mark stays on the emptied paragraph."""
        if not in_body(paragraph):  # a footnote's: its words struck, it goes with its mark
            return
        if (row := paragraph_row(paragraph)) is not None:  # a row laid out as a paragraph
            self.marks.mark_row(row, "w:del", stamp)
            return
        last = paragraph.getparent().tag == qn("w:body") and _is_last(paragraph)
        if section_break(paragraph) is None and not last:
            self.marks.mark_deleted(paragraph, stamp)
            return
        before = keeper(paragraph)
        if before is None:
            return
        self.marks.mark_deleted(before, stamp)
        if properties_differ(before, paragraph):
            properties_change(paragraph, before, self.marks, stamp)

    def _weave(self, place: SourcePlace, line: SourceLine, number: Edit | None = None,
               extra: Sequence[tuple[int, Edit]] = (), text: str = "") -> list[Edit]:
        """``line``'s edits woven into the paragraph's runs (a line inserted among items
        Word numbers, into ``text``: a new item, `new_items`), ``number``, a change of its
        typed number (a diff across a renumbering), into its first line, and each of
        ``extra`` (Word paragraph index, edit in its own coordinates) as it stands.
        Returns the proposals' edits it cannot show whole (not the paragraph's deletion's),
        which it leaves out."""
        per: dict[int, list[Edit]] = {0: [number]} if number is not None else {}
        for index, edit in extra:
            per.setdefault(index, []).append(edit)
        places = list(place.places) if line.edits else []  # read once for all edits
        lost, items, added, gone, lines = [], [], [], [], []
        options = added_options(place, text, line.edits) if text else {}
        options |= {at: [] for at in competing_items(place, text, line, places)}  # brackets
        for number, whole in enumerate(line.edits):
            if number in options:  # new options: Word paragraphs of their own
                added += [(whole, options[number])] if options[number] else []
                continue
            edit, found = new_items(place, text, whole, places) if text else (whole, None)
            if found is not None:
                items.append(found)
            if edit is None:
                continue
            pieces = to_source(place, edit, places, text)
            if edit.stamp is not line.deleter and not shown(edit, pieces):
                lost.append(edit)
                continue
            if text:  # items deleted whole: their marks too, no empty item left
                gone += [(index, edit.stamp) for index in items_deleted(text, edit, places)]
            lines += [(index, edit.stamp)
                      for index in marks_deleted(place, edit, places, line.edits)]
            for index, moved in pieces:
                per.setdefault(index, []).append(moved)
        for index, edits in per.items():
            source = place.paragraphs[index]
            weave(lambda source=source: visible(source.element, place.footnotes).atoms,
                  edits, self.marks)
            if not in_body(source.element):
                self.footnotes_changed = True
        for index, stamp in gone:
            self._delete_mark(place.paragraphs[index].element, stamp)
            if (spacer := self.spacers.beside(place.paragraphs[index].element)) is not None:
                self.marks.mark_deleted(spacer, stamp)  # its blank line too
        for index, stamp in lines:  # a footnote's line deleted whole: no empty line left
            self.marks.mark_deleted(place.paragraphs[index].element, stamp)
        after: dict[int, Any] = {}  # the last item added after each Word paragraph
        for found in items:
            made = add_items(place, found, self.marks, after.get(found.after),
                             self.document)
            after[found.after] = made[-1]
            stamp = found.edit.stamp if found.edit.tracked else None
            self.items += [*self.spacers.space(made, self.marks, stamp), *made]
        self.items += tracked_options(place, added, self.marks)
        for at, lines, stamp in line.comments:
            made = [e for n in at for e in line.edits[n].made]
            if made:
                self._comment(made[0], made[-1], lines, stamp)
        return lost

    # --- new paragraphs ---------------------------------------------------------------

    def _new(self, label: str, text: str, credit: Credit, *, first: bool = False,
             marks: Sequence[Mark] = ()) -> None:
        if self.last is None or first:  # before a first paragraph (OP0): placed with it
            self.leading.append((label, text, credit))
            return
        stamp = self.stamp(credit)
        if (row := paragraph_row(self.last)) is not None:  # after a row laid out as one
            self.last = self.main = self._new_row(row, label, text, credit, stamp)
            return
        # nothing after it to take in its emptied place, or it ends a section: as Word
        # does on Enter at its end, the new mark ends it, ours carries its own (and the
        # section break) on
        carried = _is_last(self.last) or section_break(self.last) is not None
        article = _sectioned(label) and (section_key(text) is not None or (
            self.opened and title_line(text)))  # "Article 5 bis", then its title
        self.opened = article and section_key(text) is not None
        numbered = not article and not _sectioned(label) and heading_line(text)  # "IV. ..."
        kind = ParagraphKind.HEADING if article or numbered else label_kind(label)
        role = "article" if self.opened else "title"
        if article and role in self.headings and not carried:  # in its headings' forms
            self.main, self.typed = self.headings[role]
            self.kind, words = kind, self.main
        elif kind is not None and kind is not self.kind and kind in self.forms and not carried:
            self.main, self.typed = self.forms[kind]  # a heading's new paragraph: a body's
            self.kind, words = kind, self.main
        else:
            words = self.last
        paragraph = blank(self.last if carried else self.main)
        clause_level(self.document, paragraph, label)  # Word's "1.2" after "1.1.1"
        typed = "" if article or numbered else typed_label(label, self.typed, text)
        alone = words_alone(text, self.main, self.document) if numbered else text  # Word's no.
        fields, typed = field_numbered(self.main, self.typed, typed, simple=False)
        if typed.strip():  # its typed number alone: Word's own would stand before it
            out_of_list(self.document, paragraph)
        paragraph.append(self.marks.inserted(  # a SEQ field numbering it as the one before
            [*fields, *new_runs(alone, last_run(words), self.main, typed,
                                marks if alone == text else ())], stamp))
        self.last.addnext(paragraph)
        if carried and not _mark_deleted(self.last):
            hand_on(self.last, paragraph)
            self.marks.mark_inserted(self.last, stamp)
        else:  # rejected, the emptied paragraph joins the next, which keeps its own form
            self.marks.mark_inserted(paragraph, stamp)
            self._spaced(paragraph, stamp)
        self.last = self.main = paragraph
        self._credit_new(paragraph, credit, stamp, label if not typed else None)

    def _spaced(self, paragraph: Any, stamp: Stamp) -> None:
        """The new ``paragraph`` (after ``self.last``) with a blank line of its own where
        the document lays paragraphs apart with them, inserted by ``stamp``: before it,
        or after it where the blank line after the one before goes with its deletion
        (accepted, then, the blank line stands between it and the next)."""
        model = self.spacers.model(self.last)
        if model is None:
            return
        spacer = self.spacers.made(paragraph, model)
        owner = self.spacers.owner.get(self.last)
        if model in self.taken.get(owner, ()) and model is self.spacers.spacer_after(self.last):
            paragraph.addnext(spacer)
        else:
            self.last.addnext(spacer)
        self.marks.mark_inserted(spacer, stamp)

    def _new_row(self, row: Any, label: str, text: str, credit: Credit, stamp: Stamp, *,
                 before: bool = False) -> Any:
        """A new paragraph beside a table's row that is one: a row of its own after it (or
        ``before`` it), in its form, inserted by ``stamp`` (its number typed as the row
        types its own); its text cell's paragraph."""
        form_row = row_form(row)  # after a heading's merged row: a paragraph's form
        made, cells = new_row(form_row)
        forms = [cell.find(qn("w:p")) for cell in form_row.iter(qn("w:tc"))]
        numbered = self.typed if form_row is row else row_label(form_row)  # its row's
        typed = "" if label_kind(label) is ParagraphKind.PREAMBULAR and \
            unnumbered_row(form_row) \
            else typed_label(label, numbered, text).strip() or label  # as its row: no no.
        for paragraph, form, words in zip(cells, forms, (typed, text), strict=False):
            paragraph.append(self.marks.inserted(new_runs(words, last_run(form), form), stamp))
        if before:
            row.addprevious(made)
        else:
            row.addnext(made)
        self.marks.mark_row(made, "w:ins", stamp)
        words = cells[min(1, len(cells) - 1)]  # the text cell's, not a proposals column's
        self._credit_new(words, credit, stamp)
        return words

    def _lead(self, first: Any, typed: str) -> None:
        """The new paragraphs proposed before the text's or a series' first, put before
        ``first`` in its form (OP0 before OP1: its list numbering, its number typed as it
        types its own); rejected, each emptied paragraph joins ``first``, which keeps its
        own."""
        row = paragraph_row(first)
        for label, text, credit in self.leading:
            stamp = self.stamp(credit)
            if row is not None:  # before a table's row laid out as a paragraph: a row
                self._new_row(row, label, text, credit, stamp, before=True)
                continue
            paragraph = blank(first)
            words = new_runs(text, last_run(first), first, typed_label(label, typed, text))
            paragraph.append(self.marks.inserted(words, stamp))
            first.addprevious(paragraph)
            self.marks.mark_inserted(paragraph, stamp)
            if (model := self.spacers.model(first)) is not None:  # a blank line after it
                paragraph.addnext(spacer := self.spacers.made(paragraph, model))
                self.marks.mark_inserted(spacer, stamp)
            self._credit_new(paragraph, credit, stamp)
        self.leading = []

    def _credit_new(self, paragraph: Any, credit: Credit, stamp: Stamp,
                    label: str | None = None) -> None:
        """Comments on a new paragraph: its reasons and supporters; where Word numbers it
        (``label`` given, nothing typed), that it is an alternative formulation."""
        lines = note_lines(credit)
        base, alternative, _ = (label or "").partition(" Alt")
        if alternative:
            lines.insert(0, f"Alternative to {base} proposed by "
                            f"{', '.join(credit.proponents)}.")
        inserted = paragraph.find(qn("w:ins"))
        if lines:
            self._comment(inserted, inserted, lines, stamp)
        for sub, words in self.subamendments(credit):
            self._comment(inserted, inserted, [words, *sub.reasons], self.stamp(sub))


def _in_order(elements: Sequence[Any], edits: Sequence[Edit]) -> list[Any]:
    """The ``w:ins``/``w:del`` elements ``edits`` made, in the order they stand in the
    Word paragraphs ``elements``."""
    made = {e for edit in edits for e in edit.made}
    return [e for p in elements for e in p.iter(_INS, _DEL) if e in made]


def _is_last(paragraph: Any) -> bool:
    return not any(sibling.tag == qn("w:p") for sibling in paragraph.itersiblings())


def _mark_deleted(paragraph: Any) -> bool:
    return paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}") is not None


def _sectioned(label: str) -> bool:
    """Whether ``label`` numbers a paragraph within a section (a treaty's ``5.1 bis``)."""
    try:
        return bool(parse_label(label).section)
    except DraftingError:
        return False
