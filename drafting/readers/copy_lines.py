"""A copy whose Word paragraphs are the printed lines of the draft's paragraphs: a
delegation converted the draft's PDF back to Word (Acrobat, LibreOffice) and edited that.
Each printed line is a Word paragraph of its own (or a line of one Word paragraph,
broken by hand), the label ("3.") on the first line only, a word hyphenated at a line's
end ("nego-" / "tiation") split between two.

Read as they are, every line after a paragraph's first would be a new paragraph and the
paragraph cut after its first line (a line break typed, a hyphen proposed). Where the
draft's paragraph has no line break, a Word paragraph's lines broken by hand are joined
as below; then `as_paragraphs` puts the lines back together: the
lines that follow a paragraph's first line (no label, no heading), as many as make the
text most like the draft's paragraph (`drafting.engine.anchoring.similarity`, at least
`_ALIKE`), are one paragraph, joined by a space, or with no space after a hyphen where
the draft's paragraph holds the word so ("provisional" or "small-scale"). So only the
delegation's edits differ from the draft's text, and are read as amendments.

Only a copy that shows it is made of lines is read so: at least `_RUNS` paragraphs of
the draft are found split into lines, one of them unedited (its lines join into its
text exactly). Otherwise the lines are read as they are, with a warning: a paragraph
split in an edited copy may be the delegation's proposal (none where the one paragraph
found split is in two parts, the first ending as a part of a sentence ends and the
second opening with a capital, in words the draft does not hold together: a split
proposed, `_split_on_purpose`). A hyphen left at a line's
end where the draft's words do not tell is kept, with a warning. No text is added but
the space between two lines.

A page break leaves the printed page's furniture among the lines: the page number ("2",
"2/3", "- 2 -", "Page 2 of 3"), the job number ("24-12345 (E)", "GE.24-12345") and the
symbol in the next page's header. In a copy made of lines, such a line, unchanged and no
paragraph of the draft, is left out (`_FURNITURE`), with a warning naming it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from drafting.engine.anchoring import similarity
from drafting.errors import InputError
from drafting.lazy_re import lazy_compile
from drafting.model import Paragraph, ParagraphKind, Revision
from drafting.model.document import ParagraphStatus
from drafting.ooxml import runs
from drafting.ooxml.runs import NORMAL, RunPiece
from drafting.readers.copy_chunks import Chunk
from drafting.readers.copy_pieces import trimmed
from drafting.readers.copy_text import quoted
from drafting.readers.docx_changes import LOOKAHEAD
from drafting.readers.printed_lines import FURNITURE

_ALIKE = 0.75
"""How alike (`similarity`) the lines joined and the draft's paragraph must be."""
_RUNS = 2
"""How many of the draft's paragraphs must be found split into lines."""
_MOST_LINES = 60
"""The most lines one paragraph is looked for in."""
_BREAK = lazy_compile(r"[ \t]*\n[ \t]*")
_FURNITURE = FURNITURE


@dataclass
class _Run:
    """Lines ``start`` .. ``start + count`` of the chunks, the paragraph they make, and
    whether they make its text exactly."""

    start: int
    count: int
    paragraph: Paragraph
    exact: bool
    left: tuple[int, ...] = ()
    """The lines among them that are page furniture, left out."""


_Notes = list[tuple[str, str]]
"""Warnings held back (where, message) until the lines are joined."""


