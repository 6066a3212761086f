"""Which paragraph of the revision each paragraph of a delegation's copy is.

A copy's paragraph is first the one its label names ("3.", ``OP3``), or the one it
reads as unchanged, keeping of these only the longest run in the revision's order
(`longest_run`: a paragraph cut and pasted up or down is the one out of order, not those
it jumped over); then, in order, the most like it by text
(`drafting.readers.docx_changes.most_similar`). A label is not trusted where the copy's
numbers are shifted: a delegation that inserts a paragraph, or deletes one, often
renumbers the paragraphs after it, or types the number the next one had.
There a paragraph that reads as another paragraph near the one its number names
(unchanged, or plainly more like it when edited), or whose numbered paragraph stands a
little further on, is found by its text instead. So is one typed with the number of a
paragraph that stands after the unchanged one that follows it in the copy (a new "3."
typed before "2 bis."): the copy keeps the text's order. A paragraph found only
because it is like one ("Article 1bis" like "Article 2") is new when that one stands, as
it was, a little further on.

A Word footnote is the revision's footnote its number names (the copy's numbers are
the revision's by then, `drafting.readers.copy_notes`), and no paragraph of the body is
that footnote.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from drafting.engine.anchoring import similarity
from drafting.errors import InputError
from drafting.limits import MAX_AMENDMENTS_PER_FILE, too_many_amendments
from drafting.model import Amendment, Paragraph, ParagraphKind
from drafting.ooxml import runs
from drafting.ooxml.runs import DELETED, NORMAL, RunPiece
from drafting.readers.copy_chunks import Chunk
from drafting.readers.copy_pieces import struck_by
from drafting.readers.docx_changes import LOOKAHEAD, SIMILARITY, most_similar
from drafting.readers.merged_copies import as_proposed

NEAR = 8
"""How many paragraphs either side of the one a copy's number names are looked at for
the paragraph it really is, and how many of the copy's paragraphs after it for the one
its number names."""
_LIGHT_EDIT, _CLEARLY = 0.9, 0.2
"""A copy's paragraph at least this like the paragraph its number names is that
paragraph; one less like it is another when that other is like it by `SIMILARITY`, and
by ``_CLEARLY`` more."""
Pending = Callable[[Paragraph], Sequence[Amendment]]
"""The pending proposals to change a paragraph's words (those a copy of the merged draft
shows), for `match_groups`."""


@dataclass
class Group:
    """One paragraph of the original text: the Word paragraphs up to one whose mark was
    there before the changes. ``hosts`` hold the original text; ``before``/``after`` are
    wholly inserted paragraphs around them."""

    hosts: list[Chunk] = field(default_factory=list)
    before: list[Chunk] = field(default_factory=list)
    after: list[Chunk] = field(default_factory=list)
    match: Paragraph | None = None
    closing: RunPiece | None = None
    """The paragraph mark that ends the group (one that was there before the changes)."""

    @property
    def pieces(self) -> list[RunPiece]:
        return [piece for chunk in self.hosts for piece in chunk.pieces]

    @property
    def all_deleted(self) -> bool:
        """Whether every piece is deleted (words struck in another's insertion, in
        neither text, aside)."""
        deleted = False  # the pieces looked at in order: the first kept one answers
        for chunk in self.hosts:
            for piece in chunk.pieces:
                if piece.state == DELETED:
                    deleted = True
                elif struck_by(piece) is None:  # nearly always the first: kept words
                    return False
        return deleted

    @property
    def note(self) -> int | None:
        """The number of the footnote the group is (a group of its own), else None."""
        return self.hosts[0].note if self.hosts else None


def match_groups(hosts: list[Group], paragraphs: list[Paragraph], path: Path,
                 pending: Pending | None = None) -> list[Paragraph]:
    """Set each group's ``match`` among ``paragraphs`` (the revision's, in order): a
    Word footnote's, the revision's footnote of its number (None if it has none); a body
    paragraph's, among the others (None for a new paragraph; a footnote written as a
    paragraph, "FN1", is one). A body paragraph like none is compared too with each
    paragraph as the ``pending`` proposals would make it (`as_proposed`): a copy of the
    merged draft that accepted several of a paragraph's proposals. The paragraphs no
    group matched, in order. LimitError (naming ``path``) for more new paragraphs than a
    file may propose."""
    notes = {p.label: p for p in paragraphs if p.kind is ParagraphKind.FOOTNOTE}
    claimed = set()
    for group in hosts:
        if group.note is not None and (found := notes.pop(group.hosts[0].label, None)):
            group.match = found
            claimed.add(found.id)
    body = [g for g in hosts if g.note is None]
    return _match_body(body, [p for p in paragraphs if p.id not in claimed] if claimed
                       else paragraphs, path, pending)


def _match_body(hosts: list[Group], paragraphs: list[Paragraph], path: Path,
                pending: Pending | None) -> list[Paragraph]:
    """`match_groups` for the body's groups (``hosts``) and paragraphs."""
    found: list[int | None] = [None] * len(hosts)
    by_label = {_key(p.label): k for k, p in enumerate(paragraphs)}
    labelled = [by_label.get(_key(g.hosts[0].label)) if g.hosts[0].label else None
                for g in hosts]
    plain = [j is not None and unchanged(g, paragraphs[j].text)
             for g, j in zip(hosts, labelled, strict=True)]
    shifted = [_shifted(g, j, labelled[max(i - NEAR, 0):i], paragraphs, same)
               for i, (g, j, same) in enumerate(zip(hosts, labelled, plain, strict=True))]
    for i, (group, j) in enumerate(zip(hosts, labelled, strict=True)):
        if j is None:
            continue
        ahead = slice(i + 1, i + 1 + NEAR)
        if not plain[i] and (_out_of_order(j, labelled[ahead], plain[ahead]) or (
                (shifted[i] or any(shifted[ahead])) and
                _numbered_otherwise(group, j, paragraphs, hosts[ahead]))):
            continue  # found by its text
        found[i] = j
    found = longest_run(_as_they_were(hosts, found, paragraphs),
                        {k for k, p in enumerate(paragraphs) if "[^" in p.text})
    last, new = -1, 0
    for i, group in enumerate(hosts):
        if found[i] is None:
            limit = min((j for j in found[i + 1:] if j is not None), default=len(paragraphs))
            text = runs.original_text(group.pieces)
            window = range(last + 1, limit)
            found[i] = _standing(most_similar(text, paragraphs, window), text, paragraphs,
                                 hosts[i + 1:i + 1 + NEAR])
            if found[i] is None and pending is not None:  # the merged draft's, accepted?
                found[i] = _standing(_most_like_proposed(text, paragraphs, window, pending),
                                     text, paragraphs, hosts[i + 1:i + 1 + NEAR])
        last = found[i] if found[i] is not None else last
        if found[i] is None and not group.all_deleted and \
                runs.proposed_text(group.pieces).strip():
            new += 1  # each will be a new paragraph: stop comparing past the limit
            if new > MAX_AMENDMENTS_PER_FILE:
                raise too_many_amendments(str(path))
    found = _rewritten(hosts, found, paragraphs)
    for group, j in zip(hosts, found, strict=True):
        group.match = None if j is None else paragraphs[j]
    taken = set(found)
    return [p for k, p in enumerate(paragraphs) if k not in taken]


