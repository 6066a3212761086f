"""A footnote is read right after the paragraph citing it, yet it is no paragraph of the
body: a new paragraph after a paragraph citing a footnote used to be grouped with the
footnote (its text proposed as a new body paragraph, the footnote deleted, or the new
paragraph proposed after the footnote: "FN1 bis"), and a split paragraph's first part was
joined to it. A copy whose only tracked change is in a footnote used to be read as an
untracked copy (refused without a delegation, its Word author and date lost)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from docx_builders import AUTHOR, Para, dele, footnote, house, ins, para, write_docx

from drafting.errors import ReaderError
from drafting.model import AmendmentKind
from drafting.model.document import ParagraphStatus
from drafting.readers import read_docx_submission, read_draft

K = AmendmentKind
CITING = ["Requests the Secretary-General to submit a report",
          footnote("See A/79/123, para. 4."), " on small-scale fishers;"]
NEW = "Invites States to report;"


def paragraphs(note=None, op2=True) -> list[Para]:
    """The draft in house style: OP1 cites FN1 (whose text is ``note``'s parts); with
    ``op2``, OP2 follows it, else OP1 is the last paragraph."""
    cited = CITING if note is None else [CITING[0], footnote(*note), CITING[2]]
    body = [Para(["Recalling its resolution 70/1,"], "PP1"),
            Para(cited, "OP1")]
    return body + [Para(["Decides to remain seized of the matter;"], "OP2")] * op2


def draft(tmp_path, op2=True):
    """The draft as imported: PP1, OP1, FN1 (and OP2)."""
    read = read_draft(write_docx(tmp_path / "draft.docx", paragraphs(op2=op2)))
    return read.to_document("A/C.2/81/L.7")


@pytest.fixture
def document(tmp_path):
    return draft(tmp_path)


def amendments(document, copy, **options) -> list[tuple[K, str, str, str]]:
    """The copy's amendments (read for EU unless told otherwise) as (kind, label, old
    text, new text)."""
    options.setdefault("delegation", "EU")
    return brief(document, read_docx_submission(copy, document, **options))


def brief(document, read) -> list[tuple[K, str, str, str]]:
    labels = {p.id: p.label for p in document.current}
    return [(a.kind, labels[a.paragraph_id], a.old_text, a.new_text) for a in read.amendments]


def test_the_draft_cites_its_footnote_in_op1(tmp_path):
    assert [p.label for p in draft(tmp_path).current] == ["PP1", "OP1", "FN1", "OP2"]
    assert [p.label for p in draft(tmp_path, op2=False).current] == ["PP1", "OP1", "FN1"]


@pytest.mark.parametrize("op2", [True, False], ids=["before OP2", "at the end"])
@pytest.mark.parametrize("own_mark", [False, True], ids=["OP1's mark", "its own mark"])
def test_a_tracked_new_paragraph_after_a_paragraph_citing_a_footnote(
        tmp_path, own_mark, op2):
    """Word marks either the paragraph mark of OP1 inserted (Enter at its end) or the new
    paragraph's own; at the end of the document too."""
    document, copy = draft(tmp_path, op2), paragraphs(op2=op2)
    copy[1].mark = None if own_mark else ins()
    copy.insert(2, para(None, ins(NEW), mark=ins() if own_mark else None))
    read = read_docx_submission(write_docx(tmp_path / "eu.docx", copy), document,
                                delegation="EU")
    assert brief(document, read) == [(K.NEW_PARAGRAPH, "OP1", "", NEW)]
    assert read.warnings == ()


@pytest.mark.parametrize("op2", [True, False], ids=["before OP2", "at the end"])
def test_a_new_paragraph_in_an_edited_copy_after_a_paragraph_citing_a_footnote(
        tmp_path, op2):
    document, copy = draft(tmp_path, op2), paragraphs(op2=op2)
    copy.insert(2, Para([NEW]))
    path = write_docx(tmp_path / "eu.docx", copy)
    assert amendments(document, path) == [(K.NEW_PARAGRAPH, "OP1", "", NEW)]


