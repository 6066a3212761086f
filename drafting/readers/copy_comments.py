"""The comments in a delegation's Word copy: those on a change are its amendment's reason.

A change's reason is the text of the comments anchored on it, joined by "; ", thread by
thread (the opening comment, then its replies in the order of the file), but:

- a comment the document's own Word source holds (the same author, the same words:
  `drafting.readers.source_comments`) is the draft's, never a reason, however it is
  dated: the copy came with it (a delegation's reply to it is read as below). Without
  a Word source (a draft imported from text), dates tell: a comment dated before the
  change was made is no reason for it: it was there already (the secretariat's, left
  in the draft); so is one dated well before the revision the copy is of was set up
  here, on words changed without Track Changes (which have no date): the draft's own.
  One of those on a tracked change is named in a warning. A comment dated with or
  after the tracked change it is on is that change's reason, however old: a
  secretariat may import a draft days after circulating it, and the delegation's
  changes and its comments on them predate the import;
- a reply (Word threads one in ``commentsExtended.xml``: `drafting.ooxml.comment_threads`)
  joins the reason only when its author made the change, opened the thread (the opening
  comment being read as the reason), or, by the Word authors given, is of the same
  delegation as one who made the change. A reply by another (the secretariat, another
  delegation, a reply on an old merged draft) is not the proponent's words: it is named
  in a warning, quoted, and not read. A reply Word keeps unanchored goes with its thread;
- a comment (a thread's opening one too) whose author the Word authors given map, or,
  not mapped, whose name reads as a delegation's code ("USA", "Jane Doe (USA)":
  `author_codes`), to another delegation than every author of the change (by that map
  or name; one the map does not give, the delegation the file is sent for too) is that
  delegation's, not the proponent's: named in a warning too. LibreOffice writes no
  threads (each of its replies is a comment of its own): this is how another
  delegation's reply in a file LibreOffice saved is told apart. Otherwise, without
  threads, a comment on the change is its reason, whoever wrote it (a colleague's, as
  before);
- a comment marked resolved (Word's "Resolve", ``w15:done``) is read as the reason all
  the same: resolving closes a discussion, it does not take the words back. A warning
  says so, so that the sender sees it in the preview.

Every comment not read (on unchanged text, or on a change that became no amendment) is
a warning too (`CopyComments._unused_comments`), and so is another's comment on a change
set aside as a pending proposal the merged draft shows
(`drafting.readers.merged_copies.commented`): none is dropped silently.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from drafting import characters
from drafting.lazy_re import lazy_compile
from drafting.limits import MAX_PARAGRAPH_CHARS, too_long
from drafting.model import Revision
from drafting.ooxml.comment_threads import Threads, read_threads
from drafting.ooxml.comments import Comment, read_comments, unread_marks
from drafting.ooxml.parts import Parts
from drafting.ooxml.runs import DELETED, INSERTED, NORMAL, RunPiece
from drafting.readers.copy_text import check_characters, quoted, who
from drafting.readers.result import ReadWarning
from drafting.readers.source_comments import CommentKey, sourced

_CLOCKS_APART = timedelta(hours=14)
"""How far a Word date may stand from the time it was made: Word writes local time marked
UTC ("Z"), so a delegation in UTC-10 commenting after the draft was issued may date its
comment ten hours before. A comment older than the draft by more is the draft's own."""


