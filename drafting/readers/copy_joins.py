"""Two paragraphs of the revision joined in a delegation's copy with Track Changes: the
paragraph mark between them deleted (Word: ``w:pPr/w:rPr/w:del``), often with words
around it, so that "OP3" and "OP4" show as one paragraph.

No amendment joins two paragraphs, so the join is read as a secretariat would write it:
the first paragraph replaced by the joined text (its own changes as tracked, then the
words of the next paragraph, as that paragraph proposes them, inserted at its end by
whoever deleted the mark) and the next paragraph deleted by the same author. Accepted
together they make the joined paragraph; a warning on the first says so. Several marks
deleted in a row join them all into the first.

A join across a heading, between paragraphs of two series (the preamble and the
operative part, two articles) or with text that is not the revision's is not read:
the paragraphs are read apart, with a warning that says why. A paragraph deleted whole
(its words and its mark) is a paragraph deletion, no join; nor is an item Word numbers
deleted with the paragraph's mark (`last_item_deleted`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from drafting.engine.series import series_key
from drafting.model import SPAN_KINDS, AmendmentKind, ParagraphKind, Revision
from drafting.model.document import ParagraphStatus
from drafting.ooxml import runs
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.copy_chunks import Chunk
from drafting.readers.copy_items import last_item_deleted
from drafting.readers.copy_lines import alike
from drafting.readers.docx_changes import SIMILARITY
from drafting.readers.docx_matching import Group

if TYPE_CHECKING:
    from drafting.readers.docx_drafts import Draft

_CLOSING = frozenset(",;:.)]")
"""What needs no space before it where two paragraphs are joined."""
_APART = "; the join was not read, and they were read apart (propose the words instead)"


def read_joins(groups: list[Group], warn: Callable[[str, str], None],
               where: Callable[[Chunk], str]) -> None:
    """Read each join in ``groups`` (the copy's, matched) as a replacement and a deletion,
    in place: the next paragraph's words inserted at the end of the first, the next one
    deleted whole. ``warn(where, message)`` takes the warnings; ``where`` places a chunk."""
    body = [g for g in groups if g.note is None]
    joined = [_joined(g, h) for g, h in zip(body, [*body[1:], None], strict=False)]
    into: Group | None = None
    for k, group in enumerate(body):
        if not joined[k]:
            into = None
            continue
        following = body[k + 1]
        assert following is not None
        receiving = into or group
        why = _refused(receiving, group, following)
        if why:
            warn(where(group.hosts[-1]), "this paragraph was joined with the next one (a "
                 f"deleted paragraph mark), {why}{_APART}")
            into = None
            continue
        _join(receiving, following)
        first, second = receiving.match, following.match
        assert first is not None and second is not None
        warn(where(receiving.hosts[0]), f"{group.match.label if group.match else first.label}"
             f" was joined with {second.label} (the paragraph mark between them deleted); "
             "joining is no amendment of its own, so it was read as "
             f"{first.label} replaced by the joined text and {second.label} deleted: "
             "accepted together, they make the joined paragraph")
        into = receiving


def _joined(group: Group, following: Group | None) -> bool:
    """Whether ``group``'s paragraph mark is deleted, joining it with ``following``: both
    have words that stay, and the mark closes no item deleted whole."""
    mark = group.closing
    return bool(group.hosts) and mark is not None and mark.state == DELETED and \
        mark.in_original and not group.all_deleted and following is not None and \
        bool(following.hosts) and not following.all_deleted and \
        not last_item_deleted(group.pieces)


def _refused(receiving: Group, group: Group, following: Group) -> str:
    """Why ``following`` cannot be joined to ``receiving`` (``group`` the one whose mark
    was deleted: ``receiving`` or a paragraph joined to it already); "" where it can."""
    first, second = receiving.match, following.match
    if first is None or second is None:
        return "with text that is not a paragraph of the draft"
    if _heading(group) or _heading(following) or \
            ParagraphKind.HEADING in (first.kind, second.kind):
        return "across a heading"
    if series_key(first) is None or series_key(first) != series_key(second):
        return f"across the boundary between {first.label} and {second.label} (the " \
            "preamble and the operative part, or two articles or sections)"
    if len(receiving.hosts) != 1 or len(following.hosts) != 1 or following.before:
        return "with paragraphs split or inserted between them"
    return ""


def _heading(group: Group) -> bool:
    return any(chunk.heading for chunk in group.hosts)


def _join(receiving: Group, following: Group) -> None:
    """``following``'s proposed words inserted at the end of ``receiving`` by whoever
    deleted the mark before it, and its own text deleted whole by the same author; the
    comments on either side of the mark are the reasons of both."""
    mark = receiving.closing  # the one deleted right before ``following``
    assert mark is not None
    (host,), (other,) = receiving.hosts, following.hosts
    comments = tuple(dict.fromkeys([*_trailing_comments(host.pieces),
                                    *(c for p in other.pieces for c in p.comment_ids)]))
    words = runs.proposed_text(other.pieces).strip()
    before = runs.proposed_text(host.pieces)
    space = "" if not before.strip() or before[-1:].isspace() or words[:1] in _CLOSING \
        else " "  # "session, requests": what Word shows, the space the text needs
    kind = mark.kind or runs.CHANGE
    host.pieces = [*host.pieces, RunPiece(space + words, INSERTED, mark.author, mark.date,
                                          mark.change_id, comments, kind)]
    other.pieces = [_deleted(p, mark, comments) for p in other.pieces
                    if p.in_original and not p.cancelled]
    receiving.closing = following.closing


def _trailing_comments(pieces: list[RunPiece]) -> list[str]:
    """The comments on the changed pieces that end ``pieces`` (right before the mark)."""
    found: list[str] = []
    for piece in reversed(pieces):
        if piece.state == NORMAL and piece.text.strip():
            break
        found.extend(piece.comment_ids)
    return found


def _deleted(piece: RunPiece, mark: RunPiece, comments: tuple[str, ...]) -> RunPiece:
    """``piece`` (of the paragraph joined to the one before) deleted by ``mark``'s author,
    whose join deletes the paragraph, with the join's ``comments``."""
    return RunPiece(piece.text, DELETED, mark.author, mark.date, mark.change_id, comments,
                    mark.kind or runs.CHANGE)



def untracked_joins(drafts: Sequence[Draft], target: Revision,
                    warn: Callable[[str, str], None]) -> None:
    """A warning on each paragraph an edited copy (untracked) deleted whose words it
    holds at the end of the paragraph before it: two paragraphs joined, read as the
    first's words changed (its own amendment) and the next deleted."""
    order = [p for p in target if p.kind is not ParagraphKind.FOOTNOTE
             and p.status is not ParagraphStatus.DELETED]
    before = {p.id: q for q, p in pairwise(order)}
    for draft in drafts:
        previous = before.get(draft.paragraph.id)
        if draft.kind is not AmendmentKind.DELETE_PARAGRAPH or previous is None:
            continue
        if any(d.paragraph.id == previous.id and d.kind in SPAN_KINDS and d.new_text.strip()
               and alike(draft.paragraph.text, d.new_text) >= SIMILARITY for d in drafts):
            warn(draft.where, f"{draft.paragraph.label}'s words are at the end of "
                 f"{previous.label} in the copy: the two paragraphs read as joined, and "
                 f"joining is no amendment of its own, so it was read as {previous.label}'s "
                 f"words changed and {draft.paragraph.label} deleted: accepted together, "
                 "they make the joined paragraph")

