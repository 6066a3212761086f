"""A paragraph Word's Compare marks as deleted whole and inserted again: read as the words
the delegation changed in it.

Review > Compare (the draft against a delegation's edited text) sometimes marks a
paragraph where only a word changed as deleted, paragraph mark and all, with the new
paragraph inserted right after it, both by the one comparing author. Read as written,
that is the paragraph's deletion and a new paragraph after it: an artefact of the
comparison, not what the delegation did. Where the two are by one author, the inserted
one is the next paragraph, carries the deleted one's number (or none) and is like it
(`SIMILARITY`), the pair is read as that author's changes to the paragraph's words; not
where the author is a delegation's code: the merged draft's tracked proposals, read as such.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from drafting.engine.anchoring import similarity
from drafting.errors import InputError
from drafting.ooxml.runs import NORMAL, RunPiece, proposed_text
from drafting.readers.copy_chunks import Chunk
from drafting.readers.copy_comments import author_codes
from drafting.readers.copy_text import quoted
from drafting.readers.docx_changes import SIMILARITY
from drafting.readers.docx_matching import Group
from drafting.readers.docx_untracked import UNTRACKED, reconcile


def rewritten(groups: list[Group], warn: Callable[[str, str], None],
              where: Callable[[Chunk], str]) -> None:
    """Each paragraph of ``groups`` deleted whole and inserted again just after it, the
    two alike and by one author, made that author's changes to its words (in place),
    said in a warning each."""
    for index, group in enumerate(groups):
        if group.match is None or not group.hosts or group.note is not None or \
                not group.all_deleted or group.closing is None or \
                group.closing.state == NORMAL:
            continue
        holder = group.after if group.after else \
            groups[index + 1].before if index + 1 < len(groups) else []
        if not holder or not _again(group, holder[0]):
            continue
        chunk = holder.pop(0)
        first = chunk.pieces[0]
        ours = [RunPiece(p.text, comment_ids=p.comment_ids) for p in chunk.pieces]
        try:  # the differences, word by word, as the author's tracked changes
            pieces = [RunPiece(p.text, p.state, first.author, first.date, first.change_id,
                               p.comment_ids, "change", styles=p.styles)
                      if p.kind == UNTRACKED else p
                      for p in reconcile(ours, group.match.text)]
        except InputError:  # too different to compare word by word: left as read
            holder.insert(0, chunk)
            continue
        group.hosts = [replace(group.hosts[0], pieces=pieces)]
        group.closing = RunPiece(chunk.mark.text, comment_ids=chunk.mark.comment_ids)
        warn(where(group.hosts[0]), f"{group.match.label} is deleted whole and inserted "
             f"again ({quoted(proposed_text(chunk.pieces).strip())}), as Word's Compare "
             "marks a paragraph where words changed: read as the words changed in it")


def _again(group: Group, chunk: Chunk) -> bool:
    """Whether ``chunk``, inserted whole, is ``group``'s paragraph written again: by the
    author who deleted it, with its number or none, and like it."""
    assert group.match is not None
    if not chunk.new or chunk.heading or chunk.note is not None or \
            chunk.label not in (None, group.match.label):
        return False
    authors = {p.author for p in (*group.pieces, *chunk.pieces)}
    if len(authors) != 1 or None in authors or author_codes(authors.pop() or ""):
        return False  # by a delegation's code: the merged draft's two proposals
    text = proposed_text(chunk.pieces).strip()
    try:
        return text != group.match.text and similarity(group.match.text, text) >= SIMILARITY
    except InputError:
        return False