class CopyComments:
    """The comments of a copy, and the reasons they give its changes. Set by the reader:
    ``path``, ``target``, ``warnings``, ``seen_comments``, ``authors`` and
    ``delegation`` (whose changes are whose, as `drafting.readers.docx_drafts.finish`
    reads them), and ``sources`` (the comments of the document's own Word sources,
    asked for once, when a comment is on a change: `source_comments`; None: not known)."""

    path: Path
    target: Revision
    warnings: list[ReadWarning]
    seen_comments: dict[str, tuple[str, str]]
    authors: Mapping[str, str] | None = None
    delegation: str | None = None
    sources: Callable[[], Collection[CommentKey]] | None = None

    def _read_comments(self, word: Parts) -> None:
        """The file's comments and their threads; LimitError or ReaderError for a comment
        too long, or holding a character that is not text."""
        self.comments: dict[str, Comment] = read_comments(word)
        for key, comment in self.comments.items():
            if len(comment.text) > MAX_PARAGRAPH_CHARS:
                raise too_long(str(self.path), len(comment.text),
                               f"the comment by {who(comment.author)}")
            check_characters(f"{self.path}, the comment by {who(comment.author)}",
                             comment.text)
            if (text := characters.normalised(comment.text)) != comment.text:
                self.comments[key] = replace(comment, text=text)
        if (lost := unread_marks(word)) is not None:
            count, why = lost
            self.warnings.append(ReadWarning(str(self.path), (
                f"the file marks {count} comment{'s' if count > 1 else ''} that cannot be "
                f"read ({why}): {'their' if count > 1 else 'its'} words are not the "
                "amendments' reasons; ask for the file as Word saved it")))
        self.threads: Threads = read_threads(word) if self.comments else Threads()
        self.used_comments: set[str] = set()
        self.named_comments: set[str] = set()  # another's, named in a warning once
        self.comments_unread = 0
        self.on_changes: set[str] = set()  # on a tracked change: named if not read
        self.reasoned: tuple[tuple[str, str], ...] = ()  # the last reason's comments
        self._sourced: dict[str, bool] = {}  # comment id -> the draft's own by its source

    def _reason(self, pieces: list[RunPiece], where: str = "") -> str:
        """The texts of the comments on a change (module docstring), joined: LimitError
        naming the file and the change when together they pass the length any reason may
        have. The comments set aside are warned about at ``where``."""
        dates = [p.date for p in pieces if p.state != NORMAL]
        made = min(dates) if dates and None not in dates else None
        on = [c for c in dict.fromkeys(c for p in pieces for c in p.comment_ids)
              if c in self.comments]
        if made is not None:  # a tracked change: an old comment on it is named
            self.on_changes.update(on)
        makers = {p.author for p in pieces if p.state != NORMAL} or {None}
        ids = [c for c in self._with_replies(on) if not self._in_source(c, makers) and (
            self._after(c, made) or (not self._drafts_own(c) and (
                made is None or self.comments[c].date is None)))]
        kept: list[str] = []
        for comment_id in ids:
            if self._theirs(comment_id, makers, kept, pieces, where or str(self.path)):
                self.used_comments.add(comment_id)  # named in a warning: not unread
            else:
                kept.append(comment_id)
        self.used_comments.update(kept)
        texts = [self.comments[c].text for c in kept if self.comments[c].text]
        self.reasoned = tuple((self.comments[c].author or "", self.comments[c].text)
                              for c in kept if self.comments[c].text)
        reason = "; ".join(texts)
        if len(reason) > MAX_PARAGRAPH_CHARS:
            raise too_long(f"{self.path}, the change {_change(pieces)}", len(reason),
                           f"the reason its {len(texts):,} comments make together",
                           fix="shorten the comments on it")
        if reason and any(c in self.threads.done or self.threads.opening.get(c)
                          in self.threads.done for c in kept):
            self.warnings.append(ReadWarning(
                where or str(self.path), f"the comments on the change {_change(pieces)} are "
                "marked resolved in Word; resolving does not take them back, so they are "
                f"read as its reason all the same: {quoted(reason, 200)}"))
        return reason

    def _reasons(self, pieces: list[RunPiece], where: str) -> dict[str, Any]:
        """A draft's ``reason`` (`_reason`) and the ``comments`` it is made of (Word
        author, text): a change set aside later (a pending proposal the merged draft
        shows) names those not its own author's in a warning."""
        reason = self._reason(pieces, where)
        return {"reason": reason, "comments": self.reasoned}

    def _with_replies(self, ids: Iterable[str]) -> list[str]:
        """``ids`` with the replies in the threads they open (Word anchors each reply on
        its thread's range; one unanchored goes with its thread too): thread by thread,
        as met, each opening comment before its replies, these in file order."""
        order = {c: k for k, c in enumerate(self.comments)}
        threads: dict[str, dict[str, None]] = {}
        for comment_id in ids:
            opening = self.threads.opening.get(comment_id, comment_id)
            members = threads.setdefault(opening, {})
            members[comment_id] = None
            members.update(dict.fromkeys(self.threads.replies(comment_id)))
        return [c for opening, members in threads.items()
                for c in sorted(members, key=lambda c: (c != opening, order[c]))]

    def _theirs(self, comment_id: str, makers: set[str | None], kept: list[str],
                pieces: list[RunPiece], where: str) -> bool:
        """Whether the comment is another's than the proponent's (module docstring):
        then named in a warning."""
        comment = self.comments[comment_id]
        opening = self.threads.opening.get(comment_id)
        codes = set().union(*(self._makers(m) for m in makers))
        code = self._codes(comment.author)
        if code and codes and not code & codes:
            why = f"its author is of {', '.join(sorted(code))}, not of {', '.join(sorted(codes))}"
        elif opening is None or comment.author in makers or code & codes or (
                opening in kept and comment.author == self.comments[opening].author):
            return False  # the proponent's: its reason
        elif comment.author == self.comments[opening].author:  # its opening not read
            why = "its thread is not the change's: it was there before the change was made"
        else:
            why = "its author neither made the change nor opened the thread"
        if comment_id in self.named_comments:  # on two changes: said once
            return True
        self.named_comments.add(comment_id)
        said = f"a comment by {who(comment.author)}" if opening is None else \
            f"a reply by {who(comment.author)} to {who(self.comments[opening].author)}'s comment"
        self.warnings.append(ReadWarning(where, f"{said} on the change {_change(pieces)} is not "
                                         f"the proponent's ({why}), so it is not part of the "
                                         f"amendment's reason: {quoted(comment.text, 200)}"))
        return True

    def _codes(self, author: str | None) -> set[str]:
        """The delegations of a Word author (none: not known), as `finish` attributes
        changes: with Word authors given, by them; a change with no author, the
        delegation the file is sent for; else as its name reads (`author_codes`)."""
        if not author:
            return {self.delegation} if self.delegation else set()
        if self.authors is not None and author in self.authors:
            return {self.authors[author]}
        return author_codes(author)

    def _makers(self, author: str | None) -> set[str]:
        """The delegations of a change by ``author``: `_codes`, and for an author the Word
        author map does not give, the delegation the file is sent for too (`finish`
        attributes the change to it unless it is another's pending proposal)."""
        codes = self._codes(author)
        if self.delegation and (self.authors is None or author not in self.authors):
            codes.add(self.delegation)
        return codes

    def _after(self, comment_id: str, made: datetime | None) -> bool:
        """Whether the comment is dated no earlier than the change it is on, made at
        ``made``: about that change, its reason, however long before the draft was
        imported (a secretariat sets a negotiation up days after circulating it)."""
        date = self.comments[comment_id].date
        return made is not None and date is not None and date >= made

    def _drafts_own(self, comment_id: str) -> bool:
        """Whether the comment is the draft's own: made well before the revision the copy
        is of was issued (the secretariat's, circulated with it), never a reason."""
        issued, made = self.target.created_at, self.comments[comment_id].date
        return issued is not None and made is not None and made <= issued - _CLOCKS_APART

    def _in_source(self, comment_id: str, makers: set[str | None] | None = None) -> bool:
        """Whether the document's own Word source holds the comment (`sources`): the
        draft's, whatever its date. Not asked (the sources read) for one by an author of
        the change, or of the same delegation (`makers`, by name or code): the proponent's."""
        author = self.comments[comment_id].author
        if self.sources is None or (makers is not None and author and (author in makers or (
                self._codes(author) & set().union(*(self._makers(m) for m in makers))))):
            return False
        if comment_id not in self._sourced:
            self._sourced[comment_id] = sourced(self.comments[comment_id], self.sources())
        return self._sourced[comment_id]

    def _unused_comments(self, merged: Collection[str] = ()) -> None:
        """A warning for each comment not read, but those of the draft itself and the
        ``merged`` draft's (its proposals' reasons)."""
        for comment_id, comment in self.comments.items():
            if comment_id in self.used_comments or comment_id in merged:
                continue
            held = self._in_source(comment_id)  # the draft's: named only on a change
            if (held or self._drafts_own(comment_id)) and comment_id not in self.on_changes:
                continue
            self.comments_unread += 1
            where, on = self.seen_comments.get(comment_id, (str(self.path), ""))
            place = f" on {quoted(on)}" if on else ""
            what = "a reply" if comment_id in self.threads.opening else "a comment"
            why = ("is one the draft came with (its Word source holds it), not the "
                   "proponent's reason for the change it is on") if held else (
                f"is dated {comment.date:%d %B %Y}, well before {self.target.label} was "
                "set up here, and before the change it is on, so it was taken for one the "
                "draft came with") if comment.date is not None and self._drafts_own(
                    comment_id) else \
                "is not on a change that became an amendment"
            self.warnings.append(ReadWarning(
                where, f"{what} by {who(comment.author)}{place} {why}, so it was not read: "
                f"{quoted(comment.text, 200)}"))


