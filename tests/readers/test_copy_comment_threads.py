"""Replies in Word's comment threads. Word keeps a reply as a comment of its own, anchored
on its thread's range, and threads it in ``word/commentsExtended.xml`` (``w15:paraIdParent``
naming the ``w14:paraId`` of the comment it answers; ``w15:done`` once resolved). The
reader read no threads: another's reply on a delegation's change (Kenya's, the
secretariat's) was joined into the amendment's reason, in the proponent's name. Now the
reason holds the change's own author's comments, and a reply by another is named in a
warning, quoted. LibreOffice writes no threads (its replies are comments of their own):
there, a comment by another delegation's Word author is told apart by the authors given.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx_builders import TITLE, ZERO, dele, house, ins, note, write_docx
from lxml import etree

from drafting.errors import ReaderError
from drafting.model import Document
from drafting.readers.docx_submission import read_docx_submission

sys.path.insert(0, str(Path(__file__).parent))
from libreoffice_copies import Edited, make_copies

OP1 = "Requests the Secretary-General to "
REST = " a report on small-scale fishers;"
DOCUMENT = Document("A/C.2/81/L.7", TITLE, (ZERO,))
EU = {"Jane Delegate": "EU"}
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"


def _threaded(path: Path, parents: dict[str, str], done: tuple[str, ...] = (),
              unanchored: tuple[str, ...] = (), nested: bool = True) -> Path:
    """The file at ``path`` with its comments threaded as Word threads them: ``parents``
    (a reply's text -> the text of the comment it answers), ``done`` (texts of comments
    marked resolved); the comments of ``unanchored`` lose their range in the text. Where
    the file was built by ``nested`` notes (each reply around its thread: made outermost
    first), the comments are put in the order Word keeps them: the opening one, then its
    replies as they were made."""
    word = docx.Document(str(path))
    comments = word.part._comments_part.element
    if nested:
        comments[:] = list(reversed(comments))
    ids: dict[str, str] = {}  # text -> paraId
    for number, comment in enumerate(comments.iter(qn("w:comment")), 1):
        text = "".join(t.text for t in comment.iter(qn("w:t")))
        ids[text] = f"{0x1A2B0000 + number:08X}"
        comment.findall(qn("w:p"))[-1].set(f"{{{_W14}}}paraId", ids[text])
        if text in unanchored:
            for marker in list(word.element.body.iter(
                    qn("w:commentRangeStart"), qn("w:commentRangeEnd"),
                    qn("w:commentReference"))):
                if marker.get(qn("w:id")) == comment.get(qn("w:id")):
                    marker.getparent().remove(marker)
    root = etree.Element(f"{{{_W15}}}commentsEx", nsmap={"w15": _W15})
    for text, para_id in ids.items():
        entry = etree.SubElement(root, f"{{{_W15}}}commentEx")
        entry.set(f"{{{_W15}}}paraId", para_id)
        if text in parents:
            entry.set(f"{{{_W15}}}paraIdParent", ids[parents[text]])
        entry.set(f"{{{_W15}}}done", "1" if text in done else "0")
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml."
                "commentsExtended+xml",
                etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True),
                word.part.package)
    word.part.relate_to(part, _EXTENDED)
    word.save(str(path))
    return path


def _copy(path: Path, *replies: tuple[str, str]) -> Path:
    """OP1's 'submit' -> 'present' by Jane Delegate (EU), her comment on it, and
    ``replies`` (author, text) on the same range, each answering her comment."""
    change = note("Consistent with the 2030 Agenda.", dele("submit"), ins("present"),
                  author="Jane Delegate")
    for author, text in replies:
        change = note(text, change, author=author)
    return write_docx(path, house(ZERO, {"OP1": [OP1, change, REST]}))


def test_another_delegations_reply_is_not_the_proponents_reason(tmp_path):
    path = _copy(tmp_path / "copy.docx", ("Kenya delegate", "We cannot accept this."),
                 ("Jane Delegate", "See also OP5."))
    _threaded(path, {"We cannot accept this.": "Consistent with the 2030 Agenda.",
                     "See also OP5.": "Consistent with the 2030 Agenda."})
    read = read_docx_submission(path, DOCUMENT, authors=EU)
    (amendment,) = read.amendments
    assert amendment.reason == "Consistent with the 2030 Agenda.; See also OP5."
    (warning,) = read.warnings  # named and quoted, not dropped
    assert "a reply by Kenya delegate to Jane Delegate's comment" in warning.message
    assert "'We cannot accept this.'" in warning.message and "reason" in warning.message
    assert read.comments_unread == 0  # no comment of the delegation's left unread


def test_the_secretariats_reply_in_a_copy_sent_for_one_delegation_is_named(tmp_path):
    path = _copy(tmp_path / "copy.docx", ("Secretariat", "Noted; to be discussed."))
    _threaded(path, {"Noted; to be discussed.": "Consistent with the 2030 Agenda."})
    read = read_docx_submission(path, DOCUMENT, delegation="EU")
    assert [a.reason for a in read.amendments] == ["Consistent with the 2030 Agenda."]
    (warning,) = read.warnings
    assert "Secretariat" in warning.message and "Noted; to be discussed." in warning.message


def test_a_reply_by_the_opening_comments_author_or_a_colleague_is_the_reason(tmp_path):
    """A colleague who commented on the change answers herself; a delegate of the same
    delegation (by the authors given) answers her: both are the proponent's words."""
    change = note("See OP5", dele("submit"), ins("present"), author="Hans Colleague")
    change = note("And OP7.", change, author="Hans Colleague")
    change = note("Agreed.", change, author="Ana Colleague")
    path = write_docx(tmp_path / "copy.docx", house(ZERO, {"OP1": [OP1, change, REST]}))
    _threaded(path, {"And OP7.": "See OP5", "Agreed.": "See OP5"})
    read = read_docx_submission(path, DOCUMENT, authors={**EU, "Ana Colleague": "EU"})
    assert [a.reason for a in read.amendments] == ["See OP5; And OP7.; Agreed."]
    assert read.warnings == ()


