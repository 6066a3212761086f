"""A comment left in the draft (the secretariat's "Check with capital") covers words a
delegation then changes in its copy: it is no reason of the delegation's. It was joined
into the amendment's reason, in the delegation's name. A comment made with the change,
or after it (a colleague's), is its reason."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn
from docx_builders import DATE, TITLE, ZERO, dele, house, ins, note, write_docx

from drafting.model import Document
from drafting.readers.docx_submission import read_docx_submission

OP1 = "Requests the Secretary-General to "


def _dated(path, dates):
    """The file at ``path`` with its comments dated: ``dates`` by comment author."""
    word = docx.Document(str(path))
    for comment in word.part._comments_part.element.iter(qn("w:comment")):
        comment.set(qn("w:date"), dates[comment.get(qn("w:author"))])
    word.save(str(path))
    return path


def test_a_comment_older_than_the_change_is_no_reason_for_it(tmp_path):
    change = note("Consistent with the 2030 Agenda.", dele("submit"), ins("present"),
                  author="Jane Delegate")
    old = note("Check with capital", change, author="Secretariat")
    path = write_docx(tmp_path / "copy.docx", house(ZERO, {
        "OP1": [OP1, old, " a report on small-scale fishers;"]}))
    _dated(path, {"Secretariat": "2026-10-01T09:00:00Z", "Jane Delegate": DATE})
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (ZERO,)),
                                authors={"Jane Delegate": "EU"})
    (amendment,) = read.amendments
    assert (amendment.old_text, amendment.new_text) == ("submit", "present")
    assert amendment.reason == "Consistent with the 2030 Agenda."
    (warning,) = read.warnings  # the secretariat's comment is named, not lost
    assert "Secretariat" in warning.message and "Check with capital" in warning.message


def test_a_colleagues_comment_made_after_the_change_is_its_reason(tmp_path):
    change = note("See OP5", dele("submit"), ins("present"), author="Hans Colleague")
    path = write_docx(tmp_path / "copy.docx", house(ZERO, {
        "OP1": [OP1, change, " a report on small-scale fishers;"]}))
    _dated(path, {"Hans Colleague": "2026-11-03T09:00:00Z"})  # the change: DATE, before
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (ZERO,)),
                                authors={"Jane Delegate": "EU"})
    assert [a.reason for a in read.amendments] == ["See OP5"]


def test_a_comment_the_draft_held_when_issued_is_not_warned_about(tmp_path):
    """The secretariat's own comment, left in the draft it circulated, came back in every
    delegation's copy, each time with a warning that it was not read."""
    from dataclasses import replace
    from datetime import UTC, datetime

    issued = replace(ZERO, created_at=datetime(2026, 10, 15, tzinfo=UTC))
    old = note("Check the programme of work.", "a report", author="Secretariat")
    new = note("Too vague.", "small-scale fishers", author="Jane Delegate")
    path = write_docx(tmp_path / "copy.docx", house(issued, {
        "OP1": [OP1, dele("submit"), ins("present"), " ", old, " on ", new, ";"]}))
    _dated(path, {"Secretariat": "2026-10-01T09:00:00Z", "Jane Delegate": DATE})
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (issued,)),
                                authors={"Jane Delegate": "EU"})
    (warning,) = read.warnings  # the delegation's own comment, made since, is still named
    assert "Too vague." in warning.message and "Check the programme" not in warning.message


def test_a_delegations_comment_dated_in_its_local_time_is_still_named(tmp_path):
    """Word dates a comment in local time marked UTC: a delegation in New York commenting
    an hour after the draft was issued dates it four hours before. It was taken for the
    draft's own and passed over without a word (a copy holding only comments: "no change
    found", its proposals never mentioned)."""
    from dataclasses import replace
    from datetime import UTC, datetime

    issued = replace(ZERO, created_at=datetime(2026, 10, 15, 14, 0, tzinfo=UTC))
    mine = note("We propose to delete this paragraph.", "a report", author="Jane Delegate")
    path = write_docx(tmp_path / "copy.docx", house(issued, {
        "OP1": [OP1, "submit ", mine, " on small-scale fishers;"]}))
    _dated(path, {"Jane Delegate": "2026-10-15T10:00:00Z"})
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (issued,)),
                                delegation="EU")
    assert read.amendments == () and read.comments_unread == 1
    (warning,) = read.warnings
    assert "We propose to delete this paragraph." in warning.message


def test_the_drafts_own_comment_on_words_edited_untracked_is_no_reason(tmp_path):
    """A delegation edits, without Track Changes, words the secretariat's comment in the
    draft covers: the comment became the delegation's reason, and the merged draft's
    comment in its name."""
    from dataclasses import replace
    from datetime import UTC, datetime

    issued = replace(ZERO, created_at=datetime(2026, 10, 15, tzinfo=UTC))
    old = note("Language from 78/10, please keep.", "present", author="Facilitator")
    path = write_docx(tmp_path / "copy.docx", house(issued, {
        "OP1": [OP1, old, " a report on small-scale fishers;"]}))
    _dated(path, {"Facilitator": "2026-10-01T10:00:00Z"})
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (issued,)),
                                delegation="USA")
    (amendment,) = read.amendments
    assert (amendment.old_text, amendment.new_text, amendment.reason) == (
        "submit", "present", "")
    assert read.warnings == () and read.comments_unread == 0


def test_comments_on_changes_made_before_the_import_are_their_reasons(tmp_path):
    """The secretariat circulated the draft by e-mail and imported it days later; the
    delegation's changes and its comments on them, made in between, predate the import.
    The comments were taken for the draft's own and dropped without a word: the
    amendments were recorded with no reason."""
    from dataclasses import replace
    from datetime import UTC, datetime

    imported = replace(ZERO, created_at=datetime(2026, 11, 5, tzinfo=UTC))  # after DATE
    change = note("Consistent with the 2030 Agenda.", dele("submit"), ins("present"),
                  author="Jane Delegate")
    path = write_docx(tmp_path / "copy.docx", house(imported, {
        "OP1": [OP1, change, " a report on small-scale fishers;"]}))
    _dated(path, {"Jane Delegate": DATE})  # the day the change was made
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (imported,)),
                                authors={"Jane Delegate": "EU"})
    assert [a.reason for a in read.amendments] == ["Consistent with the 2030 Agenda."]
    assert read.warnings == () and read.comments_unread == 0


def test_the_drafts_own_comment_on_a_tracked_change_is_named(tmp_path):
    """A comment the draft came with, on words a delegation then changed with Track
    Changes, is no reason of the delegation's; it is named, never dropped silently."""
    from dataclasses import replace
    from datetime import UTC, datetime

    issued = replace(ZERO, created_at=datetime(2026, 10, 15, tzinfo=UTC))
    old = note("Check with capital", dele("submit"), ins("present"), author="Secretariat")
    path = write_docx(tmp_path / "copy.docx", house(issued, {
        "OP1": [OP1, old, " a report on small-scale fishers;"]}))
    _dated(path, {"Secretariat": "2026-10-01T09:00:00Z"})
    read = read_docx_submission(path, Document("A/C.2/81/L.7", TITLE, (issued,)),
                                authors={"Jane Delegate": "EU"})
    assert [a.reason for a in read.amendments] == [""]
    (warning,) = read.warnings
    assert "Check with capital" in warning.message and "Zero draft" in warning.message
    assert read.comments_unread == 1
