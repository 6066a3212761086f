"""A revision written into the Word document of the revision before it.

`revise_source` takes the previous revision's source (the secretariat's own ``.docx``)
and makes the new revision's changes in it, untracked, changing only what it must:

- the words each paragraph's text changed (accepted amendments, brackets settled), in
  the paragraph's own runs: the runs keep their formatting, new words take the
  formatting of the words before them;
- paragraphs gone are removed; new ones stand where the revision puts them, with the
  form of the paragraph before (after a heading, of a paragraph of their own kind) and
  their number typed as the source types numbers;
- section breaks stay as many as they were: one held by a paragraph gone moves to the
  paragraph before, one held by the paragraph a new one follows moves to the new one;
- typed numbers follow the renumbering (an accepted "6 bis" becomes "7." and the old 7
  becomes "8."); automatic numbering follows by itself, and where it cannot (each
  paragraph a Word list of its own) the lists are restarted at their new numbers; a
  number typed among paragraphs Word numbers ("2 bis.") gives way to Word's
  (`drafting.writers.word_lists`);
- the document's symbol, where it stands in the front matter or a page header, gains the
  revision (``A/C.2/81/L.99`` becomes ``A/C.2/81/L.99/Rev.1``);
- where the document lays its paragraphs apart with one empty paragraph, a paragraph
  or item gone takes one with it and a new one comes with one (`drafting.writers.spacers`);
- the draft's Word comments (a secretariat's internal note) are taken out: a revision to
  circulate carries none (`drop_comments`);
- where paragraphs were renumbered, cross-reference fields (REF, PAGEREF) are marked
  for Word to compute again on opening (`drafting.ooxml.field_updates`).

Every other part of the package is copied byte for byte.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import replace
from typing import Any

import docx
from docx.oxml.ns import qn

from drafting.engine.footnotes import cited, footnote_numbers
from drafting.engine.series import opens_series, series_key
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind, Revision
from drafting.ooxml.comments import drop_comments
from drafting.ooxml.field_updates import dirty_references
from drafting.ooxml.revisions import RevisionMarks, Stamp
from drafting.ooxml.sections import hand_on
from drafting.ooxml.table_rows import new_row
from drafting.ooxml.visible import visible
from drafting.ooxml.weave import Edit, new_runs, weave
from drafting.readers.paragraph_tables import paragraph_row, row_form, unnumbered_row
from drafting.readers.source_places import SourcePlace, source_places
from drafting.writers.body_removal import remove_paragraph, take_out
from drafting.writers.docx_source import SourceMismatch
from drafting.writers.field_numbers import field_numbered, number_field, show_number
from drafting.writers.footnote_lines import emptied_removed
from drafting.writers.heading_numbers import shown_kept, words_alone
from drafting.writers.line_edits import line_edits, typed_over
from drafting.writers.list_items import (
    add_items,
    join_items,
    lines_of,
    new_items,
    past_items,
    word_edits,
)
from drafting.writers.option_paragraphs import (
    new_options,
    option_paragraphs,
    split_added,
    typed_option_lead,
)
from drafting.writers.revised_options import (
    chosen_option,
    keep_only,
    option_words,
    revised_option,
)
from drafting.writers.source_edits import in_body, marked, to_source
from drafting.writers.spacers import Spacers, body_spacers
from drafting.writers.symbol_places import revise_symbol
from drafting.writers.typed_numbers import (
    TYPED_NUMBER,
    alone_untyped,
    clause_level,
    shown_number,
    typed_label_of,
    with_prefix,
)
from drafting.writers.word_lists import (
    into_list,
    list_number,
    listed,
    neighbour,
    renumber_lists,
    suffixed,
)
from drafting.writers.word_package import package_bytes

_NOBODY = Stamp("", None)
_FOOTNOTE = qn("w:footnote")


def revise_source(source: bytes, old: Revision, new: Revision, *, symbol: str) -> bytes:
    """The Word document of ``new``, made from ``source`` (which must hold ``old``: else
    SourceMismatch)."""
    document = docx.Document(io.BytesIO(source))
    result, places = source_places(document)
    if [p.text for p in result.paragraphs] != [p.text for p in old]:  # in order, by text
        raise SourceMismatch(f"the Word source of {symbol} does not hold its {old.label} text")
    writer = _Reviser(document, dict(zip((p.id for p in old), places, strict=True)))
    writer.revise(old, new)
    if writer.leading:
        raise SourceMismatch(f"the Word source of {symbol} has no paragraph in its body to "
                             "put the new first paragraph before")
    changed = {"/word/document.xml"} | writer.symbol(symbol, new.label) | drop_comments(document)
    if new.label_table:  # paragraphs renumbered: Word computes cross-references again
        dirty_references(document.element.body)
    if writer.items is not None and (part := renumber_lists(
            document, [(p, writer.mains.get(p.id)) for p in new])):
        changed.add(part)
    if writer.footnotes is not None and writer.footnotes_changed:
        writer.footnotes.save()
        changed.add(str(writer.footnotes.part.partname))
    saved = io.BytesIO()
    document.save(saved)
    return package_bytes(source, saved.getvalue(), changed)


class _Reviser:
    def __init__(self, document: Any, places: dict[str, SourcePlace | None]) -> None:
        self.document = document
        self.places = places
        self.marks = RevisionMarks(document)
        self.footnotes = next((p.footnotes for p in places.values() if p is not None), None)
        self.footnotes_changed = False
        self.main: Any = None
        self.last: Any = None
        self.typed: tuple[str, str, str] | None = None
        """What stands before and after the last paragraph's typed number ("", ".\t"),
        and the number ("5", a clause's "1.2")."""
        self.form: tuple[ParagraphKind, int] | None = None  # the main one's (`_form`)
        self.forms: dict[tuple[ParagraphKind, int], tuple[Any, tuple[str, str] | None]] = {}
        """The w:p and typed number of a paragraph of each kind (a heading's of each
        level): the last placed, else the first to come (a new paragraph after a heading
        takes a paragraph's form, a new article's title a title's)."""
        self.leading: list[Paragraph] = []
        self.notes: dict[str, str] = {}  # new footnote number -> old, where renumbered
        self.mains: dict[str, Any] = {}  # the first w:p of each paragraph, by id
        self.items: dict[str, Any] | None = None
        """The old paragraphs a Word list numbers, by id (`listed`); None where the labels
        are not Word's numbers."""
        self.old: list[Paragraph] = []
        self.untyped: set[str] = set()  # new ones alone in their article: no number typed
        self.spacers = Spacers([])  # the blank lines between paragraphs (`spacers`)

    def revise(self, old: Revision, new: Revision) -> None:
        kept = {p.id for p in new}
        renumbered = footnote_numbers(dict(new.label_table))  # Word numbers its own notes
        self.notes = {now: was for was, now in renumbered.items()}
        self.old = list(old)
        self.items = listed(self.document, [(p, self._first(p.id)) for p in old])
        self.untyped = alone_untyped(list(old), list(new), self.places)
        standing = self._standing(old)  # where the text began, kept if it all goes
        self.spacers = body_spacers([self.places.get(p.id) for p in old])
        for spacers in self.spacers.taken([p.id not in kept for p in old]).values():
            for spacer in spacers:  # a deleted paragraph's blank line goes with it
                take_out(spacer)
        for paragraph in old:
            place = self.places.get(paragraph.id)
            if paragraph.id not in kept and place is not None:
                for element in place.elements():
                    if in_body(element):
                        remove_paragraph(element)
                    elif (note := element.getparent()).tag == _FOOTNOTE and \
                            note.getparent() is not None:  # its reference went too
                        note.getparent().remove(note)  # once, if it had several paragraphs
                        self.footnotes_changed = True
        for paragraph in new:  # the first of each kind, for a new one before any
            place = self.places.get(paragraph.id)
            if place is not None and place.paragraphs and _form(paragraph) not in self.forms \
                    and in_body(place.paragraphs[0].element):
                self.forms[_form(paragraph)] = (place.paragraphs[0].element, _typed(place))
        first = _standing_before(list(new), {i for i, p in self.places.items() if p})
        for paragraph in new:
            was = old.by_id(paragraph.id)
            place = self.places.get(paragraph.id)
            if was is None or place is None:
                self._new(paragraph, first=paragraph.id in first)
            else:
                self._changed(was, paragraph, place)
        if self.leading and standing is not None:  # every old paragraph deleted: the new
            anchor, self.main, self.typed = standing  # ones where the first one stood
            for leading in self.leading:
                anchor.addnext(made := self._made(leading))
                anchor = self.mains[leading.id] = made
            self.leading = []

    def _standing(self, old: Revision) -> tuple[Any, Any, tuple[str, str, str] | None] | None:
        """What stands before the text's first paragraph in the body, a copy of that
        paragraph (a form for new ones) and its typed number; None where it has none."""
        for paragraph in old:
            place = self.places.get(paragraph.id)
            first = self._first(paragraph.id)
            if place is None or first is None or first.getprevious() is None:
                continue
            return first.getprevious(), copy.deepcopy(first), _typed(place)
        return None

    def _changed(self, was: Paragraph, now: Paragraph, place: SourcePlace) -> None:
        if self.notes and "[^" in now.text:  # a footnote renumbered is the same reference
            now = replace(now, text=cited(now.text, self.notes))
        first = place.paragraphs[0]
        typed = typed_label_of(place)
        item = self._item(was, now) if typed else None
        chosen = chosen_option(was, now, place)
        revised = None if chosen else revised_option(was, now, place)  # chosen, amended
        chosen |= revised is not None
        text, added = (now.text, []) if chosen else split_added(was.text, now.text, now.marks)
        if now.kind is ParagraphKind.HEADING:  # "Article 3" for "Article 2": Word's own
            text = shown_kept(was.text, text, place.places)
        if added and (typed_option_lead(place.paragraphs[-1].text) is None or
                      new_options(was.text, now.text[len(text):]) is None):
            text, added = now.text, []  # not options of their own Word paragraphs
        places = list(place.places) if was.text != text and not chosen else []
        lines = typed_over(was.text, lines_of(was.text, places), place) if places else []
        removed: list[int] = []
        joined: list[tuple[int, int]] = []
        if chosen:  # one option kept: its words after the number, the other options gone
            edits = []
            removed = list(range(1, len(place.paragraphs)))
        elif any(line.item for line in lines[1:]):  # items, numbered or typed: by line
            edits, removed, joined = line_edits(was.text, text, lines)
        else:
            edits = marked(word_edits(was.text, text), now.marks if text == now.text else ())
        per: dict[int, list[Edit]] = {}
        option = option_words(was, now, place, revised) if chosen else None
        if option is not None:  # its own words, in their own form, after the number
            index, start, end = option
            per = keep_only(place, index, start, end, typed.end() if typed else 0)
            if revised is not None:  # and the words the amendments changed in it
                per[index] += word_edits(place.paragraphs[index].text[start:end],
                                         now.text.strip(), start)
        elif chosen:
            per[0] = [Edit(typed.end() if typed else 0, len(first.text), _NOBODY, now.text,
                           tracked=False)]
        items, renumber = [], None
        for whole in edits:
            edit, found = new_items(place, was.text, whole, places) if lines else (whole, None)
            if found is not None:
                items.append(found)
            for index, moved in to_source(place, edit, places, was.text) \
                    if edit is not None else ():
                per.setdefault(index, []).append(moved)
        if typed and item is not None:  # a Word list numbers it now: its typed number goes
            cut = typed.end("bracket") if typed["bracket"] else typed.start()
            per.setdefault(0, []).insert(0, Edit(cut, typed.end(), _NOBODY, tracked=False))
        elif typed and was.label != now.label:  # the typed number follows the renumbering
            number = shown_number(now.label, typed["number"])
            field = None if typed.start("number") else number_field(first.element,
                                                                    typed["number"])
            if field is None:
                per.setdefault(0, []).insert(0, Edit(typed.start("number"), typed.end("number"),
                                                     _NOBODY, number, tracked=False))
            else:  # Word's SEQ field shows it: its result, once the edits after it are made
                renumber = (field, number)
        for index in {index for _, _, index in place.alternatives} - {0} - set(removed):
            shown = place.paragraphs[index].text  # "OP2 Alt", "2 alt.", "2.<tab>Alt 2: ..."
            alternative = _ALTERNATIVE.match(shown) or TYPED_NUMBER.match(shown)
            if alternative and was.label != now.label:
                per.setdefault(index, []).append(Edit(
                    alternative.start("number"), alternative.end("number"), _NOBODY,
                    shown_number(now.label, alternative["number"]), tracked=False))
        for index, changes in per.items():
            source = place.paragraphs[index]
            weave(lambda source=source: visible(source.element, place.footnotes).atoms,
                  changes, self.marks)
            self.footnotes_changed |= not in_body(source.element)
        emptied_removed(place, per)  # a footnote's line deleted whole: no empty line left
        if renumber is not None:
            show_number(*renumber)
        if item is not None:
            into_list(first.element, item)
            typed = None
        made, after = [], {}
        for found in items:  # new items Word numbers, after the item before them
            new = add_items(place, found, self.marks, after.get(found.after))
            made += [*self.spacers.space(new, self.marks, None), *new]
            after[found.after] = made[-1]
        if added:  # new options: Word paragraphs after the block's last
            new = option_paragraphs(place, added, len(place.alternatives) + 1)
            for paragraph in reversed(new):
                place.paragraphs[-1].element.addnext(paragraph)
            made += new
        if option is not None and option[0] > 0:  # the chosen option's runs, moved up
            first.element.extend(child for child in list(place.paragraphs[option[0]].element)
                                 if child.tag != qn("w:pPr"))
        join_items(place, joined)  # items joined: one Word paragraph
        for index in removed:  # whole items taken out: Word numbers the next ones on
            if (spacer := self.spacers.beside(place.paragraphs[index].element)) is not None:
                take_out(spacer)  # and their blank lines
            remove_paragraph(place.paragraphs[index].element)
        if in_body(first.element):
            elements = [e for e in place.elements() if in_body(e) and e.getparent() is not None]
            self.main, self.last = elements[0], past_items(elements[-1], made)
            self.mains[now.id] = self.main
            self.typed = (typed["before"], typed["after"], typed["number"]) if typed else None
            self.form = _form(now)
            self.forms[self.form] = (self.main, self.typed)
            row = paragraph_row(elements[0])
            for leading in self.leading:  # new ones before the text's or a series' first
                if row is not None:  # before a table's row laid out as a paragraph: a row
                    self._row(row, leading, before=True)
                else:
                    elements[0].addprevious(made_first := self._made(leading))
                    self.mains[leading.id] = made_first
                    if (model := self.spacers.model(elements[-1])) is not None:
                        elements[0].addprevious(self.spacers.made(made_first, model))
            self.leading = []

    def _new(self, paragraph: Paragraph, *, first: bool = False) -> None:
        if self.last is None or first:  # before a first paragraph: there once it is placed
            self.leading.append(paragraph)
            return
        form = _form(paragraph)
        if form != self.form:  # after a heading: a body's form; a title: a title's
            found = self.forms.get(form) or next(
                (found for (kind, _), found in self.forms.items() if kind is paragraph.kind),
                None)
            if found is not None:
                self.main, self.typed = found
                self.form = form
        if (row := paragraph_row(self.last)) is not None:  # a row after a row
            self.last = self.main = self._row(row, paragraph)
            return
        made = self._made(paragraph)
        self.last.addnext(made)
        if (model := self.spacers.model(self.last)) is not None:  # a blank line before it
            self.last.addnext(self.spacers.made(made, model))
        hand_on(self.last, made)  # the new last paragraph of the section ends it
        self.last = self.main = self.mains[paragraph.id] = made

    def _first(self, paragraph_id: str) -> Any:
        """The first ``w:p`` of a paragraph of the source in its body, or None."""
        place = self.places.get(paragraph_id)
        first = place.paragraphs[0].element if place is not None and place.paragraphs \
            else None
        return first if first is not None and in_body(first) else None

    def _item(self, was: Paragraph, now: Paragraph) -> Any:
        """The ``w:p`` whose Word list ``now`` joins, its typed number renumbered among
        paragraphs a list numbers ("2 bis." become 3): its neighbour's of its kind, or
        its own where Word numbers it already ("(a bis)<tab>" typed on an item of Word's
        list, now "(b)"); None where it keeps a typed number."""
        first = self._first(was.id)
        if first is not None and first.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
            return first if suffixed(was.label) and list_number(now.label) else None
        if self.items is None or was.label == now.label or was.id in self.items or \
                list_number(now.label) is None or first is None:
            return None
        at = next(i for i, p in enumerate(self.old) if p.id == was.id)
        return neighbour(self.old, at, self.items)

    def _row(self, row: Any, paragraph: Paragraph, *, before: bool = False) -> Any:
        """``paragraph`` as a new row after ``row`` (or ``before`` it; a table's row laid
        out as a paragraph), in its form, its number typed as ``row`` types its own; its
        text cell's paragraph."""
        form_row = row_form(row)  # after a heading's merged row: a paragraph's form
        made, paragraphs = new_row(form_row)
        forms = [cell.find(qn("w:p")) for cell in form_row.iter(qn("w:tc"))]
        number = f"{self.typed[0]}{shown_number(paragraph.label, self.typed[2])}" \
            f"{self.typed[1]}" if self.typed else paragraph.label
        if paragraph.kind is not ParagraphKind.OPERATIVE and unnumbered_row(form_row):
            number = ""  # as its row: no number
        for made_paragraph, form, words in zip(paragraphs, forms,
                                               (number.strip(), paragraph.text), strict=False):
            runs = [r for r in form.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
            made_paragraph.extend(new_runs(words, runs[-1] if runs else None, form))
        if before:
            row.addprevious(made)
        else:
            row.addnext(made)
        return paragraphs[min(1, len(paragraphs) - 1)]  # the text cell's, not a comment's

    def _made(self, paragraph: Paragraph) -> Any:
        """``paragraph`` in the form of the main paragraph placed last (or next, for a new
        first one), its number typed as that one types its own."""
        made = copy.deepcopy(self.main)
        for child in list(made):
            if child.tag != qn("w:pPr"):
                made.remove(child)
        for found in made.findall(f"{qn('w:pPr')}/{qn('w:sectPr')}"):
            found.getparent().remove(found)  # one section break, where it stood
        runs = [r for r in self.main.iter(qn("w:r")) if r.find(qn("w:t")) is not None]
        numbered = paragraph.kind is ParagraphKind.OPERATIVE or bool(  # or "PP2. " typed
            self.typed and with_prefix(self.typed[0], paragraph.label))
        typed = f"{with_prefix(self.typed[0], paragraph.label)}" \
            f"{shown_number(paragraph.label, self.typed[2])}{self.typed[1]}" \
            if self.typed and numbered and paragraph.id not in self.untyped else ""
        if typed:  # numbered by a SEQ field as its neighbour: a field of its own
            fields, typed = field_numbered(
                self.main, f"{self.typed[0]}{self.typed[2]}{self.typed[1]}", typed)
            made.extend(fields)
        words = words_alone(paragraph.text, self.main, self.document) \
            if paragraph.kind is ParagraphKind.HEADING else paragraph.text  # Word numbers it
        made.extend(new_runs(words, runs[-1] if runs else None, self.main, typed,
                             paragraph.marks if words == paragraph.text else ()))
        clause_level(self.document, made, paragraph.label)  # Word's "1.2" after "1.1.1"
        return made

    def symbol(self, symbol: str, label: str) -> set[str]:
        """Give the symbol the revision where it stands in the front matter, the page
        headers and footers and the document properties; the names of the parts changed."""
        return revise_symbol(self.document, list(self.places.values()), symbol, label,
                             self.marks, _NOBODY, tracked=False)


_ALTERNATIVE = lazy_compile(r"\s*(?:OP\s?)?(?P<number>\d{1,4}(?:\s*[a-z]+)??)(?=\s*alt\b)",
                          re.IGNORECASE)
"""The number an alternative's own Word paragraph types before "Alt": ``OP2 Alt``,
``2 alt.``, ``2 bis Alt``."""


def _typed(place: SourcePlace) -> tuple[str, str, str] | None:
    """What stands before and after the number typed before a paragraph's text ("",
    ".\\t"), and the number, or None."""
    typed = typed_label_of(place)
    return (typed["before"], typed["after"], typed["number"]) if typed else None


def _standing_before(paragraphs: list[Paragraph], placed: set[str]) -> set[str]:
    """The ids of the new paragraphs that open a series right before a paragraph of it
    the source holds (the new OP1 before the old one, now OP2: `drafting.engine.series`):
    they are put before it, in its form, not after the paragraph before (a PP's)."""
    found: set[str] = set()
    for index, paragraph in enumerate(paragraphs):
        if paragraph.id not in placed or (key := series_key(paragraph)) is None:
            continue
        start = index
        while start and paragraphs[start - 1].id not in placed and \
                series_key(paragraphs[start - 1]) == key:
            start -= 1
        if start < index and opens_series(paragraphs, start):
            found.update(p.id for p in paragraphs[start:index])
    return found


def _form(paragraph: Paragraph) -> tuple[ParagraphKind, int]:
    """What a paragraph's form is kept by: its kind, and a heading's level."""
    return paragraph.kind, paragraph.level if paragraph.kind is ParagraphKind.HEADING else 0
