"""Words the sender typed in an alternative the merged draft shows, or struck out of it:
in a bracket of alternatives where proposals overlap ("[one-day / two-day / half-day]",
`option_edits`) or in an "OP2 Alt" paragraph (`formulation_edits`). Each amends the
pending proposal whose words it edits (`Draft.amends`, spans in its words), as words
typed in a tracked insertion do; where the words are not that proposal's (the text's
words the alternative shows around them), the file is refused, naming the proposal and
the command that proposes the change."""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from drafting.errors import ReaderError
from drafting.model import Amendment, AmendmentKind, Span
from drafting.model.amendment import AMENDABLE_KINDS
from drafting.readers.copy_text import quoted, who
from drafting.readers.merged_copies import by_codes, unspaced
from drafting.readers.proposal_words import (
    Struck,
    joined_edits,
    sender_of,
    shifted,
    struck_from,
    text_edit,
    typed_into,
)
from drafting.wording import describe

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft


@dataclass(frozen=True, slots=True)
class Reading:
    """For whom a file is read: its delegation, its Word author map, and the symbol of
    the document (for the commands messages show)."""

    delegation: str | None
    authors: Mapping[str, str] | None
    symbol: str = "<document>"

    def mine(self, draft: Draft) -> bool:
        """Whether ``draft`` is the sender's (its Word author reads as no other
        delegation's codes)."""
        return not by_codes(draft, self.delegation, self.authors)


@dataclass
class Shown:
    """One alternative as the copy shows it: its words as its delegation's Word author
    tracks them, and the sender's words typed in them (by place in the words) or struck
    out of them."""

    words: str
    author: str | None
    first: Draft
    typed: list[tuple[int, Draft]] = field(default_factory=list)
    struck: list[Struck] = field(default_factory=list)

    @classmethod
    def of(cls, pieces: Sequence[Draft], reading: Reading, lead: bool) -> Shown:
        """The alternative ``pieces`` show: the first its own (after " / " where
        ``lead``), those by another Word author the sender's."""
        first = pieces[0]
        shown = cls("", first.author, first)
        for draft in pieces:
            if draft.author != first.author:
                shown.typed.append((len(shown.words), draft))
                continue
            cut = 3 if draft is first and lead else 0
            shown.struck += [s for s in shifted(draft.struck, len(shown.words) - cut)
                             if s.at >= 0]
            shown.words += draft.new_text[cut:]
        return shown

    @property
    def edited(self) -> bool:
        return bool(self.typed or self.struck)


def option_edits(shown: Shown, same: Sequence[Amendment], start: int, stop: int,
                 reading: Reading) -> list[Draft]:
    """The sender's changes in ``shown``, an alternative of a bracket standing on its
    paragraph's words ``start:stop`` that shows the ``same`` pending proposals: each an
    amendment to the first of them that proposes words. ReaderError where a change is not
    in the words that proposal proposes."""
    if not shown.edited:
        return []
    parent = next((a for a in same if a.kind in AMENDABLE_KINDS), None)
    base = _base(shown, parent, start, stop) if parent is not None else None
    edits: list[tuple[int, Draft]] = []
    for at, draft in shown.typed:
        if parent is None or base is None or not 0 <= at - base <= len(parent.new_text):
            raise ReaderError(_unplaced(shown, draft, at, at, same, parent, base, reading))
        edits.append((at, typed_into(draft, parent, at - base)))
    for struck in shown.struck:
        end = struck.at + len(struck.words)
        if parent is None or base is None or struck.at < base or \
                end - base > len(parent.new_text):
            gone = replace(shown.first, kind=AmendmentKind.DELETE, author=struck.author,
                           old_text=struck.words, new_text="")
            raise ReaderError(_unplaced(shown, gone, struck.at, end, same, parent, base,
                                        reading))
        one = replace(shown.first, struck=(replace(struck, at=struck.at - base),))
        edits += [(struck.at, d) for d in struck_from(one, parent, 0)]
    return joined_edits([d for _, d in sorted(edits, key=lambda e: e[0])])


def _base(shown: Shown, parent: Amendment, start: int, stop: int) -> int | None:
    """Where ``parent``'s words start in ``shown``'s (the alternative shows its effect on
    the words ``start:stop``, spaces at either end taken off); None where they are not
    there as they stand."""
    text, span = shown.first.paragraph.text, parent.span
    if span is None:
        return None
    low, high = min(span.start, start), max(span.end, stop)
    if not (text[low:start].isspace() or low == start) or \
            not (text[stop:high].isspace() or high == stop):
        return None
    made = text[low:span.start] + parent.new_text + text[span.end:high]
    if made.strip() != shown.words:
        return None
    return span.start - low - (len(made) - len(made.lstrip()))


