"""A delegation opens the merged draft, clicks Accept All to read a clean text, types a
few words into proposals it accepted and sends it back, untracked. The proposals were
reported "rejected" and proposed again, whole, in its name; they are the proposals the
copy accepted, and the words typed in them amendments to them. A clean copy of the draft
itself shows no one's proposals: a change in it that another delegation proposed too is
the sender's own (identical proposals are credited to both)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from lxml import etree
from merged_answers import answered, tracked_insertion

sys.path.insert(0, str(Path(__file__).parents[1] / "writers"))
from numbered_drafts import SYMBOL, numbered_draft

from drafting.engine.merge import merge
from drafting.model import Amendment, AmendmentKind, Document, Span
from drafting.readers.docx_draft import read_docx_draft
from drafting.readers.docx_submission import read_docx_submission
from drafting.writers.docx_source import write_merged_into_source

ITEMS = ("To adopt policies;", "To build capacities;")
_K = AmendmentKind


def _typed(after: str, words: str) -> Callable[[etree._Element], None]:
    """An edit: ``words`` typed, untracked, right after the first ``after`` in a run."""
    def edit(body: etree._Element) -> None:
        text = next(t for t in body.iter(qn("w:t")) if after in (t.text or ""))
        text.text = text.text.replace(after, after + words, 1)
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return edit


def _made(document: Document, number: int, code: str, label: str, kind: AmendmentKind,
          old: str = "", new: str = "") -> Amendment:
    """A pending proposal of ``code`` on paragraph ``label``: ``old`` -> ``new`` (an
    insertion after ``old``), or a new paragraph after it."""
    paragraph = document.current.by_label(label)
    if kind is _K.NEW_PARAGRAPH:
        return Amendment(id=f"A{number}", kind=kind, paragraph_id=paragraph.id,
                         revision=document.current.label, proponents=(code,), new_text=new)
    start = paragraph.text.index(old) + (len(old) if kind is _K.INSERT else 0)
    end = start if kind is _K.INSERT else start + len(old)
    return Amendment(id=f"A{number}", kind=kind, paragraph_id=paragraph.id,
                     revision=document.current.label, proponents=(code,),
                     span=Span(start, end), old_text=old, new_text=new)


def _read(copy: Path, document: Document, pending: list[Amendment]):
    """``copy`` read as JPN's, ``pending`` the proposals."""
    by_paragraph: dict[str, list[Amendment]] = {}
    for amendment in pending:
        by_paragraph.setdefault(amendment.paragraph_id, []).append(amendment)
    return read_docx_submission(copy, document, delegation="JPN",
                                proposed=lambda: by_paragraph)


def _merged(source: Path, document: Document, pending: list[Amendment], path: Path) -> Path:
    """The merged draft of ``document`` with ``pending`` at ``path``, written into its
    Word ``source`` and marked as `drafting merge` marks it."""
    assert write_merged_into_source(source.read_bytes(), merge(document, pending),
                                    path, marked=True) == []
    return path


@pytest.fixture
def draft(tmp_path):
    source = numbered_draft(tmp_path / "draft.docx", ITEMS)
    return source, read_docx_draft(source).to_document(SYMBOL)


def test_words_typed_in_proposals_accepted_in_word_amend_them(tmp_path, draft):
    source, document = draft
    pending = [_made(document, 1, "EU", "OP1", _K.INSERT, "Recognizes the", " universal"),
               _made(document, 2, "USA", "OP3", _K.NEW_PARAGRAPH,
                     new="Requests the Secretary-General to report on the matter."),
               _made(document, 3, "G77", "OP1", _K.REPLACE, "right", "rights")]
    merged = _merged(source, document, pending, tmp_path / "merged.docx")
    sent = answered(merged, tmp_path / "jpn.docx", {"EU", "USA", "G77"},
                    _typed("universal", " and inalienable"), _typed("report", " annually"))
    read = _read(sent, document, pending)
    made = [(a.kind, a.amends, a.proponents, a.old_text, a.new_text) for a in read.amendments]
    assert made == [(_K.INSERT, "A1", ("JPN",), "universal", " and inalienable"),
                    (_K.INSERT, "A2", ("JPN",), "report", " annually")]
    said = " ".join(w.message for w in read.warnings)
    assert "this copy accepted A1" in said and "this copy accepted A2" in said
    assert "A3 of G77" in said and "rejected" not in said