def _rewritten(hosts: list[Group], found: list[int | None],
               paragraphs: list[Paragraph]) -> list[int | None]:
    """``found`` with each paragraph of the copy that is like no paragraph, alone between
    two it shares with the revision where one paragraph of the revision alone is missing,
    taken for that paragraph rewritten where the two are alike by `_REWRITTEN` at least
    ("Recognizing the role of women ..." made "Recognizing the central role of women and
    youth ..."): a delegation's clean copy that rewrote a short paragraph proposes new
    words for it, not a new paragraph and its deletion. Their opening word alone says
    nothing: nearly every preambular paragraph opens "Recalling" or "Noting"."""
    found = list(found)
    taken = {j for j in found if j is not None}
    for i, group in enumerate(hosts):
        if found[i] is not None or group.all_deleted or \
                not runs.proposed_text(group.pieces).strip():
            continue
        before = next((found[k] for k in range(i - 1, -1, -1) if found[k] is not None), -1)
        after = next((found[k] for k in range(i + 1, len(hosts)) if found[k] is not None),
                     len(paragraphs))
        alone = (i == 0 or found[i - 1] is not None) and \
            (i + 1 == len(hosts) or found[i + 1] is not None)
        missing = [k for k in range(before + 1, after) if k not in taken]
        if not alone or len(missing) != 1 or after - before != 2:
            continue
        (k,) = missing
        if paragraphs[k].kind in (ParagraphKind.HEADING, ParagraphKind.FOOTNOTE):
            continue
        if _alike(runs.proposed_text(group.pieces), paragraphs[k].text) >= _REWRITTEN:
            found[i] = k
            taken.add(k)
    return found