def _unplaced(shown: Shown, draft: Draft, at: int, end: int, same: Sequence[Amendment],
              parent: Amendment | None, base: int | None, reading: Reading) -> str:
    """Why the sender's change at ``at:end`` of ``shown``'s words (``draft``: typed words,
    or a deletion) cannot be read as an amendment to the proposal the alternative shows,
    and the command that proposes it."""
    pending = parent or same[0]
    whose = ", ".join(pending.proponents)
    code = sender_of(pending, reading.delegation, reading.authors)
    done = f"{quoted(draft.new_text)} is typed" if draft.new_text else \
        f"{quoted(draft.old_text)} is struck out"
    where = "outside the words it proposes, in words of the text" if parent is not None \
        else "which proposes no words of its own to amend"
    advice = _on_text(shown, draft, at, end, parent, base, reading, code)
    if advice is None:
        command = (f"drafting amend {shlex.quote(reading.symbol)} {pending.id} "
                   f"--delegation {code}")
        advice = (f"propose it as an amendment to {pending.id} ({command} with --replace "
                  "OLD --with NEW, --insert NEW --after WORDS or --delete OLD, quoting its "
                  "words)" if parent is not None else
                  "propose it on the text (drafting amend with the paragraph's label)")
    return (f"{draft.where}: {done} by {who(draft.author)} in the alternative "
            f"{quoted(shown.words)} the merged draft shows for {whose}'s pending "
            f"{pending.id} ({describe(pending)}), {where}: it cannot be read as an "
            f"amendment to {pending.id}. {advice[0].upper()}{advice[1:]}; or send the "
            "change on the clean draft. Then send the copy again with the tracked changes "
            "in the bracket as they were")


def _on_text(shown: Shown, draft: Draft, at: int, end: int, parent: Amendment | None,
             base: int | None, reading: Reading, code: str) -> str | None:
    """The `drafting amend` of the paragraph's text that makes the change at ``at:end``
    of ``shown``'s words, where they stand for the text's words around ``parent``'s;
    None where they do not."""
    if parent is None or base is None or parent.span is None:
        return None
    text, span = shown.first.paragraph.text, parent.span
    after = base + len(parent.new_text)
    if end <= base:
        place = Span(span.start - (base - at), span.start - (base - end))
    elif at >= after:
        place = Span(span.end + at - after, span.end + end - after)
    else:
        return None
    if place.start < 0 or place.end > len(text):
        return None
    label = shown.first.paragraph.label
    return "propose it on the text: " + text_edit(reading.symbol, label, code, text, place,
                                                 draft.new_text)


def formulation_edits(pieces: Sequence[Draft], pending: Sequence[Amendment],
                      reading: Reading) -> tuple[list[Amendment], list[Draft]] | None:
    """The pending alternative formulations (of ``pending``) that ``pieces``, the
    insertions after a paragraph the merged draft brackets whole, show ("[words]" by
    each proposing delegation, the sender's words typed in them), and the sender's
    changes in them, each an amendment to the alternative it edits; None where they
    show none."""
    stream, owners, typed, struck = _stream(pieces, reading)
    if not (stream.startswith("[") and stream.endswith("]")):
        return None
    found: list[Amendment] = []
    edits: list[tuple[int, Draft]] = []
    at = 1
    for words in stream[1:-1].split("]["):
        end = at + len(words)
        names = {name.strip() for author in owners[at - 1:end + 1] if author
                 for name in author.split(",")} - {""}
        same = [a for a in pending if unspaced(a.new_text) == unspaced(words)]
        if not same or not names <= {code for a in same for code in a.proponents}:
            return None
        found += same
        parent = same[0]
        for point, draft in typed:
            if at <= point <= end:
                spot = _placed(words, point - at, parent.new_text)
                edits.append((point, typed_into(draft, parent, spot)))
        for s in struck:
            if at <= s.at and s.at + len(s.words) <= end:
                head = _placed(words, s.at - at, parent.new_text)
                tail = _placed(words, s.at - at + len(s.words), parent.new_text)
                one = replace(pieces[0], struck=(replace(s, at=head,
                                                         words=parent.new_text[head:tail]),))
                edits += [(s.at, d) for d in struck_from(one, parent, 0)]
        at = end + 2
    if len(edits) < len(typed) + len(struck):
        return None
    return found, joined_edits([d for _, d in sorted(edits, key=lambda e: e[0])])


def _stream(pieces: Sequence[Draft], reading: Reading,
            ) -> tuple[str, list[str | None], list[tuple[int, Draft]], list[Struck]]:
    """The words ``pieces`` put after a paragraph bracketed whole ("[first][second]"),
    without those the sender typed: those words, the Word author of each character,
    the sender's words by place in them, and the words struck there."""
    stream, owners = "", list[str | None]()
    typed: list[tuple[int, Draft]] = []
    struck: list[Struck] = []
    for k, draft in enumerate(pieces):
        text = draft.new_text
        alone = text.startswith("[") and text.endswith("]")
        if not reading.mine(draft) or alone:
            struck += shifted(draft.struck, len(stream))
            stream += text
            owners += [draft.author] * len(text)
            continue
        following = pieces[k + 1].new_text if k + 1 < len(pieces) else "["
        if text.startswith("[") and (not stream or stream.endswith("]")):
            stream, text = stream + "[", text[1:]  # the reader's bracket, not typed
            owners.append(None)
        closing = text.endswith("]") and following.startswith("[")
        text = text[:-1] if closing else text
        if text:
            typed.append((len(stream), replace(draft, new_text=text)))
        if closing:
            stream += "]"
            owners.append(None)
    return stream, owners, typed, struck


def _placed(words: str, at: int, other: str) -> int:
    """The place in ``other`` of the place ``at`` in ``words``, the same words spaced
    otherwise: after as many characters that are not spaces."""
    if words == other:
        return at
    count, wanted = 0, len(unspaced(words[:at]))
    for index, character in enumerate(other):
        if count == wanted:
            return index
        count += not character.isspace()
    return len(other)