def test_a_reply_word_keeps_without_a_range_goes_with_its_thread(tmp_path):
    path = _copy(tmp_path / "copy.docx", ("Jane Delegate", "Also in line with OP5."))
    _threaded(path, {"Also in line with OP5.": "Consistent with the 2030 Agenda."},
              unanchored=("Also in line with OP5.",))
    read = read_docx_submission(path, DOCUMENT, authors=EU)
    assert [a.reason for a in read.amendments] == [
        "Consistent with the 2030 Agenda.; Also in line with OP5."]
    assert read.warnings == ()


def test_a_resolved_comment_is_still_the_reason_and_said_to_be_resolved(tmp_path):
    path = _copy(tmp_path / "copy.docx")
    _threaded(path, {}, done=("Consistent with the 2030 Agenda.",))
    read = read_docx_submission(path, DOCUMENT, authors=EU)
    assert [a.reason for a in read.amendments] == ["Consistent with the 2030 Agenda."]
    (warning,) = read.warnings
    assert "marked resolved" in warning.message and "2030 Agenda" in warning.message


def test_a_thread_on_unchanged_text_is_warned_about_reply_by_reply(tmp_path):
    opening = note("Why here?", "a report", author="Jane Delegate")
    thread = note("Because.", opening, author="Kenya delegate")
    path = write_docx(tmp_path / "copy.docx", house(ZERO, {
        "OP1": [OP1, dele("submit"), ins("present"), " ", thread, " on small-scale fishers;"]}))
    _threaded(path, {"Because.": "Why here?"})
    read = read_docx_submission(path, DOCUMENT, authors=EU)
    assert [a.reason for a in read.amendments] == [""]
    messages = sorted(w.message for w in read.warnings)
    assert messages[0].startswith("a comment by Jane Delegate on 'a report'")
    assert messages[1].startswith("a reply by Kenya delegate on 'a report'")


