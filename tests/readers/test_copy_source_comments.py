"""The secretariat's own comment in its Word draft ("Which session?") comes back in a
delegation's copy, on the words the delegation changed. Dated like the change (Word may
write a copy's comment dates again), it was recorded as the delegation's reason, in the
delegation's name. The draft's Word source holds it: it is never a reason; the
delegation's reply to it still is."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx_builders import DATE, TITLE, ZERO, dele, house, ins, note, write_docx
from test_copy_comment_threads import _threaded

from drafting.model import Document
from drafting.readers.docx_submission import read_docx_submission
from drafting.readers.source_comments import source_comments

ASKED = "Which session?"
OP1 = "Requests the Secretary-General to submit "
REST = " on small-scale fishers;"


def _dated(path: Path, date: str) -> Path:
    """The file at ``path`` with every comment dated ``date``."""
    word = docx.Document(str(path))
    for comment in word.part._comments_part.element.iter(qn("w:comment")):
        comment.set(qn("w:date"), date)
    word.save(str(path))
    return path


def _draft(tmp_path: Path) -> bytes:
    """The secretariat's Word draft, its comment on "a report"."""
    path = write_docx(tmp_path / "draft.docx", house(ZERO, {
        "OP1": [OP1, note(ASKED, "a report", author="Secretariat"), REST]}))
    return _dated(path, "2026-10-14T09:00:00Z").read_bytes()


def _read(tmp_path: Path, *inside: object, replied: bool = False):
    source = _draft(tmp_path)
    commented = note(ASKED, *inside, author="Secretariat")
    path = write_docx(tmp_path / "copy.docx", house(ZERO, {"OP1": [OP1, commented, REST]}))
    _dated(path, DATE)  # as the change is dated: the date alone cannot tell
    if replied:
        _threaded(path, {"The eighty-second.": ASKED})
    return read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (ZERO,)),
                                delegation="EU", source_comments=lambda: source_comments(source))


def test_the_drafts_own_comment_on_a_change_is_not_the_delegations_reason(tmp_path):
    read = _read(tmp_path, dele("a"), ins("a comprehensive"), " report")
    (amendment,) = read.amendments
    assert (amendment.old_text, amendment.new_text, amendment.reason) == (
        "a", "a comprehensive", "")
    (warning,) = read.warnings  # named, not lost
    assert "Secretariat" in warning.message and ASKED in warning.message


def test_the_delegations_reply_to_the_drafts_comment_is_its_reason(tmp_path):
    reply = note("The eighty-second.", dele("a"), ins("a comprehensive"), " report",
                 author="Jane Delegate")
    read = _read(tmp_path, reply, replied=True)
    assert [a.reason for a in read.amendments] == ["The eighty-second."]