_REWRITTEN = 0.3
"""How alike a paragraph of a copy and the one paragraph of the revision missing where it
stands must be, at least, to be that paragraph rewritten (half `SIMILARITY`)."""


def _alike(text: str, other: str) -> float:
    try:
        return similarity(other, text)
    except InputError:
        return 0.0


def _as_they_were(hosts: list[Group], found: list[int | None],
                  paragraphs: list[Paragraph]) -> list[int | None]:
    """``found`` (the paragraphs the groups' labels name), and for each group with none
    the paragraph it reads as unchanged, where no other paragraph has that text."""
    if all(j is not None for j in found):
        return found
    texts: dict[str, int | None] = {}
    for k, p in enumerate(paragraphs):
        texts[p.text] = None if p.text in texts else k  # twice: neither
    found, taken = list(found), set(found)
    for i, group in enumerate(hosts):
        if found[i] is not None or len(group.hosts) != 1 or len(group.hosts[0].pieces) != 1:
            continue
        k = texts.get(group.hosts[0].pieces[0].text.strip())
        if k is not None and k not in taken and unchanged(group, paragraphs[k].text):
            found[i] = k
            taken.add(k)
    return found


def longest_run(found: list[int | None], noted: Collection[int] = ()) -> list[int | None]:
    """``found`` (for each of a copy's paragraphs, the revision's paragraph it is, or
    None) keeping only the longest run of them in the revision's order, the others None:
    a paragraph moved up or down is then the one out of order, not the paragraphs it
    jumped over (each deleted and typed again). Of runs as long, the one keeping most of
    the ``noted`` paragraphs (those citing a footnote, which a new paragraph cannot
    cite), then the one whose paragraphs come first in the copy."""
    last = -1
    for j in found:  # nearly always all in order: the one run is all of them
        if j is not None:
            if j <= last:
                return _longest_run(found, noted)
            last = j
    return list(found)


def _longest_run(found: list[int | None], noted: Collection[int]) -> list[int | None]:
    """`longest_run` of ``found`` not all in order: a Fenwick tree of the best run
    after each paragraph of the revision."""
    size = max((j for j in found if j is not None), default=-1) + 1
    tree: list[tuple[int, int]] = [(0, 0)] * (size + 1)  # the best run after each j
    best: list[tuple[int, int]] = [(0, 0)] * len(found)  # the best run starting at each
    for i in range(len(found) - 1, -1, -1):
        if (j := found[i]) is None:
            continue
        after, at = (0, 0), size - 1 - j  # runs going on past j: those before it here
        while at > 0:
            after, at = max(after, tree[at]), at & (at - 1)
        best[i] = (after[0] + 1, after[1] + (j in noted))
        at = size - j
        while at <= size:
            tree[at], at = max(tree[at], best[i]), at + (at & -at)
    need, last = max(best, default=(0, 0)), -1
    kept: list[int | None] = [None] * len(found)
    for i, j in enumerate(found):
        if j is not None and j > last and best[i] == need:
            kept[i], last = j, j
            need = (need[0] - 1, need[1] - (j in noted))
    return kept


