"""The draft's own pending tracked changes in a delegation's copy.

A Word draft may be imported with tracked changes still pending (the secretariat's): the
import reads them as accepted. Delegations often got that file as first circulated and
send it back with their own edits, so their copy still tracks the secretariat's changes,
beside what the delegation typed (tracked or not) in the same paragraph. Those changes
are the revision's text, never the sender's proposals.

Which tracked changes are the draft's: grouped by their stamp (date and Word author),
the oldest first, the set accepting which makes the copy's text (every other change
rejected) the revision's text exactly, else the one that brings it closest to it, word
by word (`distance`), when that is closer than accepting none. A sender's own change can
only bring the text closer where the revision already holds its words (then it is no
proposal anyway). A paragraph tracked as inserted whole in the copy, where the revision
has a paragraph no other paragraph of the copy stands for (or only one tracked as deleted
whole whose text is another: the draft replaced it), is that paragraph of the draft, the
sender's edits in it read as edits of it (`claim_inserted`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from drafting.engine.anchoring import similarity, word_diff
from drafting.errors import InputError
from drafting.model import Paragraph
from drafting.ooxml import runs
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.copy_pieces import struck_by
from drafting.readers.docx_changes import SIMILARITY
from drafting.readers.docx_matching import Group

Stamp = tuple[datetime, str]
"""A tracked change's date (`NO_DATE` when it has none) and Word author ("" when none)."""
NO_DATE = datetime.min.replace(tzinfo=UTC)
WEIGHED = 16
"""How many of a paragraph's stamps, the oldest first, are tried as the draft's own (each
round of `_closest` weighs every one not taken yet): the draft's own are the oldest, and
a copy tracking thousands of changes in one paragraph costs no more."""


def stamp(piece: RunPiece) -> Stamp:
    return (piece.date or NO_DATE, piece.author or "")


def draft_stamps(pieces: Sequence[RunPiece], text: str) -> set[Stamp]:
    """The stamps of the changes in ``pieces`` that are the draft's own, whose ``text``
    (the revision's) they make the copy's closest to; empty where none does."""
    stamps = sorted({stamp(p) for p in pieces if p.state != NORMAL})[:WEIGHED]
    for end in range(1, len(stamps) + 1):  # as few as make the text the revision's
        if runs.original_text(accepting(pieces, set(stamps[:end]))) == text:
            return set(stamps[:end])
    return _closest(pieces, stamps, text)


def tracked_to(pieces: Sequence[RunPiece], paragraph: Paragraph | None) -> bool:
    """Whether tracked changes in ``pieces`` make them read as ``paragraph`` (the
    revision's) has it: a merged draft circulated before the revision took them. Read as
    part of its text (`draft_stamps`), the copy undoes nothing the revision changed."""
    if paragraph is None:
        return False
    taken = draft_stamps(pieces, paragraph.text)
    return bool(taken) and runs.original_text(accepting(pieces, taken)) == paragraph.text


def _closest(pieces: Sequence[RunPiece], stamps: list[Stamp], text: str) -> set[Stamp]:
    """The stamps whose changes, accepted one by one (each time the one bringing the text
    closest, the oldest of equals), bring the text of ``pieces`` closer to ``text``."""
    taken: set[Stamp] = set()
    best = distance(runs.original_text(pieces), text)
    while best[0]:
        weighed = [(distance(runs.original_text(accepting(pieces, taken | {s})), text), k)
                   for k, s in enumerate(stamps) if s not in taken]
        if not weighed or (nearest := min(weighed))[0] >= best:
            break
        best = nearest[0]
        taken.add(stamps[nearest[1]])
    return taken


def distance(text: str, other: str) -> tuple[int, int]:
    """How far ``text`` is from ``other``, word by word: the characters (but spaces) of
    the words the shortest word diff deletes or inserts, then all its characters."""
    try:
        diffs = word_diff(text, other, remember=False, clean=False)
    except InputError:  # too many different words to compare: as far as can be
        return (len(text) + len(other) + 1, len(text) + len(other) + 1)
    changed = [part for op, part in diffs if op]
    return (sum(len("".join(part.split())) for part in changed),
            sum(len(part) for part in changed))


def in_the_draft(pieces: list[RunPiece], text: str, how: str) -> tuple[list[RunPiece], str]:
    """``pieces`` with the tracked changes that ``text`` (the revision's) already holds
    accepted, and what to warn of them ("" for none): a draft imported with changes still
    tracked in it reads as if they were accepted, and its copies carry them still, beside
    the sender's own edits, no proposal of the sender's. ``how`` says why the draft holds
    them ("it was imported with them accepted")."""
    taken = draft_stamps(pieces, text)
    if not taken:
        return pieces, ""
    names = sorted({author or "an unnamed author" for _, author in taken})
    return accepting(pieces, taken), (f"the changes tracked by {', '.join(names)} were in "
                                      f"the draft already ({how}): read as part of its "
                                      "text, not as proposals")


def accepting(pieces: Sequence[RunPiece], taken: set[Stamp]) -> list[RunPiece]:
    """``pieces`` with the changes stamped ``taken`` accepted: their insertions plain
    text, their deletions gone; words of a taken insertion another author struck are that
    author's deletion."""
    accepted = []
    for piece in pieces:
        if piece.state == NORMAL or stamp(piece) not in taken:
            accepted.append(piece)
        elif (deletion := struck_by(piece)) is not None:
            accepted.append(RunPiece(piece.text, DELETED, deletion.author, deletion.date,
                                     deletion.change_id, piece.comment_ids, deletion.kind))
        elif piece.state == INSERTED:
            accepted.append(RunPiece(piece.text, comment_ids=piece.comment_ids))
    return accepted