def as_paragraphs(chunks: list[Chunk], target: Revision, labels: Mapping[int, str],
                  warn: Callable[[str, str], None], where: Callable[[Chunk], str],
                  symbol: str = "") -> list[Chunk]:
    """``chunks`` (a copy's, in order) with the lines of each of ``target``'s paragraphs
    joined into one chunk where the copy is made of lines (see the module): lines that
    are Word paragraphs of their own, or lines of one Word paragraph broken by hand;
    ``chunks`` as they are otherwise. ``labels``: the label each Word paragraph opens
    (by its number, as the copy's structure reads it); ``warn(where, message)`` takes
    the warnings. ``symbol``: the document's, which a page's header shows."""
    body = [p for p in target if p.status is not ParagraphStatus.DELETED
            and p.kind not in (ParagraphKind.HEADING, ParagraphKind.FOOTNOTE)]
    notes: _Notes = []
    index = {p.label: k for k, p in enumerate(body)}
    named = {number: index[label] for number, label in labels.items() if label in index}
    broken = _broken(chunks, body, named)
    flat = list(chunks)
    for run in broken:
        flat[run.start] = _unbroken(chunks[run.start], run.paragraph, notes, where)
    furniture = _furniture(symbol, body)
    found = _runs(flat, body, named, furniture)
    every = sorted([*broken, *found], key=lambda r: r.start)
    if not found and len(every) < _RUNS:  # a line break typed in a paragraph, or none
        return chunks
    if len(every) < _RUNS and all(_split_on_purpose(flat, run) for run in every):
        return chunks  # a paragraph split in two where a sentence part ends: proposed
    if len(every) < _RUNS or not any(run.exact for run in every):
        places = ", ".join(f"{where(chunks[r.start])} ({r.paragraph.label})" for r in every)
        warn(where(chunks[every[0].start]), "the copy's paragraphs may be the printed lines "
             f"of the draft's paragraphs ({places}), but too few join into a paragraph of "
             "the draft to tell: they were read as they are; if the copy was converted "
             "from a PDF, copy the proposals into the Word draft")
        return chunks
    out, at, left = [], 0, []
    for run in found:
        out += flat[at:run.start]
        lines = [flat[k] for k in range(run.start, run.start + run.count) if k not in run.left]
        out.append(_joined(lines, run.paragraph, notes, where))
        left += run.left
        at = run.start + run.count
    out += flat[at:]
    left += [k for k, chunk in enumerate(flat) if furniture(chunk)
             and not any(r.start <= k < r.start + r.count for r in found)]
    out = [chunk for chunk in out if not any(chunk is flat[k] for k in left)]
    shown = ", ".join(dict.fromkeys(run.paragraph.label for run in every))
    warn(where(chunks[every[0].start]), "the copy's paragraphs are the printed lines of "
         f"the draft's paragraphs (a copy converted from a PDF): the lines of {shown} were "
         "read as those paragraphs, so that only the words changed in them are "
         "amendments; check that no paragraph was split on purpose")
    if left:
        shown = ", ".join(quoted(_text(flat[k])) for k in sorted(left))
        warn(where(flat[min(left)]), f"lines of the printed page's furniture ({shown}: page "
             "numbers, job numbers, the symbol) stand among the lines; they are no part "
             "of the text and were left out")
    for place, message in notes:
        warn(place, message)
    return out


def _broken(chunks: list[Chunk], body: list[Paragraph], named: Mapping[int, int],
            ) -> list[_Run]:
    """The Word paragraphs broken into lines by hand (line breaks, unchanged) that make
    one of ``body``'s paragraphs, which has none, joined; in order."""
    found: list[_Run] = []
    after = 0
    for i, chunk in enumerate(chunks):
        if not any("\n" in p.text for p in chunk.pieces):  # nearly always: no line break
            continue
        text = _text(chunk) if _line(chunk) else ""
        if "\n" not in text or any("\n" in p.text for p in chunk.pieces if p.state != NORMAL):
            continue
        lines = [line.strip() for line in text.split("\n")]
        index = _paragraph(chunk, lines[0], body, after, named) if all(lines) else None
        if index is None or "\n" in body[index].text:
            continue
        joined = _joined_text(lines, body[index].text)
        if alike(body[index].text, joined) >= _ALIKE:
            found.append(_Run(i, 1, body[index], joined == body[index].text))
            after = index + 1
    return found


def _unbroken(chunk: Chunk, paragraph: Paragraph, notes: _Notes,
              where: Callable[[Chunk], str]) -> Chunk:
    """``chunk`` (one Word paragraph, broken into lines by hand) with its lines joined
    as `_join_text` joins them."""
    lines = [line.strip() for line in _text(chunk).split("\n")]
    ways, joined = [], lines[0]
    for line in lines[1:]:
        joined, how, sure = _join_text(joined, line, paragraph.text)
        ways.append((how, sure, joined))
    out: list[RunPiece] = []
    for piece in trimmed(chunk.pieces):
        if "\n" not in piece.text:
            out.append(piece)
            continue
        first, *parts = _BREAK.split(piece.text)
        text = first
        for part, (how, sure, shown) in zip(parts, ways[:len(parts)], strict=True):
            if how == "dehyphenated" and text.endswith("-"):
                text = text[:-1]
            elif how == "dehyphenated" and not text and out and out[-1].state == NORMAL \
                    and out[-1].text.endswith("-"):
                out[-1] = out[-1].with_text(out[-1].text[:-1])
            elif how == "dehyphenated":
                sure = False
            elif how == "space":
                text += " "
            if not sure:
                notes.append(_kept(where(chunk), shown, paragraph))
            text += part
        ways = ways[len(parts):]
        out.append(piece.with_text(text))
    return Chunk(chunk.number, chunk.label, out, chunk.mark, chunk.heading,
                 chunk.alternatives, chunk.note)


