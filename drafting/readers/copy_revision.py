"""Copies of an earlier revision: a delegation answers on the draft it had, sent before
the secretariat issued the next one, or edits the copy it kept.

Read against the current revision, such a copy would propose, in the delegation's name,
to undo every change the revision made. `older_copy` tells such a copy by the paragraphs
it holds as only the earlier revision had them, and lacks those only the current one has
(`OtherRevision`); `drafting.readers.docx_submission` then reads it against the revision
it was made from, and its amendments are carried onto the current text (`carried`), as
`drafting.engine.merge.place` carries pending amendments: a change the revision has made
since (compared on the text it makes, however it was typed: `_there`) is not proposed
again; one whose words it changed since, an insertion where it put other words, or one
the revision made part of, cannot be carried, and the file is refused, saying which.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

from drafting.engine.anchoring import word_diff
from drafting.engine.applied import apply_accepted, known_steps
from drafting.engine.equivalent import produces
from drafting.engine.known_edits import carry
from drafting.engine.merge import place
from drafting.engine.segments import StaleAmendment
from drafting.errors import DraftingError, ReaderError, StaleError
from drafting.model import (
    SPAN_KINDS,
    Amendment,
    AmendmentKind,
    AmendmentStatus,
    Document,
    ParagraphStatus,
    Revision,
)
from drafting.ooxml import runs
from drafting.readers.docx_matching import Group, unchanged
from drafting.readers.result import ReadWarning


class OtherRevision(ReaderError):
    """The file is plainly a copy of revision ``label``, not of the one it was read
    against."""

    def __init__(self, message: str, label: str) -> None:
        super().__init__(message)
        self.label = label


_OUTWEIGHS = 3
"""How many times more paragraphs must read as an earlier revision has them than as the
current one does, for a file holding both to be read as a copy of the earlier one."""


def older_copy(document: Document, target: Revision, groups: list[Group],
               own: Callable[[], Collection[str]] | None = None,
               notes: Collection[str] = ()) -> tuple[Revision, Group] | None:
    """`OtherRevision` when a file whose paragraphs are ``groups`` (matched to ``target``'s)
    is a copy of another revision of ``document`` than ``target``: it holds paragraphs as
    only that revision has them (as Rev.1 worded them), or lacks paragraphs only ``target``
    has (new in Rev.2), two at least, and holds nothing only ``target`` has, or holds a
    few (the delegation's own changes, accepted since) against three times as many. Read
    against ``target``, every difference would be proposed in the delegation's name
    (Rev.2's changes undone). With one such paragraph only, a delegation may mean to
    restore its wording: that revision and the paragraph's group, for a warning.
    ``own`` gives the texts of ``target``'s paragraphs the sender's own amendments,
    accepted, made: a copy holding those as ``target`` has them is no copy of it for that
    (the delegation sent its own copy of the earlier revision again). ``notes``: the
    words of footnotes the file holds and ``target`` has not, each a paragraph only
    another revision may have (one ``target`` deleted, its marker with it)."""
    others = [r for r in document.revisions if r.label != target.label]
    if not others:
        return None
    hosts = [g for g in groups if g.hosts]
    kept = {g.match.text for g in hosts  # paragraphs the file holds as this revision
            if g.match is not None and unchanged(g, g.match.text)}
    held = {g.match.text for g in hosts if g.match is not None}  # edited or not
    texts = {runs.original_text(g.pieces).strip(): g for g in hosts  # the others'
             if g.match is None or not unchanged(g, g.match.text)}
    ours = {p.text for p in target if p.status is not ParagraphStatus.DELETED}
    found: list[tuple[Revision, set[str]]] = []  # revisions the file may be a copy of
    mixed: list[tuple[Revision, set[str], set[str]]] = []  # and holds some of ours
    for other in reversed(others):  # the latest first
        theirs = {p.text for p in other if p.status is not ParagraphStatus.DELETED}
        only_theirs = (theirs - ours) & texts.keys()
        evidence = only_theirs | ((ours - theirs) - held) | ((theirs - ours) & set(notes))
        mine = (ours - theirs) & kept  # it holds what only this revision has
        if mine and evidence and own is not None:  # as the sender's own proposals made it
            mine -= set(own())
        if mine:  # the delegation's own changes, accepted since, at most
            if len(evidence) >= _OUTWEIGHS * len(mine):
                mixed.append((other, evidence, mine))
        elif evidence:
            found.append((other, evidence))
    strong = [(other, only) for other, only in found if len(only) > 1]
    if strong:
        other, evidence = max(strong, key=lambda pair: len(pair[1]))
        raise OtherRevision(
            f"the file is a copy of {other.label}, not of {target.label}: it holds "
            f"{len(evidence)} paragraphs as {other.label} has them, and nothing "
            f"{target.label} changed; read it against {other.label}", other.label)
    if mixed:
        other, evidence, mine = max(mixed, key=lambda item: len(item[1]))
        raise OtherRevision(
            f"the file is a copy of {other.label}, not of {target.label}: it holds "
            f"{len(evidence)} paragraphs as {other.label} has them, and {len(mine)} as "
            f"{target.label} has them (changes made in the file itself, and accepted "
            f"since, it may be); read it against {other.label}", other.label)
    only = [(other, text) for other, evidence in found for text in evidence if text in texts]
    return (only[0][0], texts[only[0][1]]) if only else None


def made_by(proposed: Callable[[], Mapping[str, Sequence[Amendment]]], target: Revision,
            senders: Collection[str | None]) -> Callable[[], set[str]]:
    """The texts of ``target``'s paragraphs that amendments of ``senders`` (the delegation
    a copy is sent for, those its Word authors are of), accepted on an earlier revision,
    made: the paragraphs they changed and the new ones. Asked for once, when needed
    (``proposed``: the store's amendments, the settled ones in ``settled``)."""
    @cache
    def texts() -> set[str]:
        found = set()
        for paragraph_id, settled in getattr(proposed(), "settled", {}).items():
            for a in settled:
                if a.status is not AmendmentStatus.ACCEPTED or a.revision == target.label \
                        or not set(senders) & set(a.proponents):
                    continue
                if a.kind is AmendmentKind.NEW_PARAGRAPH:
                    found.add(a.new_text)
                elif (now := target.by_id(paragraph_id)) is not None:
                    found.add(now.text)
        return found
    return texts


def accepted_on(proposed: Callable[[], Mapping[str, Sequence[Amendment]]],
                document: Document, revision: Revision) -> list[Amendment]:
    """The amendments accepted on ``revision`` and on each later revision of ``document``
    but its current one: those the revisions since applied (``proposed``: the store's,
    the settled ones in ``settled``)."""
    labels = [r.label for r in document.revisions]
    since = set(labels[labels.index(revision.label):-1]) if revision.label in labels else set()
    return [a for settled in getattr(proposed(), "settled", {}).values() for a in settled
            if a.status is AmendmentStatus.ACCEPTED and a.revision in since]


@dataclass(frozen=True, slots=True)
class Carried:
    """A copy's amendments moved onto the current revision, and the warning that says so."""

    amendments: tuple[Amendment, ...]
    warning: ReadWarning


def carried(amendments: tuple[Amendment, ...], document: Document, made_on: Revision,
            name: str, accepted: Collection[Amendment] = (), what: str = "") -> Carried:
    """``amendments``, read from the file ``name`` against ``made_on`` (an earlier
    revision of ``document``), moved onto its current revision: through the edits the
    revisions since made (``accepted``, `accepted_on`; `known_steps`), the rest diffed.
    ReaderError naming each one that cannot be (its words changed since, its paragraph
    deleted), with nothing carried. One that is one of those accepted on ``made_on``
    (the same paragraph made the same) is in the current revision already, whatever else
    changed beside it. ``what`` says what the file is, in the messages (default: a copy
    of ``made_on``, not of the current revision)."""
    current = document.current
    assert current is not None  # a document has a revision once imported
    what = what or f"the file is a copy of {made_on.label}, not of {current.label}"
    done: list[Amendment] = []
    clashes: list[tuple[Amendment, str]] = []
    for amendment in amendments:
        if any(_same(amendment, other, made_on) for other in accepted) or \
                (verdict := _there(amendment, made_on, current)) is True:
            done.append(amendment)
        elif verdict:
            clashes.append((amendment, verdict))
    moved, stale = _through_edits([a for a in amendments if a not in done and all(
        a is not c for c, _ in clashes)], document, made_on, accepted)
    placed, more = place(document, current, moved)
    stale += more
    done += [item.amendment for item in stale if _made(item.amendment, made_on, current)]
    refused = [(item.amendment, item.reason) for item in stale
               if item.amendment not in done] + clashes
    if refused:
        listed = "; ".join(f"{_label(made_on, amendment)} ({amendment.kind}): {reason}"
                           for amendment, reason in refused)
        raise ReaderError(
            f"{name}: {what}, and {len(refused)} of its changes cannot be carried onto "
            f"{current.label}'s text: {listed}. Ask for those changes on {current.label}")
    made = "".join(f"; its change to {_label(made_on, a)} is in {current.label} already "
                   "(accepted since, it may be): not proposed again" for a in done)
    return Carried(tuple(placed), ReadWarning(name, (
        f"{what}: its changes were read against {made_on.label} (the labels in the other "
        f"warnings are its) and carried onto {current.label}'s text{made}")))


def _through_edits(amendments: list[Amendment], document: Document, made_on: Revision,
                   accepted: Collection[Amendment],
                   ) -> tuple[list[Amendment], list[StaleAmendment]]:
    """``amendments`` (to ``made_on``) moved onto the current revision through the edits
    that made it (`known_steps`), or stale with the reason; those whose paragraph has no
    such edits are left as they are, for `place` to diff."""
    current = document.current
    assert current is not None  # a document has a revision once imported
    moved: list[Amendment] = []
    stale: list[StaleAmendment] = []
    for amendment in amendments:
        was, now = made_on.by_id(amendment.paragraph_id), current.by_id(amendment.paragraph_id)
        steps = known_steps(document, made_on, amendment.paragraph_id, accepted)
        if was is None or now is None or not steps or now.status is ParagraphStatus.DELETED:
            moved.append(amendment)
            continue
        try:
            moved.append(carry(amendment, was.text, now.text, current.label, steps))
        except StaleError as error:
            stale.append(StaleAmendment(amendment, error.message))
    return moved, stale


def _same(amendment: Amendment, other: Amendment, made_on: Revision) -> bool:
    """Whether two amendments to ``made_on`` are one proposal: the same paragraph made the
    same (a change of words compared on the text it makes)."""
    if amendment.paragraph_id != other.paragraph_id or other.revision != made_on.label:
        return False
    if amendment.kind in _WORDS and other.kind in _WORDS:
        was = made_on.by_id(amendment.paragraph_id)
        return was is not None and produces(was.text, amendment) == produces(was.text, other)
    return (amendment.kind, amendment.new_text) == (other.kind, other.new_text)


def _made(amendment: Amendment, made_on: Revision, current: Revision) -> bool:
    """Whether ``amendment`` (to ``made_on``) makes its paragraph read as ``current`` has
    it: a change of the copy that the revision has made since."""
    was, now = made_on.by_id(amendment.paragraph_id), current.by_id(amendment.paragraph_id)
    if was is None or now is None or amendment.kind not in SPAN_KINDS:
        return False
    try:
        return apply_accepted(was, was.text, [amendment]) == now.text
    except DraftingError:
        return False


def _there(amendment: Amendment, made_on: Revision, current: Revision) -> bool | str:
    """What ``current`` made, since ``made_on``, of what ``amendment`` (to ``made_on``, a
    change of words) does, compared on what it makes of its paragraph, however its span
    was drawn ("submit a report" deleted and "submit a report annually" typed is
    " annually" put after "report"): True where ``current`` holds every word of it there
    (the change is in ``current`` already); the reason it cannot be carried where
    ``current`` holds part of it only (carried, it would put in the part made again), or
    put other words at its insertion point ("all States" -> "all Member States":
    " coastal" after "all" was written against words that are no longer there); False
    where it made none of it."""
    was, now = made_on.by_id(amendment.paragraph_id), current.by_id(amendment.paragraph_id)
    if (was is None or now is None or amendment.span is None or was.text == now.text
            or amendment.kind not in _WORDS):
        return False
    theirs, produced = _changes(was.text, now.text), produces(was.text, amendment)
    made: list[tuple[int, int, int, int]] = []
    left: list[tuple[int, int, int, int]] = []
    for stretch in _changes(was.text, produced):
        verdict = _made_there(stretch, produced, was.text, now.text, theirs)
        if isinstance(verdict, str):
            return f"{current.label} put {verdict}"
        (made if verdict else left).append(stretch)
    if made and left:
        return (f"{current.label} made part of it since, not all: "
                f"'{_around(was.text, made[0][0], made[0][1])}' became "
                f"'{_around(now.text, *_where(made[0], theirs))}'; carried, it would "
                "put in those words again")
    return bool(made)


_WORDS = frozenset({AmendmentKind.INSERT, AmendmentKind.REPLACE, AmendmentKind.DELETE})


def _made_there(mine: tuple[int, int, int, int], produced: str, was: str, now: str,
                theirs: list[tuple[int, int, int, int]]) -> bool | str:
    """Whether the revision's changes (``theirs``, of ``was`` into ``now``) made the
    copy's change ``mine`` (of ``was`` into ``produced``): its words are among those the
    revision put at that place, or the words it deletes are gone from there; the words
    the revision put at the insertion point ``mine`` makes, where they are others."""
    start, end, new_start, new_end = mine
    words = _words(produced[new_start:new_end])
    for their in theirs:
        put = _words(now[their[2]:their[3]])
        # their stretch, widened over the spaces around it: " Member" and "Member " alike
        wide = (len(was[:their[0]].rstrip()), their[1] + len(was[their[1]:]) - len(
            was[their[1]:].lstrip()))
        if start == end and not wide[0] <= start <= wide[1]:
            continue
        if start != end and not (wide[0] <= start and end <= wide[1] and their[0] < end):
            continue
        if not words:  # a deletion: made where the revision took those words out
            gone, stood = _words(was[start:end]), _words(was[their[0]:their[1]])
            return not put or (f" {gone} " not in f" {put} " and f" {put} " in f" {stood} ")
        if put and f" {words} " in f" {put} ":
            return True
        if put and start == end:
            more = f", which the change holds with more ('{words}')" \
                if f" {put} " in f" {words} " else ""
            return (f"'{put}' at its insertion point since{more}: "
                    f"'{_around(was, their[0], their[1])}', the words it was written "
                    f"against, became '{_around(now, their[2], their[3])}'")
    return False


def _words(text: str) -> str:
    return " ".join(text.split())


def _where(mine: tuple[int, int, int, int],
           theirs: list[tuple[int, int, int, int]]) -> tuple[int, int]:
    """The stretch of the revision's text where its change nearest ``mine`` stands."""
    their = min(theirs, key=lambda t: abs(t[0] - mine[0]))
    return their[2], their[3]


def _changes(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """Each stretch of ``old`` that ``new`` changed, and the stretch of ``new`` in its
    place: (start, end, new start, new end)."""
    found: list[tuple[int, int, int, int]] = []
    o = n = 0
    after = True
    for op, text in word_diff(old, new):
        if op == 0:
            o, n, after = o + len(text), n + len(text), True
            continue
        if after:
            found.append((o, o, n, n))
            after = False
        o, n = o + len(text) * (op < 0), n + len(text) * (op > 0)
        found[-1] = (found[-1][0], o, found[-1][2], n)
    return found


def _around(text: str, start: int, end: int) -> str:
    """The words from the one before ``start`` to the one after ``end`` in ``text``."""
    head = text[:start].rstrip()
    head = head[:len(head) - len(head.split()[-1])] if head.split() else ""
    tail = text[end:]
    tail = tail[:len(tail) - len(tail.lstrip())] + (tail.split()[:1] or [""])[0]
    return " ".join(text[len(head):end + len(tail)].split())


def _label(revision: Revision, amendment: Amendment) -> str:
    paragraph = revision.by_id(amendment.paragraph_id)
    return paragraph.label if paragraph is not None else amendment.paragraph_id
