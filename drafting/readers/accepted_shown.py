"""What Accept All leaves of the merged draft's composite changes: a bracket of
alternatives where proposals overlap ("[one-day / two-day / half-day]", each alternative
a pending proposal's words) and a paragraph with its alternative formulations ("OP2 Alt"
paragraphs, read as "[text][alternative]"), plain text now, with no tracked change. Read
change by change, each is no one proposal and was proposed whole in the sender's name;
it is the pending proposals it shows (`accepted_shown`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from drafting.engine.sublists import line_diff
from drafting.errors import InputError
from drafting.model import SPAN_KINDS, Amendment, AmendmentKind, Paragraph, Revision, Span
from drafting.readers.docx_changes import anchor
from drafting.readers.merged_copies import effect, unspaced
from drafting.readers.result import ReadWarning

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_K = AmendmentKind


@dataclass(frozen=True, slots=True)
class _Placed:
    """An untracked change of a paragraph and where its words stand in the paragraph as
    the copy has it (``at``: from there, ``len(draft.new_text)`` characters)."""

    draft: Draft
    at: int


def accepted_shown(drafts: list[Draft], target: Revision,
                   proposed: Mapping[str, Sequence[Amendment]], warnings: list[ReadWarning],
                   sender: str, shown: set[str] | None = None) -> tuple[list[Draft], bool]:
    """``drafts`` but the untracked ones that make, together, a bracket of alternatives
    or an alternative formulation as the merged draft shows them (of the ``proposed``
    amendments, pending, by paragraph id): each named in a warning, never proposed in
    ``sender``'s name; ``shown`` takes their ids. Changes made inside a paragraph whose
    formulations the copy accepted are read on its text. Whether any was found."""
    plain: dict[str, list[Draft]] = {}
    for draft in drafts:
        if draft.author is None and draft.kind in SPAN_KINDS and draft.span is not None \
                and proposed.get(draft.paragraph.id):
            plain.setdefault(draft.paragraph.id, []).append(draft)
    if not plain:
        return drafts, False
    read: dict[str, list[Draft]] = {}  # by paragraph id: what its changes are read as
    for pid, ones in plain.items():
        pending = [a for a in proposed[pid] if a.revision == target.label and not a.amends]
        ones = sorted(ones, key=lambda d: d.span.start)  # type: ignore[union-attr]
        left, same = _formulations(ones, pending)
        if same:
            _said(warnings, ones[0].where, same, "the alternative formulations", sender)
        left, brackets = _brackets(left, pending)
        for where, those in brackets:
            _said(warnings, where, those, "the bracket of alternatives", sender)
            same += those
        if same:
            read[pid] = left
            if shown is not None:
                shown.update(a.id for a in same)
    out: list[Draft] = []
    ours = {id(d) for pid in read for d in plain[pid]}
    for draft in drafts:
        if id(draft) not in ours:
            out.append(draft)
        elif draft is plain[draft.paragraph.id][0]:
            out += read[draft.paragraph.id]
    return out, bool(read)


def _said(warnings: list[ReadWarning], where: str, same: Sequence[Amendment], what: str,
          sender: str) -> None:
    """The warning on composite changes the copy accepted untracked."""
    ids = ", ".join(f"{a.id} of {', '.join(a.proponents)}" for a in same)
    warnings.append(ReadWarning(where, (
        f"the text reads as {what} the merged draft shows for the pending {ids}, with no "
        f"tracked change: this copy accepted them as shown. They are not proposed again in "
        f"{sender}'s name, nor read as {sender}'s support")))


def _placed(ones: Sequence[Draft]) -> tuple[str, list[_Placed]]:
    """The paragraph's text as the untracked changes ``ones`` (in order, apart) make it,
    and where each one's words stand in it."""
    text = ones[0].paragraph.text
    out, placed, last = "", [], 0
    for draft in ones:
        span = draft.span
        assert span is not None
        out += text[last:span.start]
        placed.append(_Placed(draft, len(out)))
        out += draft.new_text
        last = span.end
    return out + text[last:], placed


def _formulations(ones: list[Draft], pending: Sequence[Amendment],
                  ) -> tuple[list[Draft], list[Amendment]]:
    """``ones`` (a paragraph's untracked changes) read as its alternative formulations
    accepted ("[text][alternative]"): the changes they leave inside the first bracket, read
    on the text, and the pending alternatives shown; (``ones``, []) where they are not."""
    made, _ = _placed(ones)
    alternatives = [a for a in pending if a.kind is _K.ALTERNATIVE]
    same: list[Amendment] = []
    while alternatives and made.endswith("]"):
        opening = _opening(made, len(made) - 1)
        those = [a for a in alternatives if opening is not None and
                 unspaced(a.new_text) == unspaced(made[opening + 1:-1])]
        if not those:
            break
        same[:0] = those
        made = made[:opening]
    if not same or not (made.startswith("[") and made.endswith("]")) or \
            _opening(made, len(made) - 1) != 0:
        return ones, []
    inner = _diffed(ones[0], made[1:-1])
    return (inner, same) if inner is not None else (ones, [])


