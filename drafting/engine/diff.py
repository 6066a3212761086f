"""Diff: what changed between two revisions, in the same segment form as a merge.

The result is a `Compilation` whose changes carry no proponents (a revision is
the secretariat's text), so every compilation writer renders it too.
"""

from __future__ import annotations

from contextlib import suppress

from drafting.engine.anchoring import word_diff
from drafting.engine.footnotes import cited
from drafting.engine.segments import (
    Change,
    Compilation,
    Credit,
    Entry,
    MergedParagraph,
    NewParagraph,
    Segment,
    Text,
)
from drafting.engine.sublists import ITEM, matched_lines, unrelettered
from drafting.errors import InputError, LabelError
from drafting.model import Document, Paragraph, ParagraphKind, Revision, parse_label

NOBODY = Credit((), ())
"""The credit of a change between revisions: no proponent."""


def diff_revisions(document: Document, old: str, new: str, *,
                   renumbered: bool = False) -> Compilation:
    """Paragraph by paragraph (matched by stable id), what changed from revision
    ``old`` to revision ``new``: changed words as changes, new paragraphs in
    place, deleted paragraphs struck through where they stood. The items a relettering
    numbered again keep ``old``'s numbers, an item inserted or removed being the change;
    with ``renumbered``, their new numbers are changes of their own too ("(3)" -> "(2)",
    after the removed item), and footnote markers keep ``old``'s numbers (Word numbers
    its notes itself): so that a Word file accepting every change gives ``new``.

    Raises InputError naming the revisions the document has when one is unknown.
    """
    before, after = _revision(document, old), _revision(document, new)
    entries: list[Entry] = []
    previous = ""
    notes = _note_numbers(before, after) if renumbered else {}
    for paragraph in after:
        was = before.by_id(paragraph.id)
        if was is None:
            entries.append(NewParagraph(paragraph.label, previous, paragraph.text, NOBODY))
        else:
            text = cited(paragraph.text, notes)
            entries.append(MergedParagraph(paragraph, _segments(was.text, text, renumbered)))
        previous = paragraph.label
    _place_deleted(entries, before, after)
    title = document.title or document.symbol
    return Compilation(document.symbol, title, f"{before.label} to {after.label}", tuple(entries),
                       front_matter=after.front_matter, chapeau=after.chapeau,
                       comparison=True, after_title=after.after_title)


def _note_numbers(before: Revision, after: Revision) -> dict[str, str]:
    """Each footnote's number in ``after`` -> its number in ``before``, where they differ
    (a footnote keeps its paragraph id)."""
    numbers = {}
    for paragraph in after:
        was = before.by_id(paragraph.id)
        if paragraph.kind is ParagraphKind.FOOTNOTE and was is not None and \
                was.label != paragraph.label:
            with suppress(LabelError):
                numbers[str(parse_label(paragraph.label).number)] = \
                    str(parse_label(was.label).number)
    return numbers


def word_segments(old: str, new: str) -> tuple[Segment, ...]:
    """``old`` -> ``new`` as segments: unchanged words as Text, each run of
    deleted and inserted words as one Change. Equal texts give one Text."""
    segments: list[Segment] = []
    deleted = inserted = ""
    for op, text in word_diff(old, new):
        if op == 0:
            if deleted or inserted:
                segments.append(Change(deleted, inserted, NOBODY))
                deleted = inserted = ""
            segments.append(Text(text))
        elif op < 0:
            deleted += text
        else:
            inserted += text
    if deleted or inserted:
        segments.append(Change(deleted, inserted, NOBODY))
    return tuple(segments) or (Text(""),)


def _segments(old: str, new: str, renumbered: bool = False) -> tuple[Segment, ...]:
    """``old`` -> ``new`` line by line (`_line_segments`), the items a relettering
    numbered again shown as ``old`` numbered them (`unrelettered`: an item inserted or
    removed is the change, not the letters after it); with ``renumbered``, each such
    number then changed to ``new``'s (`_renumbering`)."""
    shown = unrelettered(old, new)
    segments = _line_segments(old, shown)
    if renumbered and shown != new:
        segments = _renumbering(segments, shown, new)
    return tuple(segments) or (Text(""),)


