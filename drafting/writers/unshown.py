"""The proposals on a paragraph that the merged draft written into its Word source cannot
show as tracked changes (words for an empty alternative, "Option 2: No text", which the
document holds as no text; every proposal on a paragraph whose characters the document
does not hold one by one), said in words: for a comment on the paragraph, by each
proposal's delegation, and for a warning."""

from __future__ import annotations

from collections.abc import Sequence

from drafting.engine.segments import Change, Credit, MergedParagraph, Text
from drafting.ooxml.weave import Edit
from drafting.readers.source_places import SourcePlace


def unshown(entry: MergedParagraph,
            lost: Sequence[Edit] | None = None) -> list[tuple[Credit, str]]:
    """Each proposal on ``entry`` that ``lost`` (edits in its text's offsets) touches,
    its credit and what it proposes ("'shall' -> 'should'"); for None, every proposal,
    the paragraph's deletion too."""
    spans = None if lost is None else [(edit.start, edit.end) for edit in lost]
    found: list[tuple[Credit, str]] = []
    offset = 0
    for segment in entry.segments:
        original = segment.text if isinstance(segment, Text) else \
            segment.deleted if isinstance(segment, Change) else segment.original
        end = offset + len(original)
        if not isinstance(segment, Text) and (spans is None or any(
                start <= end and stop >= offset for start, stop in spans)):
            if isinstance(segment, Change):
                inserted = f"[{segment.deleted}]" if segment.bracket else segment.inserted
                found.append((segment.credit, f"'{segment.deleted}' -> '{inserted}'"))
            else:
                found += [(option.credit, f"'{original}' -> '{option.text}'")
                          for option in segment.options]
        offset = end
    if lost is None and entry.deletion is not None:
        found.append((entry.deletion, "delete the paragraph"))
    return found


def where(place: SourcePlace, lost: Sequence[Edit]) -> int:
    """The Word paragraph (index in ``place.paragraphs``) a comment on ``lost`` goes on:
    in an option block, that of the last alternative opening (with its "[") at or
    before the first of them; else the paragraph's first."""
    at = lost[0].start if lost else -1
    return max((index for start, _, index in place.alternatives if start - 1 <= at),
               default=0)