def test_a_clean_copy_of_the_draft_making_anothers_proposal_is_the_senders(tmp_path, draft):
    source, document = draft
    pending = [_made(document, 1, "EU", "OP1", _K.REPLACE, "right", "rights")]
    sent = answered(source, tmp_path / "jpn.docx", set(), _typed("right", "s"),
                    _typed("the matter", " until further notice"))
    read = _read(sent, document, pending)
    made = [(a.kind, a.amends, a.proponents, a.old_text, a.new_text) for a in read.amendments]
    assert made == [(_K.REPLACE, "", ("JPN",), "right", "rights"),
                    (_K.INSERT, "", ("JPN",), "matter", " until further notice")]
    assert not any("accepted" in w.message or "rejected" in w.message for w in read.warnings)


def test_a_clean_copy_of_the_draft_making_two_others_proposals_is_the_senders(
        tmp_path, draft):
    """However many of a clean copy's changes happen to be others' pending proposals,
    the copy shows none to accept (it says it is no merged draft): each is the sender's
    own, as one alone is; none is dropped, none read as rejected."""
    source, document = draft
    pending = [_made(document, 1, "EU", "OP1", _K.REPLACE, "right", "rights"),
               _made(document, 2, "USA", "OP3", _K.INSERT, "to remain", " actively"),
               _made(document, 3, "G77", "OP3", _K.INSERT, "the matter", " until 2030")]
    sent = answered(source, tmp_path / "jpn.docx", set(), _typed("right", "s"),
                    _typed("to remain", " actively"))
    read = _read(sent, document, pending)
    made = [(a.proponents, a.old_text, a.new_text) for a in read.amendments]
    assert made == [(("JPN",), "right", "rights"), (("JPN",), "remain", " actively")]
    assert not any("accepted" in w.message or "rejected" in w.message for w in read.warnings)


def test_a_clean_copy_repeating_its_own_proposal_rejects_no_one_elses(tmp_path, draft):
    """JPN's own pending proposal, which the USA proposes too, typed again in a clean
    copy of the text beside the EU's words: the copy is no merged draft, so the G77's
    proposal it does not make was not rejected in it, and the EU's words are JPN's."""
    source, document = draft
    pending = [_made(document, 1, "USA", "OP1", _K.REPLACE, "right", "rights"),
               _made(document, 2, "JPN", "OP1", _K.REPLACE, "right", "rights"),
               _made(document, 3, "EU", "OP3", _K.INSERT, "to remain", " actively"),
               _made(document, 4, "G77", "OP3", _K.INSERT, "the matter", " until 2030")]
    sent = answered(source, tmp_path / "jpn.docx", set(), _typed("right", "s"),
                    _typed("to remain", " actively"))
    read = _read(sent, document, pending)
    assert [(a.proponents, a.new_text) for a in read.amendments] == [(("JPN",), " actively")]
    said = " ".join(w.message for w in read.warnings)
    assert "JPN's own pending" in said and "rejected" not in said


def test_the_marked_merged_draft_with_one_proposal_accepted_is_not_the_senders(
        tmp_path, draft):
    """JPN accepts the EU's proposal alone in the merged draft, rejects the USA's and
    sends it clean: the file says it is the merged draft, so the EU's words were
    accepted there, not proposed by JPN (which a copy of the text would have been)."""
    source, document = draft
    pending = [_made(document, 1, "EU", "OP1", _K.REPLACE, "right", "rights"),
               _made(document, 2, "USA", "OP3", _K.INSERT, "to remain", " actively")]
    merged = _merged(source, document, pending, tmp_path / "merged.docx")
    sent = answered(merged, tmp_path / "jpn.docx", {"EU"},
                    _typed("the matter", " until 2030"))
    read = _read(sent, document, pending)
    made = [(a.proponents, a.old_text, a.new_text) for a in read.amendments]
    assert made == [(("JPN",), "matter", " until 2030")]
    said = " ".join(w.message for w in read.warnings)
    assert "the pending A1 of EU" in said and "this copy accepted it" in said
    assert "USA's pending A2" in said and "the copy rejected it" in said