def _opening(text: str, closing: int) -> int | None:
    """Where the "[" that the "]" at ``closing`` of ``text`` closes stands; None if
    none."""
    depth = 0
    for index in range(closing, -1, -1):
        depth += {"]": 1, "[": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return None


def _diffed(draft: Draft, words: str) -> list[Draft] | None:
    """The untracked changes that make ``draft``'s paragraph read ``words``, word by
    word, its lines (items) matched first (`line_diff`); None where they cannot be told."""
    text = draft.paragraph.text
    try:
        ops = line_diff(text, words)  # items: line by line, as a copy is read
    except InputError:
        return None
    out: list[Draft] = []
    at, start, new = 0, None, ""
    for op, part in [*ops, (0, "")]:
        if op and start is None:
            start, new = at, ""
        if op < 0:
            at += len(part)
        elif op > 0:
            new += part
        elif start is not None:
            out.append(_change(draft, Span(start, at), new))
            start = None
            at += len(part)
        else:
            at += len(part)
    return out


def _change(draft: Draft, span: Span, new: str) -> Draft:
    """An untracked change like ``draft`` putting ``new`` for its paragraph's ``span``."""
    text = draft.paragraph.text
    if span.start == span.end:
        around = anchor(text, span.start)
        return replace(draft, kind=_K.INSERT, span=span, anchor=around,
                       old_text=text[around.start:around.end], new_text=new)
    return replace(draft, kind=_K.REPLACE if new else _K.DELETE, span=span, anchor=None,
                   old_text=text[span.start:span.end], new_text=new)


def _brackets(ones: list[Draft], pending: Sequence[Amendment],
              ) -> tuple[list[Draft], list[tuple[str, list[Amendment]]]]:
    """``ones`` (a paragraph's untracked changes) but those that make a bracket of
    alternatives each a pending proposal's words, or the words the text has there; each
    bracket's place and the proposals it shows."""
    if not ones:
        return ones, []
    made, placed = _placed(ones)
    paragraph = ones[0].paragraph
    effects = [(a, unspaced(effect(a, paragraph.text))) for a in pending
               if a.kind in SPAN_KINDS]
    gone: set[int] = set()
    found: list[tuple[str, list[Amendment]]] = []
    for start, end in _brackets_in(made):
        window = [k for k, p in enumerate(placed)
                  if p.at < end + 1 and start < p.at + len(p.draft.new_text)]
        if not window or window[0] in gone:
            continue
        first, last = placed[window[0]], placed[window[-1]]
        low, high = first.at, last.at + len(last.draft.new_text)
        if start < low or end + 1 > high:
            continue
        same = _options(paragraph, made, (start, end), (low, high),
                        (first.draft, last.draft), effects)
        if same:
            gone.update(window)
            found.append((first.draft.where, same))
    return [p.draft for k, p in enumerate(placed) if k not in gone], found


def _options(paragraph: Paragraph, made: str, bracket: tuple[int, int],
             window: tuple[int, int], ends: tuple[Draft, Draft],
             effects: list[tuple[Amendment, str]]) -> list[Amendment]:
    """The pending proposals whose words the alternatives of the ``bracket`` (the "["
    and the "]" of ``made``, in the words ``window`` that the untracked changes ``ends``
    and those between them put in) are; [] where one is neither a proposal's words nor
    the text's."""
    text = paragraph.text
    start, end = bracket
    low, high = window
    head = text[:ends[0].span.start] + made[low:start]  # type: ignore[union-attr]
    tail = made[end + 1:high] + text[ends[1].span.end:]  # type: ignore[union-attr]
    same: list[Amendment] = []
    for words in _options_of(made[start + 1:end]):
        result = unspaced(head + words + tail)
        those = [a for a, done in effects if done == result]
        if not those and result != unspaced(text):
            return []
        same += [a for a in those if a not in same]
    return same


def _brackets_in(text: str) -> list[tuple[int, int]]:
    """Where each bracket of ``text`` holding alternatives (" / " between its own words)
    opens and closes, brackets nested in others too (a text's own "[submit / present]"
    holding one the merged draft shows), in the order they open."""
    found, opened = [], []
    for index, character in enumerate(text):
        if character == "[":
            opened.append(index)
        elif character == "]" and opened:
            start = opened.pop()
            if len(_options_of(text[start + 1:index])) > 1:
                found.append((start, index))
    return sorted(found)


def _options_of(words: str) -> list[str]:
    """The alternatives of a bracket's words: split at each " / " outside brackets
    nested in them."""
    options, depth, last = [], 0, 0
    for index, character in enumerate(words):
        depth += {"[": 1, "]": -1}.get(character, 0)
        if depth == 0 and words.startswith(" / ", index):
            options.append(words[last:index])
            last = index + 3
    return [*options, words[last:]]