def _kept(place: str, shown: str, paragraph: Paragraph) -> tuple[str, str]:
    """The warning on a hyphen kept at a line's end."""
    return place, (f"a word is split at the end of a line with a hyphen ({quoted(shown[-40:])})"
                   f" where {paragraph.label}'s words do not tell whether the hyphen is "
                   "part of it: it was kept")


def _runs(chunks: list[Chunk], body: list[Paragraph], named: Mapping[int, int],
          furniture: Callable[[Chunk], bool]) -> list[_Run]:
    """The runs of lines (Word paragraphs) that make one of ``body``'s paragraphs, in
    order; lines of page ``furniture`` among them are left out of the joining."""
    found: list[_Run] = []
    whole = {p.text: k for k, p in reversed(list(enumerate(body)))}
    i, after = 0, 0
    while i < len(chunks):
        head = chunks[i]
        text = _text(head) if _line(head) else ""
        if whole.get(text, -1) >= after:  # a paragraph as the draft has it (nearly all)
            after = whole[text] + 1
            i += 1
            continue
        index = _paragraph(head, text, body, after, named) if text else None
        if index is None:
            if whole.get(text, -1) >= after:  # a paragraph on one line: go on after it
                after = whole[text] + 1
            i += 1
            continue
        paragraph = body[index]
        lines, at = [head], [i]
        for k in range(i + 1, min(i + _MOST_LINES, len(chunks))):
            chunk = chunks[k]
            if furniture(chunk):
                continue
            if not _line(chunk) or chunk.label is not None or not _text(chunk) or \
                    lines[-1].mark.state != NORMAL:  # a paragraph mark inserted: a split
                break
            lines.append(chunk)
            at.append(k)
        best, most = 1, 0.0  # a line alone joins nothing: weighed only beside others
        if len(lines) > 1:
            most = alike(paragraph.text, text)
        joined = text
        for n in range(2, len(lines) + 1):
            joined = _join_text(joined, _text(lines[n - 1]), paragraph.text)[0]
            if len(joined) > 2 * len(paragraph.text) + 200:
                break
            if (now := alike(paragraph.text, joined)) > most:
                best, most = n, now
        after = index + 1
        count = at[best - 1] - i + 1
        if best > 1 and most >= _ALIKE:
            exact = _joined_text([_text(c) for c in lines[:best]], paragraph.text) == \
                paragraph.text
            left = tuple(k for k in range(i, i + count) if k not in at)
            found.append(_Run(i, count, paragraph, exact, left))
        i += count
    return found


def _split_on_purpose(chunks: list[Chunk], run: _Run) -> bool:
    """Whether ``run`` is a paragraph its sender split in two, not printed lines: two
    Word paragraphs, the first ending where a part of a sentence ends ("sector," or
    "report;") and the second opening with a capital, as a paragraph of a resolution
    opens ("Recognizing also that ..."), words the draft's paragraph does not hold
    together across the split, in any case ("world:" / "The 2030" may be lines). A
    printed line ends where the page's width ends it, nearly always inside a sentence,
    and the words either side of it stand together in the draft."""
    if run.count != 2 or run.left:
        return False
    first, second = _text(chunks[run.start]), _text(chunks[run.start + 1])
    if not first or first[-1] not in _PART_ENDS or not second[:1].isupper():
        return False
    across = f"{first.rsplit(None, 1)[-1]} {second.split(None, 1)[0]}"
    return across.casefold() not in " ".join(run.paragraph.text.split()).casefold()