@pytest.mark.parametrize("op2", [True, False], ids=["before OP2", "at the end"])
def test_a_tracked_split_after_a_footnote_leaves_the_footnote_alone(tmp_path, op2):
    """As for a paragraph without a footnote: the tail deleted, and a new paragraph."""
    document, copy = draft(tmp_path, op2), paragraphs(op2=op2)
    copy[1] = Para(CITING[:2], "OP1", mark=ins())
    copy.insert(2, Para([CITING[2]]))
    path = write_docx(tmp_path / "eu.docx", copy)
    assert amendments(document, path) == [
        (K.DELETE, "OP1", " on small-scale fishers;", ""),
        (K.NEW_PARAGRAPH, "OP1", "", "on small-scale fishers;")]


@pytest.mark.parametrize("tracked", [True, False], ids=["tracked", "edited"])
def test_a_footnote_edited_and_a_new_paragraph_after_the_one_citing_it(
        tmp_path, document, tracked):
    note = ["See", ins(" document"), " A/79/123, ", dele("para."), ins("paragraph"), " 4."] \
        if tracked else ["See document A/79/123, paragraph 4."]
    copy = paragraphs(note=note)
    copy[1].mark = ins() if tracked else None
    copy.insert(2, Para([ins(NEW) if tracked else NEW]))
    path = write_docx(tmp_path / "eu.docx", copy)
    assert sorted(amendments(document, path)) == [
        (K.INSERT, "FN1", "See", " document"),
        (K.NEW_PARAGRAPH, "OP1", "", NEW),
        (K.REPLACE, "FN1", "para.", "paragraph")]


def test_a_footnote_reading_as_a_paragraph_of_the_body_is_still_the_footnote(
        tmp_path, document):
    """Matched to the revision's footnote of its number, never to PP1, which it reads as
    (nor is a paragraph of the body ever matched to a footnote)."""
    path = write_docx(tmp_path / "eu.docx", paragraphs(note=["Recalling its resolution 70/1,"]))
    assert amendments(document, path) == [
        (K.REPLACE, "FN1", "See A/79/123, para. 4.", "Recalling its resolution 70/1,")]


def test_a_footnote_written_as_a_paragraph_is_still_matched_by_its_label(tmp_path, document):
    """A copy of the revision as drafting writes it without the Word file it came from:
    "FN1" is a paragraph of the body, its marker typed "[^1]"."""
    copy = house(document.current, {"FN1": ["See A/79/123, para. 4", ins(" and 5"), "."]})
    path = write_docx(tmp_path / "eu.docx", copy)
    assert [p.label for p in copy] == ["PP1", "OP1", "FN1", "OP2"]
    assert "[^1]" in copy[1].parts[0]
    assert amendments(document, path) == [(K.INSERT, "FN1", "4", " and 5")]


def test_a_footnote_the_revision_has_deleted_is_named_never_made_a_paragraph(
        tmp_path, document):
    revision = document.current
    gone = tuple(replace(p, status=ParagraphStatus.DELETED) if p.label == "FN1" else p
                 for p in revision)
    document = replace(document, revisions=(replace(revision, paragraphs=gone),))
    path = write_docx(tmp_path / "eu.docx", paragraphs(note=["See A/79/123, para. 5."]))
    read = read_docx_submission(path, document, delegation="EU")
    assert read.amendments == ()
    (warning,) = read.warnings
    assert "FN1 is not in Zero draft, so its text ('See A/79/123, para. 5.') was not read" \
        in str(warning)


def test_a_copy_tracking_a_change_in_a_footnote_only_is_a_tracked_copy(tmp_path, document):
    """Read by its Word author's delegation, with the author and the date of the change,
    without a delegation for the whole file."""
    copy = paragraphs(note=["See A/79/123, para. 4", ins(" and 5"), "."])
    path = write_docx(tmp_path / "eu.docx", copy)
    read = read_docx_submission(path, document, authors={AUTHOR: "EU"})
    assert read.tracked
    assert brief(document, read) == [(K.INSERT, "FN1", "4", " and 5")]
    (amendment,) = read.amendments
    assert amendment.proponents == ("EU",)
    assert amendment.submitted_by == AUTHOR
    assert amendment.submitted_at == datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


def test_an_edited_footnote_without_tracked_changes_still_needs_a_delegation(
        tmp_path, document):
    path = write_docx(tmp_path / "eu.docx", paragraphs(note=["See A/79/123, para. 5."]))
    with pytest.raises(ReaderError, match="no tracked changes"):
        read_docx_submission(path, document, authors={AUTHOR: "EU"})