def author_codes(author: str) -> set[str]:
    """The delegation codes a Word author's name reads as: "USA", "EU, G77" (as the merged
    draft writes them), "Jane Doe (USA)"; none for an ordinary name ("Jane Doe")."""
    named = _NAMED.fullmatch(author.strip())
    return {named.group(1)} if named else merged_author(author)


def merged_author(author: str) -> set[str]:
    """The delegation codes a Word author's name is, as the merged draft writes them
    ("EU", "EU, G77"); none for a delegate's own name ("Jane Doe (USA)", "Jane Doe")."""
    names = [n.strip() for n in author.split(",")]
    return set(names) if all(_CODE.fullmatch(n) for n in names) else set()


_CODE = lazy_compile(r"[A-Z0-9][A-Z0-9-]{1,19}")
"""A delegation code as Word authors write one: capitals, digits, hyphens ("G-77")."""
_NAMED = lazy_compile(r".*\S\s*\(\s*([A-Z0-9][A-Z0-9-]{1,19})\s*\)")


def _change(pieces: list[RunPiece]) -> str:
    """A tracked change for a message: "'submit' -> 'present'", "inserting 'new'"."""
    gone = "".join(p.text for p in pieces if p.state == DELETED and not p.cancelled)
    put = "".join(p.text for p in pieces if p.state == INSERTED and not p.cancelled)
    if gone and put:
        return f"{quoted(gone)} -> {quoted(put)}"
    if gone or put:
        return f"{'deleting' if gone else 'inserting'} {quoted(gone or put)}"
    return quoted("".join(p.text for p in pieces))