_PART_ENDS = frozenset(",;:.")
"""What a part of a sentence ends with, where a paragraph may be split on purpose."""


def _furniture(symbol: str, body: list[Paragraph]) -> Callable[[Chunk], bool]:
    """Whether a chunk is a line of page furniture (`_FURNITURE`, or ``symbol``, alone or
    together): unchanged, and the text of no paragraph of ``body``."""
    items = _FURNITURE + (f"|{re.escape(symbol)}(?:[/ ]Rev\\.\\d+)?" if symbol else "")
    line = re.compile(f"(?:{items})(?:\\s+(?:{items}))*", re.IGNORECASE)
    texts = {p.text.strip() for p in body}

    def furniture(chunk: Chunk) -> bool:
        if chunk.note is not None or chunk.mark.state != NORMAL or \
                any(p.state != NORMAL for p in chunk.pieces):
            return False
        text = " ".join(runs.original_text(chunk.pieces).split())
        return bool(text) and text not in texts and line.fullmatch(text) is not None
    return furniture


def _line(chunk: Chunk) -> bool:
    """Whether ``chunk`` may be a printed line: a body paragraph of text, no heading, not
    inserted whole, not a paragraph's alternatives."""
    return chunk.note is None and not chunk.heading and not chunk.alternatives and \
        not chunk.new and bool(chunk.pieces)


def _text(chunk: Chunk) -> str:
    return runs.original_text(chunk.pieces).strip()


def _paragraph(head: Chunk, text: str, body: list[Paragraph], after: int,
               named: Mapping[int, int]) -> int | None:
    """The index in ``body`` of the paragraph whose first line ``head`` may be: one,
    from ``after`` on, that is longer and opens with its text (up to a hyphen at its
    end), else the one its label names (``named``: by the Word paragraph's number)."""
    opening = text[:-1] if text.endswith("-") else text
    for k in range(after, min(after + LOOKAHEAD, len(body))):
        if len(body[k].text) > len(text) and body[k].text.startswith(opening):
            return k
    k = named.get(head.number, -1)
    return k if k >= after and len(body[k].text) > len(text) else None


def alike(text: str, other: str) -> float:
    """`similarity`, 0.0 for texts too unlike to compare."""
    try:
        return similarity(text, other)
    except InputError:  # too many different words to compare: not alike
        return 0.0


def _joined_text(lines: list[str], target: str) -> str:
    joined = lines[0]
    for line in lines[1:]:
        joined = _join_text(joined, line, target)[0]
    return joined


def _join_text(before: str, after: str, target: str) -> tuple[str, str, bool]:
    """``before`` and the next line ``after`` joined as ``target`` (the draft's
    paragraph) writes them; how ("space", "dehyphenated", "hyphen"); whether the
    draft's words told (a hyphen kept where they do not is not sure)."""
    if len(before) > 1 and before.endswith("-") and before[-2].isalpha() and after[:1].isalpha():
        word = before.rsplit(None, 1)[-1]
        rest = after.split(None, 1)[0]
        if (word[:-1] + rest).strip(",;:.") in target and \
                (word + rest).strip(",;:.") not in target:
            return before[:-1] + after, "dehyphenated", True
        return before + after, "hyphen", (word + rest).strip(",;:.") in target
    return f"{before} {after}", "space", True


def _joined(lines: list[Chunk], paragraph: Paragraph, notes: _Notes,
            where: Callable[[Chunk], str]) -> Chunk:
    """One chunk of ``lines`` (the first's number, label and kind), joined as
    `_join_text` joins their texts."""
    head = lines[0]
    pieces = list(trimmed(head.pieces))
    text = _text(head)
    for line in lines[1:]:
        text, how, sure = _join_text(text, _text(line), paragraph.text)
        if how == "dehyphenated" and pieces[-1].state == NORMAL:
            pieces[-1] = pieces[-1].with_text(pieces[-1].text[:-1])
        elif how == "dehyphenated":  # the hyphen is in a change: kept as it is
            sure = False
        elif how == "space":
            pieces.append(RunPiece(" "))
        if not sure:
            notes.append(_kept(where(line), text, paragraph))
        pieces += trimmed(line.pieces)
    return Chunk(head.number, head.label, pieces, lines[-1].mark, head.heading,
                 head.alternatives, head.note)