def test_a_footnote_deletion_accepted_in_word_is_not_proposed_again(tmp_path):
    """G77 deletes PP2's footnote marker; the copy accepts everything and types a word in
    the EU's: the footnote gone with its marker is G77's proposal, not JPN's."""
    from un_documents import ga_draft, libreoffice_docx

    source = libreoffice_docx(ga_draft(), tmp_path / "L99.docx")
    document = read_docx_draft(source).to_document("A/C.2/81/L.99")
    pending = [_made(document, 1, "G77", "PP2", _K.DELETE, "[^1]"),
               _made(document, 2, "EU", "OP1", _K.INSERT, "meeting on", " sustainable")]
    merged = _merged(source, document, pending, tmp_path / "merged.docx")
    sent = answered(merged, tmp_path / "jpn.docx", {"EU", "G77"},
                    _typed("sustainable", " and resilient"))
    read = _read(sent, document, pending)
    made = [(a.kind, a.amends, a.proponents, a.new_text) for a in read.amendments]
    assert made == [(_K.INSERT, "A2", ("JPN",), " and resilient")]
    said = " ".join(w.message for w in read.warnings)
    assert "rejected" not in said and "missing from the copy" not in said


def test_a_paragraph_moved_as_proposed_and_accepted_in_word_is_that_proposal(tmp_path):
    """USA moves OP3 to the top (a new paragraph before OP1, OP3 deleted); the copy
    accepts it in Word and changes the preamble only: no paragraph is the sender's to
    delete or type again."""
    source = numbered_draft(tmp_path / "draft.docx", ())
    document = read_docx_draft(source).to_document(SYMBOL)
    op3 = document.current.by_label("OP3").text
    pending = [_made(document, 1, "USA", "OP1", _K.NEW_PARAGRAPH, new=op3),
               _made(document, 2, "USA", "OP3", _K.DELETE_PARAGRAPH)]
    pending[0] = replace(pending[0], span=Span(0, 0))  # before OP1
    merged = _merged(source, document, pending, tmp_path / "merged.docx")
    sent = answered(merged, tmp_path / "jpn.docx", {"USA"},
                    _typed("the Charter", " of the United Nations"))
    read = _read(sent, document, pending)
    made = [(a.kind, a.paragraph_id, a.new_text) for a in read.amendments]
    assert made == [(_K.INSERT, document.current.by_label("PP1").id,
                     " of the United Nations")]
    said = " ".join(w.message for w in read.warnings)
    assert "pending A1 of USA" in said and "pending A2 of USA" in said  # both accepted
    assert "this copy accepted it" in said
    assert "missing from the copy" not in said


def test_a_tracked_copy_of_the_text_is_not_called_the_merged_draft(tmp_path, draft):
    """JPN tracks its own pending A2 again and the EU's A1 words: nothing says the copy is
    the merged draft, nor that it rejected A1, which it holds."""
    source, document = draft
    pending = [_made(document, 1, "EU", "OP1", _K.INSERT, "Recognizes the", " universal"),
               _made(document, 2, "JPN", "OP3", _K.INSERT, "to remain", " actively")]
    sent = answered(source, tmp_path / "jpn.docx", set(),
                    tracked_insertion("Recognizes the", " universal", "JPN"),
                    tracked_insertion("to remain", " actively", "JPN"))
    read = _read(sent, document, pending)
    made = [(a.kind, a.proponents, a.new_text) for a in read.amendments]
    assert made == [(_K.INSERT, ("JPN",), " universal")]
    said = " ".join(w.message for w in read.warnings)
    assert "pending already (A2), its own proposal" in said
    assert "merged draft" not in said and "rejected" not in said
