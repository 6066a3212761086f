"""Diff: what changed between two revisions, in the same segment form as a merge.

The result is a `Compilation` whose changes carry no proponents (a revision is
the secretariat's text), so every compilation writer renders it too.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

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
from drafting.engine.sublists import ITEM, unrelettered
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
                       front_matter=after.front_matter, chapeau=after.chapeau)


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
    """``old`` -> ``new`` as `word_segments`, the items a relettering numbered again
    shown as ``old`` numbered them (`unrelettered`: an item inserted or removed is the
    change, not the letters after it), a line inserted or removed whole shown whole; with
    ``renumbered``, each such number then changed to ``new``'s (`_renumbering`)."""
    shown = unrelettered(old, new)
    segments = list(word_segments(old, shown))
    for n, segment in enumerate(segments):
        if not isinstance(segment, Change) or (segment.deleted and segment.inserted):
            continue
        moved = segment.deleted or segment.inserted
        before = segments[n - 1] if n and isinstance(segments[n - 1], Text) else Text("")
        for k in range(1, len(moved)):  # "b) B;\n(" after "\n(": "\n(b) B;" after ""
            if not before.text.endswith(moved[-k:]):
                break
            if moved[-k] == "\n":
                shifted = moved[-k:] + moved[:-k]
                segments[n - 1] = Text(before.text[:-k])
                segments[n] = replace(segment, deleted=shifted if segment.deleted else "",
                                      inserted=shifted if segment.inserted else "")
                after = segments[n + 1] if n + 1 < len(segments) else Text("")
                segments[n + 1:n + 2] = [Text(moved[-k:] + after.text)]  # type: ignore[union-attr]
                break
    segments = [s for s in segments if s != Text("")]
    if renumbered and shown != new:
        segments = _renumbering(segments, shown, new)
    return tuple(segments) or (Text(""),)


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