def _line_segments(old: str, new: str) -> list[Segment]:
    """``old`` -> ``new`` with their lines (a paragraph's sub-items) matched first
    (`matched_lines`): a line and the one it became word by word (`_line_changes`), a
    line removed or inserted whole one change with its line break ("\\n(b) ..." after
    the line before, or "... \\n" before the first line kept), so that a Word writer
    makes it an item's own paragraph and never pairs one item's words with another's."""
    if old == new:
        return [Text(old)] if old else []
    was, now = old.split("\n"), new.split("\n")
    segments: list[Segment] = []
    removed: list[str] = []
    inserted: list[str] = []
    paired = False  # whether lines of ``old`` have been matched with lines of ``new``
    for i1, i2, j1, j2 in matched_lines(was, now):
        if j1 == j2:
            removed += was[i1:i2]
        elif i1 == i2:
            inserted += now[j1:j2]
        else:
            segments += _whole_lines(removed, inserted, paired, True)
            removed, inserted = [], []
            if paired:
                segments.append(Text("\n"))
            before, after = "\n".join(was[i1:i2]), "\n".join(now[j1:j2])
            segments += _line_changes(before, after) if i1 and j1 else \
                word_segments(before, after)
            paired = True
    segments += _whole_lines(removed, inserted, paired, False)
    return _joined_texts(segments)


def _line_changes(old: str, new: str) -> list[Segment]:
    """Line ``old`` become ``new`` as `word_segments`, the number it opens with, where it
    changed, one change of its own ("(d)" -> "(b)", never "d" -> "b": Word numbers the
    items it numbers itself, `drafting.writers.source_edits.word_numbers_kept`)."""
    before, after = ITEM.match(old), ITEM.match(new)
    if before is None or after is None or before[0] == after[0]:
        return list(word_segments(old, new))
    return [Change(before[0], after[0], NOBODY),
            *word_segments(old[before.end():], new[after.end():])]


def _whole_lines(removed: list[str], inserted: list[str], after: bool,
                 before: bool) -> list[Segment]:
    """Lines removed and lines inserted whole, between the lines kept: each with the line
    break before it when one stands ``after`` a line kept, else with the one after it
    when one stands ``before`` a line kept (the paragraph's first lines)."""
    def joined(lines: list[str]) -> str:
        if after:
            return "".join(f"\n{line}" for line in lines)
        return "".join(f"{line}\n" for line in lines) if before else "\n".join(lines)

    return [Change(deleted, added, NOBODY) for deleted, added in
            ((joined(removed), ""), ("", joined(inserted))) if deleted or added]


def _joined_texts(segments: list[Segment]) -> list[Segment]:
    """``segments`` with unchanged texts side by side made one, empty ones left out."""
    joined: list[Segment] = []
    for segment in segments:
        if isinstance(segment, Text) and joined and isinstance(joined[-1], Text):
            joined[-1] = Text(joined[-1].text + segment.text)
        elif segment != Text(""):
            joined.append(segment)
    return joined


def _renumbering(segments: list[Segment], shown: str, new: str) -> list[Segment]:
    """``segments`` (made towards ``shown``, `new` with old numbers) with each item
    number ``shown`` keeps where ``new`` has another split out of its unchanged text as
    a change of its own: "(3)" -> "(2)"."""
    numbers: list[tuple[int, int, str]] = []  # (start, end) in ``shown``, new number
    at = 0
    for was, now in zip(shown.split("\n"), new.split("\n"), strict=True):
        before, after = ITEM.match(was), ITEM.match(now)
        if before and after and before[0] != after[0]:
            numbers.append((at + before.start(), at + before.end(), after[0]))
        at += len(was) + 1
    result: list[Segment] = []
    at = 0
    for segment in segments:
        if not isinstance(segment, Text):
            result.append(segment)
            if isinstance(segment, Change):
                at += len(segment.inserted)
            continue
        start, text = at, segment.text
        at += len(text)
        cut = 0
        for low, high, number in numbers:
            if start + cut <= low and high <= at:  # the number among unchanged words
                result += [Text(text[cut:low - start]),
                           Change(text[low - start:high - start], number, NOBODY)]
                cut = high - start
        result.append(Text(text[cut:]))
    return [s for s in result if s != Text("")]


def _place_deleted(entries: list[Entry], before: Revision, after: Revision) -> None:
    """Put each paragraph of ``before`` missing from ``after`` back where it stood,
    struck through: after the entry of the nearest earlier paragraph that remains."""
    anchor_id = ""
    for paragraph in before:
        if after.by_id(paragraph.id) is not None:
            anchor_id = paragraph.id
            continue
        entries.insert(_index_after(entries, anchor_id), _struck(paragraph))
        anchor_id = paragraph.id


def _index_after(entries: list[Entry], paragraph_id: str) -> int:
    if not paragraph_id:
        return 0
    for index, entry in enumerate(entries):
        if isinstance(entry, MergedParagraph) and entry.paragraph.id == paragraph_id:
            return index + 1
    return len(entries)


def _struck(paragraph: Paragraph) -> MergedParagraph:
    return MergedParagraph(paragraph, (Change(paragraph.text, "", NOBODY),), deletion=NOBODY)


def _revision(document: Document, label: str) -> Revision:
    revision = document.revision(label)
    if revision is None:
        known = ", ".join(r.label for r in document.revisions) or "none"
        raise InputError(f"{document.symbol} has no revision '{label}'; it has: {known}")
    return revision