def test_a_comment_by_another_delegations_author_is_not_the_reason(tmp_path):
    """No thread (LibreOffice writes none): Kenya's delegate's comment on the EU's change
    is Kenya's, by the authors given."""
    path = _copy(tmp_path / "copy.docx", ("Kenya delegate", "We cannot accept this."))
    read = read_docx_submission(path, DOCUMENT, authors={**EU, "Kenya delegate": "KEN"})
    assert [a.reason for a in read.amendments] == ["Consistent with the 2030 Agenda."]
    (warning,) = read.warnings
    assert "a comment by Kenya delegate" in warning.message
    assert "of KEN, not of EU" in warning.message and "We cannot accept" in warning.message


def test_a_copy_libreoffice_saved_keeps_another_delegations_reply_apart(tmp_path):
    """LibreOffice loses the thread on saving (the reply becomes a comment of its own on
    the same words) and keeps a resolved mark; both are read as above."""
    path = _copy(tmp_path / "word.docx", ("Kenya delegate", "We cannot accept this."))
    _threaded(path, {"We cannot accept this.": "Consistent with the 2030 Agenda."},
              done=("Consistent with the 2030 Agenda.",))
    saved = tmp_path / "libreoffice.docx"
    make_copies([Edited(str(path), str(saved), (), author="Jane Delegate")])
    read = read_docx_submission(saved, DOCUMENT, authors={**EU, "Kenya delegate": "KEN"})
    assert [a.reason for a in read.amendments] == ["Consistent with the 2030 Agenda."]
    kenya, resolved = sorted(read.warnings, key=lambda w: "resolved" in w.message)
    assert "a comment by Kenya delegate" in kenya.message and "of KEN" in kenya.message
    assert "We cannot accept this." in kenya.message
    assert "marked resolved" in resolved.message


@pytest.mark.parametrize("damaged", [b"<w15:commentsEx", b"not xml"])
def test_a_threads_part_that_is_not_xml_refuses_the_file(tmp_path, damaged):
    path = _threaded(_copy(tmp_path / "copy.docx"), {})
    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(broken, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(info, damaged if info.filename.endswith("commentsExtended.xml")
                         else data)
    with pytest.raises(ReaderError, match="commentsExtended"):
        read_docx_submission(broken, DOCUMENT, authors=EU)



def _opened_by(path: Path, opener: str) -> Path:
    """OP1's 'submit' -> 'present' by Jane Delegate, in a thread ``opener`` opened on it
    ("We oppose this change.", dated after it) and she answered ("It is agreed language.")."""
    change = note("We oppose this change.", dele("submit"), ins("present"),
                  author=opener)
    change = note("It is agreed language.", change, author="Jane Delegate")
    path = write_docx(path, house(ZERO, {"OP1": [OP1, change, REST]}))
    return _threaded(path, {"It is agreed language.": "We oppose this change."})


@pytest.mark.parametrize("opener", ["USA", "John Doe (USA)"])
def test_a_thread_opened_by_another_delegation_is_not_the_proponents_reason(tmp_path, opener):
    """No Word authors given: the thread's opener reads as another delegation's code; its
    words are not the EU's reason (they were), but named in a warning."""
    read = read_docx_submission(_opened_by(tmp_path / "copy.docx", opener), DOCUMENT,
                                delegation="EU")
    assert [a.reason for a in read.amendments] == ["It is agreed language."]
    (warning,) = read.warnings
    assert f"a comment by {opener} on the change 'submit' -> 'present'" in warning.message
    assert "of USA, not of EU" in warning.message
    assert "'We oppose this change.'" in warning.message


def test_a_thread_opened_by_a_colleague_or_the_same_delegation_is_the_reason(tmp_path):
    """An ordinary name, or a code that is the delegation's own: the proponent's."""
    for opener in ("Hans Colleague", "Hans Colleague (EU)", "EU"):
        path = _opened_by(tmp_path / f"{opener}.docx", opener)
        read = read_docx_submission(path, DOCUMENT, delegation="EU")
        assert [a.reason for a in read.amendments] == [
            "We oppose this change.; It is agreed language."], opener
        assert read.warnings == (), opener
