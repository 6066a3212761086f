"""A copy's footnotes lost as footnotes: flattened to text, or gone with their markers.

Text pasted without its formatting ("Keep Text Only"), or a tool that drops footnotes,
leaves a copy without the draft's footnote and, where the draft's paragraph cites it, the
number Word showed, typed: "78/10,1" for the draft's ``78/10,[^1]`` (plain or
superscript, both read "1"). Read as edits, that number would replace the marker and the
footnote missing from the copy would be deleted, in the delegation's name. A number
standing exactly where a paragraph cites footnote N, in a copy that holds no footnote N,
is the marker flattened: the marker is read back in its place, the footnote is not read
as deleted, and one warning names the footnotes so lost. "Exactly where": the number
lines up with the marker word by word (`word_diff`), and within a changed stretch of
words, character by character with a character beside it unchanged.

A footnote missing from an edited copy whose marker is gone too, the paragraph citing it
still there, is read as deleted, with a warning (as paragraphs missing from either end
of an edited copy are, `copy_identity.cut_off`); a tracked copy warns of it already.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from drafting.brackets import NOTE_MARKER
from drafting.engine.anchoring import word_diff
from drafting.model import Paragraph, ParagraphKind
from drafting.model.labels import parse_label
from drafting.ooxml import runs
from drafting.readers.copy_chunks import Chunk
from drafting.readers.docx_matching import Group


def flat_notes(groups: Sequence[Group], missing: list[Paragraph], tracked: bool,
               where: Callable[[Chunk], str], warn: Callable[[str, str], None],
               name: str) -> list[Paragraph]:
    """The paragraphs of ``missing`` (the revision's that no group of the copy matched)
    still missing once each footnote flattened to a number in the paragraph citing it is
    read as the revision's (its marker put back in that group's pieces). Warned of (``warn``
    takes where and what): the footnotes flattened, once for the file (``name``), and, in
    an edited copy (not ``tracked``), each footnote left missing whose citing paragraph
    the copy holds, at that paragraph (as ``where`` names its chunk)."""
    lost = {parse_label(p.label).number: p for p in missing
            if p.kind is ParagraphKind.FOOTNOTE}
    if not lost:  # nearly always
        return missing
    flattened: list[Paragraph] = []
    gone: list[tuple[str, str]] = []
    for group in groups:
        if group.match is None or group.note is not None or "[^" not in group.match.text:
            continue
        for number in dict.fromkeys(int(n) for n in NOTE_MARKER.findall(group.match.text)):
            note = lost.get(number)
            if note is None or f"[^{number}]" in runs.original_text(group.pieces):
                continue  # a copy in drafting's layout: its "FN1" paragraph deleted
            if _restored(group, number):
                flattened.append(note)
            elif not tracked:
                gone.append((where(group.hosts[0]), gone_note(note, group.match)))
    if flattened:
        warn(name, _flattened(flattened))
    for place, message in gone:
        warn(place, message)
    return [p for p in missing if p not in flattened]


def _restored(group: Group, number: int) -> bool:
    """Whether the copy's text of ``group`` holds the number ``number`` where the marker
    ``[^number]`` stands in the paragraph it matched: then the marker is put back there."""
    marker = f"[^{number}]"
    text = group.match.text if group.match is not None else ""
    at = text.find(marker)
    flat = text[:at] + str(number) + text[at + len(marker):]
    copy = runs.original_text(group.pieces)
    if str(number) not in copy:
        return False
    found = _aligned(flat, copy, at, len(str(number)))
    return found is not None and _put(group.hosts, found, len(str(number)), marker)


def _aligned(flat: str, copy: str, at: int, size: int) -> int | None:
    """Where ``flat[at:at + size]`` stands in ``copy`` (``flat`` changed into ``copy``):
    in words left unchanged, or in a changed stretch by its characters, one unchanged
    character at least beside it. None where it is not there."""
    old = new = 0  # characters of ``flat`` and ``copy`` passed
    stretch: tuple[int, int] | None = None  # where the changed stretch began
    for op, words in [*word_diff(flat, copy), (0, "")]:
        if op and stretch is None:
            stretch = (old, new)
        if op == 0 and stretch is not None:  # a changed stretch ends: is it in there?
            if stretch[0] <= at and at + size <= old:
                return _in_stretch(flat[stretch[0]:old], copy[stretch[1]:new],
                                   at - stretch[0], size, stretch[1])
            stretch = None
        if op == 0 and old <= at and at + size <= old + len(words):
            return new + at - old
        old += len(words) if op <= 0 else 0
        new += len(words) if op >= 0 else 0
    return None


def _in_stretch(before: str, after: str, at: int, size: int, offset: int) -> int | None:
    """`_aligned` within a changed stretch: ``before[at:at + size]`` in ``after`` (which
    starts at ``offset`` of the copy), matched character by character, with a character
    beside it matched too, or at the stretch's start or end in both texts (the unchanged
    words beside the stretch then stand beside it)."""
    for start, there, length in SequenceMatcher(None, before, after,
                                                autojunk=False).get_matching_blocks():
        if start <= at and at + size <= start + length and (
                length > size or start == there == 0 or
                (start + length, there + length) == (len(before), len(after))):
            return offset + there + at - start
    return None


def _put(chunks: Sequence[Chunk], start: int, size: int, marker: str) -> bool:
    """Write ``marker`` for the characters ``start`` to ``start + size`` of the text of
    ``chunks`` with every change rejected, where they stand in one piece (else False)."""
    passed = 0
    for chunk in chunks:
        for index, piece in enumerate(chunk.pieces):
            if not piece.in_original:
                continue
            end = passed + len(piece.text)
            if passed <= start and start + size <= end:
                cut = start - passed
                parts = (piece.text[:cut], marker, piece.text[cut + size:])
                chunk.pieces[index:index + 1] = [piece.with_text(p) for p in parts if p]
                return True
            if start < end:
                return False
            passed = end
    return False


def _flattened(notes: Sequence[Paragraph]) -> str:
    numbers = [str(parse_label(p.label).number) for p in notes]
    labels = ", ".join(p.label for p in notes)
    named = f"footnote {numbers[0]} ({labels}) is" if len(notes) == 1 else \
        f"footnotes {', '.join(numbers[:-1])} and {numbers[-1]} ({labels}) are"
    held = ("the footnote but its number", "it", "its marker") if len(notes) == 1 else \
        ("the footnotes but their numbers", "them", "their markers")
    return (f"{named} plain text in the copy: not read as a change; the copy holds not "
            f"{held[0]}, typed where the draft cites {held[1]} (text pasted without its "
            f"formatting), so {labels} and {held[2]} stay as the draft has them; to "
            "propose a change to a footnote, edit it in the Word file as circulated")


def gone_note(note: Paragraph, citing: Paragraph) -> str:
    """The warning on footnote ``note``, missing from a copy with its marker from
    ``citing``: read as deleted."""
    return (f"footnote {parse_label(note.label).number} ({note.label}) is missing from the "
            f"copy and its marker from {citing.label}: read as deleted; if the copy lost its "
            "footnotes (text pasted without its formatting), send the Word file as "
            "circulated, or track the deletion (Track Changes)")