def claim_inserted(groups: list[Group], unmatched: list[Paragraph],
                   order: dict[str, int]) -> list[Paragraph]:
    """Give each paragraph of ``unmatched`` (the revision's paragraphs no group of the
    copy stands for), and each one a paragraph tracked as deleted whole stands for while
    its text is another (the draft replaced it), the paragraph of the copy tracked as
    inserted whole, where it stands (between the groups of the paragraphs before and
    after it), that is it once the draft's own changes in it are accepted (as like it as
    `SIMILARITY` at least, the most like it of those there, and more like it than the
    deleted one): a group of its own, in its place among ``groups``; the deleted one then
    stands for none. ``order``: each revision paragraph's index. The paragraphs still
    unmatched."""
    replaced = [g for g in groups if g.match is not None and g.note is None and
                g.all_deleted and runs.original_text(g.pieces).strip() != g.match.text]
    for group in replaced:
        paragraph, group.match = group.match, None
        like = similarity(runs.original_text(group.pieces).strip(), paragraph.text)
        if not _claim(groups, paragraph, order, like):
            group.match = paragraph
    return [p for p in unmatched if not _claim(groups, p, order, SIMILARITY)]


def _claim(groups: list[Group], paragraph: Paragraph, order: dict[str, int],
           like: float) -> bool:
    """Whether an inserted paragraph more like ``paragraph`` than ``like`` was found
    where it stands, and made its group (`claim_inserted`)."""
    found = _inserted_for(groups, paragraph, order, max(like, SIMILARITY))
    if found is None:
        return False
    at, where, index = found
    host = groups[at]
    if where == "hosts":  # typed in, untracked: the paragraph has text it had before
        host.match = paragraph
        return True
    if where == "split":  # after a mark tracked inserted (Word's way): the rest is it
        claimed = Group(host.hosts[index:], after=host.after, match=paragraph,
                        closing=host.closing)
        host.hosts, host.after, host.closing = host.hosts[:index], [], \
            host.hosts[index - 1].mark
        groups.insert(_after(groups, at), claimed)
        return True
    chunks = getattr(host, where)
    claimed = Group([chunks[index]], match=paragraph, closing=chunks[index].mark)
    if where == "before":  # it stands before ``host``: the new ones around it go too
        claimed.before, claimed.after, host.before = chunks[:index], chunks[index + 1:], []
        groups.insert(at, claimed)
    else:
        claimed.after, host.after = chunks[index + 1:], chunks[:index]
        groups.insert(_after(groups, at), claimed)
    return True


def _after(groups: list[Group], at: int) -> int:
    """Where a group goes after ``groups[at]``: after the footnotes it cites too."""
    while at + 1 < len(groups) and groups[at + 1].note is not None:
        at += 1
    return at + 1


def _inserted_for(groups: list[Group], paragraph: Paragraph, order: dict[str, int],
                  like: float) -> tuple[int, str, int] | None:
    """Where in ``groups`` the inserted paragraph that is ``paragraph`` stands: (the
    group's index, "before" or "after", the chunk's index there; "hosts", 0 for a group
    that stands for no paragraph, the sender's untracked words in it; "split" and the
    index of the group's part after a paragraph mark tracked as inserted), more like it
    than ``like``, or None."""
    own = order[paragraph.id]
    placed = [(k, order[g.match.id]) for k, g in enumerate(groups)
              if g.match is not None and g.note is None]
    first = max((k for k, at in placed if at < own), default=-1)  # the group before it
    last = min((k for k, at in placed if at > own), default=len(groups))
    best, best_ratio = None, like
    for k in range(max(first, 0), min(last + 1, len(groups))):
        group = groups[k]
        places = [("after", k) if k != last else None, ("before", k) if k != first else None,
                  ("hosts", k) if first < k < last and group.match is None and
                  group.hosts and group.note is None and not group.all_deleted else None]
        for where, _ in filter(None, places):
            chunks = [group.pieces] if where == "hosts" else \
                [chunk.pieces for chunk in getattr(group, where)]
            for index, pieces in enumerate(chunks):
                ratio = _likeness(pieces, paragraph.text)
                if ratio > best_ratio:
                    best, best_ratio = (k, where, index), ratio
        if first <= k < last and group.note is None:  # parts after an inserted mark
            for index in range(1, len(group.hosts)):
                if group.hosts[index - 1].mark.state == INSERTED and \
                        (ratio := _likeness(group.hosts[index].pieces, paragraph.text)) > \
                        best_ratio:
                    best, best_ratio = (k, "split", index), ratio
    return best


def _likeness(pieces: list[RunPiece], text: str) -> float:
    """How like ``text`` an inserted paragraph's ``pieces`` are once the draft's own
    changes in them are accepted (0.0 where none is: it is all the sender's)."""
    if not any(p.state == INSERTED for p in pieces):
        return 0.0
    own = draft_stamps(pieces, text)
    if not own:
        return 0.0
    try:
        return similarity(runs.original_text(accepting(pieces, own)).strip(), text)
    except InputError:
        return 0.0