def _standing(found: int | None, text: str, paragraphs: list[Paragraph],
              following: list[Group]) -> int | None:
    """``found``, the paragraph a copy's paragraph reading ``text`` is like, but None
    where it is only like it: it stands as it was a little further on, in ``following``."""
    like = None if found is None else paragraphs[found].text
    if like is not None and like != text.strip() and \
            any(unchanged(g, like) for g in following):
        return None
    return found


def _most_like_proposed(text: str, paragraphs: list[Paragraph], window: range,
                        pending: Pending) -> int | None:
    """The index in ``window`` (its first `LOOKAHEAD`) of the paragraph that, as its
    ``pending`` proposals would make it, is most like ``text`` (by `SIMILARITY` at
    least), or None."""
    best, best_ratio = None, SIMILARITY
    for k in window[:LOOKAHEAD]:
        if not (proposals := pending(paragraphs[k])):
            continue
        made = as_proposed(paragraphs[k].text, proposals, text)
        if made == paragraphs[k].text:
            continue  # no proposal brings it nearer: most_similar weighed it
        try:
            ratio = similarity(text, made)
        except InputError:
            continue
        if ratio > best_ratio or (ratio == best_ratio and best is None):
            best, best_ratio = k, ratio
    return best


def unchanged(group: Group, text: str) -> bool:
    """Whether ``group`` is one Word paragraph of unchanged text, with no comment, that
    reads as ``text``: no amendment, no warning."""
    if len(group.hosts) != 1 or len(group.hosts[0].pieces) != 1:
        return False
    (piece,) = group.hosts[0].pieces
    return piece.state == NORMAL and not piece.comment_ids and piece.text.strip() == text


def _shifted(group: Group, labelled: int | None, before: Sequence[int | None],
             paragraphs: list[Paragraph], plain: bool) -> bool:
    """Whether ``group`` is typed with a number that is not its own: the number names no
    paragraph, or one a paragraph a little before (``before``, what theirs name) names
    too ("3." typed for a new paragraph before "2 bis." and the old "3."), or one
    ``group`` does not read as (``plain``: it does) while it reads unchanged as another
    near it."""
    if not group.hosts[0].label:
        return False
    if labelled is None or labelled in before:
        return True
    return not plain and any(unchanged(group, paragraphs[k].text)
                             for k in _near(labelled, len(paragraphs)))


def _out_of_order(j: int, following: Sequence[int | None],
                  plain: Sequence[bool]) -> bool:
    """Whether a paragraph typed with the number of paragraph ``j`` is followed a little
    further on by one that reads, unchanged, as the paragraph its own number names, and
    that stands before ``j`` ("2 bis." after a new paragraph typed "3."): the copy keeps
    the text's order, so the number is a guess and the paragraph is found by its text."""
    return any(same and k is not None and k < j
               for k, same in zip(following, plain, strict=True))


def _numbered_otherwise(group: Group, j: int, paragraphs: list[Paragraph],
                        following: list[Group]) -> bool:
    """Whether ``group``, typed with the number of paragraph ``j``, is not that
    paragraph: ``j`` stands a little further on in ``following`` (as it was, or plainly
    more like itself there when both were edited), or ``group`` is another paragraph near
    ``j`` (unchanged, or plainly more like it). A paragraph edited lightly is ``j``
    without a look further."""
    target = paragraphs[j].text
    near = _near(j, len(paragraphs))
    if any(unchanged(g, target) for g in following) or \
            any(unchanged(group, paragraphs[k].text) for k in near):
        return True
    text = runs.original_text(group.pieces)
    here = similarity(text, target)
    if here >= _LIGHT_EDIT:
        return False
    bar = max(SIMILARITY, here + _CLEARLY)
    return any(similarity(runs.original_text(g.pieces), target) >= bar
               for g in following if g.hosts) or \
        any(similarity(text, paragraphs[k].text) >= bar for k in near)


def _near(j: int, count: int) -> list[int]:
    """The paragraphs up to `NEAR` before and after paragraph ``j`` of ``count``."""
    return [k for k in range(max(j - NEAR, 0), min(j + NEAR + 1, count)) if k != j]


@lru_cache(maxsize=4096)
def _key(label: str) -> str:
    return "".join(label.split()).casefold()
